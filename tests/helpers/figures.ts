import type { Figure } from "../../pipeline/facts/figure.ts";
import { bounds } from "../../pipeline/facts/qualifiers.ts";

/**
 * A proven figure made by hand, for module tests of pure stages (chart kinds, templates, chart
 * words): every field a checked row would have, low and high from the qualifier.
 */
export function figure(fields: Partial<Figure> & { id: string; value: number }): Figure {
  const qualifier = fields.qualifier ?? "exact";
  return {
    metric: "arrests",
    category: "People arrested",
    fraction: null,
    qualifier,
    qualifier_words: "",
    value_words: "",
    ...bounds(fields.value, qualifier),
    unit: "people",
    start: "",
    end: "",
    filled: "",
    periods: [],
    nights: false,
    attributed_to: "",
    quote: `${fields.value} people were arrested`,
    source: "article.txt",
    restates: "",
    corrections: [],
    line: 2,
    ...fields,
  };
}

/** A one-day figure. */
export const day = (id: string, date: string, value: number, more: Partial<Figure> = {}) =>
  figure({ id, value, start: date, end: date, ...more });
