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
  kind: "by" | "night" | "range" | "since" | "single" | "relative";
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

const day = (n: string) => Number(n.replace(/\D+$/, ""));
const DAYS_LIST = String.raw`${DAY}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)${DAY})*`;
/**
 * Not a day inside a list: a list is read from its first day only. Without it a list that does not
 * end in "nights" was tried again from each of its days, each try reading to its end: quadratic in a
 * run of "Friday and Friday and …".
 */
const LIST_START = String.raw`(?<!${DAY}(?:\s*,\s*(?:and\s+)?|\s+and\s+))`;

type Read = { span?: Span; alternatives?: Span[]; problem?: string; endsOn?: string };
type Reader = {
  kind: PeriodPhrase["kind"];
  pattern: RegExp;
  read: (m: RegExpExecArray, anchor: string) => Read | undefined;
};

const days = (start: string | undefined, end: string | undefined, nights = false): Read | undefined =>
  start && end && end >= start ? { span: { start, end, nights } } : undefined;

/** Weekdays listed together ("Friday and Saturday"): one period if they follow each other, else none. */
function dayList(words: string, anchor: string, nights: boolean): Read | undefined {
  const names = words.match(new RegExp(DAY, "gi")) ?? [];
  const last = lastWeekday(names[names.length - 1], anchor);
  const resolved = names.map((name) => lastWeekday(name, last));
  for (let i = 1; i < resolved.length; i++) {
    if (resolved[i] <= resolved[i - 1]) resolved[i] = addDays(resolved[i], 7); // "Saturday and Sunday" wraps no week
  }
  const start = resolved[0];
  const consecutive = resolved.every((d, i) => i === 0 || d === addDays(resolved[i - 1], 1));
  if (!consecutive)
    return {
      problem: `"${words}" names ${names.length} ${nights ? "nights" : "days"} that do not follow each other, not one period`,
    };
  return days(start, resolved[resolved.length - 1], nights);
}

/** Ranges, nights and days, each a reader; where two match at one place the longer wins. */
const READERS: Reader[] = [
  // "by Wednesday", "as of 12 March", "by Sunday night": the end of a count, its start unsaid.
  // "killed by Wednesday's landslide" names the landslide, not a cut-off.
  {
    kind: "by",
    pattern: new RegExp(
      String.raw`\b(?:by|as\s+of)\s+(?:the\s+end\s+of\s+)?(${DAY_OR_DATE})(?!['\u2019]s?\b)(?:\s+(?:night|evening|morning|afternoon)\b)?`,
      "gi",
    ),
    read(m, anchor) {
      const end = resolveDay(m[1], anchor);
      return end ? { endsOn: end } : undefined;
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
  // "the night of 30 June", "the night of Friday": that evening's night.
  {
    kind: "night",
    pattern: new RegExp(String.raw`\b(?:on\s+|during\s+)?(?:the\s+)?night\s+of\s+(${DAY_OR_DATE})`, "gi"),
    read: (m, anchor) => {
      const first = resolveDay(m[1], anchor);
      return days(first, first, true);
    },
  },
  // "overnight into Saturday", "in the night to Saturday": the night before Saturday.
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
  // "on Friday and Saturday nights", "on Thursday night".
  {
    kind: "night",
    pattern: new RegExp(String.raw`\b(?:on\s+)?${LIST_START}(${DAYS_LIST})\s+nights?\b`, "gi"),
    read: (m, anchor) => dayList(m[1], anchor, true),
  },
  // "on the night of 30 June" is above; "last night", "tonight", "overnight".
  {
    kind: "night",
    pattern: /\b(last\s+night|tonight|overnight)\b/gi,
    read(m, anchor) {
      const evening = /^tonight$/i.test(m[1]) ? anchor : addDays(anchor, -1);
      return days(evening, evening, true);
    },
  },
  {
    kind: "range",
    pattern: new RegExp(
      String.raw`\bbetween\s+(${NUM})\s+and\s+(${NUM})\s+(?:of\s+)?(${MONTH})(${YEAR})|\b(?:from\s+)?(${NUM})${TO}(${NUM})\s+(?:of\s+)?(${MONTH})(${YEAR})`,
      "gi",
    ),
    read(m, anchor) {
      const [first, last, month, year] = m[1] !== undefined ? [m[1], m[2], m[3], m[4]] : [m[5], m[6], m[7], m[8]];
      const y = /\d{4}/.exec(year ?? "")?.[0];
      const end = monthDay(month, day(last), anchor, y ? Number(y) : undefined);
      return days(end && monthDay(month, day(first), end, y ? Number(y) : undefined), end);
    },
  },
  {
    kind: "range",
    pattern: new RegExp(
      String.raw`\bbetween\s+(${MONTH})\s+(${NUM})\s+and\s+(${NUM})\b(${YEAR})|\b(?:from\s+)?(${MONTH})\s+(${NUM})${TO}(${NUM})\b(${YEAR})`,
      "gi",
    ),
    read(m, anchor) {
      const [month, first, last, year] = m[1] !== undefined ? [m[1], m[2], m[3], m[4]] : [m[5], m[6], m[7], m[8]];
      const y = /\d{4}/.exec(year ?? "")?.[0];
      const end = monthDay(month, day(last), anchor, y ? Number(y) : undefined);
      return days(end && monthDay(month, day(first), end, y ? Number(y) : undefined), end);
    },
  },
  {
    kind: "range",
    pattern: new RegExp(
      String.raw`\bbetween\s+(${DAY_OR_DATE})\s+and\s+(${DAY_OR_DATE})|\b(?:from\s+)?(${DAY_OR_DATE})${TO}(${DAY_OR_DATE})`,
      "gi",
    ),
    read(m, anchor) {
      const end = resolveDay(m[2] ?? m[4], anchor);
      return days(end && resolveStart(m[1] ?? m[3], end), end);
    },
  },
  // "on Friday and Saturday": both days, one period if they follow each other.
  {
    kind: "range",
    pattern: new RegExp(String.raw`\b(?:on\s+)?(${DAY}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)${DAY})+)`, "gi"),
    read: (m, anchor) => dayList(m[1], anchor, false),
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
  {
    kind: "since",
    pattern: new RegExp(String.raw`\bsince\s+(${DAY_OR_DATE})`, "gi"),
    read: (m, anchor) => days(resolveDay(m[1], anchor), anchor),
  },
  // "since the floods began on Sunday", "since protests broke out on 24 November": since that day.
  {
    kind: "since",
    pattern: new RegExp(
      String.raw`\bsince\s+(?:[A-Za-z\u00C0-\u024F'\u2019-]+\s+){1,5}?(?:began|started|erupted|broke\s+out|struck|hit|arrived|made\s+landfall)\s+(?:on\s+)?(${DAY_OR_DATE})`,
      "gi",
    ),
    read: (m, anchor) => days(resolveDay(m[1], anchor), anchor),
  },
  {
    kind: "single",
    pattern: new RegExp(String.raw`\b(?:on\s+)?(${DAY_OR_DATE})`, "gi"),
    read(m, anchor) {
      const d = resolveDay(m[1], anchor);
      return days(d, d);
    },
  },
  {
    kind: "relative",
    pattern: /\b(yesterday|today)\b/gi,
    read(m, anchor) {
      const d = m[1].toLowerCase() === "today" ? anchor : addDays(anchor, -1);
      return days(d, d);
    },
  },
];

/** Every period reader needs one of these: "day" is in every weekday, "yesterday" and "today". */
const MAY_NAME_A_DAY = /day|night|weekend|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i;

/** A cut-off first: "by Sunday night" is the end of a count, not a count for that night. */
const PREFERENCE: PeriodPhrase["kind"][] = ["by", "night", "range", "since", "single", "relative"];

/**
 * Every period a text names, in order, none overlapping, resolved against the source's dateline:
 * "between Sunday and Tuesday" in a report dated Wed 27 Nov 2024 is 2024-11-24 to 2024-11-26.
 * Where two readings overlap, the longer wins ("on Friday and Saturday nights" over "on Friday").
 */
export function findPeriods(text: string, anchor: string): PeriodPhrase[] {
  // Most sentences name no day at all: one cheap look before fifteen readers.
  if (!isIsoDate(anchor) || !MAY_NAME_A_DAY.test(text)) return [];
  const found: PeriodPhrase[] = [];
  for (const { kind, pattern, read } of READERS) {
    pattern.lastIndex = 0;
    for (const m of text.matchAll(pattern)) {
      const r = read(m as RegExpExecArray, anchor);
      if (!r) continue;
      const lead = m[0].length - m[0].trimStart().length;
      const at = (m.index ?? 0) + lead;
      const stop = (m.index ?? 0) + m[0].trimEnd().length;
      found.push({
        at,
        stop,
        text: text.slice(at, stop),
        kind,
        span: r.span,
        alternatives: r.alternatives ?? [],
        problem: r.problem,
        endsOn: r.endsOn,
      });
    }
  }
  found.sort((a, b) => a.at - b.at || b.stop - a.stop);
  const chosen: PeriodPhrase[] = [];
  for (const phrase of found) {
    const last = chosen[chosen.length - 1];
    if (last && phrase.at < last.stop) {
      // Overlapping: a night or range over a day inside it ("on November 24-26"), else the longer.
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
export function findPeriod(text: string, anchor: string): Period | undefined {
  const phrases = findPeriods(text, anchor).filter((p) => p.span);
  for (const kind of PREFERENCE) {
    const phrase = phrases.find((p) => p.kind === kind || (kind === "range" && p.kind === "night"));
    if (phrase) return { start: phrase.span!.start, end: phrase.span!.end, text: phrase.text };
  }
  return undefined;
}
