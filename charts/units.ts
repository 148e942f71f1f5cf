import type { Figure } from "../pipeline/facts/figure.ts";
import { qualified } from "../pipeline/facts/format.ts";
import { isCount, isCurrency, unitKey } from "../pipeline/language/units.ts";

/**
 * Units as a reader sees them beside a number. A count of people stands bare ("954"): the category
 * label already says who is counted. A measure carries its unit ("1.6 kilometres", "12%"), since
 * "1.6" alone says nothing. The number is the stated value, never rescaled: a quote's "12%" is 12.
 * How each is written (money before its number, "12 per cent") is the writer's (pipeline/language).
 */
export { isCount, isCurrency, unitKey };

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
