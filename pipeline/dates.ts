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

/**
 * "24 November", "November 24" or "Nov. 24": in the year given, else in the anchor's year, or the
 * year before if that would be after the anchor (a report looks back, not ahead).
 */
function monthDay(month: string, day: number, anchor: string, year?: number): string | undefined {
  // Month names are capitalised: "10 march" and "may 20" are a verb and a number.
  if (!/^[A-Z]/.test(month)) return undefined;
  const m = MONTHS.findIndex((name) => name.startsWith(month.toLowerCase().replace(".", "")));
  if (m < 0) return undefined;
  const iso = (y: number) => `${String(y).padStart(4, "0")}-${String(m + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  if (year !== undefined) return isIsoDate(iso(year)) ? iso(year) : undefined;
  let y = toDate(anchor).getUTCFullYear();
  // 29 February resolves in the latest leap year on or before the anchor's.
  for (let tries = 0; tries < 8 && (!isIsoDate(iso(y)) || iso(y) > anchor); tries++) y -= 1;
  return isIsoDate(iso(y)) && iso(y) <= anchor ? iso(y) : undefined;
}

export interface Period {
  start: string;
  end: string;
  /** The words that named it, for messages. */
  text: string;
}

const DAY = String.raw`(?:sun|mon|tues|wednes|thurs|fri|satur)day\b`;
const MONTH = String.raw`(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?`;
const NUM = String.raw`\d{1,2}(?:st|nd|rd|th)?`;
const YEAR = String.raw`(?:,?\s+\d{4}\b)?`;
const DATE = String.raw`(?:${NUM}\s+(?:of\s+)?${MONTH}${YEAR}|${MONTH}\s+${NUM}\b${YEAR})`;
const DAY_OR_DATE = String.raw`(?:${DAY}|${DATE})`;
const TO = String.raw`(?:\s*[-\u2013\u2014]\s*|\s+(?:to|through|thru|until|till)\s+)`;

/** A weekday, or a date with or without its year, as a day on or before the anchor. */
function resolveDay(words: string, anchor: string): string | undefined {
  const text = words.trim();
  if (new RegExp(`^${DAY}$`, "i").test(text)) return lastWeekday(text, anchor);
  const year = /(\d{4})$/.exec(text);
  const bare = text.replace(/,?\s+\d{4}$/, "");
  let match = /^(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z.]+)$/i.exec(bare);
  if (match) return monthDay(match[2], Number(match[1]), anchor, year ? Number(year[1]) : undefined);
  match = /^([a-z.]+)\s+(\d{1,2})(?:st|nd|rd|th)?$/i.exec(bare);
  if (match) return monthDay(match[1], Number(match[2]), anchor, year ? Number(year[1]) : undefined);
  return undefined;
}

/** The start of a range, resolved against its end: "Saturday to Monday" spans a weekend, "30 December to 2 January" a new year. */
function resolveStart(words: string, end: string): string | undefined {
  return resolveDay(words, end);
}

type Reader = { pattern: RegExp; read: (m: RegExpExecArray, anchor: string) => { start?: string; end?: string } };

const day = (n: string) => Number(n.replace(/\D+$/, ""));

/** Ranges first, most specific first: "between Sunday and Tuesday", "24-26 November", "from 24 November to 2 December". */
const RANGES: Reader[] = [
  {
    pattern: new RegExp(String.raw`\bbetween\s+(${NUM})\s+and\s+(${NUM})\s+(?:of\s+)?(${MONTH})(${YEAR})|\b(?:from\s+)?(${NUM})${TO}(${NUM})\s+(?:of\s+)?(${MONTH})(${YEAR})`, "gi"),
    read(m, anchor) {
      const [first, last, month, year] = m[1] !== undefined ? [m[1], m[2], m[3], m[4]] : [m[5], m[6], m[7], m[8]];
      const y = /\d{4}/.exec(year ?? "")?.[0];
      const end = monthDay(month, day(last), anchor, y ? Number(y) : undefined);
      return { end, start: end && monthDay(month, day(first), end, y ? Number(y) : undefined) };
    },
  },
  {
    pattern: new RegExp(String.raw`\bbetween\s+(${MONTH})\s+(${NUM})\s+and\s+(${NUM})\b(${YEAR})|\b(?:from\s+)?(${MONTH})\s+(${NUM})${TO}(${NUM})\b(${YEAR})`, "gi"),
    read(m, anchor) {
      const [month, first, last, year] = m[1] !== undefined ? [m[1], m[2], m[3], m[4]] : [m[5], m[6], m[7], m[8]];
      const y = /\d{4}/.exec(year ?? "")?.[0];
      const end = monthDay(month, day(last), anchor, y ? Number(y) : undefined);
      return { end, start: end && monthDay(month, day(first), end, y ? Number(y) : undefined) };
    },
  },
  {
    pattern: new RegExp(String.raw`\bbetween\s+(${DAY_OR_DATE})\s+and\s+(${DAY_OR_DATE})|\b(?:from\s+)?(${DAY_OR_DATE})${TO}(${DAY_OR_DATE})`, "gi"),
    read(m, anchor) {
      const end = resolveDay(m[2] ?? m[4], anchor);
      return { end, start: end && resolveStart(m[1] ?? m[3], end) };
    },
  },
];
const SINCE: Reader = {
  pattern: new RegExp(String.raw`\bsince\s+(${DAY_OR_DATE})`, "gi"),
  read: (m, anchor) => ({ start: resolveDay(m[1], anchor), end: anchor }),
};
const SINGLE: Reader = {
  pattern: new RegExp(String.raw`\b(?:on\s+)?(${DAY_OR_DATE})`, "gi"),
  read(m, anchor) {
    const day = resolveDay(m[1], anchor);
    return { start: day, end: day };
  },
};
const RELATIVE: Reader = {
  pattern: /\b(yesterday|today)\b/gi,
  read(m, anchor) {
    const day = m[1].toLowerCase() === "today" ? anchor : addDays(anchor, -1);
    return { start: day, end: day };
  },
};

/** The first match, by position in the text, that names real days in order. */
function first(readers: Reader[], text: string, anchor: string): Period | undefined {
  let best: (Period & { index: number }) | undefined;
  for (const { pattern, read } of readers) {
    pattern.lastIndex = 0;
    for (const m of text.matchAll(pattern)) {
      const { start, end } = read(m as RegExpExecArray, anchor);
      if (!start || !end || end < start) continue;
      const index = m.index ?? 0;
      if (!best || index < best.index) best = { start, end, text: m[0].trim(), index };
      break;
    }
  }
  return best && { start: best.start, end: best.end, text: best.text };
}

/**
 * The period a sentence names, resolved against the publication date: "between Sunday and
 * Tuesday" in a report dated Wed 27 Nov 2024 is 2024-11-24 to 2024-11-26. A range wins over a
 * single day it contains. Returns undefined when the text names no period.
 */
export function findPeriod(text: string, anchor: string): Period | undefined {
  if (!isIsoDate(anchor)) return undefined;
  return first(RANGES, text, anchor) ?? first([SINCE], text, anchor) ?? first([SINGLE], text, anchor) ?? first([RELATIVE], text, anchor);
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
