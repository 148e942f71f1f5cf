import type { PeriodOption } from "./figure-period.ts";
import type { Qualifier } from "./qualifiers.ts";

/** The columns of a story's figures.csv; REQUIRED_CELLS must be filled in on every row. */
export const FIGURE_COLUMNS = [
  "id",
  "metric",
  "category",
  "value",
  "qualifier",
  "unit",
  "start",
  "end",
  "attributed_to",
  "quote",
  "source",
] as const;
export const REQUIRED_CELLS = ["id", "metric", "value", "qualifier", "quote"] as const;

/** One change from data/corrections.csv, as applied to a figure. */
export interface Correction {
  date: string;
  id: string;
  field: string;
  from: string;
  to: string;
  reason: string;
  line: number;
}

/**
 * A share stated as a fraction: "a third" is 1/3, "one in five" 1/5, "two-thirds" 2/3, "half" 1/2.
 * Kept exact: no chart or dataset shows it as 0.33 or 33.3.
 */
export interface Fraction {
  numerator: number;
  denominator: number;
}

/**
 * A reported figure, checked against its source: the unit of truth every chart draws from.
 *
 * What figures.csv's value cell may hold (see parseValue in numbers.ts):
 *   `954`, `20,000`, `20 000`, `10,00,000`, `1.6`  a number in digits
 *   `1/3`, `2/3`, `1/5`                            a fraction ("a third", "two-thirds", "one in five")
 *   `-5`, `−5`                                     a negative measure; refused for counts (blank or people units)
 * A percentage is its number with unit `%`: "12%" is value 12, unit %.
 *
 * Show a figure with the functions of format.ts (`qualified`, `formatValue`), never by formatting
 * `value` yourself: they keep the source's words ("some 45,000", "about a third").
 */
export interface Figure {
  id: string;
  metric: string;
  category: string;
  /**
   * The number as stated, for lengths, sums and sorting. For a fraction it is numerator/denominator
   * (1/3 is 0.333…): draw with it, never print it; `fraction` holds the exact value.
   */
  value: number;
  /** The exact share when the source states a fraction; null for a plain number. */
  fraction: Fraction | null;
  qualifier: Qualifier;
  /**
   * The source's own words for the qualifier, lower-case, as the reader found them around the
   * number: "some" for "Some 45,000", "over", "almost", "more than", "an estimated". The canonical
   * phrase ("about") where the source used a sign or words after the number ("~500", "500 or so");
   * "" for an exact figure. Capitalised by position only, where shown (format.ts `capitalize`).
   */
  qualifier_words: string;
  /**
   * The source's words for the value where digits would misstate it: "a third", "one in five",
   * "half", "two-thirds" for fractions. "" when the digits say what the source says.
   */
  value_words: string;
  /**
   * The number's words as the source wrote them, currency and scale included: "$5.5bn", "Rs 2
   * crore", "20,000". Charts with no house style write a large number as its source does ("$5.5bn",
   * never "$5,500,000,000"); absent where no proof read the number.
   */
  stated?: string;
  /** The bounds the qualifier implies; null where the source leaves it open. */
  low: number | null;
  high: number | null;
  unit: string;
  /**
   * ISO dates; both "" when the figure has no period. start alone is "" for a running count whose
   * start no source says ("the toll rose to 99 on Tuesday"): a count to `end`.
   */
  start: string;
  end: string;
  /**
   * The words start and end were filled from where figures.csv left both blank ("on Tuesday"),
   * shown as filled in the notebook, `npm run figures` and the build's report; "" where they were typed.
   */
  filled: string;
  /**
   * Every period the quote's words allow the figure (figure-period.ts), the one they support best
   * first; empty where they give none. Chart kinds advise only dates these allow.
   */
  periods: PeriodOption[];
  /**
   * Whether start and end count nights, each dated by the evening it begins: "on Friday night" and
   * "the night of Friday to Saturday" are start = end = that Friday; "Friday and Saturday nights"
   * is Friday to Saturday. False for days.
   */
  nights: boolean;
  attributed_to: string;
  quote: string;
  /** The file the quote is in, relative to the story folder. */
  source: string;
  /** The id of a figure this one restates in other words ("nearly 1,000" for the 954 arrests). */
  restates: string;
  corrections: Correction[];
  /** Where the figure was defined, for messages from later stages. */
  line: number;
}
