/**
 * X.embed.html as a producer pastes it: one <figure> choosing the layout by width and the theme by
 * colour scheme, alt text from the data, a link to the chart's CSV, and nothing a CMS would strip.
 * (tests/browser.test.ts checks in Chromium which file each reader actually gets.)
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { csvParse } from "d3-dsv";
import { JSDOM } from "jsdom";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../pipeline/build.ts";
import { parseBaseUrl } from "../pipeline/publish/embed.ts";
import type { Manifest } from "../pipeline/publish/manifest.ts";
import { svgName, VARIANTS } from "../pipeline/words/output-names.ts";
import { copyStory, useBuiltStory } from "./helpers/story.ts";
import { parseSvg } from "./helpers/svg.ts";

const built = useBuiltStory();
let out: string;
let manifest: Manifest;
let ids: string[];

beforeAll(() => {
  ({ out, manifest } = built);
  ids = Object.keys(manifest.charts);
});

function embed(id: string): Element {
  const html = readFileSync(join(out, `${id}.embed.html`), "utf8");
  const body = new JSDOM(`<!DOCTYPE html><body>${html}</body>`).window.document.body;
  expect(body.children, id).toHaveLength(1);
  return body.children[0];
}

const svg = (name: string) => parseSvg(readFileSync(join(out, name), "utf8")).documentElement;

describe("embed snippets", () => {
  it("is one <figure> whose <picture> offers mobile-dark, mobile and dark before the desktop default", () => {
    expect(ids.length).toBeGreaterThanOrEqual(3);
    for (const id of ids) {
      const figure = embed(id);
      expect(figure.tagName).toBe("FIGURE");
      const sources = Array.from(figure.querySelectorAll("picture > source"));
      const byName = Object.fromEntries(VARIANTS.map((v) => [v.name, svgName(id, v)]));
      expect(sources.map((s) => s.getAttribute("srcset"))).toEqual([byName["mobile-dark"], byName.mobile, byName.dark]);
      const [mobileDark, mobile, dark] = sources.map((s) => s.getAttribute("media")!);
      const width = /\(max-width: (\d+)px\)/;
      expect(mobileDark).toMatch(width);
      expect(mobileDark).toMatch(/prefers-color-scheme: dark/);
      expect(mobile).toMatch(width);
      expect(mobile).not.toMatch(/color-scheme/);
      expect(dark).toBe("(prefers-color-scheme: dark)");
      const img = figure.querySelector("picture > img")!;
      expect(img.getAttribute("src")).toBe(byName.desktop);
    }
  });

  it("names files that exist, relative to the snippet, with each file's own width and height", () => {
    for (const id of ids) {
      const figure = embed(id);
      const refs = [...Array.from(figure.querySelectorAll("source, img")), ...Array.from(figure.querySelectorAll("a"))];
      for (const el of refs) {
        const file = el.getAttribute("srcset") ?? el.getAttribute("src") ?? el.getAttribute("href")!;
        expect(file, id).toMatch(/^[a-z0-9][a-z0-9._-]*$/);
        expect(existsSync(join(out, file)), file).toBe(true);
        if (file.endsWith(".svg")) {
          const root = svg(file);
          expect([el.getAttribute("width"), el.getAttribute("height")], file).toEqual([
            root.getAttribute("width"),
            root.getAttribute("height"),
          ]);
        }
      }
    }
  });

  it("carries the alt text generated from the data: every variant's <desc>, stating each figure as shown", () => {
    for (const id of ids) {
      const alt = embed(id).querySelector("img")!.getAttribute("alt")!;
      for (const v of VARIANTS)
        expect(svg(svgName(id, v)).querySelector("desc")!.textContent, `${id} ${v.name}`).toBe(alt);
      const rows = csvParse(readFileSync(join(out, `${id}.csv`), "utf8"));
      expect(rows.length, id).toBeGreaterThan(0);
      for (const row of rows)
        expect(alt.toLowerCase(), `${id}: ${row.shown_as}`).toContain(row.shown_as!.toLowerCase());
      // Nothing but the data: every number in the alt text is in the title, the data file or a date.
      const data = readFileSync(join(out, `${id}.csv`), "utf8") + svg(`${id}.svg`).querySelector("title")!.textContent;
      for (const n of alt.match(/\d[\d,.]*\d|\d/g) ?? []) expect(data, `${id}: ${n}`).toContain(n);
    }
  });

  it("links to the chart's data as CSV: the figures the chart shows, with their quotes", () => {
    for (const id of ids) {
      const link = embed(id).querySelector("figcaption a")!;
      expect(link.getAttribute("href")).toBe(`${id}.csv`);
      expect(link.textContent).toMatch(/data/i);
      const rows = csvParse(readFileSync(join(out, `${id}.csv`), "utf8"));
      expect(rows.map((r) => r.figure_id).sort()).toEqual([...new Set(rows.map((r) => r.figure_id))].sort());
      for (const r of rows) {
        expect(manifest.charts[id].figures, id).toContain(r.figure_id);
        expect(r.quote, `${id} ${r.figure_id}`).toBeTruthy();
      }
    }
  });

  it("is plain HTML with inline presentation: no script, no style element, no class it depends on", () => {
    for (const id of ids) {
      const html = readFileSync(join(out, `${id}.embed.html`), "utf8");
      expect(html).not.toMatch(/<script|<style|\son[a-z]+=|javascript:/i);
      const figure = embed(id);
      // Layout lives in style attributes; a CMS that drops the class loses nothing.
      expect(figure.getAttribute("style")).toMatch(/max-width/);
      expect(figure.querySelector("img")!.getAttribute("style")).toMatch(/width:100%/);
    }
  });
});

describe("an embed built with --base-url", () => {
  it("refers to every file by absolute URL, and a URL that is not http(s) or a site path is refused", async () => {
    const story = copyStory();
    await build({ data: story.data, out: story.out, baseUrl: "https://cdn.example.org/graphics/islamabad/" });
    const html = readFileSync(join(story.out, "arrests-by-day.embed.html"), "utf8");
    const urls = [...html.matchAll(/(?:src|srcset|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(urls).toHaveLength(5); // three <source>, the <img>, the CSV link
    for (const url of urls)
      expect(url).toMatch(/^https:\/\/cdn\.example\.org\/graphics\/islamabad\/arrests-by-day[-.a-z]*\.(svg|csv)$/);
    expect(parseBaseUrl("https://cdn.example.org/g")).toBe("https://cdn.example.org/g/");
    expect(parseBaseUrl("/graphics/x")).toBe("/graphics/x/");
    expect(parseBaseUrl("javascript:alert(1)")).toBeUndefined();
    expect(parseBaseUrl("//evil.example/x")).toBeUndefined();
    expect(parseBaseUrl('https://x.org/"onerror="')).toBeUndefined();
  });
});
