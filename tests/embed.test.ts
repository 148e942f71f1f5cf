/**
 * The embed flavours as a producer pastes them (X.embed.html, X.wordpress.embed.html,
 * X.drupal.embed.html): what each holds, that the files they name exist at the sizes they state,
 * the alt text and caption from the data, the link to the chart's CSV, and the light SVGs that
 * turn dark by themselves. (tests/cms.test.ts shows in Chromium what each CMS's sanitizer leaves
 * of them; tests/browser.test.ts which file each reader of the <picture> gets.)
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { csvParse } from "d3-dsv";
import { JSDOM } from "jsdom";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../pipeline/build.ts";
import { MOBILE_MAX_WIDTH, parseBaseUrl } from "../pipeline/publish/embed.ts";
import type { Manifest } from "../pipeline/publish/manifest.ts";
import {
  chartFiles,
  EMBED_FLAVOURS,
  embedName,
  pngName,
  svgName,
  VARIANTS,
  type EmbedFlavour,
} from "../pipeline/words/output-names.ts";
import { pngSize } from "./browser-harness.ts";
import { copyStory, useBuiltStory } from "./helpers/story.ts";
import { parseSvg, visibleText } from "./helpers/svg.ts";

const built = useBuiltStory();
let out: string;
let manifest: Manifest;
let ids: string[];

beforeAll(() => {
  ({ out, manifest } = built);
  ids = Object.keys(manifest.charts);
});

const variant = (name: string) => VARIANTS.find((v) => v.name === name)!;

function embed(id: string, flavour: EmbedFlavour = "picture"): Element {
  const html = readFileSync(join(out, embedName(id, flavour)), "utf8");
  const body = new JSDOM(`<!DOCTYPE html><body>${html}</body>`).window.document.body;
  expect(body.children, id).toHaveLength(1);
  return body.children[0];
}

const svg = (name: string) => parseSvg(readFileSync(join(out, name), "utf8")).documentElement;

/** Every file an embed refers to, with the element that names it. */
function references(root: Element): { el: Element; file: string }[] {
  return Array.from(root.querySelectorAll("source, img, a")).map((el) => ({
    el,
    file: el.getAttribute("srcset") ?? el.getAttribute("src") ?? el.getAttribute("href")!,
  }));
}

describe("embed snippets", () => {
  it("X.embed.html: a <picture> with the desktop layout from 600px up (also in range syntax, which Drupal leaves whole), dark by colour scheme, and the mobile light SVG as its <img>", () => {
    expect(ids.length).toBeGreaterThanOrEqual(3);
    expect(MOBILE_MAX_WIDTH).toBe(599);
    for (const id of ids) {
      const root = embed(id);
      expect(root.tagName).toBe("DIV");
      const sources = Array.from(root.querySelectorAll("picture > source"));
      const name = (v: string) => svgName(id, variant(v));
      expect(sources.map((s) => [s.getAttribute("media"), s.getAttribute("srcset")])).toEqual([
        ["(min-width: 600px) and (prefers-color-scheme: dark)", name("dark")],
        ["(min-width: 600px)", name("desktop")],
        ["(width >= 600px)", name("desktop")],
        ["(prefers-color-scheme: dark)", name("mobile-dark")],
      ]);
      const img = root.querySelector("picture > img")!;
      expect(img.getAttribute("src")).toBe(name("mobile"));
      // Shrinks in a narrower column, never grows: sized by its width and height attributes.
      expect(img.getAttribute("style")).toMatch(/max-width:100%;height:auto/);
      expect(img.getAttribute("style")).not.toMatch(/(^|;)width:/);
    }
  });

  it("X.wordpress.embed.html: the mobile and desktop SVGs as two <img>, each with a width that is zero on the other side of 600px", () => {
    for (const id of ids) {
      const imgs = Array.from(embed(id, "wordpress").querySelectorAll("img"));
      expect(imgs.map((i) => i.getAttribute("src"))).toEqual([
        svgName(id, variant("mobile")),
        svgName(id, variant("desktop")),
      ]);
      expect(imgs[0].getAttribute("style")).toContain("max(0px, (600px - 100vw) * 10000)");
      expect(imgs[1].getAttribute("style")).toContain("max(0px, (100vw - 599px) * 10000)");
      // One chart for assistive technology: the desktop image is hidden from it.
      expect([imgs[1].getAttribute("alt"), imgs[1].getAttribute("aria-hidden")]).toEqual(["", "true"]);
    }
  });

  it("X.drupal.embed.html: the mobile layout as a 2× PNG, shown at the mobile SVG's size", () => {
    for (const id of ids) {
      const imgs = Array.from(embed(id, "drupal").querySelectorAll("img"));
      expect(imgs.map((i) => i.getAttribute("src"))).toEqual([pngName(id, variant("mobile"))]);
      expect(imgs[0].parentElement!.tagName).toBe("P");
      const size = pngSize(readFileSync(join(out, pngName(id, variant("mobile")))));
      expect([size.width, size.height]).toEqual([
        2 * Number(imgs[0].getAttribute("width")),
        2 * Number(imgs[0].getAttribute("height")),
      ]);
    }
  });

  it("names files that exist, relative to the snippet, with each file's own width and height", () => {
    for (const id of ids)
      for (const flavour of EMBED_FLAVOURS)
        for (const { el, file } of references(embed(id, flavour))) {
          expect(file, `${id} ${flavour}`).toMatch(/^[a-z0-9][a-z0-9._-]*$/);
          expect(existsSync(join(out, file)), file).toBe(true);
          const drawnFrom = file.endsWith(".png") ? file.replace(/\.png$/, ".svg") : file;
          if (/\.(svg|png)$/.test(file))
            expect([el.getAttribute("width"), el.getAttribute("height")], file).toEqual([
              svg(drawnFrom).getAttribute("width"),
              svg(drawnFrom).getAttribute("height"),
            ]);
        }
  });

  it("are listed, every flavour, among the chart's files in the manifest", () => {
    for (const id of ids) {
      expect(manifest.charts[id].files).toEqual(chartFiles(id));
      for (const flavour of EMBED_FLAVOURS) {
        expect(manifest.charts[id].files).toContain(embedName(id, flavour));
        expect(manifest.files[embedName(id, flavour)], `${id} ${flavour}`).toBeDefined();
      }
      expect(manifest.files[pngName(id, variant("mobile"))]).toBeDefined();
    }
  });

  it("carries the alt text generated from the data: every variant's <desc>, stating each figure as shown", () => {
    for (const id of ids) {
      const alt = embed(id).querySelector("img")!.getAttribute("alt")!;
      for (const flavour of EMBED_FLAVOURS)
        expect(embed(id, flavour).querySelector("img")!.getAttribute("alt"), flavour).toBe(alt);
      for (const v of VARIANTS)
        expect(svg(svgName(id, v)).querySelector("desc")!.textContent, `${id} ${v.name}`).toBe(alt);
      const rows = csvParse(readFileSync(join(out, `${id}.csv`), "utf8"));
      // A chart lists each figure it draws; a locator that draws none (a map of where) lists none.
      if (manifest.charts[id].kind === "locator") expect(rows.length, id).toBe(manifest.charts[id].figures.length);
      else expect(rows.length, id).toBeGreaterThan(0);
      for (const row of rows)
        expect(alt.toLowerCase(), `${id}: ${row.shown_as}`).toContain(row.shown_as!.toLowerCase());
      // Nothing but the data: every number in the alt text is in the title, the data file or a date.
      const data = readFileSync(join(out, `${id}.csv`), "utf8") + svg(`${id}.svg`).querySelector("title")!.textContent;
      for (const n of alt.match(/\d[\d,.]*\d|\d/g) ?? []) expect(data, `${id}: ${n}`).toContain(n);
    }
  });

  it("says who gives the figures in the alt text and the caption, as the chart's note does", () => {
    let credited = 0;
    for (const id of ids) {
      const doc = svg(svgName(id, variant("desktop")));
      const note = visibleText(doc.ownerDocument).find((t) => /as reported by/.test(t));
      if (!note) continue;
      credited++;
      const alt = embed(id).querySelector("img")!.getAttribute("alt")!;
      // The note may wrap over lines on the chart; the alt text has it whole.
      expect(alt, id).toContain(note.replace(/\.$/, "").split(" as reported by ")[0].split(";")[0]);
      expect(alt, id).toMatch(/as reported by [^.]+\./);
    }
    expect(credited).toBeGreaterThan(0);
  });

  it("states the facts in a caption, with the source, so a reader whose CMS drops the image still has them", () => {
    for (const id of ids) {
      const desc = svg(svgName(id, variant("desktop"))).querySelector("desc")!.textContent!;
      const source = Array.from(svg(svgName(id, variant("desktop"))).querySelectorAll("text"))
        .map((t) => t.textContent!)
        .find((t) => t.startsWith("Source:"))!
        .split(" · ")[0];
      for (const flavour of EMBED_FLAVOURS) {
        const caption = embed(id, flavour).querySelector(":scope > p:last-child")!;
        expect(caption.textContent, `${id} ${flavour}`).toContain(desc);
        expect(caption.textContent, `${id} ${flavour}`).toContain(source.replace(/\.$/, ""));
      }
    }
  });

  it("links to the chart's data as CSV: the figures the chart shows, with their quotes", () => {
    for (const id of ids) {
      for (const flavour of EMBED_FLAVOURS) {
        const link = embed(id, flavour).querySelector("p a")!;
        expect(link.getAttribute("href")).toBe(`${id}.csv`);
        expect(link.textContent).toMatch(/data/i);
      }
      const rows = csvParse(readFileSync(join(out, `${id}.csv`), "utf8"));
      expect(rows.map((r) => r.figure_id).sort()).toEqual([...new Set(rows.map((r) => r.figure_id))].sort());
      for (const r of rows) {
        expect(manifest.charts[id].figures, id).toContain(r.figure_id);
        expect(r.quote, `${id} ${r.figure_id}`).toBeTruthy();
      }
    }
  });

  it("is plain HTML: no script, no style element, no handler, nothing that depends on a class", () => {
    for (const id of ids)
      for (const flavour of EMBED_FLAVOURS) {
        const html = readFileSync(join(out, embedName(id, flavour)), "utf8");
        expect(html).not.toMatch(/<script|<style|\son[a-z]+=|javascript:/i);
        // The only style sheet is inside the SVG files, which no CMS sanitizes.
        expect(embed(id, flavour).getAttribute("style")).toMatch(/margin/);
      }
  });
});

describe("the light SVGs an <img> shows", () => {
  /** Applies a light file's dark style sheet the way a browser would, as attributes. */
  function darkened(light: Element): Element {
    const copy = light.cloneNode(true) as Element;
    const css = copy.querySelector(":scope > style")!.textContent!;
    const rules = new Map(
      [...css.matchAll(/\.([a-z0-9-]+)\{([a-z-]+):([^}]+)\}/g)].map((m) => [m[1], [m[2], m[3]] as const]),
    );
    for (const el of [copy, ...Array.from(copy.querySelectorAll("[class]"))]) {
      for (const name of (el.getAttribute("class") ?? "").split(" ").filter(Boolean)) {
        const [attr, value] = rules.get(name)!;
        el.setAttribute(attr, value);
      }
      el.removeAttribute("class");
    }
    copy.querySelector(":scope > style")!.remove();
    return copy;
  }

  /** Elements, attributes and text in order, ids aside: two drawings read the same if these match. */
  const canonical = (root: Element) =>
    [root, ...Array.from(root.querySelectorAll("*"))].map(
      (el) =>
        `<${el.tagName} ${el
          .getAttributeNames()
          .filter((a) => a !== "id" && a !== "aria-labelledby")
          .sort()
          .map((a) => `${a}=${el.getAttribute(a)}`)
          .join(" ")}>${el.children.length ? "" : el.textContent}`,
    );

  it("turn into exactly their dark twin under prefers-color-scheme: dark, by a style sheet of colours alone", () => {
    for (const id of ids)
      for (const [light, dark] of [
        ["desktop", "dark"],
        ["mobile", "mobile-dark"],
      ]) {
        const file = svg(svgName(id, variant(light)));
        expect(file.querySelector(":scope > style")!.textContent).toMatch(
          /^@media \(prefers-color-scheme:dark\)\{(\.[a-z0-9-]+\{(fill|stroke):#[0-9a-f]{6}\})+\}$/,
        );
        expect(canonical(darkened(file)), `${id} ${light}`).toEqual(canonical(svg(svgName(id, variant(dark)))));
        // The dark files stay fixed: no style sheet, no class.
        expect(svg(svgName(id, variant(dark))).querySelectorAll("style, [class]")).toHaveLength(0);
      }
  });
});

describe("embeds built with --base-url", () => {
  it("refer to every file by absolute URL, and a URL that is not http(s) or a site path is refused", async () => {
    const story = copyStory();
    await build({ data: story.data, out: story.out, baseUrl: "https://cdn.example.org/graphics/islamabad/" });
    for (const flavour of EMBED_FLAVOURS) {
      const html = readFileSync(join(story.out, embedName("arrests-by-day", flavour)), "utf8");
      const urls = [...html.matchAll(/(?:src|srcset|href)="([^"]+)"/g)].map((m) => m[1]);
      // The <picture>: four <source>, the <img>, the CSV link; WordPress: two <img> and the link.
      expect(urls).toHaveLength({ picture: 6, wordpress: 3, drupal: 2 }[flavour]);
      for (const url of urls)
        expect(url).toMatch(
          /^https:\/\/cdn\.example\.org\/graphics\/islamabad\/arrests-by-day[-.a-z]*\.(svg|png|csv)$/,
        );
    }
    expect(parseBaseUrl("https://cdn.example.org/g")).toBe("https://cdn.example.org/g/");
    expect(parseBaseUrl("/graphics/x")).toBe("/graphics/x/");
    expect(parseBaseUrl("javascript:alert(1)")).toBeUndefined();
    expect(parseBaseUrl("//evil.example/x")).toBeUndefined();
    expect(parseBaseUrl('https://x.org/"onerror="')).toBeUndefined();
  });
});
