import type * as PlotModule from "@observablehq/plot";
import type { ChartEntry } from "../pipeline/chart-list.ts";
import type { Figure } from "../pipeline/figure.ts";
import type { Sizes, Theme } from "./style.ts";

export type Plot = typeof PlotModule;

/** What a chart kind knows of the story: its figures, and the whole dataset for related rows. */
export interface KindInput {
  entry: ChartEntry;
  /** The figures the entry names, in its order. */
  figures: Figure[];
  /** Every figure of the story: a kind may draw related rows (a daily breakdown of a total). */
  dataset: Figure[];
}

/** One row of the chart's own data file (X.csv): what the chart shows, and where it comes from. */
export interface ShownRow {
  figure_id: string;
  label: string;
  value: number;
  qualifier: string;
  shown_as: string;
  start: string;
  end: string;
  attributed_to: string;
  source: string;
  quote: string;
}

/** A chart's content, decided once for every variant: pure data, no drawing. */
export interface ChartModel {
  kind: string;
  /** Every figure drawn or cited, including related rows the kind pulled in. */
  used: Figure[];
  /** Notes the kind must add (what the data does not say, how to read a mark). */
  notes: string[];
  /** Problems worth a terminal warning that do not stop the build (days that don't add up). */
  warnings: string[];
  /** One or two sentences stating the figures and qualifiers: the alt text's core. */
  summary: string;
  rows: ShownRow[];
  /** Kind-specific drawing data. */
  draw: unknown;
}

export interface DrawContext {
  width: number;
  sizes: Sizes;
  theme: Theme;
  document: Document;
  Plot: Plot;
}

export interface ChartKind {
  /** Problems are reported against the entry's charts.json line. */
  prepare(input: KindInput): { model?: ChartModel; problems: string[] };
  draw(model: ChartModel, context: DrawContext): { node: SVGSVGElement; height: number };
}
