import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readText, type Reading } from "../../pipeline/facts/reader.ts";
import { proposedPeriod } from "../../pipeline/facts/figure-period.ts";

/**
 * The period passages of the reading corpus (tests/corpus/periods-*.txt, tolls-*.txt; format in
 * tests/corpus/README.md), read and scored field by field. The scored corpus harness of the whole
 * corpus is tests/corpus.test.ts; this one keeps the date work honest on its own passages, the
 * held-out files (`*-heldout.txt`) scored apart.
 */

export interface Expected {
  words: string;
  /** Which occurrence of the words in the passage (1 for the first). */
  nth: number;
  figure: boolean;
  value?: string;
  qualifier?: string;
  unit?: string;
  period?: string;
}

export interface Passage {
  file: string;
  line: number;
  dateline: string;
  text: string;
  expected: Expected[];
}

const CORPUS = join(import.meta.dirname, "..", "corpus");

export function periodCorpusFiles(): string[] {
  return readdirSync(CORPUS)
    .filter((name) => /^(?:periods|tolls)-.*\.txt$/.test(name))
    .sort();
}

export function parseCorpus(file: string): Passage[] {
  const lines = readFileSync(join(CORPUS, file), "utf8").split("\n");
  const passages: Passage[] = [];
  let dateline = "";
  let current: Passage | undefined;
  let previousWasText = false;
  lines.forEach((raw, i) => {
    const line = raw.trimEnd();
    if (!line.trim() || line.startsWith("#")) {
      previousWasText = false;
      return;
    }
    const date = /^date (\d{4}-\d{2}-\d{2})$/.exec(line);
    if (date) {
      dateline = date[1];
      previousWasText = false;
      return;
    }
    if (line.startsWith(">")) {
      const text = line.replace(/^>\s?/, "");
      if (previousWasText && current) current.text += ` ${text}`;
      else passages.push((current = { file, line: i + 1, dateline, text, expected: [] }));
      previousWasText = true;
      return;
    }
    previousWasText = false;
    if (!current) throw new Error(`${file}:${i + 1}: a number before any passage`);
    const nth = (words: string) => {
      const m = /^(.*)#(\d+)$/.exec(words);
      return m ? { words: m[1], nth: Number(m[2]) } : { words, nth: 1 };
    };
    if (line.startsWith("not ")) {
      current.expected.push({ ...nth(line.slice(4).trim()), figure: false });
      return;
    }
    const m = /^(.+?) = (.*)$/.exec(line);
    if (!m) throw new Error(`${file}:${i + 1}: cannot read ${JSON.stringify(line)}`);
    const [value, qualifier, unit, period] = m[2].split("|").map((cell) => cell.trim());
    current.expected.push({ ...nth(m[1].trim()), figure: true, value, qualifier, unit, period: period ?? "" });
  });
  return passages;
}

/** Where the nth occurrence of `words` is in the text. */
function locate(text: string, words: string, nth: number): number {
  let at = -1;
  for (let k = 0; k < nth; k++) {
    at = text.indexOf(words, at + 1);
    if (at < 0) return -1;
  }
  return at;
}

/** A reading's period as the corpus writes it. */
export function periodOf(r: Reading): string {
  const p = proposedPeriod(r);
  if (p.kind === "ambiguous") return "?";
  if (p.kind === "none") return "";
  if (p.kind === "ends") return `..${p.end}`;
  const days = p.start === p.end ? p.start : `${p.start}..${p.end}`;
  return p.nights ? `${p.start === p.end ? "night" : "nights"} ${days}` : days;
}

const valueOf = (r: Reading) =>
  r.fraction
    ? `${r.fraction.numerator}/${r.fraction.denominator}`
    : r.range
      ? `${r.range.low}-${r.range.high}`
      : String(r.value);

/** Spellings of one unit, as the README lists them. */
const UNIT_NAMES: Record<string, string> = {
  "°c": "°C",
  c: "°C",
  "degrees celsius": "°C",
  degrees: "°C",
  millimetres: "mm",
  millimeters: "mm",
  millimetre: "mm",
  centimetres: "cm",
  centimeters: "cm",
  metre: "metres",
  meters: "metres",
  meter: "metres",
  kph: "km/h",
  acre: "acres",
};
const unitOf = (u: string) => UNIT_NAMES[u.trim().toLowerCase()] ?? u.trim();

export interface Score {
  file: string;
  line: number;
  words: string;
  field: "found" | "value" | "qualifier" | "unit" | "period" | "false figure" | "unlisted";
  expected: string;
  read: string;
}

export interface Tally {
  figures: number;
  found: number;
  value: number;
  qualifier: number;
  unit: number;
  period: number;
  /** Figures whose period the words give (the field issue 18 measured at 6 in 10). */
  dated: number;
  datedRight: number;
  all: number;
  falseFigures: number;
  notFigures: number;
  misses: Score[];
}

export function scorePassages(passages: Passage[]): Tally {
  const tally: Tally = {
    figures: 0,
    found: 0,
    value: 0,
    qualifier: 0,
    unit: 0,
    period: 0,
    dated: 0,
    datedRight: 0,
    all: 0,
    falseFigures: 0,
    notFigures: 0,
    misses: [],
  };
  for (const passage of passages) {
    const readings = readText(passage.text, { dateline: passage.dateline }).flatMap((s) => s.readings);
    const claimed = new Set<Reading>();
    for (const e of passage.expected) {
      const miss = (field: Score["field"], expected: string, read: string) =>
        tally.misses.push({ file: passage.file, line: passage.line, words: e.words, field, expected, read });
      const at = locate(passage.text, e.words, e.nth);
      if (at < 0) throw new Error(`${passage.file}:${passage.line}: "${e.words}" is not in the passage`);
      const stop = at + e.words.length;
      const r = readings.find((x) => x.start < stop && x.end > at && !claimed.has(x));
      if (r) claimed.add(r);
      if (!e.figure) {
        tally.notFigures++;
        if (r && r.kind === "figure") {
          tally.falseFigures++;
          miss("false figure", "not a figure", r.text);
        }
        continue;
      }
      tally.figures++;
      if (e.period) tally.dated++;
      if (!r || r.kind !== "figure") {
        miss("found", "a figure", r ? `${r.kind} "${r.text}"` : "nothing");
        continue;
      }
      tally.found++;
      const checks = [
        ["value", e.value!, valueOf(r)],
        ["qualifier", e.qualifier!, r.qualifier ?? "none"],
        ["unit", unitOf(e.unit!), unitOf(r.unit)],
        ["period", e.period!, periodOf(r)],
      ] as const;
      let right = 0;
      for (const [field, expected, read] of checks) {
        if (expected === read) {
          tally[field]++;
          right++;
        } else miss(field, expected, read);
      }
      if (e.period && e.period === periodOf(r)) tally.datedRight++;
      if (right === checks.length) tally.all++;
    }
    for (const r of readings)
      if (!claimed.has(r))
        tally.misses.push({
          file: passage.file,
          line: passage.line,
          words: r.text,
          field: "unlisted",
          expected: "listed",
          read: `${r.kind} "${r.text}"`,
        });
  }
  return tally;
}

const percent = (n: number, of: number) => `${of ? ((100 * n) / of).toFixed(1) : "100.0"}%`;

export function describeTally(name: string, t: Tally): string {
  return `${name}: ${t.figures} figures; found ${percent(t.found, t.figures)}, value ${percent(t.value, t.figures)}, qualifier ${percent(t.qualifier, t.figures)}, unit ${percent(t.unit, t.figures)}, period ${percent(t.period, t.figures)} (dated figures ${percent(t.datedRight, t.dated)} of ${t.dated}); all five ${percent(t.all, t.figures)}; false figures ${t.falseFigures} of ${t.notFigures}`;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ""))) {
  const showHeldOut = process.argv.includes("--held-out");
  const files = periodCorpusFiles();
  const tuned = files.filter((f) => !f.includes("heldout")).flatMap(parseCorpus);
  const held = files.filter((f) => f.includes("heldout")).flatMap(parseCorpus);
  const a = scorePassages(tuned);
  const b = scorePassages(held);
  for (const m of a.misses)
    console.log(`${m.file}:${m.line} ${m.field} "${m.words}": expected ${m.expected}, read ${m.read}`);
  if (showHeldOut)
    for (const m of b.misses)
      console.log(`${m.file}:${m.line} ${m.field} "${m.words}": expected ${m.expected}, read ${m.read}`);
  console.log(describeTally("tuned", a));
  console.log(describeTally("held out", b));
}
