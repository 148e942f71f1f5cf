import type { Row } from "./csv.ts";
import { parseDateline, parseFiscalStart } from "./dates.ts";
import type { Correction, Figure } from "./figure.ts";
import { normalizedPositions, placeInOriginal } from "./positions.ts";
import { proveClaim } from "./proof.ts";
import { parseQualifier, type Qualifier } from "./qualifiers.ts";
import { lineAt, matchQuote } from "./quote.ts";
import type { Reading } from "./reader.ts";
import { readSource, type ReadSource, type SourceCache } from "./source-readings.ts";
import { ARTICLE } from "./story-files.ts";
import { parseValue } from "./value-cell.ts";

/**
 * The one reading of the story: every number the article and its sources state, where it stands,
 * how the reader read it, which rows of figures.csv record it and which figure's proof chose it.
 * The build's check fills in the proofs, the coverage line counts it, `npm run figures` lists it,
 * and the notebook shows it; nothing after the facts layer reads a sentence again.
 *
 * A number is recorded when a row quotes it (its quote covers the number, in that file) with its
 * value, now or before a correction replaced it.
 */
export interface StoryNumber {
  /** The file it is in, relative to the story folder. */
  file: string;
  line: number;
  reading: Reading;
  /** Where the number stands in the file as received, qualifier included; absent if it cannot be placed. */
  place?: { start: number; end: number };
  /** The sentence as the source has it, its white space runs made one space: a quote for figures.csv. */
  sentence: string;
  /** Ids of the rows that record it. */
  recordedBy: string[];
  /** The figures whose proof chose this very number, in fact-sheet order. */
  proven: string[];
  /** Where a corrected figure's earlier quote stated this number and no figure states it now: the corrections that replaced it. */
  superseded: Correction[];
}

/** What the manifest lists for each unrecorded figure. */
export interface UnrecordedNumber {
  file: string;
  line: number;
  text: string;
  value: number | string;
}

export interface CoverageInput {
  files: Map<string, string>;
  /** The fact sheet as written, before corrections. */
  rows: Row[];
  history: Map<string, Correction[]>;
  sources?: SourceCache;
  /** The figures that passed the check, and the reading each one's proof chose (checkFigures). */
  figures?: Figure[];
  chosen?: Map<string, Reading>;
}

/** The story's text files, article first: what can state a figure. */
export function textFiles(files: Map<string, string>): string[] {
  const names = [...files.keys()].filter((name) => name === ARTICLE || /^sources\/[^/]+\.txt$/i.test(name));
  return names.sort((a, b) => (a === ARTICLE ? -1 : b === ARTICLE ? 1 : a < b ? -1 : a > b ? 1 : 0));
}

interface Claim {
  id: string;
  source: string;
  quote: string;
  values: { value: number; fraction: { numerator: number; denominator: number } | null }[];
}

/** Every (source, quote, value) a row has had: as written, and as each correction left it. */
function claims(rows: Row[], history: Map<string, Correction[]>): Claim[] {
  const out: Claim[] = [];
  for (const row of rows) {
    const c = row.cells;
    if (!c.id || row.broken) continue;
    const changes = history.get(c.id) ?? [];
    const quotes = [c.quote ?? "", ...changes.filter((x) => x.field === "quote").map((x) => x.to)];
    const sources = [c.source ?? "", ...changes.filter((x) => x.field === "source").map((x) => x.to)];
    const values = [c.value ?? "", ...changes.filter((x) => x.field === "value").map((x) => x.to)]
      .map(parseValue)
      .flatMap((p) => (p.ok ? [{ value: p.value, fraction: p.fraction }] : []));
    for (const quote of new Set(quotes))
      for (const source of new Set(sources.map((s) => (s || ARTICLE).replace(/\\/g, "/"))))
        if (quote) out.push({ id: c.id, source, quote, values });
  }
  return out;
}

const agrees = (r: Reading, v: Claim["values"][number]) =>
  v.fraction
    ? r.fraction !== null &&
      r.fraction.numerator * v.fraction.denominator === r.fraction.denominator * v.fraction.numerator
    : r.fraction === null && r.value === v.value;

export function listStoryNumbers({
  files,
  rows,
  history,
  sources = new Map(),
  figures = [],
  chosen = new Map(),
}: CoverageInput): StoryNumber[] {
  const published = parseDateline(files.get(ARTICLE) ?? "");
  const fiscalStart = parseFiscalStart(files.get(ARTICLE) ?? "");
  const all = claims(rows, history);
  const key = (file: string, r: Reading) => `${file}:${r.numberStart}`;
  // The number each figure's proof chose, and those its quote stated before each day's corrections.
  const proven = new Map<string, string[]>();
  for (const figure of figures) {
    const at = chosen.get(figure.id);
    if (at) proven.set(key(figure.source, at), [...(proven.get(key(figure.source, at)) ?? []), figure.id]);
  }
  const superseded = new Map<string, Correction[]>();
  for (const figure of figures)
    for (const { state, corrections } of earlierStates(figure)) {
      const text = files.get(state.source);
      if (text === undefined) continue;
      const at = provenReading(readSource(sources, state.source, text, published, fiscalStart), state);
      if (at && !proven.has(key(state.source, at))) superseded.set(key(state.source, at), corrections);
    }
  const numbers: StoryNumber[] = [];
  for (const file of textFiles(files)) {
    const read = readSource(sources, file, files.get(file)!, published, fiscalStart);
    // Quotes by where they start, swept once with the readings (both in order): no row is
    // compared with a number its quote does not reach.
    const covering = all
      .filter((claim) => claim.source === file)
      .flatMap((claim) => {
        const match = matchQuote(claim.quote, read.index);
        return match.found ? [{ claim, at: match.at, end: match.end }] : [];
      })
      .sort((a, b) => a.at - b.at);
    let next = 0;
    let open: typeof covering = [];
    const { origin, nfc } = read.index;
    const positions = normalizedPositions(files.get(file)!);
    for (const sentence of read.sentences()) {
      const verbatim = nfc
        .slice(origin[sentence.start], origin[sentence.end - 1] + 1)
        .replace(/[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g, " ");
      for (const reading of sentence.readings) {
        while (next < covering.length && covering[next].at < reading.numberEnd) open.push(covering[next++]);
        open = open.filter((c) => c.end > reading.numberStart);
        const recordedBy = [
          ...new Set(
            open
              .filter(({ claim, at }) => at < reading.numberEnd && claim.values.some((v) => agrees(reading, v)))
              .map(({ claim }) => claim.id),
          ),
        ];
        const place = placeInOriginal(positions, reading.start, reading.end);
        numbers.push({
          file,
          line: lineAt(read.index, reading.numberStart),
          reading,
          ...(place ? { place } : {}),
          sentence: verbatim,
          recordedBy,
          proven: proven.get(key(file, reading)) ?? [],
          superseded: superseded.get(key(file, reading)) ?? [],
        });
      }
    }
  }
  return numbers;
}

/** The figures no row records (years, dates, ages, clock times, ordinals and labels are not figures). */
export function unrecordedNumbers(numbers: StoryNumber[]): UnrecordedNumber[] {
  return numbers
    .filter((n) => n.reading.kind === "figure" && n.recordedBy.length === 0)
    .map(({ file, line, reading: r }) => ({
      file,
      line,
      text: r.text,
      value: r.fraction
        ? `${r.fraction.numerator}/${r.fraction.denominator}`
        : r.range
          ? `${r.range.low}-${r.range.high}`
          : r.value,
    }));
}

/** What a figure claims: the value, with its qualifier, stated by the quote in the source. */
interface Statement {
  value: number;
  fraction: Figure["fraction"];
  qualifier: Qualifier;
  /** The unit the row gives ("%", "kilometres"): a percentage is proven as one, as the check does. */
  unit: string;
  quote: string;
  source: string;
}

/** The reading a statement's proof chooses, as the check would choose it. */
function provenReading(read: ReadSource, { value, fraction, qualifier, unit, quote }: Statement): Reading | undefined {
  const match = matchQuote(quote, read.index);
  if (!match.found) return undefined;
  const candidates = read
    .sentencesAt(match.at, match.end)
    .flatMap((sentence) => sentence.readings)
    .filter((r) => r.numberEnd > match.at && r.numberStart < match.end);
  const proof = proveClaim({ value, fraction, qualifier, start: "", end: "", unit }, candidates, read.dateline, false);
  return proof.ok ? proof.reading : undefined;
}

/**
 * A corrected figure as it stood before each day's corrections, newest first: where its old quote
 * still stands in a source, the old number is superseded, not a number nobody recorded.
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
