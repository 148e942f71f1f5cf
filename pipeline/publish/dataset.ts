import { csvFormat } from "d3-dsv";
import type { Figure } from "../facts/figure.ts";

/** The published dataset's columns, in order. */
export const DATASET_COLUMNS = [
  "id",
  "metric",
  "category",
  "value",
  "qualifier",
  "low",
  "high",
  "unit",
  "start",
  "end",
  "nights",
  "attributed_to",
  "quote",
  "source",
  "restates",
  "corrections",
] as const;

export interface DatasetRecord {
  id: string;
  metric: string;
  category: string;
  /** A number; a fraction as "1/3", exact (its quotient would be a rounded 0.333…). */
  value: number | string;
  qualifier: string;
  low: number | null;
  high: number | null;
  unit: string;
  start: string | null;
  end: string | null;
  /** start and end are evenings: "Friday night" is start = end = that Friday. */
  nights: boolean;
  attributed_to: string;
  quote: string;
  source: string;
  restates: string | null;
  corrections: { date: string; field: string; from: string; to: string; reason: string }[];
}

export function toRecord(f: Figure): DatasetRecord {
  return {
    id: f.id,
    metric: f.metric,
    category: f.category,
    value: f.fraction ? `${f.fraction.numerator}/${f.fraction.denominator}` : f.value,
    qualifier: f.qualifier,
    low: f.low,
    high: f.high,
    unit: f.unit,
    start: f.start || null,
    end: f.end || null,
    nights: f.nights,
    attributed_to: f.attributed_to,
    quote: f.quote,
    source: f.source,
    restates: f.restates || null,
    corrections: f.corrections.map(({ date, field, from, to, reason }) => ({ date, field, from, to, reason })),
  };
}

export function datasetJson(figures: Figure[], published: string): string {
  return `${JSON.stringify({ published, figures: figures.map(toRecord) }, null, 2)}\n`;
}

/** Flat CSV for spreadsheets: open bounds are empty cells; corrections read "date field: from → to (reason)". */
export function datasetCsv(figures: Figure[]): string {
  const rows = figures.map((f) => {
    const r = toRecord(f);
    return {
      ...r,
      low: r.low ?? "",
      high: r.high ?? "",
      start: r.start ?? "",
      end: r.end ?? "",
      nights: r.nights ? "yes" : "",
      restates: r.restates ?? "",
      corrections: r.corrections.map((c) => `${c.date} ${c.field}: ${c.from} → ${c.to} (${c.reason})`).join("; "),
    };
  });
  return `${csvFormat(rows as unknown as Record<string, string>[], [...DATASET_COLUMNS])}\n`;
}
