/**
 * output/index.html, what an editor opens before publishing: every chart in every variant, its alt
 * text, source, files and the embed code to copy. (Layout at desktop and phone widths is checked in
 * Chromium by tests/browser.test.ts.)
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { JSDOM } from "jsdom";
import { beforeAll, describe, expect, it } from "vitest";
import type { Manifest } from "../pipeline/publish/manifest.ts";
import { svgName, VARIANTS } from "../pipeline/words/output-names.ts";
import { useBuiltStory } from "./helpers/story.ts";
import { parseSvg, visibleText } from "./helpers/svg.ts";

const built = useBuiltStory();
let out: string;
let doc: Document;
let manifest: Manifest;

beforeAll(() => {
  ({ out, manifest } = built);
  doc = new JSDOM(readFileSync(join(out, "index.html"), "utf8")).window.document;
});

const svg = (name: string) => parseSvg(readFileSync(join(out, name), "utf8"));

describe("gallery", () => {
  it("has a section per chart, in the order of charts.json, showing all four variants", () => {
    const ids = Object.keys(manifest.charts);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    expect(Array.from(doc.querySelectorAll("section")).map((s) => s.id)).toEqual(ids);
    for (const id of ids) {
      const imgs = Array.from(doc.querySelectorAll(`section#${id} .variant img`));
      expect(imgs.map((i) => i.getAttribute("src"))).toEqual(VARIANTS.map((v) => svgName(id, v)));
      for (const img of imgs) expect(existsSync(join(out, img.getAttribute("src")!))).toBe(true);
    }
  });

  it("shows each chart's title, its alt text (the SVG's <desc>) and its source line as the chart prints it", () => {
    for (const id of Object.keys(manifest.charts)) {
      const section = doc.querySelector(`section#${id}`)!;
      const chart = svg(`${id}.svg`);
      const desc = chart.querySelector("desc")!.textContent!;
      expect(section.querySelector("h2")!.textContent).toContain(chart.querySelector("title")!.textContent!);
      const field = (name: string) =>
        Array.from(section.querySelectorAll("dt")).find((dt) => dt.textContent === name)?.nextElementSibling
          ?.textContent;
      expect(field("Alt text")).toBe(desc);
      for (const img of Array.from(section.querySelectorAll("img"))) expect(img.getAttribute("alt")).toBe(desc);
      const printed = visibleText(chart).join(" ");
      const source = field("Source")!;
      expect(source).toMatch(/^Source/);
      expect(printed.replace(/\s+/g, " ")).toContain(source);
    }
  });

  it("offers the embed code exactly as in X.embed.html, and links the PNG, CSV and embed files", () => {
    for (const id of Object.keys(manifest.charts)) {
      const section = doc.querySelector(`section#${id}`)!;
      const area = section.querySelector("textarea") as HTMLTextAreaElement;
      expect(area.hasAttribute("readonly")).toBe(true);
      expect(area.value).toBe(readFileSync(join(out, `${id}.embed.html`), "utf8"));
      expect(section.querySelector(`label[for="${area.id}"]`)).not.toBeNull();
      const links = Array.from(section.querySelectorAll("a")).map((a) => a.getAttribute("href")!);
      for (const file of [`${id}.png`, `${id}.csv`, `${id}.embed.html`, ...VARIANTS.map((v) => svgName(id, v))]) {
        expect(links, id).toContain(file);
        expect(existsSync(join(out, file)), file).toBe(true);
      }
    }
  });

  it("works offline and on a phone: a viewport, no external resources, the date written out", () => {
    expect(doc.querySelector('meta[name="viewport"]')?.getAttribute("content")).toMatch(/width=device-width/);
    const html = readFileSync(join(out, "index.html"), "utf8");
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(doc.querySelector("h1")!.textContent).toMatch(/\d{1,2} [A-Z][a-z]{2} \d{4}/);
    expect(doc.querySelector("style")!.textContent).toMatch(/@media \(max-width: \d+px\)/);
  });
});
