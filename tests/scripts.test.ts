/**
 * Text in other scripts: measured no narrower than the font draws it, drawn in the PNG with its
 * vowel signs and spaces (shaped, not laid glyph by glyph), and refused where no font draws it.
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { textWidth } from "../charts/measure.ts";
import { inkColumns, shapedWidth } from "./helpers/ink.ts";
import { build } from "../pipeline/build.ts";
import { svgToPng } from "../pipeline/publish/png.ts";
import { lineOf, problemsOf, rowOf } from "./helpers/problems.ts";
import { copyStory, edit } from "./helpers/story.ts";

const HINDI = "आग लगाई गई गाड़ियाँ (वाहन) और क्षतिग्रस्त इमारतें";
const TAMIL = "சேதமடைந்த கட்டிடங்கள் மற்றும் கடைகள்";
const BENGALI = "গ্রেপ্তার করা হয়েছে বিক্ষোভকারীদের";

describe("measuring other scripts", () => {
  it.each([
    [HINDI, "Devanagari"],
    [TAMIL, "Tamil"],
    [BENGALI, "Bengali"],
  ])("measures %s at least as wide as Noto Sans draws it, and not wildly wider", (text, script) => {
    for (const bold of [false, true]) {
      const drawn = shapedWidth(text, `NotoSans${script}-${bold ? "Bold" : "Regular"}.ttf`, 16);
      const measured = textWidth(text, 16, bold);
      expect(measured, `${script}${bold ? " bold" : ""}`).toBeGreaterThanOrEqual(drawn * 1.1);
      expect(measured).toBeLessThan(drawn * 1.4);
    }
  });
});

describe("the PNG of text in other scripts", () => {
  it.each([
    [HINDI, "NotoSansDevanagari-Regular.ttf", "start"],
    [TAMIL, "NotoSansTamil-Regular.ttf", "start"],
    [TAMIL, "NotoSansTamil-Regular.ttf", "end"],
  ])("draws every glyph of %s (%s, text-anchor %s), as wide as the shaped text", async (text, file, anchor) => {
    const x = anchor === "end" ? 600 : 20;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="60" font-family="Helvetica, Arial, Liberation Sans, sans-serif"><rect width="640" height="60" fill="#fff"/><g font-size="20" text-anchor="${anchor}"><text x="${x}" y="38" fill="#000">${text}</text></g></svg>`;
    const png = await svgToPng(svg, 640);
    const ink = inkColumns(png, 1280, 120, 0, 120);
    // At 2×: the ink spans the shaped width, give or take a side bearing. Laid out glyph by glyph,
    // resvg dropped vowel signs and spaces, and the line came out narrower.
    const width = shapedWidth(text, file, 20) * 2;
    expect(ink.right - ink.left).toBeGreaterThan(width - 8);
    expect(ink.right - ink.left).toBeLessThan(width + 2);
    const start = anchor === "end" ? 2 * x - width : 2 * x;
    expect(Math.abs(ink.left - start)).toBeLessThan(6);
  });

  it("draws Latin text with resvg, the same bytes every time", async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="10" y="25" font-size="16">Police officers</text></svg>`;
    const png = await svgToPng(svg, 200);
    expect(png.equals(await svgToPng(svg, 200))).toBe(true);
    expect(inkColumns(png, 400, 80, 0, 80).left).toBeGreaterThanOrEqual(18);
  });
});

describe("scripts no font here draws", () => {
  const scratch: string[] = [];
  afterEach(() => {
    for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const story = () => {
    const s = copyStory("riots");
    scratch.push(s.dir);
    return s;
  };

  it("refuses a label in Chinese at its row, and a title with an emoji or Hebrew at its line", async () => {
    const { data, out } = story();
    edit(data, "figures.csv", "Buildings damaged", "受损建筑");
    edit(data, "charts.json", '"title": "{deployed} officers on the streets"', '"title": "{deployed} officers 🚓"');
    edit(data, "charts.json", '"dek": "Vehicles set on fire', '"dek": "שריפות: vehicles set on fire');
    const problems = await problemsOf(data, out);
    expect(problems).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^figures\\.csv:${rowOf(data, "buildings")}: category holds "受" \\(U\\+53D7\\), a character of a script the charts have no font for`,
        ),
      ),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(
        new RegExp(`^charts\\.json:${lineOf(data, "charts.json", "🚓")}: title holds "🚓" \\(U\\+1F693\\)`),
      ),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(new RegExp(`^charts\\.json:${lineOf(data, "charts.json", "שריפות")}: dek holds "ש"`)),
    );
  });

  it("builds a chart with Hindi and Tamil words and labels", async () => {
    const { data, out } = story();
    edit(data, "figures.csv", "Vehicles set on fire", "आग लगाई गई गाड़ियाँ");
    edit(data, "figures.csv", "Buildings damaged", TAMIL);
    edit(data, "charts.json", '"dek": "Vehicles set on fire and buildings damaged across France"', `"dek": "${HINDI}"`);
    const result = await build({ data, out });
    expect(result.story.charts.map((c) => c.entry.id)).toContain("damage");
    const svg = readFileSync(join(out, "damage.svg"), "utf8");
    expect(svg).toContain(TAMIL);
    expect(svg).toContain("गाड़ियाँ");
  });
});
