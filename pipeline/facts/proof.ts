import { formatDate } from "./dates.ts";
import type { Fraction } from "./figure.ts";
import { formatNumber } from "./format.ts";
import type { NumberKind } from "./numbers.ts";
import type { Span } from "./periods.ts";
import {
  agrees,
  describeOption,
  optionCells,
  periodOptions,
  type PeriodOption,
  proposedPeriod,
} from "./figure-period.ts";
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
      /**
       * The period the figure covers: the row's, or the words' where the row left it blank (start ""
       * for a running count whose start the words do not say).
       */
      span: Span | null;
      /** The words the dates were filled from, where the row left both blank; "" where the row typed them. */
      filled: string;
      /** Every period the words allow (figure-period.ts), for the charts' advice. */
      options: PeriodOption[];
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

  // Two numbers of one value in a quote ("12 on Monday and 12 on Tuesday"): the one whose period the row gives.
  const same_ = [...new Set(qualified.map((x) => x.reading))];
  const r =
    same_.find((c) => (claim.start || claim.end) && periodOptions(c).some((o) => agrees(o, claim.start, claim.end))) ??
    same_[0];
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

  // The period, on the model every chart shares (figure-period.ts): a blank row is filled with what
  // the words propose (and says so), a typed one must be a period the words allow.
  const options = periodOptions(r);
  const given = Boolean(claim.start || claim.end);
  const warnings: string[] = [];
  const phrase = several ? `"${r.periodText}" for ${r.text}` : `"${r.periodText}"`;
  let span: Span | null = null;
  let filled = "";
  if (r.periodProblem && given)
    return {
      ok: false,
      field: claim.start ? "start" : "end",
      problem: `${r.periodProblem}; a figure's start and end are one period, so leave both blank or quote a sentence that gives this figure one period`,
    };
  if (!given) {
    const proposal = proposedPeriod(r);
    if (proposal.kind === "span") span = { start: proposal.start, end: proposal.end, nights: proposal.nights };
    else if (proposal.kind === "ends") span = { start: "", end: proposal.end, nights: false };
    else if (proposal.kind === "ambiguous")
      warnings.push(
        `${phrase} may mean ${proposal.options.map(describeOption).join(" or ")}; start and end are left blank: set them to the one the source means`,
      );
    if (span) filled = r.periodText;
  } else if (options.length > 0) {
    const option = options.find((o) => agrees(o, claim.start, claim.end));
    if (!option) {
      const [first] = options;
      const fix =
        options.length === 1
          ? `set ${optionCells(first)}, or leave both blank`
          : `set ${options.map(optionCells).join(", or ")}, whichever the source means, or leave both blank`;
      return {
        ok: false,
        field: first.start && claim.start && claim.start !== first.start ? "start" : claim.end ? "end" : "start",
        problem: `the quote says ${phrase}, which is ${options.map(describeOption).join(", or ")} for a source dated ${anchor}, but start/end say ${claim.start || "(blank)"} to ${claim.end || "(blank)"}; ${fix}`,
      };
    }
    span = option.start
      ? { start: claim.start || option.start, end: claim.end || option.end, nights: option.nights }
      : { start: claim.start, end: claim.end, nights: false };
    if (!option.start && claim.start === claim.end && options.every((o) => !o.start))
      warnings.push(
        `${phrase} ends a count on ${option.end} without saying when it began; the row says start = end = ${option.end}, a count for that one day: make sure the source means that day alone, not a running total`,
      );
  } else span = { start: claim.start || claim.end, end: claim.end || claim.start, nights: false };
  // Where the words allow two periods, every build names both, whichever the row records.
  const other = r.alternatives.find((a) => a.reason === "night" || a.reason === "toll");
  if (other && span && options.length > 1) {
    const recorded = !span.start
      ? `the count to ${span.end}`
      : span.start === span.end
        ? span.start
        : `${span.start} to ${span.end}`;
    warnings.push(
      `${other.why} (${options.map(describeOption).join(" or ")}); the row ${filled ? "is filled from the words with" : "says"} ${recorded}: make sure the source means that${other.reason === "night" ? " night" : ""}`,
    );
  }

  const chosen = qualified.find((x) => x.reading === r) ?? qualified[0];
  // A row that takes the ordinary reading (the qualifier governing the list) needs no warning;
  // one that takes the narrow reading gets both, to confirm (npm run figures shows both either way).
  const listed = r.alternatives.find((a) => a.reason === "list");
  if (listed && claim.qualifier !== r.qualifier) {
    const governed = `${QUALIFIER_PHRASE[r.qualifier ?? "exact"] || "exactly"} ${formatNumber(r.value)}`;
    warnings.push(
      `${listed.why}: the quote reads as ${governed} or as exactly ${formatNumber(r.value)}; the row says ${claim.qualifier}, so charts show ${claim.qualifier === "exact" ? formatNumber(r.value) : governed}: make sure the source means that`,
    );
  }
  return { ok: true, reading: r, qualifierWords: chosen.qualifierWords, span, filled, options, warnings };
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
