import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { csvFormatRows, csvParse } from "d3-dsv";
import { afterEach, describe, expect, it } from "vitest";
import { KINDS } from "../charts/index.ts";
import { DataError } from "../pipeline/facts/problem.ts";
import { figuresReport } from "../pipeline/figures.ts";
import { loadStory } from "../pipeline/story.ts";
import { figure } from "./helpers/figures.ts";
import { copyStory } from "./helpers/story.ts";

/**
 * A toll reported day after day (the wildfire fixture: an article and three source files) goes
 * from the words to a line chart with no cell typed by hand, and the check and every chart kind
 * give advice from one model of a figure's period: no message asks for a date another refuses.
 */

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function story(fixture = "kula-fire") {
  const copy = copyStory(fixture);
  dirs.push(copy.dir);
  return copy;
}

type Draft = Record<string, string>;

/** The draft's rows, as `npm run figures -- --draft` writes them. */
function draft(data: string): { rows: Draft[]; columns: string[]; text: string } {
  const report = figuresReport(data);
  if ("problem" in report) throw new Error(report.problem);
  return { rows: report.draft, columns: report.columns, text: report.text };
}

/** A fact sheet of exactly these rows, cell for cell. */
function writeRows(data: string, columns: string[], rows: Draft[]): void {
  writeFileSync(
    join(data, "figures.csv"),
    `${csvFormatRows([columns, ...rows.map((row) => columns.map((c) => row[c] ?? ""))])}\n`,
  );
}

function writeCharts(data: string, charts: { id: string; kind: string; figures: string[] }[]): void {
  writeFileSync(
    join(data, "charts.json"),
    JSON.stringify({
      source: "Source: wire report, {published}",
      charts: charts.map((c) => ({ title: "Toll", ...c })),
    }),
  );
}

function problemsOf(data: string): string[] {
  try {
    loadStory(data);
    return [];
  } catch (error) {
    if (error instanceof DataError) return error.problems.map((p) => `${p.file}:${p.line}: ${p.message}`);
    throw error;
  }
}

const TOLL = ["deaths_wed", "deaths_thu", "deaths_fri", "deaths_sun", "deaths_mon", "deaths_tue"];

describe("a wildfire's toll, from the words to a line", () => {
  it("drafts the article's tolls as one running count, each to its own day, with one metric", () => {
    const { data } = story();
    rmSync(join(data, "figures.csv"));
    const { rows } = draft(data);
    // The headline's "toll rises to 61" restates the body's: the series is the rest. (The body's
    // tolls may restate the county's and the governor's own counts of the same days.)
    const article = rows.filter((r) => r.source === "article.txt" && r.metric === "deaths");
    const toll = article.filter((r) => !article.some((o) => o.id === r.restates));
    expect(toll.map((r) => [r.id, r.value, r.start, r.end])).toEqual([
      ["deaths_tue", "61", "", "2025-08-19"],
      ["deaths_wed", "14", "2025-08-12", "2025-08-13"],
      ["deaths_thu", "27", "2025-08-12", "2025-08-14"],
      ["deaths_fri", "38", "2025-08-12", "2025-08-15"],
      ["deaths_sun", "52", "2025-08-12", "2025-08-17"],
      ["deaths_mon", "58", "2025-08-12", "2025-08-18"],
    ]);
    expect(new Set(toll.map((r) => `${r.metric}/${r.category}/${r.unit}`)).size).toBe(1);
    // The county's and the governor's running counts are read to their own days, their start unsaid.
    const sources = rows.filter((r) => r.source !== "article.txt" && r.metric === "deaths");
    expect(sources.map((r) => [r.value, r.start, r.end])).toEqual([
      ["27", "", "2025-08-14"],
      ["58", "", "2025-08-18"],
      ["52", "", "2025-08-17"],
    ]);
  });

  it("charts the draft's rows as a line, as they are: a running total since the fire reached the town", () => {
    const { data } = story();
    rmSync(join(data, "figures.csv"));
    const { rows, columns } = draft(data);
    writeRows(
      data,
      columns,
      rows.filter((r) => TOLL.includes(r.id) && r.source === "article.txt"),
    );
    writeCharts(data, [{ id: "toll", kind: "line", figures: TOLL }]);
    const built = loadStory(data);
    const chart = built.charts.find((c) => c.entry.id === "toll")!;
    expect(chart.model.notes[0]).toBe("Each point is the running total since Tue 12 Aug, as reported that day.");
    expect(chart.model.rows.map((r) => [r.label, r.value])).toEqual([
      ["Wed 13 Aug", 14],
      ["Thu 14 Aug", 27],
      ["Fri 15 Aug", 38],
      ["Sun 17 Aug", 52],
      ["Mon 18 Aug", 58],
      ["Tue 19 Aug", 61],
    ]);
    // The toll the words give without its start is kept so: never a one-day count.
    const tue = built.figures.find((f) => f.id === "deaths_tue")!;
    expect([tue.start, tue.end]).toEqual(["", "2025-08-19"]);
  });

  it("charts them as a line with every date left blank too: the build fills them as the draft did, and says so", () => {
    const { data } = story();
    const sheet = csvParse(readFileSync(join(data, "figures.csv"), "utf8"));
    writeRows(
      data,
      sheet.columns,
      sheet.map((row) => ({ ...row, start: "", end: "" })),
    );
    const built = loadStory(data);
    const toll = built.figures.filter((f) => TOLL.includes(f.id));
    expect(toll.every((f) => f.filled !== "")).toBe(true);
    expect(built.charts.find((c) => c.entry.id === "toll")!.model.rows).toHaveLength(6);
    // npm run figures names every filled date.
    const report = draft(data).text;
    for (const f of built.figures.filter((x) => x.filled))
      expect(report).toContain(`${f.id}'s dates filled from the words`);
    expect(report).toMatch(/Dates filled from the words \(blank in figures\.csv/);
  });

  it("warns that a rising one-day toll drawn as columns reads as a running toll", () => {
    const { data } = story();
    // The words allow Wednesday's and Thursday's own counts: recorded so, they pass the check with a warning.
    const sheet = readFileSync(join(data, "figures.csv"), "utf8")
      .replace("14,exact,,2025-08-12,2025-08-13", "14,exact,,2025-08-13,2025-08-13")
      .replace("27,exact,,2025-08-12,2025-08-14", "27,exact,,2025-08-14,2025-08-14");
    writeFileSync(join(data, "figures.csv"), sheet);
    writeCharts(data, [{ id: "daily", kind: "columns", figures: ["deaths_wed", "deaths_thu"] }]);
    const built = loadStory(data);
    const chart = built.charts.find((c) => c.entry.id === "daily")!;
    expect(chart.model.warnings.join()).toMatch(
      /"deaths_wed", "deaths_thu" rise every day and their words read as a running toll; drawn as columns they say each day's own count, adding up to 41/,
    );
    expect(built.warnings.map((w) => w.message).join("\n")).toMatch(
      /"on Wednesday" in a paragraph about a toll may give the toll so far or that day's own count/,
    );
  });

  it("never advises a date the check refuses: the line's fix for a day's count passes the check", () => {
    const { data } = story();
    const sheet = readFileSync(join(data, "figures.csv"), "utf8").replace(
      "14,exact,,2025-08-12,2025-08-13",
      "14,exact,,2025-08-13,2025-08-13",
    );
    writeFileSync(join(data, "figures.csv"), sheet);
    const problems = problemsOf(data);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /"deaths_wed" \(Wed 13 Aug\) does not count from Tue 12 Aug 2025 as the running total of .* do; a line joins one running total: the words of "deaths_wed" allow the running count: set its start 2025-08-12 and end 2025-08-13 in figures.csv/,
    );
    // Taking the advice passes the check and draws the line.
    writeFileSync(
      join(data, "figures.csv"),
      sheet.replace("14,exact,,2025-08-13,2025-08-13", "14,exact,,2025-08-12,2025-08-13"),
    );
    expect(problemsOf(data)).toEqual([]);
  });

  it("never advises a start the words refuse: a day's own count is told to go on a chart of its own", () => {
    const day = figure({
      id: "hospital_wed",
      metric: "deaths",
      category: "Deaths",
      value: 3,
      start: "2025-08-13",
      end: "2025-08-13",
      periods: [{ start: "2025-08-13", end: "2025-08-13", nights: false, running: false }],
    });
    const running = ["2025-08-14", "2025-08-15"].map((end, k) =>
      figure({ id: `toll_${k}`, metric: "deaths", category: "Deaths", value: 20 + k, start: "2025-08-12", end }),
    );
    const { problems } = KINDS.line.prepare({ figures: [day, ...running], dataset: [] });
    expect(problems.join()).toMatch(
      /the words of "hospital_wed" give 2025-08-13 to 2025-08-13, not a running total: chart it apart/,
    );
    expect(problems.join()).not.toMatch(/set its start/);
  });
});

describe("a flood story's toll", () => {
  it("reads days' deaths in another paragraph that add up to more than the toll as the toll so far", () => {
    const text = `date 2025-03-19
The death toll from flooding in the south rose to at least 41 on Tuesday, officials said.

Rivers burst their banks after days of rain. Officials reported 9 deaths on Friday, 17 on Saturday, 28 on Sunday and 35 on Monday.

Hospitals reported 30 deaths on Saturday and 45 on Sunday.
`;
    const { data } = story("islamabad");
    writeFileSync(join(data, "article.txt"), text);
    rmSync(join(data, "sources"), { recursive: true, force: true });
    writeFileSync(join(data, "corrections.csv"), "date,id,field,from,to,reason\n");
    writeFileSync(
      join(data, "figures.csv"),
      "id,metric,category,value,qualifier,unit,start,end,attributed_to,quote,source\n",
    );
    const { rows } = draft(data);
    expect(rows.map((r) => [r.value, r.start, r.end])).toEqual([
      ["41", "", "2025-03-18"],
      ["9", "", "2025-03-14"],
      ["17", "", "2025-03-15"],
      ["28", "", "2025-03-16"],
      ["35", "", "2025-03-17"],
      // 45 alone is more than the toll: each day's own deaths, as the words say.
      ["30", "2025-03-15", "2025-03-15"],
      ["45", "2025-03-16", "2025-03-16"],
    ]);
    expect(new Set(rows.slice(0, 5).map((r) => r.metric))).toEqual(new Set(["deaths"]));
  });

  const ARTICLE = `date 2025-03-19
Floods kill at least 41 in the south

The death toll from the floods rose to at least 41 on Tuesday, the disaster agency said.

The toll has risen every day since the rains began. The agency reported 9 deaths on Friday, 17 on Saturday, 28 on Sunday and 35 on Monday.
`;

  it("charts as a line from the draft's rows: each a running count to its day, no start invented", () => {
    const { data } = story("islamabad");
    writeFileSync(join(data, "article.txt"), ARTICLE);
    rmSync(join(data, "sources"), { recursive: true, force: true });
    writeFileSync(join(data, "corrections.csv"), "date,id,field,from,to,reason\n");
    writeFileSync(
      join(data, "figures.csv"),
      "id,metric,category,value,qualifier,unit,start,end,attributed_to,quote,source\n",
    );
    const { rows, columns } = draft(data);
    const toll = rows.filter((r) => r.metric === "deaths" && r.end);
    expect(toll.map((r) => [r.value, r.qualifier, r.start, r.end])).toEqual([
      ["41", "at_least", "", "2025-03-18"],
      ["9", "exact", "", "2025-03-14"],
      ["17", "exact", "", "2025-03-15"],
      ["28", "exact", "", "2025-03-16"],
      ["35", "exact", "", "2025-03-17"],
    ]);
    writeRows(data, columns, toll);
    writeCharts(data, [{ id: "toll", kind: "line", figures: toll.map((r) => r.id) }]);
    const built = loadStory(data);
    const chart = built.charts.find((c) => c.entry.id === "toll")!;
    expect(chart.model.rows.map((r) => r.shown_as)).toEqual(["9", "17", "28", "35", "At least 41"]);
    expect(chart.model.notes[0]).toBe(
      "Each point is the running total as reported that day; the sources do not say from which day it counts.",
    );
  });
});
