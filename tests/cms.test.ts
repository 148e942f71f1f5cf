/**
 * What a reader sees of a chart after each CMS's sanitizer: every embed flavour and inline SVG of
 * every chart goes through the real sanitizers (tests/sanitizers/), and what comes out is shown in
 * Chromium on a page with no style sheet, on a 360px phone in dark mode and at 700px in light mode.
 * For each: is the chart there, is its text at least 11px, does it fit the screen, is it dark in
 * dark mode, is it the desktop layout at 700px, do the caption's facts and the data link survive.
 * The measured table must be the README's, word for word.
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../pipeline/build.ts";
import type { Manifest } from "../pipeline/publish/manifest.ts";
import { csvName, embedName, pngName, svgName, VARIANTS, type Variant } from "../pipeline/words/output-names.ts";
import { launch, RUN_BROWSER_TESTS, serve, type Site } from "./browser-harness.ts";
import { luminance } from "./browser-colour.ts";
import { copyStory, ROOT } from "./helpers/story.ts";
import { parseSvg } from "./helpers/svg.ts";
import { RUN_PHP_SANITIZERS, sanitizers, wordpressVersion, type Sanitizer } from "./sanitizers/index.ts";

/** Where the output folder is served, as the build's --base-url (Drupal shows only its own site's images). */
const BASE = "/output/";

const variant = (name: string) => VARIANTS.find((v) => v.name === name)!;

/** The table's columns: what an editor can paste. */
const PASTES: { name: string; paste: (id: string, out: string) => string; embed: boolean }[] = [
  { name: "`X.embed.html`", paste: (id, out) => read(out, embedName(id)), embed: true },
  { name: "`X.wordpress.embed.html`", paste: (id, out) => read(out, embedName(id, "wordpress")), embed: true },
  { name: "`X.drupal.embed.html`", paste: (id, out) => read(out, embedName(id, "drupal")), embed: true },
  { name: "`X.svg` inline", paste: (id, out) => read(out, svgName(id, variant("desktop"))), embed: false },
  { name: "`X-mobile.svg` inline", paste: (id, out) => read(out, svgName(id, variant("mobile"))), embed: false },
];

/** The paste each sanitizer's users are told to use (README), and what it still cannot do there. */
const ADVICE: Record<string, { paste: string; lacks: string[] }> = {
  none: { paste: "`X.embed.html`", lacks: [] },
  "WordPress kses": { paste: "`X.wordpress.embed.html`", lacks: [] },
  "WordPress kses + picture": { paste: "`X.embed.html`", lacks: [] },
  "Drupal Basic HTML + picture": { paste: "`X.embed.html`", lacks: [] },
  "Drupal Basic HTML": { paste: "`X.drupal.embed.html`", lacks: ["light in dark mode", "phone layout at 700px"] },
  "sanitize-html": { paste: "`X.embed.html`", lacks: ["phone layout at 700px"] },
  "sanitize-html + source attributes": { paste: "`X.embed.html`", lacks: [] },
  DOMPurify: { paste: "`X.embed.html`", lacks: [] },
};

/** Tall enough to hold every chart of a page: a lazy image below the viewport might never load. */
const HEIGHT = 4000;

const VIEWS = [
  { name: "phone", width: 360, scheme: "dark" },
  { name: "desktop", width: 700, scheme: "light" },
] as const;

function read(out: string, name: string): string {
  return readFileSync(join(out, name), "utf8");
}

/** A chart file a reader may be shown: which layout and theme, its width and its smallest text. */
interface FileFacts {
  variant: Variant;
  width: number;
  smallestText: number;
}

interface Graphic {
  tag: string;
  file: string;
  loaded: boolean;
  alt: string;
  x: number;
  y: number;
  w: number;
  h: number;
  /** Inline SVG only: its smallest text as rendered, in CSS px. */
  inlineText: number;
}

interface Seen {
  key: string;
  graphics: Graphic[];
  text: string;
  links: string[];
}

/** Every reader-visible graphic and the words and links of each paste's container. */
function look(page: Page): Promise<Seen[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>("div[data-paste]")).map((div) => {
      const graphics = Array.from(div.querySelectorAll<HTMLImageElement | SVGSVGElement>("img, svg"))
        .filter((e) => !(e.tagName.toLowerCase() === "svg" && e.parentElement?.closest("svg")))
        .map((e) => {
          const r = e.getBoundingClientRect();
          let inlineText = Infinity;
          if (e instanceof SVGSVGElement && e.viewBox.baseVal && e.viewBox.baseVal.width)
            for (const t of Array.from(e.querySelectorAll("text")))
              inlineText = Math.min(
                inlineText,
                (parseFloat(getComputedStyle(t).fontSize) * r.width) / e.viewBox.baseVal.width,
              );
          const img = e instanceof HTMLImageElement ? e : undefined;
          return {
            tag: e.tagName.toLowerCase(),
            file: img ? new URL(img.currentSrc || img.src, location.href).pathname : "",
            loaded: img ? img.complete && img.naturalWidth > 0 : true,
            alt: img?.alt ?? "",
            x: r.x,
            y: r.y,
            w: r.width,
            h: r.height,
            inlineText,
          };
        })
        .filter((g) => g.w > 1 && g.h > 1);
      return {
        key: div.dataset.paste!,
        graphics,
        text: div.innerText,
        links: Array.from(div.querySelectorAll("a[href]")).map((a) => new URL((a as HTMLAnchorElement).href).pathname),
      };
    }),
  );
}

/** Luminance of the pixels at these points of the viewport, from one screenshot of it. */
async function luminances(page: Page, points: { x: number; y: number }[]): Promise<number[]> {
  if (points.length === 0) return [];
  const png = await page.screenshot();
  const rgbs = await page.evaluate(
    async ([b64, at]) => {
      const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
      const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext("2d")!;
      ctx.drawImage(bitmap, 0, 0);
      return at.map((p) => Array.from(ctx.getImageData(Math.round(p.x), Math.round(p.y), 1, 1).data.slice(0, 3)));
    },
    [png.toString("base64"), points] as const,
  );
  return rgbs.map((rgb) => luminance(rgb as [number, number, number]));
}

describe.runIf(RUN_BROWSER_TESTS && RUN_PHP_SANITIZERS)("what a reader sees after each CMS's sanitizer", () => {
  let browser: Browser;
  let site: Site;
  let dir: string;
  let out: string;
  let charts: string[];
  let list: Sanitizer[];
  /** Sanitized HTML by sanitizer name, paste name and chart. */
  const cleaned = new Map<string, string>();
  const files = new Map<string, FileFacts>();
  /** What failed, by sanitizer and paste: the table's cells. */
  const failures = new Map<string, Set<string>>();
  const measured: string[] = [];

  beforeAll(async () => {
    const story = copyStory();
    dir = story.dir;
    out = story.out;
    await build({ data: story.data, out, baseUrl: BASE });
    const manifest = JSON.parse(read(out, "manifest.json")) as Manifest;
    charts = Object.keys(manifest.charts);
    for (const id of charts)
      for (const v of VARIANTS) {
        const doc = parseSvg(read(out, svgName(id, v)));
        const size = (t: Element) => {
          for (let e: Element | null = t; e; e = e.parentElement)
            if (e.hasAttribute("font-size")) return Number(e.getAttribute("font-size"));
          return Infinity;
        };
        const facts = {
          variant: v,
          width: Number(doc.documentElement.getAttribute("width")),
          smallestText: Math.min(...Array.from(doc.querySelectorAll("text")).map(size)),
        };
        files.set(`${BASE}${svgName(id, v)}`, facts);
        // A PNG is its SVG, drawn at twice the size: its text reads as the SVG's at the same width.
        if (v.theme === "light") files.set(`${BASE}${pngName(id, v)}`, facts);
      }
    // Drupal serves the story folder at "/", so the output is at BASE.
    list = sanitizers(dir);
    for (const s of list) {
      const keys = PASTES.flatMap((p) =>
        charts.map((id) => ({ key: `${s.name}|${p.name}|${id}`, html: p.paste(id, out) })),
      );
      const results = s.run(keys.map((k) => k.html));
      keys.forEach((k, i) => cleaned.set(k.key, results[i]));
    }
    [browser, site] = await Promise.all([launch(), serve({ output: out })]);
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("runs WordPress's own kses from Debian's package", () => {
    expect(wordpressVersion()).toMatch(/^\d+\.\d+/);
  });

  it("shows each sanitizer's result to a phone reader in dark mode and a desktop reader in light mode", async () => {
    const pages = await Promise.all(
      VIEWS.map(async (view) => {
        const page = await browser.newPage({ viewport: { width: view.width, height: HEIGHT } });
        await page.emulateMedia({ colorScheme: view.scheme });
        return page;
      }),
    );
    for (const [i, s] of list.entries())
      for (const [j, p] of PASTES.entries()) {
        const cell = new Set<string>();
        failures.set(`${s.name}|${p.name}`, cell);
        const fail = (what: string) => cell.add(what);
        const body = charts
          .map((id) => `<div data-paste="${id}">${cleaned.get(`${s.name}|${p.name}|${id}`)}</div>`)
          .join("\n<p>A paragraph of the story.</p>\n");
        const url = site.page(
          `cms-${i}-${j}.html`,
          `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Story</title></head><body>\n${body}\n</body></html>`,
        );
        // Both readers at once, each on a page of their own screen and colour scheme.
        await Promise.all(
          VIEWS.map(async (view, v) => {
            const page = pages[v];
            await page.goto(url);
            await page.waitForFunction(
              () =>
                Array.from(document.images)
                  .filter((i) => i.getBoundingClientRect().width > 1)
                  .every((i) => i.complete),
              undefined,
              { polling: 20 },
            );
            const seen = await look(page);
            if (process.env.SCREENSHOT_DIR)
              await page.screenshot({
                path: join(process.env.SCREENSHOT_DIR, `cms-${i}-${j}-${view.name}.png`),
                fullPage: true,
              });
            const shown = seen.map((one) => {
              const chart = one.graphics.filter((g) => (g.tag === "svg" ? true : g.loaded && files.has(g.file)));
              if (chart[0] && chart[0].y + chart[0].h > HEIGHT)
                throw new Error(`${one.key}: below the viewport, where a lazy image may not load`);
              return chart;
            });
            const dark =
              view.scheme === "dark"
                ? await luminances(
                    page,
                    shown.filter((c) => c[0]).map((c) => ({ x: c[0].x + 2, y: c[0].y + 2 })),
                  )
                : [];
            for (const [k, one] of seen.entries()) {
              const id = one.key;
              const chart = shown[k];
              const words = parseSvg(read(out, svgName(id, variant("desktop"))));
              if (chart.length === 0) {
                if (one.graphics.some((g) => g.alt === "Image removed.")) fail("no chart: “Image removed.”");
                else if (Array.from(words.querySelectorAll("text")).some((t) => one.text.includes(t.textContent!)))
                  fail("no chart: its words run on as text");
                else fail("no chart");
              } else if (chart.length > 1) fail("two charts at once");
              const g = chart[0];
              if (g) {
                const facts = g.tag === "svg" ? undefined : files.get(g.file)!;
                const pasted = p.name.includes("mobile") ? variant("mobile") : variant("desktop");
                const layout = facts?.variant ?? pasted;
                const text = facts ? (facts.smallestText * g.w) / facts.width : g.inlineText;
                measured.push(
                  `${s.name} ${p.name} ${id} ${view.name}: ${layout.name} ${Math.round(g.w)}px, text ${text.toFixed(1)}px`,
                );
                if (text < 11) fail("text under 11px");
                if (g.x + g.w > view.width + 0.5) fail("wider than the screen");
                if (view.scheme === "dark" && dark.shift()! > 0.2) fail("light in dark mode");
                if (view.name === "desktop" && layout.device !== "desktop") fail("phone layout at 700px");
              }
              if (p.embed) {
                const description = words.querySelector("desc")!.textContent!;
                if (!one.text.includes(description)) fail("caption lost");
                if (!one.links.includes(`${BASE}${csvName(id)}`)) fail("data link lost");
              }
            }
          }),
        );
      }
    await Promise.all(pages.map((p) => p.close()));
    console.log(`what readers see:\n${measured.join("\n")}`);
    // The advice holds: each CMS's recommended paste gives a legible chart, lacking only what is said.
    for (const [name, advice] of Object.entries(ADVICE))
      expect([...failures.get(`${name}|${advice.paste}`)!].sort(), name).toEqual(advice.lacks.sort());
  }, 300_000);

  it("is the README's table of sanitizer × paste, as measured", () => {
    const cell = (s: Sanitizer, p: (typeof PASTES)[number]) => {
      const f = [...failures.get(`${s.name}|${p.name}`)!].sort();
      const mark = f.length ? f.join("; ") : "✓";
      return ADVICE[s.name]?.paste === p.name ? `**${mark}**` : mark;
    };
    const table = [
      `| sanitizer | ${PASTES.map((p) => p.name).join(" | ")} |`,
      `| --- | ${PASTES.map(() => "---").join(" | ")} |`,
      ...list.map((s) => `| ${s.name}: ${s.who} | ${PASTES.map((p) => cell(s, p)).join(" | ")} |`),
    ].join("\n");
    const readme = readFileSync(join(ROOT, "README.md"), "utf8").replace(/\s+\|/g, " |").replace(/\|\s+/g, "| ");
    const flat = table.replace(/\s+\|/g, " |").replace(/\|\s+/g, "| ").replace(/-{3,}/g, "---");
    expect(
      readme.replace(/-{3,}/g, "---").includes(flat),
      `README.md must hold the measured table (Prettier may pad it):\n${table}`,
    ).toBe(true);
  });
});
