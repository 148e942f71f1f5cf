import { addDays, isIsoDate, MONTHS, toDate, toIso, WEEKDAYS } from "./dates.ts";

/** Periods as prose names them ("between Sunday and Tuesday", "24-26 November", "since Monday"), read into ISO days. */

/** The latest date on or before `anchor` that falls on the named weekday: in a report, "Tuesday" is the last one. */
function lastWeekday(name: string, anchor: string): string {
  const wanted = WEEKDAYS.indexOf(name.toLowerCase());
  const back = (toDate(anchor).getUTCDay() - wanted + 7) % 7;
  return addDays(anchor, -back);
}

/** The first date on or after `anchor` that falls on the named weekday: "will strike on Friday" is the coming one. */
function nextWeekday(name: string, anchor: string): string {
  const wanted = WEEKDAYS.indexOf(name.toLowerCase());
  const ahead = (wanted - toDate(anchor).getUTCDay() + 7) % 7;
  return addDays(anchor, ahead);
}

const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, "0")}-${String(m + 1).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
const yearOf = (day: string) => toDate(day).getUTCFullYear();
const monthOf = (day: string) => toDate(day).getUTCMonth();
/** The last day of a month (0-based) of a year. */
const monthEnd = (y: number, m: number) => toIso(new Date(Date.UTC(y, m + 1, 0)));
/** The month a name starts: "Sept." is 8; -1 for none. */
const monthIndex = (name: string) => {
  const bare = name.toLowerCase().replace(/\.$/, "");
  return bare.length < 3 ? -1 : MONTHS.findIndex((m) => m.startsWith(bare === "sept" ? "sep" : bare));
};

/** Easter Sunday of a year (the Gregorian computus, Meeus/Jones/Butcher). */
function easter(y: number): string {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(y, month - 1, day);
}

/** The nth (1-based; -1 the last) given weekday of a month. */
function nthWeekday(y: number, m: number, weekday: number, n: number): string {
  if (n < 0) {
    const last = monthEnd(y, m);
    return addDays(last, -((toDate(last).getUTCDay() - weekday + 7) % 7));
  }
  const first = iso(y, m, 1);
  return addDays(first, ((weekday - toDate(first).getUTCDay() + 7) % 7) + 7 * (n - 1));
}

/**
 * Holidays whose day is one everywhere they are named (Christmas, New Year, Easter, Thanksgiving,
 * Bastille Day…): the day in a year. "Independence Day", "Republic Day", "Labour Day", Diwali and Eid
 * differ by country or calendar and are not read.
 */
const HOLIDAYS: [RegExp, (y: number) => string][] = [
  [/^christmas\s+eve$/i, (y) => iso(y, 11, 24)],
  [/^christmas(?:\s+day)?$/i, (y) => iso(y, 11, 25)],
  [/^boxing\s+day$/i, (y) => iso(y, 11, 26)],
  [/^new\s+year['’]s\s+eve$/i, (y) => iso(y, 11, 31)],
  [/^new\s+year['’]s(?:\s+day)?$/i, (y) => iso(y, 0, 1)],
  [/^valentine['’]s\s+day$/i, (y) => iso(y, 1, 14)],
  [/^halloween$/i, (y) => iso(y, 9, 31)],
  [/^bastille\s+day$/i, (y) => iso(y, 6, 14)],
  [/^anzac\s+day$/i, (y) => iso(y, 3, 25)],
  [/^canada\s+day$/i, (y) => iso(y, 6, 1)],
  [/^(?:guy\s+fawkes|bonfire)\s+night$/i, (y) => iso(y, 10, 5)],
  [/^good\s+friday$/i, (y) => addDays(easter(y), -2)],
  [/^easter(?:\s+sunday|\s+day)?$/i, (y) => easter(y)],
  [/^easter\s+monday$/i, (y) => addDays(easter(y), 1)],
  [/^thanksgiving(?:\s+day)?$/i, (y) => nthWeekday(y, 10, 4, 4)],
  [/^black\s+friday$/i, (y) => addDays(nthWeekday(y, 10, 4, 4), 1)],
  [/^memorial\s+day$/i, (y) => nthWeekday(y, 4, 1, -1)],
];

/** A holiday's day: the latest on or before the anchor, or the first on or after it when the words look ahead. */
function holiday(name: string, anchor: string, ahead: boolean): string | undefined {
  const rule = HOLIDAYS.find(([pattern]) => pattern.test(name.trim().replace(/\s+/g, " ")))?.[1];
  if (!rule) return undefined;
  const y = yearOf(anchor);
  const [before, same, after] = [rule(y - 1), rule(y), rule(y + 1)];
  if (ahead) return same >= anchor ? same : after;
  return same <= anchor ? same : before;
}

/**
 * "24 November", "November 24" or "Nov. 24": in the year given, else in the anchor's year, or the
 * year before if that would be after the anchor (a report looks back, not ahead).
 */
function monthDay(month: string, day: number, anchor: string, year?: number, ahead = false): string | undefined {
  // Month names are capitalised: "10 march" and "may 20" are a verb and a number.
  if (!/^[A-Z]/.test(month)) return undefined;
  const m = monthIndex(month);
  if (m < 0) return undefined;
  const at = (y: number) => iso(y, m, day);
  if (year !== undefined) return isIsoDate(at(year)) ? at(year) : undefined;
  let y = toDate(anchor).getUTCFullYear();
  // Words that look ahead ("from April 1") name the first such day on or after the anchor.
  if (ahead) {
    for (let tries = 0; tries < 8 && (!isIsoDate(at(y)) || at(y) < anchor); tries++) y += 1;
    return isIsoDate(at(y)) && at(y) >= anchor ? at(y) : undefined;
  }
  // 29 February resolves in the latest leap year on or before the anchor's.
  for (let tries = 0; tries < 8 && (!isIsoDate(at(y)) || at(y) > anchor); tries++) y -= 1;
  return isIsoDate(at(y)) && at(y) <= anchor ? at(y) : undefined;
}

export interface Period {
  start: string;
  end: string;
  /** The words that named it, for messages. */
  text: string;
}

/**
 * A period a figure covers. Nights are dated by the evening they begin: "Friday night" and "the
 * night of Friday to Saturday" are start = end = Friday; "Friday and Saturday nights" is Friday to
 * Saturday, nights.
 */
export interface Span {
  start: string;
  end: string;
  nights: boolean;
}

/** Where a text names a period, and what it is. */
export interface PeriodPhrase {
  /** Offsets of the words in the text. */
  at: number;
  stop: number;
  text: string;
  kind: "comparison" | "by" | "night" | "range" | "since" | "single" | "relative";
  /**
   * What the words name; undefined when they name no one period ("on Friday and Sunday"), or
   * only its end ("by Wednesday": see `endsOn`).
   */
  span?: Span;
  /**
   * A cut-off ("by Wednesday", "as of 12 March"): the day a count runs to, its start not stated.
   * Never a one-day period: "31 had died by Wednesday" is not 31 deaths on Wednesday.
   */
  endsOn?: string;
  /**
   * Other periods the words may equally mean: "overnight Saturday" is the night of Friday to
   * Saturday or of Saturday to Sunday. Empty when the words are clear.
   */
  alternatives: Span[];
  /** Why the words name no one period, when they do not. */
  problem?: string;
  /**
   * Read against the day of writing ("yesterday", "overnight", "as of this afternoon"): where the
   * sentence dates a statement ("the county said on Saturday"), against that day instead.
   */
  relative: boolean;
}

const DAY = String.raw`(?:sun|mon|tues|wednes|thurs|fri|satur)day\b`;
const MONTH = String.raw`(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?`;
/** A month as a period: written in full or with its usual abbreviations, capitalised (checked where read). */
const MONTH_NAME = String.raw`(?:january|february|march|april|may|june|july|august|september|october|november|december|jan\.|feb\.|aug\.|sept\.|oct\.|nov\.|dec\.)`;
const NUM = String.raw`\d{1,2}(?:st|nd|rd|th)?`;
const YEAR = String.raw`(?:,?\s+\d{4}\b)?`;
const DATE = String.raw`(?:${NUM}\s+(?:of\s+)?${MONTH}${YEAR}|${MONTH}\s+${NUM}\b${YEAR})`;
const HOLIDAY = String.raw`(?:christmas\s+(?:day|eve)|christmas|boxing\s+day|new\s+year['\u2019]s\s+(?:day|eve)|valentine['\u2019]s\s+day|halloween|bastille\s+day|anzac\s+day|canada\s+day|(?:guy\s+fawkes|bonfire)\s+night|good\s+friday|easter\s+(?:sunday|monday|day)|easter|thanksgiving(?:\s+day)?|black\s+friday|memorial\s+day)\b`;
const DAYPART = String.raw`(?:morning|afternoon|evening)`;
const CLOCK = String.raw`(?:\d{1,2}(?:[:.]\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|noon|midnight)`;
/**
 * A day as wire copy names it: "Tuesday", "last Tuesday", "next Monday", "Wednesday, Aug. 9",
 * "24 November", "Nov. 24, 2023", "Christmas Day".
 */
const DAY_OR_DATE = String.raw`(?:(?:(?:last|next|this)\s+)?${DAY}(?:,?\s+${DATE})?|${DATE}|${HOLIDAY})`;
/** The same, with a time or a part of the day about it: "3 p.m. Monday", "the afternoon of Aug. 8", "Monday evening". */
const TIMED_DAY = String.raw`(?:(?:${CLOCK}\s+(?:on\s+)?|(?:the\s+)?${DAYPART}\s+of\s+|(?:before\s+dawn|early|late)\s+on\s+)?${DAY_OR_DATE}(?:\s+${DAYPART}\b)?)`;
const TO = String.raw`(?:\s*[-\u2013\u2014]\s*|\s+(?:to|through|thru|until|till)\s+)`;
const WORDS_N: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};
const COUNT = String.raw`(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)`;
const countOf = (words: string) => WORDS_N[words.toLowerCase()] ?? Number(words);

/**
 * A weekday, a date with or without its year, or a holiday: a day on or before the anchor, or on or
 * after it where the words look ahead ("will strike on Friday", "from April 1"). "Last Tuesday" is
 * the Tuesday of the week before the dateline (never the dateline's own day), "next Monday" the
 * first after it; "Wednesday, Aug. 9" is the day its date names.
 */
function resolveDay(words: string, anchor: string, ahead = false): string | undefined {
  let text = words.trim().replace(/\s+/g, " ");
  text = text
    .replace(
      new RegExp(
        `^(?:${CLOCK}\\s+(?:on\\s+)?|(?:the\\s+)?${DAYPART}\\s+of\\s+|(?:before\\s+dawn|early|late)\\s+on\\s+)`,
        "i",
      ),
      "",
    )
    .replace(new RegExp(`\\s+${DAYPART}$`, "i"), "");
  const relative = new RegExp(`^(last|next|this)\\s+(${DAY})$`, "i").exec(text);
  if (relative) {
    const which = relative[1].toLowerCase();
    if (which === "last") return lastWeekday(relative[2], addDays(anchor, -1));
    if (which === "next") return nextWeekday(relative[2], addDays(anchor, 1));
    return ahead ? nextWeekday(relative[2], anchor) : lastWeekday(relative[2], anchor);
  }
  // "Wednesday, Aug. 9": the date says which Wednesday.
  const dated = new RegExp(`^${DAY},?\\s+(.+)$`, "i").exec(text);
  if (dated) text = dated[1];
  if (new RegExp(`^${DAY}$`, "i").test(text)) return ahead ? nextWeekday(text, anchor) : lastWeekday(text, anchor);
  const feast = holiday(text, anchor, ahead);
  if (feast) return feast;
  const year = /(\d{4})$/.exec(text);
  const bare = text.replace(/,?\s+\d{4}$/, "");
  let match = /^(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z.]+)$/i.exec(bare);
  if (match) return monthDay(match[2], Number(match[1]), anchor, year ? Number(year[1]) : undefined, ahead);
  match = /^([a-z.]+)\s+(\d{1,2})(?:st|nd|rd|th)?$/i.exec(bare);
  if (match) return monthDay(match[1], Number(match[2]), anchor, year ? Number(year[1]) : undefined, ahead);
  return undefined;
}

/** The start of a range, resolved against its end: "Saturday to Monday" spans a weekend, "30 December to 2 January" a new year. */
function resolveStart(words: string, end: string): string | undefined {
  return resolveDay(words, end);
}

/**
 * A month named without its day ("in October", "by March 2026"): the first and last day. Without a
 * year, the latest such month begun by the anchor, or, where the words look ahead, the first not yet
 * over. Month names are capitalised ("in may" is not May).
 */
function resolveMonth(name: string, anchor: string, year: string | undefined, ahead: boolean): Span | undefined {
  if (!/^[A-Z]/.test(name)) return undefined;
  const m = monthIndex(name);
  if (m < 0) return undefined;
  let y = year ? Number(year) : yearOf(anchor);
  if (!year) {
    if (ahead && monthEnd(y, m) < anchor) y += 1;
    if (!ahead && iso(y, m, 1) > anchor) y -= 1;
  }
  return { start: iso(y, m, 1), end: monthEnd(y, m), nights: false };
}

/** n months back from a month's end: the period "the three months to September" names. */
function monthsTo(end: Span, n: number): Span {
  const last = toDate(end.end);
  const first = new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth() - n + 1, 1));
  return { start: toIso(first), end: end.end, nights: false };
}

/** The fiscal year a day falls in, the year starting in month `fiscalStart` (0-based; 3 for April). */
function fiscalYearOf(day: string, fiscalStart: number, shift = 0): Span {
  const y = yearOf(day) - (monthOf(day) < fiscalStart ? 1 : 0) + shift;
  return { start: iso(y, fiscalStart, 1), end: addDays(iso(y + 1, fiscalStart, 1), -1), nights: false };
}

/** The fiscal year that starts in calendar year y (a year from 1 January where fiscal years are calendar years). */
const fiscalYear = (y: number, fiscalStart: number): Span => ({
  start: iso(y, fiscalStart, 1),
  end: addDays(iso(fiscalStart === 0 ? y + 1 : y + 1, fiscalStart, 1), -1),
  nights: false,
});

const day = (n: string) => Number(n.replace(/\D+$/, ""));
const DAYS_LIST = String.raw`${DAY}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)${DAY})*`;
/**
 * Not a day inside a list: a list is read from its first day only. Without it a list that does not
 * end in "nights" was tried again from each of its days, each try reading to its end: quadratic in a
 * run of "Friday and Friday and …".
 */
const LIST_START = String.raw`(?<!${DAY}(?:\s*,\s*(?:and\s+)?|\s+and\s+))`;

type Read = { span?: Span; alternatives?: Span[]; problem?: string; endsOn?: string; relative?: boolean };
/** What a reader knows beside its match: the dateline, whether the words look ahead, the story's fiscal year. */
interface ReadOptions {
  ahead: () => boolean;
  fiscalStart: number;
}
type Reader = {
  kind: PeriodPhrase["kind"];
  pattern: RegExp;
  read: (m: RegExpExecArray, anchor: string, options: ReadOptions) => Read | undefined;
};

const days = (start: string | undefined, end: string | undefined, nights = false): Read | undefined =>
  start && end && end >= start ? { span: { start, end, nights } } : undefined;
const spanRead = (span: Span | undefined): Read | undefined => (span ? { span } : undefined);

/** Weekdays listed together ("Friday and Saturday"): one period if they follow each other, else none. */
function dayList(words: string, anchor: string, nights: boolean, ahead = false): Read | undefined {
  const names = words.match(new RegExp(DAY, "gi")) ?? [];
  let resolved: string[];
  if (ahead) {
    resolved = [nextWeekday(names[0] ?? "", anchor)];
    for (const name of names.slice(1)) resolved.push(nextWeekday(name, addDays(resolved[resolved.length - 1], 1)));
  } else {
    const last = lastWeekday(names[names.length - 1], anchor);
    resolved = names.map((name) => lastWeekday(name, last));
    for (let i = 1; i < resolved.length; i++) {
      if (resolved[i] <= resolved[i - 1]) resolved[i] = addDays(resolved[i], 7); // "Saturday and Sunday" wraps no week
    }
  }
  const start = resolved[0];
  const consecutive = resolved.every((d, i) => i === 0 || d === addDays(resolved[i - 1], 1));
  if (!consecutive)
    return {
      problem: `"${words}" names ${names.length} ${nights ? "nights" : "days"} that do not follow each other, not one period`,
    };
  return days(start, resolved[resolved.length - 1], nights);
}

/** The Monday of the week a day is in (weeks run Monday to Sunday, as the calendar counts them). */
const mondayOf = (d: string) => addDays(d, -((toDate(d).getUTCDay() + 6) % 7));

/** A fiscal year written "2025-26", "2025-2026", "FY26", "FY2025-26": the year it starts, or undefined. */
function fiscalStartYear(
  first: string | undefined,
  second: string | undefined,
  fiscalStart: number,
): number | undefined {
  if (!first) return undefined;
  if (first.length === 4 && second !== undefined) {
    const y = Number(first);
    const next = second.length === 2 ? (y + 1) % 100 : y + 1;
    return Number(second) === next ? y : undefined;
  }
  // "FY26", "FY2026": named by the year it ends.
  const end = first.length === 2 ? 2000 + Number(first) : Number(first);
  return fiscalStart === 0 ? end : end - 1;
}

const ORDINAL_QUARTER: Record<string, number> = {
  first: 0,
  "1st": 0,
  second: 1,
  "2nd": 1,
  third: 2,
  "3rd": 2,
  fourth: 3,
  "4th": 3,
  final: 3,
  last: 3,
};

/** Ranges, nights and days, each a reader; where two match at one place the longer wins. */
const READERS: Reader[] = [
  // "the most since January 2012", "its steepest drop since October 1987": a comparison, no period for the number.
  {
    kind: "comparison",
    pattern: new RegExp(
      String.raw`(?<=\b(?:most|highest|lowest|biggest|largest|smallest|fastest|slowest|steepest|sharpest|worst|best|strongest|weakest|deadliest|first|(?<!\bat\s)least|fewest|hottest|coldest|wettest|driest|heaviest|longest|busiest|not\s+seen)\b[^.;:!?]{0,40}?)\bsince\s+(?:records\s+began|${DAY_OR_DATE}|${MONTH_NAME}(?:\s+\d{4})?|\d{4})\b`,
      "gi",
    ),
    read: () => ({}),
  },
  // "by Wednesday", "as of 12 March", "as on 31 December", "as of 3 p.m. Monday", "by Sunday night":
  // the end of a count, its start unsaid. "killed by Wednesday's landslide" names the landslide.
  {
    kind: "by",
    pattern: new RegExp(
      String.raw`\b(?:by|as\s+(?:of|on|at))\s+(?:the\s+end\s+of\s+)?(${TIMED_DAY})(?!['\u2019]s?\b)(?:\s+(?:night|${DAYPART})\b)?`,
      "gi",
    ),
    read(m, anchor, o) {
      const end = resolveDay(m[1], anchor, o.ahead());
      return end ? { endsOn: end } : undefined;
    },
  },
  // "as of this afternoon", "as of today", "as of Monday's count" aside: the dateline's day.
  {
    kind: "by",
    pattern: new RegExp(String.raw`\bas\s+(?:of|on|at)\s+(?:this\s+(?:${DAYPART})|today|tonight|now)\b`, "gi"),
    read: (_m, anchor) => ({ endsOn: anchor, relative: true }),
  },
  // "by the end of December", "by March 2026", "by the end of the year", "by the end of the fiscal".
  {
    kind: "by",
    pattern: new RegExp(
      String.raw`\bby\s+(?:the\s+end\s+of\s+)?(?:(${MONTH_NAME})(?:\s+(\d{4}))?|(?:the\s+)?(year|(?:current\s+)?(?:fiscal|financial)(?:\s+year)?)|(\d{4}))\b`,
      "gi",
    ),
    read(m, anchor, o) {
      if (m[1]) {
        const month = resolveMonth(
          m[1],
          anchor,
          m[2],
          o.ahead() || (/^by\s+the\s+end/i.test(m[0]) === false && !!m[2]),
        );
        return month ? { endsOn: month.end } : undefined;
      }
      if (m[3]) {
        const fiscal = /fiscal|financial/i.test(m[3]);
        return { endsOn: fiscal ? fiscalYearOf(anchor, o.fiscalStart).end : iso(yearOf(anchor), 11, 31) };
      }
      return { endsOn: iso(Number(m[4]), 11, 31) };
    },
  },
  // "the night of Friday to Saturday", "the night from 30 June to 1 July": one night, Friday's.
  {
    kind: "night",
    pattern: new RegExp(
      String.raw`\b(?:on\s+|during\s+)?(?:the\s+)?night\s+(?:of|from)\s+(${DAY_OR_DATE})\s+(?:to|into|until|and)\s+(${DAY_OR_DATE})`,
      "gi",
    ),
    read(m, anchor) {
      const second = resolveDay(m[2], anchor);
      const first = second && resolveDay(m[1], second);
      if (!first || !second) return undefined;
      if (second !== addDays(first, 1))
        return { problem: `"${m[0].trim()}" names two days that do not follow each other` };
      return days(first, first, true);
    },
  },
  // "the night of 30 June", "the night of Friday", "the night of Bastille Day": that evening's night.
  {
    kind: "night",
    pattern: new RegExp(String.raw`\b(?:on\s+|during\s+)?(?:the\s+)?night\s+of\s+(${DAY_OR_DATE})`, "gi"),
    read: (m, anchor) => {
      const first = resolveDay(m[1], anchor);
      return days(first, first, true);
    },
  },
  // "overnight into Saturday", "in the night to Saturday", "overnight into Wednesday, Aug. 9": the night before.
  {
    kind: "night",
    pattern: new RegExp(
      String.raw`\b(?:overnight\s+(?:into|to)|(?:in\s+|during\s+)?the\s+night\s+(?:to|into|before))\s+(${DAY_OR_DATE})`,
      "gi",
    ),
    read: (m, anchor) => {
      const morning = resolveDay(m[1], anchor);
      return morning ? days(addDays(morning, -1), addDays(morning, -1), true) : undefined;
    },
  },
  // "overnight Saturday", "Saturday overnight": the night into Saturday or the night of Saturday.
  {
    kind: "night",
    pattern: new RegExp(
      String.raw`\bovernight\s+(?:on\s+)?(${DAY_OR_DATE})|\b(?:on\s+)?(${DAY_OR_DATE})\s+overnight\b`,
      "gi",
    ),
    read: (m, anchor) => {
      const named = resolveDay(m[1] ?? m[2], anchor);
      if (!named) return undefined;
      return {
        span: { start: addDays(named, -1), end: addDays(named, -1), nights: true },
        alternatives: [{ start: named, end: named, nights: true }],
      };
    },
  },
  // "between Thursday and Saturday nights", "from Thursday to Saturday night".
  {
    kind: "night",
    pattern: new RegExp(
      String.raw`\b(?:between\s+(${DAY})\s+and\s+(${DAY})|(?:from\s+)?(${DAY})${TO}(${DAY}))\s+nights?\b`,
      "gi",
    ),
    read(m, anchor) {
      const end = resolveDay(m[2] ?? m[4], anchor);
      return days(end && resolveStart(m[1] ?? m[3], end), end, true);
    },
  },
  // "on Friday and Saturday nights", "on Thursday night", "last Tuesday night".
  {
    kind: "night",
    pattern: new RegExp(String.raw`\b(?:on\s+)?${LIST_START}(${DAYS_LIST})\s+nights?\b`, "gi"),
    read: (m, anchor) => dayList(m[1], anchor, true),
  },
  // "last night", "tonight", "overnight": the night before the dateline (or the statement's day).
  {
    kind: "night",
    pattern: /\b(last\s+night|tonight|overnight)\b/gi,
    read(m, anchor) {
      const evening = /^tonight$/i.test(m[1]) ? anchor : addDays(anchor, -1);
      return { ...days(evening, evening, true), relative: true };
    },
  },
  {
    kind: "range",
    pattern: new RegExp(
      String.raw`\bbetween\s+(${NUM})\s+and\s+(${NUM})\s+(?:of\s+)?(${MONTH})(${YEAR})|\b(?:from\s+)?(${NUM})${TO}(${NUM})\s+(?:of\s+)?(${MONTH})(${YEAR})`,
      "gi",
    ),
    read(m, anchor, o) {
      const [first, last, month, year] = m[1] !== undefined ? [m[1], m[2], m[3], m[4]] : [m[5], m[6], m[7], m[8]];
      const y = /\d{4}/.exec(year ?? "")?.[0];
      const end = monthDay(month, day(last), anchor, y ? Number(y) : undefined, o.ahead());
      return days(end && monthDay(month, day(first), end, y ? Number(y) : undefined), end);
    },
  },
  {
    kind: "range",
    pattern: new RegExp(
      String.raw`\bbetween\s+(${MONTH})\s+(${NUM})\s+and\s+(${NUM})\b(${YEAR})|\b(?:from\s+)?(${MONTH})\s+(${NUM})${TO}(${NUM})\b(${YEAR})`,
      "gi",
    ),
    read(m, anchor, o) {
      const [month, first, last, year] = m[1] !== undefined ? [m[1], m[2], m[3], m[4]] : [m[5], m[6], m[7], m[8]];
      const y = /\d{4}/.exec(year ?? "")?.[0];
      const end = monthDay(month, day(last), anchor, y ? Number(y) : undefined, o.ahead());
      return days(end && monthDay(month, day(first), end, y ? Number(y) : undefined), end);
    },
  },
  {
    kind: "range",
    pattern: new RegExp(
      String.raw`\bbetween\s+(${DAY_OR_DATE})\s+and\s+(${DAY_OR_DATE})|\b(?:from\s+)?(${DAY_OR_DATE})${TO}(${DAY_OR_DATE})`,
      "gi",
    ),
    read(m, anchor, o) {
      const end = resolveDay(m[2] ?? m[4], anchor, o.ahead());
      return days(end && resolveStart(m[1] ?? m[3], end), end);
    },
  },
  // "on Friday and Saturday": both days, one period if they follow each other.
  {
    kind: "range",
    pattern: new RegExp(String.raw`\b(?:on\s+)?(${DAY}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)${DAY})+)`, "gi"),
    read: (m, anchor, o) => dayList(m[1], anchor, false, o.ahead()),
  },
  // "over the weekend": the Saturday and Sunday before the dateline.
  {
    kind: "range",
    pattern: /\b(?:over|at|during)\s+the\s+weekend\b|\blast\s+weekend\b/gi,
    read(_m, anchor) {
      const sunday = lastWeekday("sunday", anchor);
      return days(addDays(sunday, -1), sunday);
    },
  },
  // Months: "in October", "in July 2024", "during March", "last month", "earlier this month".
  {
    kind: "range",
    pattern: new RegExp(
      String.raw`\b(?:in|during|for|throughout|over)\s+(?:the\s+month\s+of\s+)?(${MONTH_NAME})(?:,?\s+(\d{4}))?\b(?![-\u2013]\s*\w)`,
      "gi",
    ),
    read: (m, anchor, o) => spanRead(resolveMonth(m[1], anchor, m[2], o.ahead())),
  },
  {
    kind: "range",
    pattern: /\b(?:(so\s+far|earlier|later)\s+)?(this|last|next|previous)\s+month\b/gi,
    read(m, anchor) {
      const which = m[2].toLowerCase();
      const first = iso(yearOf(anchor), monthOf(anchor), 1);
      const end = monthEnd(yearOf(anchor), monthOf(anchor));
      if (which === "last" || which === "previous")
        return days(iso(yearOf(addDays(first, -1)), monthOf(addDays(first, -1)), 1), addDays(first, -1));
      if (which === "next") {
        const next = addDays(end, 1);
        return days(next, monthEnd(yearOf(next), monthOf(next)));
      }
      const when = m[1]?.toLowerCase().replace(/\s+/g, " ");
      if (when === "earlier") return days(first, addDays(anchor, -1));
      if (when === "later") return days(addDays(anchor, 1), end);
      return days(first, anchor);
    },
  },
  // Month ranges: "between January and March", "from June to August 2023", "the April-December period".
  {
    kind: "range",
    pattern: new RegExp(
      String.raw`\b(?:between|from)\s+(${MONTH_NAME})(?:\s+(\d{4}))?\s+(?:and|to|through|until)\s+(${MONTH_NAME})(?:,?\s+(\d{4}))?\b|\b(${MONTH_NAME})\s*[-\u2013]\s*(${MONTH_NAME})(?:\s+(\d{4}))?\b`,
      "gi",
    ),
    read(m, anchor, o) {
      const [a, ay, b, by] = m[1] ? [m[1], m[2], m[3], m[4]] : [m[5], undefined, m[6], m[7]];
      const end = resolveMonth(b, anchor, by ?? undefined, o.ahead());
      if (!end) return undefined;
      const start = resolveMonth(a, end.end, ay ?? undefined, false);
      return start && start.start <= end.start ? days(start.start, end.end) : undefined;
    },
  },
  // Years: "in 2023", "during 2022", "last year", "so far this year", "earlier this year".
  {
    kind: "range",
    pattern:
      /\b(?:in|during|for|throughout|over)\s+(?:the\s+(?:calendar\s+)?year\s+)?((?:19|20)\d{2})\b(?![-\u2013/]\d|['\u2019]s|\s*(?:crore|lakh|million|billion|people|votes))/gi,
    read: (m) => days(iso(Number(m[1]), 0, 1), iso(Number(m[1]), 11, 31)),
  },
  {
    kind: "range",
    pattern: /\b(?:(so\s+far|earlier|later)\s+)?(this|last|next|previous)\s+year\b/gi,
    read(m, anchor, o) {
      const which = m[2].toLowerCase();
      const y = yearOf(anchor) + (which === "last" || which === "previous" ? -1 : which === "next" ? 1 : 0);
      if (which !== "this") return days(iso(y, 0, 1), iso(y, 11, 31));
      const when = m[1]?.toLowerCase().replace(/\s+/g, " ");
      if (when === "earlier") return days(iso(y, 0, 1), addDays(anchor, -1));
      if (when === "later") return days(addDays(anchor, 1), iso(y, 11, 31));
      // "expects growth of 1.1% this year", "are expected to visit this year": the whole year, not its days so far.
      if (!when && o.ahead()) return days(iso(y, 0, 1), iso(y, 11, 31));
      return days(iso(y, 0, 1), anchor);
    },
  },
  // Weeks, Monday to Sunday: "last week", "this week", "earlier this week", "next week".
  {
    kind: "range",
    pattern: /\b(?:(so\s+far|earlier|later)\s+)?(this|last|next|previous)\s+week\b/gi,
    read(m, anchor, o) {
      const which = m[2].toLowerCase();
      const monday = mondayOf(anchor);
      if (which === "last" || which === "previous") return days(addDays(monday, -7), addDays(monday, -1));
      if (which === "next") return days(addDays(monday, 7), addDays(monday, 13));
      const when = m[1]?.toLowerCase().replace(/\s+/g, " ");
      if (when === "earlier") return days(monday, addDays(anchor, -1));
      if (when === "later") return days(addDays(anchor, 1), addDays(monday, 6));
      if (!when && o.ahead()) return days(monday, addDays(monday, 6));
      return days(monday, anchor);
    },
  },
  // "in the week to Sunday", "the week ending 3 March", "the seven days to Friday": seven days to that day.
  {
    kind: "range",
    pattern: new RegExp(
      String.raw`\b(?:the\s+)?(?:week|(${COUNT})\s+days)\s+(?:to|ending|ended|through|until)\s+(?:on\s+)?(${DAY_OR_DATE})`,
      "gi",
    ),
    read(m, anchor, o) {
      const end = resolveDay(m[2], anchor, o.ahead());
      const n = m[1] ? countOf(m[1]) : 7;
      return end && n > 0 ? days(addDays(end, 1 - n), end) : undefined;
    },
  },
  // Quarters of the calendar: "in the third quarter", "the first quarter of 2024".
  {
    kind: "range",
    pattern:
      /\b(?:the\s+)?(first|second|third|fourth|1st|2nd|3rd|4th|final|last)\s+quarter(?:\s+of\s+((?:19|20)\d{2})|,?\s+((?:19|20)\d{2}))?\b(?!\s+of\s+(?:the\s+)?(?:fiscal|financial|FY))/gi,
    read(m, anchor) {
      const q = ORDINAL_QUARTER[m[1].toLowerCase()];
      const year = m[2] ?? m[3];
      let y = year ? Number(year) : yearOf(anchor);
      if (!year && iso(y, q * 3, 1) > anchor) y -= 1;
      return days(iso(y, q * 3, 1), monthEnd(y, q * 3 + 2));
    },
  },
  // "in the three months to September", "the 12 months to February", "the year to June 2023".
  {
    kind: "range",
    pattern: new RegExp(
      String.raw`\b(?:the\s+)?(?:(${COUNT})\s+months|year|twelve\s+months)\s+(?:to|ending|ended|through|until)\s+(?:the\s+end\s+of\s+)?(${MONTH_NAME})(?:,?\s+(\d{4}))?\b`,
      "gi",
    ),
    read(m, anchor, o) {
      const end = resolveMonth(m[2], anchor, m[3], o.ahead());
      const n = m[1] ? countOf(m[1]) : 12;
      return end && n > 0 && n <= 24 ? spanRead(monthsTo(end, n)) : undefined;
    },
  },
  // "the first nine months of the fiscal", "the first half of 2024", "the first six months of the year".
  {
    kind: "range",
    pattern: new RegExp(
      String.raw`\b(?:the\s+)?first\s+(?:(${COUNT})\s+months|(half)|(quarter))\s+of\s+(?:the\s+)?(?:(current\s+)?(fiscal|financial\s+year)(?:\s+year)?|(year)|((?:19|20)\d{2}))\b`,
      "gi",
    ),
    read(m, anchor, o) {
      const n = m[1] ? countOf(m[1]) : m[2] ? 6 : 3;
      if (!(n > 0 && n <= 12)) return undefined;
      const first = m[5]
        ? fiscalYearOf(anchor, o.fiscalStart).start
        : m[7]
          ? iso(Number(m[7]), 0, 1)
          : iso(yearOf(anchor), 0, 1);
      const last = new Date(Date.UTC(yearOf(first), monthOf(first) + n, 0));
      return days(first, toIso(last));
    },
  },
  // Fiscal years as the desk writes them: "in 2025-26", "for the fiscal 2025-26", "FY26", "the 2024-25 financial year".
  {
    kind: "range",
    pattern: new RegExp(
      String.raw`(?:\b(?:in|for|during|of|over|throughout|from)\s+(?:the\s+)?(?:(?:fiscal|financial)\s+(?:year\s+)?|FY\s?)?|\b(?:the\s+)?(?:fiscal|financial)\s+(?:year\s+)?|\bFY\s?-?|\bthe\s+(?=\d{4}[-\u2013/]\d{2,4}\s+(?:fiscal|financial|budget|annual)))((?:19|20)\d{2})[-\u2013/](\d{2}|(?:19|20)\d{2})\b(?:\s+(?:fiscal|financial)(?:\s+year)?\b)?|\bFY\s?-?(\d{2}|(?:19|20)\d{2})\b`,
      "gi",
    ),
    read(m, _anchor, o) {
      const y = m[1] ? fiscalStartYear(m[1], m[2], o.fiscalStart) : fiscalStartYear(m[3], undefined, o.fiscalStart);
      return y === undefined ? undefined : spanRead(fiscalYear(y, o.fiscalStart));
    },
  },
  // "the current fiscal", "this fiscal year", "last fiscal", "the previous financial year", "the fiscal".
  {
    kind: "range",
    pattern:
      /\b(?:(?:the\s+)?(current|this|last|previous|next|coming)\s+(?:fiscal|financial\s+year)(?:\s+year)?|(?:of|in|for)\s+the\s+fiscal(?!\s+(?:year\s+)?\d|\s+(?:deficit|policy|year\s+\d)))\b/gi,
    read(m, anchor, o) {
      const which = (m[1] ?? "current").toLowerCase();
      const shift = which === "last" || which === "previous" ? -1 : which === "next" || which === "coming" ? 1 : 0;
      return spanRead(fiscalYearOf(anchor, o.fiscalStart, shift));
    },
  },
  {
    kind: "since",
    pattern: new RegExp(String.raw`\bsince\s+(${TIMED_DAY})`, "gi"),
    read: (m, anchor) => days(resolveDay(m[1], anchor), anchor),
  },
  // "since December": from that month's first day ("since August 2023" stays a date, not a figure's period).
  {
    kind: "since",
    pattern: new RegExp(String.raw`\bsince\s+(${MONTH_NAME})(?![\p{L}]|\s+\d)`, "giu"),
    read(m, anchor) {
      const month = resolveMonth(m[1], anchor, undefined, false);
      return month ? days(month.start, anchor) : undefined;
    },
  },
  // "since the floods began on Sunday", "since the fire swept into Lahaina on the afternoon of Aug. 8",
  // "since it came ashore on Thursday night": since that day.
  {
    kind: "since",
    pattern: new RegExp(
      String.raw`\bsince\s+(?:[A-Za-z\u00C0-\u024F'\u2019-]+\s+){1,5}?(?:began|begun|started|erupted|broke\s+out|struck|hit|arrived|made\s+landfall|came\s+ashore|swept|spread|tore|ripped|landed|opened|collapsed|was\s+declared)(?:\s+[A-Za-z\u00C0-\u024F'\u2019.-]+){0,3}?\s+(?:on\s+)?(${TIMED_DAY})(?:\s+night\b)?`,
      "gi",
    ),
    read: (m, anchor) => days(resolveDay(m[1], anchor), anchor),
  },
  // "counting from the first landslides on Thursday", "counted since Monday": a toll's own start.
  {
    kind: "since",
    pattern: new RegExp(
      String.raw`\bcount(?:ing|ed)\s+(?:from|since)\s+(?:[A-Za-z\u00C0-\u024F'\u2019-]+\s+){0,5}?(?:on\s+)?(${TIMED_DAY})(?:\s+night\b)?`,
      "gi",
    ),
    read: (m, anchor) => days(resolveDay(m[1], anchor), anchor),
  },
  {
    kind: "single",
    pattern: new RegExp(String.raw`\b(?:on\s+)?(${TIMED_DAY})`, "gi"),
    read(m, anchor, o) {
      const d = resolveDay(m[1], anchor, o.ahead() || /^from\s/i.test(m[0]));
      return days(d, d);
    },
  },
  // "from April 1", "from Monday": the day a change takes effect, ahead of a report.
  {
    kind: "single",
    pattern: new RegExp(String.raw`\bfrom\s+(${DAY_OR_DATE})(?!\s*(?:[-\u2013]|to\b|until\b|through\b|and\b))`, "gi"),
    read(m, anchor) {
      const d = resolveDay(m[1], anchor, true);
      return days(d, d);
    },
  },
  {
    kind: "relative",
    pattern: /\b(yesterday|today|this\s+(?:morning|afternoon|evening))\b/gi,
    read(m, anchor) {
      const d = m[1].toLowerCase() === "yesterday" ? addDays(anchor, -1) : anchor;
      return { ...days(d, d), relative: true };
    },
  },
];

/** Every period reader needs one of these: "day" is in every weekday, "yesterday" and "today". */
const MAY_NAME_A_DAY =
  /day|night|weekend|week|month|year|quarter|fiscal|financial|\bFY|\d{4}|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|christmas|easter|halloween|thanksgiving|morning|afternoon|evening/i;

/** A cut-off first: "by Sunday night" is the end of a count, not a count for that night. */
const PREFERENCE: PeriodPhrase["kind"][] = ["comparison", "by", "night", "range", "since", "single", "relative"];

/** Words that make a clause look ahead of the dateline: "will", "is expected to", "takes effect", "from". */
const FUTURE =
  /\b(?:will|won['\u2019]t|shall|would|(?:is|are)\s+(?:expected|forecast|projected|set|due|scheduled|slated|likely|poised|going|to)\b|expected\s+to|expects?\b|predicts?\b|forecast\s+to|forecasts?\b|projected\s+to|set\s+to|due\s+(?:to|on)|scheduled|plans?\s+to|planned|aims?\s+to|intends?\s+to|takes?\s+effect|comes?\s+into\s+force|upcoming|coming|effective|proposes?|propose)\b|['\u2019]ll\b/i;
/** A verb of the clause: where there is none ("… and 900 on Saturday"), a list item takes the tense of the clause before. */
const VERB =
  /\b(?:is|are|was|were|be|been|has|have|had|will|would|shall|did|does|do|can|could|may|might|must|[a-z]+ed|rose|fell|hit|stood|stands|saw|took|made|began|struck|left|grew|reached|spent|spends|pays|paid|says|said|cost|costs|put|set|got|ran|met|won|lost|came|went|brought|told|kept|takes|take|bring|cancel|close|reach)\b/i;
const CUT = /[;:]|\s(?:and|but|while|whereas)\s|,\s/g;

/**
 * Whether the words about a period look ahead of the dateline ("will cancel 1,300 flights on
 * Friday"): the clause before it back to the last verb, or, for a period that opens its clause,
 * the words after it. Bounded windows, so a long text stays linear.
 */
function looksAhead(text: string, at: number, stop: number): boolean {
  const from = Math.max(0, at - 160);
  const before = text.slice(from, at);
  const cuts = [0, ...[...before.matchAll(CUT)].map((m) => (m.index ?? 0) + m[0].length)];
  for (let k = cuts.length - 1; k >= 0; k--) {
    const clause = before.slice(cuts[k], k === cuts.length - 1 ? before.length : cuts[k + 1]);
    if (FUTURE.test(clause)) return true;
    if (VERB.test(clause)) return false;
  }
  const after = text.slice(stop, stop + 80).split(/[;:.]/)[0];
  return FUTURE.test(after) && !VERB.test(after.split(FUTURE)[0] ?? "");
}

export interface FindOptions {
  /** The month fiscal years start in, 0-based: 3 (April) unless the dateline line names another. */
  fiscalStart?: number;
}

/**
 * Every period a text names, in order, none overlapping, resolved against the source's dateline:
 * "between Sunday and Tuesday" in a report dated Wed 27 Nov 2024 is 2024-11-24 to 2024-11-26.
 * Where two readings overlap, the longer wins ("on Friday and Saturday nights" over "on Friday"),
 * and a count's words hold the day inside them ("since the fire swept in on Aug. 8").
 */
export function findPeriods(text: string, anchor: string, { fiscalStart = 3 }: FindOptions = {}): PeriodPhrase[] {
  // Most sentences name no day at all: one cheap look before the readers.
  if (!isIsoDate(anchor) || !MAY_NAME_A_DAY.test(text)) return [];
  const found: PeriodPhrase[] = [];
  for (const { kind, pattern, read } of READERS) {
    pattern.lastIndex = 0;
    for (const m of text.matchAll(pattern)) {
      const lead = m[0].length - m[0].trimStart().length;
      const at = (m.index ?? 0) + lead;
      const stop = (m.index ?? 0) + m[0].trimEnd().length;
      let ahead: boolean | undefined;
      const r = read(m as RegExpExecArray, anchor, {
        ahead: () => (ahead ??= looksAhead(text, at, stop)),
        fiscalStart,
      });
      if (!r) continue;
      found.push({
        at,
        stop,
        text: text.slice(at, stop),
        kind,
        span: r.span,
        alternatives: r.alternatives ?? [],
        problem: r.problem,
        endsOn: r.endsOn,
        relative: r.relative ?? false,
      });
    }
  }
  found.sort((a, b) => a.at - b.at || b.stop - a.stop);
  const chosen: PeriodPhrase[] = [];
  const holds = (p: PeriodPhrase) => p.kind === "since" || p.kind === "by" || p.kind === "comparison";
  for (const phrase of found) {
    const last = chosen[chosen.length - 1];
    if (last && phrase.at < last.stop) {
      // A count's words hold the day inside them; else a night or range over a day inside it
      // ("on November 24-26"); else the longer.
      if (holds(last) && phrase.stop <= last.stop && !holds(phrase)) continue;
      const rank = (p: PeriodPhrase) => PREFERENCE.indexOf(p.kind);
      if (rank(phrase) < rank(last) || (rank(phrase) === rank(last) && phrase.stop - phrase.at > last.stop - last.at))
        chosen[chosen.length - 1] = phrase;
      continue;
    }
    chosen.push(phrase);
  }
  return chosen;
}

/**
 * The period a short text (a quote) names: a range before a single day it contains, else the first
 * period named. Returns undefined when the text names none.
 */
export function findPeriod(text: string, anchor: string, options: FindOptions = {}): Period | undefined {
  const phrases = findPeriods(text, anchor, options).filter((p) => p.span);
  for (const kind of PREFERENCE) {
    const phrase = phrases.find((p) => p.kind === kind || (kind === "range" && p.kind === "night"));
    if (phrase) return { start: phrase.span!.start, end: phrase.span!.end, text: phrase.text };
  }
  return undefined;
}
