/**
 * The charts as readers get them: in real headless Chromium (Debian's, via playwright-core), inlined
 * into an article page under a typical article stylesheet, and embedded as <img>. Runs whenever
 * Chromium is installed; with CI set it always runs, and fails if Chromium is missing.
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { textWidth } from "../charts/measure.ts";
import { DEVICES } from "../charts/style.ts";
import { build } from "../pipeline/build.ts";
import type { Manifest } from "../pipeline/publish/manifest.ts";
import { VARIANTS } from "../pipeline/words/output-names.ts";
import { comparePngs, launch, pngSize, RUN_BROWSER_TESTS, serve, type Site } from "./browser-harness.ts";
import { contrast } from "./browser-colour.ts";
import { stressStory, updatedStory } from "./browser-stories.ts";
import { copyStory } from "./helpers/story.ts";

/** What a news site's article stylesheet typically does to everything inside the article body. */
const ARTICLE_CSS = `
  html { font-size: 112.5%; }
  body { margin: 0; font: 18px/1.5 Georgia, "Times New Roman", serif; color: #333; background: #fff; letter-spacing: 0.01em; word-spacing: 0.05em; }
  article { max-width: 680px; margin: 0 auto; padding: 0 16px; }
  figure { margin: 1.5em 0; font-style: italic; font-weight: 300; }
  figcaption { font-size: 14px; color: #666; }
  h1 { font-size: 36px; line-height: 1.25; margin: 24px 0; }
  img, svg { max-width: 100%; height: auto; }
  a { color: #0645ad; }
`;

interface ChartFile {
  build: Build;
  chart: string;
  kind: string;
  variant: string;
  device: "desktop" | "mobile";
  theme: "light" | "dark";
  file: string;
  width: number;
  height: number;
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

interface TextInfo extends Box {
  text: string;
  fontSize: number;
  bold: boolean;
  italic: boolean;
  fill: string;
  /** Fill of the shape painted beneath the text's centre, and whether the text lies wholly on it. */
  background: string;
  onBackground: boolean;
  /** Each line as set (a <text>, or each <tspan> of a multi-line label) and its advance width in Chromium, in user units. */
  lines: { text: string; advance: number }[];
}

interface ShapeInfo extends Box {
  tag: string;
  fill: string;
  /** A data mark (a bar), as opposed to the frame's background or a span label's band. */
  bar: boolean;
}

interface Drawn {
  key: string;
  box: Box;
  viewBox: { w: number; h: number };
  texts: TextInfo[];
  shapes: ShapeInfo[];
}

const SHOW_IT = (file: ChartFile) => `${file.build}/${file.file}`;

let browser: Browser;
let site: Site;
/**
 * a: the story; b: a changed story, built separately, inlined in a right-to-left section; c: the
 * stress story; d: the second fixture story (riots), which uses every chart kind.
 */
type Build = "a" | "b" | "c" | "d";
const outs = {} as Record<Build, string>;
const scratchDirs: string[] = [];
let files: ChartFile[];
let page: Page;
const timings: Record<string, number> = {};

function chartFiles(out: string, build: Build): ChartFile[] {
  const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as Manifest;
  return Object.entries(manifest.charts).flatMap(([chart, record]) =>
    VARIANTS.map((v) => ({
      build,
      chart,
      kind: record.kind,
      variant: v.name,
      device: v.device,
      theme: v.theme,
      file: `${chart}${v.suffix}.svg`,
      width: record.variants[v.name].width,
      height: record.variants[v.name].height,
    })),
  );
}

function svgText(file: ChartFile): string {
  return readFileSync(join(outs[file.build], file.file), "utf8");
}

/** An article that inlines every chart file, the second build's in a right-to-left section. */
function articlePage(list: ChartFile[]): string {
  const figure = (f: ChartFile) =>
    `<figure data-key="${SHOW_IT(f)}">${svgText(f)}<figcaption>${f.file}</figcaption></figure>`;
  const a = list
    .filter((f) => f.build !== "b")
    .map(figure)
    .join("\n<p>Paragraph between the charts, as in a story.</p>\n");
  const b = list
    .filter((f) => f.build === "b")
    .map(figure)
    .join("\n");
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<style>${ARTICLE_CSS}</style></head><body><article><h1>Protest story</h1><p>Lede paragraph of the story.</p>
${a}
<section dir="rtl" lang="ur"><p>اسی کہانی کا دوسرا ورژن</p>
${b}
</section></article></body></html>`;
}

/** Each file as an <img> at its own size, on a bare page: the chart with nothing around it. */
function imagesPage(list: ChartFile[]): string {
  const imgs = list.map(
    (f) =>
      `<div style="margin:0 0 10px"><img data-key="${SHOW_IT(f)}" src="/${f.build}/${f.file}" width="${f.width}" height="${f.height}" alt="" style="display:block"></div>`,
  );
  return `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0">${imgs.join("\n")}</body></html>`;
}

/** Geometry of every inlined chart, in SVG user units relative to the chart's own origin. */
function measureInline(p: Page): Promise<Drawn[]> {
  return p.evaluate(() => {
    const unit = (r: DOMRect, o: DOMRect, k: number) => ({
      x: (r.x - o.x) / k,
      y: (r.y - o.y) / k,
      w: r.width / k,
      h: r.height / k,
    });
    return Array.from(document.querySelectorAll<HTMLElement>("figure[data-key]")).map((fig) => {
      const svg = fig.querySelector("svg")!;
      const o = svg.getBoundingClientRect();
      const vb = svg.viewBox.baseVal;
      const k = o.width / vb.width;
      const shapes = Array.from(svg.querySelectorAll<SVGGraphicsElement>("rect, line, path, circle, polygon")).map(
        (s) => ({
          el: s,
          info: {
            tag: s.tagName,
            fill: getComputedStyle(s).fill,
            bar: s.parentElement?.getAttribute("aria-label") === "rect",
            ...unit(s.getBoundingClientRect(), o, k),
          },
        }),
      );
      const texts = Array.from(svg.querySelectorAll<SVGTextElement>("text")).map((t) => {
        const box = unit(t.getBoundingClientRect(), o, k);
        const cx = box.x + box.w / 2;
        const cy = box.y + box.h / 2;
        const beneath = shapes
          .filter(
            ({ el, info }) =>
              el.tagName === "rect" &&
              info.fill !== "none" &&
              el.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING,
          )
          .filter(({ info: s }) => cx >= s.x && cx <= s.x + s.w && cy >= s.y && cy <= s.y + s.h)
          .pop();
        const style = getComputedStyle(t);
        const on = beneath?.info;
        return {
          text: t.textContent ?? "",
          ...box,
          fontSize: parseFloat(style.fontSize),
          bold: Number(style.fontWeight) >= 600,
          italic: style.fontStyle !== "normal",
          fill: style.fill,
          background: on?.fill ?? "none",
          onBackground: Boolean(
            on &&
            box.x >= on.x - 0.5 &&
            box.y >= on.y - 0.5 &&
            box.x + box.w <= on.x + on.w + 0.5 &&
            box.y + box.h <= on.y + on.h + 0.5,
          ),
          lines: (t.querySelector("tspan") ? Array.from(t.querySelectorAll("tspan")) : [t]).map((l) => ({
            text: l.textContent ?? "",
            advance: l.getComputedTextLength(),
          })),
        };
      });
      return {
        key: fig.dataset.key!,
        box: { x: o.x, y: o.y, w: o.width, h: o.height },
        viewBox: { w: vb.width, h: vb.height },
        texts,
        shapes: shapes.map((s) => s.info),
      };
    });
  });
}

function intersect(a: Box, b: Box, tolerance = 0.5): boolean {
  return (
    a.x + tolerance < b.x + b.w &&
    b.x + tolerance < a.x + a.w &&
    a.y + tolerance < b.y + b.h &&
    b.y + tolerance < a.y + a.h
  );
}

describe.runIf(RUN_BROWSER_TESTS)("charts in headless Chromium", () => {
  let drawn: Drawn[];
  const byKey = (key: string) => files.find((f) => SHOW_IT(f) === key)!;

  beforeAll(async () => {
    let t = performance.now();
    const stories = { a: copyStory(), b: copyStory(), c: copyStory(), d: copyStory("riots") };
    updatedStory(stories.b.data);
    stressStory(stories.c.data);
    for (const name of ["a", "b", "c", "d"] as const) outs[name] = stories[name].out;
    scratchDirs.push(...Object.values(stories).map((s) => s.dir));
    await Promise.all(Object.values(stories).map((s) => build({ data: s.data, out: s.out })));
    // Build c leaves some charts exactly as in a: the same graphic, ids and all. A page inlines a
    // graphic once, so those files are left out.
    files = (["a", "b", "c", "d"] as const).flatMap((name) => chartFiles(outs[name], name));
    const inA = (f: ChartFile) => files.find((g) => g.build === "a" && g.file === f.file);
    files = files.filter((f) => f.build !== "c" || !inA(f) || svgText(f) !== svgText(inA(f)!));
    timings.build = performance.now() - t;
    t = performance.now();
    [browser, site] = await Promise.all([launch(), serve(outs)]);
    timings.launch = performance.now() - t;
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(site.page("article.html", articlePage(files)));
    drawn = await measureInline(page);
    if (process.env.SCREENSHOT_DIR)
      await page.screenshot({ path: join(process.env.SCREENSHOT_DIR, "article-1280.png"), fullPage: true });
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
    console.log(
      `browser test timings (ms): ${JSON.stringify(Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v)])))}`,
    );
  });

  it("lays out text with the font the widths were measured for, never wider than measured", async () => {
    const session = await page.context().newCDPSession(page);
    await session.send("DOM.enable");
    await session.send("CSS.enable");
    const { root } = await session.send("DOM.getDocument", { depth: -1 });
    const { nodeIds } = await session.send("DOM.querySelectorAll", { nodeId: root.nodeId, selector: "svg text" });
    const families = new Set<string>();
    for (const nodeId of nodeIds) {
      const { fonts } = await session.send("CSS.getPlatformFontsForNode", { nodeId });
      for (const f of fonts) families.add(f.familyName);
    }
    // Liberation Sans (fonts-liberation) has Helvetica/Arial widths; anything else breaks the layout.
    expect([...families]).toEqual(["Liberation Sans"]);
    // The layout wraps and places text by charts/measure.ts's estimate: Chromium must never set it wider.
    const wider = drawn.flatMap((d) =>
      d.texts.flatMap((t) =>
        t.lines
          .filter((l) => l.advance > textWidth(l.text, t.fontSize, t.bold) + 0.01)
          .map((l) => `${d.key}: "${l.text}" is ${l.advance.toFixed(1)} wide`),
      ),
    );
    expect(wider).toEqual([]);
  });

  it("renders every graphic, inline and as an <img>", async () => {
    expect(drawn).toHaveLength(files.length);
    expect(files.length).toBeGreaterThanOrEqual((3 + 3 + 3) * 4);
    for (const d of drawn) {
      const f = byKey(d.key);
      expect([d.box.w, d.box.h], d.key).toEqual([f.width, f.height]);
      expect(d.texts.length, d.key).toBeGreaterThan(3);
    }
    const images = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await images.goto(site.page("images.html", imagesPage(files)));
    await images.waitForFunction(() => Array.from(document.images).every((i) => i.complete));
    const loaded = await images.$$eval("img", (imgs) =>
      imgs.map((img) => {
        const canvas = document.createElement("canvas");
        canvas.width = img.naturalWidth;
        canvas.height = img.naturalHeight;
        const ctx = canvas.getContext("2d")!;
        ctx.drawImage(img, 0, 0);
        const data = img.naturalWidth
          ? ctx.getImageData(0, 0, canvas.width, canvas.height).data
          : new Uint8ClampedArray();
        let ink = 0;
        for (let i = 0; i < data.length; i += 4)
          if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) ink++;
        return {
          key: img.dataset.key!,
          w: img.naturalWidth,
          h: img.naturalHeight,
          ink: ink / Math.max(1, data.length / 4),
        };
      }),
    );
    for (const img of loaded) {
      const f = byKey(img.key);
      expect([img.w, img.h], img.key).toEqual([f.width, f.height]);
      // Something is drawn: title, bars and text cover a good part of the frame.
      expect(img.ink, img.key).toBeGreaterThan(0.03);
    }
    await images.close();
  });

  it("looks the same inline under an article stylesheet as on its own, and the same again with <style>, class and style stripped", async () => {
    const t = performance.now();
    const images = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await images.goto(site.page("images.html", imagesPage(files)));
    await images.waitForFunction(() => Array.from(document.images).every((i) => i.complete));
    const inline = new Map<string, Buffer>();
    for (const f of files)
      inline.set(SHOW_IT(f), await page.locator(`figure[data-key="${SHOW_IT(f)}"] > svg`).screenshot());
    const stripped = await page.evaluate(() => {
      let n = 0;
      for (const s of Array.from(document.querySelectorAll("svg style"))) {
        s.remove();
        n++;
      }
      for (const e of Array.from(document.querySelectorAll("svg [class], svg[class], svg [style], svg[style]"))) {
        e.removeAttribute("class");
        e.removeAttribute("style");
        n++;
      }
      return n;
    });
    const slanted = await slantedBoxes(page);
    const failures: string[] = [];
    for (const f of files) {
      const key = SHOW_IT(f);
      const alone = await images.locator(`img[data-key="${key}"]`).screenshot();
      const before = inline.get(key)!;
      const after = await page.locator(`figure[data-key="${key}"] > svg`).screenshot();
      const vsImage = await comparePngs(images, before, alone, slanted[key]);
      const vsStripped = await comparePngs(images, before, after);
      if (vsImage.differing > 0)
        failures.push(
          `${key}: inline differs from the file on its own in ${vsImage.differing} pixels (max ${vsImage.maxDelta}) ${vsImage.note}`,
        );
      if (vsStripped.differing > 0)
        failures.push(`${key}: stripping ${stripped} style/class items changed ${vsStripped.differing} pixels`);
    }
    await images.close();
    timings.pixels = performance.now() - t;
    expect(failures).toEqual([]);
  }, 240_000);

  it("turns each light file, shown as an <img> to a reader in dark mode, into its dark twin, pixel for pixel", async () => {
    const t = performance.now();
    const lights = files.filter((f) => f.theme === "light");
    const twin = (f: ChartFile) =>
      files.find((g) => g.build === f.build && g.chart === f.chart && g.device === f.device && g.theme === "dark")!;
    const images = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await images.emulateMedia({ colorScheme: "dark" });
    await images.goto(site.page("images-dark.html", imagesPage([...lights, ...lights.map(twin)])));
    await images.waitForFunction(() => Array.from(document.images).every((i) => i.complete));
    // The page's inline figures have the same geometry as both files (the previous test may have
    // stripped their styles, which moves nothing).
    const slanted = await slantedBoxes(page);
    const failures: string[] = [];
    for (const f of lights) {
      const [light, dark] = await Promise.all(
        [f, twin(f)].map((g) => images.locator(`img[data-key="${SHOW_IT(g)}"]`).screenshot()),
      );
      const diff = await comparePngs(images, light, dark, slanted[SHOW_IT(f)]);
      if (diff.differing > 0)
        failures.push(
          `${SHOW_IT(f)} in dark mode differs from ${twin(f).file} in ${diff.differing} pixels ${diff.note}`,
        );
    }
    // And in light mode it is itself: the light colours are its presentation attributes.
    await images.emulateMedia({ colorScheme: "light" });
    const [f] = lights;
    const [lightInLight, darkInLight] = await Promise.all(
      [f, twin(f)].map((g) => images.locator(`img[data-key="${SHOW_IT(g)}"]`).screenshot()),
    );
    expect((await comparePngs(images, lightInLight, darkInLight)).differing).toBeGreaterThan(1000);
    await images.close();
    timings.darkImages = performance.now() - t;
    expect(lights.length).toBeGreaterThanOrEqual(18);
    expect(failures).toEqual([]);
  });

  it("keeps every text inside its frame, and every mark inside the viewBox", () => {
    const failures: string[] = [];
    for (const d of drawn) {
      const pad = DEVICES[byKey(d.key).device].pad;
      for (const t of d.texts) {
        const inside =
          t.x >= pad - 1 && t.x + t.w <= d.viewBox.w - pad + 1 && t.y >= pad / 2 && t.y + t.h <= d.viewBox.h - pad / 2;
        if (!inside)
          failures.push(
            `${d.key}: "${t.text}" at x ${t.x.toFixed(1)}–${(t.x + t.w).toFixed(1)}, y ${t.y.toFixed(1)}–${(t.y + t.h).toFixed(1)} of ${d.viewBox.w}×${d.viewBox.h}`,
          );
      }
      for (const s of d.shapes) {
        if (s.x < -0.01 || s.y < -0.01 || s.x + s.w > d.viewBox.w + 0.01 || s.y + s.h > d.viewBox.h + 0.01)
          failures.push(`${d.key}: <${s.tag}> leaves the viewBox`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("lets no two labels overlap, and sets no label across a mark", () => {
    const failures: string[] = [];
    for (const d of drawn) {
      d.texts.forEach((a, i) => {
        for (const b of d.texts.slice(i + 1))
          if (intersect(a, b)) failures.push(`${d.key}: "${a.text}" overlaps "${b.text}"`);
        // A label either sits wholly on a shape (the span's label) or clear of every bar and line.
        for (const s of d.shapes.filter((s) => s.bar || s.tag === "line")) {
          const within =
            a.x >= s.x - 0.5 && a.x + a.w <= s.x + s.w + 0.5 && a.y >= s.y - 0.5 && a.y + a.h <= s.y + s.h + 0.5;
          if (intersect(a, s) && !within) failures.push(`${d.key}: "${a.text}" runs into a <${s.tag}>`);
        }
      });
    }
    expect(failures).toEqual([]);
  });

  it("labels every bar directly: its category above it and its value beside it", () => {
    const failures: string[] = [];
    let bars = 0;
    for (const d of drawn.filter((d) => byKey(d.key).kind === "bars")) {
      for (const bar of d.shapes.filter((s) => s.bar)) {
        bars++;
        const above = d.texts.find((t) => t.y + t.h <= bar.y + 0.5 && bar.y - (t.y + t.h) < 8 && t.x <= bar.x + 1);
        const mid = bar.y + bar.h / 2;
        const beside = d.texts.find(
          (t) => t.x >= bar.x + bar.w && t.x - (bar.x + bar.w) < 40 && Math.abs(t.y + t.h / 2 - mid) < 3,
        );
        if (!above || !beside)
          failures.push(
            `${d.key}: a bar at y ${bar.y.toFixed(0)} lacks ${above ? "" : "a category label"}${!above && !beside ? " and " : ""}${beside ? "" : "a value label"}`,
          );
      }
    }
    // Each bar chart of the story compares two figures.
    expect(bars).toBe(files.filter((f) => f.kind === "bars").length * 2);
    expect(failures).toEqual([]);
  });

  it("gives every chart its own ids, across separate builds too, and points each chart's aria-labelledby at its own title and desc", async () => {
    const ids = await page.evaluate(() => {
      const owners = new Map<string, { key: string }[]>();
      for (const fig of Array.from(document.querySelectorAll<HTMLElement>("figure[data-key]"))) {
        const svg = fig.querySelector("svg")!;
        for (const e of [svg, ...Array.from(svg.querySelectorAll("[id]"))]) {
          if (!e.id) continue;
          owners.set(e.id, [...(owners.get(e.id) ?? []), { key: fig.dataset.key! }]);
        }
      }
      const charts = Array.from(document.querySelectorAll("figure[data-key] > svg")).map((svg) => ({
        role: svg.getAttribute("role"),
        first: Array.from(svg.children)
          .slice(0, 2)
          .map((c) => c.tagName),
        labelled: (svg.getAttribute("aria-labelledby") ?? "").split(/\s+/).map((id) => {
          const target = document.getElementById(id);
          return target && svg.contains(target) ? target.tagName : "elsewhere";
        }),
      }));
      return { owners: [...owners].map(([id, list]) => ({ id, keys: list.map((o) => o.key) })), charts };
    });
    expect(ids.owners.filter((o) => o.keys.length > 1)).toEqual([]);
    // Build b changed every chart but kept the chart ids: it shares no id with build a.
    const inBuild = (b: string) =>
      new Set(ids.owners.filter((o) => o.keys.some((k) => k.startsWith(`${b}/`))).map((o) => o.id));
    const a = inBuild("a");
    expect(a.size).toBeGreaterThanOrEqual(files.filter((f) => f.build === "a").length * 2);
    expect([...inBuild("b")].filter((id) => a.has(id))).toEqual([]);
    for (const c of ids.charts)
      expect(c).toEqual({ role: "img", first: ["title", "desc"], labelled: ["title", "desc"] });
  });

  it("meets WCAG AA contrast for every text against what is painted beneath it, in both themes", () => {
    const failures: string[] = [];
    const lowest: Record<string, number> = {};
    for (const d of drawn) {
      const theme = byKey(d.key).theme;
      for (const t of d.texts) {
        if (!t.onBackground) {
          failures.push(`${d.key}: "${t.text}" straddles the edge of the shape beneath it`);
          continue;
        }
        const ratio = contrast(t.fill, t.background);
        lowest[theme] = Math.min(lowest[theme] ?? Infinity, ratio);
        if (ratio < 4.5) failures.push(`${d.key}: "${t.text}" ${t.fill} on ${t.background} is ${ratio.toFixed(2)}:1`);
      }
    }
    console.log(
      `lowest text contrast: ${JSON.stringify(Object.fromEntries(Object.entries(lowest).map(([k, v]) => [k, Number(v.toFixed(2))])))}`,
    );
    expect(failures).toEqual([]);
    expect(Object.keys(lowest).sort()).toEqual(["dark", "light"]);
  });

  it("sets no text in the inherited page font, italic or weight", () => {
    const failures = drawn.flatMap((d) =>
      d.texts.filter((t) => t.italic).map((t) => `${d.key}: "${t.text}" is italic`),
    );
    expect(failures).toEqual([]);
  });

  it("keeps mobile text at least 11px at 320px wide, the narrowest width it is laid out for", async () => {
    // Viewport 352 leaves the article column (16px padding each side) exactly 320px wide.
    await page.setViewportSize({ width: 352, height: 800 });
    const narrow = await measureInline(page);
    if (process.env.SCREENSHOT_DIR)
      await page.screenshot({ path: join(process.env.SCREENSHOT_DIR, "article-352.png"), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    let smallest = Infinity;
    for (const d of narrow.filter((d) => byKey(d.key).device === "mobile")) {
      expect(d.box.w, d.key).toBe(320);
      const scale = d.box.w / d.viewBox.w;
      for (const t of d.texts) smallest = Math.min(smallest, t.fontSize * scale);
    }
    // At its intended width (the file's own width) every mobile text is bigger still.
    const intended = Math.min(
      ...drawn.filter((d) => byKey(d.key).device === "mobile").flatMap((d) => d.texts.map((t) => t.fontSize)),
    );
    console.log(`smallest mobile text: ${intended}px at its own width, ${smallest.toFixed(2)}px at 320px`);
    expect(smallest).toBeGreaterThanOrEqual(11);
    expect(intended).toBeGreaterThanOrEqual(11);
  });

  it("embeds with a <picture> that picks the layout by width and the theme by colour scheme, text never under 11px", async () => {
    const t = performance.now();
    const charts = [...new Set(files.filter((f) => f.build === "a").map((f) => f.chart))];
    const embeds = charts.map((c) => readFileSync(join(outs.a, `${c}.embed.html`), "utf8"));
    const url = site.page(
      "embeds.html",
      `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<base href="/a/"><style>${ARTICLE_CSS}</style></head><body><article><h1>Story</h1><p>Lede.</p>${embeds.join("<p>Paragraph.</p>")}</article></body></html>`,
    );
    const smallestText = new Map(drawn.map((d) => [d.key, Math.min(...d.texts.map((x) => x.fontSize))]));
    const seen: string[] = [];
    const failures: string[] = [];
    // A fresh page per reader's device: the <picture> chooses once, as it does for a reader.
    const embedPage = await browser.newPage();
    for (const scheme of ["light", "dark"] as const)
      for (const width of [360, 414, 599, 600, 768, 1280]) {
        // Set the reader's screen first, then load: the <picture> chooses as it does for a reader.
        await embedPage.emulateMedia({ colorScheme: scheme });
        await embedPage.setViewportSize({ width, height: 900 });
        await embedPage.goto(url);
        await embedPage.waitForFunction(
          () => Array.from(document.images).every((i) => i.complete && i.naturalWidth > 0 && i.currentSrc),
          undefined,
          { polling: 20 },
        );
        const shown = await embedPage.$$eval("picture img", (imgs) =>
          (imgs as HTMLImageElement[]).map((i) => ({
            src: new URL(i.currentSrc).pathname.split("/").pop()!,
            width: i.getBoundingClientRect().width,
          })),
        );
        shown.forEach(({ src, width: shownWidth }, i) => {
          const file = files.find((f) => f.build === "a" && f.file === src);
          if (!file || file.chart !== charts[i])
            return void failures.push(`${width}px ${scheme}: ${charts[i]} shows ${src}`);
          seen.push(`${width} ${scheme} ${src}`);
          if (file.theme !== scheme) failures.push(`${width}px ${scheme}: ${charts[i]} shows the ${file.theme} ${src}`);
          if (width <= 414 && file.device !== "mobile") failures.push(`${width}px: a phone gets ${src}`);
          if (width >= 1024 && file.device !== "desktop") failures.push(`${width}px: a desktop gets ${src}`);
          const px = (smallestText.get(`a/${src}`)! * shownWidth) / file.width;
          if (px < 11)
            failures.push(
              `${width}px ${scheme}: ${src} is shown ${shownWidth}px wide, its smallest text ${px.toFixed(1)}px`,
            );
          if (shownWidth / file.width > 1.75)
            failures.push(`${width}px ${scheme}: ${src} is blown up ${(shownWidth / file.width).toFixed(2)}×`);
        });
      }
    await embedPage.close();
    seen.sort((p, q) => parseInt(p) - parseInt(q));
    console.log(
      `embed picks: ${[...new Set(seen.map((s) => s.replace(/^(\d+) (\w+) [a-z-]+?(-mobile)?(-dark)?\.svg$/, "$1 $2 $3$4")))].join(", ")}`,
    );
    timings.embed = performance.now() - t;
    expect(failures).toEqual([]);
  });

  it("gives each embed data-generated alt text and a working link to the chart's data", async () => {
    const p = await browser.newPage();
    for (const chart of [...new Set(files.filter((f) => f.build === "a").map((f) => f.chart))]) {
      await p.goto(
        site.page(
          `embed-${chart}.html`,
          `<!DOCTYPE html><html><head><meta charset="utf-8"><base href="/a/"></head><body>${readFileSync(join(outs.a, `${chart}.embed.html`), "utf8")}</body></html>`,
        ),
      );
      const found = await p.evaluate(async () => {
        const img = document.querySelector("picture img") as HTMLImageElement;
        const link = document.querySelector("a[href$='.csv']") as HTMLAnchorElement;
        const csv = await fetch(link.href);
        return {
          alt: img.alt,
          text: link.textContent,
          status: csv.status,
          type: csv.headers.get("content-type"),
          body: await csv.text(),
        };
      });
      const svg = readFileSync(join(outs.a, `${chart}.svg`), "utf8");
      const desc = /<desc[^>]*>([^<]*)<\/desc>/
        .exec(svg)![1]
        .replace(/&amp;/g, "&")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&quot;/g, '"')
        .replace(/&#39;|&apos;/g, "'");
      expect(found.alt, chart).toBe(desc);
      expect(found.status).toBe(200);
      expect(found.text).toMatch(/data/i);
      const [header, ...rows] = found.body.trim().split("\n");
      expect(header.split(",")).toContain("shown_as");
      // The alt text states every figure the data file lists, as shown; a map of where lists none.
      const manifest = JSON.parse(readFileSync(join(outs.a, "manifest.json"), "utf8")) as Manifest;
      if (manifest.charts[chart].kind !== "locator") expect(rows.length).toBeGreaterThan(0);
      for (const id of manifest.charts[chart].figures) expect(found.body, `${chart}.csv lists ${id}`).toContain(id);
    }
    await p.close();
  });

  it("shows the gallery without sideways scrolling at desktop and phone widths, every variant at its own size where it fits", async () => {
    const t = performance.now();
    const failures: string[] = [];
    const g = await browser.newPage();
    for (const width of [1280, 375]) {
      await g.setViewportSize({ width, height: 900 });
      await g.goto(`${site.url}/a/index.html`);
      await g.waitForFunction(() => Array.from(document.images).every((i) => i.complete));
      const layout = await g.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        images: Array.from(document.querySelectorAll<HTMLImageElement>(".variant img")).map((i) => ({
          src: i.getAttribute("src")!,
          natural: i.naturalWidth,
          shown: i.getBoundingClientRect().width,
          right: i.getBoundingClientRect().right,
        })),
        textareas: Array.from(document.querySelectorAll("textarea")).map((a) => a.getBoundingClientRect().right),
      }));
      if (layout.scrollWidth > width)
        failures.push(`${width}px: the page scrolls sideways (${layout.scrollWidth}px wide)`);
      const expected = files
        .filter((f) => f.build === "a")
        .map((f) => f.file)
        .sort();
      expect(layout.images.map((i) => i.src).sort()).toEqual(expected);
      for (const img of layout.images) {
        const f = files.find((x) => x.build === "a" && x.file === img.src)!;
        if (img.natural !== f.width) failures.push(`${width}px: ${img.src} did not load`);
        if (img.right > width) failures.push(`${width}px: ${img.src} runs off the screen`);
        // Desktop screens show every variant at its own size; a phone shows the mobile ones at theirs.
        if ((width >= 1280 || f.device === "mobile") && Math.abs(img.shown - f.width) > 0.5)
          failures.push(`${width}px: ${img.src} shown ${img.shown}px wide, not its own ${f.width}px`);
      }
      for (const right of layout.textareas)
        if (right > width) failures.push(`${width}px: embed code runs off the screen`);
      if (process.env.SCREENSHOT_DIR)
        await g.screenshot({ path: join(process.env.SCREENSHOT_DIR, `gallery-${width}.png`), fullPage: true });
    }
    await g.close();
    timings.gallery = performance.now() - t;
    expect(failures).toEqual([]);
  });

  it("ships a 2× PNG of the desktop chart with its text drawn", async () => {
    const t = performance.now();
    const failures: string[] = [];
    const checker = await browser.newPage();
    await checker.goto(site.page("blank.html", "<!DOCTYPE html><title>blank</title>"));
    for (const d of drawn.filter((d) => d.key.startsWith("a/") && byKey(d.key).variant === "desktop")) {
      const f = byKey(d.key);
      const png = readFileSync(join(outs.a, `${f.chart}.png`));
      const size = pngSize(png);
      expect(size.width, f.chart).toBe(2 * f.width);
      expect(size.width).toBeGreaterThanOrEqual(1200);
      // Every line of text leaves ink in the PNG where Chromium sets it: resvg found a real font.
      const ink = await checker.evaluate(
        async ([src, boxes]) => {
          const img = new Image();
          img.src = src;
          await img.decode();
          const canvas = new OffscreenCanvas(img.naturalWidth, img.naturalHeight);
          const ctx = canvas.getContext("2d")!;
          ctx.drawImage(img, 0, 0);
          return boxes.map((b) => {
            const x = Math.max(0, Math.floor(b.x * 2));
            const y = Math.max(0, Math.floor(b.y * 2));
            const data = ctx.getImageData(x, y, Math.max(1, Math.ceil(b.w * 2)), Math.max(1, Math.ceil(b.h * 2))).data;
            const counts = new Map<number, number>();
            for (let i = 0; i < data.length; i += 4)
              counts.set(
                (data[i] << 16) | (data[i + 1] << 8) | data[i + 2],
                (counts.get((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]) ?? 0) + 1,
              );
            const background = [...counts].sort((p, q) => q[1] - p[1])[0][0];
            const [br, bg, bb] = [background >> 16, (background >> 8) & 255, background & 255];
            let inked = 0;
            for (let i = 0; i < data.length; i += 4)
              if (Math.abs(data[i] - br) + Math.abs(data[i + 1] - bg) + Math.abs(data[i + 2] - bb) > 96) inked++;
            return inked / (data.length / 4);
          });
        },
        [`data:image/png;base64,${png.toString("base64")}`, d.texts.map(({ x, y, w, h }) => ({ x, y, w, h }))] as const,
      );
      ink.forEach((share, i) => {
        if (share < 0.04)
          failures.push(
            `${f.chart}.png: no text drawn where "${d.texts[i].text}" belongs (${(share * 100).toFixed(1)}% ink)`,
          );
      });
    }
    await checker.close();
    timings.png = performance.now() - t;
    expect(failures).toEqual([]);
  });
});

// A line chart's slanted strokes and round dots are anti-aliased by where on the page they fall, so
// comparisons of one drawing placed twice leave them out (their attributes are checked apart).
// Boxes are relative to each inline figure's <svg>, keyed by the figure's data-key.
async function slantedBoxes(page: Page): Promise<Record<string, Box[]>> {
  return page.evaluate(() =>
    Object.fromEntries(
      Array.from(document.querySelectorAll<HTMLElement>("figure[data-key]")).map((fig) => {
        const o = fig.querySelector("svg")!.getBoundingClientRect();
        const boxes = Array.from(
          // A map's coastlines and borders: Chromium antialiases long curved paths a pixel or two apart
          // inline and as an image, so the map's area is left out here (tests/locator.test.ts
          // checks what is drawn on it).
          fig.querySelectorAll(
            'svg g[aria-label="link"] path, svg g[aria-label="dot"] circle, svg g[aria-label="basemap"] path, svg g[aria-label="inset"] path',
          ),
        ).map((p) => {
          const r = p.getBoundingClientRect();
          return { x: r.x - o.x - 3, y: r.y - o.y - 3, w: r.width + 6, h: r.height + 6 };
        });
        return [fig.dataset.key!, boxes];
      }),
    ),
  );
}
