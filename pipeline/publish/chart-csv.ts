import { csvFormat } from "d3-dsv";
import type { ShownRow } from "../../charts/kind.ts";

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

/** The chart's own data as CSV: what it shows, as shown, with the quote behind each number. */
export function chartCsv(rows: ShownRow[]): string {
  return `${csvFormat(rows as unknown as Record<string, string>[], COLUMNS)}\n`;
}
