import { bisectLeft } from "d3-array";
import { addDays, daysBetween } from "./dates.ts";
import { findPeriods, type PeriodPhrase } from "./periods.ts";
import type { Reading, ReadContext, SentenceReading } from "./reader.ts";
import type { Sentence } from "./sentences.ts";

/**
 * Which period each number of a sentence owns, and what a paragraph adds: the day a toll began
 * counting, said in one sentence, dates the tolls of the next ("The toll has climbed every day since
 * the fire swept into Lahaina on Aug. 8. Officials confirmed 36 deaths on Wednesday…"). The
 * sentence-level rules are the project's own (README, "the period"); every look-up is bounded or a
 * binary search, so a long text stays linear.
 */

/** Verbs of saying: the day they are said on is nobody's period, whatever the verb. */
const SAYS = String.raw`(?:said|says|told\s+(?:the\s+)?[\p{L}]+|reported|confirmed|announced|stated|added|tweeted|wrote|posted|warned|acknowledged|admitted|estimated|estimates?|claimed|alleged|informed\s+(?:the\s+)?[\p{L}]+|briefed\s+(?:the\s+)?[\p{L}]+|disclosed|revealed|insisted|predicted|presented|presenting|tabled|unveiled|delivered|declared)`;
/** "in a statement", "in her budget speech", "at a news conference" between the verb and its day. */
const SETTING = String.raw`(?:\s+(?:in|at|during)\s+(?:a|an|the|his|her|its|their)\s+(?:[\p{L}-]+\s+){0,2}?(?:statement|speech|note|press\s+note|release|briefing|conference|interview|address|letter|report|post|session))?`;
const SPEECH_BEFORE = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:${SAYS}${SETTING}|(?:speech|address|statement|briefing|(?:press|news)\s+conference|press\s+note|interview))\s+$`,
  "iu",
);
const SPEECH_AFTER = new RegExp(
  String.raw`^\s*,?\s*(?:[\p{L}'’.-]+\s+){0,4}?(?:said|says|told|confirmed|announced|stated|warned|acknowledged|estimated|presented|tabled|unveiled)(?![\p{L}])`,
  "iu",
);
/** ", said the finance minister " just before a closing day: the speaker of the sentence. */
const SPEAKER_BEFORE =
  /,\s*(?:said|says|told|reported|confirmed|announced|stated|added|warned|acknowledged|estimated)\s+(?:[\p{L}'’.-]+\s+){1,6}$/iu;
/** Where one clause ends and another begins: a figure's period is not looked for past it. */
const BOUNDARY =
  /[;:()]|\s[—–]\s|,?\s(?:as|after|before|while|when|whereas|because|although|though|but|which|who|where|until|since|whom)\s/giu;

/**
 * A count that runs ("the death toll rose to 12", "the number of people killed since Sunday
 * reached 20"): its day is the day it was counted to, not a day's count.
 */
const TOLL =
  /(?:^|[^\p{L}])(?:toll|tally|(?:death|the)\s+count|(?:deaths|fatalities)(?=[^;:]{0,60}?(?:rose|risen|climbed|reached|stood|stands|passed|topped))|(?:total\s+)?number\s+of\s+(?:[\p{L}'’-]+\s+){0,3}?(?:dead|deaths|killed|died|victims|fatalities|casualties|missing|injured|wounded|hurt|cases|infections|evacuated|displaced|arrested|detained|arrests))(?![\p{L}])[^;:]{0,80}?(?<![\p{L}])(?:rose|risen|climbed|jumped|increased|grown|grew|reached|hit|stood|stands|passed|topped|surpassed|swelled|mounted|was|is)(?![\p{L}])/iu;

/** Words that count the dead. */
const DEATH_WORD = /(?:^|[^\p{L}])(?:deaths|dead|killed|died|fatalities|bodies|victims)(?![\p{L}])/iu;

/** Words for a running count of a disaster. */
const TOLL_WORD =
  /(?:^|[^\p{L}])(?:toll|tally|(?:death|the)\s+count|number\s+of\s+(?:[\p{L}'’-]+\s+){0,3}?(?:dead|deaths|killed|died|victims|fatalities|casualties|missing))(?![\p{L}])/iu;
/** "it stood at", "which rose to": a toll's verb with a pronoun for its subject. */
const PRONOUN_TOLL =
  /(?:^|[^\p{L}])(?:it|which|that\s+number|the\s+figure)\s+(?:had\s+|has\s+|now\s+)?(?:rose|risen|climbed|jumped|increased|grew|grown|reached|hit|stood|stands|passed|topped|was|is)(?![\p{L}])/iu;
/** What a toll counts: a day's deaths in a toll's paragraph may be the toll so far. */
const TOLL_NOUN =
  /^(?:(?:confirmed|reported|known)\s+)?(?:deaths?|dead|fatalities|bodies|victims|lives|people|killed|casualties|missing)?$/iu;
/** Words that make a number a day's own count, never the toll so far: "14 died on Monday alone", "23 more bodies". */
const DAY_COUNT =
  /(?:^|[^\p{L}])(?:more|new|additional|another|further|alone|each\s+day|a\s+day|per\s+day|daily|that\s+day|in\s+(?:the\s+(?:past|last)\s+)?24\s+hours)(?![\p{L}])/iu;

/** A perfect tense just before a number: "has killed at least 91", "have died". */
const PERFECT =
  /(?:^|[^\p{L}])(?:has|have|had)\s+(?:now\s+|so\s+far\s+)?(?:\p{L}+ed|killed|died|left|claimed|risen|grown|climbed|reached|been\s+\p{L}+)(?:\s+(?:at\s+least|more\s+than|nearly|about|some|over|almost|up\s+to))?\s*$/iu;
/** A count a perfect tense runs to the dateline: "has killed", "have died", "has left … dead". */
const PERFECT_COUNT =
  /(?:^|[^\p{L}])(?:has|have)\s+(?:now\s+|so\s+far\s+)?(?:killed|claimed|left|died|been\s+killed|been\s+confirmed|risen|climbed)(?![\p{L}])/iu;
/** An event that starts a count: "which struck before dawn on Monday", "that hit on Sunday". */
const EVENT =
  /(?:^|[^\p{L}])(?:struck|hit|began|erupted|broke\s+out|made\s+landfall|came\s+ashore|swept|collapsed|started)(?![\p{L}])[^;:]{0,30}$/iu;
/** Between a list's items: "and", a comma, "as well as". */
const LIST_GAP = /(?:,\s*(?:and\s+)?|\s+and\s+)$/iu;
/** A change beside the figure before it: ", up 10%", ", down by 3%", ", a rise of 9%". */
const CHANGE =
  /^[^;:.]{0,40}?,\s*(?:up|down)\s+(?:by\s+)?$|,\s*(?:an?\s+)?(?:rise|increase|fall|drop|decline|jump|gain)\s+of\s+$/iu;
/** "bringing the toll to 187", "taking the death toll to 40". */
const BRINGING =
  /(?:bringing|taking|pushing|raising|lifting|brought|took|pushed|raised)\s+(?:the\s+)?(?:[\p{L}]+\s+)?(?:toll|tally|total|count)\s+to\s+(?:at\s+least\s+|more\s+than\s+|nearly\s+|about\s+|some\s+|over\s+)?$/iu;

/**
 * Each figure's own period: the first period named after it in its clause, before the next figure
 * ("412 on Sunday, 301 on Monday"); else one named before it in its clause that no other figure
 * claimed ("Between Sunday and Tuesday, 954 were arrested and 20 injured"). A date the sentence
 * gives for the statement ("police said on Thursday that …") is no figure's period.
 */
export function assignPeriods(
  figures: Reading[],
  phrases: PeriodPhrase[],
  text: string,
  context: ReadContext = {},
): void {
  const firstFigure = figures[0]?.start ?? text.length;
  // Only a day can date a statement: "police said between 1 and 31 October" dates the figure.
  const statement = (p: PeriodPhrase) => {
    if (p.kind !== "single" && p.kind !== "relative") return false;
    if (SPEECH_BEFORE.test(text.slice(Math.max(0, p.at - 70), p.at))) return true;
    // "On Monday, crews reported 12 new fires": a count reported as the day's own, not the day of a statement.
    if (p.stop <= firstFigure && SPEECH_AFTER.test(text.slice(p.stop, firstFigure))) return true;
    // "…, said finance minister Anil Rao on Saturday.": the day the speaker spoke, ending the sentence.
    return /^[\s.!?"'”’]*$/.test(text.slice(p.stop)) && SPEAKER_BEFORE.test(text.slice(Math.max(0, p.at - 80), p.at));
  };
  // The day a statement was made: "overnight", "yesterday" and "today" in it are its own, not the dateline's.
  const spoke = phrases.find((p) => statement(p) && p.span && !p.relative)?.span?.start;
  const shiftBy = spoke && context.dateline ? daysBetween(context.dateline, spoke) : 0;
  const periods = phrases
    .filter((p) => p.kind !== "comparison" && !statement(p))
    .map((p) =>
      shiftBy && p.relative && p.span
        ? {
            ...p,
            span: { ...p.span, start: addDays(p.span.start, shiftBy), end: addDays(p.span.end, shiftBy) },
          }
        : p,
    );
  // Phrases come in order and never overlap, so their starts and ends are both sorted: every
  // look-up below is a binary search, and a long sentence with many numbers stays linear.
  const starts = phrases.map((p) => p.at);
  const inPhrase = (at: number) => {
    const i = bisectLeft(starts, at + 1) - 1;
    return i >= 0 && at < phrases[i].stop;
  };
  const boundaries = [...text.matchAll(BOUNDARY)]
    .map((m) => m.index ?? 0)
    .filter((at) => !inPhrase(at + 1) && !inPhrase(at + 2));
  // ", when 72 people were arrested" after "on Monday night" refers back to that night.
  const boundaryBetween = (from: number, to: number) => {
    for (let b = bisectLeft(boundaries, from); b < boundaries.length && boundaries[b] < to; b++) {
      const at = boundaries[b];
      if (!(at - from <= 1 && /^,?\swhen\s/iu.test(text.slice(at, at + 7)))) return true;
    }
    return false;
  };
  const periodStarts = periods.map((p) => p.at);
  // A period that runs straight into the next number, with no period of its own after it, is that
  // number's: "it will be Rs 8,200 crore, and in 2025-26 Rs 6,800 crore".
  const leads = (phrase: PeriodPhrase, next: Reading | undefined) => {
    if (!next || !/^\s+$/.test(text.slice(phrase.stop, next.start))) return false;
    const after = periods[bisectLeft(periodStarts, next.end)];
    const limit = boundaries[bisectLeft(boundaries, next.end)] ?? text.length;
    return !after || after.at >= limit;
  };
  const periodStops = periods.map((p) => p.stop);
  const owned = new Set<PeriodPhrase>();
  const own = new Map<Reading, PeriodPhrase>();
  figures.forEach((figure, i) => {
    const next = boundaries[bisectLeft(boundaries, figure.end)] ?? text.length;
    const limit = Math.min(figures[i + 1]?.start ?? text.length, next);
    const phrase = periods[bisectLeft(periodStarts, figure.end)];
    if (phrase && phrase.at < limit && !owned.has(phrase) && !leads(phrase, figures[i + 1])) {
      owned.add(phrase);
      own.set(figure, phrase);
    }
  });
  // A count since a day belongs to the number its perfect verb counts, not to one in a phrase between
  // ("has killed at least 91 people across six states since it came ashore on Thursday night").
  figures.forEach((figure, i) => {
    const phrase = own.get(figure);
    const previous = figures[i - 1];
    if (!phrase || phrase.kind !== "since" || !previous || own.has(previous)) return;
    const perfect = (r: Reading) => PERFECT.test(text.slice(Math.max(0, r.start - 40), r.start));
    if (perfect(previous) && !perfect(figure) && !boundaryBetween(previous.end, phrase.at)) {
      own.delete(figure);
      own.set(previous, phrase);
    }
  });
  const chosen = new Map<Reading, PeriodPhrase>();
  figures.forEach((figure, i) => {
    let phrase = own.get(figure);
    if (!phrase) {
      // The nearest period before the figure, if no other figure took it and no clause ends between.
      const before = periods[bisectLeft(periodStops, figure.start + 1) - 1];
      if (before && !owned.has(before) && !boundaryBetween(before.stop, figure.start)) phrase = before;
    }
    // A list's first items share the day its last names: "40 flights were delayed and 12 diverted on Monday".
    const next = figures[i + 1];
    const shared = next && own.get(next);
    if (
      !phrase &&
      shared &&
      !boundaryBetween(figure.end, next.start) &&
      LIST_GAP.test(text.slice(figure.end, next.start))
    )
      phrase = shared;
    // A change stated beside a figure is for its period: "$10.8 billion on Black Friday, up 10% from a year earlier".
    const previous = figures[i - 1];
    const earlier = previous && chosen.get(previous);
    if (!phrase && earlier && CHANGE.test(text.slice(previous.end, figure.start))) phrase = earlier;
    if (phrase) chosen.set(figure, phrase);
  });

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
    const p = list[bisectLeft(starts, from)];
    return p && !taken.has(p) && !boundaryBetween(from, p.at) ? p : undefined;
  };
  const before = (list: PeriodPhrase[], stops: number[], to: number) => {
    const p = list[bisectLeft(stops, to + 1) - 1];
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
    const previous = phrases[bisectLeft(starts, since.at) - 1];
    return previous !== undefined && /^[\s,]*$/.test(text.slice(previous.stop, since.at));
  };
  const clauseStart = (at: number) => boundaries[bisectLeft(boundaries, at) - 1] ?? 0;
  const tollAt = text.search(TOLL_WORD);
  const isToll = (figure: Reading) => {
    const window = text.slice(Math.max(clauseStart(figure.start), figure.start - 160), figure.start);
    if (TOLL.test(window)) return true;
    // "…, and it stood at 93 on Sunday": the toll, where the paragraph or the sentence spoke of one.
    return (context.tollBefore || (tollAt >= 0 && tollAt < figure.start)) && PRONOUN_TOLL.test(window);
  };
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
      figure.running = true;
      continue;
    }
    if (!phrase.span) {
      figure.periodProblem = phrase.problem ?? "";
      continue;
    }
    figure.span = phrase.span;
    if (phrase.kind === "since") {
      figure.running = true;
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
        figure.running = true;
      } else if (
        context.dateline &&
        day <= context.dateline &&
        EVENT.test(text.slice(Math.max(clauseStart(phrase.at), phrase.at - 60), phrase.at)) &&
        PERFECT_COUNT.test(text.slice(phrase.stop, figure.start))
      ) {
        // "The quake, which struck on Monday, has killed more than 21,000": since that day, to the dateline.
        figure.span = { start: day, end: context.dateline, nights: false };
        figure.running = true;
      } else if (toll) {
        figure.span = null;
        figure.endsOn = day;
        figure.running = true;
      }
    }
    const base = { qualifier: figure.qualifier, qualifierWords: figure.qualifierWords };
    for (const span of phrase.alternatives)
      figure.alternatives.push({ ...base, span, reason: "night", why: `"${phrase.text}" may mean either night` });
  }
  // "…, bringing the toll to 187": the toll as of the day the clause before it names.
  for (const figure of figures) {
    if (figure.span || figure.endsOn || figure.periodProblem) continue;
    if (!BRINGING.test(text.slice(Math.max(0, figure.start - 60), figure.start))) continue;
    const day = periods[bisectLeft(periodStops, figure.start + 1) - 1];
    const end = day?.span?.end ?? day?.endsOn;
    if (!day || !end) continue;
    figure.endsOn = end;
    figure.running = true;
    figure.periodText = day.text;
  }
  // A qualifier-scope alternative keeps the figure's own period.
  for (const figure of figures)
    for (const alternative of figure.alternatives) if (alternative.reason === "list") alternative.span = figure.span;
}

/** Whether the white space between two sentences breaks a paragraph: a blank line, or any line break where the text has no blank lines. */
const paragraphBreak = (between: string, blankLines: boolean) =>
  blankLines ? /\n[ \t]*\n|\u2029/.test(between) : /[\n\u2029]/.test(between);

/**
 * Reads a text's sentences in paragraphs: each sentence is told whether an earlier one of its
 * paragraph spoke of a toll ("it stood at 93 on Sunday"), and a paragraph that counts a toll since
 * a day dates its tolls from that day; a day's deaths in a toll's paragraph, rising day by day, are
 * read as the toll so far, with that day's own count kept as the other reading (a warning names
 * both wherever a row records either).
 */
export function readParagraphs(
  text: string,
  sentences: Sentence[],
  context: ReadContext,
  read: (sentence: Sentence, tollBefore: boolean) => Reading[],
): SentenceReading[] {
  const out: SentenceReading[] = [];
  const blankLines = /\n[ \t]*\n|\u2029/.test(text);
  let paragraph: SentenceReading[] = [];
  let toll = false;
  let countStart: string | undefined;
  const paragraphs: SentenceReading[][] = [];
  const flush = () => {
    if (toll) readToll(paragraph, countStart);
    else if (paragraph.length > 0) paragraphs.push(paragraph);
    paragraph = [];
    toll = false;
    countStart = undefined;
  };
  let previous = 0;
  for (const sentence of sentences) {
    if (paragraph.length > 0 && paragraphBreak(text.slice(previous, sentence.start), blankLines)) flush();
    previous = sentence.end;
    const read_ = { ...sentence, readings: read(sentence, toll) };
    paragraph.push(read_);
    out.push(read_);
    const tollWords = TOLL_WORD.test(sentence.text);
    const counting = /\b(?:since|count(?:ing|ed)\s+from)\b/i.test(sentence.text);
    // "9 deaths on Friday, …, counting from the first landslides on Thursday": deaths counted from a day are a toll.
    const countedDeaths = /\bcount(?:ing|ed)\s+from\b/i.test(sentence.text) && DEATH_WORD.test(sentence.text);
    toll ||= (tollWords && (TOLL.test(sentence.text) || counting)) || countedDeaths;
    // "The toll has climbed every day since the fire swept into Lahaina on Aug. 8": where the count began.
    if ((tollWords || countedDeaths) && context.dateline && counting) {
      const since = findPeriods(sentence.text, context.dateline, { fiscalStart: context.fiscalStart }).find(
        (p) => p.kind === "since" && p.span,
      );
      if (since && (!countStart || since.span!.start < countStart)) countStart = since.span!.start;
    }
  }
  flush();
  readTollsElsewhere(out, paragraphs);
  return out;
}

type Candidate = { r: Reading };

/** A day's deaths a toll may have given: one day, no words making it the day's own ("alone", "more"), counting deaths. */
function dayDeaths(paragraph: SentenceReading[], countStart?: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (const sentence of paragraph) {
    for (const r of sentence.readings) {
      if (r.kind !== "figure") continue;
      if (r.endsOn && !r.span && countStart && countStart <= r.endsOn) {
        r.span = { start: countStart, end: r.endsOn, nights: false };
        r.endsOn = "";
        continue;
      }
      const at = r.start - sentence.start;
      const near = sentence.text.slice(Math.max(0, at - 30), r.end - sentence.start + 40);
      const day =
        r.span &&
        r.span.start === r.span.end &&
        !r.span.nights &&
        !r.running &&
        r.alternatives.every((a) => a.reason === "list");
      if (day && TOLL_NOUN.test(r.noun.trim()) && !DAY_COUNT.test(near)) candidates.push({ r });
    }
  }
  return candidates;
}

/** Only a count that rises day by day can be a toll so far. */
function rising(candidates: Candidate[]): boolean {
  const sorted = [...candidates].sort((a, b) => (a.r.span!.end < b.r.span!.end ? -1 : 1));
  return sorted.every(
    ({ r }, k) => k === 0 || (r.span!.end > sorted[k - 1].r.span!.end && r.value > sorted[k - 1].r.value),
  );
}

/** Reads each day's deaths as the toll so far, that day's own count kept as the other reading. */
function asToll(candidates: Candidate[], countStart: string | undefined, why: string): void {
  for (const { r } of candidates) {
    const day = r.span!.end;
    const own = { ...r.span! };
    r.alternatives.push({
      qualifier: r.qualifier,
      qualifierWords: r.qualifierWords,
      span: own,
      running: false,
      reason: "toll",
      why: `"${r.periodText}" ${why} may give the toll so far or that day's own count`,
    });
    r.running = true;
    if (countStart && countStart <= day) r.span = { start: countStart, end: day, nights: false };
    else {
      r.span = null;
      r.endsOn = day;
    }
  }
}

/** A toll's paragraph: running counts dated from the day the count began, and a day's deaths read as the toll so far. */
function readToll(paragraph: SentenceReading[], countStart: string | undefined): void {
  const candidates = dayDeaths(paragraph, countStart);
  if (rising(candidates)) asToll(candidates, countStart, "in a paragraph about a toll");
}

/**
 * Days' deaths in another paragraph that add up to more than a toll the text gives for a later
 * day cannot be each day's own deaths ("rose to at least 41 on Tuesday" … "9 deaths on Friday, 17
 * on Saturday, 28 on Sunday and 35 on Monday": 89 deaths by Monday would exceed 41 by Tuesday):
 * they are the toll as reported each day.
 */
function readTollsElsewhere(all: SentenceReading[], paragraphs: SentenceReading[][]): void {
  // The latest toll the text gives (the highest on its day): one pass, so a long text stays linear.
  let toll: Reading | undefined;
  const endOf = (r: Reading) => r.endsOn || r.span!.end;
  for (const sentence of all)
    for (const r of sentence.readings)
      if (r.kind === "figure" && r.running && (r.endsOn || r.span) && TOLL_WORD.test(sentence.text))
        if (!toll || endOf(r) > endOf(toll) || (endOf(r) === endOf(toll) && r.value > toll.value)) toll = r;
  if (!toll) return;
  for (const paragraph of paragraphs) {
    const candidates = dayDeaths(paragraph);
    if (candidates.length < 2 || !rising(candidates)) continue;
    const last = candidates.reduce((d, c) => (c.r.span!.end > d ? c.r.span!.end : d), "");
    const sum = candidates.reduce((n, c) => n + c.r.value, 0);
    const most = candidates.reduce((n, c) => Math.max(n, c.r.value), -Infinity);
    if (endOf(toll) >= last && toll.value < sum && toll.value >= most)
      asToll(candidates, undefined, `beside a toll of ${toll.text}`);
  }
}
