import type { Fraction } from "./figure.ts";
import { readSentence } from "./reader.ts";

export type ValueParse = { ok: true; value: number; fraction: Fraction | null } | { ok: false; message: string };

// Thousands grouped by commas, or by spaces as some spreadsheets and style guides write them.
const VALUE =
  /^[+\-\u2212]?(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d{1,3}(?:[ \u00A0\u202F\u2009]\d{3})+|\d+)(?:\.\d+)?$/u;
// A share: "1/3", or "1 in 3" (which a spreadsheet does not turn into a date).
const FRACTION = /^(\d{1,4})\s*(?:\/|\s+in\s+)(\d{1,4})$/iu;

/**
 * A value cell from the fact sheet. Thousands separators and stray spaces are fine
 * ("20,000 ", "20 000"); a fraction is "1/3" or "1 in 3"; a sign is kept (whether a negative
 * value is allowed depends on the unit, which the check decides). Words and anything that is not a
 * finite number are refused with the fix.
 */
export function parseValue(cell: string): ValueParse {
  const text = cell.trim();
  if (text === "") return { ok: false, message: "value is empty; write the number in digits, e.g. 954" };
  const share = FRACTION.exec(text);
  if (share) {
    const numerator = Number(share[1]);
    const denominator = Number(share[2]);
    if (numerator < 1 || denominator < 2 || numerator >= denominator)
      return {
        ok: false,
        message: `value ${JSON.stringify(text)} is not a share of a whole; a fraction is written 1/3 (a third), 2/3 (two-thirds), 1/5 (one in five)`,
      };
    return { ok: true, value: numerator / denominator, fraction: { numerator, denominator } };
  }
  if (
    /^\d{1,2}[-/ ](?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*$|^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[-/ ]\d{1,2}$/i.test(
      text,
    )
  )
    return {
      ok: false,
      message: `value ${JSON.stringify(text)} is a date, as a spreadsheet writes a fraction it took for one; write the fraction as 1 in 3 (or 1/3 in a cell formatted as text)`,
    };
  if (/^[+\-\u2212]?\d+(?:\.\d+)?\s*(?:%|per\s*cent|percent)$/iu.test(text))
    return {
      ok: false,
      message: `value ${JSON.stringify(text)} is a percentage; write the number alone, ${text.replace(/[^\d.\-\u2212+]/g, "").replace("\u2212", "-")}, and % in the unit column`,
    };
  if (!VALUE.test(text)) {
    const readings = readSentence(text);
    const spelled = readings.find((r) => r.text.trim().length === text.length && r.qualifier === "exact");
    const qualified = readings.find((r) => r.text.trim().length === text.length && r.qualifier !== "exact");
    const hint = spelled
      ? spelled.fraction
        ? `write the fraction as ${spelled.fraction.numerator}/${spelled.fraction.denominator}`
        : `write it in digits: ${spelled.value}`
      : qualified
        ? `write the number alone, ${qualified.fraction ? `${qualified.fraction.numerator}/${qualified.fraction.denominator}` : qualified.value}, and the qualifier in the qualifier column`
        : /^\d+,\d{1,2}$|^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(text)
          ? "write it with a decimal point and optional comma thousands, e.g. 1.6 or 20,000"
          : "write a plain number in digits, e.g. 20000 or 1.6";
    return { ok: false, message: `value ${JSON.stringify(text)} is not a number; ${hint}` };
  }
  const value = Number(text.replace(/[,\s\u00A0\u202F\u2009]/g, "").replace("\u2212", "-"));
  if (!Number.isFinite(value))
    return {
      ok: false,
      message: `value ${JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text)} is too large to be a number; check the cell`,
    };
  // A double holds 15 significant digits exactly; past that (or from 1e21 or under 1e-6, which
  // JavaScript writes as "1e+21", "1e-7") a number could not be shown as the source states it, so
  // it is refused, not rounded.
  const digits = text.replace(/[^\d]/g, "").replace(/^0+/, "").replace(/0+$/, "");
  const size = Math.abs(value);
  if (digits.length > 15 || size >= 1e21 || (size > 0 && size < 1e-6)) {
    return {
      ok: false,
      message: `value ${JSON.stringify(text)} cannot be shown exactly (at most 15 significant digits, between 0.000001 and 1e21); state it in another unit, e.g. 1.2 billion as 1.2 with unit "billion"`,
    };
  }
  return { ok: true, value: value + 0, fraction: null }; // "-0" is 0
}
