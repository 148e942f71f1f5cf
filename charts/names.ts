import type { Figure } from "../pipeline/facts/figure.ts";
import { defaultWriter, type Writer } from "../pipeline/language/writer.ts";

/**
 * How a chart names a figure in a sentence (attribution and correction notes): what is counted and,
 * for a dated figure, when. Two figures on one chart never share a name, so a note that says which
 * figure changed is never ambiguous.
 */

const PROPER = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/;

/**
 * "Police officers" reads "police officers" mid-sentence; "PTI marchers", "Friday night" keep their
 * capitals, and so do names: "Alto Vale" (a capital later in the words), and a word the figure's
 * own quote capitalizes inside a sentence and never writes in lower case ("some 5,500 from Rio
 * Claro", "in Paris, 300 were arrested").
 */
export function lowerFirst(text: string, quote = "", writer: Writer = defaultWriter()): string {
  if (!writer.pack.capitals || !/^\p{Lu}\p{Ll}/u.test(text) || PROPER.test(text)) return text;
  const [first, ...rest] = text.split(/\s+/);
  if (rest.some((w) => /^\p{Lu}/u.test(w))) return text;
  if (isNameIn(first.replace(/[^\p{L}\p{M}'’-]+$/u, ""), quote)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Whether the quote writes `word` capitalized after a sentence's first word, and never in lower case. */
function isNameIn(word: string, quote: string): boolean {
  if (!word || !quote) return false;
  const lower = word.toLowerCase();
  let capitalizedInside = false;
  // Linear in the quote: one pass over its words, each compared with the one word.
  for (const m of quote.matchAll(/[\p{L}\p{M}'’-]+/gu)) {
    if (m[0].toLowerCase() !== lower) continue;
    if (m[0] === lower) return false;
    const before = quote.slice(Math.max(0, m.index! - 3), m.index!);
    if (m.index! > 0 && !/[.!?:]["'”’]?\s*$/.test(before)) capitalizedInside = true;
  }
  return capitalizedInside;
}

/** What the figure counts, as a reader says it: its category, else its metric ("people arrested"). */
export function whatOf(f: Figure, writer: Writer = defaultWriter()): string {
  return lowerFirst((f.category || f.metric).trim(), f.quote, writer);
}

/**
 * When the figure is for: "Thu 29 Jun" for a day, "Tue 27 Jun – Sun 2 Jul 2023" for a period, "the
 * night of Thu 29 Jun" for a night (dated by its evening), "" if undated.
 */
export function whenOf(
  f: Pick<Figure, "start" | "end" | "nights">,
  { year = false } = {},
  writer: Writer = defaultWriter(),
): string {
  if (!f.end) return "";
  // A running count whose start no source gives is named by the day it was counted to.
  if (!f.start) return writer.date(f.end, { weekday: true, year });
  const calendar = f.nights ? undefined : writer.calendar(f.start, f.end);
  if (calendar) return calendar;
  const when = f.start === f.end ? writer.date(f.start, { weekday: true, year }) : writer.period(f.start, f.end);
  if (!f.nights) return when;
  return writer.phrase(f.start === f.end ? "night.the" : "nights.the", { when });
}

/**
 * "people arrested on Thursday night", "people arrested on Thu 29 Jun", "people arrested for Tue
 * 27 Jun – Sun 2 Jul 2023": what is counted, then when, from the chart's label for the figure when
 * it has one. For kinds whose labels say when (columns, line, period).
 */
export function nameByTime(f: Figure, label?: string, writer: Writer = defaultWriter(), running = false): string {
  // A point of a running total is named by the day it was counted to: "deaths as of Wed 13 Aug".
  if ((running || !f.start) && f.end && !label?.trim())
    return writer.phrase("name.asOf", { what: whatOf(f, writer), when: writer.date(f.end, { weekday: true }) });
  const when = label?.trim() || whenOf(f, {}, writer);
  if (!when) return whatOf(f, writer);
  return writer.phrase(f.start && f.start === f.end ? "name.on" : "name.for", { what: whatOf(f, writer), when });
}

/**
 * For kinds whose labels say what (bars, share): the label, or the category; a dated figure adds
 * when, unless its label already names it, and a label that only tells figures of one category
 * apart ("Friday night" among three nights of arrests) follows the category.
 */
export function nameByWhat(
  f: Figure,
  label: string | undefined,
  sharesCategory: boolean,
  writer: Writer = defaultWriter(),
  periodSaid = false,
): string {
  const chosen = label?.trim();
  if (chosen && sharesCategory)
    return writer.phrase(f.start && f.start === f.end ? "name.on" : "name.labelled", {
      what: whatOf(f, writer),
      when: chosen,
    });
  const base = chosen ? lowerFirst(chosen, f.quote, writer) : whatOf(f, writer);
  // A period every figure of the chart shares is said once in its notes (sharedPeriodNote), not here.
  const when = periodSaid ? "" : whenOf(f, {}, writer);
  if (!when || (chosen && chosen.includes(when))) return base;
  return writer.phrase(!f.start ? "name.asOf" : f.start === f.end ? "name.on" : "name.for", { what: base, when });
}

/**
 * Names by figure id, made unique: a name two figures would share gets what tells them apart (a
 * group's name), else the figure's id.
 */
export function uniqueNames(
  figures: Figure[],
  nameOf: (f: Figure, i: number) => string,
  distinguish: (f: Figure) => string | undefined = () => undefined,
): Record<string, string> {
  // Counted once, so a chart of thousands of points stays linear.
  const counts = (names: string[]) => names.reduce((m, n) => m.set(n, (m.get(n) ?? 0) + 1), new Map<string, number>());
  const first = figures.map(nameOf);
  const firstCounts = counts(first);
  const second = first.map((n, i) =>
    firstCounts.get(n)! > 1 && distinguish(figures[i]) ? `${n} (${distinguish(figures[i])})` : n,
  );
  const secondCounts = counts(second);
  const out: Record<string, string> = {};
  figures.forEach((f, i) => {
    out[f.id] = secondCounts.get(second[i])! > 1 ? `${second[i]} ("${f.id}")` : second[i];
  });
  return out;
}

/**
 * The period every figure of a chart shares, said once in its notes rather than in each name: "All
 * figures are for 2025-26." Undefined where the figures' periods differ, or one has none.
 */
export function sharedPeriodNote(figures: Figure[], writer: Writer = defaultWriter()): string | undefined {
  const [first] = figures;
  if (
    figures.length < 2 ||
    !first.start ||
    !first.end ||
    figures.some((f) => f.start !== first.start || f.end !== first.end || f.nights !== first.nights)
  )
    return undefined;
  return writer.phrase("note.samePeriod", { when: whenOf(first, { year: true }, writer) });
}

/** A figure's name where no chart label applies (a figure cited only in a chart's words). */
export function defaultName(f: Figure, writer: Writer = defaultWriter()): string {
  return nameByWhat(f, undefined, false, writer);
}
