import type { Figure } from "./figure.ts";
import { QUALIFIER_PHRASE, type Qualifier } from "./qualifiers.ts";

// en-US grouping, every stated decimal kept: 1.6 stays 1.6, 20000 becomes 20,000. Never rounds.
const NUMBER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 20, useGrouping: true });

export function formatNumber(value: number): string {
  return NUMBER.format(value);
}

/** The number as the source qualified it: "more than 10,000", "at least 1", "954". */
export function formatQualified(value: number, qualifier: Qualifier): string {
  const phrase = QUALIFIER_PHRASE[qualifier];
  return phrase ? `${phrase} ${formatNumber(value)}` : formatNumber(value);
}

export function qualified(figure: Figure): string {
  return formatQualified(figure.value, figure.qualifier);
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
