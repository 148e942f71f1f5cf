import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { build } from "../../pipeline/build.ts";
import { DataError, formatProblem } from "../../pipeline/facts/problem.ts";
import { loadStory } from "../../pipeline/story.ts";

/** The 1-based line of the first line of a story file that contains `text` (or matches it); fails loudly if none does. */
export function lineOf(data: string, file: string, text: string | RegExp): number {
  const lines = readFileSync(join(data, file), "utf8").split(/\r\n|\r|\n/);
  const index = lines.findIndex((line) => (typeof text === "string" ? line.includes(text) : text.test(line)));
  if (index < 0) throw new Error(`lineOf: ${JSON.stringify(text)} not in ${file}`);
  return index + 1;
}

/** The line of a figure's row in figures.csv. */
export const rowOf = (data: string, id: string) => lineOf(data, "figures.csv", new RegExp(`^\\uFEFF?${id},`));

/** The line of a chart's entry in charts.json: where its "{" opens, as the build reports it. */
export function chartOf(data: string, id: string): number {
  const lines = readFileSync(join(data, "charts.json"), "utf8").split(/\r\n|\r|\n/);
  let line = lineOf(data, "charts.json", `"id": "${id}"`);
  while (line > 1 && !lines[line - 1].includes("{")) line -= 1;
  return line;
}

/** Appends a line to a story file (adding the newline the file may lack) and returns its line number. */
export function appendLine(data: string, file: string, line: string): number {
  const path = join(data, file);
  const before = readFileSync(path, "utf8");
  const text = before === "" || before.endsWith("\n") ? before : `${before}\n`;
  writeFileSync(path, `${text}${line}\n`);
  return text.split("\n").length;
}

/** A cell as a spreadsheet writes it: quoted when it must be, inner quote marks doubled. */
export function csvCell(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The problems a build reports, as `file:line: message`; fails if the build succeeds or fails otherwise. */
export async function problemsOf(data: string, out: string): Promise<string[]> {
  try {
    await build({ data, out, waitMs: 60_000 });
  } catch (error) {
    if (error instanceof DataError) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error("the build succeeded; it should have reported problems");
}

/** The problems proving a story reports (no drawing), as `file:line: message`; none if it proves. */
export function proofProblems(data: string, today: string): string[] {
  try {
    loadStory(data, { today });
  } catch (error) {
    if (error instanceof DataError) return error.problems.map(formatProblem);
    throw error;
  }
  return [];
}

/** Anything a build left beside the output folder: staging or old folders, a lock. */
export function leftovers(out: string): string[] {
  if (!existsSync(dirname(out))) return [];
  return readdirSync(dirname(out)).filter((name) => name.startsWith(`${basename(out)}.`));
}
