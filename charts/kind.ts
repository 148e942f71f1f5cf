import type * as PlotModule from "@observablehq/plot";
import type { Figure } from "../pipeline/facts/figure.ts";
import type { Writer } from "../pipeline/language/writer.ts";
import type { Sizes, Theme } from "./style.ts";

export type Plot = typeof PlotModule;

/**
 * What charts.json says about one figure of a chart, its words already filled in: how the chart
 * labels it, and whether its colour encodes something. Colour is never decoration: one colour for
 * every figure unless the entry highlights one or sorts figures into groups (two sides).
 */
export interface FigureChoice {
  /** The figure's label on this chart ("Friday night"); the kind's own default when absent. */
  label?: string;
  /** The one figure the chart is about: drawn in the highlight colour, the rest in the one colour. */
  highlight?: boolean;
  /** Figures of one group share a colour, and the group's name is written beside them. */
  group?: string;
}

/**
 * A place a locator map shows, as charts.json gives it: its name (a chart word), coordinates in
 * degrees, and optionally the id of a distance figure drawn as a circle around it.
 */
export interface Place {
  name: string;
  lat: number;
  lon: number;
  /** A city is drawn as a ringed dot and labelled in bold; a place as a plain dot. */
  type: "city" | "place";
  radius?: string;
}

/** A story's own map layer (a GeoJSON file in the story folder), read and checked. */
export interface GeoLayer {
  file: string;
  features: { type: "Feature"; geometry: { type: string; coordinates: unknown }; properties: null }[];
}

/**
 * A note pinned to the chart, its words filled in: drawn beside the marks it points at (the value
 * labels of its figures as the chart shows them, or a locator's place label) where it overlaps
 * nothing, else as a numbered marker with the note below the chart (charts/annotate.ts).
 */
export interface Annotation {
  text: string;
  /** What the chart prints, where it says more than the note: the note's day, beside a total of several days. */
  drawn?: string;
  /**
   * A day's own label on the chart's axis, in the forms a layout may print it ("Sun 24 Nov", "Sun
   * 24"): pointed at, where one is drawn, rather than the total of several days that covers it.
   */
  day?: string[];
  /**
   * The labels it points at, by text: figures' values as shown ("1,311"), or a place's name; `nth`
   * counts earlier figures shown with the same text, so two equal values are told apart.
   */
  marks: { text: string; nth: number }[];
  /** A band over days: the marks' span is shaded behind them. */
  band: boolean;
  /** What it is pinned to, in words, for the alt text ("people arrested on Friday night", "Mon 25 Nov 2024"). */
  where: string;
}

/** What a chart kind knows of the story: its figures, and the whole dataset for related rows. */
export interface KindInput {
  /** A locator's places and its story's own layers (other kinds refuse them in charts.json). */
  places?: Place[];
  layers?: GeoLayer[];
  /** The figures the entry names, in its order. */
  figures: Figure[];
  /** What the entry chose for each figure, in the same order (labels, colours); empty choices if none. */
  choices?: FigureChoice[];
  /** Every figure of the story: a kind may draw related rows (a daily breakdown of a total). */
  dataset: Figure[];
  /** The story's language and house style: every word and number the kind writes (the default: English, no style). */
  writer?: Writer;
}

/** The colour a mark takes, by what it encodes; the theme turns a role into a colour at drawing time. */
export type ColourRole = { role: "one" } | { role: "highlight" } | { role: "group"; index: number };

/** One row of the chart's own data file (X.csv): what the chart shows, and where it comes from. */
export interface ShownRow {
  figure_id: string;
  label: string;
  /** The stated number; a fraction exactly, as "1/3" (its quotient would be a rounded 0.333…). */
  value: number | string;
  qualifier: string;
  shown_as: string;
  start: string;
  end: string;
  attributed_to: string;
  source: string;
  quote: string;
}

/** A chart's content, decided once for every variant: pure data, no drawing. */
export interface ChartModel<Draw = unknown> {
  /** Every figure drawn or cited, including related rows the kind pulled in. */
  used: Figure[];
  /** Notes the kind must add (what the data does not say, how to read a mark). */
  notes: string[];
  /**
   * How the chart names each figure it draws in a sentence, by id: "people arrested on Thursday
   * night". Correction notes use it, so two figures never share a name.
   */
  names: Record<string, string>;
  /** Problems worth a terminal warning that do not stop the build (days that don't add up). */
  warnings: string[];
  /** One or two sentences stating the figures and qualifiers: the alt text's core. */
  summary: string;
  rows: ShownRow[];
  /** Kind-specific drawing data: plain data, so it can be fingerprinted and drawn in any variant. */
  draw: Draw;
}

export interface DrawContext {
  width: number;
  sizes: Sizes;
  theme: Theme;
  document: Document;
  Plot: Plot;
  /** The writer the chart was prepared with: words drawn late ("No figure", a day's label) come from it too. */
  writer?: Writer;
}

/** Plot's marks for one variant, and the height they take. */
export interface Drawing {
  node: SVGSVGElement;
  height: number;
  /** Time runs across this layout (columns, a line, days): a band of days is shaded as a column, else as a row. */
  timeAcross?: boolean;
}

/** A chart kind: `prepare` decides the content once (pure, no DOM); `draw` lays it out for one variant. */
export interface ChartKind<Draw = unknown> {
  /** Problems are reported against the entry's charts.json line. */
  prepare(input: KindInput): { model?: ChartModel<Draw>; problems: string[] };
  draw(model: ChartModel<Draw>, context: DrawContext): Drawing;
}

/**
 * A kind as the registry holds it, its drawing data's type forgotten. Sound because a model only
 * ever goes back to the kind that prepared it (both are looked up by the entry's kind name).
 */
export function registered<Draw>(kind: ChartKind<Draw>): ChartKind {
  return kind as unknown as ChartKind;
}

/** The chart-data row for a figure, labelled and shown as the chart shows it. */
export function shownRow(f: Figure, label: string, shown: string): ShownRow {
  return {
    figure_id: f.id,
    label,
    value: f.fraction ? `${f.fraction.numerator}/${f.fraction.denominator}` : f.value,
    qualifier: f.qualifier,
    shown_as: shown,
    start: f.start,
    end: f.end,
    attributed_to: f.attributed_to,
    source: f.source,
    quote: f.quote,
  };
}
