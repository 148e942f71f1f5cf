/**
 * A cell a spreadsheet would run as a formula when a reader opens the CSV: one starting with =, +,
 * -, @, a tab or a carriage return (OWASP, "CSV injection"). A category, an attribution, a quote or
 * a correction reason comes from the story, so any of them may.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number ("-5", "+1.5", "2e3") is data, not a formula: it stays a number. */
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Text as a spreadsheet must see it: formula-like text behind an apostrophe, which makes it text. */
export function spreadsheetText(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/**
 * The text a cell escaped by spreadsheetText stands for: rows copied from figures.draft.csv into
 * figures.csv read as the spreadsheet shows them ("'=HYPERLINK(…" is the quote "=HYPERLINK(…").
 */
export function unescapeSpreadsheetText(cell: string): string {
  return cell.startsWith("'") && spreadsheetText(cell.slice(1)) === cell ? cell.slice(1) : cell;
}
