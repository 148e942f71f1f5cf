import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PHRASES, type PhraseKey } from "./phrases.ts";
import type { StyleFields } from "./styles.ts";

/**
 * Locale packs: every fixed word the charts, alt text, embeds, chart data and notebook write, and
 * how a language writes numbers and dates, one JSON file a language in locales/. Adding a locale is
 * adding its file (README: "How to add a locale"); tests/locales.test.ts holds every pack to the
 * phrase list (phrases.ts).
 */

/** A scale word: 10^exponent, written short ("bn", "Md") or long ("billion", "milliards"). */
export interface Scale {
  exponent: number;
  short: string;
  /** The long word, or its plural forms by Intl.PluralRules category ("one", "other"). */
  long: string | Record<string, string>;
}

export interface Pack {
  /** The file's name: "fr-FR". */
  locale: string;
  /** The language's own name for itself, for the README and messages. */
  name: string;
  /** A pack of the same language this one starts from (en-US from en-GB): only what differs is given. */
  extends?: string;
  /** How the language writes by default, before a house style: en-IN groups digits the Indian way. */
  style?: Partial<StyleFields>;
  /** The Intl locale numbers and dates are written with. */
  intl: string;
  /** The page's lang attribute. */
  lang: string;
  /** The locale's own digits (Intl numbering system), used when the style asks for them: "deva". */
  nativeDigits?: string;
  /** What ends a sentence: "." or "।". */
  fullStop: string;
  /** The script has capitals: a label is lowered inside a sentence ("police officers"). */
  capitals: boolean;
  /** Leading articles lowered inside a sentence: "The government" reads "the government". */
  articles: string[];
  /**
   * Words a phrase elides before a placeholder whose value starts with a vowel: French "de" before
   * "Islamabad" is written "d’Islamabad". Only a phrase's own word before a placeholder changes.
   */
  elision?: string[];
  dates: {
    /** "pattern": days and months from the names below, ordered by the style (English); "intl": as Intl writes the locale. */
    engine: "pattern" | "intl";
    /** The space inside a date: a no-break space keeps "24 nov. 2024" on one line. */
    space: string;
    weekdays?: { short: string[]; long: string[] };
    months?: { short: string[]; dotted: string[]; long: string[] };
  };
  numbers: {
    /** "{number}%", "{number} %". English packs take the style's choice ("per cent"). */
    percent: string;
    /** A number with a short scale word ("{number}{scale}": "5.5bn") and with a long one ("5.5 billion"). */
    short: string;
    long: string;
    scales: { international: Scale[]; indian: Scale[] };
    /** Money: a symbol ("$") and a written abbreviation ("Rs"), each around an amount; "named" uses the currency's name after a long scale word. */
    money: { symbol: string; letters: string; named?: string };
    /** Currencies' names, for "named": "5,5 milliards de dollars". */
    currencies: Record<string, string>;
  };
  fractions: {
    half: string;
    /** "a {part}", "un {part}"; "{count}-{parts}", "{count} {parts}"; past the parts known, "{numerator} in {denominator}". */
    one: string;
    many: string;
    other: string;
    parts: Record<string, [string, string]>;
    counts: Record<string, string>;
  };
  phrases: Record<PhraseKey, string>;
}

const FOLDER = join(dirname(fileURLToPath(import.meta.url)), "locales");

/** The locales a story may choose: one file each in locales/. */
export function availableLocales(): string[] {
  return readdirSync(FOLDER)
    .filter((name) => name.endsWith(".json"))
    .map((name) => name.slice(0, -5))
    .sort();
}

const cache = new Map<string, Pack>();

/** The pack for a locale tag ("fr-FR", case as filed), with what it extends filled in; undefined if none. */
export function localePack(tag: string): Pack | undefined {
  const name = availableLocales().find((l) => l.toLowerCase() === tag.trim().toLowerCase());
  if (!name) return undefined;
  const cached = cache.get(name);
  if (cached) return cached;
  const own = readPack(name);
  const pack = own.extends ? merge(localePack(own.extends)!, own) : (own as Pack);
  cache.set(name, pack);
  return pack;
}

/** The pack's file as written, nothing filled in. */
export function readPack(name: string): Partial<Pack> & { locale: string } {
  const file = join(FOLDER, `${name}.json`);
  if (!existsSync(file)) throw new Error(`no locale pack ${name}`);
  return JSON.parse(readFileSync(file, "utf8")) as Partial<Pack> & { locale: string };
}

function merge(base: Pack, own: Partial<Pack>): Pack {
  return {
    ...base,
    ...own,
    dates: { ...base.dates, ...own.dates },
    numbers: { ...base.numbers, ...own.numbers },
    fractions: { ...base.fractions, ...own.fractions },
    phrases: { ...base.phrases, ...own.phrases },
  } as Pack;
}

/** Placeholders a phrase takes: "{who}" of "Figures as reported by {who}.". */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{([a-zA-Z]+)\}/g)].map((m) => m[1]).sort();
}

/**
 * What is wrong with a pack, as a test and a translator read it: a phrase missing or extra, a
 * placeholder the English does not have (or lost), a language that extends another language.
 */
export function packProblems(name: string): string[] {
  const own = readPack(name);
  const problems: string[] = [];
  if (own.locale !== name) problems.push(`its "locale" is ${JSON.stringify(own.locale)}, not its file's name ${name}`);
  const language = (tag: string) => tag.split("-")[0].toLowerCase();
  if (own.extends) {
    if (!availableLocales().includes(own.extends)) problems.push(`it extends ${own.extends}, which has no pack`);
    else if (language(own.extends) !== language(name))
      problems.push(`it extends ${own.extends}, another language: a pack of its own language must give every phrase`);
  }
  const pack = localePack(name)!;
  const reference = localePack("en-GB")!;
  for (const key of Object.keys(PHRASES) as PhraseKey[]) {
    const text = pack.phrases[key];
    if (typeof text !== "string" || text.trim() === "") {
      problems.push(`phrase ${key} is missing`);
      continue;
    }
    const want = placeholders(reference.phrases[key]).join(",");
    if (placeholders(text).join(",") !== want)
      problems.push(
        `phrase ${key} takes {${placeholders(reference.phrases[key]).join("}, {")}}, not ${JSON.stringify(text)}`,
      );
  }
  for (const key of Object.keys(pack.phrases))
    if (!(key in PHRASES)) problems.push(`phrase ${key} is not in the phrase list (phrases.ts)`);
  for (const field of ["intl", "lang", "fullStop"] as const) if (!pack[field]) problems.push(`"${field}" is missing`);
  try {
    new Intl.NumberFormat(pack.intl);
    if (Intl.NumberFormat.supportedLocalesOf([pack.intl]).length === 0)
      problems.push(`Intl does not know ${pack.intl}`);
  } catch {
    problems.push(`"intl" ${JSON.stringify(pack.intl)} is not a locale Intl knows`);
  }
  if (pack.dates.engine === "pattern" && (!pack.dates.months || !pack.dates.weekdays))
    problems.push('dates by "pattern" need the "months" and "weekdays" names');
  return problems;
}
