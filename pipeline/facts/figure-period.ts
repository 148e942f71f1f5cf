import { formatDate } from "./dates.ts";
import type { Reading } from "./reader.ts";

/**
 * One model of a figure's period, shared by the reader's proposal, the draft, the check and every
 * chart kind, so that no message advises a period another refuses.
 *
 * A period is a run of days (or nights, each dated by its evening), or a running count to a day
 * whose start the words do not say ("the toll rose to 99 on Tuesday"): start "" then, and any
 * start on or before the end agrees with the words. The words may allow more than one period ("36
 * deaths on Wednesday" in a toll's paragraph: that day's count, or the running toll since the fire
 * began); the options list them, the proposal first.
 */
export interface PeriodOption {
  /** "" for a running count whose start the words do not say. */
  start: string;
  end: string;
  nights: boolean;
  /** A running count (a toll as reported that day), not the count of its days alone. */
  running: boolean;
}

/** What the words propose for a figure's start and end: what the draft writes and a blank row is filled with. */
export type Proposal =
  | { kind: "none" }
  | { kind: "span"; start: string; end: string; nights: boolean }
  /** A running count to `end`, its start not stated: the end is proposed, the start left blank. */
  | { kind: "ends"; end: string }
  /** Two periods the words allow equally ("overnight Saturday"): nothing is proposed. */
  | { kind: "ambiguous"; options: PeriodOption[] };

const key = (o: PeriodOption) => `${o.start}/${o.end}/${o.nights}`;

/** Every period the words allow the number, the one the words support best first; empty when they give none. */
export function periodOptions(r: Reading): PeriodOption[] {
  const options: PeriodOption[] = [];
  if (r.span) options.push({ ...r.span, running: r.running });
  else if (r.endsOn) options.push({ start: "", end: r.endsOn, nights: false, running: true });
  for (const a of r.alternatives) {
    if (a.reason === "list") continue;
    if (a.span) options.push({ ...a.span, running: a.running ?? false });
    else if (a.endsOn) options.push({ start: "", end: a.endsOn, nights: false, running: true });
  }
  return [...new Map(options.map((o) => [key(o), o])).values()];
}

/**
 * What the draft writes and what fills a blank row: the period the words support. Two nights the
 * words allow equally are ambiguous and propose nothing; a day's count against a running toll is
 * decided by the paragraph (the reader puts that reading first), the other kept as an option.
 */
export function proposedPeriod(r: Reading): Proposal {
  const options = periodOptions(r);
  if (options.length === 0) return { kind: "none" };
  if (r.alternatives.some((a) => a.reason === "night")) return { kind: "ambiguous", options };
  const [first] = options;
  return first.start
    ? { kind: "span", start: first.start, end: first.end, nights: first.nights }
    : { kind: "ends", end: first.end };
}

/** Whether a row's start and end (either may be blank) agree with an option. */
export function agrees(option: PeriodOption, start: string, end: string): boolean {
  if (!option.start) return end === option.end && (!start || start <= option.end);
  return (!start || start === option.start) && (!end || end === option.end);
}

/** Whether the words allow a figure the period start..end ("" start: a running count to end); true when they give none. */
export function allowsPeriod(options: readonly PeriodOption[], start: string, end: string): boolean {
  return options.length === 0 || options.some((o) => agrees(o, start, end));
}

/** An option in words, for messages: "2023-08-08 to 2023-08-09 (the running count)", "the count to Tue 15 Aug 2023, its start not stated". */
export function describeOption(o: PeriodOption): string {
  if (!o.start) return `a running count to ${o.end} (${formatDate(o.end, { weekday: true })}), its start not stated`;
  if (o.nights)
    return o.start === o.end
      ? `the night of ${formatDate(o.start, { weekday: true })}, dated by its evening (start = end = ${o.start})`
      : `the nights of ${formatDate(o.start, { weekday: true })} to ${formatDate(o.end, { weekday: true })}, each dated by its evening (start ${o.start}, end ${o.end})`;
  return o.running ? `the running count ${o.start} to ${o.end}` : `${o.start} to ${o.end}`;
}

/** The cells that record an option: "start 2023-08-08 and end 2023-08-09", "end 2023-08-15 (start blank, or the day the count began)". */
export function optionCells(o: PeriodOption): string {
  return o.start
    ? `start ${o.start} and end ${o.end}`
    : `end ${o.end} and start blank (or the day the count began, if another source says it)`;
}
