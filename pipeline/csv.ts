import { csvParseRows } from "d3-dsv";
import type { Problem } from "./problem.ts";

/** A data row that remembers where it came from, so every message can say file:line. */
export interface Row {
  file: string;
  line: number;
  cells: Record<string, string>;
}

export interface Table {
  file: string;
  columns: string[];
  rows: Row[];
  problems: Problem[];
}

/**
 * Parses a spreadsheet export. Accepts what spreadsheets write (a UTF-8 byte-order mark, CRLF
 * line endings, padded cells) and reports what they break: an unbalanced quote mark swallows the
 * lines after it, so a cell that runs over several lines is reported rather than trusted.
 */
export function parseCsv(file: string, text: string, required: readonly string[]): Table {
  const problems: Problem[] = [];
  const source = text.replace(/^\uFEFF/, "");
  const raw = csvParseRows(source);
  const columns = (raw[0] ?? []).map((name) => name.trim().toLowerCase());
  if (raw.length === 0 || columns.every((c) => c === "")) {
    problems.push({ file, line: 1, message: `the file is empty; it needs a header row: ${required.join(",")}` });
    return { file, columns: [], rows: [], problems };
  }
  const missing = required.filter((name) => !columns.includes(name));
  if (missing.length > 0) {
    problems.push({
      file,
      line: 1,
      message: `missing column${missing.length > 1 ? "s" : ""} ${missing.map((m) => `"${m}"`).join(", ")}; the header must name at least: ${required.join(",")}`,
    });
  }
  const repeated = columns.filter((name, i) => name !== "" && columns.indexOf(name) !== i);
  for (const name of new Set(repeated)) problems.push({ file, line: 1, message: `column "${name}" appears twice in the header` });

  const rows: Row[] = [];
  let line = 1 + newlines(raw[0]);
  for (let i = 1; i < raw.length; i++) {
    line += 1;
    const cellsRaw = raw[i];
    const span = newlines(cellsRaw);
    if (span > 0) {
      problems.push({
        file,
        line,
        message: `a cell runs over lines ${line}–${line + span}: a quote mark (") opens a cell and is not closed where it should be; close it, or double it ("") inside a cell`,
      });
      line += span;
      continue;
    }
    if (cellsRaw.every((cell) => cell.trim() === "")) continue;
    if (cellsRaw.length > columns.length) {
      const extra = cellsRaw.slice(columns.length).filter((cell) => cell.trim() !== "");
      if (extra.length > 0) {
        problems.push({
          file,
          line,
          message: `${cellsRaw.length} cells but the header has ${columns.length} columns; a comma inside a cell needs the cell in quotes ("…, …")`,
        });
        continue;
      }
    }
    const cells: Record<string, string> = {};
    columns.forEach((name, j) => {
      if (name !== "") cells[name] = (cellsRaw[j] ?? "").trim();
    });
    rows.push({ file, line, cells });
  }
  return { file, columns, rows, problems };
}

function newlines(cells: string[]): number {
  let count = 0;
  for (const cell of cells) for (const ch of cell) if (ch === "\n") count++;
  return count;
}
