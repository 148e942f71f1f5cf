import { basename } from "node:path";
import { attributionNote } from "../../charts/attribution.ts";
import type { Annotation, ChartModel, FigureChoice } from "../../charts/kind.ts";
import { annotationSentences } from "./annotations.ts";
import { defaultName, whenOf } from "../../charts/names.ts";
import type { ChartEntry } from "./chart-list.ts";
import { parseDateline, parseSourceName } from "../facts/dates.ts";
import type { Figure, Fraction } from "../facts/figure.ts";
import { defaultWriter, type Writer } from "../language/writer.ts";
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
  /** The alt text: the title, the figures with their qualifiers, who gives them, annotations and any correction. */
  description: string;
  /** Notes pinned to the chart's marks, drawn in every variant (charts/annotate.ts). */
  annotations: Annotation[];
}

/** What the entry chose for each figure, its words filled in: what a chart kind is given. */
export function figureChoices(entry: ChartEntry, context: TemplateContext): FigureChoice[] {
  return entry.choices.map(({ label, highlight, group }) => ({
    ...(label !== undefined ? { label: fillTemplate(label, context) } : {}),
    ...(highlight ? { highlight } : {}),
    ...(group !== undefined ? { group: fillTemplate(group, context) } : {}),
  }));
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
  annotations: Annotation[] = [],
): ChartWords {
  const writer = context.writer ?? defaultWriter();
  const fill = (text: string) => fillTemplate(text, context);
  const corrections = correctionNotes(shown, model.names, files, writer);
  // Who gives the figures travels with them into the alt text and the embed's caption, as on the chart.
  const attribution = attributionNote(
    shown.filter((f) => f.id in model.names),
    model.names,
    writer,
  );
  const credit = attribution && model.notes.includes(attribution) ? [attribution] : [];
  const title = fill(entry.title);
  const extra = [...new Set(shown.map((f) => f.source))].filter((s) => s !== ARTICLE).sort();
  const source = [
    fill(entry.source) || writer.phrase("source.default"),
    ...extra.map((s) => describeSource(s, files.get(s) ?? "", writer)),
  ].join("; ");
  return {
    title,
    dek: fill(entry.dek),
    notes: [...entry.notes.map(fill), ...model.notes],
    corrections,
    source,
    credit: fill(entry.credit) || writer.phrase("credit.default"),
    description: [
      writer.sentence(title.replace(/[.!?।]$/, "")),
      model.summary,
      ...annotationSentences(annotations, writer),
      ...credit,
      ...corrections,
    ].join(" "),
    annotations,
  };
}

/**
 * One short line per corrected figure and date, in newsroom wording, naming the figure as the
 * chart does: "Corrected 5 Jul 2023: people arrested on Thursday night revised from 875 to 917,
 * per the interior ministry." What changed for the reader is said (the number, the dates, the
 * label, who gives it); bookkeeping (a quote or a source file replaced along with the number) is
 * not. The credit ("per …") is who the figure is now attributed to, else the source it now comes
 * from; the reason stays in the dataset and the manifest.
 */
export function correctionNotes(
  figures: Figure[],
  names: Record<string, string> = {},
  files: Map<string, string> = new Map(),
  writer: Writer = defaultWriter(),
): string[] {
  const lines: { date: string; order: number; text: string }[] = [];
  figures.forEach((figure, order) => {
    const states = statesByDate(figure);
    const name = names[figure.id] ?? defaultName(figure, writer);
    for (const date of [...new Set(figure.corrections.map((c) => c.date))]) {
      const mine = figure.corrections.filter((c) => c.date === date);
      const { before, after } = states.get(date)!;
      const change = (field: string) => mine.filter((c) => c.field === field);
      const first = (field: string) => change(field)[0]?.from;
      const last = (field: string) => change(field).at(-1)?.to;
      const parts: string[] = [];
      // The canonical qualifier phrase on both sides: the old quote's own words are gone with it.
      // With the figure's unit, as the chart shows it: "revised from nearly 62% to 63%".
      // The figure's own way of writing its number ("$5.5bn") for both sides, where the old value allows it.
      const shown = (state: State) =>
        writer.qualified({
          ...state,
          value_words: "",
          qualifier_words: "",
          unit: figure.unit,
          stated: figure.stated,
        });
      if (shown(before) !== shown(after))
        parts.push(writer.phrase("correction.revised", { from: shown(before), to: shown(after) }));
      if (change("start").length + change("end").length > 0) {
        const was = whenOf(
          { ...figure, start: first("start") ?? figure.start, end: first("end") ?? figure.end },
          {},
          writer,
        );
        parts.push(was ? writer.phrase("correction.redated", { was }) : writer.phrase("correction.dated"));
      }
      if (change("unit").length > 0) {
        const none = writer.phrase("correction.noUnit");
        parts.push(writer.phrase("correction.unit", { unit: last("unit") || none, was: first("unit") || none }));
      }
      if (change("category").length + change("metric").length > 0) {
        const was = [first("category"), first("metric")].find((w) => w);
        parts.push(was ? writer.phrase("correction.relabelled", { was }) : writer.phrase("correction.relabelledPlain"));
      }
      const reattributed = change("attributed_to").length > 0;
      if (reattributed)
        parts.push(
          figure.attributed_to.trim()
            ? writer.phrase("correction.attributed", { who: writer.lowerArticle(figure.attributed_to) })
            : writer.phrase("correction.unattributed"),
        );
      if (parts.length === 0)
        parts.push(writer.phrase(change("source").length > 0 ? "correction.newSource" : "correction.quote"));
      const per = reattributed ? "" : credit(figure, files, writer);
      lines.push({
        date,
        order,
        text: writer.phrase("correction.line", {
          date: writer.date(date),
          name,
          changes: writer.list(parts),
          credit: per,
        }),
      });
    }
  });
  return lines
    .sort((a, b) => (a.date === b.date ? a.order - b.order : a.date < b.date ? -1 : 1))
    .map((line) => line.text);
}

/** ", per the interior ministry": who gives the figure now, else the source it comes from; nothing for the article. */
function credit(figure: Figure, files: Map<string, string>, writer: Writer): string {
  if (figure.attributed_to.trim())
    return writer.phrase("correction.per", { who: writer.lowerArticle(figure.attributed_to) });
  if (figure.source === ARTICLE) return "";
  return writer.phrase("correction.per", { who: sourceName(figure.source, files.get(figure.source) ?? "") });
}

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
    fraction: value && start.ok ? (start.fraction ?? null) : figure.fraction,
    qualifier: (qualifier && parseQualifier(qualifier.from)) || figure.qualifier,
  };
  const states = new Map<string, { before: State; after: State }>();
  for (const c of figure.corrections) {
    const before = states.get(c.date)?.before ?? state;
    const to = parseValue(c.to);
    if (c.field === "value" && to.ok) state = { ...state, value: to.value, fraction: to.fraction ?? null };
    if (c.field === "qualifier") state = { ...state, qualifier: parseQualifier(c.to) ?? state.qualifier };
    states.set(c.date, { before, after: state });
  }
  return states;
}

/**
 * How the source line names a source file: the name its first line gives ("date 2023-07-05
 * source: Interior ministry statement"), shown as written, else the file's name in words
 * ("police statement"); with its date when it has one: "Interior ministry statement, 5 Jul 2023".
 */
export function describeSource(name: string, text: string, writer: Writer = defaultWriter()): string {
  const date = parseDateline(text);
  const words = sourceName(name, text);
  return date ? writer.phrase("source.dated", { name: words, date: writer.date(date) }) : words;
}

function sourceName(name: string, text: string): string {
  return (
    parseSourceName(text) ??
    basename(name)
      .replace(/\.txt$/i, "")
      .replace(/[-_]+/g, " ")
  );
}
