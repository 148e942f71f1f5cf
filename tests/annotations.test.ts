import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Box, intersects, occupied, textOf } from "../charts/geometry.ts";
import { build } from "../pipeline/build.ts";
import { DataError, type Problem } from "../pipeline/facts/problem.ts";
import type { Manifest } from "../pipeline/publish/manifest.ts";
import { createRenderer } from "../pipeline/publish/render.ts";
import { loadStory } from "../pipeline/story.ts";
import { VARIANTS } from "../pipeline/words/output-names.ts";
import { chartOf } from "./helpers/problems.ts";
import { copyStory } from "./helpers/story.ts";
import { parseSvg } from "./helpers/svg.ts";

/** Notes a desk would pin to each chart of the riots story: one per kind, and a band over days. */
const NOTES: Record<string, object[]> = {
  "arrests-by-night": [{ text: "Curfews in several towns", date: "2023-06-30" }],
  "arrests-each-night": [
    { text: "Curfews imposed in several towns", figure: "arrests_fri" },
    { text: "A calmer weekend", from: "2023-07-01", to: "2023-07-03" },
  ],
  "officers-injured": [{ text: "Interior minister visits injured officers", date: "2023-07-01" }],
  "who-was-arrested": [{ text: "Said by the justice minister on television", figure: "minors" }],
  damage: [{ text: "Mostly in the suburbs of Paris", figure: "vehicles" }],
  police: [{ text: "The largest deployment since the riots of the previous decade", figure: "deployed" }],
};

function annotate(data: string, notes: Record<string, object[]>): void {
  const path = join(data, "charts.json");
  const list = JSON.parse(readFileSync(path, "utf8")) as { charts: { id: string; annotations?: object[] }[] };
  for (const chart of list.charts) if (notes[chart.id]) chart.annotations = notes[chart.id];
  writeFileSync(path, `${JSON.stringify(list, null, 2)}\n`);
}

function problemsOf(data: string): Problem[] {
  try {
    loadStory(data, { today: "2023-07-10" });
  } catch (error) {
    if (error instanceof DataError) return error.problems;
    throw error;
  }
  return [];
}

const ANNOTATION_GROUPS = ["annotation", "annotation marker", "annotation notes"];

/**
 * Every annotation box of a drawn SVG against every other box a reader sees: marks, labels, notes,
 * the frame's words. The background and shaded bands lie behind everything and are left out.
 */
function collisions(svg: string): { notes: number; found: string[] } {
  const doc = parseSvg(svg);
  const root = doc.documentElement;
  const background = root.querySelector(":scope > rect")!;
  const skip = (el: Element) =>
    el === background || ["annotation band", "basemap"].includes(el.getAttribute("aria-label") ?? "");
  const owner = (el: Element) => {
    for (let n: Element | null = el; n; n = n.parentElement)
      if (ANNOTATION_GROUPS.includes(n.getAttribute("aria-label") ?? "")) return n;
    return undefined;
  };
  // A note's leader line runs from the note to its marks: it touches them by design.
  const boxes = occupied(root, skip).filter((b) => b.el.tagName.toLowerCase() !== "path" || !owner(b.el));
  const notes = boxes.filter((b) => owner(b.el));
  const found: string[] = [];
  for (const note of notes)
    for (const other of boxes) {
      if (other === note || owner(other.el) === owner(note.el)) continue;
      if (intersects(shrink(note), shrink(other)))
        found.push(`${textOf(note.el) || note.el.tagName} overlaps ${textOf(other.el) || other.el.tagName}`);
    }
  return { notes: notes.length, found };
}

/** Half a pixel in from each side: boxes that only touch do not overlap. */
const shrink = (b: Box): Box => ({ x: b.x + 0.5, y: b.y + 0.5, width: b.width - 1, height: b.height - 1 });

describe("annotations", () => {
  const story = copyStory("riots");
  let manifest: Manifest;
  beforeAll(async () => {
    annotate(story.data, NOTES);
    await build({ data: story.data, out: story.out, today: "2023-07-10" });
    manifest = JSON.parse(readFileSync(join(story.out, "manifest.json"), "utf8")) as Manifest;
  });
  afterAll(() => rmSync(story.dir, { recursive: true, force: true }));

  it("overlap no mark, label or other note, on desktop and mobile, light and dark, in every kind", () => {
    const kinds = new Set<string>();
    for (const id of Object.keys(NOTES)) {
      kinds.add(manifest.charts[id].kind);
      for (const variant of VARIANTS) {
        const file = `${id}${variant.suffix}.svg`;
        const { notes, found } = collisions(readFileSync(join(story.out, file), "utf8"));
        expect(notes, `${file} draws its notes`).toBeGreaterThan(0);
        expect(found, file).toEqual([]);
      }
    }
    expect([...kinds].sort()).toEqual(["bars", "columns", "line", "period", "share"]);
  });

  it("say every note's words in every variant, beside its marks or numbered below them", () => {
    for (const [id, notes] of Object.entries(NOTES))
      for (const variant of VARIANTS) {
        const doc = parseSvg(readFileSync(join(story.out, `${id}${variant.suffix}.svg`), "utf8"));
        const words = Array.from(doc.querySelectorAll("text"))
          .map((t) => textOf(t))
          .join(" ");
        for (const note of notes as { text: string }[]) expect(words, `${id}${variant.suffix}`).toContain(note.text);
      }
  });

  it("fall back to numbered markers, with the notes below the chart, where the words do not fit (a phone)", () => {
    const doc = parseSvg(readFileSync(join(story.out, "police-mobile.svg"), "utf8"));
    const marker = doc.querySelector('[aria-label="annotation marker"]');
    const listed = doc.querySelector('[aria-label="annotation notes"]');
    expect(textOf(marker!.querySelector("text")!)).toBe("1");
    expect(textOf(listed!.querySelector(":scope > text")!)).toBe(
      "The largest deployment since the riots of the previous decade",
    );
    // The notes listed below stand under every mark of the chart.
    const root = doc.documentElement;
    const plot = listed!.parentElement!;
    const marks = occupied(root, (el) => el === root.querySelector(":scope > rect") || el === listed).filter((b) =>
      plot.contains(b.el),
    );
    const plotBottom = Math.max(...marks.map((b) => b.y + b.height));
    const below = occupied(root).filter((b) => listed!.contains(b.el));
    expect(Math.min(...below.map((b) => b.y))).toBeGreaterThanOrEqual(plotBottom - 1);
  });

  it("shade a band of days behind the marks of those days", () => {
    for (const suffix of ["", "-mobile"]) {
      const doc = parseSvg(readFileSync(join(story.out, `arrests-each-night${suffix}.svg`), "utf8"));
      const band = doc.querySelector('[aria-label="annotation band"] rect')!;
      expect(band, suffix).not.toBeNull();
      // Drawn first in the plot: behind every mark.
      expect(band.parentElement!.previousElementSibling, suffix).toBeNull();
    }
  });

  it("are drawn on the social card and in the print file too, overlapping nothing there either", () => {
    const loaded = loadStory(story.data, { today: "2023-07-10" });
    const render = createRenderer();
    for (const chart of loaded.charts) {
      const drawn = render(chart.entry, chart.model, chart.words);
      for (const [what, svg] of [
        ["social card", drawn.social],
        ["print file", drawn.print.svg],
      ] as const) {
        const { notes, found } = collisions(svg);
        expect(notes, `${chart.entry.id} ${what}`).toBeGreaterThan(0);
        expect(found, `${chart.entry.id} ${what}`).toEqual([]);
        const words = Array.from(parseSvg(svg).querySelectorAll("text")).map(textOf).join(" ");
        for (const note of NOTES[chart.entry.id] as { text: string }[])
          expect(words, `${chart.entry.id} ${what}`).toContain(note.text);
      }
    }
  });

  it("say their own day when pinned to one day of a total over several, which the alt text says once", () => {
    // Islamabad's arrests are one total over three days: a note on Sun 24 Nov stands beside the
    // total, whose middle is Mon 25 Nov's, so it says its day.
    const islamabad = copyStory("islamabad");
    try {
      annotate(islamabad.data, { "arrests-by-day": [{ text: "Marchers set off", date: "2024-11-24" }] });
      const chart = loadStory(islamabad.data).charts.find((c) => c.entry.id === "arrests-by-day")!;
      const drawn = createRenderer()(chart.entry, chart.model, chart.words);
      for (const [name, svg] of [...drawn.svgs, ["social", drawn.social], ["print", drawn.print.svg]]) {
        const doc = parseSvg(svg);
        const note = Array.from(doc.querySelectorAll('[aria-label^="annotation"] text')).map(textOf).join(" ");
        expect(note, name).toContain("Sun 24 Nov: Marchers set off");
        // It points at Sunday's label on the axis, not at the middle of the total (Monday's).
        const root = doc.documentElement;
        const boxes = occupied(root);
        const sunday = boxes.find((b) => b.el.tagName === "text" && /^Sun( 24)?/.test(textOf(b.el)));
        const pin = boxes.find(
          (b) => b.el.closest('[aria-label="annotation marker"], [aria-label="annotation"]') && b.el.tagName !== "text",
        );
        if (sunday && pin) {
          const middle = pin.x + pin.width / 2;
          expect(middle, name).toBeGreaterThanOrEqual(sunday.x - 20);
          expect(middle, name).toBeLessThanOrEqual(sunday.x + sunday.width + 20);
        } else expect(name).toMatch(/social|print/);
        const desc = doc.querySelector("desc")!.textContent!;
        expect(desc, name).toContain("Note at Sun 24 Nov 2024: Marchers set off.");
      }
    } finally {
      rmSync(islamabad.dir, { recursive: true, force: true });
    }
    // A note on a one-day figure needs no day: its mark is that day's.
    const doc = parseSvg(readFileSync(join(story.out, "arrests-by-night.svg"), "utf8"));
    const words = Array.from(doc.querySelectorAll('[aria-label^="annotation"] text')).map(textOf);
    expect(words.join(" ")).toBe("Curfews in several towns");
  });

  it("are in the alt text and the embed's caption", () => {
    const svg = readFileSync(join(story.out, "arrests-by-night.svg"), "utf8");
    const desc = parseSvg(svg).querySelector("desc")!.textContent!;
    expect(desc).toContain("Note at Fri 30 Jun 2023: Curfews in several towns.");
    expect(
      parseSvg(readFileSync(join(story.out, "arrests-each-night.svg"), "utf8")).querySelector("desc")!.textContent,
    ).toContain("Shaded Sat 1 – Mon 3 Jul 2023: A calmer weekend.");
    expect(readFileSync(join(story.out, "arrests-by-night.embed.html"), "utf8")).toContain("Curfews in several towns");
  });

  it("are byte-identical from one build to the next", async () => {
    const again = join(story.dir, "again");
    await build({ data: story.data, out: again, today: "2023-07-10" });
    for (const id of Object.keys(NOTES))
      for (const file of manifest.charts[id].files)
        expect(readFileSync(join(again, file)).equals(readFileSync(join(story.out, file))), file).toBe(true);
  });
});

describe("an annotation's words and pin", () => {
  it("are checked like every chart word: a number is a figure reference, never typed", () => {
    const story = copyStory("riots");
    try {
      annotate(story.data, { damage: [{ text: "Over 40 towns hit", figure: "vehicles" }] });
      const problems = problemsOf(story.data);
      const line =
        readFileSync(join(story.data, "charts.json"), "utf8")
          .split("\n")
          .findIndex((l) => l.includes("Over 40")) + 1;
      expect(
        problems.some((p) => p.file === "charts.json" && p.line === line && /text: .*digit|number/i.test(p.message)),
      ).toBe(true);
    } finally {
      rmSync(story.dir, { recursive: true, force: true });
    }
  });

  it("must name what the chart draws: a figure it shows, a day one of its figures covers", () => {
    const story = copyStory("riots");
    try {
      annotate(story.data, {
        "who-was-arrested": [{ text: "Mostly in Paris", date: "2023-06-30" }],
        "arrests-each-night": [{ text: "Calm", figure: "vehicles" }],
        police: [{ text: "Calm", figure: "deployed", date: "2023-06-30" }],
      });
      const problems = problemsOf(story.data).map((p) => `${p.line}: ${p.message}`);
      expect(problems).toContainEqual(
        `${chartOf(story.data, "who-was-arrested")}: chart "who-was-arrested": annotation "Mostly in Paris": this chart's figures have no dates; pin the note to a figure instead`,
      );
      expect(problems.join("\n")).toMatch(/"vehicles" is not a figure this chart draws; pin it to one of arrests_thu/);
      expect(problems.join("\n")).toMatch(/an annotation is pinned to one thing/);
    } finally {
      rmSync(story.dir, { recursive: true, force: true });
    }
  });
});
