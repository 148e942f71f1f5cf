/**
 * The chart kinds (charts/period.ts, charts/bars.ts) on stories beyond the Islamabad fixture: what a period chart
 * draws and refuses, long runs of days, decimal totals, units on bars. Each test builds a copy of
 * the story and reads what a reader sees in the SVGs.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { wrap } from "../charts/measure.ts";
import { DEVICES, THEMES } from "../charts/style.ts";
import { build } from "../pipeline/build.ts";
import { VARIANTS, svgName } from "../pipeline/words/output-names.ts";
import { launch, RUN_BROWSER_TESTS } from "./browser-harness.ts";
import { chartOf, problemsOf } from "./helpers/problems.ts";
import { append, copyStory, edit } from "./helpers/story.ts";
import { parseSvg, visibleText } from "./helpers/svg.ts";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function story() {
  const s = copyStory();
  dirs.push(s.dir);
  return s;
}

/** A sentence for the article and the figures.csv row that quotes it. */
function addFigure(data: string, sentence: string, row: string): void {
  append(data, "article.txt", `\n${sentence}\n`);
  append(data, "figures.csv", `${row}\n`);
}

/** Adds chart entries at the top of charts.json, one a line, written as chartOf finds them. */
function addCharts(data: string, ...entries: object[]): void {
  const line = (e: object) => `    ${JSON.stringify(e).replace(/^\{"id":/, '{ "id": ')},`;
  edit(data, "charts.json", /"charts": \[/, `"charts": [\n${entries.map(line).join("\n")}`);
}

const svgFile = (out: string, name: string) => readFileSync(join(out, name), "utf8");
const svg = (out: string, name: string) => parseSvg(svgFile(out, name));
const files = (id: string) => VARIANTS.map((v) => ({ name: svgName(id, v), variant: v }));
const rects = (doc: Document) => Array.from(doc.querySelectorAll('g[aria-label="rect"] rect'));
const desc = (doc: Document) => doc.querySelector("desc")?.textContent ?? "";

/** Every line of text as set: each <tspan> of a multi-line label, else the <text>. */
function lines(doc: Document): string[] {
  return Array.from(doc.querySelectorAll("text")).flatMap((t) => {
    const spans = Array.from(t.querySelectorAll("tspan"));
    return spans.length > 0 ? spans.map((s) => s.textContent ?? "") : [t.textContent ?? ""];
  });
}

const LAHORE_SENTENCE = "In Lahore, police arrested 300 people on Monday.";
const LAHORE_ROW = `lahore_arrests,arrests,Arrests in Lahore,300,exact,people,,,,"In Lahore, police arrested 300 people on Monday",article.txt,`;

describe("a period chart draws only the days of its total", () => {
  it("leaves out a one-day figure of the same metric with another category (arrests in Lahore)", async () => {
    const s = story();
    addFigure(s.data, LAHORE_SENTENCE, LAHORE_ROW);
    await build({ data: s.data, out: s.out });
    for (const { name } of files("arrests-by-day")) {
      const doc = svg(s.out, name);
      expect(rects(doc).length, name).toBe(1);
      const text = visibleText(doc).join(" ");
      expect(text, name).toContain("954 arrests");
      expect(text, name).toContain("no daily breakdown was reported");
      expect(`${text} ${desc(doc)}`, name).not.toContain("300");
    }
  });

  it("still draws a day of the same metric, category and unit inside the period, even with a blank unit for people", async () => {
    const s = story();
    addFigure(
      s.data,
      "Police said 312 people were arrested on Sunday.",
      `arrests_sun,arrests,Arrests,312,exact,,,,,"312 people were arrested on Sunday",article.txt,`,
    );
    await build({ data: s.data, out: s.out });
    const doc = svg(s.out, "arrests-by-day.svg");
    expect(rects(doc).length).toBe(1);
    expect(visibleText(doc)).toContain("312");
    expect(visibleText(doc).join(" ")).toContain("No figure was reported for Mon 25 Nov and Tue 26 Nov.");
  });

  it("without a total, draws only the one-day figures it lists, not every one-day figure in the story", async () => {
    const s = story();
    addFigure(s.data, LAHORE_SENTENCE, LAHORE_ROW);
    addFigure(
      s.data,
      "Seven people were killed on Tuesday.",
      `killed_tue,killed,Killed,7,exact,people,,,,"Seven people were killed on Tuesday",article.txt,`,
    );
    addCharts(s.data, { id: "lahore", kind: "period", title: "Arrests in Lahore", figures: ["lahore_arrests"] });
    await build({ data: s.data, out: s.out });
    for (const { name } of files("lahore")) {
      const doc = svg(s.out, name);
      expect(rects(doc).length, name).toBe(1);
      const text = `${visibleText(doc).join(" ")} ${desc(doc)}`;
      expect(text, name).toContain("300");
      expect(text, name).toContain("Mon 25 Nov");
      expect(text, name).not.toMatch(/\b7\b|Tue 26 Nov|No figure/);
    }
  });
});

describe("a period chart refuses what it would not draw", () => {
  it("names every listed figure it cannot draw, with why and what would be right, at the chart's line", async () => {
    const s = story();
    addFigure(
      s.data,
      "In Lahore, 500 people were arrested between Monday and Tuesday.",
      `lahore_total,arrests,Arrests,500,exact,people,,,,"In Lahore, 500 people were arrested between Monday and Tuesday",article.txt,`,
    );
    addFigure(s.data, LAHORE_SENTENCE, LAHORE_ROW);
    addFigure(
      s.data,
      "On Wednesday, 40 more people were arrested.",
      `arrests_wed,arrests,Arrests,40,exact,people,,,,"On Wednesday, 40 more people were arrested",article.txt,`,
    );
    edit(
      s.data,
      "charts.json",
      '"figures": ["arrests"]',
      '"figures": ["arrests", "protesters", "police_killed", "lahore_total", "lahore_arrests", "arrests_wed"]',
    );
    const at = `charts.json:${chartOf(s.data, "arrests-by-day")}: chart "arrests-by-day": `;
    const problems = await problemsOf(s.data, s.out);
    const mine = problems.filter((p) => p.startsWith(at)).map((p) => p.slice(at.length));
    expect(mine).toHaveLength(5);
    expect(mine).toContainEqual(
      expect.stringMatching(
        /^"protesters" has no dates, so a period chart cannot place it; fill in its start and end in figures\.csv .*or chart it as bars$/,
      ),
    );
    expect(mine).toContainEqual(expect.stringMatching(/^"police_killed" has no dates/));
    expect(mine).toContainEqual(
      expect.stringMatching(
        /^"lahore_total" covers Mon 25 – Tue 26 Nov 2024, a second period beside the total "arrests" \(Sun 24 – Tue 26 Nov 2024\); .*give "lahore_total" a chart of its own, or take it out of "figures"$/,
      ),
    );
    expect(mine).toContainEqual(
      expect.stringMatching(
        /^"lahore_arrests" is not a day of the total "arrests": its category is "Arrests in Lahore", not "Arrests"; /,
      ),
    );
    expect(mine).toContainEqual(
      expect.stringMatching(
        /^"arrests_wed" is for Wed 27 Nov 2024, outside the period of the total "arrests" \(Sun 24 – Tue 26 Nov 2024\); its words give 2024-11-27 to 2024-11-27: take it out of "figures"/,
      ),
    );
  });

  it("refuses one-day figures of different metrics listed without a total", async () => {
    const s = story();
    addFigure(s.data, LAHORE_SENTENCE, LAHORE_ROW);
    addFigure(
      s.data,
      "Seven people were killed on Tuesday.",
      `killed_tue,killed,Killed,7,exact,people,,,,"Seven people were killed on Tuesday",article.txt,`,
    );
    addCharts(s.data, { id: "lahore", kind: "period", title: "Lahore", figures: ["lahore_arrests", "killed_tue"] });
    const problems = await problemsOf(s.data, s.out);
    expect(problems).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^charts\\.json:${chartOf(s.data, "lahore")}: chart "lahore": "killed_tue" is not a day of "lahore_arrests", the first day listed: its metric is "killed", not "arrests"; its category is "Killed", not "Arrests in Lahore"`,
        ),
      ),
    );
  });
});

describe("days that add up, in decimals", () => {
  it("adds 1.1 and 2.2 to the total of 3.3 without a false disagreement", async () => {
    const s = story();
    writeFileSync(
      join(s.data, "sources/police-statement.txt"),
      "date 2024-11-28\nPolice said 3.3 tonnes of tear gas were fired between Sunday and Monday: 1.1 tonnes on Sunday and 2.2 tonnes on Monday.\n",
    );
    append(
      s.data,
      "figures.csv",
      [
        'gas,tear gas fired,Tear gas,3.3,exact,tonnes,,,Islamabad police,"3.3 tonnes of tear gas were fired between Sunday and Monday",sources/police-statement.txt,',
        'gas_sun,tear gas fired,Tear gas,1.1,exact,tonnes,,,Islamabad police,"1.1 tonnes on Sunday",sources/police-statement.txt,',
        'gas_mon,tear gas fired,Tear gas,2.2,exact,tonnes,,,Islamabad police,"2.2 tonnes on Monday",sources/police-statement.txt,',
        "",
      ].join("\n"),
    );
    addCharts(s.data, { id: "tear-gas", kind: "period", title: "Tear gas fired", figures: ["gas"] });
    const result = await build({ data: s.data, out: s.out });
    expect(result.story.warnings).toEqual([]);
    for (const { name } of files("tear-gas")) {
      const doc = svg(s.out, name);
      expect(rects(doc).length, name).toBe(2);
      const text = visibleText(doc).join(" ");
      expect(text, name).toContain("Total reported for Sun 24 – Mon 25 Nov 2024: 3.3 tonnes.");
      expect(text, name).not.toContain("do not add up");
      expect(visibleText(doc), name).toContain("1.1 tonnes");
      expect(desc(doc), name).not.toContain("disagree");
    }
  });
});

describe("long periods", () => {
  let out: string;
  let data: string;
  beforeAll(async () => {
    const s = story();
    ({ out, data } = s);
    // A month as one total; three weeks as one total; a month day by day (one day "more than", a
    // gap every week); two weeks of small daily counts.
    let article =
      "Police said 5,120 people were detained between 1 October and 31 October. About 2,000 were detained between 3 November and 23 November.\n";
    const rows = [
      'oct,detained,Detained,5120,exact,people,,,,"5,120 people were detained between 1 October and 31 October",article.txt,',
      'nov3w,detained,Detained,2000,about,people,,,,"About 2,000 were detained between 3 November and 23 November",article.txt,',
    ];
    for (let d = 1; d <= 31; d++) {
      if (d % 7 === 4) continue;
      const words = d === 5 ? `more than ${100 + d}` : String(100 + ((d * 37) % 90));
      article += `On ${d} October, ${words} people were detained in Rawalpindi. `;
      rows.push(
        `rwp_${d},detained,Detained in Rawalpindi,${words.replace(/\D/g, "")},${d === 5 ? "more_than" : "exact"},people,,,,"On ${d} October, ${words} people were detained in Rawalpindi",article.txt,`,
      );
    }
    article += "\nThe month's total for Rawalpindi was 3,900, police said between 1 October and 31 October.\n";
    rows.push(
      'rwp,detained,Detained in Rawalpindi,3900,exact,people,,,,"The month\'s total for Rawalpindi was 3,900, police said between 1 October and 31 October",article.txt,',
    );
    for (let d = 10; d <= 23; d++) {
      article += `On ${d} November, ${(d % 9) + 1} people were hurt. `;
      rows.push(
        `hurt_${d},hurt,Injured,${(d % 9) + 1},exact,people,,,,"On ${d} November, ${(d % 9) + 1} people were hurt",article.txt,`,
      );
    }
    append(data, "article.txt", `\n${article}\n`);
    append(data, "figures.csv", `${rows.join("\n")}\n`);
    addCharts(
      data,
      { id: "october", kind: "period", title: "Detentions in October", figures: ["oct"] },
      { id: "three-weeks", kind: "period", title: "Detentions in three weeks of November", figures: ["nov3w"] },
      { id: "rawalpindi", kind: "period", title: "Detentions in Rawalpindi", figures: ["rwp"] },
      { id: "hurt", kind: "period", title: "Injured", figures: Array.from({ length: 14 }, (_, i) => `hurt_${i + 10}`) },
    );
    await build({ data, out });
  });

  const CHARTS = ["october", "three-weeks", "rawalpindi", "hurt"];

  it("builds every variant (a month once crashed the wrap), and no line of text is a lone letter", () => {
    for (const id of CHARTS) {
      for (const { name } of files(id)) {
        const set = lines(svg(out, name));
        expect(
          set.filter((l) => /^[A-Za-z]$/.test(l.trim())),
          name,
        ).toEqual([]);
      }
    }
  });

  it("labels a month's span by day of the month, every n-th day, with the month beneath and a tick for every day", () => {
    for (const { name, variant } of files("october")) {
      const doc = svg(out, name);
      expect(rects(doc).length, name).toBe(1);
      const text = lines(doc);
      expect(text, name).toContain("5,120 detained");
      const days = text.filter((l) => /^\d{1,2}$/.test(l)).map(Number);
      expect(days[0], name).toBe(1);
      expect(days.length, name).toBeGreaterThanOrEqual(variant.device === "desktop" ? 15 : 8);
      const step = days[1] - days[0];
      expect(days, name).toEqual(days.map((_, i) => 1 + i * step));
      expect(
        text.filter((l) => l === "Oct"),
        name,
      ).toHaveLength(1);
      // Ticks between the days: 32 boundaries for 31 days.
      expect(doc.querySelectorAll('g[aria-label="rule"] line').length, name).toBe(32);
    }
  });

  it("draws a month day by day as one row per day where columns are too narrow, every value whole", () => {
    for (const { name } of files("rawalpindi")) {
      const doc = svg(out, name);
      const text = lines(doc);
      expect(rects(doc).length, name).toBe(27);
      // A value label stands alone: capitalised by its position, as on bars.
      expect(text, name).toContain("More than 105");
      expect(text, name).toContain("Thu 31 Oct");
      expect(
        text.filter((l) => l === "No figure"),
        name,
      ).toHaveLength(4);
      expect(text.join(" "), name).toContain(
        "No figure was reported for Fri 4 Oct, Fri 11 Oct, Fri 18 Oct and Fri 25 Oct.",
      );
    }
  });

  it("keeps columns for two weeks of small counts, numbering the days under them", () => {
    for (const { name } of files("hurt")) {
      const doc = svg(out, name);
      expect(rects(doc).length, name).toBe(14);
      const text = lines(doc);
      // Every day numbered under its column (values are 1–9, days 10–23).
      for (let d = 10; d <= 23; d++) expect(text, `${name} day ${d}`).toContain(String(d));
    }
  });

  describe.runIf(RUN_BROWSER_TESTS)("in Chromium", () => {
    it("sets no two texts over each other or across a bar or tick, and keeps every text inside the frame", async () => {
      const browser = await launch();
      try {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        const failures: string[] = [];
        for (const id of CHARTS) {
          for (const { name, variant } of files(id)) {
            await page.setContent(`<!DOCTYPE html><html><body style="margin:0">${svgFile(out, name)}</body></html>`);
            const { texts, marks } = await page.evaluate(() => {
              const root = document.querySelector("svg")!.getBoundingClientRect();
              const box = (e: Element) => {
                const r = e.getBoundingClientRect();
                return { x: r.x - root.x, y: r.y - root.y, w: r.width, h: r.height };
              };
              return {
                texts: Array.from(document.querySelectorAll("svg text")).map((t) => ({
                  text: t.textContent ?? "",
                  ...box(t),
                })),
                // Bars, ticks and rules: what a label must not run into.
                marks: Array.from(document.querySelectorAll('svg g[aria-label="rect"] rect, svg line')).map((m) => ({
                  tag: m.tagName,
                  ...box(m),
                })),
              };
            });
            const width = DEVICES[variant.device].width;
            const pad = DEVICES[variant.device].pad;
            texts.forEach((a, i) => {
              if (a.x < pad - 1 || a.x + a.w > width - pad + 1)
                failures.push(`${name}: "${a.text}" leaves the frame (x ${a.x.toFixed(1)}–${(a.x + a.w).toFixed(1)})`);
              for (const b of texts.slice(i + 1))
                if (overlap(a, b)) failures.push(`${name}: "${a.text}" overlaps "${b.text}"`);
              // A label sits wholly on a mark (the total across its span) or clear of it.
              for (const m of marks) {
                const within =
                  a.x >= m.x - 0.5 && a.x + a.w <= m.x + m.w + 0.5 && a.y >= m.y - 0.5 && a.y + a.h <= m.y + m.h + 0.5;
                if (overlap(a, m) && !within) failures.push(`${name}: "${a.text}" runs into a <${m.tag}>`);
              }
            });
          }
        }
        expect(failures).toEqual([]);
      } finally {
        await browser.close();
      }
    });
  });
});

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

function overlap(a: Box, b: Box): boolean {
  return a.x + 0.5 < b.x + b.w && b.x + 0.5 < a.x + a.w && a.y + 0.5 < b.y + b.h && b.y + 0.5 < a.y + a.h;
}

describe("wrap", () => {
  it("ends when one character is wider than the line, taking at least one character a line", () => {
    expect(wrap("W", 5, 14)).toEqual(["W"]);
    expect(wrap("Oct", 0, 14)).toEqual(["O", "c", "t"]);
    expect(wrap("Wed 30", -3, 14)).toEqual(["W", "e", "d", "3", "0"]);
    // Never half a surrogate pair.
    expect(wrap("😀😀", 1, 14)).toEqual(["😀", "😀"]);
  });
});

describe("units on bars", () => {
  let out: string;
  beforeAll(async () => {
    const s = story();
    out = s.out;
    addFigure(
      s.data,
      "The march started 38 kilometres from the capital.",
      `start_distance,distance from target,Where the march started,38,exact,kilometres,,,,"The march started 38 kilometres from the capital",article.txt,`,
    );
    addFigure(
      s.data,
      "Turnout in Islamabad was 12% and in Lahore about 8.5 percent.",
      [
        `turnout_isb,turnout,Islamabad,12,exact,percent,,,,"Turnout in Islamabad was 12%",article.txt,`,
        `turnout_lhr,turnout,Lahore,8.5,about,percent,,,,"in Lahore about 8.5 percent",article.txt,`,
      ].join("\n"),
    );
    addCharts(
      s.data,
      {
        id: "distance",
        kind: "bars",
        title: "How close the march came",
        figures: ["start_distance", "closest_approach"],
      },
      { id: "turnout", kind: "bars", title: "Turnout", figures: ["turnout_isb", "turnout_lhr"] },
    );
    await build({ data: s.data, out });
  });

  it("shows a percentage with its sign, in the labels and the description", () => {
    for (const { name } of files("turnout")) {
      const doc = svg(out, name);
      expect(visibleText(doc), name).toContain("12%");
      expect(visibleText(doc), name).toContain("About 8.5%");
      expect(desc(doc), name).toContain("Islamabad: 12%; Lahore: about 8.5%.");
    }
  });

  it("shows a distance with its unit", () => {
    for (const { name } of files("distance")) {
      const doc = svg(out, name);
      expect(visibleText(doc), name).toContain("38 kilometres");
      // The source's own word: "came within 1.6 kilometers" (qualifier up_to).
      expect(visibleText(doc), name).toContain("Within 1.6 kilometres");
      expect(desc(doc), name).toContain(
        "Where the march started: 38 kilometres; Protesters' closest approach: within 1.6 kilometres.",
      );
    }
  });

  it("keeps counts of people bare", () => {
    for (const { name } of files("security-vs-protesters")) {
      const text = visibleText(svg(out, name));
      expect(text, name).toContain("20,000");
      expect(text, name).toContain("More than 10,000");
    }
  });

  it("compares people with persons, and percent with %, as one unit each", async () => {
    const s = story();
    addFigure(
      s.data,
      "Officials said 20 persons were injured.",
      `injured,injured,Injured,20,exact,persons,,,,"20 persons were injured",article.txt,`,
    );
    addFigure(
      s.data,
      "Turnout in Islamabad was 12% and in Lahore about 8.5 percent.",
      [
        `turnout_isb,turnout,Islamabad,12,exact,%,,,,"Turnout in Islamabad was 12%",article.txt,`,
        `turnout_lhr,turnout,Lahore,8.5,about,percent,,,,"in Lahore about 8.5 percent",article.txt,`,
      ].join("\n"),
    );
    addCharts(
      s.data,
      { id: "hurt-and-killed", kind: "bars", title: "Hurt and killed", figures: ["injured", "paramilitary_killed"] },
      { id: "turnout", kind: "bars", title: "Turnout", figures: ["turnout_isb", "turnout_lhr"] },
    );
    await build({ data: s.data, out: s.out });
    expect(visibleText(svg(s.out, "hurt-and-killed.svg"))).toEqual(expect.arrayContaining(["20", "At least 4"]));
    expect(visibleText(svg(s.out, "turnout.svg"))).toEqual(expect.arrayContaining(["12%", "About 8.5%"]));
  });

  it("refuses bars that set a blank unit beside a measure, saying which to fill in", async () => {
    const s = story();
    edit(
      s.data,
      "figures.csv",
      "paramilitary_killed,killed,Paramilitary personnel,4,at_least,people,",
      "paramilitary_killed,killed,Paramilitary personnel,4,at_least,,",
    );
    addCharts(s.data, {
      id: "mixed",
      kind: "bars",
      title: "Mixed",
      figures: ["paramilitary_killed", "closest_approach"],
    });
    expect(await problemsOf(s.data, s.out)).toContain(
      `charts.json:${chartOf(s.data, "mixed")}: chart "mixed": bars compare one kind of quantity, but "paramilitary_killed" has no unit while "closest_approach" is in "kilometres"; ` +
        `fill in the unit in figures.csv ("kilometres" if it measures the same thing), or chart them apart`,
    );
  });
});

describe("the open end of a minimum", () => {
  it("is drawn in the theme's colour for what the source leaves open", async () => {
    const s = story();
    await build({ data: s.data, out: s.out });
    for (const { name, variant } of files("security-vs-protesters")) {
      const dashes = Array.from(svg(s.out, name).querySelectorAll("[stroke-dasharray]"));
      expect(dashes.length, name).toBe(1);
      expect(dashes[0].getAttribute("stroke"), name).toBe(THEMES[variant.theme].open);
    }
  });
});

describe("columns of one measure", () => {
  it("set every value alike: when one value must wrap its unit, every value puts its unit on a line of its own", async () => {
    const s = story();
    addFigure(
      s.data,
      "Rain gauges in Islamabad recorded 180 millimetres of rain on Sunday, 95 millimetres on Monday and 60 millimetres on Tuesday.",
      [
        `rain_sun,rain,Rain,180,exact,millimetres,2024-11-24,2024-11-24,,"recorded 180 millimetres of rain on Sunday",article.txt,`,
        `rain_mon,rain,Rain,95,exact,millimetres,2024-11-25,2024-11-25,,"95 millimetres on Monday",article.txt,`,
        `rain_tue,rain,Rain,60,exact,millimetres,2024-11-26,2024-11-26,,"60 millimetres on Tuesday",article.txt,`,
      ].join("\n"),
    );
    addCharts(s.data, { id: "rain", kind: "columns", title: "Rain", figures: ["rain_sun", "rain_mon", "rain_tue"] });
    await build({ data: s.data, out: s.out });
    const mobile = files("rain").filter((f) => f.variant.device === "mobile");
    for (const { name } of mobile) {
      const text = lines(svg(s.out, name));
      // At phone width "180 millimetres" does not fit a column: each value reads number, then unit.
      expect(text, name).toEqual(expect.arrayContaining(["180", "95", "60"]));
      expect(
        text.filter((l) => l === "millimetres"),
        name,
      ).toHaveLength(3);
      expect(
        text.filter((l) => /\d+ millimetres/.test(l)),
        name,
      ).toEqual([]);
    }
    for (const { name } of files("rain").filter((f) => f.variant.device === "desktop"))
      expect(lines(svg(s.out, name)), name).toEqual(
        expect.arrayContaining(["180 millimetres", "95 millimetres", "60 millimetres"]),
      );
  });
});
