import { addDays, isIsoDate, MONTHS, toDate, WEEKDAYS } from "./dates.ts";

/** Periods as prose names them ("between Sunday and Tuesday", "24-26 November", "since Monday"), read into ISO days. */

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
  const iso = (y: number) =>
    `${String(y).padStart(4, "0")}-${String(m + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
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
    pattern: new RegExp(
      String.raw`\bbetween\s+(${NUM})\s+and\s+(${NUM})\s+(?:of\s+)?(${MONTH})(${YEAR})|\b(?:from\s+)?(${NUM})${TO}(${NUM})\s+(?:of\s+)?(${MONTH})(${YEAR})`,
      "gi",
    ),
    read(m, anchor) {
      const [first, last, month, year] = m[1] !== undefined ? [m[1], m[2], m[3], m[4]] : [m[5], m[6], m[7], m[8]];
      const y = /\d{4}/.exec(year ?? "")?.[0];
      const end = monthDay(month, day(last), anchor, y ? Number(y) : undefined);
      return { end, start: end && monthDay(month, day(first), end, y ? Number(y) : undefined) };
    },
  },
  {
    pattern: new RegExp(
      String.raw`\bbetween\s+(${MONTH})\s+(${NUM})\s+and\s+(${NUM})\b(${YEAR})|\b(?:from\s+)?(${MONTH})\s+(${NUM})${TO}(${NUM})\b(${YEAR})`,
      "gi",
    ),
    read(m, anchor) {
      const [month, first, last, year] = m[1] !== undefined ? [m[1], m[2], m[3], m[4]] : [m[5], m[6], m[7], m[8]];
      const y = /\d{4}/.exec(year ?? "")?.[0];
      const end = monthDay(month, day(last), anchor, y ? Number(y) : undefined);
      return { end, start: end && monthDay(month, day(first), end, y ? Number(y) : undefined) };
    },
  },
  {
    pattern: new RegExp(
      String.raw`\bbetween\s+(${DAY_OR_DATE})\s+and\s+(${DAY_OR_DATE})|\b(?:from\s+)?(${DAY_OR_DATE})${TO}(${DAY_OR_DATE})`,
      "gi",
    ),
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
  return (
    first(RANGES, text, anchor) ??
    first([SINCE], text, anchor) ??
    first([SINGLE], text, anchor) ??
    first([RELATIVE], text, anchor)
  );
}
