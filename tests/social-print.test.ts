import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { textOf } from "../charts/geometry.ts";
import { SOCIAL, THEMES } from "../charts/style.ts";
import { build } from "../pipeline/build.ts";
import type { Manifest } from "../pipeline/publish/manifest.ts";
import { createRenderer } from "../pipeline/publish/render.ts";
import { loadStory } from "../pipeline/story.ts";
import { pdfName, socialName } from "../pipeline/words/output-names.ts";
import { IN_CI } from "./browser-harness.ts";
import { decodePng } from "./helpers/png.ts";
import { cli, copyStory, edit, FIXTURES } from "./helpers/story.ts";
import { parseSvg } from "./helpers/svg.ts";

/** poppler-utils (pdfinfo, pdffonts, pdfimages, pdftoppm): .ci/run installs them; locally, tests skip without them. */
const POPPLER = existsSync("/usr/bin/pdftoppm") && existsSync("/usr/bin/pdffonts");
const RUN_PDF_TESTS = POPPLER || IN_CI;

const run = (command: string, args: string[]) => {
  const result = spawnSync(command, args, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")}: ${result.stderr}`);
  return result.stdout;
};

const hex = (colour: string) => [1, 3, 5].map((i) => Number.parseInt(colour.slice(i, i + 2), 16));
const near = (a: number[], b: number[], tolerance = 40) => a.every((v, i) => Math.abs(v - b[i]) <= tolerance);

describe("social cards and print files", () => {
  const story = copyStory();
  let manifest: Manifest;
  beforeAll(async () => {
    // One chart for one column, the rest at the default two.
    edit(
      story.data,
      "charts.json",
      '"id": "security-vs-protesters",',
      '"id": "security-vs-protesters",\n      "print_width_mm": 50,',
    );
    await build({ data: story.data, out: story.out });
    manifest = JSON.parse(readFileSync(join(story.out, "manifest.json"), "utf8")) as Manifest;
  });
  afterAll(() => rmSync(story.dir, { recursive: true, force: true }));

  it("names a social card and a print file for every chart in the manifest", () => {
    for (const [id, chart] of Object.entries(manifest.charts)) {
      expect(chart.files).toContain(socialName(id));
      expect(chart.files).toContain(pdfName(id));
      expect(manifest.files[socialName(id)].bytes).toBe(statSync(join(story.out, socialName(id))).size);
    }
  });

  it("lays each social card out at 1200 × 630 with the chart's title, its marks and its source, legible as a thumbnail", () => {
    const loaded = loadStory(story.data);
    const render = createRenderer();
    for (const chart of loaded.charts) {
      const id = chart.entry.id;
      const png = decodePng(readFileSync(join(story.out, socialName(id))));
      expect([png.width, png.height], id).toEqual([1200, 630]);
      // The SVG it was drawn from: the title's words, set large enough to read at a third of the size.
      const svg = parseSvg(render(chart.entry, chart.model, chart.words).social);
      const texts = Array.from(svg.querySelectorAll("text"));
      const title = texts.filter(
        (t) => t.getAttribute("font-weight") === "bold" && Number(t.getAttribute("font-size")) >= 19,
      );
      expect(title.map(textOf).join(" "), id).toBe(chart.words.title);
      expect(Number(title[0].getAttribute("font-size")) * (400 / SOCIAL.width), id).toBeGreaterThanOrEqual(12);
      expect(texts.map(textOf).join(" "), id).toContain(chart.words.source);
      // And in the pixels: the title's ink at the top left, the source's at the foot, white around.
      const ink = hex(THEMES.light.text);
      const rows = (y0: number, y1: number, colour: number[], tolerance?: number) => {
        let n = 0;
        for (let y = y0; y < y1; y += 2)
          for (let x = 0; x < 1200; x += 2) if (near(png.at(x, y), colour, tolerance)) n++;
        return n;
      };
      expect(rows(40, 110, ink, 30), `${id}: title`).toBeGreaterThan(200);
      expect(rows(560, 620, hex(THEMES.light.muted), 30), `${id}: source`).toBeGreaterThan(100);
      expect(png.at(4, 4), id).toEqual([255, 255, 255]);
    }
    // The marks are there too: the bars' colour fills part of the card.
    const bars = decodePng(readFileSync(join(story.out, socialName("security-vs-protesters"))));
    let filled = 0;
    for (let y = 150; y < 560; y += 3)
      for (let x = 0; x < 1200; x += 3) if (near(bars.at(x, y), hex(THEMES.light.series[0]), 12)) filled++;
    expect(filled).toBeGreaterThan(2000);
  });

  it("carries every note and correction of the chart onto its card, between the marks and the source", () => {
    const loaded = loadStory(story.data);
    const render = createRenderer();
    let noted = 0;
    for (const chart of loaded.charts) {
      const id = chart.entry.id;
      const svg = parseSvg(render(chart.entry, chart.model, chart.words).social);
      const lines = Array.from(svg.querySelectorAll(":scope > text")).map((t) => ({
        text: textOf(t),
        y: Number(t.getAttribute("y")),
      }));
      const said = lines.map((l) => l.text).join(" ");
      for (const note of [...chart.words.notes, ...chart.words.corrections]) {
        expect(said, `${id}: ${note}`).toContain(note);
        noted++;
      }
      // Notes sit above the source line, which stays the last line of the card.
      expect(lines.at(-1)!.text, id).toContain(chart.words.source.split(" ")[0]);
      expect(lines.at(-1)!.y, id).toBeLessThanOrEqual(SOCIAL.height);
    }
    // The Islamabad charts say who gives their figures and what a dashed end means.
    expect(noted).toBeGreaterThanOrEqual(3);
  });

  it("draws a chart too tall for the card's room shorter, not smaller: its marks keep most of the card's width", () => {
    const render = createRenderer();
    const charts = [
      ...loadStory(story.data).charts,
      ...loadStory(join(FIXTURES, "riots"), { today: "2023-07-10" }).charts,
    ];
    for (const chart of charts.filter((c) => c.entry.kind !== "locator")) {
      const svg = parseSvg(render(chart.entry, chart.model, chart.words).social);
      const scale = Number(/scale\(([\d.]+)\)/.exec(svg.querySelector(":scope > g")!.getAttribute("transform")!)![1]);
      // Drawn at the inner width over SOCIAL_ZOOM (1.25): at 0.9 the marks keep 72% of the width.
      expect(scale, chart.entry.id).toBeGreaterThanOrEqual(0.9);
    }
  });

  it.runIf(RUN_PDF_TESTS)("prints each chart as a PDF that opens, at the column width charts.json gives", () => {
    for (const id of Object.keys(manifest.charts)) {
      const file = join(story.out, pdfName(id));
      const info = run("pdfinfo", [file]);
      const [, width] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
      const mm = id === "security-vs-protesters" ? 50 : 104;
      expect(Number(width), id).toBeCloseTo((mm / 25.4) * 72, 1);
      expect(info).toMatch(/Pages:\s+1\n/);
      // pdftoppm opens it and draws ink on the page.
      const png = decodePng(
        spawnSync("pdftoppm", ["-png", "-r", "72", "-singlefile", file], { maxBuffer: 1 << 26 }).stdout as Buffer,
      );
      expect(png.width, id).toBe(Math.round((mm / 25.4) * 72));
      let dark = 0;
      for (let y = 0; y < png.height; y++) for (let x = 0; x < png.width; x++) if (png.at(x, y)[0] < 100) dark++;
      expect(dark, id).toBeGreaterThan(100);
    }
  });

  it.runIf(RUN_PDF_TESTS)("is vector: real text in embedded fonts, no image in it", () => {
    for (const id of Object.keys(manifest.charts)) {
      const file = join(story.out, pdfName(id));
      expect(run("pdfimages", ["-list", file]).trim().split("\n").slice(2), id).toEqual([]);
      const fonts = run("pdffonts", [file]).trim().split("\n").slice(2);
      expect(fonts.length, id).toBeGreaterThan(0);
      // Each font is embedded (a subset): the "emb" column says yes.
      for (const font of fonts) expect(font, id).toMatch(/^\S+\+\S+\s+CID TrueType\s+Identity-H\s+yes yes/);
      const text = run("pdftotext", ["-layout", file, "-"]).replace(/\s+/g, " ");
      expect(text, id).toContain(
        manifest.charts[id].kind === "locator" ? "Islamabad" : "Source: Islamabad protest report",
      );
    }
  });

  it("draws qualifier marks by shape in the print file, so they survive greyscale", () => {
    const loaded = loadStory(story.data);
    const render = createRenderer();
    const chart = loaded.charts.find((c) => c.entry.id === "security-vs-protesters")!;
    const print = parseSvg(render(chart.entry, chart.model, chart.words).print.svg);
    // "More than 10,000": a dashed open end, told apart from the bar by its dashes, not its colour.
    expect(print.querySelector("[stroke-dasharray]")).not.toBeNull();
    // "At least one" and "at least four": both open ends dashed.
    const casualties = loaded.charts.find((c) => c.entry.id === "casualties-by-force")!;
    const printed = parseSvg(render(casualties.entry, casualties.model, casualties.words).print.svg);
    expect(printed.querySelectorAll("[stroke-dasharray] line, line[stroke-dasharray]").length).toBe(2);
  });

  it("gives the same bytes from the same story, PDFs and cards included", async () => {
    const again = join(story.dir, "again");
    await build({ data: story.data, out: again });
    for (const id of Object.keys(manifest.charts))
      for (const file of [socialName(id), pdfName(id)])
        expect(readFileSync(join(again, file)).equals(readFileSync(join(story.out, file))), file).toBe(true);
  });

  it("redraws a card and print file only for the chart whose figures changed", async () => {
    const before = Object.fromEntries(
      Object.keys(manifest.charts).flatMap((id) =>
        [socialName(id), pdfName(id)].map((f) => [f, statSync(join(story.out, f)).ino]),
      ),
    );
    edit(story.data, "charts.json", "Security forces killed in the clashes", "Security forces killed in the protests");
    const result = await build({ data: story.data, out: story.out });
    expect(result.drawn).toEqual(["casualties-by-force"]);
    for (const [file, inode] of Object.entries(before))
      if (!file.startsWith("casualties-by-force")) expect(statSync(join(story.out, file)).ino, file).toBe(inode);
    expect(result.changes.changed).toEqual(
      expect.arrayContaining(["casualties-by-force.social.png", "casualties-by-force.pdf"]),
    );
  });
});

describe("a print width", () => {
  it("is refused outside 30–400 mm, once, at the line that gives it", async () => {
    const story = copyStory();
    try {
      edit(
        story.data,
        "charts.json",
        '"credit": "Graphic: Data desk",',
        '"credit": "Graphic: Data desk",\n  "print_width_mm": 5,',
      );
      const result = cli(["--data", story.data, "--out", story.out]);
      expect(result.status).toBe(1);
      expect(result.stderr.split("\n").filter((l) => l.includes("print_width_mm"))).toEqual([
        `${story.data}/charts.json:4: "print_width_mm" is the print file's column width in millimetres, a number from 30 to 400 (one column is often 50, two 104), not 5`,
      ]);
    } finally {
      rmSync(story.dir, { recursive: true, force: true });
    }
  });
});

describe("the notebook", () => {
  const story = copyStory();
  afterAll(() => rmSync(story.dir, { recursive: true, force: true }));

  it("gives each chart's og:image tags, absolute with --base-url", async () => {
    await build({ data: story.data, out: story.out, baseUrl: "https://cdn.example.org/graphics/x/" });
    const page = readFileSync(join(story.out, "index.html"), "utf8");
    expect(page).toContain(
      "&lt;meta property=&quot;og:image&quot; content=&quot;https://cdn.example.org/graphics/x/arrests-by-day.social.png&quot;&gt;",
    );
    expect(page).toContain("&lt;meta property=&quot;og:image:width&quot; content=&quot;1200&quot;&gt;");
  });
});
