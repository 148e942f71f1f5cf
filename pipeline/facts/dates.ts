import { defaultWriter } from "../language/writer.ts";
/** Calendar days as ISO strings ("2024-11-24"), computed in UTC so no time zone can shift a day. */

export const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
export const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const DAY_MS = 86_400_000;

export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [, y, m, d] = match.map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * How to write a date cell that is not YYYY-MM-DD: spreadsheets turn 2024-11-24 into 24/11/2024 or
 * 11/24/2024 when they open and save a CSV, so those are read back where only one reading is a date.
 */
export function dateFix(cell: string, example = "2024-11-24"): string {
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(cell.trim());
  if (match) {
    const [, a, b, y] = match;
    const iso = (m: string, d: string) => `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
    const readings = [...new Set([iso(b, a), iso(a, b)].filter(isIsoDate))];
    if (readings.length === 1) return `write it as YYYY-MM-DD: ${readings[0]}`;
    if (readings.length === 2) return `write it as YYYY-MM-DD: ${readings[0]} or ${readings[1]}, whichever was meant`;
  }
  return `write it as YYYY-MM-DD, e.g. ${example}`;
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

/** Today's date where the code runs (its local calendar day), as YYYY-MM-DD. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The publication date from a source's first line: "date 2024-11-27 …". */
export function parseDateline(text: string): string | undefined {
  const match = /^\uFEFF?\s*date\s+(\d{4}-\d{2}-\d{2})\b/i.exec(text);
  return match && isIsoDate(match[1]) ? match[1] : undefined;
}

/**
 * The date a wire dateline states near the top of an article without a `date` line ("HANOI,
 * Wednesday 15 October 2025 (Reuters) -", "WASHINGTON, Oct. 15, 2025 (AP) —"), with its line:
 * offered as the line to add, never used unasked. Only a date with its year: "Oct 15 (Reuters)"
 * names no year, and a year is not guessed.
 */
export function wireDateline(text: string): { iso: string; line: number; words: string } | undefined {
  const lines = text
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\r|\n/)
    .slice(0, 8);
  const month = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
  const dayFirst = new RegExp(String.raw`\b(\d{1,2})\s+${month},?\s+(\d{4})\b`, "i");
  const monthFirst = new RegExp(String.raw`\b${month}\s+(\d{1,2}),?\s+(\d{4})\b`, "i");
  for (const [i, line] of lines.entries()) {
    // A dateline stands before the agency's name or the dash that opens the story.
    const head = /^(.{0,120}?)(?:\((?:Reuters|AP|AFP|PTI|IANS|ANI|Bloomberg|dpa|EFE|Xinhua|UPI)\)|\s[-–—]\s)/.exec(
      line,
    );
    if (!head) continue;
    const d = dayFirst.exec(head[1]);
    const m = d ? undefined : monthFirst.exec(head[1]);
    const [day, name, year] = d ? [d[1], d[2], d[3]] : m ? [m[2], m[1], m[3]] : [];
    if (!day || !name || !year) continue;
    const index = MONTHS.findIndex((full) => full.startsWith(name.toLowerCase().slice(0, 3)));
    const iso = `${year}-${String(index + 1).padStart(2, "0")}-${day.padStart(2, "0")}`;
    if (isIsoDate(iso)) return { iso, line: i + 1, words: (d ?? m)![0] };
  }
  return undefined;
}

/**
 * A source file's display name from its first line, after the dateline: "date 2023-07-05 source:
 * Interior ministry statement" gives "Interior ministry statement", shown as written. Undefined
 * when the first line names none.
 */
export function parseSourceName(text: string): string | undefined {
  const first = /^\uFEFF?([^\r\n]*)/.exec(text)![1];
  const match = /^\s*(?:date\s+\S+\s+)?(?:fiscal-year:\s*\S+\s+)?source:\s*(.*?)\s*$/i.exec(first);
  return match && match[1] ? match[1] : undefined;
}

/**
 * The month a story's fiscal years start in, 0-based, from its first line: "date 2024-06-12
 * fiscal-year: July" (Pakistan, Australia), "fiscal-year: October" (the US federal year),
 * "fiscal-year: January" (calendar years). Undefined when the line names none: fiscal years then
 * start on 1 April, as India's, Britain's, Canada's and Japan's do.
 */
export function parseFiscalStart(text: string): number | undefined {
  const first = /^\uFEFF?([^\r\n]*)/.exec(text)![1];
  const match = /^\s*(?:date\s+\S+\s+)?fiscal-year:\s*([a-z]+)/i.exec(first);
  if (!match) return undefined;
  const m = MONTHS.findIndex((name) => name.startsWith(match[1].toLowerCase()) && match[1].length >= 3);
  return m < 0 ? undefined : m;
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

/**
 * "Sun 24 – Tue 26 Nov 2024", or one day when start and end agree. Without `year`, a period within
 * one year leaves it out; one across a year says both ("Sat 30 Dec 2023 – Tue 2 Jan 2024"), as
 * "Thu 29 Feb" alone would be read in the start's year.
 */
export function formatPeriod(start: string, end: string, { year = true } = {}): string {
  if (start === end) return formatDate(start, { weekday: true, year });
  const a = toDate(start);
  const b = toDate(end);
  const sameMonth = a.getUTCMonth() === b.getUTCMonth() && a.getUTCFullYear() === b.getUTCFullYear();
  const sameYear = a.getUTCFullYear() === b.getUTCFullYear();
  const first = sameMonth
    ? `${SHORT_WEEKDAY[a.getUTCDay()]} ${a.getUTCDate()}`
    : formatDate(start, { weekday: true, year: !sameYear });
  return `${first} – ${formatDate(end, { weekday: true, year: year || !sameYear })}`;
}

/**
 * A period the desk names by the calendar, in English as the default writer words it: "2025-26",
 * "FY2025", "2024", "Oct 2024", "Jul – Sep 2024"; undefined for any other run of days (the
 * language layer's calendar.ts says which).
 */
export function calendarWords(start: string, end: string): string | undefined {
  return defaultWriter().calendar(start, end);
}
