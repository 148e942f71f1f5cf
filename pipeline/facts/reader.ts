import type { Fraction } from "./figure.ts";
import { isGeneric, metricOf, respectively, SAME_SERIES } from "./metrics.ts";
import { findNumbers, type NumberKind, type NumberToken } from "./numbers.ts";
import { findPeriods, type Span } from "./periods.ts";
import { assignPeriods, readParagraphs } from "./reading-periods.ts";
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
  /** The month the story's fiscal years start, 0-based (3, April, unless the dateline line names another). */
  fiscalStart?: number;
  /** An earlier sentence of the paragraph spoke of a toll: "it stood at 93 on Sunday" is the toll. */
  tollBefore?: boolean;
}

/** A toll spoken of again: "It stood at 93", "The figure rose to 99". */
const TOLL_AGAIN =
  /(?:^|[^\p{L}])(?:it|the\s+(?:figure|number|count|total|tally|toll))\s+(?:(?:had|has|now|then)\s+)?(?:stood|stands|was|is|rose|climbed|reached|jumped|hit|grew)(?![\p{L}])/iu;

/**
 * What the reading of a text carries from sentence to sentence: the speakers named so far (a
 * pronoun or "the agency" is the nearest of them), a transcript's current speaker label, the
 * paragraph's toll. A sentence's reading depends on it as on its own words, and changes it.
 */
export interface Carried {
  /** Every speaker so far ("the ministry" is the nearest with "ministry"), and those with a name (a pronoun's). */
  speakers: string[];
  named: string[];
  label: string;
  /** The metric of the toll this paragraph reports, for "It stood at 93 on Sunday". */
  toll: string;
}

export const carry = (context: ReadContext): Carried => ({
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

/**
 * Reads one sentence of a text against what the sentences before it carry, and updates that:
 * readSentenceCarrying, or a cache of its readings (sentence-readings.ts).
 */
export type SentenceReader = (sentence: string, context: ReadContext, carried: Carried) => Reading[];

/**
 * Reads every sentence of a text (an article or a source): its dateline line is not read as numbers.
 * Each sentence is read by `read`, in order.
 */
export function readText(
  text: string,
  context: ReadContext = {},
  read: SentenceReader = readSentenceCarrying,
): SentenceReading[] {
  // The dateline is metadata: blanked, so offsets stay those of the text.
  const body = text.replace(
    /^(\uFEFF?\s*)(date\s+\d{4}-\d{2}-\d{2})/i,
    (_, lead: string, line: string) => lead + " ".repeat(line.length),
  );
  // Each sentence is read alone (what `read` may keep), told whether its paragraph spoke of a toll
  // before it and what the sentences before it carry (speakers, a transcript's label, the
  // paragraph's toll), which it updates; what a paragraph or the whole text adds (readParagraphs) is
  // worked out afresh on copies, every time, so a kept reading is never changed and never stands in
  // for one in new company.
  const carried = carry(context);
  let last = 0;
  return readParagraphs(body, splitSentences(body), context, (sentence, tollBefore) => {
    // A new paragraph reports its own toll.
    if (/\n[ \t]*\n|\u2029/.test(body.slice(last, sentence.start))) carried.toll = "";
    last = sentence.end;
    return read(sentence.text, { ...context, tollBefore }, carried).map((r) => shift(r, sentence.start));
  });
}

/** A reading moved to its place in the text: a copy, with its own span and alternatives, which the paragraph may change. */
function shift(r: Reading, by: number): Reading {
  return {
    ...r,
    span: r.span && { ...r.span },
    alternatives: r.alternatives.map((a) => ({ ...a, span: a.span && { ...a.span } })),
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
    if (isPronoun(speaker)) {
      // "it said": a body ("the disaster management agency"), named or not, is its own nearest speaker.
      const word = speaker.trim().toLowerCase();
      const body = word === "it" ? [...speakers].reverse().find(isBody) : undefined;
      return body ?? named[named.length - 1] ?? "";
    }
    return nearest(speakers, speaker.trim().split(/\s+/).pop()!.toLowerCase()) ?? "";
  }
  const title = TITLE.exec(speaker.trim());
  if (title) return nearest(named, title[1].split(/\s+/).pop()!.toLowerCase()) ?? speaker;
  return speaker;
}

/** A body that speaks as "it": "the agency", "the interior ministry", "FEMA"; not people, nor "officials". */
function isBody(speaker: string): boolean {
  const last = speaker.trim().split(/\s+/).pop()!.toLowerCase();
  return (
    /^(?:agency|ministry|department|office|authority|service|council|commission|committee|bureau|board|government|administration|company|firm|group|bank|army|military|force|court|party|union|organi[sz]ation|institute|centre|center|agency's|university|hospital|network|channel|newspaper|broadcaster)$/.test(
      last,
    ) || /^\p{Lu}{2,}$/u.test(speaker.trim())
  );
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
  return readSentenceCarrying(sentence, context, carry(context));
}

/** The numbers of one sentence of a text, read against what the sentences before it carry, which it updates. */
export function readSentenceCarrying(sentence: string, context: ReadContext, carried: Carried): Reading[] {
  const tokens = findNumbers(sentence);
  const phrases = context.dateline ? findPeriods(sentence, context.dateline, { fiscalStart: context.fiscalStart }) : [];
  const speakerOf = speakersOf(sentence, context, carried);
  const unitEnds = new Map<Reading, number>();
  const readings = tokens.map((token) => {
    const [reading, unitEnd] = readToken(token, sentence, speakerOf(token.start));
    unitEnds.set(reading, unitEnd);
    return reading;
  });
  // A number inside the words of a period is part of the date: "the three months to September".
  // Phrases are in order and never overlap: one pass over both.
  let p = 0;
  for (const r of readings) {
    while (p < phrases.length && phrases[p].stop < r.numberEnd) p++;
    if (r.kind === "figure" && p < phrases.length && phrases[p].at <= r.numberStart)
      Object.assign(r, { kind: "date", noun: "", saidBy: "" });
  }
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
    // "About 3,400 homes were flooded and 210 were destroyed": the homes of the number before.
    if (
      !r.metric &&
      !r.noun &&
      previous?.noun &&
      !isGeneric(previous.noun) &&
      /^\s+(?:were|are|have\s+been|had\s+been)\s+\p{Ll}+(?:ed|en)(?![\p{L}])/u.test(sentence.slice(unitEnds.get(r)!))
    )
      r.metric = previous.metric || previous.noun;
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
  assignPeriods(figures, phrases, sentence, context);
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
    running: false,
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
