import { basename } from "node:path";
import type { ChartModel } from "../charts/kind.ts";
import { CREDIT_DEFAULT } from "../charts/style.ts";
import type { ChartEntry } from "./chart-list.ts";
import { formatDate, parseDateline } from "./dates.ts";
import type { Correction, Figure } from "./figure.ts";
import { formatNumber } from "./format.ts";
import { parseValue } from "./numbers.ts";
import { ARTICLE } from "./read.ts";
import { fillTemplate, type TemplateContext } from "./template.ts";

/** Every word a chart shows, filled from the dataset: the same in every variant, alt text and embed. */
export interface ChartWords {
  title: string;
  dek: string;
  notes: string[];
  corrections: string[];
  source: string;
  credit: string;
  /** The alt text: the title and the figures with their qualifiers, plus any correction. */
  description: string;
}

export function composeWords(entry: ChartEntry, model: ChartModel, context: TemplateContext, files: Map<string, string>): ChartWords {
  const fill = (text: string) => fillTemplate(text, context);
  const corrections = correctionNotes(model.used);
  const title = fill(entry.title);
  const extra = [...new Set(model.used.map((f) => f.source))].filter((s) => s !== ARTICLE).sort();
  const source = [fill(entry.source) || "Source: news report", ...extra.map((s) => describeSource(s, files.get(s) ?? ""))].join("; ");
  return {
    title,
    dek: fill(entry.dek),
    notes: [...entry.notes.map(fill), ...model.notes],
    corrections,
    source,
    credit: fill(entry.credit) || CREDIT_DEFAULT,
    description: [`${title.replace(/[.!?]$/, "")}.`, model.summary, ...corrections].join(" "),
  };
}

/** "Corrected 28 Nov 2024: arrests figure changed from 954 to 1,002. Police revised their count." */
export function correctionNotes(figures: Figure[]): string[] {
  const byDate = new Map<string, Correction[]>();
  for (const f of figures) for (const c of f.corrections) byDate.set(c.date, [...(byDate.get(c.date) ?? []), c]);
  const metric = new Map(figures.map((f) => [f.id, f.category || f.metric]));
  return [...byDate.keys()].sort().map((date) => {
    const parts = byDate.get(date)!.map((c) => {
      const what = c.field === "value" ? `${metric.get(c.id)} changed from ${number(c.from)} to ${number(c.to)}` : `${metric.get(c.id)}: ${c.field.replace(/_/g, " ")} corrected`;
      return `${what}. ${c.reason.replace(/[.]?$/, ".")}`;
    });
    return `Corrected ${formatDate(date)}: ${parts.join(" ")}`;
  });
}

function number(cell: string): string {
  const parsed = parseValue(cell);
  return parsed.ok ? formatNumber(parsed.value) : cell;
}

/** "sources/police-statement.txt" dated 28 Nov reads "police statement, 28 Nov 2024". */
export function describeSource(name: string, text: string): string {
  const words = basename(name).replace(/\.txt$/i, "").replace(/[-_]+/g, " ");
  const date = parseDateline(text);
  return date ? `${words}, ${formatDate(date)}` : words;
}
