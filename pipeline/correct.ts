import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { csvFormatRows } from "d3-dsv";
import { applyCorrections, CORRECTION_COLUMNS, sameCell } from "./facts/corrections.ts";
import { parseCsv } from "./facts/csv.ts";
import { isIsoDate, parseDateline, todayIso } from "./facts/dates.ts";
import { FIGURE_COLUMNS } from "./facts/figure.ts";
import { DataError, formatProblem, type Problem } from "./facts/problem.ts";
import { ARTICLE, CORRECTIONS, FIGURES } from "./facts/story-files.ts";
import { readStory, type StoryFiles } from "./read.ts";
import { proveStory } from "./story.ts";
import { runIfMain } from "./run-command.ts";
import { EnvironmentError } from "./publish/disk.ts";
import { LockBusy } from "./publish/lock.ts";
import { withStoryLock, writeStoryFile } from "./story-file.ts";

/**
 * `npm run correct`: the rows a correction needs, appended to corrections.csv, with the old values
 * taken from the data as corrected so far, after proving the corrected story builds: a new value
 * must be stated by its quote, a new quote must be in its source. Refuses, with the build's own
 * reasons, anything the build would refuse, and then writes nothing.
 */

const USAGE = `usage: npm run correct -- [--data DIR] ID --reason "…" [--value V] [--qualifier Q] [--quote "…"] [--source sources/x.txt]
       [--unit U] [--start YYYY-MM-DD] [--end YYYY-MM-DD] [--category C] [--metric M] [--attributed-to WHO]
       [--restates ID] [--date YYYY-MM-DD]
  ID           the figure's id in figures.csv
  --reason     why, as readers will see it in the correction note
  --date       the correction's date (default: today)
  every other option is the figure's new cell; give the quote (and source) that states a new value`;

/** Options in the order their rows are written, and the figures.csv column each sets. */
const FIELDS = [
  ["value", "value"],
  ["qualifier", "qualifier"],
  ["unit", "unit"],
  ["quote", "quote"],
  ["source", "source"],
  ["start", "start"],
  ["end", "end"],
  ["category", "category"],
  ["metric", "metric"],
  ["attributed-to", "attributed_to"],
  ["restates", "restates"],
] as const;

export interface CorrectionRequest {
  id: string;
  reason: string;
  date: string;
  /** New cells by figures.csv column. */
  changes: Record<string, string>;
}

export type Planned =
  | { ok: true; rows: string[][]; text: string; notes: string[]; unchanged: string[] }
  | { ok: false; message: string; problems: Problem[] };

/**
 * The corrections.csv rows for a request, proven against the whole story as the build would prove
 * it. `today` is injected by tests.
 */
export function planCorrection(read: StoryFiles, request: CorrectionRequest, today = todayIso()): Planned {
  const { files } = read;
  const before = tryProve(read, today);
  if (before.length > 0)
    return {
      ok: false,
      message: `the story does not build as it is; fix these first, then correct`,
      problems: before,
    };
  const table = parseCsv(FIGURES, files.get(FIGURES) ?? FIGURE_COLUMNS.join(","), FIGURE_COLUMNS);
  const published = parseDateline(files.get(ARTICLE) ?? "");
  const corrected = applyCorrections(table.rows, files.get(CORRECTIONS), published, today);
  const row = corrected.rows.find((r) => r.cells.id === request.id);
  if (!row)
    return {
      ok: false,
      message: `no figure has id ${JSON.stringify(request.id)}; ids are in ${FIGURES}: ${corrected.rows
        .map((r) => r.cells.id)
        .filter(Boolean)
        .join(", ")}`,
      problems: [],
    };
  const rows: string[][] = [];
  const unchanged: string[] = [];
  for (const [, column] of FIELDS) {
    const to = request.changes[column];
    if (to === undefined) continue;
    const from = row.cells[column] ?? "";
    if (row.cells[column] !== undefined && sameCell(column, from, to)) {
      unchanged.push(`${column} is already ${JSON.stringify(from)}`);
      continue;
    }
    rows.push([request.date, request.id, column, from, to, request.reason]);
  }
  if (rows.length === 0)
    return {
      ok: false,
      message: unchanged.length
        ? `nothing to correct: ${unchanged.join("; ")}`
        : "nothing to correct: give a new cell, e.g. --value 960",
      problems: [],
    };
  const old = files.get(CORRECTIONS) ?? `${CORRECTION_COLUMNS.join(",")}\n`;
  const added = `${csvFormatRows(rows)}\n`;
  const after = { ...read, files: new Map(files).set(CORRECTIONS, `${old}${/\n$/.test(old) ? "" : "\n"}${added}`) };
  try {
    const story = proveStory(after, { today });
    // The charts' own wording of a correction, up to the figure's name: "Corrected 28 Nov 2024:".
    const dated = story.writer.pack.phrases["correction.line"]
      .split("{name}")[0]
      .replace("{date}", story.writer.date(request.date))
      .trim();
    const notes = story.charts
      .filter((c) => c.shown.some((f) => f.id === request.id))
      .flatMap((c) => c.words.corrections.filter((n) => n.startsWith(dated)).map((n) => `${c.entry.id}: ${n}`));
    return { ok: true, rows, text: added, notes, unchanged };
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    const existing = old.split("\n").length - (/\n$/.test(old) ? 1 : 0);
    return {
      ok: false,
      message: "the build would refuse this correction",
      problems: error.problems.map((p) => (p.file === CORRECTIONS && p.line > existing ? asOption(p, request) : p)),
    };
  }
}

/**
 * A problem with a row this command would have added: the row is not in the file, so it is said
 * without a line, and a fix the build names in cells is named as the option that sets it.
 */
function asOption(p: Problem, request: CorrectionRequest): Problem {
  let message = `the correction: ${p.message}`;
  const qualifier = /the qualifier must be ([a-z_]+)/.exec(p.message);
  if (qualifier && request.changes.qualifier === undefined)
    message += `; if the new quote states it so, add --qualifier ${qualifier[1]}`;
  const dates = /set start (\d{4}-\d{2}-\d{2}) and end (\d{4}-\d{2}-\d{2})/.exec(p.message);
  if (dates) message += ` (--start ${dates[1]} --end ${dates[2]})`;
  return { file: "", line: 0, message };
}

function tryProve(read: StoryFiles, today: string): Problem[] {
  try {
    proveStory(read, { today });
    return [];
  } catch (error) {
    if (error instanceof DataError) return error.problems;
    throw error;
  }
}

/**
 * Cells a reporter writes as prose (a reason, a quote pasted across lines, a label): a line break
 * in one is white space, as the quote is matched anyway, and folds to one space. In a structured
 * cell (a value, a date, a file name, an id) a line break is a mistake, and the option is refused.
 */
const PROSE = new Set(["reason", "quote", "category", "metric", "attributed_to"]);
const LINE_BREAK = /[^\S\r\n]*[\r\n]+\s*/g;

function foldLines(option: string, column: string, value: string): string {
  if (!/[\r\n]/.test(value)) return value;
  if (!PROSE.has(column))
    throw new Error(`--${option} holds a line break; give the ${column.replace("_", " ")} on one line`);
  return value.replace(LINE_BREAK, " ").trim();
}

async function main(argv: string[]): Promise<number> {
  let request: CorrectionRequest;
  let dir: string;
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        data: { type: "string", default: "data" },
        reason: { type: "string" },
        date: { type: "string" },
        help: { type: "boolean", default: false },
        ...Object.fromEntries(FIELDS.map(([option]) => [option, { type: "string" as const }])),
      },
      strict: true,
    });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    if (positionals.length !== 1) throw new Error(positionals.length ? "give one figure id" : "give the figure's id");
    const reason = foldLines("reason", "reason", (values.reason as string | undefined) ?? "").trim();
    if (!reason) throw new Error("--reason is required: readers see it in the correction note");
    const date = (values.date as string | undefined) ?? todayIso();
    if (!isIsoDate(date)) throw new Error(`--date ${JSON.stringify(date)} is not a date; write it YYYY-MM-DD`);
    const changes: Record<string, string> = {};
    for (const [option, column] of FIELDS) {
      const value = (values as Record<string, unknown>)[option] as string | undefined;
      if (value !== undefined) changes[column] = foldLines(option, column, value);
    }
    dir = values.data as string;
    request = { id: positionals[0], reason, date, changes };
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const path = join(dir, CORRECTIONS);
  const missing = readStory(dir).problems.find((p) => p.line === 0 && p.file === dir);
  if (missing) {
    console.error(`${dir}: ${missing.message}`);
    return 1;
  }
  let plan: Planned;
  try {
    // One correction at a time: each reads the log as the one before it left it, and proves its
    // rows against that, so two never write the same "from".
    plan = await withStoryLock(dir, async () => {
      const planned = planCorrection(readStory(dir), request);
      if (planned.ok) {
        // Appended to the bytes as they are (a reporter's own rows, byte-order mark and line ends
        // stay), and put in place as a new file: never written through a link.
        const current = readIfThere(path);
        const header = current === undefined ? `${CORRECTION_COLUMNS.join(",")}\n` : "";
        const gap = current && !/\n$/.test(current.toString("utf8")) ? "\n" : "";
        writeStoryFile(
          dir,
          CORRECTIONS,
          Buffer.concat([current ?? Buffer.alloc(0), Buffer.from(`${header}${gap}${planned.text}`)]),
        );
      }
      return planned;
    });
  } catch (error) {
    if (error instanceof LockBusy) {
      console.error(`Correction not written: ${error.message}; ${CORRECTIONS} left as it was.`);
      return 1;
    }
    if (error instanceof EnvironmentError) {
      console.error(`Correction not written: ${error.message}; ${CORRECTIONS} left as it was.`);
      return 1;
    }
    throw error;
  }
  if (!plan.ok) {
    const lines = plan.problems.map((p) =>
      p.file ? formatProblem({ ...p, file: `${dir.replace(/\/+$/, "")}/${p.file}` }) : `  ${p.message}`,
    );
    console.error([`Correction refused: ${plan.message}; ${CORRECTIONS} left as it was.`, ...lines].join("\n"));
    return 1;
  }
  console.log(
    [
      `Appended ${plan.rows.length} row${plan.rows.length === 1 ? "" : "s"} to ${path}:`,
      ...plan.text
        .trimEnd()
        .split("\n")
        .map((line) => `  ${line}`),
      ...(plan.unchanged.length ? [`Unchanged: ${plan.unchanged.join("; ")}.`] : []),
      ...(plan.notes.length ? ["The charts will say:", ...plan.notes.map((n) => `  ${n}`)] : []),
      "Run npm run build to redraw them.",
    ].join("\n"),
  );
  return 0;
}

/** The file's bytes through a link inside the story folder; undefined if nothing is there (or a dangling link). */
function readIfThere(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

runIfMain(import.meta.url, main);
