import { normalizeForMatch } from "./quote.ts";
import { parseCsv, type Row } from "./csv.ts";
import { addDays, dateFix, isIsoDate } from "./dates.ts";
import { directionProblem } from "./direction.ts";
import type { Correction } from "./figure.ts";
import { parseValue } from "./value-cell.ts";
import { parseQualifier, QUALIFIERS } from "./qualifiers.ts";
import type { Problem } from "./problem.ts";
import { CORRECTIONS } from "../facts/story-files.ts";

export const CORRECTION_COLUMNS = ["date", "id", "field", "from", "to", "reason"] as const;

export interface Corrected {
  rows: Row[];
  /** Corrections applied, by figure id, in the order applied. */
  history: Map<string, Correction[]>;
  /** For a corrected cell, the corrections.csv line that last set it: messages point there. */
  origin: Map<string, number>;
  problems: Problem[];
}

/**
 * Applies the append-only corrections log to the fact sheet, oldest first. Each row must name the
 * value it replaces, so a correction written against stale data is refused rather than guessed at.
 * A correction is dated between the article's dateline and `today` (one day's grace for time
 * zones): "Corrected 28 Nov 2042" is a typo, not a correction.
 */
export function applyCorrections(rows: Row[], text: string | undefined, published?: string, today?: string): Corrected {
  const history = new Map<string, Correction[]>();
  const origin = new Map<string, number>();
  if (text === undefined) return { rows, history, origin, problems: [] };
  const table = parseCsv(CORRECTIONS, text, CORRECTION_COLUMNS);
  const problems = [...table.problems];
  if (problems.some((p) => p.line === 1)) return { rows, history, origin, problems };

  // Copies, so the fact sheet's rows stay as read; a duplicated id is corrected in its first row
  // (check reports the duplicate, at its own line).
  const copies = rows.map((row) => ({ ...row, cells: { ...row.cells } }));
  const byId = new Map<string, Row>();
  for (const row of copies) if (!byId.has(row.cells.id)) byId.set(row.cells.id, row);
  const at = (line: number, message: string) => problems.push({ file: CORRECTIONS, line, message });
  const columns = new Set(Object.keys(rows.find((row) => !row.broken)?.cells ?? {}));
  // A row that could not be read (its problem is reported at its line) has no cells to check; the
  // figure it would correct takes none of its later corrections, which were written after it and
  // would only be reported again as stale.
  const unreadable = new Set(table.rows.filter((row) => row.broken).map((row) => row.cells.id));
  const entries = table.rows
    .filter((row) => !row.broken)
    .filter(({ line, cells: { date = "", id = "", field = "", from = "", to = "", reason = "" } }) => {
      const wrong: string[] = [];
      // The reason is shown in the correction note, an old label as "(formerly …)", a new one on the chart.
      for (const [name, text] of field === "quote"
        ? [["reason", reason]]
        : [
            ["reason", reason],
            ["from", from],
            ["to", to],
          ]) {
        const reorders = directionProblem(name, text ?? "");
        if (reorders) wrong.push(reorders);
      }
      if (!isIsoDate(date))
        wrong.push(`date ${JSON.stringify(date)} is not a real date; ${dateFix(date, "2024-11-28")}`);
      else if (published && date < published)
        wrong.push(
          `date ${date} is before the article was published (${published}); a correction is dated the day it is made`,
        );
      // A day's grace: the newsroom's today may be tomorrow where the build runs.
      else if (today && date > addDays(today, 1))
        wrong.push(
          `date ${date} is in the future (today is ${today}); a correction is dated the day it is made, e.g. ${today}`,
        );
      if (!byId.has(id)) wrong.push(`no figure has id ${JSON.stringify(id)}; ids are in figures.csv`);
      if (field === "id") wrong.push("a correction cannot change a figure's id; add a new figure instead");
      else if (!columns.has(field))
        wrong.push(
          `field ${JSON.stringify(field)} is not a column of figures.csv; use one of ${[...columns].filter((c) => c !== "id").join(", ")}`,
        );
      if (reason === "") wrong.push("reason is empty; readers see it in the correction note");
      for (const message of wrong) at(line, message);
      return wrong.length === 0;
    })
    .sort((a, b) => (a.cells.date === b.cells.date ? a.line - b.line : a.cells.date < b.cells.date ? -1 : 1));

  for (const { line, cells } of entries) {
    if (unreadable.has(cells.id)) continue;
    const figure = byId.get(cells.id)!;
    const current = figure.cells[cells.field] ?? "";
    if (sameCell(cells.field, cells.from, cells.to)) {
      at(
        line,
        `"from" and "to" are the same (${JSON.stringify(cells.to)}): the row changes nothing; delete it, or write the new ${cells.field} in "to"`,
      );
      continue;
    }
    if (!sameCell(cells.field, current, cells.from)) {
      at(
        line,
        `stale correction: ${cells.id}.${cells.field} is ${JSON.stringify(current)}, not ${JSON.stringify(cells.from)} as "from" says; check the figure's current value (earlier corrections apply first)`,
      );
      continue;
    }
    if (cells.field === "value") {
      const parsed = parseValue(cells.to);
      if (!parsed.ok) {
        at(line, `"to": ${parsed.message}`);
        continue;
      }
    }
    if (cells.field === "qualifier" && !parseQualifier(cells.to)) {
      at(line, `"to": unknown qualifier ${JSON.stringify(cells.to)}; use one of ${QUALIFIERS.join(", ")}`);
      continue;
    }
    figure.cells[cells.field] = cells.to;
    origin.set(`${cells.id}.${cells.field}`, line);
    const list = history.get(cells.id) ?? [];
    list.push({
      date: cells.date,
      id: cells.id,
      field: cells.field,
      from: cells.from,
      to: cells.to,
      reason: cells.reason,
      line,
    });
    history.set(cells.id, list);
  }
  return { rows: copies, history, origin, problems };
}

/** Whether two cells say the same: "20,000" is 20000, "more than" is more_than. */
export function sameCell(field: string, current: string, claimed: string): boolean {
  if (field === "value") {
    const a = parseValue(current);
    const b = parseValue(claimed);
    if (a.ok && b.ok) return a.value === b.value;
  }
  if (field === "qualifier") {
    const a = parseQualifier(current);
    if (a && a === parseQualifier(claimed)) return true;
  }
  // A quote is matched in its source forgiving white space, invisible characters and curly vs
  // straight quote marks; its "from" is forgiven the same, or re-pasting it would be "stale".
  if (field === "quote") return normalizeForMatch(current) === normalizeForMatch(claimed);
  return current.replace(/\s+/g, " ").trim() === claimed.replace(/\s+/g, " ").trim();
}
