import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { textOf } from "../charts/geometry.ts";
import { build } from "../pipeline/build.ts";
import { figuresReport } from "../pipeline/figures.ts";
import { spreadsheetCsv } from "../pipeline/publish/spreadsheet-cells.ts";
import { FIXTURES } from "./helpers/story.ts";
import { parseSvg } from "./helpers/svg.ts";

/**
 * The flood story issue 18 names (tests/fixtures/red-river): "rose to at least 41 on Tuesday" and
 * "9 deaths on Friday, 17 on Saturday and 28 on Sunday, counting from the first landslides on
 * Thursday", with the agency's bulletin as a source. Its draft, copied into figures.csv unchanged,
 * builds the toll as a line.
 */
describe("a flood story's toll, from the draft to a line with no cell typed", () => {
  const dir = mkdtempSync(join(tmpdir(), "red-river-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const story = join(dir, "data");
  cpSync(join(FIXTURES, "red-river"), story, { recursive: true });
  const report = figuresReport(story);
  if ("problem" in report) throw new Error(report.problem);
  const row = (id: string) => report.draft.find((r) => r.id === id);

  it("drafts each day's toll as a running count since the day the count began, and Tuesday's as at least 41", () => {
    for (const [id, value, end] of [
      ["deaths_fri", "9", "2025-10-10"],
      ["deaths_sat", "17", "2025-10-11"],
      ["deaths_sun", "28", "2025-10-12"],
      ["deaths_mon", "35", "2025-10-13"],
    ])
      expect(row(id), id).toMatchObject({ metric: "deaths", value, start: "2025-10-09", end, qualifier: "exact" });
    expect(row("deaths_tue")).toMatchObject({ value: "41", qualifier: "at_least", start: "", end: "2025-10-14" });
    // "By Monday the toll had reached 35, it said": the agency that spoke before.
    expect(row("deaths_mon")!.attributed_to).toBe("the disaster management agency");
    // The headline counts the dead by its verb, and restates the body's toll.
    expect(row("deaths")).toMatchObject({ metric: "deaths", value: "41", restates: "deaths_tue" });
    // "About 3,400 homes were flooded and 210 were destroyed": homes both.
    expect(row("homes_2")).toMatchObject({ metric: "homes", value: "210" });
  });

  it("builds the toll as one line through five days, the last marked as a minimum", async () => {
    writeFileSync(join(story, "figures.csv"), spreadsheetCsv(report.draft, report.columns));
    await build({ data: story, out: join(dir, "output"), today: "2025-10-16" });
    const svg = parseSvg(readFileSync(join(dir, "output", "toll.svg"), "utf8"));
    const words = Array.from(svg.querySelectorAll("text")).map(textOf);
    expect(words).toEqual(expect.arrayContaining(["9", "17", "28", "35", "At least 41"]));
    expect(words.join(" ")).toContain("Each point is the running total since Thu 9 Oct");
    expect(words.join(" ")).toContain("Figures as reported by the disaster management agency.");
  });
});
