import { basename } from "node:path";
import { listWords } from "../../charts/attribution.ts";
import type { ChartModel } from "../../charts/kind.ts";
import { CREDIT_DEFAULT } from "../../charts/style.ts";
import type { ChartEntry } from "./chart-list.ts";
import { formatDate, parseDateline } from "../facts/dates.ts";
import type { Figure, Fraction } from "../facts/figure.ts";
import { qualified } from "../facts/format.ts";
import { parseValue } from "../facts/value-cell.ts";
import { parseQualifier, type Qualifier } from "../facts/qualifiers.ts";
import { ARTICLE } from "../facts/story-files.ts";
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

/**
 * `shown` is every figure the chart shows: drawn by its kind, or cited in its words. A corrected
 * figure cited only in the dek still earns the chart its correction note.
 */
export function composeWords(
  entry: ChartEntry,
  model: ChartModel,
  shown: Figure[],
  context: TemplateContext,
  files: Map<string, string>,
): ChartWords {
  const fill = (text: string) => fillTemplate(text, context);
  const corrections = correctionNotes(shown);
  const title = fill(entry.title);
  const extra = [...new Set(shown.map((f) => f.source))].filter((s) => s !== ARTICLE).sort();
  const source = [
    fill(entry.source) || "Source: news report",
    ...extra.map((s) => describeSource(s, files.get(s) ?? "")),
  ].join("; ");
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
  const byDate = new Map<string, string[]>();
  const reasons = new Map<string, Set<string>>();
  for (const figure of figures) {
    const states = statesByDate(figure);
    const name = `the figure for ${lowerFirst(figure.category || figure.metric)}`;
    const formerly = (c: { from: string } | undefined) => (c && c.from ? ` (formerly "${c.from}")` : "");
    for (const date of [...new Set(figure.corrections.map((c) => c.date))]) {
      const mine = figure.corrections.filter((c) => c.date === date);
      const { before, after } = states.get(date)!;
      const parts: string[] = [];
      const shown = (state: State) => qualified({ ...state, value_words: "", qualifier_words: "" }); // a fraction in words, never 0.33
      if (shown(before) !== shown(after)) parts.push(`${name} changed from ${shown(before)} to ${shown(after)}`);
      const others = [
        ...new Set(
          mine
            .filter((c) => c.field !== "value" && c.field !== "qualifier")
            .map((c) => FIELD_NOUNS[c.field] ?? c.field.replace(/_/g, " ")),
        ),
      ];
      const relabelled = mine.find((c) => c.field === "category");
      if (others.length > 0) {
        const were = others.length > 1 ? "were" : "was";
        parts.push(
          parts.length > 0
            ? `its ${listWords(others)} ${were} updated${formerly(relabelled)}`
            : `the ${listWords(others)} of ${name} ${were} updated${formerly(relabelled)}`,
        );
      }
      if (parts.length === 0) parts.push(`${name} was corrected`);
      byDate.set(date, [...(byDate.get(date) ?? []), parts.join("; ")]);
      const set = reasons.get(date) ?? new Set<string>();
      for (const c of mine) set.add(c.reason.trim().replace(/[.]?$/, "."));
      reasons.set(date, set);
    }
  }
  return [...byDate.keys()]
    .sort()
    .map(
      (date) => `Corrected ${formatDate(date)}: ${byDate.get(date)!.join("; ")}. ${[...reasons.get(date)!].join(" ")}`,
    );
}

/** How a reader calls each column of the fact sheet in a correction note. */
const FIELD_NOUNS: Record<string, string> = {
  category: "label",
  attributed_to: "attribution",
  start: "start date",
  end: "end date",
  unit: "unit",
  metric: "description",
  quote: "quote",
  source: "source",
};

interface State {
  value: number;
  fraction: Fraction | null;
  qualifier: Qualifier;
}

/** The figure's value and qualifier before and after each correction date, replayed from the log. */
function statesByDate(figure: Figure): Map<string, { before: State; after: State }> {
  const first = (field: string) => figure.corrections.find((c) => c.field === field);
  const value = first("value");
  const qualifier = first("qualifier");
  const start = parseValue(value?.from ?? "");
  let state: State = {
    value: value && start.ok ? start.value : figure.value,
    fraction: value && start.ok ? start.fraction : figure.fraction,
    qualifier: (qualifier && parseQualifier(qualifier.from)) || figure.qualifier,
  };
  const states = new Map<string, { before: State; after: State }>();
  for (const c of figure.corrections) {
    const before = states.get(c.date)?.before ?? state;
    const to = parseValue(c.to);
    if (c.field === "value" && to.ok) state = { ...state, value: to.value, fraction: to.fraction };
    if (c.field === "qualifier") state = { ...state, qualifier: parseQualifier(c.to) ?? state.qualifier };
    states.set(c.date, { before, after: state });
  }
  return states;
}

/** "Police officers" reads "police officers" mid-sentence; "PTI marchers" keeps its capitals. */
function lowerFirst(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** "sources/police-statement.txt" dated 28 Nov reads "police statement, 28 Nov 2024". */
export function describeSource(name: string, text: string): string {
  const words = basename(name)
    .replace(/\.txt$/i, "")
    .replace(/[-_]+/g, " ");
  const date = parseDateline(text);
  return date ? `${words}, ${formatDate(date)}` : words;
}
