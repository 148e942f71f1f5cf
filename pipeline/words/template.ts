import { formatDate } from "../facts/dates.ts";
import type { Figure } from "../facts/figure.ts";
import { capitalize, formatValue, periodWords, qualified, qualifierWords } from "../facts/format.ts";

/**
 * Chart words are templates over the dataset, so no number, date or qualifier is ever typed:
 *   {arrests}          the qualified value: "954", "more than 10,000", "some 45,000", "about a third"
 *   {arrests.value}    the value alone; {arrests.qualifier} the qualifier in the source's words
 *   {arrests.period}   "Sun 24 – Tue 26 Nov 2024", "night of Fri 30 Jun 2023"; {arrests.start} and {arrests.end} one date each
 *   {arrests.category} {arrests.unit} {arrests.metric} {arrests.attributed_to}: the row's words
 *   {published}        the article's dateline, "27 Nov 2024"
 */
const PLACEHOLDER = /\{([^{}]*)\}/g;
const FIELDS = ["value", "qualifier", "period", "start", "end", "category", "unit", "metric", "attributed_to"] as const;

export interface TemplateContext {
  figures: Map<string, Figure>;
  /** Ids of rows that exist but failed their checks: their own problems are reported, not echoed. */
  failed?: Set<string>;
  published: string;
}

function resolve(name: string, context: TemplateContext): string | { error: string } {
  if (name === "published") return formatDate(context.published);
  const [id, field, ...rest] = name.trim().split(".");
  const figure = context.figures.get(id);
  if (!figure && context.failed?.has(id)) return { error: "" };
  if (!figure) return { error: `{${name}} names no figure; figure ids are in figures.csv` };
  if (rest.length > 0 || (field !== undefined && !(FIELDS as readonly string[]).includes(field))) {
    return { error: `{${name}}: a figure offers ${FIELDS.map((f) => `{${id}.${f}}`).join(", ")}` };
  }
  switch (field) {
    case undefined:
      return qualified(figure);
    case "value":
      return formatValue(figure);
    case "qualifier":
      return qualifierWords(figure);
    case "period":
    case "start":
    case "end":
      if (!figure.start) return { error: `{${name}}: figure ${id} has no dates; fill in its start and end` };
      return field === "period" ? periodWords(figure) : formatDate(field === "start" ? figure.start : figure.end);
    default:
      return figure[field as "category" | "unit" | "metric" | "attributed_to"];
  }
}

/** Problems with a chart text: unknown references, and numbers or qualifiers typed in by hand. */
export function templateProblems(text: string, context: TemplateContext): string[] {
  const problems: string[] = [];
  for (const [, name] of text.matchAll(PLACEHOLDER)) {
    const value = resolve(name, context);
    if (typeof value !== "string" && value.error) problems.push(value.error);
  }
  // A number glued to letters is part of a name ("G7", "COVID-19", "F-16"), not a figure.
  const typed = text.replace(PLACEHOLDER, " ").match(/(?<!\p{L}-?|[\d,.])\d[\d,.]*/u);
  if (typed)
    problems.push(
      `the number "${typed[0]}" is typed into the text; reference the figure instead, e.g. {figure_id}, so a correction updates it`,
    );
  const doubled = /\b(more than|at least|nearly|about|up to|almost|over|some)\s+\{[^.{}]*\}/i.exec(text);
  if (doubled) problems.push(`"${doubled[0]}": the reference already carries its qualifier; drop "${doubled[1]}"`);
  return problems;
}

/** The text with every reference filled in; a sentence that opens with a reference starts with a capital. */
export function fillTemplate(text: string, context: TemplateContext): string {
  return text.replace(PLACEHOLDER, (whole, name: string, offset: number) => {
    const value = resolve(name, context);
    if (typeof value !== "string") return whole;
    return /^\s*$|[.!?:]\s+$/.test(text.slice(0, offset)) ? capitalize(value) : value;
  });
}
