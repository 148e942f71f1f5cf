import { defaultWriter } from "../language/writer.ts";
import type { Figure, Fraction } from "./figure.ts";
import { QUALIFIER_PHRASE, type Qualifier } from "./qualifiers.ts";

/**
 * How figures read in chart words. Chart kinds and templates call these and never format a value
 * themselves: a fraction stays "a third", never 0.33; the source's qualifier word stays its own.
 * Everything is lower-case; `capitalize` at the start of a sentence or label, by position only.
 */

// en-US grouping, every stated decimal kept: 1.6 stays 1.6, 20000 becomes 20,000. Never rounds.
const NUMBER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 20, useGrouping: true });

/** "20,000", "1.6", "−5" (a typographic minus sign, U+2212). */
export function formatNumber(value: number): string {
  return NUMBER.format(value).replace(/^-/, "\u2212");
}

const ORDINALS = ["", "", "half", "third", "quarter", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];
const SMALL = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

/**
 * A fraction in the words a copy editor would use when the source's own are not known: "half",
 * "a third", "two-thirds", "three-quarters"; "1 in 20" past tenths.
 */
export function fractionWords({ numerator: n, denominator: d }: Fraction): string {
  if (d === 2 && n === 1) return "half";
  if (d <= 10 && n >= 1 && n < d) return n === 1 ? `a ${ORDINALS[d]}` : `${SMALL[n]}-${ORDINALS[d]}s`;
  return `${formatNumber(n)} in ${formatNumber(d)}`;
}

/** The value alone, as the source states it: "45,000", "a third", "one in five", "−5". */
export function formatValue(figure: Pick<Figure, "value" | "fraction" | "value_words">): string {
  if (figure.value_words) return figure.value_words;
  if (figure.fraction) return fractionWords(figure.fraction);
  return formatNumber(figure.value);
}

/** The qualifier's words: the source's own ("some", "over", "almost"), else the canonical phrase; "" for exact. */
export function qualifierWords(figure: Pick<Figure, "qualifier" | "qualifier_words">): string {
  if (figure.qualifier === "exact") return "";
  return figure.qualifier_words || QUALIFIER_PHRASE[figure.qualifier];
}

/** The figure as the source qualified it: "some 45,000", "about a third", "nearly 1,000", "954". */
export function qualified(
  figure: Pick<Figure, "value" | "fraction" | "value_words" | "qualifier" | "qualifier_words">,
): string {
  const words = qualifierWords(figure);
  const value = formatValue(figure);
  return words ? `${words} ${value}` : value;
}

/** A value and qualifier with the canonical phrase: "more than 10,000", "at least 1", "954". */
export function formatQualified(value: number, qualifier: Qualifier): string {
  const phrase = QUALIFIER_PHRASE[qualifier];
  return phrase ? `${phrase} ${formatNumber(value)}` : formatNumber(value);
}

/** The first letter upper-case: for a sentence or label that opens with the figure ("Some 45,000"). */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A figure's period in chart words, as the default writer words it (pipeline/language/writer.ts
 * `periodOf`, the one place): "Sun 24 – Tue 26 Nov 2024"; a calendar period as the desk names it
 * ("2025-26", "Oct 2024"); a running count whose start no source gives, "to Tue 15 Aug 2023";
 * nights, dated by their evenings: "night of Fri 30 Jun 2023". "" without dates.
 */
export function periodWords(figure: Pick<Figure, "start" | "end" | "nights">, { year = true } = {}): string {
  return defaultWriter().periodOf(figure, { year });
}
