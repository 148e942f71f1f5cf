/** Calendar days as ISO strings ("2024-11-24"), computed in UTC so no time zone can shift a day. */

const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const DAY_MS = 86_400_000;

export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [, y, m, d] = match.map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function toDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

export function toIso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return toIso(new Date(toDate(iso).getTime() + days * DAY_MS));
}

export function daysBetween(start: string, end: string): number {
  return Math.round((toDate(end).getTime() - toDate(start).getTime()) / DAY_MS);
}

/** Every day from start to end, both included. */
export function eachDay(start: string, end: string): string[] {
  const days: string[] = [];
  for (let day = start; day <= end; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The publication date from a source's first line: "date 2024-11-27 …". */
export function parseDateline(text: string): string | undefined {
  const match = /^\uFEFF?\s*date\s+(\d{4}-\d{2}-\d{2})\b/i.exec(text);
  return match && isIsoDate(match[1]) ? match[1] : undefined;
}

/** The latest date on or before `anchor` that falls on the named weekday: in a report, "Tuesday" is the last one. */
function lastWeekday(name: string, anchor: string): string {
  const wanted = WEEKDAYS.indexOf(name.toLowerCase());
  const back = (toDate(anchor).getUTCDay() - wanted + 7) % 7;
  return addDays(anchor, -back);
}

/** "24 November", "November 24" or "Nov. 24" in the dateline's year, or the year before if that would be after it. */
function monthDay(month: string, day: number, anchor: string): string | undefined {
  const m = MONTHS.findIndex((name) => name.startsWith(month.toLowerCase().replace(".", "")));
  if (m < 0) return undefined;
  let year = toDate(anchor).getUTCFullYear();
  const iso = (y: number) => `${y}-${String(m + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  if (!isIsoDate(iso(year))) return undefined;
  if (iso(year) > anchor) year -= 1;
  return isIsoDate(iso(year)) ? iso(year) : undefined;
}

export interface Period {
  start: string;
  end: string;
  /** The words that named it, for messages. */
  text: string;
}

const DAY = String.raw`(?:sun|mon|tues|wednes|thurs|fri|satur)day`;
const MONTH = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?`;
const DAY_OR_DATE = String.raw`(?:${DAY}|\d{1,2}\s+${MONTH}|${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?)`;

function resolveDay(words: string, anchor: string): string | undefined {
  const text = words.trim();
  if (new RegExp(`^${DAY}$`, "i").test(text)) return lastWeekday(text, anchor);
  let match = /^(\d{1,2})\s+([a-z.]+)$/i.exec(text);
  if (match) return monthDay(match[2], Number(match[1]), anchor);
  match = /^([a-z.]+)\s+(\d{1,2})(?:st|nd|rd|th)?$/i.exec(text);
  if (match) return monthDay(match[1], Number(match[2]), anchor);
  return undefined;
}

/**
 * The period a sentence names, resolved against the publication date: "between Sunday and
 * Tuesday" in a report dated Wed 27 Nov 2024 is 2024-11-24 to 2024-11-26.
 * Returns undefined when the text names no period.
 */
export function findPeriod(text: string, anchor: string): Period | undefined {
  const range = new RegExp(
    String.raw`\b(?:between\s+(${DAY_OR_DATE})\s+and\s+(${DAY_OR_DATE})|from\s+(${DAY_OR_DATE})\s+(?:to|through|until|till)\s+(${DAY_OR_DATE}))\b`,
    "i",
  ).exec(text);
  if (range) {
    const first = range[1] ?? range[3];
    const last = range[2] ?? range[4];
    const end = resolveDay(last, anchor);
    // The start is the named day at or before the end: "Saturday to Monday" spans a weekend.
    const start = end && (new RegExp(`^${DAY}$`, "i").test(first.trim()) ? lastWeekday(first.trim(), end) : resolveDay(first, anchor));
    if (start && end) return { start, end, text: range[0] };
  }
  const since = new RegExp(String.raw`\bsince\s+(${DAY_OR_DATE})\b`, "i").exec(text);
  if (since) {
    const start = resolveDay(since[1], anchor);
    if (start) return { start, end: anchor, text: since[0] };
  }
  const single = new RegExp(String.raw`\b(?:on\s+)?(${DAY_OR_DATE})\b`, "i").exec(text);
  if (single) {
    const day = resolveDay(single[1], anchor);
    if (day) return { start: day, end: day, text: single[0] };
  }
  const relative = /\b(yesterday|today)\b/i.exec(text);
  if (relative) {
    const day = relative[1].toLowerCase() === "today" ? anchor : addDays(anchor, -1);
    return { start: day, end: day, text: relative[0] };
  }
  return undefined;
}

const SHORT_WEEKDAY = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const SHORT_MONTH = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "27 Nov 2024": the house style for dates in chart text. */
export function formatDate(iso: string, { weekday = false, year = true } = {}): string {
  const date = toDate(iso);
  const parts = [
    weekday ? SHORT_WEEKDAY[date.getUTCDay()] : "",
    String(date.getUTCDate()),
    SHORT_MONTH[date.getUTCMonth()],
    year ? String(date.getUTCFullYear()) : "",
  ];
  return parts.filter(Boolean).join(" ");
}

/** "Sun 24 – Tue 26 Nov 2024", or one day when start and end agree. */
export function formatPeriod(start: string, end: string, { year = true } = {}): string {
  if (start === end) return formatDate(start, { weekday: true, year });
  const a = toDate(start);
  const b = toDate(end);
  const sameMonth = a.getUTCMonth() === b.getUTCMonth() && a.getUTCFullYear() === b.getUTCFullYear();
  const sameYear = a.getUTCFullYear() === b.getUTCFullYear();
  const first = sameMonth
    ? `${SHORT_WEEKDAY[a.getUTCDay()]} ${a.getUTCDate()}`
    : formatDate(start, { weekday: true, year: !sameYear });
  return `${first} – ${formatDate(end, { weekday: true, year })}`;
}
