import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { csvParse } from "d3-dsv";
import { JSDOM } from "jsdom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../pipeline/build.ts";
import { parseSourceName } from "../pipeline/facts/dates.ts";
import { figuresReport } from "../pipeline/figures.ts";
import { loadStory } from "../pipeline/story.ts";
import { copyStory } from "./helpers/story.ts";

/**
 * A state budget story in Indian English (an article, a budget-speech transcript with speaker
 * labels, an election commission press note): fiscal years read and written as the desk writes
 * them, and no date published that the reporter neither typed nor was shown as filled from the
 * words, in the draft and in the notebook.
 */

const story = copyStory("budget");
let dataset: Record<string, string>[] = [];
let notebook: Document;

beforeAll(async () => {
  await build({ data: story.data, out: story.out });
  dataset = csvParse(readFileSync(join(story.out, "figures.csv"), "utf8"));
  notebook = new JSDOM(readFileSync(join(story.out, "index.html"), "utf8")).window.document;
});
afterAll(() => rmSync(story.dir, { recursive: true, force: true }));

/** The fact sheet as the reporter typed it. */
const typed = () => new Map(csvParse(readFileSync(join(story.data, "figures.csv"), "utf8")).map((r) => [r.id, r]));

describe("a budget story's dates", () => {
  it("publishes only dates that were typed, or filled from the words and shown so in the notebook and the draft", () => {
    const sheet = typed();
    // The draft of the same story with an empty fact sheet: what the reporter is shown for each quote.
    const scratch = copyStory("budget");
    writeFileSync(
      join(scratch.data, "figures.csv"),
      `${readFileSync(join(story.data, "figures.csv"), "utf8").split("\n")[0]}\n`,
    );
    const report = figuresReport(scratch.data);
    rmSync(scratch.dir, { recursive: true, force: true });
    if ("problem" in report) throw new Error(report.problem);
    let filled = 0;
    for (const row of dataset) {
      const own = sheet.get(row.id)!;
      for (const field of ["start", "end"] as const) {
        if (!row[field] || own[field] === row[field]) continue;
        // Not typed: the notebook's fact sheet marks the row's period as filled from the words…
        filled++;
        expect(own[field], `${row.id}.${field}`).toBe("");
        const cell = notebook.querySelector(`tr[id$="${row.id}"] td.period`)!;
        expect(cell.textContent, row.id).toMatch(/filled from the words “.+”, not typed in figures\.csv/);
        // …and the draft proposed the same dates for the same quote.
        const drafted = report.draft.find(
          (d) => d.quote.includes(own.quote) && d.value === own.value && d.source === (own.source || "article.txt"),
        );
        expect(drafted?.[field], `${row.id}.${field} in the draft`).toBe(row[field]);
      }
    }
    expect(filled).toBeGreaterThanOrEqual(6);
  });

  it("reads fiscal years as India's, 1 April to 31 March: 2024-25, the fiscal 2025-26, the current fiscal", () => {
    const dates = new Map(dataset.map((r) => [r.id, `${r.start}..${r.end}`]));
    expect(dates.get("health_2024_25")).toBe("2024-04-01..2025-03-31");
    expect(dates.get("capex_2025_26")).toBe("2025-04-01..2026-03-31");
    expect(dates.get("deficit_2025_26")).toBe("2025-04-01..2026-03-31");
    expect(dates.get("deficit_2024_25")).toBe("2024-04-01..2025-03-31");
    expect(dates.get("borrowed")).toBe("2024-04-01..2024-12-31");
    // "as on 28 February": the count to that day, its start not stated, never a one-day figure.
    expect(dates.get("tax")).toBe("..2025-02-28");
  });

  it("leaves the day a budget is presented nobody's period", () => {
    expect(dataset.find((r) => r.id === "scheme")).toMatchObject({ start: "", end: "" });
  });

  it("writes a fiscal year as the desk does, 2025-26, and a period every figure shares once", () => {
    const built = loadStory(story.data);
    const outlays = built.charts.find((c) => c.entry.id === "outlays")!;
    expect(outlays.words.dek).toBe("Budget figures for 2025-26");
    expect(outlays.model.notes.filter((n) => n.includes("2025-26"))).toEqual(["All figures are for 2025-26."]);
    const everything = [outlays.words.title, outlays.words.dek, ...outlays.words.notes, outlays.words.description].join(
      " ",
    );
    expect(everything).not.toMatch(/Apr 2025|Mar 2026/);
    const health = built.charts.find((c) => c.entry.id === "health")!;
    expect(health.model.rows.map((r) => r.label)).toEqual(["2024-25", "2025-26"]);
  });

  it("names a fiscal year that starts in July on the dateline line", () => {
    const scratch = copyStory("budget");
    try {
      const speech = join(scratch.data, "sources/budget-speech.txt");
      writeFileSync(
        speech,
        readFileSync(speech, "utf8").replace("date 2025-03-10 ", "date 2025-03-10 fiscal-year: July "),
      );
      // The typed April-to-March dates of the speech's 2025-26 figure are now refused, with July's as the fix.
      const sheet = join(scratch.data, "figures.csv");
      writeFileSync(sheet, readFileSync(sheet, "utf8").replace("Rs,2025-04-01,2026-03-31,", "Rs,,,"));
      const built = loadStory(scratch.data);
      const health = built.figures.find((f) => f.id === "health_2024_25")!;
      expect([health.start, health.end]).toEqual(["2024-07-01", "2025-06-30"]);
      // The source's name is still read after it.
      expect(parseSourceName(readFileSync(speech, "utf8"))).toBe("Budget speech, Karnavati Legislative Assembly");
    } finally {
      rmSync(scratch.dir, { recursive: true, force: true });
    }
  });
});
