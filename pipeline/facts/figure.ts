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

/** A reported figure, checked against its source: the unit of truth every chart draws from. */
export interface Figure {
  id: string;
  metric: string;
  category: string;
  value: number;
  qualifier: Qualifier;
  /** The bounds the qualifier implies; null where the source leaves it open. */
  low: number | null;
  high: number | null;
  unit: string;
  start: string;
  end: string;
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
