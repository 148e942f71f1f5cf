import { csvFormat } from "d3-dsv";

/**
 * A cell a spreadsheet would run as a formula when a reader opens the CSV: one starting with =, +,
 * -, @, a tab or a carriage return (OWASP, "CSV injection"). A category, an attribution or a
 * correction reason comes from the story, so any of them may.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number ("-5", "+1.5", "2e3") is data, not a formula: it stays a number. */
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The cell as a spreadsheet must see it: formula-like text behind an apostrophe, which makes it text. */
export function spreadsheetCell(value: unknown): string {
  if (typeof value === "number") return String(value);
  const text = value === null || value === undefined ? "" : String(value);
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** CSV for readers to download (d3-dsv quoting), with every cell made safe to open in a spreadsheet. */
export function spreadsheetCsv(rows: Record<string, unknown>[], columns: readonly string[]): string {
  const safe = rows.map((row) => Object.fromEntries(columns.map((c) => [c, spreadsheetCell(row[c])])));
  return `${csvFormat(safe, [...columns])}\n`;
}
