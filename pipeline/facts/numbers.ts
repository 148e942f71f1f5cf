import type { Fraction } from "./figure.ts";

/**
 * Every number a text states, as a copy editor would read it: a count or a measure (a figure), or a
 * year, a date, an age, a clock time, an ordinal or a label ("Article 370"), which are numbers but
 * not figures. A number is read whole: "20 000", "2.5m", "half a million", "between 900 and 1,200"
 * and "−5" are one number each, never their pieces. Never throws; linear in the text.
 */

/**
 * "modifier": a number that describes a thing rather than counting it (a two-day session, a 9mm
 * handgun, a 3-1 win, the Boeing 737); "period": part of the words for a
 * period ("the next two years", "the three months to August", "the highest in 25 years").
 */
export type NumberKind = "figure" | "year" | "date" | "age" | "time" | "ordinal" | "label" | "modifier" | "period";

export interface NumberToken {
  kind: NumberKind;
  /** Where the number's words are: sign, currency, suffix and percent sign included, qualifier not. */
  start: number;
  end: number;
  text: string;
  /** The value; for a range, its low end; for a fraction, its quotient (see `fraction`). */
  value: number;
  fraction: Fraction | null;
  /** A range read as one figure: "between 900 and 1,200", "300-400", "four or five". */
  range: { low: number; high: number } | null;
  /** The words that state a fraction ("a third", "one in five"); "" otherwise. */
  valueWords: string;
  /** "%", "percentage points", a currency as written ("$", "Rs"), a unit glued on ("km"); "" otherwise. */
  unit: string;
  /** Written in words ("four", "a dozen") rather than digits. */
  spelled: boolean;
  /**
   * Numbers a careless row could take out of this one: the 20 and 0 of "20 000", the 2.5 of
   * "2.5m", the million of "half a million", the ends of a range.
   */
  pieces: number[];
}

type WordKind = "unit" | "teen" | "tens" | "hundred" | "dozen" | "scale";

const NUMBER_WORDS: Record<string, [WordKind, number]> = {
  zero: ["unit", 0],
  one: ["unit", 1],
  two: ["unit", 2],
  three: ["unit", 3],
  four: ["unit", 4],
  five: ["unit", 5],
  six: ["unit", 6],
  seven: ["unit", 7],
  eight: ["unit", 8],
  nine: ["unit", 9],
  ten: ["teen", 10],
  eleven: ["teen", 11],
  twelve: ["teen", 12],
  thirteen: ["teen", 13],
  fourteen: ["teen", 14],
  fifteen: ["teen", 15],
  sixteen: ["teen", 16],
  seventeen: ["teen", 17],
  eighteen: ["teen", 18],
  nineteen: ["teen", 19],
  twenty: ["tens", 20],
  thirty: ["tens", 30],
  forty: ["tens", 40],
  fifty: ["tens", 50],
  sixty: ["tens", 60],
  seventy: ["tens", 70],
  eighty: ["tens", 80],
  ninety: ["tens", 90],
  hundred: ["hundred", 100],
  dozen: ["dozen", 12],
  thousand: ["scale", 1e3],
  lakh: ["scale", 1e5],
  lakhs: ["scale", 1e5],
  million: ["scale", 1e6],
  crore: ["scale", 1e7],
  crores: ["scale", 1e7],
  billion: ["scale", 1e9],
  trillion: ["scale", 1e12],
};

/** Scales after digits, in words or as the suffixes headlines use ("20k", "2.5m", "$3bn"). */
const SCALES: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  lakh: 1e5,
  lakhs: 1e5,
  million: 1e6,
  m: 1e6,
  mn: 1e6,
  crore: 1e7,
  crores: 1e7,
  cr: 1e7,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
  tr: 1e12,
  trn: 1e12,
  // Indian copy counts large sums in crores of lakhs: "Rs 11.21 lakh crore" is 11.21 × 10^12.
  "lakh crore": 1e12,
  "lakh crores": 1e12,
  "thousand crore": 1e10,
  "thousand crores": 1e10,
  "hundred crore": 1e9,
};

const SMALL_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
/** The parts of a whole in words: "third" and "thirds" are both 3. */
const PARTS: Record<string, number> = {
  half: 2,
  halves: 2,
  third: 3,
  thirds: 3,
  quarter: 4,
  quarters: 4,
  fifth: 5,
  fifths: 5,
  sixth: 6,
  sixths: 6,
  seventh: 7,
  sevenths: 7,
  eighth: 8,
  eighths: 8,
  ninth: 9,
  ninths: 9,
  tenth: 10,
  tenths: 10,
};

const WORD = Object.keys(NUMBER_WORDS)
  .sort((a, b) => b.length - a.length)
  .join("|");
const MONTH = String.raw`(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?(?![\p{L}])`;
const DAY_NUMBER = String.raw`\d{1,2}(?:st|nd|rd|th)?`;
// Thousands grouped by commas ("20,000"), the South Asian way ("10,00,000") or by spaces ("20 000").
const DIGITS = String.raw`(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d{1,3}(?:[ \u00A0\u202F\u2009]\d{3})+(?!\d)|\d+)(?:\.\d+)?(?!\d|[.,]\d)`;
// "Rs 1,200-crore project" and "$2-million budget" write the scale with a hyphen.
const SUFFIX = String.raw`(?:(?:k|mn|m|bn|b|tn|trn|tr|cr)(?![\p{L}\p{N}])|\s(?:bn|mn|tn|trn|tr)(?![\p{L}])|(?:\s+|-)(?:(?:lakh|thousand|hundred)\s+crores?|thousand|million|billion|trillion|lakhs?|crores?)(?![\p{L}]))`;
const CURRENCY = String.raw`(?:US\$|A\$|C\$|\$|£|€|₹|¥|Rs\.?\s?|PKR\s?|INR\s?|USD\s?|EUR\s?|GBP\s?)`;
const PERCENT = String.raw`(?:\s?%|\s?per\s?cent(?![\p{L}])|\s?percent(?![\p{L}])|\s+percentage\s+points?(?![\p{L}]))`;
const SMALL = `(?:an?|${SMALL_WORDS.join("|")})`;
const PART = Object.keys(PARTS).join("|");
const MAGNITUDE = "(?:thousand|million|billion|lakh|crore|dozen|hundred)";
// Not inside a word or number: "G7", "COVID-19", "1.6.2" and "F-16" state no number.
const FREE = String.raw`(?<![\p{L}\p{N}_.,]|[\p{L}\p{N}][-–/])`;

const ALTERNATIVES: [string, string][] = [
  // Clock times: "1:30 a.m.", "10pm", "22:00", "1.30am", "9 o'clock".
  [
    "time",
    String.raw`${FREE}(?<time>\d{1,2}[:.]\d{2}\s*[ap]\.?\s?m\.?(?![\p{L}])|\d{1,2}:\d{2}(?![\d])|\d{1,2}\s*[ap]\.?m\.?(?![\p{L}])|\d{1,2}\s+o['’]clock)`,
  ],
  // Dates: "2024-11-24", "24/11/2024", "24 November", "24-26 November 2024", "Nov. 24", "August 2023".
  ["iso", String.raw`${FREE}(?<iso>\d{4}-\d{2}-\d{2}(?!\d)|\d{1,2}/\d{1,2}/\d{2,4}(?!\d))`],
  [
    "dayMonth",
    String.raw`${FREE}(?<dayMonth>${DAY_NUMBER}(?:\s*(?:-|–|—|to|and)\s*${DAY_NUMBER})?\s+(?:of\s+)?(?<m1>${MONTH})(?:,?\s+\d{4}(?!\d))?)`,
  ],
  [
    "monthDay",
    String.raw`(?<![\p{L}])(?<monthDay>(?<m2>${MONTH})\s+(?:${DAY_NUMBER}(?:\s*[-–]\s*${DAY_NUMBER})?(?![\d,]\d|\s*%)(?:,?\s+\d{4}(?!\d))?|\d{4}(?!\d)))`,
  ],
  // Ages: "17-year-old", "aged 17", "17 years old", "a seventeen-year-old".
  [
    "age",
    String.raw`${FREE}(?<age>\d{1,3}[-\s](?:years?|months?)[-\s]olds?(?![\p{L}])|\d{1,3}\s+years\s+old(?![\p{L}])|(?:${WORD})(?:-(?:${WORD}))?-(?:years?|months?)-olds?(?![\p{L}]))`,
  ],
  // "aged 17", "aged 6 and 9", "aged 40 to 69": every number of it an age.
  [
    "aged",
    String.raw`(?<![\p{L}])(?<aged>aged\s+(?:about\s+|around\s+|between\s+)?\d{1,3}(?:\s*(?:,|and|or|to|-|–)\s*\d{1,3})*(?!\d|[.,]\d))`,
  ],
  // Ordinals: "2nd", "21st".
  ["ordinal", String.raw`${FREE}(?<ordinal>\d+(?:st|nd|rd|th)(?![\p{L}]))`],
  // Fractions of a percentage point: "half a percentage point" is 0.5 of one.
  [
    "point",
    String.raw`(?<![\p{L}])(?<point>(?:half|a\s+quarter|three[\s-]quarters)\s+(?:of\s+)?an?\s+percentage\s+point)(?![\p{L}])`,
  ],
  // Fractions of a magnitude: "half a million", "a quarter of a million", "one and a half million".
  [
    "magnitude",
    String.raw`(?<![\p{L}])(?<magnitude>(?:half\s+an?|(?:a|one|three)[\s-]+quarters?\s+of\s+an?|an?\s+(?:half|quarter)|(?:one|a|\d{1,3})\s+and\s+a\s+half)[\s-]+${MAGNITUDE}(?![\p{L}])|an?\s+${MAGNITUDE}\s+and\s+a\s+half(?![\p{L}]))`,
  ],
  // Shares: "a third", "two-thirds", "half", "one in five", "nine out of 10".
  [
    "share",
    String.raw`(?<![\p{L}\p{N}])(?<share>${SMALL}[\s-]+(?:${PART})|half|(?:${SMALL_WORDS.join("|")}|\d{1,3})\s+(?:in|out\s+of)\s+(?:every\s+)?(?:${SMALL_WORDS.join("|")}|\d{1,4}))(?![\p{L}\p{N}-])`,
  ],
  // Digits: a sign, a currency, the number, a scale or suffix, a second number for a range, a percent sign.
  [
    "digits",
    String.raw`${FREE}(?<digits>(?<sign>(?<![\p{L}\p{N}])(?:[-−+]|minus\s+)(?=[\d$£€₹]))?(?<cur>${CURRENCY})?(?<d1>${DIGITS})(?<s1>${SUFFIX})?(?:(?<dash>\s?[-–—]\s?)(?<d2>${DIGITS})(?<s2>${SUFFIX})?)?(?<pct>${PERCENT})?)`,
  ],
  // Words: "twenty-five thousand", "a dozen", "one hundred and twelve".
  [
    "words",
    String.raw`(?<![\p{L}\p{N}])(?<words>(?:an?\s+)?(?:${WORD})(?:(?:\s+and\s+|[\s-]+)(?:${WORD}))*)(?![\p{L}])(?<wpct>${PERCENT})?`,
  ],
];

const NUMBER = new RegExp(ALTERNATIVES.map(([, source]) => source).join("|"), "giu");
/** The same without dates and shares: what to read where a date or a share was a false start ("10 march", "a fifth night"). */
const PLAIN = new RegExp(
  ALTERNATIVES.filter(([name]) => !["iso", "dayMonth", "monthDay", "share"].includes(name))
    .map(([, source]) => source)
    .join("|"),
  "giuy",
);

/** Words that stand before a number that names a thing rather than counting it: "Article 370", "Route 66". */
const LABELS =
  /(?:^|[^\p{L}])(?:Article|Section|No\.?|Number|Route|Flight|Chapter|Paragraph|Resolution|Room|Gate|Platform|Highway|Road|Sector|Block|Phase|Grade|Class|Category|Lane|Street|District|Ward|Terminal|Channel|Camp|Battalion|Brigade|Division|Regiment|Precinct|Zone|Exit|Junction|Volume|Act|Bill|Rule|Clause|Schedule|Level|Stage|Round|Game|Match|Episode|Season|Page|Vol\.)\s+$/u;
/** Words before a four-digit number that make it a year: "in 2022", "since 1999", "the 2024 election". */
const YEAR_BEFORE =
  /(?:['’]s\s+$)|(?:^|[^\p{L}])(?:in|since|until|till|by|from|during|before|after|early|late|mid|of|to|through|and|or|the|this|last|next|year|fiscal|spring|summer|autumn|fall|winter|january|february|march|april|may|june|july|august|september|october|november|december)[\s-]+$/iu;
/** Plural nouns after a four-digit number that still make it a year ("the 2019 elections"). */
const YEAR_NOUNS =
  /^(?:elections|polls|games|olympics|riots|protests|floods|talks|accords|budgets?|census|season|world)$/iu;
/** Plural nouns without an s: "2000 people" counts people. */
const PLURALS = /^(?:people|police|personnel|children|men|women|staff|troops|cattle|sheep|feet|youth|militia|crew)$/iu;
/** Words after "a third", "a fifth" that make it a share; otherwise it is an ordinal ("a fifth night"). */
const SHARE_FOLLOWERS = new Set(
  "of were was are is had have has said say says the these those them its their his her our all or and to voted went did do remain remained came come live lived died held work worked support supported oppose opposed believe believed would could will may might should must can also now still".split(
    " ",
  ),
);
/** Verbs of change: "rose from 300 to 400" states two figures, not a range. */
const CHANGE =
  /(?:^|[^\p{L}])(?:rose|risen|rises?|rising|increased?|increasing|climbed|jumped|grew|grown|grows?|fell|fallen|falls?|falling|dropped|declined|decreased|went\s+(?:up|down)|cut|cuts|raised?|raises|raising|lift(?:s|ed)?|boost(?:s|ed)?|hike[sd]?|slash(?:es|ed)?|trim(?:s|med)?|expand(?:s|ed)?|narrow(?:s|ed)?|widen(?:s|ed)?|shr[iau]nk|lowered|doubled|halved|revised|reduced?|soared|surged|plunged|slumped|up|down)\s+(?:\p{L}+\s+){0,3}from\s+$/iu;
/** "fell by 1,000 to 209,000": a change and where it ended, two figures. */
const BY = /(?:^|[^\p{L}])by\s+$/iu;

interface Raw extends NumberToken {
  /** The scale a suffix or scale word gave the number (2.5m: 1e6); 1 without one. */
  scale: number;
}

const token = (
  t: Omit<Raw, "text" | "pieces" | "fraction" | "range" | "valueWords" | "unit" | "spelled" | "scale"> & Partial<Raw>,
  text: string,
): Raw => ({
  fraction: null,
  range: null,
  valueWords: "",
  unit: "",
  spelled: false,
  pieces: [],
  scale: 1,
  ...t,
  text: text.slice(t.start, t.end),
});

/** "1.6 million" is 1600000, not 1600000.0000000002; and -0 is 0. */
function roundFloat(value: number): number {
  return Number(value.toPrecision(15)) + 0;
}

const small = (word: string) =>
  /^\d+$/.test(word) ? Number(word) : /^an?$/i.test(word) ? 1 : SMALL_WORDS.indexOf(word.toLowerCase()) + 1;

function digitValue(digits: string): number {
  return Number(digits.replace(/[,\s\u00A0\u202F\u2009]/g, ""));
}

/** The groups of "20 000" (20 and 0): pieces no row may take. */
function groups(digits: string): number[] {
  return /\s/.test(digits) ? digits.split(/[\s\u00A0\u202F\u2009]/).map(Number) : [];
}

function scaleOf(suffix: string | undefined, currency: string | undefined, after: string): number | undefined {
  if (!suffix) return 1;
  const word = suffix.trim().toLowerCase().replace(/^-/, "").replace(/\s+/g, " ");
  // "b" alone is a billion only after a currency ("$3b"); "3b" is a flat or a grade.
  if (word === "b" && !currency) return undefined;
  // "m" glued to a number is a million in news copy ("2.5m people"), metres before a measure word ("a 2.5m wall").
  if (
    word === "m" &&
    !currency &&
    /^\s*(?:high|tall|long|wide|deep|away|above|below|sprint|race|hurdles|freestyle)(?![\p{L}])/iu.test(after)
  )
    return undefined;
  return SCALES[word] ?? 1;
}

/** Tokens for one match of NUMBER, or undefined when the match was a false start (a lower-case month, an ordinal "a third"). */
function readMatch(m: RegExpExecArray, text: string): Raw[] | undefined {
  const g = m.groups!;
  const at = m.index;
  const end = at + m[0].length;
  const after = text.slice(end, end + 30);
  const before = text.slice(Math.max(0, at - 30), at);
  if (g.time !== undefined)
    return [token({ kind: "time", start: at, end, value: Number(/\d+/.exec(g.time)![0]) }, text)];
  if (g.iso !== undefined) return [token({ kind: "date", start: at, end, value: Number(/\d+/.exec(g.iso)![0]) }, text)];
  if (g.dayMonth !== undefined || g.monthDay !== undefined) {
    // Month names are capitalised: "10 march" and "may 20" are a verb and a number.
    if (!/^\p{Lu}/u.test(g.m1 ?? g.m2)) return undefined;
    return [token({ kind: "date", start: at, end, value: Number(/\d+/.exec(m[0])![0]) }, text)];
  }
  if (g.age !== undefined || g.aged !== undefined) {
    const digits = /\d+/.exec(m[0]);
    const value = digits ? Number(digits[0]) : (wordNumbers(m[0])[0]?.value ?? 0);
    return [token({ kind: "age", start: at, end, value }, text)];
  }
  if (g.ordinal !== undefined)
    return [token({ kind: "ordinal", start: at, end, value: Number(/\d+/.exec(g.ordinal)![0]) }, text)];
  if (g.point !== undefined) {
    const words = g.point.toLowerCase();
    const value = /three/.test(words) ? 0.75 : /quarter/.test(words) ? 0.25 : 0.5;
    return [token({ kind: "figure", start: at, end, value, spelled: true, unit: "percentage points" }, text)];
  }
  if (g.magnitude !== undefined) {
    const words = g.magnitude.toLowerCase().replace(/[\s-]+/g, " ");
    const scale = NUMBER_WORDS[/(\w+)(?: and a half)?$/.exec(words)![1]][1];
    let share = 0.5;
    if (/quarter/.test(words)) share = /three/.test(words) ? 0.75 : 0.25;
    const lead = /^(\d+|one|a) and a half/.exec(words);
    if (lead) share = (/^\d/.test(lead[1]) ? Number(lead[1]) : 1) + 0.5;
    if (/^an? \w+ and a half$/.test(words)) share = 1.5;
    return [
      token(
        { kind: "figure", start: at, end, value: roundFloat(share * scale), spelled: true, pieces: [scale], scale },
        text,
      ),
    ];
  }
  if (g.share !== undefined) {
    const words = g.share
      .toLowerCase()
      .replace(/[\s-]+/g, " ")
      .split(" ");
    let numerator: number;
    let denominator: number;
    // "the first half of the year" is a period, not a share.
    if (words[0] === "half" && /(?:first|second|latter|former|final|opening|closing)\s+$/iu.test(before))
      return undefined;
    if (words[0] === "half") [numerator, denominator] = [1, 2];
    else if (words[1] === "in" || words[1] === "out") {
      // "303 in 2019" is a number in a year, not a share.
      if (words[1] === "in" && /^(?:1[89]|20)\d{2}$/.test(words[words.length - 1])) return undefined;
      numerator = small(words[0]);
      denominator = small(words[words.length - 1]);
    } else {
      numerator = small(words[0]);
      denominator = PARTS[words[1]];
      const singular = !/s$/.test(words[1]);
      const next = /^\s*([\p{L}]+)/u.exec(after)?.[1];
      // "a fifth night of unrest" is an ordinal, "a third of those arrested" a share.
      if (singular && next && /^\p{Ll}/u.test(next) && !SHARE_FOLLOWERS.has(next)) return undefined;
    }
    if (!(numerator >= 1 && denominator >= 2 && numerator < denominator)) return undefined;
    return [
      token(
        {
          kind: "figure",
          start: at,
          end,
          value: numerator / denominator,
          fraction: { numerator, denominator },
          valueWords: g.share.toLowerCase().replace(/\s+/g, " "),
          spelled: true,
        },
        text,
      ),
    ];
  }
  if (g.digits !== undefined) {
    const negative = g.sign === "-" || g.sign === "−" || /^minus/i.test(g.sign ?? "");
    const unit = g.pct ? (/points?/i.test(g.pct) ? "percentage points" : "%") : (g.cur?.trim() ?? "");
    const afterFirst = text.slice(at + m[0].indexOf(g.d1) + g.d1.length + (g.s1?.length ?? 0));
    const s1 = scaleOf(g.s1, g.cur, g.d2 === undefined ? after : afterFirst);
    if (s1 === undefined) {
      // The suffix is not a scale ("3b", "2.5m wall"): the number ends before it.
      const stop = at + m[0].indexOf(g.d1) + g.d1.length;
      return [
        token(
          {
            kind: "figure",
            start: at,
            end: stop,
            value: roundFloat((negative ? -1 : 1) * digitValue(g.d1)),
            unit: g.cur?.trim() ?? "",
          },
          text,
        ),
      ];
    }
    const first = roundFloat((negative ? -1 : 1) * digitValue(g.d1) * s1);
    const pieces = [...groups(g.d1), ...(s1 !== 1 ? [digitValue(g.d1)] : []), ...(negative ? [-first] : [])];
    if (g.d2 === undefined) {
      const raw = token({ kind: "figure", start: at, end, value: first, unit, pieces, scale: s1 }, text);
      return [classify(raw, g.d1, before, after)];
    }
    // "2023-24" is a fiscal year; "300-400" a range.
    if (/^(?:1[89]|20)\d{2}$/.test(g.d1) && /^\d{2}$/.test(g.d2) && !g.pct && !g.s1 && !g.s2)
      return [token({ kind: "year", start: at, end, value: Number(g.d1) }, text)];
    const s2 = scaleOf(g.s2, g.cur, after) ?? 1;
    const low = g.s1 || s2 === 1 ? first : roundFloat(first * s2);
    const high = roundFloat(digitValue(g.d2) * s2);
    // "No. 22-451" is a case number.
    if (LABELS.test(before) && !g.cur && !g.pct && !g.s1 && !g.s2)
      return [token({ kind: "label", start: at, end, value: first }, text)];
    // A score or a vote ("a 3-1 win", "ruled 6-3"): no figure.
    if (!(high > low) && !g.cur && !g.pct && !g.s1 && !g.s2 && /^\d{1,2}$/.test(g.d1) && /^\d{1,2}$/.test(g.d2))
      return [token({ kind: "modifier", start: at, end, value: first }, text)];
    if (!(high > low)) {
      // Not a range ("24-7"): the first number alone.
      const stop = at + m[0].indexOf(g.d1) + g.d1.length + (g.s1?.length ?? 0);
      return [
        classify(
          token(
            { kind: "figure", start: at, end: stop, value: first, unit: g.cur?.trim() ?? "", pieces, scale: s1 },
            text,
          ),
          g.d1,
          before,
          text.slice(stop, stop + 30),
        ),
      ];
    }
    return [
      token(
        {
          kind: "figure",
          start: at,
          end,
          value: low,
          range: { low, high },
          unit,
          pieces: [low, high, ...pieces, ...groups(g.d2)],
          scale: s2,
        },
        text,
      ),
    ];
  }
  // Words: one run may hold several numbers ("four and five").
  const found = wordNumbers(g.words).flatMap((n) => {
    const start = at + n.start;
    const stop = at + n.end;
    const word = text.slice(start, stop).toLowerCase();
    // "no one", "one another", "the one" and "he was one of 12 men" are pronouns.
    if (
      word === "one" &&
      (/(?:^|[^\p{L}])(?:no|any|every|the|this|that)\s+$/iu.test(text.slice(Math.max(0, start - 6), start)) ||
        /^\s+another\b/i.test(text.slice(stop, stop + 10)) ||
        (/(?:^|[^\p{L}])(?:is|was|are|were|be|been|being|became|becomes|as)\s+$/iu.test(
          text.slice(Math.max(0, start - 8), start),
        ) &&
          /^\s+of\s/iu.test(text.slice(stop, stop + 5))))
    )
      return [];
    return [
      token(
        {
          kind: "figure" as const,
          start,
          end: stop,
          value: roundFloat(n.value),
          spelled: true,
          pieces: n.scale !== 1 ? [n.value / n.scale] : [],
          scale: n.scale,
        },
        text,
      ),
    ];
  });
  if (g.wpct !== undefined && found.length > 0) {
    const last = found[found.length - 1];
    found[found.length - 1] = {
      ...last,
      end,
      text: text.slice(last.start, end),
      unit: /points?/i.test(g.wpct) ? "percentage points" : "%",
    };
  }
  return found;
}

/** A four-digit number is a year unless a plural noun follows ("2000 people"); a number after "Article" is a label. */
function classify(raw: Raw, digits: string, before: string, after: string): Raw {
  if (LABELS.test(before) && !raw.unit && raw.scale === 1) return { ...raw, kind: "label" };
  if (!/^(?:1[89]|20)\d{2}$/.test(digits) || raw.unit || raw.scale !== 1 || raw.value < 0) return raw;
  if (/^['’]s(?![\p{L}])/u.test(after)) return { ...raw, kind: "year" };
  const next = /^\s+([\p{L}]+)/u.exec(after)?.[1];
  if (next && (/^\p{Ll}.*s$/u.test(next) || PLURALS.test(next)) && !YEAR_NOUNS.test(next)) return raw;
  if (YEAR_BEFORE.test(before) || !next || /^\p{Ll}/u.test(next)) return { ...raw, kind: "year" };
  return raw;
}

/**
 * Every number the text states, in order, none overlapping. Ranges are one number: "between 900
 * and 1,200", "300 to 400", "four or five" (but "rose from 300 to 400" is two).
 */
export function findNumbers(text: string): NumberToken[] {
  const raws: Raw[] = [];
  NUMBER.lastIndex = 0;
  let at = 0;
  while (at <= text.length) {
    NUMBER.lastIndex = at;
    const m = NUMBER.exec(text);
    if (!m) break;
    let read = readMatch(m, text);
    let stop = m.index + m[0].length;
    if (!read) {
      PLAIN.lastIndex = m.index;
      const again = PLAIN.exec(text);
      read = again ? readMatch(again, text) : undefined;
      stop = again && read ? again.index + again[0].length : m.index + 1;
    }
    // One by one: a run of number words can hold hundreds of thousands, too many to spread into a call.
    if (read) for (const r of read) raws.push(r);
    at = Math.max(stop, m.index + 1);
  }
  const caps = capitals(text);
  return joinRanges(raws, text)
    .map((raw) => (raw.kind === "figure" ? describing(raw, text, caps) : raw))
    .filter((raw) => !bareScale(raw))
    .map(({ scale: _scale, ...t }) => t);
}

/** "crore" or "Million" alone ("Crores of rupees", "crore-rupee contracts") counts nothing. */
const bareScale = (raw: Raw) =>
  raw.spelled && /^(?:hundred|thousand|lakhs?|million|crores?|billion|trillion|dozen)$/i.test(raw.text);

const TIME_ZONE = String.raw`(?:GMT|UTC|IST|PKT|CET|CEST|BST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|JST|AEST|AEDT|local\s+time|Zulu)`;
const STREET = String.raw`(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Lane|Drive|Dr\.?|Way|Place|Pl\.?|Court|Square|Terrace|Crescent|Close|Parkway|Highway|Marg)`;
const WEAPON = String.raw`(?:handguns?|pistols?|rifles?|guns?|revolvers?|rounds?|ammunition|bullets?|shells?|cartridges?|weapons?|service|semi-automatic|carbines?|shotguns?|howitzers?|artillery|cannons?|mortars?|assault)`;
const TIME_UNITS = String.raw`(?:days?|weeks?|months?|years?|hours?|decades?|quarters?|minutes?|seasons?|centur(?:y|ies)|nights?|sessions?|terms?)`;
const SUPERLATIVE = String.raw`(?:highest|lowest|most|least|fewest|biggest|largest|smallest|worst|best|first|fastest|slowest|strongest|weakest|deadliest|hottest|coldest|warmest|wettest|driest|longest|shortest|heaviest|sharpest|steepest)`;
const ZONE_AFTER = new RegExp(String.raw`^\s*${TIME_ZONE}(?![\p{L}])`, "u");
const STREET_AFTER = new RegExp(String.raw`^\s+(?:\p{Lu}[\p{L}'’-]*\s+){1,3}${STREET}(?![\p{L}])`, "u");
const CALIBRE_AFTER = new RegExp(
  String.raw`^-?\s?(?:mm|calib(?:re|er))(?![\p{L}])[\s-]+(?:[\p{L}-]+\s+){0,2}?${WEAPON}(?![\p{L}])`,
  "iu",
);
const UNIT_NEXT = new RegExp(String.raw`^\s+${TIME_UNITS}(?![\p{L}])`, "iu");
const UNIT_WHEN = new RegExp(
  String.raw`^\s+${TIME_UNITS}\s+(?:ago|later|earlier|after|before|into|on)(?![\p{L}])`,
  "iu",
);
const UNIT_TO = new RegExp(String.raw`^\s+${TIME_UNITS}\s+(?:to|ending|through|until|till)(?![\p{L}])`, "iu");
const SUPERLATIVE_IN = new RegExp(
  String.raw`${SUPERLATIVE}(?:\s+[\p{L}'’-]+){0,4}\s+(?:in|for)\s+(?:more\s+than\s+|over\s+|almost\s+|nearly\s+|about\s+)?$`,
  "iu",
);
/** A magnitude is a measure, hyphen or not: "a 4.1-magnitude tremor". */
const MAGNITUDE_AFTER = /^-magnitude(?![\p{L}])/iu;
/** Words after a hyphen that make a number an adjective ("a two-day session"), unless they count or qualify. */
const NOT_AN_ADJECTIVE = /^-(?:plus|odd|fold|strong|year-olds?|month-olds?|week-olds?|day-olds?)(?![\p{L}])/iu;
/** People that "under 18", "over 65" are the ages of. */
const AGED_PEOPLE =
  /(?:^|[^\p{L}])(?:children|child|minors|people|adults|those|anyone|everyone|women|men|girls|boys|persons|students|pupils|kids|youths|teenagers|voters|patients|residents|were|are|was|is|be|aged)\s+(?:under|over|above|below|older\s+than|younger\s+than)\s+$/iu;

/**
 * A figure token that the words around it show to be no figure: an age ("Nahel M., 17,", "who is
 * 72", "in their 20s", "under 18"), a clock time ("1900 GMT"), an address ("1420 Pine Street"), a
 * calibre ("a 9mm handgun"), a model ("Boeing 737 MAX 9"), a score ("3-1"), a number in
 * a compound adjective ("a two-day session", "one-time", "a 27-member bloc"), or part of a period
 * ("the next two years", "in the three months to August", "the highest in 25 years").
 */
/** Whether a text is set in capitals, as some wires set headlines: more capital letters than small ones. */
function capitals(text: string): boolean {
  const upper = text.match(/\p{Lu}/gu)?.length ?? 0;
  const lower = text.match(/\p{Ll}/gu)?.length ?? 0;
  return upper > lower;
}

function describing(raw: Raw, text: string, caps: boolean): Raw {
  const before = text.slice(Math.max(0, raw.start - 60), raw.start);
  const after = text.slice(raw.end, raw.end + 60);
  const as = (kind: NumberKind): Raw => ({ ...raw, kind });
  const plain = !raw.unit && raw.scale === 1 && !raw.fraction;
  const integer = plain && !raw.range && Number.isInteger(raw.value) && raw.value >= 0;
  const digits = !raw.spelled;
  if (integer && digits && /^\d{4}$/.test(raw.text)) {
    const hh = Number(raw.text.slice(0, 2));
    const mm = Number(raw.text.slice(2));
    if (hh < 24 && mm < 60 && ZONE_AFTER.test(after)) return as("time");
    if (hh < 24 && mm < 60 && /^\s*(?:hrs|hours)(?![\p{L}])/u.test(after) && /(?:^|[^\p{L}])at\s+$/iu.test(before))
      return as("time");
  }
  if (integer && digits && STREET_AFTER.test(after)) return as("label");
  // Decades and ages in tens: "in their 20s", "the 1990s".
  if (integer && digits && /0$/.test(raw.text) && /^['’]?s(?![\p{L}])/u.test(after))
    return as(raw.value >= 1000 ? "year" : "age");
  // "Nahel M., 17, was shot", "Mr Okafor, 61, won": a number set off by commas after a name is an age.
  if (
    integer &&
    digits &&
    raw.value >= 1 &&
    raw.value <= 110 &&
    /[\p{L}.]\s*,\s*$/u.test(before) &&
    /^\s*,\s*\p{Ll}/u.test(after)
  )
    return as("age");
  if (
    integer &&
    raw.value <= 120 &&
    /(?:^|[^\p{L}])(?:who\s+(?:is|was)|turned|turns|age\s+of|aged)\s+$/iu.test(before) &&
    !/^\s+\p{Ll}+s(?![\p{L}])/u.test(after.replace(/^\s+(?:last|this|next|years?)\b.*/u, ""))
  )
    return as("age");
  if (
    integer &&
    raw.value <= 100 &&
    AGED_PEOPLE.test(before) &&
    !/^\s+(?!years|yrs|has|was|is|does|accounts)\p{Ll}+s(?![\p{L}])/u.test(after)
  )
    return as("age");
  // Calibres and models: "a 9mm handgun", ".45-calibre", "Boeing 737 MAX 9". (A magnitude is a measure.)
  if (digits && CALIBRE_AFTER.test(after)) return as("modifier");
  if (
    integer &&
    digits &&
    // Not in a headline set in capitals ("FLOODS KILL 40 IN BRAZIL").
    !caps &&
    (/(?:^|[^\p{L}])(?!(?:US|USD|INR|PKR|EUR|GBP|RS|AD|BC)\s)\p{Lu}{2,}\s+$/u.test(before) ||
      (/[\p{Ll}\p{N},;]\s+\p{Lu}\p{Ll}+\s+$/u.test(before) &&
        /^\s+(?:\p{Lu}{2,}|jets?|aircraft|planes?|fleet|models?|series|engines?|rockets?|tanks?|missiles?|phones?|smartphones?)(?![\p{L}])/u.test(
          after,
        )))
  )
    return as("modifier");
  // Heights written as one adjective: "the 6ft 7in center".
  if (
    digits &&
    (/^\s?ft\s?\d{1,2}\s?in(?![\p{L}])/iu.test(after) ||
      (/\d\s?ft\s?$/iu.test(before) && /^\s?in(?![\p{L}])/iu.test(after)))
  )
    return as("modifier");
  // A race, not a distance: "ran the 100 metres in 10.72 seconds".
  if (
    integer &&
    /(?:^|[^\p{L}])the\s+$/iu.test(before) &&
    /^\s?(?:m|metres|meters)\s+(?:in|final|hurdles|freestyle|butterfly|backstroke|breaststroke|relay|race|title|record|sprint|dash|gold)(?![\p{L}])/iu.test(
      after,
    )
  )
    return as("modifier");
  // A compound adjective: "a two-day session", "one-time", "a 27-member bloc", "77-minute speech".
  if (plain && !raw.range && /^-\p{L}/u.test(after) && !NOT_AN_ADJECTIVE.test(after) && !MAGNITUDE_AFTER.test(after))
    return as("modifier");
  // Part of a period: "the next two years", "in the three months to August", "the highest level in 25 years".
  if (plain && UNIT_NEXT.test(after)) {
    if (
      /(?:^|[^\p{L}])(?:next|last|past|previous|coming|following|first|final|opening|closing|remaining)\s+$/iu.test(
        before,
      )
    )
      return as("period");
    if (/(?:^|[^\p{L}])the\s+$/iu.test(before) && UNIT_TO.test(after)) return as("period");
    if (SUPERLATIVE_IN.test(before)) return as("period");
    // "three days after the storm hit", "two weeks ago", "a month later": when, not how long.
    if (
      UNIT_WHEN.test(after) &&
      !/(?:^|[^\p{L}])(?:for|lasted|lasting|took|takes|spent|waited|within|over|in)\s+(?:(?:about|nearly|almost|some|more\s+than|at\s+least|up\s+to)\s+)?$/iu.test(
        before,
      )
    )
      return as("period");
  }
  return raw;
}

function joinRanges(raws: Raw[], text: string): Raw[] {
  const out: Raw[] = [];
  for (let i = 0; i < raws.length; i++) {
    const a = raws[i];
    const b = raws[i + 1];
    if (b && a.kind === "figure" && b.kind === "figure" && !a.range && !b.range && !a.fraction && !b.fraction) {
      const gap = text.slice(a.end, b.start);
      const lead = text.slice(Math.max(0, a.start - 40), a.start);
      const between = /(?:^|[^\p{L}])between\s+$/iu.exec(lead);
      const from = /(?:^|[^\p{L}])from\s+$/iu.exec(lead);
      const joined =
        (between && /^\s+and\s+$/i.test(gap)) ||
        (/^\s*(?:to|[-–—])\s*$/i.test(gap) &&
          /\S/.test(gap) &&
          !CHANGE.test(lead) &&
          !(BY.test(lead) && /to/i.test(gap))) ||
        (/^\s+or\s+$/i.test(gap) && !/^\s+(?:more|so|fewer|less)(?![\p{L}])/iu.test(text.slice(b.end, b.end + 8)));
      const scale = a.scale === 1 && b.scale !== 1 ? b.scale : 1;
      const low = roundFloat(a.value * scale);
      const unit = a.unit || (b.unit === "%" || b.unit === "percentage points" ? b.unit : a.unit);
      if (joined && b.value > low && (a.unit === b.unit || !a.unit)) {
        const start = between
          ? a.start - (lead.length - between.index - (between[0].length - between[0].trimStart().length))
          : from && !CHANGE.test(lead)
            ? a.start - (lead.length - from.index - (from[0].length - from[0].trimStart().length))
            : a.start;
        out.push({
          ...a,
          start,
          end: b.end,
          text: text.slice(start, b.end),
          value: low,
          range: { low, high: b.value },
          unit: unit || b.unit,
          spelled: a.spelled && b.spelled,
          pieces: [low, b.value, a.value, ...a.pieces, ...b.pieces],
          scale: b.scale,
        });
        i += 1;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

interface WordNumber {
  value: number;
  start: number;
  end: number;
  /** The last scale word in it ("twenty-five thousand": 1000); 1 without one. */
  scale: number;
}

/**
 * The numbers in a run of number words. One run may hold several: "four and five" is 4 and 5, not
 * 9; "a five-day strike" is 5. "And" joins only after hundred or a scale ("one hundred and twelve").
 */
function wordNumbers(run: string): WordNumber[] {
  const found: WordNumber[] = [];
  let current:
    | { total: number; part: number; last: WordKind; smallestScale: number; start: number; end: number; scale: number }
    | undefined;
  let article: number | undefined;
  let joined = false;
  const close = () => {
    if (current)
      found.push({ value: current.total + current.part, start: current.start, end: current.end, scale: current.scale });
    current = undefined;
  };
  for (const token of run.matchAll(/[a-z]+/giu)) {
    const word = token[0].toLowerCase();
    const start = token.index ?? 0;
    const end = start + token[0].length;
    if (word === "and") {
      if (current && (current.last === "hundred" || current.last === "scale")) joined = true;
      else close();
      continue;
    }
    if (word === "a") {
      close();
      article = start;
      continue;
    }
    // Case folding lets "ſix" (long s) through the pattern; it is no number word.
    if (!Object.hasOwn(NUMBER_WORDS, word)) {
      close();
      article = undefined;
      continue;
    }
    const [kind, value] = NUMBER_WORDS[word];
    const last = current?.last;
    let fits = false;
    if (current && last) {
      if (kind === "unit") fits = last === "tens" || last === "hundred" || last === "scale";
      else if (kind === "teen" || kind === "tens") fits = last === "hundred" || last === "scale";
      else if (kind === "hundred") fits = (last === "unit" || last === "teen") && current.part < 100;
      else if (kind === "dozen") fits = last === "unit" && current.part < 10;
      // "two lakh crore" is two lakh of crores.
      else if (last === "scale" && word.startsWith("crore") && current.part === 0 && current.smallestScale < 1e7)
        fits = true;
      else fits = last !== "scale" && value < current.smallestScale;
      if (joined && !(kind === "unit" || kind === "teen" || kind === "tens")) fits = false;
    }
    if (!fits) {
      close();
      const multiplier = kind === "hundred" || kind === "dozen" || kind === "scale";
      current = {
        total: 0,
        part: 0,
        last: kind,
        smallestScale: Infinity,
        scale: 1,
        start: multiplier && article !== undefined ? article : start,
        end,
      };
    }
    const number = current!;
    if (kind === "unit" || kind === "teen" || kind === "tens") number.part += value;
    else if (kind === "hundred" || kind === "dozen") number.part = (number.part || 1) * value;
    else if (last === "scale" && number.part === 0 && value > number.smallestScale) {
      number.total *= value;
      number.smallestScale = value;
      number.scale = number.scale * value;
    } else {
      number.total += (number.part || 1) * value;
      number.part = 0;
      number.smallestScale = value;
      number.scale = value;
    }
    number.last = kind;
    number.end = end;
    article = undefined;
    joined = false;
  }
  close();
  return found;
}
