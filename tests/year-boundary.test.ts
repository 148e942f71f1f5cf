/**
 * Figures that cross a year: every date a reader sees (labels, notes, alt text) says its year, and
 * no date is one the calendar does not have ("Thu 29 Feb" read as 2023).
 */
import { describe, expect, it } from "vitest";
import { columns } from "../charts/columns.ts";
import type { FigureChoice } from "../charts/kind.ts";
import { line } from "../charts/line.ts";
import { period } from "../charts/period.ts";
import { formatPeriod } from "../pipeline/facts/dates.ts";
import type { Figure } from "../pipeline/facts/figure.ts";
import { day, figure } from "./helpers/figures.ts";

interface Model {
  summary: string;
  notes: string[];
  rows: { label: string }[];
  draw: unknown;
}
const prepare = (
  kind: { prepare: (i: { figures: Figure[]; choices?: FigureChoice[]; dataset: Figure[] }) => unknown },
  figures: Figure[],
  dataset: Figure[] = figures,
) => {
  const { model, problems } = kind.prepare({ figures, dataset }) as { model?: Model; problems: string[] };
  expect(problems).toEqual([]);
  return model!;
};

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DAY = String.raw`(Sun|Mon|Tue|Wed|Thu|Fri|Sat) (\d{1,2})`;
const MONTH = String.raw`(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)`;
/** A date, with its own year or the one of the period it starts ("Thu 2 Mar – Wed 31 May 2023"). */
const DATE = new RegExp(
  String.raw`\b${DAY} ${MONTH}\b(?: (\d{4})|(?= – (?:Sun|Mon|Tue|Wed|Thu|Fri|Sat) \d{1,2} ${MONTH} (\d{4}))|)`,
  "g",
);

/** Every dated phrase of the texts, each with its year and a weekday the calendar gives that date. */
function datesIn(texts: string[]): string[] {
  const problems: string[] = [];
  for (const text of texts)
    for (const m of text.matchAll(DATE)) {
      const year = m[4] ?? m[6];
      if (!year) {
        problems.push(`no year: "${m[0]}" in "${text}"`);
        continue;
      }
      const date = new Date(Date.UTC(Number(year), MONTHS.indexOf(m[3]), Number(m[2])));
      if (date.getUTCDate() !== Number(m[2]) || WEEKDAYS[date.getUTCDay()] !== m[1])
        problems.push(`no such date: "${m[0]}"`);
    }
  return problems;
}

/** What a reader sees of a model: its alt text, notes, and every label of its rows and drawing. */
function seen(model: Model): string[] {
  const labels = JSON.stringify(model.draw).match(/"label":"[^"]*"/g) ?? [];
  return [model.summary, ...model.notes, ...model.rows.map((r) => r.label), ...labels];
}

describe("a period that crosses a year", () => {
  it("says both years, never one date without its year", () => {
    expect(formatPeriod("2023-03-02", "2024-02-29", { year: false })).toBe("Thu 2 Mar 2023 – Thu 29 Feb 2024");
    expect(formatPeriod("2023-12-30", "2024-01-02")).toBe("Sat 30 Dec 2023 – Tue 2 Jan 2024");
    expect(formatPeriod("2023-06-02", "2023-06-04", { year: false })).toBe("Fri 2 – Sun 4 Jun");
  });
});

describe("a line from 1 Mar 2023 to 1 Mar 2024", () => {
  const toll = [day("a", "2023-03-01", 10), day("b", "2023-06-01", 25), day("c", "2024-03-01", 40)];
  it("labels each point, its gap note and its alt text with the year", () => {
    const model = prepare(line, toll);
    expect(datesIn(seen(model))).toEqual([]);
    expect(model.rows.map((r) => r.label)).toEqual(["Wed 1 Mar 2023", "Thu 1 Jun 2023", "Fri 1 Mar 2024"]);
    expect(model.notes[0]).toContain("Fri 2 Jun 2023 – Thu 29 Feb 2024");
  });

  it("keeps short labels within one year", () => {
    const model = prepare(line, [day("a", "2023-03-01", 10), day("b", "2023-03-04", 25)]);
    expect(model.rows.map((r) => r.label)).toEqual(["Wed 1 Mar", "Sat 4 Mar"]);
  });
});

describe("columns over New Year", () => {
  const nights = [
    day("a", "2023-12-30", 120, { nights: true }),
    day("b", "2023-12-31", 750, { nights: true }),
    day("c", "2024-01-02", 90, { nights: true }),
  ];
  it("labels each column, the missing night and the alt text with the year", () => {
    const model = prepare(columns, nights);
    expect(datesIn(seen(model))).toEqual([]);
    expect(model.rows.map((r) => r.label)).toEqual([
      "Sat 30 Dec 2023 night",
      "Sun 31 Dec 2023 night",
      "Tue 2 Jan 2024 night",
    ]);
  });
});

describe("a period chart over New Year", () => {
  const total = figure({ id: "total", value: 1000, start: "2023-12-29", end: "2024-01-02" });
  const days = [day("d1", "2023-12-29", 100), day("d2", "2023-12-31", 600), day("d3", "2024-01-02", 150)];
  it("names its days and the days with no figure with their years", () => {
    const model = prepare(period, [total], [total, ...days]);
    expect(datesIn(seen(model))).toEqual([]);
    expect(model.summary).toContain("Sun 31 Dec 2023");
    expect(model.notes.join(" ")).toContain("Sat 30 Dec 2023");
  });
});
