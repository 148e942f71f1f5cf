import { csvFormat } from "d3-dsv";
import { spreadsheetText } from "../facts/spreadsheet-text.ts";

/** The cell as a spreadsheet must see it: formula-like text behind an apostrophe, which makes it text. */
export function spreadsheetCell(value: unknown): string {
  if (typeof value === "number") return String(value);
  return spreadsheetText(value === null || value === undefined ? "" : String(value));
}

/** CSV for readers to download (d3-dsv quoting), with every cell made safe to open in a spreadsheet. */
export function spreadsheetCsv(rows: Record<string, unknown>[], columns: readonly string[]): string {
  const safe = rows.map((row) => Object.fromEntries(columns.map((c) => [c, spreadsheetCell(row[c])])));
  return `${csvFormat(safe, [...columns])}\n`;
}
