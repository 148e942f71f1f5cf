/**
 * House styles: how a desk writes large numbers, money, percentages and dates. charts.json names
 * one ("style": "guardian") or sets its fields one by one ("style": { "base": "ap", "percent":
 * "per cent" }). Without a style, a number is written as its source writes it where the words
 * say how ("$5.5bn" stays "$5.5bn"), else in full ("20,000").
 *
 * Every rule lives here, in one place: where Intl writes what the desk writes (grouping, a
 * language's month names, "5.5 billion" in words) the writer uses it; where the desk differs (AP's
 * "Nov. 24", the Guardian's "$5.5bn") the style says so below.
 */

/** How a large number is written: "5,500,000,000", "5.5bn" or "5.5 billion". */
export type LargeNumbers = "full" | "short" | "words";

export interface StyleFields {
  /** Sums of money: "$5,500,000,000", "$5.5bn", "$5.5 billion". */
  money: LargeNumbers;
  /** Counts of people or things: "2,300,000", "2.3m", "2.3 million". */
  counts: LargeNumbers;
  /** The smallest number written with a scale word ("million", "lakh"); below it, in full. */
  from: number;
  /** The most digits after the point a scaled number shows ("5.52bn"); a value needing more is written in full. */
  decimals: number;
  /** Million, billion, trillion; or lakh, crore, lakh crore (for rupees and counts; other currencies keep millions). */
  scales: "international" | "indian";
  /** Digits in full: "1,000,000" or "10,00,000" (English packs; other languages group as their locale does). */
  grouping: "international" | "indian";
  /** "86%", "86 per cent", "86 percent" (English packs; other languages write their own). */
  percent: "%" | "per cent" | "percent";
  /** "24 Nov 2024" or "Nov 24, 2024" (English packs; other languages order as their locale does). */
  dates: "day-month" | "month-day";
  /** "Nov", "Nov." (AP: "Sept.", "March"), "November". */
  months: "short" | "dotted" | "long";
  /** "Sun", "Sunday", or none. */
  weekdays: "short" | "long" | "none";
  /** Days in a range: "24–26 Nov", "Nov. 24-26", "24 to 26 November" (English packs). */
  ranges: "–" | "-" | "to";
  /** The locale's own digits (Devanagari ०१२ for hi-IN) or Latin digits. */
  digits: "latin" | "native";
  /** A locator's scale bar: kilometres and metres, or miles and feet (en-US's default). */
  distances: "km" | "miles";
}

/** The named styles, as their style guides write numbers and dates in charts. */
export const STYLES: Readonly<Record<string, Partial<StyleFields> & { name: string }>> = {
  // The tool's own: every digit in full, "24 Nov 2024", "Sun 24 – Tue 26 Nov 2024".
  default: { name: "the default style" },
  // AP Stylebook: "$5.5 billion", "2.3 million people", "86%", "Nov. 24, 2024", "Nov. 24-26".
  ap: {
    name: "AP style",
    money: "words",
    counts: "words",
    dates: "month-day",
    months: "dotted",
    ranges: "-",
  },
  // Reuters Handbook: "$5.5 billion", "2.3 million", "86%", "Nov 24, 2024" (months as in tables).
  reuters: { name: "Reuters style", money: "words", counts: "words", dates: "month-day" },
  // The Guardian: "$5.5bn", "£3.2m" for money, "2.3 million people", "86%", "Sunday 24 November 2024".
  guardian: { name: "the Guardian's style", money: "short", counts: "words", months: "long", weekdays: "long" },
  // Indian English (The Hindu, Hindustan Times): "Rs 2 crore", "₹11.21 lakh crore", "$5.5 billion",
  // counts in full with Indian grouping ("10,00,000"), "86 per cent".
  "indian-english": {
    name: "Indian English style",
    money: "words",
    counts: "full",
    from: 100_000,
    scales: "indian",
    grouping: "indian",
    percent: "per cent",
  },
};

/** Names charts.json may use for the styles. */
export const STYLE_ALIASES: Readonly<Record<string, string>> = {
  associated_press: "ap",
  "associated-press": "ap",
  "the-guardian": "guardian",
  indian: "indian-english",
  "indian english": "indian-english",
  "en-in": "indian-english",
};

export const DEFAULT_FIELDS: StyleFields = {
  money: "full",
  counts: "full",
  from: 1_000_000,
  decimals: 2,
  scales: "international",
  grouping: "international",
  percent: "%",
  dates: "day-month",
  months: "short",
  weekdays: "short",
  ranges: "–",
  digits: "latin",
  distances: "km",
};

const CHOICES: { [K in keyof StyleFields]: readonly StyleFields[K][] | "number" } = {
  money: ["full", "short", "words"],
  counts: ["full", "short", "words"],
  from: "number",
  decimals: "number",
  scales: ["international", "indian"],
  grouping: ["international", "indian"],
  percent: ["%", "per cent", "percent"],
  dates: ["day-month", "month-day"],
  months: ["short", "dotted", "long"],
  weekdays: ["short", "long", "none"],
  ranges: ["–", "-", "to"],
  digits: ["latin", "native"],
  distances: ["km", "miles"],
};

export const STYLE_FIELDS = Object.keys(CHOICES) as (keyof StyleFields)[];

/** A style as charts.json gives it, resolved: its fields, its name for messages, and problems. */
export interface ChosenStyle {
  /** Undefined when charts.json names no style: numbers are then written as their sources write them. */
  name?: string;
  fields: Partial<StyleFields>;
  problems: { path: (string | number)[]; message: string }[];
}

const styleNames = () =>
  Object.keys(STYLES)
    .map((s) => JSON.stringify(s))
    .join(", ");

/** Reads charts.json's "style": a name, or an object of fields with an optional "base" name. */
export function chooseStyle(given: unknown): ChosenStyle {
  if (given === undefined) return { fields: {}, problems: [] };
  const problems: ChosenStyle["problems"] = [];
  const named = (name: unknown, path: (string | number)[]) => {
    const key = typeof name === "string" ? name.trim().toLowerCase() : "";
    const found = STYLES[STYLE_ALIASES[key] ?? key];
    if (!found)
      problems.push({
        path,
        message: `unknown style ${JSON.stringify(name)}; the styles are ${styleNames()}, or an object of fields`,
      });
    return found;
  };
  if (typeof given === "string") {
    const style = named(given, []);
    const { name, ...fields } = style ?? { name: "" };
    return { name: style ? name : undefined, fields, problems };
  }
  if (typeof given !== "object" || given === null || Array.isArray(given))
    return {
      fields: {},
      problems: [
        {
          path: [],
          message: `"style" is a style's name (${styleNames()}) or an object of its fields, e.g. { "base": "ap", "percent": "per cent" }`,
        },
      ],
    };
  const entries = given as Record<string, unknown>;
  const base = entries.base === undefined ? undefined : named(entries.base, ["base"]);
  const fields: Partial<StyleFields> = {};
  if (base) {
    const { name: _name, ...baseFields } = base;
    Object.assign(fields, baseFields);
  }
  for (const [key, value] of Object.entries(entries)) {
    if (key === "base") continue;
    const choices = CHOICES[key as keyof StyleFields];
    if (!choices) {
      problems.push({
        path: [key],
        message: `a style has no field ${JSON.stringify(key)}; its fields are "base", ${STYLE_FIELDS.map((f) => JSON.stringify(f)).join(", ")}`,
      });
      continue;
    }
    if (choices === "number") {
      const ok =
        typeof value === "number" && Number.isInteger(value) && value >= 0 && (key === "decimals" ? value <= 6 : true);
      if (!ok)
        problems.push({
          path: [key],
          message: `style ${key} is a whole number${key === "decimals" ? " from 0 to 6" : ", e.g. 1000000"}`,
        });
      else (fields as Record<string, unknown>)[key] = value;
      continue;
    }
    if (!(choices as readonly unknown[]).includes(value)) {
      problems.push({
        path: [key],
        message: `style ${key} is one of ${choices.map((c) => JSON.stringify(c)).join(", ")}, not ${JSON.stringify(value)}`,
      });
      continue;
    }
    (fields as Record<string, unknown>)[key] = value;
  }
  return { name: base ? `${base.name}, with changes` : "the house style", fields, problems };
}
