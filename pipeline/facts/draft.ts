import { bisectLeft } from "d3-array";
import type { StoryNumber } from "./coverage.ts";
import type { Row } from "./csv.ts";
import { toDate } from "./dates.ts";
import { FIGURE_COLUMNS } from "./figure.ts";
import { proposedPeriod } from "./figure-period.ts";
import type { Qualifier } from "./qualifiers.ts";
import type { Reading } from "./reader.ts";
import { canonicalUnit } from "./units.ts";
import { parseValue } from "./value-cell.ts";

/**
 * Rows for figures.csv, drafted from the figures no row records: the reporter keeps or deletes
 * each. The quote is the whole sentence as the source has it (which the check reads anyway); what
 * is counted, the period, qualifier and speaker are the reader's; the id says what is counted and
 * the day (`deaths_wed`); `restates` names the figure a rounder one restates ("Nearly 1,000"
 * restating 954). Where the words allow two readings the row leaves the choice blank rather than
 * guess; where they do not say what is counted, the metric says only what the number is.
 */
export function draftRows(numbers: StoryNumber[], rows: Row[]): Record<string, string>[] {
  const taken = new Set(rows.map((row) => row.cells.id).filter(Boolean));
  // The next number to try for each id stem: counting again from 2 at every collision made a
  // thousand figures of one verb and day cost a million tries.
  const nextNumber = new Map<string, number>();
  const drafted: Record<string, string>[] = [];
  const known: Known[] = rows.flatMap((row) => {
    const parsed = parseValue(row.cells.value ?? "");
    if (!row.cells.id || !parsed.ok || parsed.fraction) return [];
    return [
      {
        id: row.cells.id,
        value: parsed.value,
        qualifier: (row.cells.qualifier ?? "exact") as Qualifier,
        unit: canonicalUnit(row.cells.unit ?? ""),
        words: words(`${row.cells.metric ?? ""} ${row.cells.category ?? ""}`),
        sentence: row.cells.quote ?? "",
        order: -1,
        file: row.cells.source || "article.txt",
        headline: false,
      },
    ];
  });
  const mine: Known[] = [];
  // The last toll drafted in a file: "the count had reached 38" after "14 deaths" counts deaths too.
  let lastToll: { file: string; metric: string } | undefined;
  for (const [order, { file, reading: r, sentence }] of numbers.entries()) {
    if (r.kind !== "figure" || r.range) continue; // A range cannot be one row.
    // A running toll is one series whatever verb each report uses ("confirmed 14 deaths", "rose to 61"): one metric.
    const toll = !r.running
      ? ""
      : r.metric ||
        tollOf(sentence) ||
        (lastToll?.file === file && /\b(?:toll|tally|count)\b/i.test(sentence) ? lastToll.metric : "");
    if (toll) lastToll = { file, metric: toll };
    // Where the words do not say what is counted, the metric names only what the number is (a
    // percentage, acres, a count): a cell the build requires, for the reporter to say better.
    const unitWord =
      canonicalUnit(r.unit) === "%"
        ? "percent"
        : canonicalUnit(r.unit)
            .replace(/[^\p{L} ]/gu, "")
            .trim();
    const metric = toll || r.metric || unitWord || "count";
    let id = slug([metric, dayOf(r)].filter(Boolean).join("_"));
    // The next number to try for each id stem: counting again from 2 at every collision made a
    // thousand figures of one verb and day cost a million tries.
    if (taken.has(id)) {
      const stem = id.replace(/_\d+$/, "");
      let n = nextNumber.get(stem) ?? 2;
      while (taken.has(`${stem}_${n}`)) n++;
      id = `${stem}_${n}`;
      nextNumber.set(stem, n + 1);
    }
    taken.add(id);
    // The period the words support (figure-period.ts), as the build would fill a blank row:
    // two readings the words allow equally leave it blank; a running count's start unsaid stays blank.
    const period = proposedPeriod(r);
    const qualifiers = new Set([r.qualifier, ...r.alternatives.map((a) => a.qualifier)]);
    const me: Known = {
      id,
      value: r.value,
      qualifier: r.qualifier ?? "exact",
      unit: canonicalUnit(r.unit),
      words: words(metric),
      sentence,
      order,
      file,
      headline: !/[.!?"'”’)]$/.test(sentence.trim()),
    };
    if (!r.fraction) mine.push(me);
    const label = r.label || metric;
    drafted.push({
      id,
      metric,
      category: label ? label.charAt(0).toUpperCase() + label.slice(1) : "",
      value: r.fraction ? `${r.fraction.numerator}/${r.fraction.denominator}` : String(r.value),
      // Two readings (a qualifier over a list): left blank, for the reporter to choose.
      qualifier: qualifiers.size > 1 ? "" : (r.qualifier ?? ""),
      unit: r.unit,
      start: period.kind === "span" ? period.start : "",
      end: period.kind === "span" || period.kind === "ends" ? period.end : "",
      attributed_to: speakerCell(r.saidBy),
      quote: sentence,
      source: file,
      restates: "",
    });
  }
  // Which figure each restates, once all are read: a headline may restate the body below it. Every
  // figure looks only at those of a value its own could round (sorted, found by binary search),
  // and at a bounded number of them, so a story of thousands of figures stays linear.
  const byId = new Map(drafted.map((row) => [row.id, row]));
  const all = [...known, ...mine].sort((a, b) => a.value - b.value || a.order - b.order);
  const values = all.map((k) => k.value);
  for (const me of mine) {
    let at = bisectLeft(values, me.value * 0.8);
    for (let seen = 0; at < all.length && all[at].value <= me.value * 1.25 && seen < 64; at++, seen++) {
      const k = all[at];
      if (k !== me && restates(me, k) && (me.value !== k.value || before(k, me))) {
        byId.get(me.id)!.restates = k.id;
        break;
      }
    }
  }
  return drafted;
}

/**
 * Of two figures stating one value, the one the other restates: a row already in the sheet, else
 * the body's over its headline's.
 */
function before(a: Known, b: Known): boolean {
  if (a.order < 0 || b.order < 0) return a.order < 0 && b.order >= 0;
  // Two drafted rows of one value: a headline restates its file's body; the same figure stated in
  // two files is left to the reporter, who keeps one (a restates naming a row not kept is refused).
  return a.file === b.file && b.headline && !a.headline;
}

/** Speakers a sentence's first word capitalises but a chart writes in lower case: "Officials", "The interior ministry". */
const COMMON_SPEAKERS =
  /^(?:the|officials|police|authorities|organisers|organizers|prosecutors|witnesses|doctors|rescuers|investigators|hospitals|residents|analysts|researchers|scientists|experts|forecasters|firefighters|officers|troops|soldiers|utilities|insurers|economists|medics|paramedics|volunteers|activists|lawyers|sources|government|county|state|city)$/iu;

function speakerCell(speaker: string): string {
  const [first, ...rest] = speaker.split(" ");
  return first && COMMON_SPEAKERS.test(first) ? [first.toLowerCase(), ...rest].join(" ") : speaker;
}

interface Known {
  id: string;
  value: number;
  qualifier: Qualifier;
  unit: string;
  words: Set<string>;
  sentence: string;
  /** Its place among the story's numbers; -1 for a row already in the sheet. */
  order: number;
  file: string;
  headline: boolean;
}

const FUNCTION_WORDS = new Set(["the", "a", "an", "of", "in", "to", "for", "and", "people", "persons", "individuals"]);
const words = (text: string) =>
  new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}]+/u)
      .filter((w) => w.length > 2 && !FUNCTION_WORDS.has(w))
      .map((w) => w.replace(/s$/, "")),
  );

/** The verbs a sentence says happened to what it counts: "were arrested", "had been detained". */
const participles = (sentence: string) =>
  new Set(
    (sentence.toLowerCase().match(/\b\p{L}+ed\b/gu) ?? []).filter(
      (w) => !/^(?:said|reported|confirmed|announced|added|stated|estimated)$/.test(w),
    ),
  );

/**
 * Whether `me` restates `other`: the same thing counted (a shared word of what is counted, or a
 * shared verb: "protesters were arrested", "individuals had been arrested"), in the same unit, at a
 * rounder value its qualifier allows ("Nearly 1,000" for 954), or the very value again (a
 * headline's "45,000 officers" for the body's "Some 45,000").
 */
function restates(me: Known, other: Known): boolean {
  if (me.unit !== other.unit || me.value < 10) return false;
  const shared = [...me.words].some((w) => other.words.has(w));
  const verbs = participles(other.sentence);
  const sameVerb = [...participles(me.sentence)].some((w) => verbs.has(w));
  if (!shared && !sameVerb) return false;
  if (me.value === other.value) return true;
  const [v, x] = [me.value, other.value];
  switch (me.qualifier) {
    case "nearly":
    case "up_to":
      return x < v && x >= 0.9 * v;
    case "more_than":
    case "at_least":
      return x > v && x <= 1.2 * v;
    case "about":
      return Math.abs(x - v) <= 0.1 * v;
    default:
      return false;
  }
}

/** The columns a draft is written in: the story's own header (so rows paste as they are), with every standard column it lacks. */
export function draftColumns(columns: string[] | undefined): string[] {
  const standard: string[] = [...FIGURE_COLUMNS, "restates"];
  const own = columns && columns.includes("id") ? columns : [];
  return [...own, ...standard.filter((c) => !own.includes(c))];
}

/** What a running toll counts, from its sentence: deaths, the missing, the injured; "" for other running counts. */
function tollOf(sentence: string): string {
  if (/\b(?:dead|deaths?|died|killed|fatalities|death\s+toll)\b/i.test(sentence)) return "deaths";
  if (/\b(?:missing|unaccounted)\b/i.test(sentence)) return "missing";
  if (/\b(?:injured|wounded|hurt)\b/i.test(sentence)) return "injured";
  return "";
}

const SHORT_DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

/** The day a figure is counted to, for its id: one day's, a night's, or where a running count ends (a week at most). */
function dayOf(r: Reading): string {
  const period = proposedPeriod(r);
  // A running count is named by the day it was counted to: deaths_wed.
  const day =
    period.kind === "ends"
      ? period.end
      : period.kind === "span" && (period.start === period.end || r.running)
        ? period.end
        : "";
  return day ? SHORT_DAYS[toDate(day).getUTCDay()] : "";
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .slice(0, 40)
      .replace(/_+$/, "") || "figure"
  );
}
