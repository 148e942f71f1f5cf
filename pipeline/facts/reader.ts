import type { Fraction } from "./figure.ts";
import { isGeneric, metricOf, respectively, SAME_SERIES } from "./metrics.ts";
import { findNumbers, type NumberKind, type NumberToken } from "./numbers.ts";
import { findPeriods, type PeriodPhrase, type Span } from "./periods.ts";
import { QUALIFIER_AFTER, QUALIFIER_PHRASE, QUALIFIER_SIGNS, QUALIFIER_WORDS, type Qualifier } from "./qualifiers.ts";
import { splitSentences } from "./sentences.ts";
import { findAttributions, isAnaphor, isPronoun, speakerLabel, type Attribution } from "./speakers.ts";

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
  /** The source's own name (its `source:`): its own statements are credited to it. */
  source?: string;
}

/**
 * What the reading of a text carries from sentence to sentence: the speakers named so far (a
 * pronoun or "the agency" is the nearest of them), a transcript's current speaker label.
 */
/** A toll spoken of again: "It stood at 93", "The figure rose to 99". */
const TOLL_AGAIN =
  /(?:^|[^\p{L}])(?:it|the\s+(?:figure|number|count|total|tally|toll))\s+(?:(?:had|has|now|then)\s+)?(?:stood|stands|was|is|rose|climbed|reached|jumped|hit|grew)(?![\p{L}])/iu;

interface Carried {
  /** Every speaker so far ("the ministry" is the nearest with "ministry"), and those with a name (a pronoun's). */
  speakers: string[];
  named: string[];
  label: string;
  /** The metric of the toll this paragraph reports, for "It stood at 93 on Sunday". */
  toll: string;
}

const carry = (context: ReadContext): Carried => ({
  speakers: context.source ? [context.source] : [],
  named: context.source ? [context.source] : [],
  label: "",
  toll: "",
});

/** Another reading the words equally allow, and why. */
export interface Alternative {
  qualifier: Qualifier | null;
  qualifierWords: string;
  span: Span | null;
  /**
   * "list": the qualifier before a list may govern its first item only ("at least one officer and
   * four soldiers": four, exactly); "night": the period words may name either of two nights.
   */
  reason: "list" | "night";
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
  /** The noun the number counts, as written: "police officers and gendarmes", "those arrested"; "" when none follows. */
  noun: string;
  /**
   * What is counted or measured, as a fact sheet's metric: "deaths", "people arrested", "people in
   * shelters", "turnout", "rain"; "" when the words do not say.
   */
  metric: string;
  /** The item of a list "respectively" assigns the number to ("Lahaina and Kihei lost 2,207 and 14 buildings, respectively"); "" otherwise. */
  label: string;
  /** The number's own period; null when the sentence gives it none. */
  span: Span | null;
  /**
   * The day a running count ran to, where the words give its end but not its start ("31 had died
   * by Wednesday", "the toll rose to 12 on Monday"); `span` is null then, and "" otherwise. Any
   * start on or before it agrees; it is never a one-day period.
   */
  endsOn: string;
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
  const carried = carry(context);
  let last = 0;
  return splitSentences(body).map((sentence) => {
    // A new paragraph reports its own toll.
    if (/\n[ \t]*\n|\u2029/.test(body.slice(last, sentence.start))) carried.toll = "";
    last = sentence.end;
    const readings = readSentenceWith(sentence.text, context, carried).map((r) => shift(r, sentence.start));
    return { ...sentence, readings };
  });
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

/**
 * Who gives each number of a sentence, by where it stands: its clause's attribution, else the
 * sentence's nearest; a pronoun or "the agency" resolved to the nearest named speaker before it
 * (else nobody); a title ("the minister") to a named speaker with that title; else a transcript's
 * speaker label, else the source's own name.
 */
function speakersOf(sentence: string, context: ReadContext, carried: Carried): (at: number) => string {
  const label = speakerLabel(sentence);
  if (label) carried.label = label.speaker;
  const attributions: Attribution[] = findAttributions(label ? sentence.slice(label.end) : sentence).map((a) => ({
    ...a,
    speaker: resolve(a.speaker, carried),
    start: a.start + (label?.end ?? 0),
    end: a.end + (label?.end ?? 0),
  }));
  for (const a of attributions) {
    if (!a.speaker) continue;
    remember(carried.speakers, a.speaker);
    // A pronoun stands for a person or body named before, or for one known by title ("the minister").
    if (isNamed(a.speaker) || TITLE.test(a.speaker)) remember(carried.named, a.speaker);
  }
  if (label) {
    remember(carried.speakers, label.speaker);
    remember(carried.named, label.speaker);
  }
  const fallback = carried.label || context.source || "";
  return (at) => {
    if (attributions.length === 0) return fallback;
    const own = attributions.find((a) => at >= a.start && at < a.end);
    if (own) return own.speaker;
    // A clause with no speaker of its own: the nearest clause's before it, else after it.
    const before = attributions.filter((a) => a.end <= at).pop();
    return (before ?? attributions[0]).speaker;
  };
}

/** Titles a named speaker carries, so "the minister" is Finance Minister Anil Rao when he spoke before. */
const TITLE =
  /^the\s+((?:[\p{Ll}-]+\s+){0,2}(?:minister|governor|mayor|president|premier|chancellor|secretary|spokes(?:man|woman|person)|chief|commissioner|director|prosecutor|coroner|sheriff|collector|chairman|chairwoman|chair))$/iu;

function resolve(speaker: string, { speakers, named }: Carried): string {
  const nearest = (list: string[], word: string) => {
    for (let i = list.length - 1; i >= 0; i--)
      if (new RegExp(`(?<![\\p{L}])${word}`, "iu").test(list[i])) return list[i];
    return undefined;
  };
  if (isAnaphor(speaker)) {
    if (isPronoun(speaker)) return named[named.length - 1] ?? "";
    return nearest(speakers, speaker.trim().split(/\s+/).pop()!.toLowerCase()) ?? "";
  }
  const title = TITLE.exec(speaker.trim());
  if (title) return nearest(named, title[1].split(/\s+/).pop()!.toLowerCase()) ?? speaker;
  return speaker;
}

/** A speaker with a name of its own ("Governor Josh Green", "FEMA", "the Red Cross"), not "officials". */
function isNamed(speaker: string): boolean {
  const words = speaker.split(/\s+/);
  return words.slice(1).some((w) => /^\p{Lu}/u.test(w)) || /^\p{Lu}{2,}/u.test(words[0]);
}

function remember(named: string[], speaker: string): void {
  named.push(speaker);
  // Only the nearest matter; a long text keeps a few.
  if (named.length > 16) named.shift();
}

/** The numbers of one sentence, read. Offsets are in the sentence. */
export function readSentence(sentence: string, context: ReadContext = {}): Reading[] {
  return readSentenceWith(sentence, context, carry(context));
}

function readSentenceWith(sentence: string, context: ReadContext, carried: Carried): Reading[] {
  const tokens = findNumbers(sentence);
  const phrases = context.dateline ? findPeriods(sentence, context.dateline) : [];
  const speakerOf = speakersOf(sentence, context, carried);
  const unitEnds = new Map<Reading, number>();
  const readings = tokens.map((token) => {
    const [reading, unitEnd] = readToken(token, sentence, speakerOf(token.start));
    unitEnds.set(reading, unitEnd);
    return reading;
  });
  const figures = readings.filter((r) => r.kind === "figure");
  const heads = governLists(figures, sentence);
  figures.forEach((r, i) => {
    const { start, unit, noun } = r;
    const head = heads.get(r);
    // A list's later item: its own words first ("120 were women"), else the noun it shares.
    const own = head ? metricOf(sentence, { start, unitEnd: unitEnds.get(r)!, unit, noun: "" }) : "";
    r.metric =
      own && /^\s+(?:were|are)\s/u.test(sentence.slice(unitEnds.get(r)!))
        ? own
        : metricOf(sentence, { start, unitEnd: unitEnds.get(r)!, unit, noun });
    // … else what its first counts ("5,500 from Rio Claro").
    if (head && head.metric && (!r.metric || r.metric === r.noun)) r.metric = head.metric;
    const previous = figures[i - 1];
    // "killed 2,100 people and injured more than 5,000": the people of the number before.
    if (!r.metric && !r.noun && previous && isGeneric(previous.noun)) {
      const shared = metricOf(sentence, { start, unitEnd: unitEnds.get(r)!, unit, noun: previous.noun });
      if (shared !== previous.noun) r.metric = shared;
    }
    // "up from 65", "from 60,000 to 75,000", "police estimated it at 60,000": the same series.
    if (!r.metric && previous?.metric && SAME_SERIES.test(sentence.slice(Math.max(0, r.start - 40), r.start)))
      r.metric = previous.metric;
    // "It stood at 93 on Sunday": the toll this paragraph reports.
    if (!r.metric && carried.toll && TOLL_AGAIN.test(sentence.slice(0, r.start))) r.metric = carried.toll;
    if (r.metric === "deaths") carried.toll = r.metric;
  });
  // "The toll has climbed every day since…": the paragraph reports a toll of deaths.
  if (/(?<![\p{L}])(?:death\s+)?toll(?![\p{L}])/iu.test(sentence) && !carried.toll) carried.toll = "deaths";
  const labels = respectively(sentence, figures);
  figures.forEach((r, i) => (r.label = labels[i] ?? ""));
  assignPeriods(figures, phrases, sentence);
  return readings;
}

function readToken(token: NumberToken, sentence: string, saidBy: string): [Reading, number] {
  const isFigure = token.kind === "figure";
  let before = isFigure ? qualifierBefore(sentence, token.start) : undefined;
  // "rattled the region over two days": over is during, not more than.
  if (
    before?.words === "over" &&
    /^\s+(?:days?|weeks?|months?|years?|hours?|nights?|decades?)(?![\p{L}])/iu.test(sentence.slice(token.end)) &&
    !/(?:^|[^\p{L}])(?:lasted|lasting|lasts?|took|takes?|taking|spent|spends?|waited|waits?|for|in|after|of|aged|be|been|is|was|are|were)\s+$/iu.test(
      sentence.slice(Math.max(0, before.start - 20), before.start),
    )
  )
    before = undefined;
  const after = isFigure && (!before || before.qualifier === "exact") ? qualifierAfter(sentence, token.end) : undefined;
  const qualifier: Qualifier | null = after ? after.qualifier : before ? before.qualifier : "exact";
  const start = before?.start ?? token.start;
  const end = after?.end ?? token.end;
  const { unit, unitEnd } = isFigure ? unitAfter(token, sentence, end) : { unit: token.unit, unitEnd: end };
  const reading: Reading = {
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
    metric: "",
    label: "",
    span: null,
    endsOn: "",
    periodText: "",
    periodProblem: "",
    saidBy: isFigure ? saidBy : "",
    alternatives: [],
    sentenceStart: 0,
    sentenceEnd: sentence.length,
  };
  return [reading, unitEnd];
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
  // "have topped 100,000", "exceeded Rs 1 lakh crore": more than, in the chart's own words.
  if (/(?<![\p{L}])(?:topped|exceeded|surpassed|crossed|passed)\s+$/iu.test(before))
    return { qualifier: "more_than", start: index, words: "" };
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
  String.raw`^(?:\s+|-)?(km\/h|kmh|kph|mph|(?:kilomet(?:re|er)s|miles)\s+(?:per|an)\s+hour|square\s+(?:kilomet(?:re|er)s?|miles?|metres?|meters?)|sq\.?\s*km|kilomet(?:re|er)s?|kms?|miles?|millimet(?:re|er)s?|centimet(?:re|er)s?|metres?|meters?|m(?=\s+(?:high|tall|long|wide|deep|away|above|below)\b)|cm|mm|feet|foot|ft|inches|kilo(?:gram)?s?|kg|grams?(?!\s+(?:panchayats?|sabhas?))|tonnes?|tons?|lit(?:re|er)s?|gallons?|barrels?|hectares?|acres?|degrees?(?:\s+(?:celsius|fahrenheit|c|f)\b)?|°\s?[CF]?|hours?|minutes?|seconds?|days?|weeks?|months?|years?|knots?|megawatts?|mw|gw|kwh|dollars?|rupees?|euros?|pounds?|yuan|taka|basis\s+points?|lakh\s+rupees|crore\s+rupees)(?![\p{L}])`,
  "iu",
);

function unitAfter(token: NumberToken, text: string, end: number): { unit: string; unitEnd: number } {
  const rest = text.slice(end, end + 40);
  // "31C", "-5C", "minus 20C": degrees glued to the number.
  const glued = /^([CF])(?![\p{L}\p{N}])/u.exec(rest);
  if (glued && !token.unit) return { unit: `°${glued[1]}`, unitEnd: end + 1 };
  // "fell by 8 points to 31%": points of a percentage where the sentence speaks in percentages or polls.
  const points = /^\s+points?(?![\p{L}])/iu.exec(rest);
  if (points && !token.unit && /%|per\s?cent|poll|vote|lead|trail/iu.test(text))
    return { unit: "percentage points", unitEnd: end + points[0].length };
  const found = UNIT.exec(rest);
  if (found && (!token.unit || /^(?:\$|£|€|₹|Rs)/.test(token.unit)) && token.unit !== "%")
    return { unit: found[1].replace(/\s+/g, " "), unitEnd: end + found[0].length };
  return { unit: token.unit, unitEnd: end };
}

/** Words that end the noun a number counts. */
const STOP = new Set(
  "were was is are be been being had has have will would could can may might must should did do does said says told reported confirmed announced on in at by during since between from to for with across over under into onto of than as after before while when which who whom whose that or but according per a an the their his her its our this these those there it they he she we last next overnight yesterday today tonight high tall long wide deep away sunday monday tuesday wednesday thursday friday saturday against without worldwide nationwide including own owns use uses want wants support supports oppose opposes believe believes think thinks back backs respectively each apiece more fewer less above below higher lower worth include includes cover covers receive receives spent taken take takes make makes need needs face faces remain remains stay stays live lives work works got get gets".split(
    " ",
  ),
);
/** What happened to people, standing for them: "3,400 wounded", "12 dead". */
const STATUS_NOUN = /^(?:dead|wounded|injured|hurt|missing|displaced|killed|homeless|detained|arrested|evacuated)$/iu;
/** Nouns a measure of them keeps with "of": "8,000 bottles of water". */
const CONTAINER =
  /^(?:bottles|bags|sacks|packets|boxes|cartons|cans|barrels|tonnes|tons|pieces|units|rounds|litres|liters|gallons|kilograms|loads|truckloads|crates|cups|doses|vials)$/iu;
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
    // "3,400 wounded" names who is counted; "5,000 waited for five hours" and "85% contained" do not.
    if (
      i === 0 &&
      !afterDeterminer &&
      VERBISH(w) &&
      !(STATUS_NOUN.test(w) && (!words[1] || /^(?:and|,)$/i.test(words[1])))
    )
      break;
    // "8,000 bottles of water".
    if (
      w === "of" &&
      noun.length > 0 &&
      CONTAINER.test(noun[noun.length - 1]) &&
      words[i + 1] &&
      !STOP.has(words[i + 1].toLowerCase())
    ) {
      noun.push(word);
      continue;
    }
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

/** Verbs in the present a clause of its own may hold: "300 of them remain in custody". */
const PRESENT_VERBS = new Set(
  "remain remains stay stays live lives is are has have say says face faces need needs work works".split(" "),
);

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
function governLists(figures: Reading[], text: string): Map<Reading, Reading> {
  const heads = new Map<Reading, Reading>();
  const elided = new Map<Reading, Reading>();
  for (let i = 1; i < figures.length; i++) {
    const previous = figures[i - 1];
    const item = figures[i];
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
    // ", and 300 of them remain in custody", ", and 48,217 finished": a clause of its own, its own verb.
    if (/,\s*(?:and|but)\s+$/iu.test(gap) && ownWords.slice(0, 4).some((w) => VERBISH(w) || PRESENT_VERBS.has(w)))
      continue;
    // "678 and 1,081 acres": the unit after the last item is the first's too.
    if (gapWords.length === 0 && !previous.unit && item.unit && item.unit !== "%" && !heads.has(previous))
      previous.unit = item.unit;
    // "lost 2,207 and 14 buildings": the noun too.
    if (gapWords.length === 0 && !previous.noun && item.noun && !heads.has(previous)) previous.noun = item.noun;
    // The list's head: the first item of a run of items joined this way.
    const first = heads.get(previous) ?? previous;
    heads.set(item, first);
    if (!item.noun) {
      item.noun = first.noun;
      elided.set(item, first);
    }
    if (!item.unit && first.unit && first.unit !== "%" && !item.fraction) item.unit = first.unit;
    // Only an exact item is governed by the first's qualifier; one with its own keeps it.
    if (first.qualifier === "exact" || item.qualifier !== "exact") continue;
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
  return elided;
}

const SPEECH_BEFORE =
  /(?:^|[^\p{L}])(?:said|says|told\s+[\p{L}]+|reported|confirmed|announced|stated|added|tweeted|wrote|posted)\s+$/iu;
const SPEECH_AFTER =
  /^\s*,?\s*(?:[\p{L}'’.-]+\s+){0,4}?(?:said|says|told|reported|confirmed|announced|stated)(?![\p{L}])/iu;
/** ", said the finance minister " just before a closing day: the speaker of the sentence. */
const SPEAKER_BEFORE = /,\s*(?:said|says|told|reported|confirmed|announced|stated|added)\s+(?:[\p{L}'’.-]+\s+){1,6}$/iu;
/** Where one clause ends and another begins: a figure's period is not looked for past it. */
const BOUNDARY =
  /[;:()]|\s[—–]\s|,?\s(?:as|after|before|while|when|whereas|because|although|though|but|which|who|where|until|since|whom)\s/giu;

/**
 * A count that runs ("the death toll rose to 12", "the number of people killed since Sunday
 * reached 20"): its day is the day it was counted to, not a day's count.
 */
const TOLL =
  /(?:^|[^\p{L}])(?:toll|tally|death\s+count|(?:total\s+)?number\s+of\s+(?:[\p{L}'’-]+\s+){0,3}?(?:dead|deaths|killed|died|victims|fatalities|casualties|missing|injured|wounded|hurt|cases|infections|evacuated|displaced|arrested|detained|arrests))(?![\p{L}])[^;:]{0,80}?(?<![\p{L}])(?:rose|risen|climbed|jumped|increased|grown|grew|reached|hit|stood|stands|passed|topped|surpassed|swelled|mounted|was|is)(?![\p{L}])/iu;

/**
 * Each figure's own period: the first period named after it in its clause, before the next figure
 * ("412 on Sunday, 301 on Monday"); else one named before it in its clause that no other figure
 * claimed ("Between Sunday and Tuesday, 954 were arrested and 20 injured"). A date the sentence
 * gives for the statement ("police said on Thursday that …") is no figure's period.
 */
function assignPeriods(figures: Reading[], phrases: PeriodPhrase[], text: string): void {
  const firstFigure = figures[0]?.start ?? text.length;
  // Only a day can date a statement: "police said between 1 and 31 October" dates the figure.
  const periods = phrases.filter((p) => {
    if (p.kind !== "single" && p.kind !== "relative") return true;
    if (SPEECH_BEFORE.test(text.slice(Math.max(0, p.at - 30), p.at))) return false;
    if (p.stop <= firstFigure && SPEECH_AFTER.test(text.slice(p.stop, firstFigure))) return false;
    // "…, said finance minister Anil Rao on Saturday.": the day the speaker spoke, ending the sentence.
    if (/^[\s.!?"'”’]*$/.test(text.slice(p.stop)) && SPEAKER_BEFORE.test(text.slice(Math.max(0, p.at - 80), p.at)))
      return false;
    return true;
  });
  // Phrases come in order and never overlap, so their starts and ends are both sorted: every
  // look-up below is a binary search, and a long sentence with many numbers stays linear.
  const starts = phrases.map((p) => p.at);
  const inPhrase = (at: number) => {
    const i = lowerBound(starts, at + 1) - 1;
    return i >= 0 && at < phrases[i].stop;
  };
  const boundaries = [...text.matchAll(BOUNDARY)]
    .map((m) => m.index ?? 0)
    .filter((at) => !inPhrase(at + 1) && !inPhrase(at + 2));
  // ", when 72 people were arrested" after "on Monday night" refers back to that night.
  const boundaryBetween = (from: number, to: number) => {
    for (let b = lowerBound(boundaries, from); b < boundaries.length && boundaries[b] < to; b++) {
      const at = boundaries[b];
      if (!(at - from <= 1 && /^,?\swhen\s/iu.test(text.slice(at, at + 7)))) return true;
    }
    return false;
  };
  const periodStarts = periods.map((p) => p.at);
  const periodStops = periods.map((p) => p.stop);
  const owned = new Set<PeriodPhrase>();
  const own = new Map<Reading, PeriodPhrase>();
  figures.forEach((figure, i) => {
    const next = boundaries[lowerBound(boundaries, figure.end)] ?? text.length;
    const limit = Math.min(figures[i + 1]?.start ?? text.length, next);
    const phrase = periods[lowerBound(periodStarts, figure.end)];
    if (phrase && phrase.at < limit && !owned.has(phrase)) {
      owned.add(phrase);
      own.set(figure, phrase);
    }
  });
  const chosen = new Map<Reading, PeriodPhrase>();
  for (const figure of figures) {
    let phrase = own.get(figure);
    if (!phrase) {
      // The nearest period before the figure, if no other figure took it and no clause ends between.
      const before = periods[lowerBound(periodStops, figure.start + 1) - 1];
      if (before && !owned.has(before) && !boundaryBetween(before.stop, figure.start)) phrase = before;
    }
    if (phrase) chosen.set(figure, phrase);
  }

  // A running count: "since" and "by" bound one another in a clause ("By Wednesday, 31 had died
  // since Sunday": Sunday to Wednesday), and a day of its own is where a count since a day ran to
  // ("12 dead on Monday and 31 on Wednesday, all since the rains began on Sunday"). Only phrases
  // no figure took as its own period; every look-up is a binary search.
  const taken = new Set(chosen.values());
  const sinces = periods.filter((p) => p.kind === "since" && p.span);
  const bys = periods.filter((p) => p.kind === "by" && p.endsOn);
  const [sinceStarts, sinceStops] = [sinces.map((p) => p.at), sinces.map((p) => p.stop)];
  const [byStarts, byStops] = [bys.map((p) => p.at), bys.map((p) => p.stop)];
  const after = (list: PeriodPhrase[], starts: number[], from: number) => {
    const p = list[lowerBound(starts, from)];
    return p && !taken.has(p) && !boundaryBetween(from, p.at) ? p : undefined;
  };
  const before = (list: PeriodPhrase[], stops: number[], to: number) => {
    const p = list[lowerBound(stops, to + 1) - 1];
    return p && !taken.has(p) && !boundaryBetween(p.stop, to) ? p : undefined;
  };
  /** "all since Sunday", or a since right after a day ("12 on Monday since …"), not "the most since Friday". */
  const countsSince = (since: PeriodPhrase) => {
    if (
      /(?:^|[^\p{L}])(?:all|in\s+total|altogether|overall|combined)[\s,]*$/iu.test(
        text.slice(Math.max(0, since.at - 20), since.at),
      )
    )
      return true;
    const previous = phrases[lowerBound(starts, since.at) - 1];
    return previous !== undefined && /^[\s,]*$/.test(text.slice(previous.stop, since.at));
  };
  const clauseStart = (at: number) => boundaries[lowerBound(boundaries, at) - 1] ?? 0;
  const isToll = (figure: Reading) =>
    TOLL.test(text.slice(Math.max(clauseStart(figure.start), figure.start - 160), figure.start));
  const joined = (a: PeriodPhrase, b: PeriodPhrase) =>
    a.at < b.at ? `${a.text} … ${b.text}` : `${b.text} … ${a.text}`;

  for (const figure of figures) {
    const phrase = chosen.get(figure);
    if (!phrase) continue;
    const from = Math.max(figure.end, phrase.stop);
    const to = Math.min(figure.start, phrase.at);
    figure.periodText = phrase.text;
    if (phrase.kind === "by" && phrase.endsOn) {
      // "31 had died since Sunday by Wednesday"; else the start is not said.
      const since = after(sinces, sinceStarts, from) ?? before(sinces, sinceStops, to);
      if (since && since.span!.start <= phrase.endsOn) {
        figure.span = { start: since.span!.start, end: phrase.endsOn, nights: false };
        figure.periodText = joined(phrase, since);
      } else figure.endsOn = phrase.endsOn;
      continue;
    }
    if (!phrase.span) {
      figure.periodProblem = phrase.problem ?? "";
      continue;
    }
    figure.span = phrase.span;
    if (phrase.kind === "since") {
      const by = after(bys, byStarts, from) ?? before(bys, byStops, to);
      if (by && phrase.span.start <= by.endsOn!) {
        figure.span = { start: phrase.span.start, end: by.endsOn!, nights: false };
        figure.periodText = joined(phrase, by);
      }
    } else if ((phrase.kind === "single" || phrase.kind === "relative") && phrase.alternatives.length === 0) {
      // A day of its own under a count since an earlier day; or a toll's day, its start unsaid.
      const day = phrase.span.end;
      const toll = isToll(figure);
      const later = after(sinces, sinceStarts, from);
      const since =
        (later && countsSince(later) ? later : undefined) ?? (toll ? before(sinces, sinceStops, to) : undefined);
      if (since && since.span!.start <= day) {
        figure.span = { start: since.span!.start, end: day, nights: false };
        figure.periodText = joined(phrase, since);
      } else if (toll) {
        figure.span = null;
        figure.endsOn = day;
      }
    }
    const base = { qualifier: figure.qualifier, qualifierWords: figure.qualifierWords };
    for (const span of phrase.alternatives)
      figure.alternatives.push({ ...base, span, reason: "night", why: `"${phrase.text}" may mean either night` });
  }
  // A qualifier-scope alternative keeps the figure's own period.
  for (const figure of figures)
    for (const alternative of figure.alternatives) if (alternative.reason === "list") alternative.span = figure.span;
}

/** The first index of a sorted array whose value is at least `x` (the array's length if none is). */
function lowerBound(sorted: number[], x: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] < x) low = mid + 1;
    else high = mid;
  }
  return low;
}
