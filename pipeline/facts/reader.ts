import type { Fraction } from "./figure.ts";
import { findNumbers, type NumberKind, type NumberToken } from "./numbers.ts";
import { findPeriods, type Span } from "./periods.ts";
import { assignPeriods, readParagraphs } from "./reading-periods.ts";
import { QUALIFIER_AFTER, QUALIFIER_PHRASE, QUALIFIER_SIGNS, QUALIFIER_WORDS, type Qualifier } from "./qualifiers.ts";
import { splitSentences } from "./sentences.ts";
import { findSpeaker } from "./speakers.ts";

/**
 * The sentence reader: what each number in a text states, as a copy editor reads it. One reader,
 * used by the provenance check, the figures finder and the build's coverage count; no I/O, never
 * throws, linear in the text.
 *
 * For each number: its value (a range or a fraction kept whole), the qualifier that governs it
 * (also over a list: "at least one officer and four soldiers"), the source's own words for both,
 * the unit and the noun it counts, its own period (in "412 on Sunday, 301 on Monday" each number
 * has its day) resolved against the source's dateline, and who gives it. A running count is read
 * to the day it was counted ("By Wednesday, 31 had died since Sunday" is Sunday to Wednesday; "the
 * toll rose to 12 on Monday" ends on Monday, its start unsaid), never as one day's count. Where the
 * words allow two readings, the reading says so (`alternatives`) instead of choosing silently.
 */

export interface ReadContext {
  /** The source's dateline (YYYY-MM-DD): relative days ("on Tuesday") resolve against it. */
  dateline?: string;
  /** The month the story's fiscal years start, 0-based (3, April, unless the dateline line names another). */
  fiscalStart?: number;
  /** An earlier sentence of the paragraph spoke of a toll: "it stood at 93 on Sunday" is the toll. */
  tollBefore?: boolean;
}

/** Another reading the words equally allow, and why. */
export interface Alternative {
  qualifier: Qualifier | null;
  qualifierWords: string;
  span: Span | null;
  /** A running count to this day whose start the words do not say (span null then). */
  endsOn?: string;
  /** The alternative reads the number as a running count (a toll), where the reading does not, or the other way. */
  running?: boolean;
  /**
   * "list": the qualifier before a list may govern its first item only ("at least one officer and
   * four soldiers": four, exactly); "night": the period words may name either of two nights;
   * "toll": a number in a toll's paragraph may be that day's count or the running toll.
   */
  reason: "list" | "night" | "toll";
  why: string;
}

export interface Reading {
  /** A figure (a count or a measure), or a number that is not one: a year, date, age, clock time, ordinal, label. */
  kind: NumberKind;
  /** The words as they stand, qualifier included: "Some 45,000", "between 900 and 1,200", "at least one". */
  text: string;
  start: number;
  end: number;
  /** Where the number itself is (no qualifier): what a quote must contain to record it. */
  numberStart: number;
  numberEnd: number;
  /** The value; a range's low end; a fraction's quotient (never shown: see `fraction`). */
  value: number;
  fraction: Fraction | null;
  range: { low: number; high: number } | null;
  /** The words for a fraction ("a third", "one in five"); "" otherwise. */
  valueWords: string;
  /** Numbers inside this one a row must not take alone (the 2.5 of "2.5m", the 20 of "20 000"). */
  pieces: number[];
  /**
   * The qualifier the words state; null when they bound the number in a way no qualifier says
   * ("fewer than 100"), so no row can claim it, not even as exact.
   */
  qualifier: Qualifier | null;
  /** The source's own qualifier words, lower-case ("some", "more than"); "" for exact, signs, or words after the number. */
  qualifierWords: string;
  /** "%", "kilometers", "degrees", "$"; "" for a count. */
  unit: string;
  /** What is counted: "police officers and gendarmes", "those arrested"; "" when the words do not say. */
  noun: string;
  /** The number's own period; null when the sentence gives it none. */
  span: Span | null;
  /**
   * The day a running count ran to, where the words give its end but not its start ("31 had died
   * by Wednesday", "the toll rose to 12 on Monday"); `span` is null then, and "" otherwise. Any
   * start on or before it agrees; it is never a one-day period.
   */
  endsOn: string;
  /**
   * The number is a running count ("the toll rose to 12 on Monday", "31 had died since Sunday",
   * "36 deaths on Wednesday" in a paragraph counting since the fire began), as reported that day.
   */
  running: boolean;
  /** The words that named the period. */
  periodText: string;
  /** Why the period words name no one period ("on Friday and Sunday"), when they do not. */
  periodProblem: string;
  /** Who gives the figure, as the sentence attributes it: "the interior ministry"; "" when it does not. */
  saidBy: string;
  alternatives: Alternative[];
  /** The sentence the number is in, by offsets in the text read. */
  sentenceStart: number;
  sentenceEnd: number;
}

/** A sentence and what its numbers state. Offsets are in the whole text. */
export interface SentenceReading {
  start: number;
  end: number;
  text: string;
  readings: Reading[];
}

/** Reads every sentence of a text (an article or a source): its dateline line is not read as numbers. */
export function readText(text: string, context: ReadContext = {}): SentenceReading[] {
  // The dateline is metadata: blanked, so offsets stay those of the text.
  const body = text.replace(
    /^(\uFEFF?\s*)(date\s+\d{4}-\d{2}-\d{2})/i,
    (_, lead: string, line: string) => lead + " ".repeat(line.length),
  );
  return readParagraphs(body, splitSentences(body), context, (sentence, tollBefore) =>
    readSentence(sentence.text, { ...context, tollBefore }).map((r) => shift(r, sentence.start)),
  );
}

function shift(r: Reading, by: number): Reading {
  return {
    ...r,
    start: r.start + by,
    end: r.end + by,
    numberStart: r.numberStart + by,
    numberEnd: r.numberEnd + by,
    sentenceStart: r.sentenceStart + by,
    sentenceEnd: r.sentenceEnd + by,
  };
}

/** The numbers of one sentence, read. Offsets are in the sentence. */
export function readSentence(sentence: string, context: ReadContext = {}): Reading[] {
  const tokens = findNumbers(sentence);
  const phrases = context.dateline ? findPeriods(sentence, context.dateline, { fiscalStart: context.fiscalStart }) : [];
  const saidBy = findSpeaker(sentence);
  const readings = tokens.map((token) => readToken(token, sentence, saidBy));
  // A number inside the words of a period is part of the date: "the three months to September".
  // Phrases are in order and never overlap: one pass over both.
  let p = 0;
  for (const r of readings) {
    while (p < phrases.length && phrases[p].stop < r.numberEnd) p++;
    if (r.kind === "figure" && p < phrases.length && phrases[p].at <= r.numberStart)
      Object.assign(r, { kind: "date", noun: "", saidBy: "" });
  }
  const figures = readings.filter((r) => r.kind === "figure");
  governLists(figures, sentence);
  assignPeriods(figures, phrases, sentence, context);
  return readings;
}

function readToken(token: NumberToken, sentence: string, saidBy: string): Reading {
  const isFigure = token.kind === "figure";
  const before = isFigure ? qualifierBefore(sentence, token.start) : undefined;
  const after = isFigure && (!before || before.qualifier === "exact") ? qualifierAfter(sentence, token.end) : undefined;
  const qualifier: Qualifier | null = after ? after.qualifier : before ? before.qualifier : "exact";
  const start = before?.start ?? token.start;
  const end = after?.end ?? token.end;
  const { unit, unitEnd } = isFigure ? unitAfter(token, sentence, end) : { unit: token.unit, unitEnd: end };
  return {
    kind: token.kind,
    text: sentence.slice(start, end),
    start,
    end,
    numberStart: token.start,
    numberEnd: token.end,
    value: token.value,
    fraction: token.fraction,
    range: token.range,
    valueWords: token.valueWords,
    pieces: token.pieces,
    qualifier,
    qualifierWords: qualifier === "exact" || after ? "" : (before?.words ?? ""),
    unit,
    noun: isFigure ? nounAfter(sentence, unitEnd, token.fraction !== null) : "",
    span: null,
    endsOn: "",
    running: false,
    periodText: "",
    periodProblem: "",
    saidBy: isFigure ? saidBy : "",
    alternatives: [],
    sentenceStart: 0,
    sentenceEnd: sentence.length,
  };
}

const QUALIFIER_PATTERNS = QUALIFIER_WORDS.map(
  ([phrase, qualifier]) =>
    [new RegExp(String.raw`(?<![\p{L}])${phrase.replace(/ /g, String.raw`\s+`)}\s+$`, "iu"), qualifier] as const,
);
const AFTER_PATTERNS = [
  ...QUALIFIER_AFTER.map(
    ([phrase, qualifier]) =>
      [new RegExp(String.raw`^\s+${phrase.replace(/ /g, String.raw`\s+`)}(?![\p{L}])`, "iu"), qualifier] as const,
  ),
  [/^(?:\+|-plus(?![\p{L}]))/iu, "at_least"] as const,
  [/^-odd(?![\p{L}])/iu, "about"] as const,
];

/** The qualifier just before a number: a sign ("~500", ">300") or words ("Some", "more than"). */
function qualifierBefore(
  text: string,
  index: number,
): { qualifier: Qualifier | null; start: number; words: string } | undefined {
  const before = text.slice(Math.max(0, index - 40), index);
  for (const [pattern, qualifier] of QUALIFIER_SIGNS) {
    const found = pattern.exec(before);
    if (found) return { qualifier, start: index - before.length + found.index, words: "" };
  }
  for (const [pattern, qualifier] of QUALIFIER_PATTERNS) {
    const found = pattern.exec(before);
    if (found)
      return {
        qualifier,
        start: index - before.length + found.index,
        words: found[0].trim().toLowerCase().replace(/\s+/g, " "),
      };
  }
  return undefined;
}

function qualifierAfter(text: string, end: number): { qualifier: Qualifier | null; end: number } | undefined {
  const after = text.slice(end, end + 20);
  for (const [pattern, qualifier] of AFTER_PATTERNS) {
    const found = pattern.exec(after);
    if (found) return { qualifier, end: end + found[0].length };
  }
  return undefined;
}

/** Units a measure is stated in, as they follow the number ("1.6 kilometers", "−5 degrees", "5km"). */
const UNIT = new RegExp(
  String.raw`^(?:\s+|-)?(square\s+(?:kilomet(?:re|er)s?|miles?|metres?|meters?)|sq\.?\s*km|kilomet(?:re|er)s?|kms?|miles?|millimet(?:re|er)s?|centimet(?:re|er)s?|metres?|meters?|m(?=\s+(?:high|tall|long|wide|deep|away|above|below)\b)|cm|mm|feet|foot|ft|inches|kilo(?:gram)?s?|kg|grams?|tonnes?|tons?|lit(?:re|er)s?|gallons?|barrels?|hectares?|acres?|degrees?(?:\s+(?:celsius|fahrenheit|c|f)\b)?|°\s?[CF]?|hours?|minutes?|seconds?|days?|weeks?|months?|years?|mph|km/h|kph|knots?|megawatts?|mw|gw|kwh|dollars?|rupees?|euros?|pounds?|yuan|taka|lakh\s+rupees|crore\s+rupees|votes?)(?![\p{L}])`,
  "iu",
);

function unitAfter(token: NumberToken, text: string, end: number): { unit: string; unitEnd: number } {
  const found = UNIT.exec(text.slice(end, end + 40));
  if (found && (!token.unit || /^(?:\$|£|€|₹|Rs)/.test(token.unit)) && token.unit !== "%")
    return { unit: found[1].replace(/\s+/g, " "), unitEnd: end + found[0].length };
  return { unit: token.unit, unitEnd: end };
}

/** Words that end the noun a number counts. */
const STOP = new Set(
  "were was is are be been being had has have will would could can may might must should did do does said says told reported confirmed announced on in at by during since between from to for with across over under into onto of than as after before while when which who whom whose that or but according per a an the their his her its our this these those there it they he she we last next overnight yesterday today tonight high tall long wide deep away sunday monday tuesday wednesday thursday friday saturday".split(
    " ",
  ),
);
const AUXILIARIES = new Set(
  "were was is are be been being had has have will would could can may might must should did do does said says told reported confirmed announced stated added".split(
    " ",
  ),
);

/** What a number counts: "20,000 security personnel", "a third of those arrested". At most five words. */
function nounAfter(text: string, end: number, fraction: boolean): string {
  const rest = text.slice(end, end + 80);
  let words =
    rest
      .match(/^(?:\s+[\p{L}'’-]+|,)*/u)?.[0]
      // A comma is a word of its own: "400 people, he said" counts "people", not "people,".
      .split(/\s+|(?=,)|(?<=,)/)
      .filter(Boolean) ?? [];
  if (fraction && words[0]?.toLowerCase() === "of") {
    words = words.slice(1);
    if (words[0] && /^(?:the|those|these|all|its|their)$/i.test(words[0])) {
      const [first, ...others] = words;
      return [first, ...takeNoun(others, true)].join(" ");
    }
  }
  return takeNoun(words, false).join(" ");
}

function takeNoun(words: string[], afterDeterminer: boolean): string[] {
  const noun: string[] = [];
  for (const [i, word] of words.entries()) {
    const w = word.toLowerCase();
    // "3,400 wounded" names who is counted; "5,000 waited for five hours" does not.
    if (i === 0 && !afterDeterminer && VERBISH(w) && words[1] && !/^(?:and|,)$/i.test(words[1])) break;
    if (word === "," || noun.length >= 5) break;
    if (w === "and") {
      if (noun.length === 0) break;
      noun.push(word);
      continue;
    }
    if (STOP.has(w) || /^(?:one|two|three|four|five|six|seven|eight|nine|ten)$/.test(w)) break;
    // "people marching", "people fled": the noun ends where a verb begins.
    if (noun.length > 0 && (/ing$/.test(w) || VERBISH(w))) break;
    if (afterDeterminer && /ed$/.test(w)) {
      noun.push(word); // "those arrested"
      break;
    }
    noun.push(word);
  }
  while (noun.length && noun[noun.length - 1].toLowerCase() === "and") noun.pop();
  return noun;
}

/** Verbs a list item's own words would hold if it were a clause of its own, not an item. */
const VERBISH = (word: string) =>
  AUXILIARIES.has(word) ||
  /ed$/.test(word) ||
  /^(?:died|hurt|shot|left|went|came|fell|rose|saw|took|made|held|met|ran|fought|fled|caught|sent|struck|lost|won|got|put|set|cut|hit|kept|brought|began|remain|remained)$/.test(
    word,
  );

/**
 * A qualifier before the first of a list governs the items after it in ordinary reading: "at least
 * one police officer and four paramilitary personnel" is at least four, too. But it may govern the
 * first alone, so the reading keeps that as an alternative, and the row decides.
 */
function governLists(figures: Reading[], text: string): void {
  const heads = new Map<Reading, Reading>();
  for (let i = 1; i < figures.length; i++) {
    const previous = figures[i - 1];
    const item = figures[i];
    if (item.qualifier !== "exact") continue;
    const gap = text.slice(previous.end, item.start);
    const joined = /(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s+as\s+well\s+as\s+|\s+plus\s+)$/iu.test(gap);
    if (!joined || /[;:.!?()]/.test(gap.replace(/,\s*(?:and\s+|or\s+)?$/u, ""))) continue;
    const gapWords = (gap.toLowerCase().match(/[\p{L}'’-]+/gu) ?? []).slice(0, -1);
    const nounList = gapWords.length <= 6 && !gapWords.some(VERBISH);
    // A gapped item shares the first item's verb: "875 … were arrested on Thursday night, 1,311 on Friday night".
    const own = text.slice(item.end, figures[i + 1]?.start ?? text.length);
    const ownWords =
      own
        .split(/,\s*(?:and\s+|or\s+)?|\s+and\s+/u)[0]
        .toLowerCase()
        .match(/[\p{L}'’-]+/gu) ?? [];
    const gapped = !ownWords.some((w) => AUXILIARIES.has(w));
    if (!nounList && !gapped) continue;
    // The list's head: the first item of a run of items joined this way.
    const first = heads.get(previous) ?? previous;
    heads.set(item, first);
    if (!item.noun && first.noun) item.noun = first.noun;
    if (!item.unit && first.unit && first.unit !== "%") item.unit = first.unit;
    if (first.qualifier === "exact") continue;
    const words =
      first.qualifierWords ||
      QUALIFIER_PHRASE[first.qualifier ?? "exact"] ||
      first.text.slice(0, first.numberStart - first.start).trim();
    item.alternatives.push({
      qualifier: "exact",
      qualifierWords: "",
      span: null,
      reason: "list",
      why: `"${words}" may govern only "${first.text}", leaving "${item.text}" exact`,
    });
    item.qualifier = first.qualifier;
    item.qualifierWords = first.qualifierWords;
  }
}
