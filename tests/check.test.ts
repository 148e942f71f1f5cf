import { formatDate } from "../pipeline/facts/dates.ts";
import { describe, expect, it } from "vitest";
import { checkFigures } from "../pipeline/facts/check.ts";
import { parseCsv } from "../pipeline/facts/csv.ts";
import { FIGURE_COLUMNS, type Figure } from "../pipeline/facts/figure.ts";
import { qualified } from "../pipeline/facts/format.ts";
import { formatProblem } from "../pipeline/facts/problem.ts";

/**
 * The provenance check as a pure function: rows and sources in, figures, problems and warnings
 * out. No story folder, no build.
 */

const HEADER = [...FIGURE_COLUMNS, "restates"].join(",");

/** Checks rows (without the header) against an article dated `dateline` and any other sources. */
function check(
  article: string,
  rows: string[],
  { dateline = "2024-11-27", sources = {} as Record<string, string> } = {},
) {
  const table = parseCsv("figures.csv", [HEADER, ...rows].join("\n"), FIGURE_COLUMNS);
  expect(table.problems).toEqual([]);
  const files = new Map<string, string>([
    ["article.txt", `date ${dateline}\n${article}\n`],
    ...Object.entries(sources),
  ]);
  const result = checkFigures({ rows: table.rows, files, history: new Map(), origin: new Map() });
  return {
    figures: result.figures,
    problems: result.problems.map(formatProblem),
    warnings: result.warnings.map(formatProblem),
  };
}

/** A row: id, value, qualifier, unit, start, end, quote. */
const row = (id: string, value: string, qualifier: string, quote: string, { unit = "", start = "", end = "" } = {}) =>
  [id, "metric", "", value, qualifier, unit, start, end, "", `"${quote.replace(/"/g, '""')}"`, "article.txt", ""].join(
    ",",
  );

const only = (figures: Figure[]) => {
  expect(figures).toHaveLength(1);
  return figures[0];
};

describe("wrong numbers the check once proved (issue 14)", () => {
  it.each([
    ["Half a million people joined the march.", "1000000", "500000", '"Half a million" as one number, 500,000'],
    ["A quarter of a million people signed.", "1000000", "250000", '"A quarter of a million" as one number, 250,000'],
    ["2.5m people were displaced.", "2.5", "2500000", '"2.5m" as one number, 2,500,000'],
    ["20 000 security personnel were deployed.", "20", "20000", '"20 000" as one number, 20,000'],
    ["20 000 security personnel were deployed.", "0", "20000", '"20 000" as one number, 20,000'],
  ])("%s: a row of %s is refused, the whole number %s is proven", (sentence, piece, whole, message) => {
    const wrong = check(sentence, [row("x", piece, "exact", sentence.replace(/\.$/, ""))]);
    expect(wrong.figures).toEqual([]);
    expect(wrong.problems).toEqual([
      `figures.csv:2: the quote states ${message}; a row cannot take a piece of it: write ${whole}`,
    ]);
    expect(check(sentence, [row("x", whole, "exact", sentence.replace(/\.$/, ""))]).problems).toEqual([]);
  });

  it('reads "Some 20k protesters" as about 20,000, shown in the source\'s word', () => {
    const q = "Some 20k protesters gathered";
    expect(check(`${q}.`, [row("x", "20", "about", q)]).problems).toEqual([
      'figures.csv:2: the quote states "20k" as one number, 20,000; a row cannot take a piece of it: write 20000',
    ]);
    const figure = only(check(`${q}.`, [row("x", "20000", "about", q)]).figures);
    expect(qualified(figure)).toBe("some 20,000");
  });

  it('refuses "between 900 and 1,200 people" as exactly 900, or 1,200: a range is one figure', () => {
    const q = "Between 900 and 1,200 people marched";
    for (const value of ["900", "1200"]) {
      expect(check(`${q}.`, [row("x", value, "exact", q)]).problems).toEqual([
        'figures.csv:2: the quote states "Between 900 and 1,200", a range from 900 to 1,200, which is one figure; a row cannot take one end of it (a range cannot be charted as one number: quote a sentence that states one)',
      ]);
    }
  });

  it('keeps the sign: "fell by -12%" is −12, "−5 degrees" (U+2212) is −5', () => {
    const fell = "Support fell by -12% in a month";
    expect(check(`${fell}.`, [row("x", "12", "exact", fell, { unit: "%" })]).problems).toEqual([
      'figures.csv:2: the quote says "-12%", which is −12: the sign is part of the number; write -12',
    ]);
    expect(only(check(`${fell}.`, [row("x", "-12", "exact", fell, { unit: "%" })]).figures).value).toBe(-12);
    const cold = "Temperatures dropped to \u22125 degrees";
    expect(check(`${cold}.`, [row("x", "5", "exact", cold, { unit: "degrees" })]).problems).toEqual([
      'figures.csv:2: the quote says "\u22125", which is −5: the sign is part of the number; write -5',
    ]);
    expect(only(check(`${cold}.`, [row("x", "\u22125", "exact", cold, { unit: "degrees" })]).figures).value).toBe(-5);
  });

  it('reads "fell by 12%" as a fall of 12: words never make a number negative', () => {
    const fell = "Support fell by 12% in a month";
    expect(only(check(`${fell}.`, [row("x", "12", "exact", fell, { unit: "%" })]).figures).value).toBe(12);
    expect(check(`${fell}.`, [row("x", "-12", "exact", fell, { unit: "%" })]).problems).toEqual([
      'figures.csv:2: the quote does not state the value −12 (it states "12%"); copy the value from the quote, or quote the sentence that states it',
    ]);
  });

  it("refuses a negative count of people, whatever the quote", () => {
    const q = "Arrests fell by 12 on Monday";
    expect(check(`${q}.`, [row("x", "-12", "exact", q, { unit: "people" })]).problems).toEqual([
      'figures.csv:2: value -12 is negative; unit "people" counts people or things, which cannot be fewer than none: write 12 and say in the metric what fell, or give the unit the value measures (degrees, %)',
    ]);
  });

  it("refuses a percentage recorded as a count", () => {
    const q = "Turnout was 12% in Islamabad";
    expect(check(`${q}.`, [row("x", "12", "exact", q)]).problems).toEqual([
      'figures.csv:2: the quote says "12%", a percentage, but the unit is blank; set unit %, or the chart would show 12 as a count',
    ]);
  });

  it("refuses a year, an age or a clock time as a figure", () => {
    expect(check("A 17-year-old was shot.", [row("x", "17", "exact", "A 17-year-old was shot")]).problems).toEqual([
      'figures.csv:2: the quote\'s "17-year-old" is an age, not a count or a measure; a figure must state how many or how much',
    ]);
    expect(check("He was ousted in 2022.", [row("x", "2022", "exact", "He was ousted in 2022")]).problems).toEqual([
      'figures.csv:2: the quote\'s "2022" is a year, not a count or a measure; a figure must state how many or how much',
    ]);
  });
});

describe("each number of a list, with its own day", () => {
  const SENTENCE = "Police said 412 people were arrested on Sunday, 301 on Monday and 241 on Tuesday.";

  it("dates each row by its own day, whatever part of the sentence it quotes", () => {
    const { figures, problems } = check(SENTENCE, [
      row("sun", "412", "exact", SENTENCE),
      row("mon", "301", "exact", SENTENCE),
      row("tue", "241", "exact", "241 on Tuesday"),
    ]);
    expect(problems).toEqual([]);
    expect(figures.map((f) => [f.id, f.start, f.end])).toEqual([
      ["sun", "2024-11-24", "2024-11-24"],
      ["mon", "2024-11-25", "2024-11-25"],
      ["tue", "2024-11-26", "2024-11-26"],
    ]);
  });

  it("refuses Monday's figure dated Sunday, suggesting Monday: never another figure's date", () => {
    const { problems } = check(SENTENCE, [
      row("mon", "301", "exact", SENTENCE, { start: "2024-11-24", end: "2024-11-24" }),
    ]);
    expect(problems).toEqual([
      'figures.csv:2: the quote says "on Monday" for 301, which is 2024-11-25 to 2024-11-25 for a source dated 2024-11-27, but start/end say 2024-11-24 to 2024-11-24; set start 2024-11-25 and end 2024-11-25, or leave both blank',
    ]);
    expect(problems.join()).not.toMatch(/set start 2024-11-24/);
  });
});

describe("nights", () => {
  const RIOTS = "2023-07-03"; // a Monday

  it('"on Friday and Saturday nights" is two nights, Friday to Saturday, when start and end are blank', () => {
    const q = "Some 45,000 police officers were deployed on Friday and Saturday nights";
    const figure = only(check(`${q}.`, [row("x", "45000", "about", q)], { dateline: RIOTS }).figures);
    expect([figure.start, figure.end, figure.nights]).toEqual(["2023-06-30", "2023-07-01", true]);
    expect(qualified(figure)).toBe("some 45,000");
  });

  it('"the night of Friday to Saturday" is one night, dated by its evening, not a two-day period', () => {
    const q = "Police made 300 arrests on the night of Friday to Saturday";
    const figure = only(check(`${q}.`, [row("x", "300", "exact", q)], { dateline: RIOTS }).figures);
    expect([figure.start, figure.end, figure.nights]).toEqual(["2023-06-30", "2023-06-30", true]);
    expect(
      check(`${q}.`, [row("x", "300", "exact", q, { start: "2023-06-30", end: "2023-07-01" })], { dateline: RIOTS })
        .problems,
    ).toEqual([
      'figures.csv:2: the quote says "on the night of Friday to Saturday", which is the night of Fri 30 Jun 2023, dated by its evening (start = end = 2023-06-30) for a source dated 2023-07-03, but start/end say 2023-06-30 to 2023-07-01; set start 2023-06-30 and end 2023-06-30, or leave both blank',
    ]);
  });

  it('"Friday night" does not silently become Friday to Saturday', () => {
    const q = "At least 79 police officers were injured on Friday night";
    const result = check(`${q}.`, [row("x", "79", "at_least", q, { start: "2023-06-30", end: "2023-07-01" })], {
      dateline: RIOTS,
    });
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatch(/the night of Fri 30 Jun 2023, dated by its evening/);
  });

  it('"overnight Saturday" may be either night: both pass, with a warning naming both; blank dates stay blank', () => {
    const q = "Officers arrested 120 people overnight Saturday";
    for (const day of ["2023-06-30", "2023-07-01"]) {
      const result = check(`${q}.`, [row("x", "120", "exact", q, { start: day, end: day })], { dateline: RIOTS });
      expect(result.problems).toEqual([]);
      expect(result.warnings).toEqual([
        `figures.csv:2: "overnight Saturday" may mean either night (the night of Fri 30 Jun 2023, dated by its evening (start = end = 2023-06-30) or the night of Sat 1 Jul 2023, dated by its evening (start = end = 2023-07-01)); the row says ${day}: make sure the source means that night`,
      ]);
    }
    const blank = check(`${q}.`, [row("x", "120", "exact", q)], { dateline: RIOTS });
    expect(only(blank.figures).start).toBe("");
    expect(blank.warnings[0]).toMatch(/start and end are left blank: set them to the one the source means/);
  });
});

describe("a qualifier over a list", () => {
  const Q = "The government reported at least one police officer and four paramilitary personnel were killed";

  it("governs the second number in ordinary reading; exact, the narrow reading, passes with a warning naming both", () => {
    const ordinary = check(`${Q}.`, [row("x", "4", "at_least", Q)]);
    expect([ordinary.problems, ordinary.warnings]).toEqual([[], []]);
    expect(qualified(only(ordinary.figures))).toBe("at least 4");
    const narrow = check(`${Q}.`, [row("x", "4", "exact", Q)]);
    expect(narrow.problems).toEqual([]);
    expect(narrow.warnings).toEqual([
      'figures.csv:2: "at least" may govern only "at least one", leaving "four" exact: the quote reads as at least 4 or as exactly 4; the row says exact, so charts show 4: make sure the source means that',
    ]);
    expect(check(`${Q}.`, [row("x", "4", "more_than", Q)]).problems).toEqual([
      'figures.csv:2: the quote says "four", so the qualifier must be at_least or exact, not more_than ("more than")',
    ]);
  });

  it("does not reach a number with its own qualifier, or in a clause of its own", () => {
    const q = "More than 2,500 buildings have been damaged, and 5,000 vehicles were set on fire";
    const result = check(`${q}.`, [row("x", "5000", "exact", q)]);
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);
  });
});

describe("fractions", () => {
  it('records "about a third" as 1/3, shown in words', () => {
    const q = "About a third of those arrested were minors";
    const figure = only(check(`${q}.`, [row("x", "1/3", "about", q)]).figures);
    expect([figure.fraction, figure.value_words, qualified(figure)]).toEqual([
      { numerator: 1, denominator: 3 },
      "a third",
      "about a third",
    ]);
    expect(check(`${q}.`, [row("x", "0.33", "about", q)]).problems).toEqual([
      'figures.csv:2: the quote does not state the value 0.33 (it states "About a third" (1/3)); copy the value from the quote, or quote the sentence that states it',
    ]);
  });

  it.each([
    ["Half of the vehicles were burned", "1/2", "half"],
    ["One in five of those detained was a student", "1 in 5", "one in five"],
    ["Two-thirds of the buildings were schools", "2/3", "two-thirds"],
  ])("%s: %s", (q, cell, words) => {
    const figure = only(check(`${q}.`, [row("x", cell, "exact", q)]).figures);
    expect(qualified(figure)).toBe(words);
  });
});

describe("checking many rows against a large source", () => {
  const FILLER = " The crowd moved slowly through the old town as shops closed their shutters.".repeat(12);

  /** A source of `n` sentences stating a number each, a kilobyte of prose after each, and a row quoting each. */
  function story(n: number, run: number) {
    const sentences = Array.from(
      { length: n },
      (_, i) => `Police in district ${"abcdefghij"[i % 10]}${i} arrested ${1000 + i} people`,
    );
    const rows = sentences.map((s, i) => row(`r${i}`, String(1000 + i), "exact", s));
    // Each run's text its own, so no run reuses what a build before it read of the same text.
    return { article: `${sentences.map((s) => `${s}.${FILLER}`).join(" ")} Run ${"x".repeat(run + 1)}.`, rows };
  }

  const time = (n: number, run = 0) => {
    const { article, rows } = story(n, run);
    // CPU time, not wall time: other processes on a busy machine do not count against the check.
    const started = process.cpuUsage();
    const result = check(article, rows);
    const used = process.cpuUsage(started);
    expect(result.problems).toEqual([]);
    return (used.user + used.system) / 1000;
  };

  it("grows with rows plus source, not rows times source: the source is indexed once", () => {
    time(50); // warm up
    const sizes = [100, 200, 400];
    // The fastest of three runs each, interleaved, so a busy machine does not decide the ratio.
    const best = sizes.map(() => Infinity);
    for (let run = 0; run < 3; run++) sizes.forEach((n, i) => (best[i] = Math.min(best[i], time(n, run + 1))));
    const [small, medium, large] = best;
    // Rows × source grows fourfold a step (measured before the index: 0.3 s, 2.4 s, 10.8 s);
    // linear work doubles (0.25 s, 0.5 s, 1.1 s).
    expect(medium / small).toBeLessThan(3.3);
    expect(large / small).toBeLessThan(8);
  });
});

describe("running counts: a toll's day is where it was counted to, not a day's count (the flood story)", () => {
  const FLOOD = "2025-03-14"; // a Friday
  const flood = (sentence: string, rows: string[]) => check(sentence, rows, { dateline: FLOOD });

  const TOLL = "The agency counted 12 dead on Monday and 31 on Wednesday, all since the rains began on Sunday.";

  it("reads each number of a running toll from Sunday to its own day, filling blank dates", () => {
    const { figures, problems, warnings } = flood(TOLL, [
      row("dead_mon", "12", "exact", TOLL),
      row("dead_wed", "31", "exact", TOLL),
    ]);
    expect([problems, warnings]).toEqual([[], []]);
    expect(figures.map((f) => [f.id, f.start, f.end])).toEqual([
      ["dead_mon", "2025-03-09", "2025-03-10"],
      ["dead_wed", "2025-03-09", "2025-03-12"],
    ]);
    const dated = flood(TOLL, [
      row("dead_mon", "12", "exact", TOLL, { start: "2025-03-09", end: "2025-03-10" }),
      row("dead_wed", "31", "exact", TOLL, { start: "2025-03-09", end: "2025-03-12" }),
    ]);
    expect([dated.problems, dated.warnings]).toEqual([[], []]);
  });

  it("refuses Monday alone for the toll counted on Monday, and never suggests it", () => {
    const { problems } = flood(TOLL, [
      row("dead_mon", "12", "exact", TOLL, { start: "2025-03-10", end: "2025-03-10" }),
    ]);
    expect(problems).toEqual([
      'figures.csv:2: the quote says "on Monday … since the rains began on Sunday" for 12, which is the running count 2025-03-09 to 2025-03-10 for a source dated 2025-03-14, but start/end say 2025-03-10 to 2025-03-10; set start 2025-03-09 and end 2025-03-10, or leave both blank',
    ]);
    expect(problems.join()).not.toMatch(/set start 2025-03-10 and end 2025-03-10/);
  });

  it('"By Wednesday, … since Sunday" ends on Wednesday: the dateline is refused, and not suggested', () => {
    const q = "By Wednesday, 31 people had died since Sunday";
    const { problems } = flood(`${q}.`, [row("x", "31", "exact", q, { start: "2025-03-09", end: "2025-03-14" })]);
    expect(problems).toEqual([
      'figures.csv:2: the quote says "By Wednesday … since Sunday", which is the running count 2025-03-09 to 2025-03-12 for a source dated 2025-03-14, but start/end say 2025-03-09 to 2025-03-14; set start 2025-03-09 and end 2025-03-12, or leave both blank',
    ]);
    const right = flood(`${q}.`, [row("x", "31", "exact", q, { start: "2025-03-09", end: "2025-03-12" })]);
    expect([right.problems, right.warnings]).toEqual([[], []]);
  });

  it('"since the floods began on Sunday" is Sunday to the dateline', () => {
    const q = "52 people had died since the floods began on Sunday";
    const figure = only(flood(`${q}.`, [row("x", "52", "exact", q)]).figures);
    expect([figure.start, figure.end]).toEqual(["2025-03-09", "2025-03-14"]);
  });

  it.each([
    ["31 people had died by Wednesday", "31", "by Wednesday", "2025-03-12"],
    ["The death toll rose to 12 on Monday", "12", "on Monday", "2025-03-10"],
  ])("%s: the end is that day, the start unsaid; never a one-day period suggested", (q, value, words, day) => {
    // Blank dates: the end is filled from the words (and says so), the start stays open: a count to that day.
    const blank = flood(`${q}.`, [row("x", value, "exact", q)]);
    expect([blank.problems, blank.warnings]).toEqual([[], []]);
    expect([only(blank.figures).start, only(blank.figures).end, only(blank.figures).filled]).toEqual(["", day, words]);
    // The end alone, typed: the same running count, its start open.
    const ends = flood(`${q}.`, [row("x", value, "exact", q, { end: day })]);
    expect([ends.problems, ends.warnings]).toEqual([[], []]);
    expect([only(ends.figures).start, only(ends.figures).end, only(ends.figures).filled]).toEqual(["", day, ""]);
    // Any start on or before the end passes.
    const sunday = flood(`${q}.`, [row("x", value, "exact", q, { start: "2025-03-09", end: day })]);
    expect([sunday.problems, sunday.warnings]).toEqual([[], []]);
    expect([only(sunday.figures).start, only(sunday.figures).end]).toEqual(["2025-03-09", day]);
    // Start = end passes, with a warning naming both readings.
    const one = flood(`${q}.`, [row("x", value, "exact", q, { start: day, end: day })]);
    expect(one.problems).toEqual([]);
    expect(one.warnings).toEqual([
      `figures.csv:2: "${words}" ends a count on ${day} without saying when it began; the row says start = end = ${day}, a count for that one day: make sure the source means that day alone, not a running total`,
    ]);
    // Another end is refused; the fix names the end only.
    const wrong = flood(`${q}.`, [row("x", value, "exact", q, { start: "2025-03-09", end: FLOOD })]);
    expect(wrong.problems).toEqual([
      `figures.csv:2: the quote says "${words}", which is a running count to ${day} (${formatDate(day, { weekday: true })}), its start not stated for a source dated ${FLOOD}, but start/end say 2025-03-09 to ${FLOOD}; set end ${day} and start blank (or the day the count began, if another source says it), or leave both blank`,
    ]);
    expect(wrong.problems.join()).not.toMatch(new RegExp(`set start ${day}`));
  });
});

describe("who gives a figure", () => {
  const said = (attribution: string, sentence = "Turnout was 62%, the National Election Commission said on Monday.") =>
    check(sentence, [
      [
        "turnout",
        "turnout",
        "",
        "62",
        "exact",
        "%",
        "",
        "",
        attribution,
        `"${sentence.slice(0, -1)}"`,
        "article.txt",
        "",
      ].join(","),
    ]);

  it("is credited as the sentence names it, its time of speaking aside, with no warning", () => {
    const result = said("the National Election Commission");
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(said("the commission").warnings).toEqual([]);
  });

  it("warns when the row credits somebody the sentence does not name", () => {
    expect(said("the finance ministry").warnings).toEqual([
      'figures.csv:2: the sentence gives this figure as said by "the National Election Commission", but attributed_to is "the finance ministry"; the chart will credit "the finance ministry": check who gives it',
    ]);
  });

  it("takes a desk's translation whose name words are the same words, and warns of one that is not", () => {
    expect(said("la Commission électorale nationale").warnings).toEqual([]);
    expect(said("le ministère des finances").warnings).toHaveLength(1);
    // Six letters or more, fewer than three in ten changed: "commissions" is the commission, "mission" not.
    expect(said("the electoral commissions").warnings).toEqual([]);
    expect(said("the mission").warnings).toHaveLength(1);
  });

  it("refuses a pronoun, which a chart would print as 'as reported by he'", () => {
    const result = said("he", "Turnout was 62%, he said.");
    expect(result.problems).toEqual([
      'figures.csv:2: attributed_to is "he", a pronoun: a chart would say "as reported by he"; name who gives the figure, as the article names them',
    ]);
  });
});

describe("units proven (issue 18)", () => {
  it("refuses a unit the quote does not state, with the quote's unit as the fix", () => {
    const acres = "The fire has burned 2,170 acres";
    expect(check(`${acres}.`, [row("x", "2170", "exact", acres, { unit: "hectares" })]).problems).toEqual([
      'figures.csv:2: the quote says "2,170" in acres, but the unit is "hectares"; set unit acres (or acre), as the quote states it',
    ]);
    const gusts = "Gusts reached 67 mph at Kapalua";
    expect(check(`${gusts}.`, [row("x", "67", "exact", gusts, { unit: "km/h" })]).problems).toEqual([
      'figures.csv:2: the quote says "67" in mph, but the unit is "km/h"; set unit mph (or miles per hour, miles an hour), as the quote states it',
    ]);
    expect(check(`${gusts}.`, [row("x", "67", "exact", gusts)]).problems).toEqual([
      'figures.csv:2: the quote says "67" in mph, but the unit is blank; set unit mph (or miles per hour, miles an hour), as the quote states it',
    ]);
  });

  it("accepts the quote's unit in any spelling the README lists, and a scale where the quote names none", () => {
    const ok = (quote: string, value: string, unit: string) =>
      expect(check(`${quote}.`, [row("x", value, "exact", quote, { unit })]).problems, `${quote} / ${unit}`).toEqual(
        [],
      );
    ok("The march stretched 1.6 kilometers", "1.6", "kilometres");
    ok("The march stretched 1.6 kilometers", "1.6", "km");
    ok("Winds of 130 km/h battered the coast", "130", "kilometres per hour");
    ok("Temperatures hit 31C in Seville", "31", "°C");
    ok("Temperatures hit 31C in Seville", "31", "degrees Celsius");
    ok("The temperature dropped to minus 12.4 degrees", "-12.4", "°C");
    ok("The Centre has budgeted Rs 11.21 lakh crore", "11210000000000", "Rs");
    ok("The Centre has budgeted Rs 11.21 lakh crore", "11210000000000", "₹");
    ok("412 people were arrested", "412", "people");
    ok("412 people were arrested", "412", "");
  });

  it("refuses a measure's unit on a number the quote gives none, and °F for °C", () => {
    const q = "Police arrested 412 people";
    expect(check(`${q}.`, [row("x", "412", "exact", q, { unit: "km" })]).problems).toEqual([
      'figures.csv:2: the quote states "412" with no unit, but the unit is "km"; leave unit blank, or quote the words that give the unit',
    ]);
    const hot = "Temperatures hit 31C in Seville";
    expect(check(`${hot}.`, [row("x", "31", "exact", hot, { unit: "°F" })]).problems[0]).toMatch(/set unit °C/);
  });
});
