import type { Qualifier } from "./qualifiers.ts";

/** One number as a sentence states it: "Nearly 1,000" is { value: 1000, qualifier: "nearly" }. */
export interface Mention {
  value: number;
  qualifier: Qualifier;
  /** The words as they appear, qualifier included: what an error message quotes back. */
  text: string;
  index: number;
}

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19, dozen: 12,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9 };

/** Longest phrases first, so "no more than" is not read as "more than". */
const QUALIFIER_WORDS: [string, Qualifier][] = (
  [
    ["no fewer than", "at_least"], ["no less than", "at_least"], ["not less than", "at_least"],
    ["a minimum of", "at_least"], ["at least", "at_least"],
    ["no more than", "up_to"], ["not more than", "up_to"], ["a maximum of", "up_to"],
    ["as many as", "up_to"], ["at most", "up_to"], ["up to", "up_to"],
    ["in excess of", "more_than"], ["upwards of", "more_than"], ["more than", "more_than"],
    ["over", "more_than"],
    ["just short of", "nearly"], ["just under", "nearly"], ["close to", "nearly"],
    ["nearly", "nearly"], ["almost", "nearly"],
    ["an estimated", "about"], ["approximately", "about"], ["roughly", "about"],
    ["around", "about"], ["about", "about"], ["some", "about"], ["circa", "about"],
  ] as [string, Qualifier][]
).sort((a, b) => b[0].length - a[0].length);

const WORD = Object.keys({ ...UNITS, ...TENS, ...SCALES }).join("|");
// A run of number words ("twenty-five", "one hundred and twelve", "a thousand"), or digits with an
// optional scale word ("1.6 million"). Digits may carry thousands separators ("20,000").
const MENTION = new RegExp(
  String.raw`(?<![\w.,])(?:(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s+(thousand|million|billion)\b)?` +
    String.raw`|((?:a\s+)?(?:${WORD})(?:(?:\s+and\s+|[\s-]+)(?:${WORD}))*)\b)`,
  "giu",
);

/** Every number a text states, with the qualifier in front of it. Never throws. */
export function findMentions(text: string): Mention[] {
  const mentions: Mention[] = [];
  for (const match of text.matchAll(MENTION)) {
    const [whole, digits, scale, words] = match;
    let value: number | undefined;
    if (digits !== undefined) {
      value = Number(digits.replace(/,/g, "")) * (scale ? SCALES[scale.toLowerCase()] : 1);
    } else if (words !== undefined) {
      value = wordsToNumber(words);
    }
    if (value === undefined || !Number.isFinite(value)) continue;
    const index = match.index ?? 0;
    const { qualifier, start } = qualifierBefore(text, index);
    mentions.push({ value: roundFloat(value), qualifier, text: text.slice(start, index + whole.length), index: start });
  }
  return mentions;
}

/** "1.6 million" is 1600000, not 1600000.0000000002. */
function roundFloat(value: number): number {
  return Number(value.toPrecision(15));
}

function wordsToNumber(words: string): number | undefined {
  const tokens = words.toLowerCase().split(/[\s-]+/).filter((t) => t !== "and");
  if (tokens[0] === "a") {
    // "a thousand", "a dozen"; but a lone "a" in prose is not a number.
    if (tokens.length < 2 || !(tokens[1] in SCALES || tokens[1] === "dozen")) return undefined;
    tokens[0] = "one";
  }
  let total = 0;
  let current = 0;
  let seen = false;
  for (const token of tokens) {
    if (token in UNITS) current += UNITS[token];
    else if (token in TENS) current += TENS[token];
    else if (token === "hundred") current = (current || 1) * 100;
    else if (token in SCALES) {
      total += (current || 1) * SCALES[token];
      current = 0;
    } else return undefined;
    seen = true;
  }
  return seen ? total + current : undefined;
}

const QUALIFIER_PATTERNS = QUALIFIER_WORDS.map(
  ([phrase, qualifier]) => [new RegExp(String.raw`(?<!\w)${phrase.replace(/ /g, String.raw`\s+`)}\s+$`, "i"), qualifier] as const,
);

function qualifierBefore(text: string, index: number): { qualifier: Qualifier; start: number } {
  const before = text.slice(Math.max(0, index - 40), index);
  for (const [pattern, qualifier] of QUALIFIER_PATTERNS) {
    const found = pattern.exec(before);
    if (found) return { qualifier, start: index - before.length + found.index };
  }
  return { qualifier: "exact", start: index };
}

export type ValueParse = { ok: true; value: number } | { ok: false; message: string };

/**
 * A value cell from the fact sheet. Thousands separators and stray spaces are fine
 * ("20,000 "); words, signs and anything that is not a finite number are refused with the fix.
 */
export function parseValue(cell: string): ValueParse {
  const text = cell.trim();
  if (text === "") return { ok: false, message: "value is empty; write the number in digits, e.g. 954" };
  if (!/^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/.test(text)) {
    const spelled = findMentions(text).find((m) => m.text.trim().length === text.length);
    const hint = spelled ? `write it in digits: ${spelled.value}` : "write a plain number in digits, e.g. 20000 or 1.6";
    return { ok: false, message: `value ${JSON.stringify(text)} is not a number; ${hint}` };
  }
  const value = Number(text.replace(/,/g, ""));
  if (!Number.isFinite(value)) return { ok: false, message: `value ${JSON.stringify(text)} is not a finite number` };
  if (value < 0) return { ok: false, message: `value ${text} is negative; figures are counts or amounts, write ${-value} and say in the metric what fell` };
  return { ok: true, value: roundFloat(value) };
}
