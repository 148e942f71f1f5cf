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

/** One physical record as the file has it, before the header names its cells. */
interface Record_ {
  line: number;
  /** Last line the record occupies: more than `line` when a quoted cell holds a line break. */
  endLine: number;
  cells: string[];
  /** The first cell that runs over lines, if any. */
  multiline?: number;
  /** A quote mark that is never closed, or text after a closing one: the record cannot be trusted. */
  broken?: { kind: "unclosed" | "after"; cell: number; text: string };
}

/**
 * Parses a spreadsheet export. Accepts what spreadsheets write (a UTF-8 byte-order mark, CRLF
 * line endings, padded cells) and reports what they break, each at its own line: a quote mark that
 * is never closed (the lines after it are read again, so their problems are reported too), text
 * after a closing quote mark, a cell that runs over several lines, columns separated by semicolons.
 */
export function parseCsv(file: string, text: string, required: readonly string[]): Table {
  const problems: Problem[] = [];
  const at = (line: number, message: string) => problems.push({ file, line, message });
  const records = readRecords(text.replace(/^\uFEFF/, ""));
  const header = records[0];
  if (!header || header.cells.every((c) => c.trim() === "")) {
    at(1, `the file is empty; it needs a header row: ${required.join(",")}`);
    return { file, columns: [], rows: [], problems };
  }
  if (header.broken || header.multiline !== undefined) {
    at(header.line, `the header row is malformed (a quote mark is not closed where it should be); it should read: ${required.join(",")}`);
    return { file, columns: [], rows: [], problems };
  }
  const columns = header.cells.map((name) => name.trim().toLowerCase());
  if (columns.length === 1) {
    for (const [separator, name] of [[";", "semicolons"], ["\t", "tabs"]] as const) {
      const split = columns[0].split(separator).map((c) => c.trim());
      if (split.length > 1 && required.some((name) => split.includes(name))) {
        at(1, `the columns are separated by ${name}, not commas (a spreadsheet saving in a European or "text" format); save the file as "CSV UTF-8 (comma-delimited)"`);
        return { file, columns: [], rows: [], problems };
      }
    }
  }
  const missing = required.filter((name) => !columns.includes(name));
  if (missing.length > 0) {
    at(1, `missing column${missing.length > 1 ? "s" : ""} ${missing.map((m) => `"${m}"`).join(", ")}; the header must name at least: ${required.join(",")}`);
  }
  const repeated = columns.filter((name, i) => name !== "" && columns.indexOf(name) !== i);
  for (const name of new Set(repeated)) at(1, `column "${name}" appears twice in the header; delete or rename one`);

  const columnName = (j: number) => (columns[j] ? `column "${columns[j]}"` : `column ${j + 1}`);
  const rows: Row[] = [];
  const idColumn = columns.indexOf("id");
  const unreadable = (record: Record_, message: string) => {
    at(record.line, message);
    const id = idColumn >= 0 && (record.broken?.cell ?? Infinity) > idColumn ? record.cells[idColumn]?.trim() : undefined;
    if (id) rows.push({ file, line: record.line, cells: { id }, broken: true });
  };
  for (const record of records.slice(1)) {
    const { line, cells: raw } = record;
    if (record.broken?.kind === "unclosed") {
      unreadable(record, `a quote mark (") opens the cell in ${columnName(record.broken.cell)} and is not closed on this line; close it at the end of the cell, or double it ("") if it is part of the text`);
      continue;
    }
    if (record.broken?.kind === "after") {
      unreadable(
        record,
        `the cell in ${columnName(record.broken.cell)} has text after its closing quote mark (${JSON.stringify(record.broken.text)}); a cell with quote marks inside must be quoted whole, each inner quote mark doubled: "He said ""no"""`,
      );
      continue;
    }
    if (record.multiline !== undefined) {
      unreadable(record, `the cell in ${columnName(record.multiline)} runs over lines ${line}–${record.endLine}: a quote mark (") is not closed where it should be, or the cell holds a line break; close the quote, or put the cell on one line`);
      continue;
    }
    if (raw.every((cell) => cell.trim() === "")) continue;
    if (raw.length > columns.length) {
      const extra = raw.slice(columns.length).filter((cell) => cell.trim() !== "");
      if (extra.length > 0) {
        unreadable(record, `${raw.length} cells but the header has ${columns.length} columns; a comma inside a cell needs the cell in quotes ("…, …")`);
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
 * Characters that text from the data must never carry into a chart: control characters and
 * noncharacters are not allowed in XML at all, and a lone surrogate is half of a character.
 * Tabs and line breaks are white space, and fine. Returns a description, or undefined.
 */
export function unsafeCharacter(text: string): string | undefined {
  const found = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.exec(text);
  if (!found) return undefined;
  const code = `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
  return /[\uD800-\uDFFF]/.test(found[0]) ? `half of a character (a lone surrogate, ${code})` : `an invisible control character (${code})`;
}

/** Splits the text into records (RFC 4180, with CR, LF or CRLF line ends), numbering lines as a text editor does. */
function readRecords(text: string): Record_[] {
  const records: Record_[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  const endOfLine = () => {
    i += text[i] === "\r" && text[i + 1] === "\n" ? 2 : 1;
    line += 1;
  };
  while (i < n) {
    const start = i;
    const record: Record_ = { line, endLine: line, cells: [] };
    for (;;) {
      // Hand-typed files pad cells: ` "a, b" ` is the quoted cell "a, b".
      const pad = /^[ \t]*/.exec(text.slice(i, i + 100))![0].length;
      if (text[i + pad] === '"') i += pad;
      if (text[i] === '"') {
        const opened = line;
        let value = "";
        let closed = false;
        i += 1;
        while (i < n) {
          const ch = text[i];
          if (ch === '"') {
            if (text[i + 1] === '"') {
              value += '"';
              i += 2;
              continue;
            }
            i += 1;
            closed = true;
            break;
          }
          if (ch === "\n" || (ch === "\r" && text[i + 1] !== "\n")) line += 1;
          value += ch;
          i += 1;
        }
        if (!closed) {
          record.broken = { kind: "unclosed", cell: record.cells.length, text: value };
          break;
        }
        if (line > opened) record.multiline ??= record.cells.length;
        record.cells.push(value);
        const closedAt = i;
        while (text[i] === " " || text[i] === "\t") i += 1;
        if (i >= n) break;
        if (text[i] === ",") {
          i += 1;
          continue;
        }
        if (text[i] === "\n" || text[i] === "\r") {
          endOfLine();
          break;
        }
        // Spanning lines, the quote mark most likely was never closed on its own line; if not, a
        // quoted cell runs on after its closing mark ("Nearly 1,000" protesters).
        const rest = /^[^,\r\n]*/.exec(text.slice(closedAt, closedAt + 200))![0];
        record.broken = line > opened ? { kind: "unclosed", cell: record.cells.length - 1, text: value } : { kind: "after", cell: record.cells.length - 1, text: `"${value}"${rest}`.slice(0, 60) };
        break;
      }
      let j = i;
      while (j < n && text[j] !== "," && text[j] !== "\n" && text[j] !== "\r") j++;
      record.cells.push(text.slice(i, j));
      i = j;
      if (i >= n) break;
      if (text[i] === ",") {
        i += 1;
        continue;
      }
      endOfLine();
      break;
    }
    if (record.broken) {
      // Nothing after the broken quote can be trusted to belong to this record: read on from the
      // next line, so the rows below are checked (and their problems reported) in this same run.
      records.push(record);
      const next = text.slice(start).search(/\r\n|\r|\n/);
      if (next < 0) break;
      i = start + next + (text.startsWith("\r\n", start + next) ? 2 : 1);
      line = record.line + 1;
      continue;
    }
    record.endLine = line - (i >= n && text[n - 1] !== "\n" && text[n - 1] !== "\r" ? 0 : 1);
    records.push(record);
  }
  return records;
}
