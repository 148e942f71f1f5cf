import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../pipeline/build.ts";
import { DataError } from "../pipeline/facts/problem.ts";
import { differences, snapshot } from "./helpers/files.ts";
import { builtStory } from "./helpers/built.ts";
import { append, cli, copyStory, edit } from "./helpers/story.ts";
import { parseSvg, visibleText } from "./helpers/svg.ts";

const ARRESTS_QUOTE =
  "Islamabad Police Inspector General Ali Nasir Rizvi confirmed that 954 individuals had been arrested between Sunday and Tuesday";

/** A follow-up police statement: a revised total and a daily breakdown. */
function addPoliceStatement(data: string, days: [number, number, number], total = 960): void {
  writeFileSync(
    join(data, "sources/police-statement.txt"),
    `date 2024-11-28\nIslamabad police said on Thursday that ${total} people had been arrested between Sunday and Tuesday: ${days[0]} people were arrested on Sunday, ${days[1]} on Monday and ${days[2]} on Tuesday.\n`,
  );
  append(
    data,
    "figures.csv",
    [
      `arrests_sun,arrests,Arrests,${days[0]},exact,people,2024-11-24,2024-11-24,Islamabad police,"${days[0]} people were arrested on Sunday",sources/police-statement.txt,`,
      `arrests_mon,arrests,Arrests,${days[1]},exact,people,2024-11-25,2024-11-25,Islamabad police,"${days[1]} on Monday",sources/police-statement.txt,`,
      `arrests_tue,arrests,Arrests,${days[2]},exact,people,2024-11-26,2024-11-26,Islamabad police,"${days[2]} on Tuesday",sources/police-statement.txt,`,
      "",
    ].join("\n"),
  );
}

function correctArrestsTo(data: string, total: number): void {
  append(
    data,
    "corrections.csv",
    [
      `2024-11-28,arrests,value,954,${total},Police revised the total`,
      `2024-11-28,arrests,quote,"${ARRESTS_QUOTE}","${total} people had been arrested between Sunday and Tuesday",Police revised the total`,
      "2024-11-28,arrests,source,article.txt,sources/police-statement.txt,Police revised the total",
      "",
    ].join("\n"),
  );
}

const svg = (out: string, name: string) => parseSvg(readFileSync(join(out, name), "utf8"));

describe("a correction", () => {
  let story: ReturnType<typeof copyStory>;
  let before: Map<string, Buffer>;
  let after: Map<string, Buffer>;
  beforeAll(async () => {
    story = await builtStory(); // built once, copied
    before = snapshot(story.out);
    addPoliceStatement(story.data, [312, 401, 250]);
    correctArrestsTo(story.data, 960);
    await build({ data: story.data, out: story.out });
    after = snapshot(story.out);
  });

  it("changes the chart, its words and its dated note in every variant", () => {
    for (const name of [
      "arrests-by-day.svg",
      "arrests-by-day-mobile.svg",
      "arrests-by-day-dark.svg",
      "arrests-by-day-mobile-dark.svg",
    ]) {
      const doc = svg(story.out, name);
      const text = visibleText(doc).join(" ");
      expect(doc.querySelector("title")!.textContent).toBe("960 people arrested in Islamabad");
      expect(text).toContain("Corrected 28 Nov 2024:");
      // One short line in newsroom wording: the figure by its name and period, the change, who gives it.
      expect(text).toContain(
        "Corrected 28 Nov 2024: arrests for Sun 24 – Tue 26 Nov 2024 revised from 954 to 960, per Islamabad Police Inspector General Ali Nasir Rizvi.",
      );
      expect(text).not.toMatch(/quote|were updated|revised the total/);
      expect(doc.querySelector("desc")!.textContent).toContain("Corrected 28 Nov 2024");
    }
    const embed = after.get("arrests-by-day.embed.html")!.toString();
    expect(embed).toMatch(/alt="[^"]*Corrected 28 Nov 2024/);
  });

  it("leaves the other charts' bytes untouched", () => {
    const changed = differences(before, after);
    expect(changed.filter((n) => !n.startsWith("arrests-by-day"))).toEqual([
      "figures.csv",
      "figures.json",
      "index.html",
      "manifest.json",
    ]);
    expect(changed).toContain("arrests-by-day.svg");
  });

  it("is recorded in the dataset and the manifest", () => {
    const dataset = JSON.parse(after.get("figures.json")!.toString());
    const arrests = dataset.figures.find((f: { id: string }) => f.id === "arrests");
    expect(arrests.value).toBe(960);
    expect(arrests.corrections.map((c: { field: string }) => c.field)).toEqual(["value", "quote", "source"]);
    const manifest = JSON.parse(after.get("manifest.json")!.toString());
    expect(manifest.corrections).toHaveLength(3);
    expect(manifest.charts["arrests-by-day"].sources).toEqual(["sources/police-statement.txt"]);
    expect(manifest.charts["arrests-by-day"].figures).toEqual(["arrests", "arrests_sun", "arrests_mon", "arrests_tue"]);
    expect(manifest.files["arrests-by-day.svg"].bytes).toBe(after.get("arrests-by-day.svg")!.length);
  });

  it("whose days don't add up to the total is charted by day, with a warning and a note", async () => {
    const doc = svg(story.out, "arrests-by-day.svg");
    const bars = Array.from(doc.querySelectorAll('g[aria-label="rect"] rect')).map((r) =>
      Number(r.getAttribute("height")),
    );
    expect(bars).toHaveLength(3);
    expect(bars[0] / bars[1]).toBeCloseTo(312 / 401, 3);
    expect(bars[2] / bars[1]).toBeCloseTo(250 / 401, 3);
    expect(visibleText(doc).join(" ")).toContain("do not add up to the total of 960");
    const result = await build({ data: story.data, out: story.out });
    expect(result.story.warnings.map((w) => w.message).join("\n")).toContain(
      `daily arrests add up to 963, but "arrests" says 960`,
    );
  });
});

describe("a daily breakdown from a new source", () => {
  it("switches the arrests chart to one bar per day, with no mismatch note when the days add up", async () => {
    const story = copyStory();
    addPoliceStatement(story.data, [312, 401, 241], 954);
    const result = await build({ data: story.data, out: story.out });
    expect(result.story.warnings).toEqual([]);
    const doc = svg(story.out, "arrests-by-day.svg");
    expect(doc.querySelectorAll('g[aria-label="rect"] rect')).toHaveLength(3);
    const text = visibleText(doc).join(" ");
    for (const n of ["312", "401", "241"]) expect(visibleText(doc)).toContain(n);
    expect(text).not.toContain("do not add up");
    expect(text).not.toContain("no daily breakdown");
    expect(text).toContain("police statement, 28 Nov 2024");
  });

  it("says which day has no figure rather than drawing a zero", async () => {
    const story = copyStory();
    addPoliceStatement(story.data, [312, 401, 241], 954);
    const figures = readFileSync(join(story.data, "figures.csv"), "utf8")
      .split("\n")
      .filter((l) => !l.startsWith("arrests_mon"))
      .join("\n");
    writeFileSync(join(story.data, "figures.csv"), figures);
    await build({ data: story.data, out: story.out });
    const doc = svg(story.out, "arrests-by-day.svg");
    expect(doc.querySelectorAll('g[aria-label="rect"] rect')).toHaveLength(2);
    expect(visibleText(doc).join(" ")).toContain("No figure was reported for Mon 25 Nov.");
  });
});

describe("a stale correction", () => {
  it("is refused with its line, and output/ stays as it was", async () => {
    const story = await builtStory(); // built once, copied
    const before = snapshot(story.out);
    append(story.data, "corrections.csv", "2024-11-28,protesters,value,12000,15000,Typo\n");
    await expect(build({ data: story.data, out: story.out })).rejects.toThrow(DataError);
    const run = cli(["--data", story.data, "--out", story.out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/corrections\.csv:2: stale correction: protesters\.value is "10000", not "12000"/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(differences(before, snapshot(story.out))).toEqual([]);
  });
});

describe("a correction to a figure a chart only cites in its words", () => {
  it("still puts the dated note, with the qualified values, on that chart and in its manifest entry", async () => {
    const story = copyStory();
    edit(
      story.data,
      "charts.json",
      "were killed, the government said",
      "were killed, the government said; {arrests} people were arrested",
    );
    addPoliceStatement(story.data, [312, 401, 247], 960);
    writeFileSync(
      join(story.data, "sources/police-statement.txt"),
      `${readFileSync(join(story.data, "sources/police-statement.txt"), "utf8")}Later, police said more than 970 people had been arrested between Sunday and Tuesday.\n`,
    );
    correctArrestsTo(story.data, 960);
    append(
      story.data,
      "corrections.csv",
      [
        "2024-11-29,arrests,value,960,970,Police revised the total again",
        "2024-11-29,arrests,qualifier,exact,more_than,Police revised the total again",
        '2024-11-29,arrests,quote,"960 people had been arrested between Sunday and Tuesday","more than 970 people had been arrested between Sunday and Tuesday",Police revised the total again',
        "",
      ].join("\n"),
    );
    await build({ data: story.data, out: story.out });
    const doc = svg(story.out, "casualties-by-force.svg");
    const text = visibleText(doc).join(" ");
    expect(text).toContain("more than 970 people were arrested");
    expect(text).toContain("Corrected 28 Nov 2024: arrests for Sun 24 – Tue 26 Nov 2024 revised from 954 to 960");
    expect(text).toContain(
      "Corrected 29 Nov 2024: arrests for Sun 24 – Tue 26 Nov 2024 revised from 960 to more than 970, per Islamabad Police Inspector General Ali Nasir Rizvi.",
    );
    expect(doc.querySelector("desc")!.textContent).toContain("Corrected 29 Nov 2024");
    const manifest = JSON.parse(readFileSync(join(story.out, "manifest.json"), "utf8"));
    expect(manifest.charts["casualties-by-force"].figures).toEqual(["police_killed", "paramilitary_killed", "arrests"]);
    expect(manifest.charts["casualties-by-force"].corrections).toHaveLength(6);
  });
});

describe("a correction the log cannot take", () => {
  it("is refused at its line when dated before the article, when it changes nothing, or when its qualifier is unknown; a qualifier in words is fine", async () => {
    const story = copyStory();
    append(
      story.data,
      "corrections.csv",
      [
        "2020-01-01,arrests,value,954,955,Typo",
        "2024-11-28,arrests_lede,value,1000,1000,Nothing",
        "2024-11-28,protesters,qualifier,more than,roughly-ish,Typo",
        "",
      ].join("\n"),
    );
    const run = cli(["--data", story.data, "--out", story.out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("corrections.csv:2: date 2020-01-01 is before the article was published (2024-11-27)");
    expect(run.stderr).toContain('corrections.csv:3: "from" and "to" are the same ("1000"): the row changes nothing');
    expect(run.stderr).toContain('corrections.csv:4: "to": unknown qualifier "roughly-ish"');
  });
});
