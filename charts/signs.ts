import { max, min } from "d3-array";
import type { Figure } from "../pipeline/facts/figure.ts";
import { defaultWriter } from "../pipeline/language/writer.ts";
import { boundOf } from "./bounds.ts";

/**
 * Values below zero: a measure may be negative ("−25 degrees"; a count never is, figures.csv
 * refuses that). Bars, columns and lines draw from a zero line with room on both sides of it.
 */

/** The span a scale must cover: from the lowest value or zero to the highest or zero; never empty. */
export function signedExtent(values: number[]): { low: number; high: number } {
  const low = Math.min(0, min(values) ?? 0);
  const high = Math.max(0, max(values) ?? 0);
  return high > low ? { low, high } : { low: 0, high: 1 };
}

/** The figure as a message to the desk says it: "nearly −25 degrees". */
const said = (f: Figure) => defaultWriter().qualified(f);

/**
 * A qualified number below zero cannot be marked: "nearly −25 degrees" is read as nearer zero by
 * some and further below it by others, so neither a cap nor an open end would say what the source
 * says. Its words can: a reference in the chart's words keeps the qualifier.
 */
export function signedBoundProblems(figures: Figure[], mark: string): string[] {
  return figures
    .filter((f) => f.value < 0 && boundOf(f) !== "none")
    .map(
      (f) =>
        `"${f.id}" is ${said(f)}: the words do not say which way the true figure lies from a number below zero (nearer zero, or further below it), so no ${mark} can mark it; reference it in the chart's words ({${f.id}} keeps its qualifier) instead of drawing it`,
    );
}

/** For kinds whose figures cannot be below zero: a part of a whole, a total over days. */
export function negativeProblems(figures: Figure[], kind: string, because: string): string[] {
  return figures
    .filter((f) => f.value < 0)
    .map(
      (f) =>
        `"${f.id}" is ${said(f)}, below zero: a ${kind} chart draws ${because}, never below zero; chart it as bars, columns or a line`,
    );
}
