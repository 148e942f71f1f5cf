import { csvParseRows } from "d3-dsv";
import type { Problem } from "./problem.ts";
import { unescapeSpreadsheetText } from "./spreadsheet-text.ts";

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
          `${raw.length} cells but the header has ${columns.length} columns; a comma inside a cell needs the cell in quotes ("…, …")${/[“”„]/.test(raw.join(",")) ? ", straight ones: a cell in curly quotes (“…”), as a word processor writes them, is not quoted" : ""}`,
        );
        continue;
      }
    }
    const cells: Record<string, string> = {};
    columns.forEach((name, j) => {
      if (name === "" || j !== columns.indexOf(name)) return;
      const cell = unescapeSpreadsheetText((raw[j] ?? "").trim());
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
 *
 * d3-dsv reads a window of lines at a time, not the whole rest of the file: a record that ends
 * before the window's last line reads the same as in the whole file (a record that starts on a
 * fresh line starts afresh). One that reaches the last line is read again in a window twice as
 * long. So each restart costs what it reads, and a sheet of stray quote marks reads in linear time.
 */
const FIRST_WINDOW = 4;

function readRecords(lines: string[]): Record_[] {
  const unpadded = lines.map(unpad);
  const records: Record_[] = [];
  let width = 0;
  let line = 1;
  let window = FIRST_WINDOW;
  while (line <= lines.length) {
    const last = Math.min(lines.length, line - 1 + window);
    const rest = unpadded.slice(line - 1, last).join("\n");
    if (rest === "" && last === lines.length) break;
    let next = last + 1;
    let grow = false;
    for (const cells of csvParseRows(rest)) {
      const breaks = cells.reduce((n, cell) => n + countBreaks(cell), 0);
      const record = { line, endLine: line + breaks, cells };
      if (record.endLine >= last && last < lines.length) {
        // It may go on past the window: read it again in a longer one.
        next = line;
        grow = true;
        break;
      }
      records.push(record);
      width ||= cells.length;
      // A quote mark left open on its line swallows the lines after it. When the next line reads
      // as a full row on its own, that is what happened: report this line, read on from the next.
      if (breaks > 0 && (record.endLine >= lines.length || (csvParseRows(unpadded[line])[0]?.length ?? 0) >= width)) {
        record.endLine = lines.length;
        next = line + 1;
        break;
      }
      line = record.endLine + 1;
      next = line;
    }
    window = grow ? window * 2 : FIRST_WINDOW;
    line = next;
  }
  return records;
}

function countBreaks(cell: string): number {
  let n = 0;
  for (let i = cell.indexOf("\n"); i >= 0; i = cell.indexOf("\n", i + 1)) n++;
  return n;
}

/**
 * Hand-typed files pad cells: ` "a, b" ` is the quoted cell "a, b". Spaces outside quote marks
 * next to them are dropped, so d3-dsv sees the quotes; spaces inside a quoted cell are kept.
 */
function unpad(text: string): string {
  if (!text.includes('"')) return text;
  const inside = quoteParity(text);
  const spans: [number, number][] = [];
  for (const m of text.matchAll(/(^|,)([ \t]+)"/g)) {
    const from = m.index! + m[1].length;
    if (!inside(from)) spans.push([from, from + m[2].length]);
  }
  for (const m of text.matchAll(/"([ \t]+)(?=,|$)/g)) {
    if (inside(m.index!)) spans.push([m.index! + 1, m.index! + 1 + m[1].length]);
  }
  if (spans.length === 0) return text;
  // Kept pieces joined once, left to right: cutting the spans out one by one would copy the line each time.
  spans.sort((a, b) => a[0] - b[0]);
  const kept: string[] = [];
  let at = 0;
  for (const [from, to] of spans) {
    if (from < at) continue;
    kept.push(text.slice(at, from));
    at = to;
  }
  kept.push(text.slice(at));
  return kept.join("");
}

/**
 * Whether position `index` of a line falls inside a quoted cell: quote marks come in pairs in
 * valid CSV, so an odd number before it means a quote is open. Counted once for the line.
 */
function quoteParity(text: string): (index: number) => boolean {
  const before = new Uint32Array(text.length + 1);
  for (let i = 0; i < text.length; i++) before[i + 1] = before[i] + (text.charCodeAt(i) === 34 ? 1 : 0);
  return (index) => before[index] % 2 === 1;
}

/**
 * What d3-dsv reads without complaint but a reporter did not mean: text after a closing quote mark
 * ("Nearly 1,000" protesters), which shifts the columns silently. One pass over the line, cell by
 * cell (a pattern with backtracking took minutes on a long cell full of doubled quote marks).
 */
function lintLine(text: string): { cell: number; message: (column: string) => string } | undefined {
  let quotes = 0; // quote marks before i: odd means inside a quoted cell
  for (let i = 0; i < text.length; i++) {
    const cellStart = (i === 0 || text[i - 1] === ",") && quotes % 2 === 0;
    if (!(cellStart && text[i] === '"')) {
      if (text[i] === '"') quotes++;
      continue;
    }
    // A quoted cell: find its closing quote mark ("" is a quote mark inside it).
    let close = i + 1;
    while (close < text.length && !(text[close] === '"' && text[close + 1] !== '"'))
      close += text[close] === '"' ? 2 : 1;
    if (close >= text.length) return undefined; // never closed on this line: reported as such
    let end = text.indexOf(",", close + 1);
    if (end < 0) end = text.length;
    const after = text.slice(close + 1, end);
    if (after.trim() !== "") {
      // The text before a cell ends with its comma, so d3-dsv counts one empty cell too many.
      const cell = i === 0 ? 0 : (csvParseRows(text.slice(0, i))[0]?.length ?? 1) - 1;
      const shown = JSON.stringify(text.slice(i, end).slice(0, 60));
      return {
        cell,
        message: (column) =>
          `the cell in ${column} has text after its closing quote mark (${shown}); a cell with quote marks inside must be quoted whole, each inner quote mark doubled: "He said ""no"""`,
      };
    }
    for (let j = i; j < end; j++) if (text[j] === '"') quotes++;
    i = end - 1;
  }
  return undefined;
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
