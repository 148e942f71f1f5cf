import { calendarPeriod } from "./calendar.ts";
import { regionName } from "./countries.ts";
import { decimalString, decimalsOf, shift } from "./decimal.ts";
import { localePack, type Pack, type Scale } from "./packs.ts";
import type { PhraseKey } from "./phrases.ts";
import { DEFAULT_FIELDS, type StyleFields } from "./styles.ts";
import { cleanUnit, englishSingular, isCount, isCurrency, isPercent, isRupee } from "./units.ts";

/**
 * Writes a story's words in its language and house style: every fixed phrase (from the locale
 * pack), every number, amount, percentage and date. Chart kinds, chart words and the publishing
 * stage write through one Writer and never format a value themselves, so a French chart has no
 * English word and a desk's "$5.5bn" is never "$5,500,000,000".
 *
 * Numbers are never rounded: a scaled number ("5.52bn") keeps every digit, and a value a style
 * cannot write within its decimals is written in full (`scaleProblem` says which rule failed).
 */

/** What the writer reads of a figure (a structural subset of facts' Figure). */
export interface Amount {
  value: number;
  fraction: { numerator: number; denominator: number } | null;
  /** The source's words for a fraction ("a third"): kept in English, where they are the source's own. */
  value_words?: string;
  qualifier: string;
  /** The source's own qualifier words ("some", "an estimated"), kept in English. */
  qualifier_words?: string;
  unit: string;
  /** The number as the source wrote it ("$5.5bn", "2.3 million"): how to write it when no style is chosen. */
  stated?: string;
}

export interface DateOptions {
  weekday?: boolean;
  year?: boolean;
}

/** A day under a column or on an axis, in the forms a narrow column falls back to. */
export interface DayParts {
  /** "Sun 24 Nov", "dim. 24 nov.". */
  full: string;
  /** "Sun 24" over "Nov". */
  two: [string, string];
  /** "Sun", "24", "Nov". */
  three: [string, string, string];
  /** "24" and "Nov", for axes that label only some days. */
  day: string;
  month: string;
}

/** A word starting with a vowel (an "h" is left alone: French elides before some and not others). */
const ELIDED_BEFORE = /^[aeiouàâäéèêëîïôöûùüœæ]/iu;

const QUALIFIER_KEYS: Record<string, PhraseKey> = {
  about: "qualifier.about",
  nearly: "qualifier.nearly",
  at_least: "qualifier.at_least",
  more_than: "qualifier.more_than",
  up_to: "qualifier.up_to",
};

/** A scale word the source used ("bn", " billion", " crore"), read from the number's own words. */
interface StatedForm {
  exponent: number;
  word: string;
  spaced: boolean;
  short: boolean;
  system: "international" | "indian";
}

const STATED_SCALES: Record<string, [number, boolean, "international" | "indian"]> = {
  k: [3, true, "international"],
  thousand: [3, false, "international"],
  m: [6, true, "international"],
  mn: [6, true, "international"],
  million: [6, false, "international"],
  b: [9, true, "international"],
  bn: [9, true, "international"],
  billion: [9, false, "international"],
  tn: [12, true, "international"],
  trillion: [12, false, "international"],
  lakh: [5, false, "indian"],
  lakhs: [5, false, "indian"],
  crore: [7, false, "indian"],
  crores: [7, false, "indian"],
  cr: [7, true, "indian"],
  "lakh crore": [12, false, "indian"],
};

function statedForm(stated: string | undefined): StatedForm | undefined {
  if (!stated) return undefined;
  const match =
    /^(?:[^\d\s]{0,4}\s?)?\d[\d,. \u00a0\u202f]*?(\s?)(k|mn|m|bn|b|tn|cr|thousand|million|billion|trillion|lakh crore|lakhs?|crores?)$/i.exec(
      stated.trim(),
    );
  if (!match) return undefined;
  const word = match[2].toLowerCase();
  const [exponent, short, system] = STATED_SCALES[word];
  return { exponent, word, spaced: match[1] !== "", short, system };
}

export class Writer {
  readonly pack: Pack;
  readonly fields: StyleFields;
  /** The chosen style's name for messages; undefined when none is chosen (numbers as their sources write them). */
  readonly styleName: string | undefined;
  /** Whether charts.json chose a locale or a style: only then do outputs carry a lang attribute, so a story choosing neither builds as it always has. */
  readonly chosen: boolean;
  private readonly numbers: Intl.NumberFormat;
  private readonly plurals: Intl.PluralRules;
  private readonly lists: Intl.ListFormat;
  /** The pack's elided words, each before a placeholder: "de {place}". */
  private readonly elisions: RegExp[];

  constructor(pack: Pack, fields: Partial<StyleFields> = {}, styleName?: string, chosen = true) {
    this.pack = pack;
    this.chosen = chosen;
    this.fields = { ...DEFAULT_FIELDS, ...pack.style, ...fields };
    this.styleName = styleName;
    this.numbers = new Intl.NumberFormat(this.numberLocale(), { maximumFractionDigits: 20, useGrouping: true });
    this.plurals = new Intl.PluralRules(pack.intl);
    this.lists = new Intl.ListFormat(pack.intl, { type: "conjunction", style: "long" });
    this.elisions = (pack.elision ?? []).map(
      (word) => new RegExp(`(^|[^\\p{L}])(${word}) (?=\\{([a-zA-Z]+)\\})`, "gu"),
    );
  }

  /** English packs write dates, percentages and grouping as the style says; other languages as their locale does. */
  get english(): boolean {
    return this.pack.lang.toLowerCase().startsWith("en");
  }

  /** The lang attribute outputs carry ("fr"), or undefined for a story that chose no locale or style. */
  get lang(): string | undefined {
    return this.chosen ? this.pack.lang : undefined;
  }

  /** Everything that decides how words are written: part of each chart's fingerprint. */
  get id(): string {
    return JSON.stringify({ pack: this.pack, fields: this.fields, style: this.styleName ?? null });
  }

  private numberLocale(): string {
    if (this.english) return this.fields.grouping === "indian" ? "en-IN" : "en-US";
    return this.digitsLocale(this.pack.intl);
  }

  private digitsLocale(locale: string): string {
    return this.fields.digits === "native" && this.pack.nativeDigits
      ? `${locale}-u-nu-${this.pack.nativeDigits}`
      : locale;
  }

  /** A fixed phrase of the pack, its {placeholders} filled; "de {place}" elided to "d’Islamabad" where the pack says so. */
  phrase(key: PhraseKey, values: Record<string, string> = {}): string {
    let text = this.pack.phrases[key];
    for (const elision of this.elisions)
      text = text.replace(elision, (whole, before: string, said: string, name: string) =>
        ELIDED_BEFORE.test(values[name] ?? "") ? `${before}${said.slice(0, -1)}\u2019` : whole,
      );
    return text.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => values[name] ?? whole);
  }

  /**
   * A country's name as the chart's language writes it, by its ISO 3166-1 numeric code (Natural
   * Earth's ids in world-atlas): Intl's own name ("Inde", "भारत"); English keeps Natural Earth's
   * (its map names, "Dem. Rep. Congo", not Intl's "Congo - Kinshasa"). Undefined where the
   * language has no name for it (a territory with no ISO code, such as Somaliland).
   */
  country(code: string | undefined, naturalEarth: string): string | undefined {
    if (this.english) return naturalEarth;
    return regionName(this.pack.intl, code, naturalEarth);
  }

  /** A sentence ending as the language ends one: "…higher." or "…अधिक हो सकता है।". */
  sentence(text: string): string {
    const stop = this.pack.fullStop;
    return /[.!?।]$/.test(text) ? text : `${text}${stop}`;
  }

  /** "1 figure", "3 figures", "3 chiffres": a count and its noun (phrases `${noun}.one` and `${noun}.other`). */
  count(n: number, noun: string): string {
    const key = `${noun}.${this.plurals.select(n) === "one" ? "one" : "other"}` as PhraseKey;
    return this.phrase(key, { count: this.number(n) });
  }

  /** "a, b and c", "a, b et c", as Intl lists in the language. */
  list(items: string[]): string {
    return items.length <= 1 ? items.join("") : this.lists.format(items);
  }

  /** The first letter upper-case, at the start of a sentence or label (no effect in scripts without case). */
  capitalize(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  /** "The government" reads "the government" inside a sentence; names stay as written. */
  lowerArticle(who: string): string {
    const trimmed = who.trim();
    for (const article of this.pack.articles)
      if (trimmed.startsWith(article)) return article.toLowerCase() + trimmed.slice(article.length);
    return trimmed;
  }

  /** "20,000", "1.6", "10 000", "२०,०००", "−5" (a typographic minus): every stated digit, never rounded. */
  number(value: number | string): string {
    return this.numbers.format(value as number).replace(/^[-\u2212]/, "\u2212");
  }

  /** The value alone: the fraction in words ("a third"), the number with its scale ("5.5bn"), no unit. */
  value(a: Amount): string {
    if (a.fraction) return this.fraction(a);
    return this.large(a)?.text ?? this.number(a.value);
  }

  /** The value with its unit: "954", "62%", "1.6 kilometres", "$5.5bn", "Rs 2 crore", "5,5 Md $". */
  amount(a: Amount): string {
    if (a.fraction) return this.fraction(a);
    const unit = cleanUnit(a.unit);
    if (isPercent(unit)) return this.percent(this.number(a.value));
    const large = this.large(a);
    const number = large?.text ?? this.number(a.value);
    if (isCount(unit)) return number;
    if (isCurrency(unit)) return this.money(unit, number, large);
    return `${number} ${a.value === 1 && this.english ? englishSingular(unit) : unit}`;
  }

  /** The qualifier's words alone: the source's own in English ("some", "over"), the pack's otherwise; "" for exact. */
  qualifierWords(a: Pick<Amount, "qualifier" | "qualifier_words">): string {
    if (a.qualifier === "exact" || !QUALIFIER_KEYS[a.qualifier]) return "";
    if (this.english && a.qualifier_words) return a.qualifier_words;
    return this.phrase(QUALIFIER_KEYS[a.qualifier], { value: "" }).replace(/\s+/g, " ").trim();
  }

  /** The value as the source qualified it, with its unit: "some 45,000", "more than $2.5bn", "plus de 10 000". */
  qualified(a: Amount): string {
    return this.qualify(a, this.amount(a));
  }

  /** The qualifier put on words already written: "more than" + "10,000"; "10,000 से अधिक". */
  qualify(a: Pick<Amount, "qualifier" | "qualifier_words">, shown: string): string {
    if (a.qualifier === "exact" || !QUALIFIER_KEYS[a.qualifier]) return shown;
    if (this.english && a.qualifier_words) return `${a.qualifier_words} ${shown}`;
    return this.phrase(QUALIFIER_KEYS[a.qualifier], { value: shown });
  }

  /** "half", "a third", "two-thirds", "1 in 20"; in English the source's own words when known. */
  fraction(a: Pick<Amount, "fraction" | "value_words">): string {
    if (this.english && a.value_words) return a.value_words;
    const { numerator: n, denominator: d } = a.fraction!;
    const f = this.pack.fractions;
    if (d === 2 && n === 1) return f.half;
    const part = f.parts[String(d)];
    if (part && n >= 1 && n < d) {
      if (n === 1) return f.one.replace("{part}", part[0]);
      const count = f.counts[String(n)];
      if (count) return f.many.replace("{count}", count).replace("{parts}", part[1]);
    }
    return f.other.replace("{numerator}", this.number(n)).replace("{denominator}", this.number(d));
  }

  private percent(number: string): string {
    if (!this.english) return this.pack.numbers.percent.replace("{number}", number);
    const style = this.fields.percent;
    return style === "%" ? `${number}%` : `${number} ${style}`;
  }

  private money(unit: string, number: string, large: Large | undefined): string {
    const money = this.pack.numbers.money;
    const name = this.pack.numbers.currencies[unit];
    if (large?.long && money.named && name) return money.named.replace("{amount}", number).replace("{name}", name);
    const pattern = /^\p{Sc}$/u.test(unit) ? money.symbol : money.letters;
    return pattern.replace("{currency}", unit).replace("{amount}", number);
  }

  /**
   * The number with a scale word where the style (or, with no style, the source) writes one:
   * "5.5bn", "5.5 billion", "24,300 crore", "5,5 milliards". Undefined: written in full.
   */
  private large(a: Amount): Large | undefined {
    const unit = cleanUnit(a.unit);
    if (a.fraction || isPercent(unit)) return undefined;
    const kind = isCurrency(unit) ? "money" : isCount(unit) ? "counts" : undefined;
    if (!kind) return undefined;
    if (this.styleName === undefined) return this.asStated(a);
    return this.styled(a, kind, unit).written;
  }

  /** Why the style could not write this value with its scale words, or undefined when it could (or did not try). */
  scaleProblem(a: Amount): string | undefined {
    const unit = cleanUnit(a.unit);
    if (this.styleName === undefined || a.fraction || isPercent(unit)) return undefined;
    const kind = isCurrency(unit) ? "money" : isCount(unit) ? "counts" : undefined;
    return kind ? this.styled(a, kind, unit).problem : undefined;
  }

  /** As the source wrote it: "$5.5bn" is 5.5 and "bn"; other languages take their own word for the scale. */
  private asStated(a: Amount): Large | undefined {
    const form = statedForm(a.stated);
    if (!form) return undefined;
    const mantissa = shift(decimalString(a.value), form.exponent);
    // A value the form cannot write briefly (an old value in a correction note) is written in full.
    if (decimalsOf(mantissa) > 3) return undefined;
    if (this.english)
      return { text: `${this.number(mantissa)}${form.spaced ? " " : ""}${form.word}`, long: !form.short };
    const scale = this.pack.numbers.scales[form.system].find((s) => s.exponent === form.exponent);
    return scale ? this.withScale(mantissa, scale, !form.short) : undefined;
  }

  private styled(a: Amount, kind: "money" | "counts", unit: string): { written?: Large; problem?: string } {
    const rule = this.fields[kind];
    if (rule === "full" || Math.abs(a.value) < this.fields.from || a.value === 0) return {};
    const system = this.fields.scales === "indian" && (kind === "counts" || isRupee(unit)) ? "indian" : "international";
    const scales = [...this.pack.numbers.scales[system]].sort((x, y) => y.exponent - x.exponent);
    const digits = decimalString(Math.abs(a.value));
    // Thousands are never a style's scale word ("20k" is a headline's, kept only where the source wrote it).
    const fitting = scales.filter((s) => s.exponent >= 5 && Math.abs(a.value) >= 10 ** s.exponent);
    const natural = fitting[0];
    if (!natural) return {};
    // Indian copy writes a sum below a lakh crore in crore ("Rs 24,300 crore"): a smaller scale may take over.
    const tries = system === "indian" ? fitting.slice(0, 2) : [natural];
    for (const scale of tries) {
      const mantissa = shift(digits, scale.exponent);
      if (decimalsOf(mantissa) <= this.fields.decimals)
        return { written: this.withScale(`${a.value < 0 ? "-" : ""}${mantissa}`, scale, rule === "words") };
    }
    const word = rule === "words" ? longWord(natural, "other") : natural.short;
    return {
      problem:
        `${this.styleName} writes ${kind === "money" ? "money" : "counts"} from ${this.number(this.fields.from)} with "${word}" and at most ` +
        `${this.fields.decimals} decimal${this.fields.decimals === 1 ? "" : "s"} (${this.number(shift(digits, natural.exponent))} ${word} needs more), so ${this.number(a.value)} is written in full; ` +
        `round it in the source's words, or set "decimals" in charts.json's "style"`,
    };
  }

  private withScale(mantissa: string, scale: Scale, long: boolean): Large {
    const number = this.number(mantissa);
    if (!long)
      return { text: this.pack.numbers.short.replace("{number}", number).replace("{scale}", scale.short), long };
    const word = longWord(scale, this.plurals.select(Number(mantissa)));
    return { text: this.pack.numbers.long.replace("{number}", number).replace("{scale}", word), long };
  }

  /** "27 Nov 2024", "Sun 24 Nov", "Nov. 24, 2024", "24 nov. 2024", "24 नवंबर 2024". */
  date(iso: string, { weekday = false, year = true }: DateOptions = {}): string {
    if (this.pack.dates.engine === "intl")
      return this.intlDate(iso, weekday, year).format(toDate(iso)).replace(/\s/g, this.pack.dates.space);
    const d = toDate(iso);
    const names = this.names();
    const wd = weekday && names.weekdays ? names.weekdays[d.getUTCDay()] : "";
    const day = String(d.getUTCDate());
    const month = names.months[d.getUTCMonth()];
    const y = year ? String(d.getUTCFullYear()) : "";
    const s = this.pack.dates.space;
    if (this.fields.dates === "month-day") return `${wd ? `${wd},${s}` : ""}${month}${s}${day}${y ? `,${s}${y}` : ""}`;
    return [wd, day, month, y].filter(Boolean).join(s);
  }

  /** "Sun 24 – Tue 26 Nov 2024", "Tue 27 Jun – Sun 2 Jul 2023", "Nov. 24-26, 2024", "dim. 24 – mar. 26 nov. 2024"; one day when start and end agree. */
  period(start: string, end: string, { year: wanted = true }: { year?: boolean } = {}): string {
    if (start === end) return this.date(start, { weekday: true, year: wanted });
    // A period across a year says both years, asked or not: "Thu 29 Feb" alone reads as the start's year.
    const year = wanted || toDate(start).getUTCFullYear() !== toDate(end).getUTCFullYear();
    if (this.pack.dates.engine === "intl") {
      const text = this.intlDate(start, true, year).formatRange(toDate(start), toDate(end));
      // The range's own dash keeps breakable spaces around it; a date's inner spaces do not break.
      return text
        .split(/\s+[\u2013-]\s+/)
        .map((part) => part.replace(/\s/g, this.pack.dates.space))
        .join(" – ");
    }
    const a = toDate(start);
    const b = toDate(end);
    const sameYear = a.getUTCFullYear() === b.getUTCFullYear();
    const sameMonth = sameYear && a.getUTCMonth() === b.getUTCMonth();
    const names = this.names();
    const s = this.pack.dates.space;
    const ranges = this.fields.ranges;
    // Two dates with weekdays are joined by a spaced dash whatever the style (AP's hyphen joins days: "Nov. 24-26").
    const spaced = ranges === "to" ? " to " : " \u2013 ";
    if (!names.weekdays && sameMonth) {
      const dash = ranges === "to" ? " to " : ranges;
      const days = `${a.getUTCDate()}${dash}${b.getUTCDate()}`;
      const month = names.months[a.getUTCMonth()];
      const y = year ? String(b.getUTCFullYear()) : "";
      if (this.fields.dates === "month-day") return `${month}${s}${days}${y ? `,${s}${y}` : ""}`;
      return [days, month, y].filter(Boolean).join(s);
    }
    if (sameMonth && this.fields.dates === "day-month")
      return `${names.weekdays![a.getUTCDay()]}${s}${a.getUTCDate()}${spaced}${this.date(end, { weekday: true, year })}`;
    return `${this.date(start, { weekday: true, year: year && !sameYear })}${spaced}${this.date(end, { weekday: true, year })}`;
  }

  /**
   * A figure's period in chart words: "Sun 24 – Tue 26 Nov 2024"; nights, dated by their evenings,
   * say so: "night of Fri 30 Jun 2023", "nights of Fri 30 Jun – Sat 1 Jul 2023". "" without dates.
   */
  periodOf(f: { start: string; end: string; nights: boolean }, { year = true }: { year?: boolean } = {}): string {
    // A running count whose start no source gives: "to Tue 15 Aug 2023".
    if (!f.start) return f.end ? this.phrase("period.to", { day: this.date(f.end, { weekday: true, year }) }) : "";
    const calendar = f.nights ? undefined : this.calendar(f.start, f.end || f.start);
    if (calendar) return calendar;
    const days = this.period(f.start, f.end || f.start, { year });
    if (!f.nights) return days;
    return this.phrase(f.start === f.end ? "night.of" : "nights.of", { days });
  }

  /**
   * A calendar period as the desk names it (calendar.ts): a fiscal year "2025-26", "FY2025", a year
   * "2024", a month "Oct 2024", months "Jul – Sep 2024"; undefined for any other run of days. The
   * one place chart words name a calendar period, so a house style can change it here.
   */
  calendar(start: string, end: string): string | undefined {
    const c = calendarPeriod(start, end);
    if (!c) return undefined;
    if (c.kind === "year") return String(c.startYear);
    if (c.kind === "fiscal") return `${c.startYear}-${String(c.endYear % 100).padStart(2, "0")}`;
    if (c.kind === "federal") return `FY${c.endYear}`;
    const month = (y: number, m: number, withYear: boolean) => {
      const iso = `${y}-${String(m + 1).padStart(2, "0")}-01`;
      if (this.pack.dates.engine === "intl")
        return new Intl.DateTimeFormat(this.pack.intl, {
          month: "short",
          ...(withYear ? { year: "numeric" } : {}),
          timeZone: "UTC",
        })
          .format(toDate(iso))
          .replace(/\s/g, this.pack.dates.space);
      return [this.names().months[m], withYear ? String(y) : ""].filter(Boolean).join(this.pack.dates.space);
    };
    if (c.kind === "month") return month(c.startYear, c.startMonth, true);
    const same = c.startYear === c.endYear;
    return `${month(c.startYear, c.startMonth, !same)} \u2013 ${month(c.endYear, c.endMonth, true)}`;
  }

  /** A day under a column: its full label and the narrower forms, each part whole. */
  dayParts(iso: string): DayParts {
    const full = this.date(iso, { weekday: true, year: false });
    if (this.pack.dates.engine === "intl") {
      const parts = this.intlDate(iso, true, false).formatToParts(toDate(iso));
      const of = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
      const [weekday, day, month] = [of("weekday"), of("day"), of("month")];
      const s = this.pack.dates.space;
      const monthFirst = parts.findIndex((p) => p.type === "month") < parts.findIndex((p) => p.type === "day");
      return {
        full,
        two: monthFirst ? [weekday, `${month}${s}${day}`] : [weekday ? `${weekday}${s}${day}` : day, month],
        three: [weekday, day, month],
        day,
        month,
      };
    }
    const d = toDate(iso);
    const names = this.names();
    const weekday = names.weekdays?.[d.getUTCDay()] ?? "";
    const day = String(d.getUTCDate());
    const month = names.months[d.getUTCMonth()];
    const s = this.pack.dates.space;
    if (this.fields.dates === "month-day")
      return {
        full,
        two: [weekday ? `${weekday},` : "", `${month}${s}${day}`],
        three: [weekday, month, day],
        day,
        month,
      };
    return { full, two: [weekday ? `${weekday}${s}${day}` : day, month], three: [weekday, day, month], day, month };
  }

  private names(): { weekdays?: string[]; months: string[] } {
    const dates = this.pack.dates;
    const weekdays = this.fields.weekdays === "none" ? undefined : dates.weekdays![this.fields.weekdays];
    return { weekdays, months: dates.months![this.fields.months] };
  }

  private readonly formats = new Map<string, Intl.DateTimeFormat>();

  private intlDate(_iso: string, weekday: boolean, year: boolean): Intl.DateTimeFormat {
    const key = `${weekday}/${year}`;
    let format = this.formats.get(key);
    if (!format) {
      const weekdays = this.fields.weekdays;
      format = new Intl.DateTimeFormat(this.digitsLocale(this.pack.intl), {
        timeZone: "UTC",
        day: "numeric",
        month: this.fields.months === "long" ? "long" : "short",
        ...(weekday && weekdays !== "none" ? { weekday: weekdays } : {}),
        ...(year ? { year: "numeric" } : {}),
      });
      this.formats.set(key, format);
    }
    return format;
  }
}

interface Large {
  text: string;
  /** Written with a long scale word ("billion", "crore"): money may then name its currency. */
  long: boolean;
}

function longWord(scale: Scale, category: string): string {
  return typeof scale.long === "string" ? scale.long : (scale.long[category] ?? scale.long.other);
}

function toDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

const writers = new Map<string, Writer>();

/** The writer for a locale and style; the default (en-GB, no style) writes as the tool always has. */
export function writerFor(
  locale = "en-GB",
  fields: Partial<StyleFields> = {},
  styleName?: string,
  chosen = true,
): Writer {
  const key = JSON.stringify([locale, fields, styleName ?? null, chosen]);
  let writer = writers.get(key);
  if (!writer) {
    const pack = localePack(locale);
    if (!pack) throw new Error(`no locale pack ${locale}`);
    writer = new Writer(pack, fields, styleName, chosen);
    writers.set(key, writer);
  }
  return writer;
}

/** The writer of a story that chooses no locale and no style. */
export const defaultWriter = (): Writer => writerFor("en-GB", {}, undefined, false);
