import type { Row } from "./csv.ts";
import { parseDateline, parseFiscalStart } from "./dates.ts";
import type { Correction } from "./figure.ts";
import { lineAt, matchQuote } from "./quote.ts";
import type { Reading } from "./reader.ts";
import { readSource, type SourceCache } from "./source-readings.ts";
import { ARTICLE } from "./story-files.ts";
import { parseValue } from "./value-cell.ts";

/**
 * Every number the article and its sources state, and which rows of figures.csv record it: what
 * `npm run figures` lists, and what the build's coverage line counts. A number is recorded when a
 * row quotes it (its quote covers the number, in that file) with its value, now or before a
 * correction replaced it.
 */
export interface StoryNumber {
  /** The file it is in, relative to the story folder. */
  file: string;
  line: number;
  reading: Reading;
  /** The sentence as the source has it, its white space runs made one space: a quote for figures.csv. */
  sentence: string;
  /** Ids of the rows that record it. */
  recordedBy: string[];
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

export function listStoryNumbers({ files, rows, history, sources = new Map() }: CoverageInput): StoryNumber[] {
  const published = parseDateline(files.get(ARTICLE) ?? "");
  const all = claims(rows, history);
  const numbers: StoryNumber[] = [];
  for (const file of textFiles(files)) {
    const read = readSource(sources, file, files.get(file)!, published, parseFiscalStart(files.get(ARTICLE) ?? ""));
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
        numbers.push({
          file,
          line: lineAt(read.index, reading.numberStart),
          reading,
          sentence: verbatim,
          recordedBy,
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
