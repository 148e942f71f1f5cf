import type { ShownRow } from "../../charts/kind.ts";
import { spreadsheetCsv } from "./spreadsheet-cells.ts";

const COLUMNS: (keyof ShownRow)[] = [
  "figure_id",
  "label",
  "value",
  "qualifier",
  "shown_as",
  "start",
  "end",
  "attributed_to",
  "source",
  "quote",
];

/** The chart's own data as CSV: what it shows, as shown, with the quote behind each number; safe to open in a spreadsheet. */
export function chartCsv(rows: ShownRow[]): string {
  return spreadsheetCsv(rows as unknown as Record<string, unknown>[], COLUMNS);
}
