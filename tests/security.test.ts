/**
 * A careless or hostile story folder, or command line: nothing outside the story is read or echoed,
 * the CSVs a reader downloads cannot run formulas, and embeds never point at another host.
 */
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { csvParseRows } from "d3-dsv";
import { afterEach, describe, expect, it } from "vitest";
import { build } from "../pipeline/build.ts";
import type { Figure } from "../pipeline/facts/figure.ts";
import { chartCsv } from "../pipeline/publish/chart-csv.ts";
import { datasetCsv } from "../pipeline/publish/dataset.ts";
import { parseBaseUrl } from "../pipeline/publish/embed.ts";
import { appendLine, csvCell, problemsOf } from "./helpers/problems.ts";
import { cli, copyStory } from "./helpers/story.ts";

const SECRET = "The vault code is 4242 and the admin password is hunter2, said the operator on Monday.";

const scratch: string[] = [];
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A story copy and, beside it (outside the story folder), a file holding a secret. */
function storyBesideSecret() {
  const story = copyStory("riots");
  scratch.push(story.dir);
  const secrets = join(story.dir, "secrets");
  mkdirSync(secrets);
  writeFileSync(join(secrets, "passwd.txt"), `${SECRET}\n`);
  return { ...story, secrets };
}

/** A row quoting words close to the secret: the "closest sentence" hint would print the secret's line. */
function quoteTheSecret(data: string, source: string): number {
  return appendLine(
    data,
    "figures.csv",
    `leak,codes,Codes,4242,exact,people,,,,${csvCell("The vault code is 4242 and the admin password was")},${source}`,
  );
}

describe("story files that resolve outside the story folder", () => {
  it("refuses a link in sources/ to a file outside, and never echoes its text", async () => {
    const { data, out, secrets } = storyBesideSecret();
    symlinkSync(join(secrets, "passwd.txt"), join(data, "sources", "passwd.txt"));
    const line = quoteTheSecret(data, "sources/passwd.txt");
    const problems = await problemsOf(data, out);
    expect(problems).toContainEqual(
      expect.stringMatching(/^sources\/passwd\.txt:0: the file is a link to somewhere outside the story folder/),
    );
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^figures\\.csv:${line}: source`)));
    expect(problems.join("\n")).not.toMatch(/hunter2|vault code is 4242 and the admin/);
  });

  it("refuses a sources/ folder that is itself a link to a folder outside", async () => {
    const { data, out, secrets } = storyBesideSecret();
    rmSync(join(data, "sources"), { recursive: true });
    symlinkSync(secrets, join(data, "sources"));
    quoteTheSecret(data, "sources/passwd.txt");
    const problems = await problemsOf(data, out);
    expect(problems).toContainEqual(expect.stringMatching(/^sources\/:0: the folder is a link to somewhere outside/));
    expect(problems.join("\n")).not.toMatch(/hunter2/);
  });

  it("refuses a top-level story file linked from outside (article.txt → a file elsewhere)", async () => {
    const { data, out, secrets } = storyBesideSecret();
    rmSync(join(data, "article.txt"));
    symlinkSync(join(secrets, "passwd.txt"), join(data, "article.txt"));
    const problems = await problemsOf(data, out);
    expect(problems).toContainEqual(expect.stringMatching(/^article\.txt:0: the file is a link to somewhere outside/));
    expect(problems.join("\n")).not.toMatch(/hunter2/);
  });

  it("still follows a link that stays inside the story folder, and a story folder reached through a link", async () => {
    const { dir, data, out } = storyBesideSecret();
    symlinkSync(join(data, "sources", "interior-ministry.txt"), join(data, "sources", "ministry.txt"));
    const alias = join(dir, "alias");
    symlinkSync(data, alias);
    const result = await build({ data: alias, out });
    expect(result.written).toBe(true);
  });
});

/** A spreadsheet runs a cell as a formula when it starts with one of these (OWASP, CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

function figure(overrides: Partial<Figure>): Figure {
  return {
    id: "f",
    metric: "killed",
    category: "Police",
    value: 5,
    fraction: null,
    qualifier: "exact",
    qualifier_words: "",
    value_words: "",
    nights: false,
    low: 5,
    high: 5,
    unit: "",
    start: "",
    end: "",
    filled: "",
    periods: [],
    attributed_to: "",
    quote: "5 killed",
    source: "article.txt",
    restates: "",
    corrections: [],
    line: 2,
    ...overrides,
  };
}

describe("formula injection in the CSVs readers download", () => {
  const hostile = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "=cmd|' /C calc'!A0"];

  it("neutralises every text cell of figures.csv that a spreadsheet would run, keeping numbers numbers", () => {
    const figures = hostile.map((text, i) =>
      figure({
        id: `f${i}`,
        category: text,
        attributed_to: text,
        metric: text,
        unit: text,
        value: -5,
        low: -5,
        high: -5,
        corrections: [
          { date: "2024-01-01", id: `f${i}`, field: "category", from: "a", to: text, reason: text, line: 2 },
        ],
      }),
    );
    const rows = csvParseRows(datasetCsv(figures).trim());
    const header = rows[0];
    for (const row of rows.slice(1)) {
      for (const [j, cell] of row.entries()) {
        if (["value", "low", "high"].includes(header[j])) expect(cell, header[j]).toBe("-5");
        else expect(cell, `${header[j]}: ${JSON.stringify(cell)}`).not.toMatch(FORMULA_START);
      }
      // The text is all still there, behind the apostrophe that makes it text.
      expect(row[header.indexOf("category")]).toMatch(/^'[=+\-@\t\r]/);
    }
  });

  it("neutralises the chart's own CSV the same way", () => {
    const rows = hostile.map((text) => ({
      figure_id: "f",
      label: text,
      value: -5,
      qualifier: "exact",
      shown_as: "-5",
      start: "",
      end: "",
      attributed_to: text,
      source: "article.txt",
      quote: text,
    }));
    const parsed = csvParseRows(chartCsv(rows as never).trim());
    const header = parsed[0];
    for (const row of parsed.slice(1)) {
      expect(row[header.indexOf("value")]).toBe("-5");
      expect(row[header.indexOf("shown_as")]).toBe("-5");
      for (const name of ["label", "attributed_to", "quote"]) expect(row[header.indexOf(name)]).toMatch(/^'/);
    }
  });

  it("leaves ordinary text and numbers as they were", () => {
    const csv = datasetCsv([figure({ category: "Police officers", value: 20000, low: 20000, high: 20000 })]);
    expect(csv).toContain(",Police officers,20000,exact,20000,20000,");
    expect(csv).not.toContain("'");
  });
});

describe("--base-url", () => {
  const base = "https://news.example.org/graphics/";
  /** Where a browser on the article's page would fetch the chart from. */
  const resolved = (url: string) => new URL(`${url}chart.svg`, base).host;

  it.each([
    "/\\evil.example/x/",
    "\\\\evil.example/x/",
    "\\/evil.example/x/",
    "//evil.example/x/",
    "/\t/evil.example/x/",
    "/\n/evil.example/x/",
    "/\r/evil.example/x/",
    "\t//evil.example/x/",
    "https:\\\\evil.example/x/",
    "https:/evil.example/x/",
    "javascript:alert(1)//",
    "/x/\\..\\..\\/evil.example/",
  ])("refuses %j, which a browser could resolve to another host", (url) => {
    expect(parseBaseUrl(url)).toBeUndefined();
  });

  it.each(["/graphics/x/", "/graphics/x", "https://cdn.example.org/graphics/x/", "http://localhost:8080/out/"])(
    "accepts %j",
    (url) => {
      const parsed = parseBaseUrl(url);
      expect(parsed).toBeDefined();
      expect(parsed!.endsWith("/")).toBe(true);
      if (url.startsWith("/")) expect(resolved(parsed!)).toBe("news.example.org");
    },
  );

  it("is refused on the command line with exit 2", () => {
    const story = copyStory("riots");
    scratch.push(story.dir);
    const result = cli(["--data", story.data, "--out", story.out, "--base-url", "/\\evil.example/x/"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/base-url/);
  });
});

describe("a CSV cell in the build output", () => {
  it("keeps the story's own quote in figures.json exactly, formula characters and all", async () => {
    const story = copyStory("riots");
    scratch.push(story.dir);
    const { data, out } = story;
    const path = join(data, "figures.csv");
    writeFileSync(path, readFileSync(path, "utf8").replace("Buildings damaged", "=Buildings damaged"));
    await build({ data, out });
    const json = JSON.parse(readFileSync(join(out, "figures.json"), "utf8")) as { figures: { category: string }[] };
    expect(json.figures.map((f) => f.category)).toContain("=Buildings damaged");
    const csv = csvParseRows(readFileSync(join(out, "figures.csv"), "utf8"));
    expect(csv.map((r) => r[2])).toContain("'=Buildings damaged");
    const chart = csvParseRows(readFileSync(join(out, "damage.csv"), "utf8"));
    expect(chart.map((r) => r[1])).toContain("'=Buildings damaged");
  });
});
