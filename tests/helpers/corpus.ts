import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { proposedPeriod } from "../../pipeline/facts/figure-period.ts";
import { readText, type Reading } from "../../pipeline/facts/reader.ts";
import { sameUnit } from "../../pipeline/facts/units.ts";

/**
 * The reading corpus (tests/corpus/*.txt, format in tests/corpus/README.md): parsed, read with the
 * project's reader at each passage's dateline, and scored per figure. Shared by
 * tests/corpus.test.ts (which fails below the targets) and `npm run bench -- --reading`.
 */

export const CORPUS = join(import.meta.dirname, "..", "corpus");

export interface Expected {
  /** The number's words as the line gives them ("1,000", "3.2 lakh crore"), and which occurrence. */
  words: string;
  occurrence: number;
  /** The line in its file, for messages. */
  line: number;
  figure: boolean;
  value?: string;
  qualifier?: string;
  unit?: string;
  period?: string;
  /** undefined: not scored. */
  noun?: string;
  speaker?: string;
}

export interface Passage {
  file: string;
  line: number;
  dateline: string;
  /** The `source NAME` in force: the passage is that source file's own words. */
  source: string;
  text: string;
  expected: Expected[];
}

export interface ParseProblem {
  file: string;
  line: number;
  message: string;
}

/** Every passage of one corpus file; problems say what line is wrong. */
export function parseCorpus(file: string, text: string): { passages: Passage[]; problems: ParseProblem[] } {
  const passages: Passage[] = [];
  const problems: ParseProblem[] = [];
  let dateline = "";
  let source = "";
  let current: Passage | undefined;
  let lastWasText = false;
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    const problem = (message: string) => problems.push({ file, line, message });
    const trimmed = raw.trim();
    if (trimmed === "" || trimmed.startsWith("#")) {
      lastWasText = false;
      return;
    }
    let m: RegExpExecArray | null;
    if ((m = /^date\s+(\d{4}-\d{2}-\d{2})$/.exec(trimmed))) {
      dateline = m[1];
      lastWasText = false;
      return;
    }
    if ((m = /^source(?:\s+(.*))?$/.exec(trimmed)) && !trimmed.includes("=")) {
      source = (m[1] ?? "").trim();
      lastWasText = false;
      return;
    }
    if (trimmed.startsWith(">")) {
      const words = trimmed.slice(1).trim();
      if (lastWasText && current) {
        // A bare ">" is a paragraph break inside the passage (a transcript's next speaker, a new paragraph).
        current.text =
          words === ""
            ? `${current.text}\n\n`
            : current.text.endsWith("\n\n")
              ? current.text + words
              : `${current.text} ${words}`;
      } else {
        if (!dateline) problem("a passage before any `date YYYY-MM-DD` line");
        current = { file, line, dateline, source, text: words, expected: [] };
        passages.push(current);
      }
      lastWasText = true;
      return;
    }
    lastWasText = false;
    if (!current) return problem("a number's line before any passage");
    const occurrence = (words: string) => {
      const n = /^(.*?)#(\d+)$/.exec(words);
      return n ? { words: n[1].trim(), occurrence: Number(n[2]) } : { words: words.trim(), occurrence: 1 };
    };
    if ((m = /^not\s+(.+)$/.exec(trimmed)) && !trimmed.includes(" = ")) {
      current.expected.push({ ...occurrence(m[1]), line, figure: false });
      return;
    }
    const eq = trimmed.indexOf(" = ");
    if (eq < 0) return problem(`expected "WORDS = VALUE | QUALIFIER | UNIT | PERIOD | NOUN | SPEAKER" or "not WORDS"`);
    const fields = trimmed
      .slice(eq + 3)
      .split("|")
      .map((f) => f.trim());
    if (fields.length < 4 || fields.length > 6)
      return problem(`expected 4 to 6 fields after "=", found ${fields.length}`);
    const [value, qualifier, unit, period, noun, speaker] = fields;
    if (!/^(?:exact|about|nearly|at_least|more_than|up_to|none)$/.test(qualifier))
      problem(`unknown qualifier "${qualifier}"`);
    if (!parseExpectedValue(value)) problem(`unreadable value "${value}"`);
    if (
      period &&
      !/^(?:\?|night \d{4}-\d{2}-\d{2}|nights \d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}|\d{4}-\d{2}-\d{2}|\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}|\.\.\d{4}-\d{2}-\d{2})$/.test(
        period,
      )
    )
      problem(`unreadable period "${period}"`);
    current.expected.push({
      ...occurrence(trimmed.slice(0, eq)),
      line,
      figure: true,
      value,
      qualifier,
      unit,
      period,
      noun: noun === undefined || noun === "*" ? undefined : noun,
      speaker: speaker === undefined || speaker === "*" ? undefined : speaker,
    });
  });
  for (const passage of passages) {
    for (const e of passage.expected)
      if (!locate(passage.text, e))
        problems.push({ file, line: e.line, message: `"${e.words}"#${e.occurrence} is not in the passage` });
  }
  return { passages, problems };
}

type Value =
  | { kind: "number"; value: number }
  | { kind: "fraction"; n: number; d: number }
  | { kind: "range"; low: number; high: number };

function parseExpectedValue(text: string): Value | undefined {
  const clean = text.replace(/[,\s]/g, "");
  let m: RegExpExecArray | null;
  if ((m = /^(\d+)\/(\d+)$/.exec(clean))) return { kind: "fraction", n: Number(m[1]), d: Number(m[2]) };
  if ((m = /^(-?[\d.]+(?:e\d+)?)-(-?[\d.]+(?:e\d+)?)$/.exec(clean)))
    return { kind: "range", low: Number(m[1]), high: Number(m[2]) };
  const n = Number(clean);
  return clean !== "" && Number.isFinite(n) ? { kind: "number", value: n } : undefined;
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Where the line's words stand in the passage: its nth occurrence, not inside a longer number or word. */
export function locate(
  text: string,
  e: Pick<Expected, "words" | "occurrence">,
): { at: number; end: number } | undefined {
  const lower = text.toLowerCase();
  const words = e.words.toLowerCase();
  let seen = 0;
  for (let at = lower.indexOf(words); at >= 0; at = lower.indexOf(words, at + 1)) {
    const end = at + words.length;
    if (isWordChar(words[0]) && isWordChar(text[at - 1])) continue;
    if (
      isWordChar(words[words.length - 1]) &&
      isWordChar(text[end]) &&
      !/^(?:k|m|bn|mn|tn|cr|C|F)\b/u.test(text.slice(end))
    )
      continue;
    // "1,000" inside "21,000" or "1,000.5".
    if (/\d/.test(words[0]) && /[\d.,]/.test(text[at - 1] ?? "") && /\d/.test(text[at - 2] ?? "")) continue;
    if (/\d/.test(words[words.length - 1]) && /[.,]/.test(text[end] ?? "") && /\d/.test(text[end + 1] ?? "")) continue;
    if (++seen === e.occurrence) return { at, end };
  }
  return undefined;
}

/**
 * A reading's period as the corpus writes it: what the words propose, on the model the draft and
 * the check share (figure-period.ts); "?" where two periods are equally allowed.
 */
export function periodOf(r: Reading): string {
  const p = proposedPeriod(r);
  if (p.kind === "ambiguous") return "?";
  if (p.kind === "ends") return `..${p.end}`;
  if (p.kind === "none") return "";
  return `${p.nights ? (p.start === p.end ? "night " : "nights ") : ""}${p.start === p.end ? p.start : `${p.start}..${p.end}`}`;
}

const valueOf = (r: Reading): Value =>
  r.fraction
    ? { kind: "fraction", n: r.fraction.numerator, d: r.fraction.denominator }
    : r.range
      ? { kind: "range", low: r.range.low, high: r.range.high }
      : { kind: "number", value: r.value };

const close = (a: number, b: number) => a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));

function sameValue(expected: Value, r: Reading): boolean {
  const got = valueOf(r);
  if (expected.kind !== got.kind) return false;
  if (expected.kind === "number" && got.kind === "number") return close(expected.value, got.value);
  if (expected.kind === "fraction" && got.kind === "fraction") return expected.n * got.d === expected.d * got.n;
  if (expected.kind === "range" && got.kind === "range")
    return close(expected.low, got.low) && close(expected.high, got.high);
  return false;
}

export const showValue = (r: Reading) => {
  const v = valueOf(r);
  return v.kind === "number" ? String(v.value) : v.kind === "fraction" ? `${v.n}/${v.d}` : `${v.low}-${v.high}`;
};

/** Who and what, compared as a copy editor would: case, a leading "the" and spacing aside. */
const words = (text: string) =>
  text.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, " ").trim().replace(/^the /, "");

export const FIELDS = ["found", "value", "qualifier", "unit", "period", "all"] as const;
export type Field = (typeof FIELDS)[number];

export interface FigureScore {
  passage: Passage;
  expected: Expected;
  reading: Reading | undefined;
  fields: Record<Field, boolean>;
  noun?: boolean;
  speaker?: boolean;
}

export interface PassageScore {
  figures: FigureScore[];
  /** `not` lines read as figures, and figures read a second time inside one line ("lakh" and "crore" apart). */
  falseFigures: { passage: Passage; words: string; line: number; reading: Reading }[];
  /** Figures the reader reports that no line lists. */
  unlisted: { passage: Passage; reading: Reading }[];
}

/** The metric a draft proposes for a reading: the reader's own, else its noun. */
const metricOf = (r: Reading) => (r as Reading & { metric?: string }).metric ?? r.noun;

export function scorePassage(passage: Passage): PassageScore {
  const readings = readText(passage.text, {
    dateline: passage.dateline,
    ...(passage.source ? { source: passage.source } : {}),
  }).flatMap((s) => s.readings);
  const located = passage.expected.map((e) => ({ e, where: locate(passage.text, e)! })).filter((x) => x.where);
  const overlaps = (r: Reading, w: { at: number; end: number }) => r.numberStart < w.end && r.numberEnd > w.at;
  const score: PassageScore = { figures: [], falseFigures: [], unlisted: [] };
  const used = new Set<Reading>();
  for (const { e, where } of located) {
    const mine = readings.filter((r) => overlaps(r, where));
    const figures = mine.filter((r) => r.kind === "figure");
    if (!e.figure) {
      for (const r of figures) score.falseFigures.push({ passage, words: e.words, line: e.line, reading: r });
      mine.forEach((r) => used.add(r));
      continue;
    }
    const r = figures.find((x) => !used.has(x));
    for (const extra of figures.filter((x) => x !== r && !used.has(x)))
      score.falseFigures.push({ passage, words: e.words, line: e.line, reading: extra });
    mine.forEach((x) => used.add(x));
    const expectedValue = parseExpectedValue(e.value!)!;
    const found = r !== undefined;
    const fields = {
      found,
      value: found && sameValue(expectedValue, r),
      qualifier: found && (r.qualifier ?? "none") === e.qualifier,
      unit: found && sameUnit(e.unit!, r.unit),
      period: found && periodOf(r) === e.period,
      all: false,
    };
    fields.all = fields.found && fields.value && fields.qualifier && fields.unit && fields.period;
    score.figures.push({
      passage,
      expected: e,
      reading: r,
      fields,
      noun: e.noun === undefined ? undefined : found && words(metricOf(r)) === words(e.noun),
      speaker: e.speaker === undefined ? undefined : found && words(r.saidBy) === words(e.speaker),
    });
  }
  for (const r of readings) if (r.kind === "figure" && !used.has(r)) score.unlisted.push({ passage, reading: r });
  return score;
}

export interface Tally {
  figures: number;
  right: Record<Field, number>;
  nouns: number;
  nounsRight: number;
  speakers: number;
  speakersRight: number;
  notFigures: number;
  falseFigures: number;
  unlisted: number;
  sentences: number;
}

export function tally(passages: Passage[], scores: PassageScore[]): Tally {
  const t: Tally = {
    figures: 0,
    right: { found: 0, value: 0, qualifier: 0, unit: 0, period: 0, all: 0 },
    nouns: 0,
    nounsRight: 0,
    speakers: 0,
    speakersRight: 0,
    notFigures: passages.reduce((n, p) => n + p.expected.filter((e) => !e.figure).length, 0),
    falseFigures: 0,
    unlisted: 0,
    sentences: passages.length,
  };
  for (const s of scores) {
    t.falseFigures += s.falseFigures.length;
    t.unlisted += s.unlisted.length;
    for (const f of s.figures) {
      t.figures += 1;
      for (const field of FIELDS) if (f.fields[field]) t.right[field] += 1;
      if (f.noun !== undefined) {
        t.nouns += 1;
        if (f.noun) t.nounsRight += 1;
      }
      if (f.speaker !== undefined) {
        t.speakers += 1;
        if (f.speaker) t.speakersRight += 1;
      }
    }
  }
  return t;
}

/** Files whose names say so (held-out-wire.txt, periods-heldout.txt) are the held-out part: scored, never tuned against. */
export const HELD_OUT = /held-?out/;

export interface CorpusResult {
  files: { file: string; passages: Passage[]; scores: PassageScore[]; tally: Tally }[];
  problems: ParseProblem[];
}

export function scoreCorpus(dir = CORPUS): CorpusResult {
  const result: CorpusResult = { files: [], problems: [] };
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()) {
    const { passages, problems } = parseCorpus(file, readFileSync(join(dir, file), "utf8"));
    result.problems.push(...problems);
    const scores = passages.map(scorePassage);
    result.files.push({ file, passages, scores, tally: tally(passages, scores) });
  }
  return result;
}

export function sum(tallies: Tally[]): Tally {
  const t = tally([], []);
  for (const x of tallies) {
    t.figures += x.figures;
    for (const field of FIELDS) t.right[field] += x.right[field];
    t.nouns += x.nouns;
    t.nounsRight += x.nounsRight;
    t.speakers += x.speakers;
    t.speakersRight += x.speakersRight;
    t.notFigures += x.notFigures;
    t.falseFigures += x.falseFigures;
    t.unlisted += x.unlisted;
    t.sentences += x.sentences;
  }
  return t;
}

const pct = (n: number, of: number) => (of === 0 ? "–" : `${((100 * n) / of).toFixed(1)}%`);

/** One table: per file, then the tuned part, the held-out part and the whole. */
export function report(result: CorpusResult): string {
  const head = [
    "file",
    "passages",
    "figures",
    ...FIELDS.map((f) => (f === "all" ? "all five" : f)),
    "noun",
    "speaker",
    "not",
    "false",
    "unlisted",
  ];
  const row = (name: string, t: Tally) => [
    name,
    String(t.sentences),
    String(t.figures),
    ...FIELDS.map((f) => pct(t.right[f], t.figures)),
    pct(t.nounsRight, t.nouns),
    pct(t.speakersRight, t.speakers),
    String(t.notFigures),
    String(t.falseFigures),
    String(t.unlisted),
  ];
  const tuned = result.files.filter((f) => !HELD_OUT.test(f.file));
  const held = result.files.filter((f) => HELD_OUT.test(f.file));
  const rows = [
    head,
    ...result.files.map((f) => row(f.file, f.tally)),
    row("tuned part", sum(tuned.map((f) => f.tally))),
    row("held-out part", sum(held.map((f) => f.tally))),
    row("overall", sum(result.files.map((f) => f.tally))),
  ];
  const widths = head.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows
    .map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  "))
    .join("\n");
}

/** What went wrong, one line a figure: for a failing test and for tuning. */
export function misreadings(result: CorpusResult, { heldOut = true } = {}): string[] {
  const out: string[] = [];
  for (const f of result.files) {
    if (!heldOut && HELD_OUT.test(f.file)) continue;
    for (const s of f.scores) {
      for (const x of s.figures) {
        const wrong = FIELDS.filter((field) => field !== "all" && !x.fields[field]);
        if (x.noun === false) wrong.push("noun" as never);
        if (x.speaker === false) wrong.push("speaker" as never);
        if (wrong.length === 0) continue;
        const r = x.reading;
        const got = r
          ? `${showValue(r)} | ${r.qualifier ?? "none"} | ${r.unit} | ${periodOf(r)} | ${metricOf(r)} | ${r.saidBy}`
          : "not read as a figure";
        const e = x.expected;
        out.push(
          `${f.file}:${e.line}: ${e.words} [${wrong.join(",")}] expected ${e.value} | ${e.qualifier} | ${e.unit} | ${e.period} | ${e.noun ?? "*"} | ${e.speaker ?? "*"}; read ${got}`,
        );
      }
      for (const x of s.falseFigures)
        out.push(`${f.file}:${x.line}: false figure "${x.reading.text}" (${showValue(x.reading)}) for "${x.words}"`);
      for (const x of s.unlisted)
        out.push(`${f.file}:${x.passage.line}: unlisted figure "${x.reading.text}" (${showValue(x.reading)})`);
    }
  }
  return out;
}
