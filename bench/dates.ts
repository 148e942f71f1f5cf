import * as chrono from "chrono-node";
import { toIso } from "../pipeline/facts/dates.ts";
import { readText, type Reading } from "../pipeline/facts/reader.ts";
import {
  describeTally,
  parseCorpus,
  periodCorpusFiles,
  periodOf,
  scorePassages,
  type Passage,
} from "../tests/helpers/period-corpus.ts";

/**
 * `node --import tsx/esm bench/dates.ts`: the period field of the date corpus (tests/corpus/periods-*,
 * tolls-*) read three ways, tuned and held-out passages apart:
 *   - the project's reader (periods.ts and reading-periods.ts);
 *   - chrono-node (a maintained date recognizer) with the same sentence rule for which number owns
 *     which date (the first named after it before the next number, else the nearest before it);
 *   - the project's reader, with chrono's date where the reader finds none for a number.
 * What this measured is in the README (Choices and limits): chrono is not used at run time.
 */

const day = (d: Date) => toIso(new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate())));

/** A chrono result as a period: a day, or the month or year it names when the day is not certain. */
function chronoPeriod(r: chrono.ParsedResult): string {
  const start = r.start;
  const first = day(start.date());
  if (r.end) return `${first}..${day(r.end.date())}`;
  if (start.isCertain("day") || start.isCertain("weekday")) return first;
  if (start.isCertain("month")) {
    const d = start.date();
    const last = toIso(new Date(Date.UTC(d.getFullYear(), d.getMonth() + 1, 0)));
    return `${toIso(new Date(Date.UTC(d.getFullYear(), d.getMonth(), 1)))}..${last}`;
  }
  if (start.isCertain("year")) return `${start.get("year")}-01-01..${start.get("year")}-12-31`;
  return first;
}

function chronoScore(passages: Passage[]): { right: number; dated: number; hybrid: number } {
  let right = 0;
  let dated = 0;
  let hybrid = 0;
  for (const passage of passages) {
    const ref = new Date(`${passage.dateline}T12:00:00`);
    const found = chrono.parse(passage.text, { instant: ref, timezone: 0 }, { forwardDate: false });
    const figures = readText(passage.text, { dateline: passage.dateline })
      .flatMap((s) => s.readings)
      .filter((r: Reading) => r.kind === "figure");
    for (const e of passage.expected) {
      if (!e.figure || !e.period) continue;
      dated++;
      const at = passage.text.indexOf(e.words);
      const i = figures.findIndex((r) => r.start <= at && at < r.end + 1);
      const next = figures[i + 1]?.start ?? passage.text.length;
      const after = found.find((r) => r.index >= at && r.index < next);
      const before = [...found].reverse().find((r) => r.index + r.text.length <= at);
      const pick = after ?? before;
      if (pick && chronoPeriod(pick) === e.period) right++;
      // Chrono only where the project's reader finds no period for the number.
      const own = i >= 0 ? periodOf(figures[i]) : "";
      if ((own || (pick ? chronoPeriod(pick) : "")) === e.period) hybrid++;
    }
  }
  return { right, dated, hybrid };
}

const files = periodCorpusFiles();
for (const [name, list] of [
  ["tuned", files.filter((f) => !f.includes("heldout"))],
  ["held out", files.filter((f) => f.includes("heldout"))],
] as const) {
  const passages = list.flatMap(parseCorpus);
  const ours = scorePassages(passages);
  const theirs = chronoScore(passages);
  console.log(describeTally(`${name}, the project's reader`, ours));
  console.log(
    `${name}, chrono-node with the same ownership rule: dated figures ${((100 * theirs.right) / theirs.dated).toFixed(1)}% of ${theirs.dated}; the project's reader with chrono where it finds none: ${((100 * theirs.hybrid) / theirs.dated).toFixed(1)}%`,
  );
}
