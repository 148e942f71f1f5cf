import type { ShownRow } from "../../charts/kind.ts";
import { defaultWriter, type Writer } from "../language/writer.ts";
import type { PhraseKey } from "../language/phrases.ts";
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

/**
 * The chart's own data as CSV: what it shows, as shown, with the quote behind each number; safe to
 * open in a spreadsheet. Readers download it from the embed, so its headers are in the chart's
 * language ("figure_id" in English; "id_chiffre" in French).
 */
export function chartCsv(rows: ShownRow[], writer: Writer = defaultWriter()): string {
  const headers = COLUMNS.map((c) => writer.phrase(`csv.${c}` as PhraseKey));
  const named = rows.map((row) => Object.fromEntries(COLUMNS.map((c, i) => [headers[i], row[c]])));
  return spreadsheetCsv(named, headers);
}
