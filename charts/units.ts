import type { Figure } from "../pipeline/facts/figure.ts";
import { qualified } from "../pipeline/facts/format.ts";

/**
 * Units as a reader sees them beside a number. A count of people stands bare ("954"): the category
 * label already says who is counted. A measure carries its unit ("1.6 kilometres", "12%"), since
 * "1.6" alone says nothing. The number is the stated value, never rescaled: a quote's "12%" is 12.
 */

/** Units that count people, blank included: a figure with no unit counts what its category names. */
const PEOPLE = new Set(["", "people", "persons", "person", "individuals", "individual"]);
const PERCENT = new Set(["%", "percent", "per cent", "pct", "pct."]);

function clean(unit: string): string {
  return unit.trim().replace(/\s+/g, " ");
}

/** A count of people (or of what the category names): shown as a bare number. */
export function isCount(unit: string): boolean {
  return PEOPLE.has(clean(unit).toLowerCase());
}

/**
 * What a unit measures, for comparing figures: "people", "persons" and blank are one quantity;
 * "%", "percent" and "per cent" another; any other unit is itself, regardless of case.
 */
export function unitKey(unit: string): string {
  const u = clean(unit).toLowerCase();
  if (PEOPLE.has(u)) return "people";
  if (PERCENT.has(u)) return "%";
  return u;
}

/**
 * The number as written ("more than 1.6", from formatQualified) with its unit where it is a
 * measure: "more than 1.6 kilometres", "12%"; a count of people is returned as it is.
 */
export function withUnit(shown: string, value: number, unit: string): string {
  const u = clean(unit);
  if (isCount(u)) return shown;
  if (PERCENT.has(u.toLowerCase())) return `${shown}%`;
  // Money is written before its number, after any qualifier: "more than $2,500,000,000", "Rs 1,200".
  if (isCurrency(u)) return shown.replace(/[\u2212-]?\d/, (first) => `${u}${/^\p{Sc}$/u.test(u) ? "" : " "}${first}`);
  return `${shown} ${value === 1 ? singular(u) : u}`;
}

/** Currency symbols and the abbreviations newsrooms write before amounts: "$", "US$", "£", "€", "Rs", "₹", "Tk". */
const CURRENCY = /^(?:\p{Sc}|[A-Z]{1,3}\p{Sc}|Rs\.?|Tk\.?|Rp|RM|R|Sh|KSh|CHF)$/u;

export function isCurrency(unit: string): boolean {
  return CURRENCY.test(clean(unit));
}

/** "1 kilometre", not "1 kilometres": the common English plurals, read back. */
function singular(unit: string): string {
  const words = unit.split(" ");
  const last = words[words.length - 1];
  let one = last;
  if (/[^aeiou]ies$/i.test(last)) one = last.slice(0, -3) + "y";
  else if (/(?:ch|sh|x|ss|z)es$/i.test(last)) one = last.slice(0, -2);
  else if (/[^su]s$/i.test(last) && last.length > 3) one = last.slice(0, -1);
  return [...words.slice(0, -1), one].join(" ");
}

/**
 * A share stated as a fraction ("about a third") is no quantity to set beside counts or measures:
 * drawn as a bar of 0.33 next to 3,625 it would say nothing true. Kinds other than share refuse it.
 */
export function fractionProblems(figures: Figure[], kind: string): string[] {
  return figures
    .filter((f) => f.fraction)
    .map(
      (f) =>
        `"${f.id}" is a share of a whole ("${qualified(f)}"), which a ${kind} chart cannot set beside other figures; chart it as share`,
    );
}
