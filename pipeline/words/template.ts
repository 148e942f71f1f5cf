import type { Figure } from "../facts/figure.ts";
import { formatNumber } from "../facts/format.ts";
import { sentenceReadings } from "../facts/sentence-readings.ts";
import { defaultWriter, type Writer } from "../language/writer.ts";
import { isCount, isCurrency } from "../../charts/units.ts";

/**
 * Chart words are templates over the dataset, so no number, date or qualifier is ever typed:
 *   {arrests}          the qualified value with its unit: "954", "more than 10,000", "nearly 62%", "$2,500,000"
 *   {arrests.value}    the number alone; {arrests.qualifier} the qualifier in the source's words
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
  /** The story's language and house style (charts.json "locale" and "style"); English with no style by default. */
  writer?: Writer;
}

const writerOf = (context: TemplateContext) => context.writer ?? defaultWriter();

function resolve(name: string, context: TemplateContext): string | { error: string } {
  const writer = writerOf(context);
  if (name === "published") return writer.date(context.published);
  const [id, field, ...rest] = name.trim().split(".");
  const figure = context.figures.get(id);
  if (!figure && context.failed?.has(id)) return { error: "" };
  if (!figure) return { error: `{${name}} names no figure; figure ids are in figures.csv` };
  if (rest.length > 0 || (field !== undefined && !(FIELDS as readonly string[]).includes(field))) {
    return { error: `{${name}}: a figure offers ${FIELDS.map((f) => `{${id}.${f}}`).join(", ")}` };
  }
  switch (field) {
    case undefined:
      return writer.qualified(figure);
    case "value":
      return writer.value(figure);
    case "qualifier":
      return writer.qualifierWords(figure);
    case "period":
    case "start":
    case "end":
      if (!figure.start) return { error: `{${name}}: figure ${id} has no dates; fill in its start and end` };
      return field === "period" ? writer.periodOf(figure) : writer.date(field === "start" ? figure.start : figure.end);
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
  // A number glued to letters is part of a name ("G7", "COVID-19", "F-16", "जी20": a letter may end
  // in a vowel sign), not a figure. Every script's digits count (２０，０００, ٢٠٠٠٠, ۲۰۰۰۰, २००००),
  // and so do other number characters (½, ²).
  const typed = text.replace(PLACEHOLDER, " ").match(/(?<![\p{L}\p{M}]-?|[\p{N},.])\p{N}[\p{N},.\uFF0C\u066B\u066C]*/u);
  if (typed)
    problems.push(
      `the number "${typed[0]}" is typed into the text; reference the figure instead, e.g. {figure_id}, so a correction updates it`,
    );
  const doubled = doubledQualifier(text, writerOf(context));
  if (doubled) problems.push(`"${doubled[0]}": the reference already carries its qualifier; drop "${doubled[1]}"`);
  for (const p of doubledUnits(text, context)) problems.push(p);
  return problems;
}

const ENGLISH_QUALIFIERS = ["more than", "at least", "nearly", "about", "up to", "almost", "over", "some"];
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A qualifier typed beside a reference that already writes one: "more than {protesters}", "plus de
 * {manifestants}", "{प्रदर्शनकारी} से अधिक" (the pack's qualifiers, before or after their number).
 */
function doubledQualifier(text: string, writer: Writer): [string, string] | undefined {
  if (!text.includes("{")) return undefined; // no figure reference, nothing to double
  const { lead: leadPattern, trail: trailPattern } = qualifierPatterns(writer);
  const lead = leadPattern?.exec(text);
  if (lead) return [lead[0], lead[1]];
  const trail = trailPattern?.exec(text);
  return trail ? [trail[0], trail[1]] : undefined;
}

/** The writer's qualifier words before and after a reference, as patterns: made once a writer, not once a chart word. */
const qualifierPatternsOf = new WeakMap<Writer, { lead?: RegExp; trail?: RegExp }>();
function qualifierPatterns(writer: Writer): { lead?: RegExp; trail?: RegExp } {
  const known = qualifierPatternsOf.get(writer);
  if (known) return known;
  const before = new Set(writer.english ? ENGLISH_QUALIFIERS : []);
  const after = new Set<string>();
  for (const q of ["about", "nearly", "at_least", "more_than", "up_to"] as const) {
    const [head, tail = ""] = writer.phrase(`qualifier.${q}`).split("{value}");
    if (head.trim()) before.add(head.trim());
    if (tail.trim()) after.add(tail.trim());
  }
  const words = (set: Set<string>) =>
    [...set]
      .sort((a, b) => b.length - a.length)
      .map(escape)
      .join("|");
  const edge = "(?<![\\p{L}\\p{M}])";
  const patterns = {
    ...(before.size ? { lead: new RegExp(`${edge}(${words(before)})\\s*\\{[^.{}]*\\}`, "iu") } : {}),
    ...(after.size ? { trail: new RegExp(`\\{[^.{}]*\\}\\s*(${words(after)})(?![\\p{L}\\p{M}])`, "iu") } : {}),
  };
  qualifierPatternsOf.set(writer, patterns);
  return patterns;
}

/** "{turnout}%", "{distance} kilometres", "${cost}": the reference already writes its unit. */
function doubledUnits(text: string, context: TemplateContext): string[] {
  const problems: string[] = [];
  for (const m of text.matchAll(/\{([^{}.]+)\}/g)) {
    const figure = context.figures.get(m[1].trim());
    if (!figure || isCount(figure.unit)) continue;
    const unit = figure.unit.trim().replace(/\s+/g, " ");
    const before = text.slice(0, m.index!);
    const after = text.slice(m.index! + m[0].length);
    const escaped = unit.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const repeated = isCurrency(unit)
      ? new RegExp(`${escaped}\\s*$`, "i").exec(before)
      : new RegExp(`^\\s*(?:${escaped}|${escaped.replace(/s$/, "")}|%|per\\s?cent|percent)(?![\\p{L}])`, "iu").exec(
          after,
        );
    if (repeated)
      problems.push(
        `"${isCurrency(unit) ? repeated[0] + m[0] : m[0] + repeated[0]}": the reference already writes its unit ("${writerOf(context).qualified(figure)}"); drop "${repeated[0].trim()}"`,
      );
  }
  return problems;
}

/**
 * {id.value} of a figure the source qualified ("nearly 62") shows the number without "nearly": a
 * warning, since the words around it may say it ("Turnout was close to {turnout.value}%").
 */
export function droppedQualifiers(text: string, context: TemplateContext): string[] {
  const warnings: string[] = [];
  for (const m of text.matchAll(/\{\s*([^{}.\s]+)\s*\.\s*value\s*\}/g)) {
    const figure = context.figures.get(m[1]);
    if (!figure || figure.qualifier === "exact") continue;
    const writer = writerOf(context);
    warnings.push(
      `${m[0]} shows ${writer.value(figure)} without its qualifier "${writer.qualifierWords(figure)}"; write {${m[1]}} ("${writer.qualified(figure)}") unless the words around it say it`,
    );
  }
  return warnings;
}

/**
 * Numbers spelled out in words that a figure records: "Five thousand cars burned" when a figure
 * records 5,000. Not refused (the words may count something else), but a correction to the figure
 * would leave them behind, so the build warns and names the reference to use instead. Small
 * numbers are everywhere in prose ("as two ministers said"): below ten, the words must also share
 * a word with the figure's category or metric ("five officers" and a figure of officers).
 */
export function spelledNumbers(text: string, context: TemplateContext): string[] {
  const warnings: string[] = [];
  const plain = text.replace(PLACEHOLDER, " ");
  const words = contentWords(plain);
  for (const mention of sentenceReadings.read(plain, {})) {
    if (mention.kind !== "figure" || mention.fraction || mention.range) continue;
    if (/\p{N}/u.test(mention.text)) continue; // typed digits are refused, not warned about
    const ids = [...context.figures.values()]
      .filter((f) => f.value === mention.value)
      .filter((f) => mention.value >= 10 || [...contentWords(`${f.category} ${f.metric}`)].some((w) => words.has(w)))
      .map((f) => f.id);
    if (ids.length === 0) continue;
    const named = ids.length > 3 ? `${ids.slice(0, 3).join(", ")}, …` : ids.join(", ");
    warnings.push(
      `"${mention.text}" spells out ${formatNumber(mention.value)}, which figure ${named} records; a correction would not change these words, so reference it, e.g. {${ids[0]}}`,
    );
  }
  return warnings;
}

/** Words that say what is counted, singular and lower-case: "Police officers" is {police, officer}. */
function contentWords(text: string): Set<string> {
  const found = text.toLowerCase().match(/\p{L}{4,}/gu) ?? [];
  return new Set(found.filter((w) => !STOP_WORDS.has(w)).map((w) => w.replace(/(?<=[^s])s$/, "")));
}

const STOP_WORDS = new Set([
  "that",
  "this",
  "with",
  "from",
  "were",
  "have",
  "been",
  "their",
  "they",
  "them",
  "than",
  "into",
  "over",
  "each",
  "after",
  "during",
  "people",
]);

/** The text with every reference filled in; a sentence that opens with a reference starts with a capital. */
export function fillTemplate(text: string, context: TemplateContext): string {
  return text.replace(PLACEHOLDER, (whole, name: string, offset: number) => {
    const value = resolve(name, context);
    if (typeof value !== "string") return whole;
    return /^\s*$|[.!?:।]\s+$/.test(text.slice(0, offset)) ? writerOf(context).capitalize(value) : value;
  });
}
