import type { Row } from "./csv.ts";
import { dateFix, isIsoDate, parseDateline, parseFiscalStart, wireDateline } from "./dates.ts";
import { directionProblem } from "./direction.ts";
import { type Correction, type Figure, REQUIRED_CELLS } from "./figure.ts";
import type { Problem } from "./problem.ts";
import { numberWords, proveClaim } from "./proof.ts";
import { bounds, parseQualifier, QUALIFIERS } from "./qualifiers.ts";
import { matchQuote } from "./quote.ts";
import type { Reading } from "./reader.ts";
import { readSource, type SourceCache } from "./source-readings.ts";
import { ARTICLE, CORRECTIONS, FIGURES } from "./story-files.ts";
import { isCountUnit } from "./units.ts";
import { parseValue } from "./value-cell.ts";
import { isPronoun } from "./speakers.ts";

/** The cells of a row that chart words and labels show. */
const SHOWN_CELLS = ["category", "metric", "unit", "attributed_to", "source"] as const;

export interface CheckInput {
  rows: Row[];
  /** Every text file of the story, by path relative to the story folder. */
  files: Map<string, string>;
  history: Map<string, Correction[]>;
  origin: Map<string, number>;
  /** Sources already read (the coverage count reads them too); filled as rows need them. */
  sources?: SourceCache;
}

export interface Checked {
  figures: Figure[];
  problems: Problem[];
  /** Rows proven on one of two readings the words allow: both readings, for the reporter to confirm. */
  warnings: Problem[];
  /** The reading each figure's proof chose, by id: the one number of its quote the figure is. */
  chosen: Map<string, Reading>;
}

/**
 * Turns fact-sheet rows into figures, proving each one: the quote is in its source, and the
 * sentence's reading of the quoted number agrees with the row: value, qualifier and period.
 */
export function checkFigures({ rows, files, history, origin, sources = new Map() }: CheckInput): Checked {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const figures: Figure[] = [];
  const chosen = new Map<string, Reading>();
  const firstLine = new Map<string, number>();
  const published = parseDateline(files.get(ARTICLE) ?? "");
  if (files.has(ARTICLE) && !published) {
    const wire = wireDateline(files.get(ARTICLE)!);
    problems.push({
      file: ARTICLE,
      line: 1,
      message:
        'the first line must start with the dateline "date YYYY-MM-DD" (the publication date relative dates are read against)' +
        (wire
          ? `; line ${wire.line}'s wire dateline says "${wire.words}": add "date ${wire.iso}" as the first line`
          : ""),
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
    // Words a chart may show (a label, an attribution, the source's file name): nothing that reorders them.
    for (const name of SHOWN_CELLS) {
      const reorders = c[name] ? directionProblem(name, c[name]) : undefined;
      if (reorders) fail(name, reorders);
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

    const attribution = (c.attributed_to ?? "").trim();
    if (isPronoun(attribution))
      fail(
        "attributed_to",
        `attributed_to is "${attribution}", a pronoun: a chart would say "as reported by ${attribution}"; name who gives the figure, as the article names them`,
      );

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
    let open = false;
    let proven: Extract<ReturnType<typeof proveClaim>, { ok: true }> | undefined;
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
      const read = readSource(sources, source, text, published, parseFiscalStart(files.get(ARTICLE) ?? ""));
      const match = matchQuote(c.quote, read.index);
      if (!match.found) fail("quote", `the quote is not in ${source}: ${match.hint}`);
      else if (parsed?.ok && qualifier && !negativeCount) {
        const sentences = read.sentencesAt(match.at, match.end);
        // The numbers the quote holds, each read in its whole sentence.
        const candidates = sentences
          .flatMap((sentence) => sentence.readings)
          .filter((r) => r.numberEnd > match.at && r.numberStart < match.end);
        const several =
          new Set(
            candidates
              .filter((r) => r.span || r.endsOn)
              .map((r) => (r.span ? `${r.span.start}/${r.span.end}` : `…/${r.endsOn}`)),
          ).size > 1;
        const claim = {
          value: parsed.value,
          fraction: parsed.fraction,
          qualifier,
          start: datesOk ? start : "",
          end: datesOk ? end : "",
          unit: c.unit ?? "",
        };
        const proof = proveClaim(claim, candidates, read.dateline, several);
        // Blame the correction that last touched what the proof reads, else the row itself.
        const blamed = ["value", "qualifier", "quote", "source"]
          .filter((f) => origin.has(`${c.id}.${f}`))
          .sort((a, b) => origin.get(`${c.id}.${b}`)! - origin.get(`${c.id}.${a}`)!)[0];
        if (!proof.ok) {
          const field =
            proof.field === "start" || proof.field === "end" || proof.field === "unit"
              ? proof.field
              : (blamed ?? "quote");
          fail(field, proof.problem);
        } else {
          proven = proof;
          // A period the reading gave is in order; dates the row alone gives are checked below.
          periodChecked = proof.reading.span !== null;
          if (proof.span) {
            start = proof.span.start;
            end = proof.span.end;
            // A running count whose start the words do not say stays open: never start = end.
            open = !start && proof.options.some((o) => !o.start && o.end === end);
          }
          for (const message of proof.warnings) warnings.push({ ...where(blamed ?? "quote"), message });
          const said = proof.reading.saidBy;
          if (said && attribution && !sharesName(said, attribution))
            warnings.push({
              ...where("attributed_to"),
              message: `the sentence gives this figure as said by "${said}", but attributed_to is "${attribution}"; the chart will credit "${attribution}": check who gives it`,
            });
        }
      }
    }
    if (datesOk && !periodChecked && start && end && end < start) {
      fail("end", `the period ends (${end}) before it starts (${start}); swap start and end, or correct the wrong one`);
    }
    if (!ok || !parsed?.ok || !qualifier) continue;
    if (proven) chosen.set(c.id, proven.reading);
    figures.push({
      id: c.id,
      metric: c.metric,
      category: c.category ?? "",
      value: parsed.value,
      fraction: parsed.fraction,
      qualifier,
      qualifier_words: qualifier === "exact" ? "" : (proven?.qualifierWords ?? ""),
      value_words: parsed.fraction ? (proven?.reading.valueWords ?? "") : "",
      ...(proven ? { stated: numberWords(proven.reading) } : {}),
      ...bounds(parsed.value, qualifier),
      unit: c.unit ?? "",
      start: open ? "" : start || end,
      end: end || start,
      filled: proven?.filled ?? "",
      periods: proven?.options ?? [],
      nights: proven?.span?.nights ?? false,
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
  const restating = figures.filter((figure) => {
    if (!figure.restates) return true;
    const line = origin.get(`${figure.id}.restates`);
    const at = line === undefined ? { file: FIGURES, line: figure.line } : { file: CORRECTIONS, line };
    if (figure.restates === figure.id) {
      problems.push({
        ...at,
        message: `restates ${JSON.stringify(figure.restates)}, the figure's own id: a figure cannot restate itself; name the other figure whose number this one states again in other words, or leave restates blank`,
      });
      return false;
    }
    if (!ids.has(figure.restates)) {
      problems.push({
        ...at,
        message: `restates ${JSON.stringify(figure.restates)}, which is not the id of any figure in figures.csv; name the figure this one restates, or leave restates blank`,
      });
      return false;
    }
    return true;
  });
  return { figures: restating, problems, warnings, chosen };
}

const FUNCTION_WORDS = new Set(
  // English, and the articles and linking words of the desks' other languages ("le gouvernement").
  "the a an of for and in on at to by s le la les l de du des d et el los las del y".split(" "),
);

/**
 * Whether two attributions share a name word: "the commission" and "the National Election
 * Commission" do; so do a desk's translation and the sentence's words where a name word is the
 * same word in both languages ("le gouvernement" and "The government", "la policía" and "police":
 * six letters or more, fewer than three in ten changed).
 */
function sharesName(a: string, b: string): boolean {
  const words = (text: string) =>
    text
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w && !FUNCTION_WORDS.has(w));
  const mine = words(a);
  const same = (x: string, y: string) =>
    x === y || (Math.min(x.length, y.length) >= 6 && edits(x, y) < 0.3 * Math.max(x.length, y.length));
  return words(b).some((w) => mine.some((m) => same(m, w)));
}

/** Letters to insert, delete or replace to turn one word into another (Levenshtein), for short words. */
function edits(x: string, y: string): number {
  let row = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const next = [i];
    for (let j = 1; j <= y.length; j++)
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    row = next;
  }
  return row[y.length];
}
