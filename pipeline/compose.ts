import { basename } from "node:path";
import { listWords } from "../charts/attribution.ts";
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

/**
 * One note per correction date, e.g. "Corrected 28 Nov 2024: the arrests figure changed from 954 to
 * 960; its quote and source were updated. Police revised the total."
 */
export function correctionNotes(figures: Figure[]): string[] {
  const byDate = new Map<string, { figure: Figure; correction: Correction }[]>();
  for (const figure of figures) {
    for (const correction of figure.corrections) byDate.set(correction.date, [...(byDate.get(correction.date) ?? []), { figure, correction }]);
  }
  return [...byDate.keys()].sort().map((date) => {
    const items = byDate.get(date)!;
    const changes: string[] = [];
    for (const figure of new Set(items.map((i) => i.figure))) {
      const mine = items.filter((i) => i.figure === figure).map((i) => i.correction);
      const name = `the figure for ${(figure.category || figure.metric).toLowerCase()}`;
      const values = mine.filter((c) => c.field === "value");
      const others = [...new Set(mine.filter((c) => c.field !== "value").map((c) => c.field.replace(/_/g, " ")))];
      const parts: string[] = [];
      if (values.length > 0) parts.push(`${name} changed from ${number(values[0].from)} to ${number(values[values.length - 1].to)}`);
      if (others.length > 0) parts.push(`${values.length > 0 ? "its" : `${name}'s`} ${listWords(others)} ${others.length > 1 ? "were" : "was"} updated`);
      changes.push(parts.join("; "));
    }
    const reasons = [...new Set(items.map((i) => i.correction.reason.trim().replace(/[.]?$/, ".")))];
    return `Corrected ${formatDate(date)}: ${changes.join("; ")}. ${reasons.join(" ")}`;
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
