import { parseDateline } from "../facts/dates.ts";
import type { Correction, Figure } from "../facts/figure.ts";
import { findMentions, parseValue } from "../facts/numbers.ts";
import { parseQualifier, type Qualifier } from "../facts/qualifiers.ts";
import { matchQuote, normalizeForMatch } from "../facts/quote.ts";
import { ARTICLE } from "../facts/story-files.ts";

/**
 * What the notebook knows about one number in the article or a source:
 * - recorded: the number a figure's quote states (its row proves it);
 * - charted: recorded, and drawn or cited by a chart;
 * - superseded: the number a figure's quote stated before a correction replaced it;
 * - unrecorded: a number the text states that no figure records.
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
  /** Superseded: the corrections that replaced it (their corrections.csv lines). */
  corrections: Correction[];
}

/** The texts whose numbers the notebook shows: the article and the sources, in that order. */
export function textFiles(files: Map<string, string>): string[] {
  const sources = [...files.keys()].filter((name) => /^sources\/.+\.txt$/i.test(name)).sort();
  return [...(files.has(ARTICLE) ? [ARTICLE] : []), ...sources];
}

/**
 * Every number of the article and sources, placed exactly and given its status. The one place
 * the notebook reads numbers from text: today findMentions (numbers.ts) and matchQuote (quote.ts),
 * the same reading the build's check proves figures with.
 */
export function numbersInStory(files: Map<string, string>, figures: Figure[], charted: Set<string>): NumberInText[] {
  const found: NumberInText[] = [];
  const byFile = new Map<string, NumberInText[]>();
  const add = (n: NumberInText) => {
    const list = byFile.get(n.file) ?? [];
    // One number, several figures (two rows quoting the same words): one highlight naming them all.
    const same = list.find((m) => m.start === n.start && m.end === n.end);
    if (same && same.status !== "superseded" && n.status !== "superseded") {
      same.figures.push(...n.figures.filter((id) => !same.figures.includes(id)));
      if (n.status === "charted") same.status = "charted";
      return;
    }
    if (list.some((m) => m.start < n.end && n.start < m.end)) return; // the first claim on these characters wins
    list.push(n);
    byFile.set(n.file, list);
  };
  for (const figure of figures) {
    const at = placeStatement(files, figure);
    if (at)
      add({
        ...at,
        status: charted.has(figure.id) ? "charted" : "recorded",
        figures: [figure.id],
        corrections: [],
      });
  }
  for (const figure of figures) {
    for (const { state, corrections } of earlierStates(figure)) {
      const at = placeStatement(files, state);
      if (at) add({ ...at, status: "superseded", figures: [], corrections });
    }
  }
  for (const file of textFiles(files)) {
    const text = files.get(file)!;
    for (const m of numbersIn(text)) add({ file, ...m, status: "unrecorded", figures: [], corrections: [] });
  }
  for (const file of textFiles(files)) found.push(...(byFile.get(file) ?? []).sort((a, b) => a.start - b.start));
  return found;
}

/** What a figure claims: the value, with its qualifier, stated by the quote in the source. */
interface Statement {
  value: number;
  qualifier: Qualifier;
  quote: string;
  source: string;
}

/** Where the number a quote states stands in its source, as the build's check read it. */
export function placeStatement(
  files: Map<string, string>,
  { value, qualifier, quote, source }: Statement,
): { file: string; start: number; end: number } | undefined {
  const text = files.get(source);
  if (text === undefined) return undefined;
  const match = matchQuote(quote, text);
  if (!match.found) return undefined;
  const mention = findMentions(match.context).find(
    (m) => m.index + m.text.length > match.start && m.value === value && m.qualifier === qualifier,
  );
  if (!mention) return undefined;
  const map = normalizedPositions(text);
  if (!map) return undefined;
  const from = match.at - match.start + mention.index;
  const to = from + mention.text.length;
  return { file: source, start: map.starts[from], end: map.ends[to - 1] };
}

/** Numbers a text states, outside its dateline, none overlapping: the longest reading of a place wins. */
function numbersIn(text: string): { start: number; end: number }[] {
  const dateline = parseDateline(text) ? /^\uFEFF?\s*date\s+\S+/i.exec(text)![0].length : 0;
  const spans = findMentions(text)
    .map((m) => ({ start: m.index, end: m.index + m.text.length }))
    .filter((s) => s.start >= dateline)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: { start: number; end: number }[] = [];
  for (const s of spans) if (!kept.length || s.start >= kept[kept.length - 1].end) kept.push(s);
  return kept;
}

/**
 * A corrected figure as it stood before each day's corrections, newest first: where its old quote
 * still stands in a source, the old number is shown as superseded, not as a number nobody recorded.
 */
function earlierStates(figure: Figure): { state: Statement; corrections: Correction[] }[] {
  const states: { state: Statement; corrections: Correction[] }[] = [];
  const cells: Record<string, string> = {
    value: String(figure.value),
    qualifier: figure.qualifier,
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
      state: { value: value.value, qualifier, quote: cells.quote, source: cells.source.trim() || ARTICLE },
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
  let out = "";
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
        if (out.endsWith(" ")) ends[ends.length - 1] = end;
        else {
          out += " ";
          starts.push(begin);
          ends.push(end);
        }
        continue;
      }
      out += SINGLE.test(ch) ? "'" : DOUBLE.test(ch) ? '"' : ch;
      for (let i = 0; i < ch.length; i++) {
        starts.push(begin);
        ends.push(end);
      }
    }
  }
  // trim()
  let from = 0;
  let to = out.length;
  if (out.startsWith(" ")) from = 1;
  if (to > from && out.endsWith(" ")) to -= 1;
  const normalized = out.slice(from, to);
  if (normalized !== normalizeForMatch(text)) return undefined;
  return { starts: starts.slice(from, to), ends: ends.slice(from, to) };
}
