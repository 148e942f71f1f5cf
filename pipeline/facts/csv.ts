import { csvParseRows } from "d3-dsv";
import type { Problem } from "./problem.ts";

/** A data row that remembers where it came from, so every message can say file:line. */
export interface Row {
  file: string;
  line: number;
  cells: Record<string, string>;
  /**
   * The line could not be read as a row (its problem is reported): it carries only its id, so
   * later stages know the figure exists and do not report it again as unknown.
   */
  broken?: true;
}

export interface Table {
  file: string;
  columns: string[];
  rows: Row[];
  problems: Problem[];
}

/** One record as d3-dsv read it, placed on the lines it came from. */
interface Record_ {
  line: number;
  endLine: number;
  cells: string[];
}

/**
 * Parses a spreadsheet export with d3-dsv, and lints what d3-dsv silently accepts, each problem at
 * its own line: a quote mark never closed (d3-dsv would swallow every line after it; here the lines
 * below are read again, so their problems are reported in the same run), text after a closing quote
 * mark, a cell that runs over lines, columns separated by semicolons or tabs. Accepts what
 * spreadsheets write: a UTF-8 byte-order mark, CRLF or CR line ends, padded unquoted cells.
 */
export function parseCsv(file: string, text: string, required: readonly string[]): Table {
  const problems: Problem[] = [];
  const at = (line: number, message: string) => problems.push({ file, line, message });
  const source = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const lines = source.split("\n");
  const records = readRecords(lines);
  const header = records[0];
  if (!header || header.cells.every((c) => c.trim() === "")) {
    at(1, `the file is empty; it needs a header row: ${required.join(",")}`);
    return { file, columns: [], rows: [], problems };
  }
  if (header.endLine > header.line || lintLine(lines[0])) {
    at(
      1,
      `the header row is malformed (a quote mark is not closed where it should be); it should read: ${required.join(",")}`,
    );
    return { file, columns: [], rows: [], problems };
  }
  const columns = header.cells.map((name) => name.trim().toLowerCase());
  if (columns.length === 1) {
    for (const [separator, name] of [
      [";", "semicolons"],
      ["\t", "tabs"],
    ] as const) {
      const split = columns[0].split(separator).map((c) => c.trim());
      if (split.length > 1 && required.some((name) => split.includes(name))) {
        at(
          1,
          `the columns are separated by ${name}, not commas (a spreadsheet saving in a European or "text" format); save the file as "CSV UTF-8 (comma-delimited)"`,
        );
        return { file, columns: [], rows: [], problems };
      }
    }
  }
  const missing = required.filter((name) => !columns.includes(name));
  if (missing.length > 0) {
    at(
      1,
      `missing column${missing.length > 1 ? "s" : ""} ${missing.map((m) => `"${m}"`).join(", ")}; the header must name at least: ${required.join(",")}`,
    );
  }
  const repeated = columns.filter((name, i) => name !== "" && columns.indexOf(name) !== i);
  for (const name of new Set(repeated)) at(1, `column "${name}" appears twice in the header; delete or rename one`);

  const columnName = (j: number) => (columns[j] ? `column "${columns[j]}"` : `column ${j + 1}`);
  const rows: Row[] = [];
  const idColumn = columns.indexOf("id");
  const unreadable = (record: Record_, cell: number, message: string) => {
    at(record.line, message);
    const id = idColumn >= 0 && cell > idColumn ? record.cells[idColumn]?.trim() : undefined;
    if (id) rows.push({ file, line: record.line, cells: { id }, broken: true });
  };
  for (const record of records.slice(1)) {
    const { line, cells: raw } = record;
    const spanning = raw.findIndex((cell) => cell.includes("\n"));
    if (spanning >= 0) {
      const unclosed = record.endLine === lines.length;
      unreadable(
        record,
        spanning,
        unclosed
          ? `a quote mark (") opens the cell in ${columnName(spanning)} and is not closed on this line; close it at the end of the cell, or double it ("") if it is part of the text`
          : `the cell in ${columnName(spanning)} runs over lines ${line}–${record.endLine}: a quote mark (") is not closed where it should be, or the cell holds a line break; close the quote, or put the cell on one line`,
      );
      continue;
    }
    const lint = lintLine(unpad(lines[line - 1]));
    if (lint) {
      unreadable(record, lint.cell, lint.message(columnName(lint.cell)));
      continue;
    }
    if (raw.every((cell) => cell.trim() === "")) continue;
    if (raw.length > columns.length) {
      const extra = raw.slice(columns.length).filter((cell) => cell.trim() !== "");
      if (extra.length > 0) {
        unreadable(
          record,
          columns.length,
          `${raw.length} cells but the header has ${columns.length} columns; a comma inside a cell needs the cell in quotes ("…, …")`,
        );
        continue;
      }
    }
    const cells: Record<string, string> = {};
    columns.forEach((name, j) => {
      if (name === "" || j !== columns.indexOf(name)) return;
      const cell = (raw[j] ?? "").trim();
      const bad = unsafeCharacter(cell);
      if (bad) at(line, `the cell in ${columnName(j)} holds ${bad}; delete it`);
      cells[name] = cell;
    });
    rows.push({ file, line, cells });
  }
  return { file, columns, rows, problems };
}

/**
 * Reads records with d3-dsv and numbers their lines. A cell holding a line break moves the count
 * on; one that never closes runs to the end of the file, and reading starts again on the line
 * after it, so one stray quote mark does not hide the rest of the sheet.
 */
function readRecords(lines: string[]): Record_[] {
  const records: Record_[] = [];
  let width = 0;
  let line = 1;
  while (line <= lines.length) {
    const rest = lines
      .slice(line - 1)
      .map(unpad)
      .join("\n");
    if (rest === "") break;
    let restart = 0;
    for (const cells of csvParseRows(rest)) {
      const breaks = cells.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
      const record = { line, endLine: line + breaks, cells };
      records.push(record);
      width ||= cells.length;
      // A quote mark left open on its line swallows the lines after it. When the next line reads
      // as a full row on its own, that is what happened: report this line, read on from the next.
      if (
        breaks > 0 &&
        (record.endLine >= lines.length || (csvParseRows(unpad(lines[line]))[0]?.length ?? 0) >= width)
      ) {
        record.endLine = lines.length;
        restart = line + 1;
        break;
      }
      line = record.endLine + 1;
    }
    if (!restart) break;
    line = restart;
  }
  return records;
}

/**
 * Hand-typed files pad cells: ` "a, b" ` is the quoted cell "a, b". Spaces outside quote marks
 * next to them are dropped, so d3-dsv sees the quotes; spaces inside a quoted cell are kept.
 */
function unpad(text: string): string {
  if (!text.includes('"')) return text;
  let out = text;
  const spans: [number, number][] = [];
  for (const m of text.matchAll(/(^|,)([ \t]+)"/g)) {
    const from = m.index! + m[1].length;
    if (!insideQuotes(text, from)) spans.push([from, from + m[2].length]);
  }
  for (const m of text.matchAll(/"([ \t]+)(?=,|$)/g)) {
    if (insideQuotes(text, m.index!)) spans.push([m.index! + 1, m.index! + 1 + m[1].length]);
  }
  for (const [from, to] of spans.sort((a, b) => b[0] - a[0])) out = out.slice(0, from) + out.slice(to);
  return out;
}

/** Whether a text has a quote mark that never closes: quote marks come in pairs in valid CSV. */
function unbalanced(text: string): boolean {
  return (text.match(/"/g)?.length ?? 0) % 2 === 1;
}

/**
 * What d3-dsv reads without complaint but a reporter did not mean: text after a closing quote mark
 * ("Nearly 1,000" protesters), which shifts the columns silently.
 */
function lintLine(text: string): { cell: number; message: (column: string) => string } | undefined {
  // The text before a cell ends with its comma, so d3-dsv counts one empty cell too many.
  const cellAt = (index: number) => (index === 0 ? 0 : (csvParseRows(text.slice(0, index))[0]?.length ?? 1) - 1);
  const after = /(^|,)("(?:[^"]|"")*")([^,"][^,]*)/g;
  for (const match of text.matchAll(after)) {
    const start = match.index! + match[1].length;
    if (insideQuotes(text, start) || match[3].trim() === "") continue;
    return {
      cell: cellAt(start),
      message: (column) =>
        `the cell in ${column} has text after its closing quote mark (${JSON.stringify(`${match[2]}${match[3]}`.slice(0, 60))}); a cell with quote marks inside must be quoted whole, each inner quote mark doubled: "He said ""no"""`,
    };
  }
  return undefined;
}

/** Whether position `index` of a line falls inside a quoted cell. */
function insideQuotes(text: string, index: number): boolean {
  return unbalanced(text.slice(0, index));
}

/**
 * Characters that text from the data must never carry into a chart: control characters and
 * noncharacters are not allowed in XML at all, and a lone surrogate is half of a character.
 * Tabs and line breaks are white space, and fine. Returns a description, or undefined.
 */
/* eslint-disable no-control-regex -- finding control characters is the point */
const UNSAFE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/* eslint-enable no-control-regex */

export function unsafeCharacter(text: string): string | undefined {
  const found = UNSAFE.exec(text);
  if (!found) return undefined;
  const code = `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
  return /[\uD800-\uDFFF]/.test(found[0])
    ? `half of a character (a lone surrogate, ${code})`
    : `an invisible control character (${code})`;
}
