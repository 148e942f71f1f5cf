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
  if (!f.start || !f.end) return "";
  const when = f.start === f.end ? writer.date(f.start, { weekday: true, year }) : writer.period(f.start, f.end);
  if (!f.nights) return when;
  return writer.phrase(f.start === f.end ? "night.the" : "nights.the", { when });
}

/**
 * "people arrested on Thursday night", "people arrested on Thu 29 Jun", "people arrested for Tue
 * 27 Jun – Sun 2 Jul 2023": what is counted, then when, from the chart's label for the figure when
 * it has one. For kinds whose labels say when (columns, line, period).
 */
export function nameByTime(f: Figure, label?: string, writer: Writer = defaultWriter()): string {
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
): string {
  const chosen = label?.trim();
  if (chosen && sharesCategory)
    return writer.phrase(f.start && f.start === f.end ? "name.on" : "name.labelled", {
      what: whatOf(f, writer),
      when: chosen,
    });
  const base = chosen ? lowerFirst(chosen, f.quote, writer) : whatOf(f, writer);
  const when = whenOf(f, {}, writer);
  if (!when || (chosen && chosen.includes(when))) return base;
  return writer.phrase(f.start === f.end ? "name.on" : "name.for", { what: base, when });
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

/** A figure's name where no chart label applies (a figure cited only in a chart's words). */
export function defaultName(f: Figure, writer: Writer = defaultWriter()): string {
  return nameByWhat(f, undefined, false, writer);
}
