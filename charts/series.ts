import { addDays, daysBetween } from "../pipeline/facts/dates.ts";
import type { Figure } from "../pipeline/facts/figure.ts";
import { defaultWriter, type Writer } from "../pipeline/language/writer.ts";
import { unitKey } from "./units.ts";

/** Words compared as a reader would: case and spacing aside. */
const normal = (text: string) => text.trim().replace(/\s+/g, " ").toLowerCase();

/** Figures over time must count one thing: these are the ways one can differ from another. */
const same = (a: string, b: string) => normal(a) === normal(b);

/** What a figure counts, as one key: two figures with the same key have no seriesDifferences. */
export const countKey = (f: Figure): string => JSON.stringify([normal(f.metric), normal(f.category), unitKey(f.unit)]);

/** How `f` differs from `of` in what it counts, in words: metric, category, unit. */
export function seriesDifferences(f: Figure, of: Figure): string[] {
  const out: string[] = [];
  const words = (text: string) => (text.trim() ? JSON.stringify(text.trim()) : "none");
  if (!same(f.metric, of.metric)) out.push(`its metric is ${words(f.metric)}, not ${words(of.metric)}`);
  if (!same(f.category, of.category)) out.push(`its category is ${words(f.category)}, not ${words(of.category)}`);
  if (unitKey(f.unit) !== unitKey(of.unit)) out.push(`its unit is ${words(f.unit)}, not ${words(of.unit)}`);
  return out;
}

/** A period as a label under a column or beside a point: "Thu 29 Jun", "Fri 30 Jun – Sat 1 Jul". */
export function periodLabel(start: string, end: string, writer: Writer = defaultWriter()): string {
  return start === end
    ? writer.date(start, { weekday: true, year: false })
    : writer.period(start, end, { year: false });
}

/**
 * The label a figure's period gets under a column or a point: "Thu 29 Jun"; a night, dated by its
 * evening, reads as one: "Thu 29 Jun night", "Fri 30 Jun – Sat 1 Jul nights".
 */
export function timeLabel(f: Pick<Figure, "start" | "end" | "nights">, writer: Writer = defaultWriter()): string {
  const label = periodLabel(f.start, f.end, writer);
  return f.nights ? writer.phrase(f.start === f.end ? "night.label" : "nights.label", { label }) : label;
}

/**
 * The days between periods in date order that no figure covers, as spans: [["2023-06-30",
 * "2023-06-30"]]. Work grows with the number of periods, never with the days between them.
 */
export function gapsBetween(periods: { start: string; end: string }[]): { start: string; end: string }[] {
  const gaps: { start: string; end: string }[] = [];
  for (let i = 1; i < periods.length; i++) {
    const before = periods[i - 1].end;
    const after = periods[i].start;
    if (daysBetween(before, after) > 1) gaps.push({ start: addDays(before, 1), end: addDays(after, -1) });
  }
  return gaps;
}

/** "Fri 30 Jun", "Sun 2 – Tue 4 Jul", "the night of Sun 2 Jul": gaps as a reader lists them. */
export function gapWords(
  gaps: { start: string; end: string }[],
  nights = false,
  writer: Writer = defaultWriter(),
): string[] {
  return gaps.map((g) =>
    nights
      ? writer.phrase(g.start === g.end ? "night.the" : "nights.the", { when: periodLabel(g.start, g.end, writer) })
      : periodLabel(g.start, g.end, writer),
  );
}
