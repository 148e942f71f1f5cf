import { formatDate } from "./dates.ts";
import type { Fraction } from "./figure.ts";
import { formatNumber } from "./format.ts";
import type { NumberKind } from "./numbers.ts";
import type { Span } from "./periods.ts";
import { QUALIFIER_PHRASE, QUALIFIERS, type Qualifier } from "./qualifiers.ts";
import type { Reading } from "./reader.ts";
import { canonicalUnit, isCountUnit, isMeasureUnit, isPercentUnit, sameUnit, spellingsOf } from "./units.ts";

/**
 * Whether the sentence's reading of a number agrees with what a row claims (value, qualifier,
 * period), and if not, why: the heart of provenance. Pure; the check feeds it rows and readings.
 */

/** What a row of figures.csv claims, once its cells are parsed. */
export interface Claim {
  value: number;
  fraction: Fraction | null;
  qualifier: Qualifier;
  /** "" when the row leaves it blank. */
  start: string;
  end: string;
  unit: string;
}

export type Proof =
  | {
      ok: true;
      reading: Reading;
      qualifierWords: string;
      /** The period the figure covers: the row's, or the reading's where the row left it blank. */
      span: Span | null;
      /** Where the words allow another reading than the row's: both readings, for a warning. */
      warnings: string[];
    }
  | { ok: false; field: "value" | "qualifier" | "start" | "end" | "unit"; problem: string };

const KIND_NAMES: Record<Exclude<NumberKind, "figure">, string> = {
  year: "a year",
  date: "a date",
  age: "an age",
  time: "a clock time",
  ordinal: "an ordinal (first, second, …)",
  label: "part of a name",
  modifier: "a number that describes rather than counts (a two-day session, a 9mm handgun, a 3-1 win)",
  period: 'part of a period ("the next two years")',
};

const shownClaim = (claim: Claim) =>
  claim.fraction ? `${claim.fraction.numerator}/${claim.fraction.denominator}` : formatNumber(claim.value);

/** A reading's value as digits a value cell can take: "2500000", "1/3". */
const cell = (r: Reading) => (r.fraction ? `${r.fraction.numerator}/${r.fraction.denominator}` : String(r.value));

const sameValue = (claim: Claim, r: Reading) =>
  claim.fraction
    ? r.fraction !== null &&
      r.fraction.numerator * claim.fraction.denominator === r.fraction.denominator * claim.fraction.numerator
    : r.fraction === null && r.range === null && r.value === claim.value;

/** How a period reads in a message: "2024-11-24 to 2024-11-26", "the night of Fri 30 Jun 2023 (start = end = 2023-06-30)". */
export function describeSpan(span: Span): string {
  if (!span.nights) return `${span.start} to ${span.end}`;
  if (span.start === span.end)
    return `the night of ${formatDate(span.start, { weekday: true })}, dated by its evening (start = end = ${span.start})`;
  return `the nights of ${formatDate(span.start, { weekday: true })} to ${formatDate(span.end, { weekday: true })}, each dated by its evening (start ${span.start}, end ${span.end})`;
}

/**
 * Proves a claim against the readings of the numbers its quote holds (`candidates`, in order).
 * `anchor` is the dateline relative days were read against, for messages.
 */
export function proveClaim(claim: Claim, candidates: Reading[], anchor: string | undefined, several: boolean): Proof {
  const figures = candidates.filter((r) => r.kind === "figure");
  const same = figures.filter((r) => sameValue(claim, r));
  if (same.length === 0) return { ok: false, field: "value", problem: valueProblem(claim, candidates) };

  type Reading_ = { reading: Reading; qualifier: Qualifier | null; qualifierWords: string; span: Span | null };
  const readings: Reading_[] = same.flatMap((r) => [
    { reading: r, qualifier: r.qualifier, qualifierWords: r.qualifierWords, span: r.span },
    ...r.alternatives.map((a) => ({
      reading: r,
      qualifier: a.qualifier,
      qualifierWords: a.qualifierWords,
      span: a.span,
    })),
  ]);
  const qualified = readings.filter((x) => x.qualifier === claim.qualifier);
  if (qualified.length === 0) {
    const claimed =
      claim.qualifier === "exact" ? "exact" : `${claim.qualifier} ("${QUALIFIER_PHRASE[claim.qualifier]}")`;
    if (readings.every((x) => x.qualifier === null)) {
      return {
        ok: false,
        field: "qualifier",
        problem: `the quote says "${same[0].text}", which none of the qualifiers (${QUALIFIERS.join(", ")}) states; the chart could not show it as the source does, so quote a sentence that states the figure another way`,
      };
    }
    const stated = [...new Set(readings.map((x) => x.qualifier).filter((q) => q !== null))];
    const first = readings.find((x) => x.qualifier !== null)!;
    return {
      ok: false,
      field: "qualifier",
      problem: `the quote says "${first.reading.text}", so the qualifier must be ${stated.join(" or ")}, not ${claimed}`,
    };
  }

  const r = qualified[0].reading;
  if (isPercentUnit(r.unit) && !isPercentUnit(claim.unit))
    return {
      ok: false,
      field: "unit",
      problem: `the quote says "${r.text}${r.unit === "%" && !r.text.endsWith("%") ? "%" : ""}", a percentage, but the unit is ${claim.unit.trim() ? `"${claim.unit.trim()}"` : "blank"}; set unit %, or the chart would show ${formatNumber(claim.value)} as a count`,
    };

  // The unit: the quote's, or a spelling of it (acres is not hectares, mph is not km/h).
  // A unit no list knows ("kilomètres", a desk's own language; "storeys") is the desk's to write.
  if (
    r.unit &&
    !isPercentUnit(r.unit) &&
    !sameUnit(r.unit, claim.unit) &&
    (isCountUnit(claim.unit) || isMeasureUnit(claim.unit))
  ) {
    const spellings = spellingsOf(r.unit);
    return {
      ok: false,
      field: "unit",
      problem: `the quote says "${r.text}" in ${r.unit}, but the unit is ${claim.unit.trim() ? `"${claim.unit.trim()}"` : "blank"}; set unit ${canonicalUnit(r.unit)}${spellings.length > 1 ? ` (or ${spellings.slice(1).join(", ")})` : ""}, as the quote states it`,
    };
  }
  if (!r.unit && isMeasureUnit(claim.unit) && !isPercentUnit(claim.unit))
    return {
      ok: false,
      field: "unit",
      problem: `the quote states "${r.text}" with no unit, but the unit is "${claim.unit.trim()}"; leave unit blank, or quote the words that give the unit`,
    };

  // The period: the row may leave it blank (the reading fills it) or state one the words allow.
  const spans = qualified.map((x) => x.span);
  const given = Boolean(claim.start || claim.end);
  const agrees = (span: Span) => (!claim.start || claim.start === span.start) && (!claim.end || claim.end === span.end);
  const warnings: string[] = [];
  let span: Span | null = null;
  const defined = spans.filter((s): s is Span => s !== null);
  if (r.periodProblem && given)
    return {
      ok: false,
      field: claim.start ? "start" : "end",
      problem: `${r.periodProblem}; a figure's start and end are one period, so leave both blank or quote a sentence that gives this figure one period`,
    };
  if (defined.length > 0) {
    const matching = defined.find(agrees);
    if (given && !matching) {
      const readingsOf = [...new Map(defined.map((s) => [`${s.start}/${s.end}/${s.nights}`, s])).values()];
      const what = readingsOf.map(describeSpan).join(", or ");
      const phrase = several ? `"${r.periodText}" for ${r.text}` : `"${r.periodText}"`;
      const first = readingsOf[0];
      const fix =
        readingsOf.length === 1
          ? `set start ${first.start} and end ${first.end}, or leave both blank`
          : "set start and end to the night the source means, or leave both blank";
      return {
        ok: false,
        field: claim.start && claim.start !== first.start ? "start" : "end",
        problem: `the quote says ${phrase}, which is ${what} for a source dated ${anchor}, but start/end say ${claim.start || "(blank)"} to ${claim.end || "(blank)"}; ${fix}`,
      };
    }
    const distinct = new Set(defined.map((s) => `${s.start}/${s.end}`));
    if (given)
      span = { start: claim.start || matching!.start, end: claim.end || matching!.end, nights: matching!.nights };
    else if (distinct.size === 1) span = defined[0];
    else
      warnings.push(
        `"${r.periodText}" may mean ${[...new Map(defined.map((s) => [`${s.start}/${s.end}`, s])).values()].map(describeSpan).join(" or ")}; start and end are left blank: set them to the one the source means`,
      );
  }
  // A running count's end without its start ("by Wednesday", "the toll rose to 12 on Monday"):
  // a row gives end = that day and the day the count began; blank dates stay blank. Never a
  // one-day period suggested: start = end passes only with a warning naming both readings.
  if (defined.length === 0 && r.endsOn && given) {
    const phrase = several ? `"${r.periodText}" for ${r.text}` : `"${r.periodText}"`;
    const what = `which ends the count on ${r.endsOn} without saying when it began, for a source dated ${anchor}`;
    if (claim.end !== r.endsOn || !claim.start || claim.start > r.endsOn)
      return {
        ok: false,
        field: claim.end !== r.endsOn ? "end" : "start",
        problem: `the quote says ${phrase}, ${what}, but start/end say ${claim.start || "(blank)"} to ${claim.end || "(blank)"}; set end ${r.endsOn} and start to the day the count began (on or before ${r.endsOn}, from another source), or leave both blank`,
      };
    span = { start: claim.start, end: claim.end, nights: false };
    if (claim.start === claim.end)
      warnings.push(
        `${phrase} ends a count on ${r.endsOn} without saying when it began; the row says start = end = ${r.endsOn}, a count for that one day: make sure the source means that day alone, not a running total`,
      );
  }
  if (given && !span) span = { start: claim.start || claim.end, end: claim.end || claim.start, nights: false };

  const chosen =
    qualified.find((x) => !x.span || !span || (x.span.start === span.start && x.span.end === span.end)) ?? qualified[0];
  // A row that takes the ordinary reading (the qualifier governing the list) needs no warning;
  // one that takes the narrow reading gets both, to confirm (npm run figures shows both either way).
  const listed = r.alternatives.find((a) => a.reason === "list");
  if (listed && claim.qualifier !== r.qualifier) {
    const governed = `${QUALIFIER_PHRASE[r.qualifier ?? "exact"] || "exactly"} ${formatNumber(r.value)}`;
    warnings.push(
      `${listed.why}: the quote reads as ${governed} or as exactly ${formatNumber(r.value)}; the row says ${claim.qualifier}, so charts show ${claim.qualifier === "exact" ? formatNumber(r.value) : governed}: make sure the source means that`,
    );
  }
  const night = r.alternatives.find((a) => a.reason === "night");
  if (night && given && span)
    warnings.push(
      `${night.why} (${[r.span, ...r.alternatives.filter((a) => a.reason === "night").map((a) => a.span)]
        .filter((s): s is Span => s !== null)
        .map(describeSpan)
        .join(" or ")}); the row says ${span.start}: make sure the source means that night`,
    );
  return { ok: true, reading: r, qualifierWords: chosen.qualifierWords, span, warnings };
}

/** The number's own words, without its qualifier: "20k" of "Some 20k", "$5.5bn" of "an estimated $5.5bn". */
export const numberWords = (r: Reading) => r.text.slice(r.numberStart - r.start, r.numberEnd - r.start);

/** Why no number of the quote is the row's value, with the value the words do state where a row took a piece of it. */
function valueProblem(claim: Claim, candidates: Reading[]): string {
  const wanted = shownClaim(claim);
  const apart = candidates.find((r) => r.kind !== "figure" && !claim.fraction && r.value === claim.value);
  if (apart && apart.kind !== "figure")
    return `the quote's "${apart.text}" is ${KIND_NAMES[apart.kind]}, not a count or a measure; a figure must state how many or how much`;
  const range = candidates.find((r) => r.range && (r.pieces.includes(claim.value) || r.range.low === claim.value));
  if (range)
    return `the quote states "${range.text}", a range from ${formatNumber(range.range!.low)} to ${formatNumber(range.range!.high)}, which is one figure; a row cannot take one end of it (a range cannot be charted as one number: quote a sentence that states one)`;
  const signed = candidates.find((r) => r.kind === "figure" && !r.fraction && r.value < 0 && r.value === -claim.value);
  if (signed)
    return `the quote says "${signed.text}", which is ${formatNumber(signed.value)}: the sign is part of the number; write ${signed.value}`;
  const whole = candidates.find((r) => r.kind === "figure" && r.pieces.includes(claim.value));
  if (whole)
    return `the quote states "${numberWords(whole)}" as one number, ${whole.fraction ? whole.valueWords : formatNumber(whole.value)}; a row cannot take a piece of it: write ${cell(whole)}`;
  const figures = candidates.filter((r) => r.kind === "figure");
  const states = figures.length
    ? `it states ${figures
        .map((r) => {
          const digits = r.fraction ? cell(r) : formatNumber(r.value);
          return r.text.includes(digits) || r.range ? `"${r.text}"` : `"${r.text}" (${digits})`;
        })
        .join(", ")}`
    : "it states no number";
  return `the quote does not state the value ${wanted} (${states}); copy the value from the quote, or quote the sentence that states it`;
}
