import { describe, expect, it } from "vitest";
import { applyCorrections } from "../pipeline/facts/corrections.ts";
import { parseCsv } from "../pipeline/facts/csv.ts";
import { FIGURE_COLUMNS } from "../pipeline/facts/figure.ts";
import { formatProblem } from "../pipeline/facts/problem.ts";

/** The corrections log as a pure function: fact-sheet rows and the log's text in, corrected rows out. */

const SHEET = [
  [...FIGURE_COLUMNS, "restates"].join(","),
  'arrests,arrests,Arrests,954,exact,people,2024-11-24,2024-11-26,,"954 individuals had been arrested",article.txt,',
  'protesters,marched,Protesters,10000,more_than,people,,,,"more than 10,000 people",article.txt,',
].join("\n");
const rows = parseCsv("figures.csv", SHEET, FIGURE_COLUMNS).rows;
const PUBLISHED = "2024-11-27";
const TODAY = "2024-12-01";

const log = (...lines: string[]) => ["date,id,field,from,to,reason", ...lines].join("\n");
const apply = (text: string, today = TODAY) => applyCorrections(rows, text, PUBLISHED, today);
const problems = (text: string, today = TODAY) => apply(text, today).problems.map(formatProblem);
const cell = (text: string, id: string, field: string) => apply(text).rows.find((r) => r.cells.id === id)!.cells[field];

describe("the corrections log", () => {
  it("applies rows in date order, file order within a date, each from the value the one before left", () => {
    const text = log(
      "2024-11-29,arrests,value,960,962,Second revision",
      "2024-11-28,arrests,value,954,960,First revision",
    );
    expect(problems(text)).toEqual([]);
    expect(cell(text, "arrests", "value")).toBe("962");
    expect(
      apply(text)
        .history.get("arrests")!
        .map((c) => c.to),
    ).toEqual(["960", "962"]);
    expect(apply(text).origin.get("arrests.value")).toBe(2);
  });

  it("leaves the fact sheet's own rows as they were read", () => {
    apply(log("2024-11-28,arrests,value,954,960,Revised"));
    expect(rows[0].cells.value).toBe("954");
  });

  it("compares values and qualifiers as they mean, not as typed", () => {
    const text = log(
      '2024-11-28,protesters,value,"10,000",12000,Revised',
      "2024-11-28,protesters,qualifier,more than,at least,Revised",
    );
    expect(problems(text)).toEqual([]);
    expect(cell(text, "protesters", "qualifier")).toBe("at least");
  });

  it("forgives a quote's 'from' what the quote itself is forgiven: curly marks, spacing", () => {
    const sheet = parseCsv(
      "figures.csv",
      [
        [...FIGURE_COLUMNS, "restates"].join(","),
        `seats,won,Seats,142,exact,,,,,"The alliance won 142 seats in Sunday's vote",article.txt,`,
      ].join("\n"),
      FIGURE_COLUMNS,
    ).rows;
    const text = log('2025-03-12,seats,quote,"The alliance won 142  seats in Sunday’s vote","141 seats",Final count');
    const result = applyCorrections(sheet, text, "2025-03-10", "2025-03-12");
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.rows[0].cells.quote).toBe("141 seats");
  });

  it.each([
    ["2024-11-28,arrests,value,950,960,Revised", 'stale correction: arrests.value is "954", not "950"'],
    ["2024-11-28,arrests,value,954,954,Revised", '"from" and "to" are the same ("954")'],
    [
      "2024-11-28,arrests,value,954,nine hundred,Revised",
      '"to": value "nine hundred" is not a number; write it in digits: 900',
    ],
    ["2024-11-28,arrests,qualifier,exact,roughly-ish,Revised", '"to": unknown qualifier "roughly-ish"'],
    ["2024-11-28,nobody,value,1,2,Revised", 'no figure has id "nobody"'],
    ["2024-11-28,arrests,id,arrests,held,Revised", "a correction cannot change a figure's id"],
    ["2024-11-28,arrests,colour,red,blue,Revised", 'field "colour" is not a column of figures.csv'],
    ["2024-11-28,arrests,value,954,960,", "reason is empty"],
    [
      "28/11/2024,arrests,value,954,960,Revised",
      'date "28/11/2024" is not a real date; write it as YYYY-MM-DD: 2024-11-28',
    ],
    ["2024-11-20,arrests,value,954,960,Revised", "date 2024-11-20 is before the article was published (2024-11-27)"],
    ["2042-11-28,arrests,value,954,960,Revised", "date 2042-11-28 is in the future (today is 2024-12-01)"],
  ])("refuses %s at its line: %s", (line, message) => {
    const found = problems(log(line));
    expect(found).toHaveLength(1);
    expect(found[0].startsWith(`corrections.csv:2: ${message}`), found[0]).toBe(true);
  });

  it("allows a correction dated today, and tomorrow (a newsroom east of the build's clock), not the day after", () => {
    const line = (date: string) => log(`${date},arrests,value,954,960,Revised`);
    expect(problems(line("2024-12-01"))).toEqual([]);
    expect(problems(line("2024-12-02"))).toEqual([]);
    expect(problems(line("2024-12-03"))).toEqual([
      "corrections.csv:2: date 2024-12-03 is in the future (today is 2024-12-01); a correction is dated the day it is made, e.g. 2024-12-01",
    ]);
  });

  it("reports a broken header once, and applies nothing", () => {
    const result = apply("when,id,field,from,to,why\n2024-11-28,arrests,value,954,960,Revised");
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems.every((p) => p.line === 1)).toBe(true);
    expect(result.history.size).toBe(0);
  });
});
