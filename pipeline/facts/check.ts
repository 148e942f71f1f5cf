import type { Row } from "./csv.ts";
import { dateFix, isIsoDate, parseDateline } from "./dates.ts";
import { findPeriod } from "./periods.ts";
import { type Correction, type Figure, type Fraction, REQUIRED_CELLS } from "./figure.ts";
import { formatNumber } from "./format.ts";
import { findMentions, type Mention, parseValue } from "./numbers.ts";
import { isCountUnit } from "./units.ts";
import type { Problem } from "./problem.ts";
import { bounds, parseQualifier, QUALIFIERS, QUALIFIER_PHRASE, type Qualifier } from "./qualifiers.ts";
import { matchQuote } from "./quote.ts";
import { ARTICLE, CORRECTIONS, FIGURES } from "../facts/story-files.ts";

export interface CheckInput {
  rows: Row[];
  /** Every text file of the story, by path relative to the story folder. */
  files: Map<string, string>;
  history: Map<string, Correction[]>;
  origin: Map<string, number>;
}

/**
 * Turns fact-sheet rows into figures, proving each one: the quote is in its source and states the
 * value with the qualifier claimed; a period the quote names agrees with the row's dates.
 */
export function checkFigures({ rows, files, history, origin }: CheckInput): { figures: Figure[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const figures: Figure[] = [];
  const firstLine = new Map<string, number>();
  const published = parseDateline(files.get(ARTICLE) ?? "");
  if (files.has(ARTICLE) && !published) {
    problems.push({
      file: ARTICLE,
      line: 1,
      message:
        'the first line must start with the dateline "date YYYY-MM-DD" (the publication date relative dates are read against)',
    });
  }

  for (const row of rows) {
    if (row.broken) continue; // Reported where it was read.
    const c = row.cells;
    const where = (field: string) => {
      const line = origin.get(`${c.id}.${field}`);
      return line === undefined ? { file: FIGURES, line: row.line } : { file: CORRECTIONS, line };
    };
    const wrong = (field: string, message: string) => problems.push({ ...where(field), message });
    let ok = true;
    const fail = (field: string, message: string) => {
      wrong(field, message);
      ok = false;
    };

    // A column missing from the header is reported once, at the header, not on every row.
    for (const name of REQUIRED_CELLS) {
      if (c[name] === undefined) ok = false;
      else if (!c[name]) fail(name, `${name} is empty; every figure needs ${REQUIRED_CELLS.join(", ")}`);
    }
    if (c.id) {
      if (!/^[A-Za-z0-9_-]+$/.test(c.id))
        fail(
          "id",
          `id ${JSON.stringify(c.id)} may use only letters, digits, _ and -, so charts can name it as {${c.id.replace(/[^A-Za-z0-9_-]/g, "_")}}`,
        );
      if (firstLine.has(c.id))
        fail(
          "id",
          `duplicate id ${JSON.stringify(c.id)}: line ${firstLine.get(c.id)} already defines it; give this figure an id of its own`,
        );
      else firstLine.set(c.id, row.line);
    }

    const parsed = c.value ? parseValue(c.value) : undefined;
    if (parsed && !parsed.ok) fail("value", parsed.message);
    const qualifier = c.qualifier ? parseQualifier(c.qualifier) : undefined;
    if (c.qualifier && !qualifier)
      fail(
        "qualifier",
        `unknown qualifier ${JSON.stringify(c.qualifier)}; use one of ${QUALIFIERS.join(", ")} (or the article's word: "more than", "over", "almost", …)`,
      );

    let start = c.start ?? "";
    let end = c.end ?? "";
    let datesOk = true;
    for (const [field, date] of [
      ["start", start],
      ["end", end],
    ] as const) {
      if (date && !isIsoDate(date)) {
        fail(field, `${field} ${JSON.stringify(date)} is not a real date; ${dateFix(date)}`);
        datesOk = false;
      }
    }
    let periodChecked = false;
    let stated: Mention | undefined;
    const negativeCount = parsed?.ok === true && parsed.value < 0 && isCountUnit(c.unit ?? "");
    if (negativeCount)
      fail(
        "value",
        `value ${c.value.trim()} is negative; ${c.unit?.trim() ? `unit "${c.unit.trim()}"` : "a blank unit"} counts people or things, which cannot be fewer than none: write ${String(-parsed.value)} and say in the metric what fell, or give the unit the value measures (degrees, %)`,
      );

    const source = (c.source || ARTICLE).replace(/\\/g, "/");
    const text = files.get(source);
    if (c.source && (/^[/\\]|^[A-Za-z]:|(^|[/\\])\.\.([/\\]|$)/.test(c.source) || !/\.txt$/i.test(c.source))) {
      fail(
        "source",
        `source ${JSON.stringify(c.source)} must be a .txt file inside the story folder, e.g. sources/police-statement.txt`,
      );
    } else if (text === undefined) {
      const near = [...files.keys()].find((name) => name.toLowerCase() === source.toLowerCase());
      const fix = near
        ? `; did you mean ${JSON.stringify(near)}? (names are case-sensitive)`
        : c.source
          ? "; put it in sources/ and name it as sources/NAME.txt"
          : "";
      fail("source", `source ${JSON.stringify(source)} does not exist in the story folder${fix}`);
    } else if (c.quote) {
      const match = matchQuote(c.quote, text);
      if (!match.found) fail("quote", `the quote is not in ${source}: ${match.hint}`);
      else {
        if (parsed?.ok && qualifier && !negativeCount) {
          const proof = proveValue(match.context, match.start, parsed, qualifier);
          // Blame the correction that last touched what the proof reads, else the row itself.
          const blamed = ["value", "qualifier", "quote", "source"]
            .filter((f) => origin.has(`${c.id}.${f}`))
            .sort((a, b) => origin.get(`${c.id}.${b}`)! - origin.get(`${c.id}.${a}`)!)[0];
          if ("problem" in proof) fail(blamed ?? "quote", proof.problem);
          else stated = proof.mention;
        }
        const anchor = parseDateline(text) ?? published;
        const period = anchor && datesOk ? findPeriod(c.quote, anchor) : undefined;
        if (period) {
          periodChecked = true;
          if ((start && start !== period.start) || (end && end !== period.end)) {
            fail(
              start && start !== period.start ? "start" : "end",
              `the quote says "${period.text}", which is ${period.start} to ${period.end} for a source dated ${anchor}, but start/end say ${start || "(blank)"} to ${end || "(blank)"}; set start ${period.start} and end ${period.end}, or leave both blank`,
            );
          }
          start ||= period.start;
          end ||= period.end;
        }
      }
    }
    if (datesOk && !periodChecked && start && end && end < start) {
      fail("end", `the period ends (${end}) before it starts (${start}); swap start and end, or correct the wrong one`);
    }
    if (!ok || !parsed?.ok || !qualifier) continue;
    figures.push({
      id: c.id,
      metric: c.metric,
      category: c.category ?? "",
      value: parsed.value,
      fraction: parsed.fraction,
      qualifier,
      qualifier_words: qualifier === "exact" ? "" : (stated?.qualifierWords ?? ""),
      value_words: stated?.valueWords ?? "",
      ...bounds(parsed.value, qualifier),
      unit: c.unit ?? "",
      start: start || end,
      end: end || start,
      nights: false,
      attributed_to: c.attributed_to ?? "",
      quote: c.quote,
      source,
      restates: c.restates ?? "",
      corrections: history.get(c.id) ?? [],
      line: row.line,
    });
  }

  // Every id the sheet defines, including rows that failed: their own problems are reported already.
  const ids = new Set(rows.map((row) => row.cells.id).filter(Boolean));
  for (const figure of figures) {
    if (figure.restates && (!ids.has(figure.restates) || figure.restates === figure.id)) {
      problems.push({
        file: FIGURES,
        line: figure.line,
        message: `restates ${JSON.stringify(figure.restates)}, which is not another figure's id; name the figure this one restates in other words, or leave restates blank`,
      });
    }
  }
  return { figures, problems };
}

type Proof = { mention: Mention } | { problem: string };

/** The number in the quote that states the figure, or why none does. */
function proveValue(
  context: string,
  start: number,
  parsed: { value: number; fraction: Fraction | null },
  qualifier: Qualifier,
): Proof {
  // Numbers inside the quote, each with whatever qualifies it, even words just before the quote.
  const mentions = findMentions(context).filter((m) => m.index + m.text.length > start);
  const equal = (m: Mention) =>
    parsed.fraction
      ? m.fraction !== null &&
        m.fraction.numerator * parsed.fraction.denominator === m.fraction.denominator * parsed.fraction.numerator
      : m.fraction === null && m.value === parsed.value;
  const agreed = mentions.find((m) => equal(m) && m.qualifier === qualifier);
  if (agreed) return { mention: agreed };
  const same = mentions.filter(equal);
  const claimed = qualifier === "exact" ? "exact" : `${qualifier} ("${QUALIFIER_PHRASE[qualifier]}")`;
  const unsupported = same.find((m) => m.qualifier === null);
  if (same.length > 0 && same.every((m) => m.qualifier === null)) {
    return {
      problem: `the quote says "${unsupported!.text}", which none of the qualifiers (${QUALIFIERS.join(", ")}) states; the chart could not show it as the source does, so quote a sentence that states the figure another way`,
    };
  }
  const stated = same.find((m) => m.qualifier !== null);
  if (stated)
    return { problem: `the quote says "${stated.text}", so the qualifier must be ${stated.qualifier}, not ${claimed}` };
  const states = mentions.length ? `it states ${mentions.map((m) => `"${m.text}"`).join(", ")}` : "it states no number";
  const shown = parsed.fraction
    ? `${parsed.fraction.numerator}/${parsed.fraction.denominator}`
    : formatNumber(parsed.value);
  return {
    problem: `the quote does not state the value ${shown} (${states}); copy the value from the quote, or quote the sentence that states it`,
  };
}
