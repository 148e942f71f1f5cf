import { addDays, daysBetween, formatDate } from "../pipeline/facts/dates.ts";
import type { Figure } from "../pipeline/facts/figure.ts";
import { allowsPeriod, describeOption, optionCells } from "../pipeline/facts/figure-period.ts";
import { formatNumber } from "../pipeline/facts/format.ts";
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

/**
 * Whether figures fall in more than one calendar year: then every date their chart shows says its
 * year ("Fri 1 Mar 2024"), where within one year the year is left to the title and source line.
 */
export function crossesYear(periods: { start: string; end: string }[]): boolean {
  const years = new Set<string>();
  for (const p of periods) for (const date of [p.start, p.end]) if (date) years.add(date.slice(0, 4));
  return years.size > 1;
}

/** A period as a label under a column or beside a point: "Thu 29 Jun", "Fri 30 Jun – Sat 1 Jul" (with years: see crossesYear). */
export function periodLabel(start: string, end: string, writer: Writer = defaultWriter(), year = false): string {
  return start === end ? writer.date(start, { weekday: true, year }) : writer.period(start, end, { year });
}

/**
 * The label a figure's period gets under a column or a point: "Thu 29 Jun"; a night, dated by its
 * evening, reads as one: "Thu 29 Jun night", "Fri 30 Jun – Sat 1 Jul nights".
 */
export function timeLabel(
  f: Pick<Figure, "start" | "end" | "nights">,
  writer: Writer = defaultWriter(),
  year = false,
): string {
  const label = periodLabel(f.start, f.end, writer, year);
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
  year = false,
): string[] {
  return gaps.map((g) =>
    nights
      ? writer.phrase(g.start === g.end ? "night.the" : "nights.the", {
          when: periodLabel(g.start, g.end, writer, year),
        })
      : periodLabel(g.start, g.end, writer, year),
  );
}

/**
 * Why a chart kind cannot place a figure in time, in the words of the one period model the check
 * uses (figure-period.ts): no dates (and whether its quote names any), or a running count whose
 * start no source gives, which only a line can draw. Undefined when it can.
 */
export function timeProblem(f: Figure, kind: string, { running = false } = {}): string | undefined {
  if (!f.end) {
    if (f.periods.length > 1)
      return `"${f.id}" has no dates: its quote allows ${f.periods.map(describeOption).join(" or ")}, so they were left blank; set start and end in figures.csv to the one the source means, or chart it as bars`;
    return `"${f.id}" has no dates, so a ${kind} chart cannot place it; fill in its start and end in figures.csv${f.periods.length === 0 ? " (or quote a sentence that names its period)" : ""}, or chart it as bars`;
  }
  if (!f.start && !running)
    return `"${f.id}" is a running count to ${formatDate(f.end, { weekday: true })} whose start no source gives; a ${kind} chart shows counts for periods it knows: chart it as a line (a running total), or set its start in figures.csv if a source says when the count began`;
  return undefined;
}

/**
 * What to tell the reporter of a figure a running total needs from `start` ("" when the total's
 * start is not said) to its own end: the cells, where its words allow that period; else that its
 * words give another, so it belongs on another chart. Never a fix the check would refuse.
 */
export function runningAdvice(f: Figure, start: string): string {
  const target = { start, end: f.end, nights: false, running: true };
  if (f.periods.length === 0)
    return `if the source counts "${f.id}" ${start ? `from ${formatDate(start, { weekday: true })}` : "as a running total"} too, set its ${optionCells(target)} in figures.csv, otherwise chart it apart`;
  if (allowsPeriod(f.periods, start, f.end))
    return `the words of "${f.id}" allow the running count: set its ${optionCells(target)} in figures.csv`;
  return `the words of "${f.id}" give ${describeOption(f.periods[0])}, not a running total: chart it apart`;
}

/**
 * A warning where one-day counts of one measure rise every day and their words read as a running
 * toll ("36 deaths on Wednesday and 53 on Thursday" under "the toll has climbed since…"): drawn as
 * counts of each day, they would add up to a total nobody reported.
 */
export function runningTollWarning(figures: Figure[], kind: string): string | undefined {
  const days = figures.filter((f) => f.start && f.start === f.end && !f.nights);
  if (days.length < 2 || days.length !== figures.length) return undefined;
  const sorted = [...days].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const rises = sorted.every((f, k) => k === 0 || (f.start > sorted[k - 1].start && f.value > sorted[k - 1].value));
  if (!rises || !sorted.every((f) => f.periods.some((o) => o.running))) return undefined;
  const sum = sorted.reduce((n, f) => n + f.value, 0);
  return `${sorted.map((f) => `"${f.id}"`).join(", ")} rise every day and their words read as a running toll; drawn as ${kind} they say each day's own count, adding up to ${formatNumber(sum)}: if the source reports the toll so far, record each as its running count (its words allow it) and chart them as a line`;
}
