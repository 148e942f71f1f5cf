import type { StoryNumber } from "./coverage.ts";
import type { Row } from "./csv.ts";
import { toDate } from "./dates.ts";
import { FIGURE_COLUMNS } from "./figure.ts";
import { proposedPeriod } from "./figure-period.ts";
import type { Reading } from "./reader.ts";

/**
 * Rows for figures.csv, drafted from the figures no row records: the reporter keeps or deletes
 * each. The quote is the whole sentence as the source has it (which the check reads anyway); the
 * period, qualifier and speaker are the reader's; the id is suggested from the verb and the day.
 * Where the words allow two readings the row leaves the choice blank rather than guess.
 */
export function draftRows(numbers: StoryNumber[], rows: Row[]): Record<string, string>[] {
  const taken = new Set(rows.map((row) => row.cells.id).filter(Boolean));
  // The next number to try for each id stem: counting again from 2 at every collision made a
  // thousand figures of one verb and day cost a million tries.
  const nextNumber = new Map<string, number>();
  // The first row recording each value, looked up once rather than searched for every figure.
  const byValue = new Map<number, Row>();
  for (const row of rows) {
    const value = row.cells.value ? Number(row.cells.value.replace(/[,\s]/g, "")) : NaN;
    if (!Number.isNaN(value) && !byValue.has(value)) byValue.set(value, row);
  }
  const drafted: Record<string, string>[] = [];
  // The figure before in the same sentence: a list leaves its noun out after the first item
  // ("More than 8,000 people were evacuated from Alto Vale, some 5,500 from Rio Claro").
  let previous: { sentence: string; noun: string; metric: string; unit: string } | undefined;
  // The last toll drafted in a file: "the count had reached 38" after "14 deaths" counts deaths too.
  let lastToll: { file: string; metric: string } | undefined;
  for (const { file, reading: r, sentence } of numbers) {
    if (r.kind !== "figure" || r.range) continue; // A range cannot be one row.
    const elided = !r.noun && previous?.sentence === sentence && previous.unit === r.unit ? previous : undefined;
    const noun = r.noun || elided?.noun || "";
    // A running toll is one series whatever verb each report uses ("confirmed 14 deaths", "rose to 61"): one metric.
    const toll = !r.running
      ? ""
      : tollOf(sentence) ||
        (lastToll?.file === file && /\b(?:toll|tally|count)\b/i.test(sentence) ? lastToll.metric : "");
    if (toll) lastToll = { file, metric: toll };
    // The metric is required: the verb ("arrested"), else what is counted.
    const metric = toll || metricOf(r, sentence) || elided?.metric || noun.toLowerCase() || "count";
    previous = { sentence, noun, metric, unit: r.unit };
    let id = slug([metric, dayOf(r)].filter(Boolean).join("_"));
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
    // "France deploys 45,000 officers" in a headline restates the body's "Some 45,000"; small numbers match by chance.
    const restated = r.value >= 10 && !r.fraction ? byValue.get(r.value) : undefined;
    drafted.push({
      id,
      metric,
      category: toll
        ? toll.charAt(0).toUpperCase() + toll.slice(1)
        : noun
          ? noun.charAt(0).toUpperCase() + noun.slice(1)
          : "",
      value: r.fraction ? `${r.fraction.numerator}/${r.fraction.denominator}` : String(r.value),
      // Two readings (a qualifier over a list): left blank, for the reporter to choose.
      qualifier: qualifiers.size > 1 ? "" : (r.qualifier ?? ""),
      unit: r.unit,
      start: period.kind === "span" ? period.start : "",
      end: period.kind === "span" || period.kind === "ends" ? period.end : "",
      attributed_to: r.saidBy.replace(/^The\s/, "the "),
      quote: sentence,
      source: file,
      restates: restated?.cells.id ?? "",
    });
  }
  return drafted;
}

/** The columns a draft is written in: the story's own figures.csv header (so rows paste as they are), else the standard one. */
export function draftColumns(columns: string[] | undefined): string[] {
  return columns && columns.includes("id") ? columns : [...FIGURE_COLUMNS, "restates"];
}

/** What a running toll counts, from its sentence: deaths, the missing, the injured; "" for other running counts. */
function tollOf(sentence: string): string {
  if (/\b(?:dead|deaths?|died|killed|fatalities|death\s+toll)\b/i.test(sentence)) return "deaths";
  if (/\b(?:missing|unaccounted)\b/i.test(sentence)) return "missing";
  if (/\b(?:injured|wounded|hurt)\b/i.test(sentence)) return "injured";
  return "";
}

const SHORT_DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

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

/** What happened to what is counted: the verb after the number ("were arrested"), else before it ("deployed 20,000"). */
function metricOf(r: Reading, sentence: string): string {
  const at = sentence.indexOf(r.text);
  if (at < 0) return "";
  const after = sentence.slice(at + r.text.length, at + r.text.length + 120);
  const passive =
    /^(?:\s+[\p{L}'’-]+){0,6}?\s+(?:were|was|have\s+been|had\s+been|has\s+been|are|is|been|have|has|had)\s+(?:\p{L}+ly\s+)?(\p{L}+(?:ed|en|wn))(?![\p{L}])/iu.exec(
      after,
    );
  if (passive) return passive[1].toLowerCase();
  const before = /(\p{L}+ed)\s+(?:[\p{L}'’-]+\s+){0,2}$/iu.exec(sentence.slice(Math.max(0, at - 60), at));
  if (before) return before[1].toLowerCase();
  return "";
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .slice(0, 40) || "figure"
  );
}
