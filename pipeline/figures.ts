import { join } from "node:path";
import { parseArgs } from "node:util";
import { csvFormatRows } from "d3-dsv";
import { checkFigures } from "./facts/check.ts";
import { applyCorrections } from "./facts/corrections.ts";
import { listStoryNumbers, type StoryNumber } from "./facts/coverage.ts";
import { parseCsv } from "./facts/csv.ts";
import { formatDate, parseDateline, wireDateline } from "./facts/dates.ts";
import { draftColumns, draftRows } from "./facts/draft.ts";
import { FIGURE_COLUMNS } from "./facts/figure.ts";
import { formatNumber, fractionWords, periodWords } from "./facts/format.ts";
import { QUALIFIER_PHRASE } from "./facts/qualifiers.ts";
import type { Reading } from "./facts/reader.ts";
import type { SourceCache } from "./facts/source-readings.ts";
import { ARTICLE, CORRECTIONS, FIGURES } from "./facts/story-files.ts";
import { readStory } from "./read.ts";
import { runIfMain } from "./run-command.ts";
import { spreadsheetText } from "./facts/spreadsheet-text.ts";
import { writeStoryFile } from "./story-file.ts";
import { EnvironmentError } from "./publish/disk.ts";

/**
 * `npm run figures`: every number the article and sources state, read as the build reads it, and
 * whether a row of figures.csv records it. With --draft, rows for the unrecorded ones go to
 * figures.draft.csv, for the reporter to keep or delete. Works on a story that does not build yet.
 */

const USAGE = `usage: npm run figures -- [--data DIR] [--draft]
  --data DIR   the story folder (default: data)
  --draft      write rows for the unrecorded figures to DIR/figures.draft.csv (figures.csv columns)`;

export const DRAFT = "figures.draft.csv";

const KIND_NAMES: Record<Reading["kind"], string> = {
  figure: "a figure",
  year: "a year",
  date: "a date",
  age: "an age",
  time: "a clock time",
  ordinal: "an ordinal",
  label: "a label (part of a name)",
  modifier: "a describing number (a two-day session, a 9mm handgun, a score)",
  period: "part of a period",
};

/** A reading in words: `about 45,000 ("some"), police officers and gendarmes, nights of Fri 30 Jun – Sat 1 Jul 2023`. */
export function describeReading(r: Reading): string {
  const value = r.fraction
    ? `${r.valueWords || fractionWords(r.fraction)} (${r.fraction.numerator}/${r.fraction.denominator})`
    : r.range
      ? `${formatNumber(r.range.low)} to ${formatNumber(r.range.high)} (a range: one figure, which figures.csv cannot record)`
      : formatNumber(r.value);
  const qualifier =
    r.qualifier === null
      ? `"${r.text.slice(0, r.numberStart - r.start).trim()}" (no qualifier states it; no row can record it)`
      : r.qualifier === "exact"
        ? "exact"
        : `${QUALIFIER_PHRASE[r.qualifier]}${r.qualifierWords && r.qualifierWords !== QUALIFIER_PHRASE[r.qualifier] ? ` ("${r.qualifierWords}")` : ""}`;
  const parts = [`${value}, ${qualifier}`];
  if (r.unit) parts.push(`unit ${r.unit}`);
  if (r.noun) parts.push(r.noun);
  if (r.span) parts.push(periodWords(r.span));
  else if (r.endsOn) parts.push(`a count to ${formatDate(r.endsOn, { weekday: true })}, its start not stated`);
  else if (r.periodProblem) parts.push(`no period (${r.periodProblem})`);
  else parts.push("no period");
  if (r.saidBy) parts.push(`said by ${r.saidBy}`);
  if (r.running && r.span) parts.push("a running count");
  for (const a of r.alternatives)
    parts.push(
      a.reason === "list"
        ? `or exactly ${formatNumber(r.value)} (${a.why})`
        : `or ${a.span ? `${periodWords(a.span)}${a.running ? ", a running count" : ""}` : a.endsOn ? `a count to ${formatDate(a.endsOn, { weekday: true })}, its start not stated` : "no period"} (${a.why})`,
    );
  return parts.join("; ");
}

/** A figure's dates as the dataset will have them: "2024-11-24 to 2024-11-26", "to 2023-08-15 (start not stated)". */
const datesOf = (f: { start: string; end: string; nights?: boolean }) => {
  if (!f.start) return `to ${f.end} (start not stated)`;
  const days = f.start === f.end ? f.start : `${f.start} to ${f.end}`;
  return f.nights ? `${f.start === f.end ? "the night of" : "the nights of"} ${days}` : days;
};

export interface FiguresReport {
  text: string;
  numbers: StoryNumber[];
  draft: Record<string, string>[];
  columns: string[];
  /** figures.csv's own header, when it has one. */
  sheetColumns?: string[];
}

export function figuresReport(dir: string): FiguresReport | { problem: string } {
  const { files, problems } = readStory(dir);
  if (problems.some((p) => p.line === 0 && p.file === dir)) return { problem: problems[0].message };
  if (!files.has(ARTICLE)) return { problem: `${dir}/${ARTICLE} is missing; the story folder needs the article` };
  const table = parseCsv(FIGURES, files.get(FIGURES) ?? FIGURE_COLUMNS.join(","), FIGURE_COLUMNS);
  const published = parseDateline(files.get(ARTICLE) ?? "");
  const corrected = applyCorrections(table.rows, files.get(CORRECTIONS), published);
  const sources: SourceCache = new Map();
  const numbers = listStoryNumbers({ files, rows: table.rows, history: corrected.history, sources });
  // Dates the build fills from the words where a row leaves them blank: each one listed, so none is published unseen.
  const checked = checkFigures({
    rows: corrected.rows,
    files,
    history: corrected.history,
    origin: corrected.origin,
    sources,
  });
  const filledOf = new Map(checked.figures.filter((f) => f.filled).map((f) => [f.id, f]));
  const lines: string[] = [];
  if (!published) {
    // Without its dateline no day of the text can be dated: say so before every undated reading.
    const wire = wireDateline(files.get(ARTICLE)!);
    lines.push(
      `${ARTICLE}:1: no dateline, so "on Tuesday" and every other day is left undated and the build refuses the story: add "date YYYY-MM-DD" as its first line${
        wire ? ` (line ${wire.line}'s wire dateline says "${wire.words}": "date ${wire.iso}")` : ""
      }`,
    );
  }
  for (const file of [...new Set(numbers.map((n) => n.file))]) {
    const dated = parseDateline(files.get(file) ?? "") ?? published;
    lines.push("", `${file}${dated ? ` (dated ${dated})` : ""}`);
    const mine = numbers.filter((n) => n.file === file);
    let sentence = "";
    for (const n of mine.filter((n) => n.reading.kind === "figure")) {
      if (n.sentence !== sentence) {
        sentence = n.sentence;
        lines.push(`  line ${n.line}: ${sentence.length > 160 ? `${sentence.slice(0, 160)}…` : sentence}`);
      }
      const filled = n.recordedBy.flatMap((id) => {
        const f = filledOf.get(id);
        return f ? [`${id}'s dates filled from the words "${f.filled}": ${datesOf(f)}`] : [];
      });
      const recorded = n.recordedBy.length
        ? `recorded as ${n.recordedBy.join(", ")}${filled.length ? ` (${filled.join("; ")})` : ""}`
        : "NOT RECORDED";
      lines.push(`    "${n.reading.text}": ${describeReading(n.reading)} — ${recorded}`);
    }
    // Years, dates, ages and clock times are numbers, not figures: listed apart, not as noise.
    const others = mine.filter((n) => n.reading.kind !== "figure");
    if (others.length)
      lines.push(
        `  not figures: ${others.map((n) => `"${n.reading.text}" (${KIND_NAMES[n.reading.kind]}, line ${n.line})`).join(", ")}`,
      );
  }
  const figures = numbers.filter((n) => n.reading.kind === "figure");
  const missing = figures.filter((n) => n.recordedBy.length === 0);
  const others = numbers.length - figures.length;
  lines.push(
    "",
    `${figures.length} figure${figures.length === 1 ? "" : "s"}: ${figures.length - missing.length} recorded, ${missing.length} not in figures.csv; ${others} other number${others === 1 ? "" : "s"} (years, dates, ages, clock times, ordinals, labels).`,
  );
  if (filledOf.size > 0)
    lines.push(
      "",
      `Dates filled from the words (blank in figures.csv; the build fills them so, and the notebook marks them): ${[
        ...filledOf.values(),
      ]
        .map((f) => `${f.id} ${datesOf(f)} ("${f.filled}")`)
        .join(", ")}.`,
    );
  const draft = draftRows(missing, table.rows);
  const dated = draft.filter((row) => row.start || row.end);
  if (dated.length > 0)
    lines.push(
      "",
      `The draft's dates are read from the words, each to check against its quote: ${dated
        .map((row) => `${row.id} ${row.start ? `${row.start} to ${row.end}` : `to ${row.end} (start not stated)`}`)
        .join(", ")}.`,
    );
  return {
    text: lines.join("\n").trimStart(),
    numbers,
    draft,
    columns: draftColumns(table.columns),
    ...(files.has(FIGURES) && table.columns ? { sheetColumns: table.columns } : {}),
  };
}

function main(argv: string[]): number {
  let values: { data?: string; draft?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        data: { type: "string", default: "data" },
        draft: { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const dir = values.data!;
  const report = figuresReport(dir);
  if ("problem" in report) {
    console.error(`${dir}: ${report.problem}`);
    return 1;
  }
  console.log(report.text);
  if (!values.draft) {
    if (report.draft.length) console.log(`Run with --draft to write them to ${join(dir, DRAFT)}.`);
    return 0;
  }
  if (report.draft.length === 0) {
    console.log("Nothing to draft: every figure is recorded.");
    return 0;
  }
  // Made to be opened in a spreadsheet: every cell escaped as the output CSVs are. Written as a
  // new file renamed into place, never through a link.
  const rows = [report.columns, ...report.draft.map((row) => report.columns.map((c) => spreadsheetText(row[c] ?? "")))];
  try {
    writeStoryFile(dir, DRAFT, `${csvFormatRows(rows)}\n`);
  } catch (error) {
    if (!(error instanceof EnvironmentError)) throw error;
    console.error(`${error.message}; nothing was written`);
    return 1;
  }
  console.log(
    `Wrote ${report.draft.length} row${report.draft.length === 1 ? "" : "s"} to ${join(dir, DRAFT)}: check each against its source, copy the rows you keep into figures.csv, and delete the draft.`,
  );
  const missing = report.columns.filter((c) => !(report.sheetColumns ?? []).includes(c));
  if (report.sheetColumns && missing.length)
    console.log(
      `figures.csv has no ${missing.join(", ")} column${missing.length === 1 ? "" : "s"}: add ${missing.map((c) => `,${c}`).join("")} to the end of its header line before pasting rows that fill ${missing.length === 1 ? "it" : "them"}.`,
    );
  return 0;
}

runIfMain(import.meta.url, main);
