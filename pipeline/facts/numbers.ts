import type { Fraction } from "./figure.ts";
import { QUALIFIER_AFTER, QUALIFIER_SIGNS, QUALIFIER_WORDS, type Qualifier } from "./qualifiers.ts";

/** One number as a sentence states it: "Nearly 1,000" is { value: 1000, qualifier: "nearly" }. */
export interface Mention {
  value: number;
  /** The exact share when the words state a fraction ("a third", "one in five"); value is its quotient. */
  fraction: Fraction | null;
  /** The words that state the value when they are a fraction ("a third"); "" otherwise. */
  valueWords: string;
  /** The qualifier's own words, lower-case ("some", "over"); "" when exact, signs or words after the number. */
  qualifierWords: string;
  /**
   * The qualifier the words around the number state; null when they qualify it in a way no
   * qualifier expresses ("fewer than 100"), so no row can claim it, not even as exact.
   */
  qualifier: Qualifier | null;
  /** The words as they appear, qualifier included: what an error message quotes back. */
  text: string;
  index: number;
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
  million: ["scale", 1e6],
  crore: ["scale", 1e7],
  billion: ["scale", 1e9],
};
// Lakh and crore: South Asian copy ("1.5 lakh people", "Rs 2 crore") counts in them.
const SCALES: Record<string, number> = { thousand: 1e3, lakh: 1e5, million: 1e6, crore: 1e7, billion: 1e9 };

const WORD = Object.keys(NUMBER_WORDS)
  .sort((a, b) => b.length - a.length)
  .join("|");
// Digits, with thousands separators ("20,000", "20 000", and South Asian "10,00,000") and an optional
// scale word ("1.6 million", "2 lakh"); or a run
// of number words ("twenty-five", "one hundred and twelve", "a thousand"), split into numbers below.
// Neither may be part of a longer token: "1,0000", "1.6.2" and "someone" state no number.
const MENTION = new RegExp(
  String.raw`(?<![\w.,])(?:(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d{1,3}(?:[ \u00A0\u202F\u2009]\d{3})+(?![\d])(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d]|[.,]\d)(?:\s+(thousand|lakh|million|crore|billion)\b)?` +
    String.raw`|((?:a\s+)?(?:${WORD})\b(?:(?:\s+and\s+|[\s-]+)(?:${WORD})\b)*))`,
  "giu",
);

/** Every number a text states, with the qualifier around it. Never throws. */
export function findMentions(text: string): Mention[] {
  const mentions: Mention[] = [];
  const shares = findFractions(text);
  for (const share of shares) {
    const m = qualify(text, share.value, share.start, share.end);
    mentions.push({ ...m, fraction: share.fraction, valueWords: text.slice(share.start, share.end).toLowerCase() });
  }
  const inShare = (at: number) => shares.some((s) => at >= s.start && at < s.end);
  for (const match of text.matchAll(MENTION)) {
    if (inShare(match.index ?? 0)) continue;
    const [whole, digits, scale, words] = match;
    const at = match.index ?? 0;
    if (digits !== undefined) {
      const value = Number(digits.replace(/[,\s]/g, "")) * (scale ? SCALES[scale.toLowerCase()] : 1);
      if (Number.isFinite(value)) mentions.push(qualify(text, value, at, at + whole.length));
      // "On 24 100 people…" may be two numbers: space-grouped digits are also read group by group.
      if (/\s/.test(digits)) {
        for (const part of digits.matchAll(/\S+/g))
          mentions.push(qualify(text, Number(part[0]), at + part.index!, at + part.index! + part[0].length));
      }
    } else if (words !== undefined) {
      for (const number of wordNumbers(words))
        mentions.push(qualify(text, number.value, at + number.start, at + number.end));
    }
  }
  return mentions;
}

function qualify(text: string, value: number, start: number, end: number): Mention {
  const before = qualifierBefore(text, start);
  const after = before.qualifier === "exact" ? qualifierAfter(text, end) : undefined;
  const words = text.slice(before.start, start).trim();
  return {
    value: roundFloat(value),
    fraction: null,
    valueWords: "",
    qualifierWords: /^[\p{L}\s-]+$/u.test(words) ? words.toLowerCase().replace(/\s+/g, " ") : "",
    qualifier: after ? after.qualifier : before.qualifier,
    text: text.slice(before.start, after ? after.end : end),
    index: before.start,
  };
}

/** "1.6 million" is 1600000, not 1600000.0000000002; and -0 is 0. */
function roundFloat(value: number): number {
  return Number(value.toPrecision(15)) + 0;
}

const SMALL_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
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
const SMALL = `(?:a|an|${SMALL_WORDS.join("|")})`;
const PART = Object.keys(PARTS).join("|");
const SHARE = new RegExp(
  String.raw`(?<![\w.,])(?:(${SMALL})[\s-]+(${PART})|(half)|(${SMALL_WORDS.join("|")}|\d{1,3})\s+(?:in|out\s+of)\s+(${SMALL_WORDS.join("|")}|\d{1,4}))(?![\w])`,
  "giu",
);
const small = (word: string) =>
  /^\d+$/.test(word) ? Number(word) : /^an?$/i.test(word) ? 1 : SMALL_WORDS.indexOf(word.toLowerCase()) + 1;

/** Shares stated in words: "a third", "two-thirds", "half", "one in five", "nine out of 10". */
function findFractions(text: string): { value: number; fraction: Fraction; start: number; end: number }[] {
  const found: { value: number; fraction: Fraction; start: number; end: number }[] = [];
  for (const m of text.matchAll(SHARE)) {
    const [whole, count, part, half, of, whole_] = m;
    const numerator = count ? small(count) : half ? 1 : small(of!);
    const denominator = part ? PARTS[part.toLowerCase()] : half ? 2 : small(whole_!);
    if (!(numerator >= 1 && denominator >= 2 && numerator < denominator)) continue;
    // "half a million" is a number, not a share: left to the number reader.
    if (half && /^\s+an?\s+(?:thousand|million|billion|lakh|crore|dozen|hundred)\b/i.test(text.slice(m.index! + 4)))
      continue;
    found.push({
      value: numerator / denominator,
      fraction: { numerator, denominator },
      start: m.index!,
      end: m.index! + whole.length,
    });
  }
  return found;
}

interface WordNumber {
  value: number;
  start: number;
  end: number;
}

/**
 * The numbers in a run of number words. One run may hold several: "four and five" is 4 and 5, not
 * 9; "a five-day strike" is 5. "And" joins only after hundred or a scale ("one hundred and twelve").
 */
function wordNumbers(run: string): WordNumber[] {
  const found: WordNumber[] = [];
  let current:
    { total: number; part: number; last: WordKind; smallestScale: number; start: number; end: number } | undefined;
  let article: number | undefined;
  let joined = false;
  const close = () => {
    if (current) found.push({ value: current.total + current.part, start: current.start, end: current.end });
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
        start: multiplier && article !== undefined ? article : start,
        end,
      };
    }
    const number = current!;
    if (kind === "unit" || kind === "teen" || kind === "tens") number.part += value;
    else if (kind === "hundred" || kind === "dozen") number.part = (number.part || 1) * value;
    else {
      number.total += (number.part || 1) * value;
      number.part = 0;
      number.smallestScale = value;
    }
    number.last = kind;
    number.end = end;
    article = undefined;
    joined = false;
  }
  close();
  return found;
}

const QUALIFIER_PATTERNS = QUALIFIER_WORDS.map(
  ([phrase, qualifier]) =>
    [new RegExp(String.raw`(?<!\w)${phrase.replace(/ /g, String.raw`\s+`)}\s+$`, "iu"), qualifier] as const,
);
const AFTER_PATTERNS = [
  ...QUALIFIER_AFTER.map(
    ([phrase, qualifier]) =>
      [new RegExp(String.raw`^\s+${phrase.replace(/ /g, String.raw`\s+`)}(?!\w)`, "iu"), qualifier] as const,
  ),
  [/^(?:\+|-plus(?!\w))/iu, "at_least"] as const,
  [/^-odd(?!\w)/iu, "about"] as const,
];

function qualifierBefore(text: string, index: number): { qualifier: Qualifier | null; start: number } {
  const before = text.slice(Math.max(0, index - 40), index);
  for (const [pattern, qualifier] of QUALIFIER_SIGNS) {
    const found = pattern.exec(before);
    if (found) return { qualifier, start: index - before.length + found.index };
  }
  for (const [pattern, qualifier] of QUALIFIER_PATTERNS) {
    const found = pattern.exec(before);
    if (found) return { qualifier, start: index - before.length + found.index };
  }
  return { qualifier: "exact", start: index };
}

function qualifierAfter(text: string, end: number): { qualifier: Qualifier | null; end: number } | undefined {
  const after = text.slice(end, end + 20);
  for (const [pattern, qualifier] of AFTER_PATTERNS) {
    const found = pattern.exec(after);
    if (found) return { qualifier, end: end + found[0].length };
  }
  return undefined;
}

export type ValueParse = { ok: true; value: number; fraction: Fraction | null } | { ok: false; message: string };

// Thousands grouped by commas, or by spaces as some spreadsheets and style guides write them.
const VALUE =
  /^[+\-\u2212]?(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d{1,3}(?:[ \u00A0\u202F\u2009]\d{3})+|\d+)(?:\.\d+)?$/u;
// A share: "1/3", or "1 in 3" (which a spreadsheet does not turn into a date).
const FRACTION = /^(\d{1,4})\s*(?:\/|\s+in\s+)(\d{1,4})$/iu;

/**
 * A value cell from the fact sheet. Thousands separators and stray spaces are fine
 * ("20,000 ", "20 000"); a fraction is "1/3" or "1 in 3"; a sign is kept (whether a negative
 * value is allowed depends on the unit, which the check decides). Words and anything that is not a
 * finite number are refused with the fix.
 */
export function parseValue(cell: string): ValueParse {
  const text = cell.trim();
  if (text === "") return { ok: false, message: "value is empty; write the number in digits, e.g. 954" };
  const share = FRACTION.exec(text);
  if (share) {
    const numerator = Number(share[1]);
    const denominator = Number(share[2]);
    if (numerator < 1 || denominator < 2 || numerator >= denominator)
      return {
        ok: false,
        message: `value ${JSON.stringify(text)} is not a share of a whole; a fraction is written 1/3 (a third), 2/3 (two-thirds), 1/5 (one in five)`,
      };
    return { ok: true, value: numerator / denominator, fraction: { numerator, denominator } };
  }
  if (
    /^\d{1,2}[-/ ](?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*$|^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[-/ ]\d{1,2}$/i.test(
      text,
    )
  )
    return {
      ok: false,
      message: `value ${JSON.stringify(text)} is a date, as a spreadsheet writes a fraction it took for one; write the fraction as 1 in 3 (or 1/3 in a cell formatted as text)`,
    };
  if (/^[+\-\u2212]?\d+(?:\.\d+)?\s*(?:%|per\s*cent|percent)$/iu.test(text))
    return {
      ok: false,
      message: `value ${JSON.stringify(text)} is a percentage; write the number alone, ${text.replace(/[^\d.\-\u2212+]/g, "").replace("\u2212", "-")}, and % in the unit column`,
    };
  if (!VALUE.test(text)) {
    const spelled = findMentions(text).find((m) => m.text.trim().length === text.length && m.qualifier === "exact");
    const qualified = findMentions(text).find((m) => m.text.trim().length === text.length && m.qualifier !== "exact");
    const hint = spelled
      ? spelled.fraction
        ? `write the fraction as ${spelled.fraction.numerator}/${spelled.fraction.denominator}`
        : `write it in digits: ${spelled.value}`
      : qualified
        ? `write the number alone, ${qualified.fraction ? `${qualified.fraction.numerator}/${qualified.fraction.denominator}` : qualified.value}, and the qualifier in the qualifier column`
        : /^\d+,\d{1,2}$|^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(text)
          ? "write it with a decimal point and optional comma thousands, e.g. 1.6 or 20,000"
          : "write a plain number in digits, e.g. 20000 or 1.6";
    return { ok: false, message: `value ${JSON.stringify(text)} is not a number; ${hint}` };
  }
  const value = Number(text.replace(/[,\s\u00A0\u202F\u2009]/g, "").replace("\u2212", "-"));
  if (!Number.isFinite(value))
    return {
      ok: false,
      message: `value ${JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text)} is too large to be a number; check the cell`,
    };
  // A double holds 15 significant digits exactly; past that (or from 1e21 or under 1e-6, which
  // JavaScript writes as "1e+21", "1e-7") a number could not be shown as the source states it, so
  // it is refused, not rounded.
  const digits = text.replace(/[^\d]/g, "").replace(/^0+/, "").replace(/0+$/, "");
  const size = Math.abs(value);
  if (digits.length > 15 || size >= 1e21 || (size > 0 && size < 1e-6)) {
    return {
      ok: false,
      message: `value ${JSON.stringify(text)} cannot be shown exactly (at most 15 significant digits, between 0.000001 and 1e21); state it in another unit, e.g. 1.2 billion as 1.2 with unit "billion"`,
    };
  }
  return { ok: true, value: value + 0, fraction: null }; // "-0" is 0
}
