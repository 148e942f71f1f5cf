import type { ChartModel } from "../../charts/kind.ts";
import type { UnrecordedNumber } from "../facts/coverage.ts";
import type { Correction, Figure } from "../facts/figure.ts";
import type { Problem } from "../facts/problem.ts";
import type { Writer } from "../language/writer.ts";
import type { ChartEntry } from "./chart-list.ts";
import type { ChartWords } from "./chart-words.ts";

export interface PreparedChart {
  entry: ChartEntry;
  model: ChartModel;
  words: ChartWords;
  /** Every figure the chart shows: drawn by its kind, then those its words cite. */
  shown: Figure[];
}

/** A story read, corrected, proven and laid out as chart content: everything short of drawing. */
export interface Story {
  dir: string;
  /** The story's name, from charts.json's optional "story" field (the notebook's heading). */
  name?: string;
  published: string;
  files: Map<string, string>;
  figures: Figure[];
  corrections: Correction[];
  charts: PreparedChart[];
  warnings: Problem[];
  /** Figures the article and sources state that no row of figures.csv records (the coverage count). */
  unrecorded: UnrecordedNumber[];
  /** The story's language and house style (charts.json "locale" and "style"): how every word and number is written. */
  writer: Writer;
}
