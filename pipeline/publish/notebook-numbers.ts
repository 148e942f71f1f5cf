import { listStoryNumbers, textFiles as storyTextFiles } from "../facts/coverage.ts";
import type { Row } from "../facts/csv.ts";
import { parseDateline } from "../facts/dates.ts";
import type { Correction, Figure, Fraction } from "../facts/figure.ts";
import { proveClaim } from "../facts/proof.ts";
import { parseQualifier, type Qualifier } from "../facts/qualifiers.ts";
import { matchQuote, normalizeForMatch } from "../facts/quote.ts";
import type { Reading } from "../facts/reader.ts";
import { readSource, type SourceCache } from "../facts/source-readings.ts";
import { ARTICLE, FIGURES } from "../facts/story-files.ts";
import { parseValue } from "../facts/value-cell.ts";

/**
 * What the notebook knows about one number in the article or a source:
 * - recorded: the number a figure's quote states (its row proves it);
 * - charted: recorded, and drawn or cited by a chart;
 * - superseded: the number a figure's quote stated before a correction replaced it;
 * - unrecorded: a figure the text states that no row records (years, dates, ages, clock times,
 *   ordinals and names are not figures, and are not marked).
 */
export type NumberStatus = "recorded" | "charted" | "superseded" | "unrecorded";

export interface NumberInText {
  /** The story file, relative to the story folder: article.txt, sources/x.txt. */
  file: string;
  /** Where the number stands in the file's text, qualifier included ("Nearly 1,000"). */
  start: number;
  end: number;
  status: NumberStatus;
  /** Recorded and charted: the figures this number is the value of, in fact-sheet order. */
  figures: string[];
  /** The number those figures' proof chose (the one place the fact sheet links back to). */
  proof: boolean;
  /** Superseded: the corrections that replaced it (their corrections.csv lines). */
  corrections: Correction[];
}

/** The texts whose numbers the notebook shows: the article and the sources, in that order. */
export const textFiles = storyTextFiles;

/**
 * Every figure of the article and sources, placed exactly and given its status. The one place the
 * notebook reads numbers from text, with the sentence reader the build's check and coverage count
 * use: a figure's number is the reading its proof chose, and a number is unrecorded exactly when
 * the build counts it so (manifest.unrecorded).
 */
export function numbersInStory(files: Map<string, string>, figures: Figure[], charted: Set<string>): NumberInText[] {
  const published = parseDateline(files.get(ARTICLE) ?? "");
  const sources: SourceCache = new Map();
  const key = (file: string, r: Reading) => `${file}:${r.numberStart}`;

  // The number each figure's proof reads, now and as it stood before each day's corrections.
  const current = new Map<string, string[]>();
  const superseded = new Map<string, Correction[]>();
  for (const figure of figures) {
    const at = provenReading(files, sources, published, figure);
    if (at) current.set(key(figure.source, at), [...(current.get(key(figure.source, at)) ?? []), figure.id]);
  }
  for (const figure of figures)
    for (const { state, corrections } of earlierStates(figure)) {
      const at = provenReading(files, sources, published, state);
      if (at && !current.has(key(state.source, at))) superseded.set(key(state.source, at), corrections);
    }

  // Each file's map looked up once: a Map keyed by a long text compares the whole text on every hit
  // when the text is an equal copy (a rebuild reads the file again), which made this quadratic.
  const maps = new Map<string, Positions | undefined>();
  const mapOf = (file: string) => {
    if (!maps.has(file)) maps.set(file, normalizedPositions(files.get(file)!));
    return maps.get(file);
  };
  const numbers: NumberInText[] = [];
  const all = listStoryNumbers({ files, rows: originalRows(figures), history: history(figures), sources });
  for (const n of all) {
    if (n.reading.kind !== "figure") continue;
    const place = toOriginal(mapOf(n.file), n.reading);
    if (!place) continue;
    const ids = current.get(key(n.file, n.reading)) ?? [];
    const old = superseded.get(key(n.file, n.reading));
    // A number a row's quote covers with its value though its proof chose another (the same number
    // twice in one quote) is that row's number all the same: the build does not count it unrecorded.
    const covering = ids.length ? ids : old ? [] : n.recordedBy;
    const status: NumberStatus = covering.length
      ? covering.some((id) => charted.has(id))
        ? "charted"
        : "recorded"
      : old
        ? "superseded"
        : "unrecorded";
    numbers.push({ file: n.file, ...place, status, figures: covering, proof: ids.length > 0, corrections: old ?? [] });
  }
  return numbers;
}

/** What a figure claims: the value, with its qualifier, stated by the quote in the source. */
interface Statement {
  value: number;
  fraction: Fraction | null;
  qualifier: Qualifier;
  /** The unit the row gives ("%", "kilometres"): a percentage is proven as one, as the check does. */
  unit: string;
  quote: string;
  source: string;
}

/** The reading a figure's proof chooses: the very number its quote states, as the build's check read it. */
function provenReading(
  files: Map<string, string>,
  sources: SourceCache,
  published: string | undefined,
  { value, fraction, qualifier, unit, quote, source }: Statement,
): Reading | undefined {
  const text = files.get(source);
  if (text === undefined) return undefined;
  const read = readSource(sources, source, text, published);
  const match = matchQuote(quote, read.index);
  if (!match.found) return undefined;
  const candidates = read
    .sentencesAt(match.at, match.end)
    .flatMap((sentence) => sentence.readings)
    .filter((r) => r.numberEnd > match.at && r.numberStart < match.end);
  const claim = { value, fraction, qualifier, start: "", end: "", unit };
  const proof = proveClaim(claim, candidates, read.dateline, false);
  return proof.ok ? proof.reading : undefined;
}

/** A reading's place in the file as received (the reader reads the normalized text). */
function toOriginal(map: Positions | undefined, r: Reading): { start: number; end: number } | undefined {
  if (!map || r.end > map.starts.length || r.start >= r.end) return undefined;
  return { start: map.starts[r.start], end: map.ends[r.end - 1] };
}

/**
 * The fact sheet as written, before corrections, for the coverage count: each figure's cells as
 * they stood before its first correction.
 */
function originalRows(figures: Figure[]): Row[] {
  return figures.map((f) => {
    const cells: Record<string, string> = {
      id: f.id,
      value: f.fraction ? `${f.fraction.numerator}/${f.fraction.denominator}` : String(f.value),
      quote: f.quote,
      source: f.source,
    };
    for (const c of [...f.corrections].reverse()) if (c.field in cells) cells[c.field] = c.from;
    return { file: FIGURES, line: f.line, cells };
  });
}

function history(figures: Figure[]): Map<string, Correction[]> {
  return new Map(figures.filter((f) => f.corrections.length).map((f) => [f.id, f.corrections]));
}

/**
 * A corrected figure as it stood before each day's corrections, newest first: where its old quote
 * still stands in a source, the old number is shown as superseded, not as a number nobody recorded.
 */
function earlierStates(figure: Figure): { state: Statement; corrections: Correction[] }[] {
  const states: { state: Statement; corrections: Correction[] }[] = [];
  const cells: Record<string, string> = {
    value: figure.fraction ? `${figure.fraction.numerator}/${figure.fraction.denominator}` : String(figure.value),
    qualifier: figure.qualifier,
    unit: figure.unit,
    quote: figure.quote,
    source: figure.source,
  };
  const dates = [...new Set(figure.corrections.map((c) => c.date))].sort().reverse();
  for (const date of dates) {
    const ofDate = figure.corrections.filter((c) => c.date === date);
    for (const c of [...ofDate].reverse()) if (c.field in cells) cells[c.field] = c.from;
    const value = parseValue(cells.value);
    const qualifier = parseQualifier(cells.qualifier);
    if (!value.ok || !qualifier || !ofDate.some((c) => c.field in cells)) continue;
    states.push({
      state: {
        value: value.value,
        fraction: value.fraction,
        qualifier,
        unit: cells.unit,
        quote: cells.quote,
        source: cells.source.trim() || ARTICLE,
      },
      corrections: ofDate,
    });
  }
  return states;
}

interface Positions {
  /** For each character of the normalized text, where it starts and ends in the original. */
  starts: number[];
  ends: number[];
}

/** One map per text: every figure quoting a file looks its quote up in the same map. */
const positions = new Map<string, Positions | null>();

/**
 * normalizeForMatch with a map back to the original text, so a quote found in the normalized
 * text is highlighted where it stands. Undefined if the two normalizations ever disagree (then
 * nothing is highlighted rather than the wrong characters).
 */
export function normalizedPositions(text: string): Positions | undefined {
  if (!positions.has(text)) {
    if (positions.size >= 64) positions.clear();
    positions.set(text, mapNormalized(text) ?? null);
  }
  return positions.get(text) ?? undefined;
}

const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/;
const SPACE = /[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]/;
const SINGLE = /[\u2018\u2019\u201A\u201B\u2032\u00B4`]/;
const DOUBLE = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/;

function mapNormalized(text: string): Positions | undefined {
  // Pieces joined once at the end: asking a string built by += what it ends with flattens it, every
  // character, which made this quadratic in the text.
  const pieces: string[] = [];
  let lastIsSpace = false;
  const starts: number[] = [];
  const ends: number[] = [];
  // NFC composes a letter with the marks after it (and Hangul jamo): each such cluster normalizes on its own.
  for (const cluster of text.matchAll(/[\s\S][\p{M}\u1160-\u11FF\uD7B0-\uD7FF]*/gu)) {
    const composed = cluster[0].normalize("NFC");
    // Unchanged, each character maps to itself; composed, each maps to the whole cluster.
    const same = composed === cluster[0];
    let offset = cluster.index!;
    for (const ch of composed) {
      const begin = same ? offset : cluster.index!;
      const end = same ? offset + ch.length : cluster.index! + cluster[0].length;
      offset += ch.length;
      if (INVISIBLE.test(ch)) continue;
      if (SPACE.test(ch)) {
        if (lastIsSpace) ends[ends.length - 1] = end;
        else {
          pieces.push(" ");
          lastIsSpace = true;
          starts.push(begin);
          ends.push(end);
        }
        continue;
      }
      pieces.push(SINGLE.test(ch) ? "'" : DOUBLE.test(ch) ? '"' : ch);
      lastIsSpace = false;
      for (let i = 0; i < ch.length; i++) {
        starts.push(begin);
        ends.push(end);
      }
    }
  }
  const out = pieces.join("");
  // trim()
  let from = 0;
  let to = out.length;
  if (out.startsWith(" ")) from = 1;
  if (to > from && out.endsWith(" ")) to -= 1;
  const normalized = out.slice(from, to);
  if (normalized !== normalizeForMatch(text)) return undefined;
  return { starts: starts.slice(from, to), ends: ends.slice(from, to) };
}
