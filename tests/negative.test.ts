/**
 * Negative measures ("−25 degrees", allowed for a measure, never a count) drawn from a zero line
 * with room for both signs: bars run left of zero, columns hang below it, a line dips under it,
 * each value labelled where it can be read, every mark and text inside the frame, in every variant.
 * What a kind cannot draw honestly is refused at the chart's line.
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEVICES } from "../charts/style.ts";
import { build } from "../pipeline/build.ts";
import { svgName, VARIANTS } from "../pipeline/words/output-names.ts";
import { launch, RUN_BROWSER_TESTS } from "./browser-harness.ts";
import { chartOf, problemsOf, rowOf } from "./helpers/problems.ts";
import { append, copyStory, edit } from "./helpers/story.ts";
import { parseSvg, visibleText } from "./helpers/svg.ts";

const CHARTS = ["coldest-places", "below-zero", "oslo-nights", "oslo-line"] as const;
const VALUES: Record<(typeof CHARTS)[number], string[]> = {
  "coldest-places": ["−25 degrees", "−12 degrees", "3 degrees"],
  "below-zero": ["−25 degrees", "−12 degrees"],
  "oslo-nights": ["−3", "−8", "−12", "2"],
  "oslo-line": ["−3 degrees", "−8 degrees", "−12 degrees", "2 degrees"],
};

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Where an element stands in the SVG's own coordinates: its attributes moved by every translate above it. */
function place(el: Element): Box {
  let dx = 0;
  let dy = 0;
  for (let e: Element | null = el; e && e.tagName !== "svg"; e = e.parentElement) {
    const t = /translate\(\s*([-\d.e]+)[ ,]+([-\d.e]+)\s*\)/.exec(e.getAttribute("transform") ?? "");
    if (t && e !== el) {
      dx += Number(t[1]);
      dy += Number(t[2]);
    }
  }
  const n = (name: string) => Number(el.getAttribute(name) ?? 0);
  if (el.tagName === "rect") return { x: n("x") + dx, y: n("y") + dy, w: n("width"), h: n("height") };
  if (el.tagName === "circle") {
    const t = /translate\(\s*([-\d.e]+)[ ,]+([-\d.e]+)\s*\)/.exec(el.getAttribute("transform") ?? "");
    const [cx, cy] = t ? [Number(t[1]), Number(t[2])] : [n("cx"), n("cy")];
    return { x: cx + dx - n("r"), y: cy + dy - n("r"), w: 2 * n("r"), h: 2 * n("r") };
  }
  const [x1, x2, y1, y2] = [n("x1"), n("x2"), n("y1"), n("y2")];
  return { x: Math.min(x1, x2) + dx, y: Math.min(y1, y2) + dy, w: Math.abs(x2 - x1), h: Math.abs(y2 - y1) };
}

describe("negative measures", () => {
  const story = copyStory("cold-snap");
  const svgOf = (id: string, variant: (typeof VARIANTS)[number]) =>
    readFileSync(join(story.out, svgName(id, variant)), "utf8");
  beforeAll(async () => {
    await build({ data: story.data, out: story.out });
  });
  afterAll(() => rmSync(story.dir, { recursive: true, force: true }));

  it("keep every bar, column, point and rule inside the frame, in every variant", () => {
    const failures: string[] = [];
    for (const id of CHARTS)
      for (const variant of VARIANTS) {
        const doc = parseSvg(svgOf(id, variant));
        const root = doc.documentElement;
        const [width, height] = [Number(root.getAttribute("width")), Number(root.getAttribute("height"))];
        for (const el of Array.from(doc.querySelectorAll("rect, circle, line"))) {
          if (el.parentElement === root) continue; // the background
          const b = place(el);
          if (b.x < -0.5 || b.y < -0.5 || b.x + b.w > width + 0.5 || b.y + b.h > height + 0.5)
            failures.push(
              `${svgName(id, variant)}: a <${el.tagName}> at ${b.x.toFixed(0)},${b.y.toFixed(0)} (${b.w.toFixed(0)}×${b.h.toFixed(0)}) leaves the ${width}×${height} frame`,
            );
        }
      }
    expect(failures).toEqual([]);
  });

  it("label every value with its sign, in every variant and the alt text", () => {
    for (const id of CHARTS)
      for (const variant of VARIANTS) {
        const doc = parseSvg(svgOf(id, variant));
        const text = visibleText(doc).join(" ");
        for (const value of VALUES[id]) expect(text, `${svgName(id, variant)}`).toContain(value);
      }
  });

  it("draw bars left of a zero line that the positive bars start from", () => {
    const doc = parseSvg(svgOf("coldest-places", VARIANTS[0]));
    const bars = Array.from(doc.querySelectorAll('g[aria-label="rect"] rect')).map(place);
    const [karasjok, oslo, bergen] = bars;
    expect(karasjok.x + karasjok.w).toBeCloseTo(bergen.x, 1);
    expect(oslo.x + oslo.w).toBeCloseTo(bergen.x, 1);
    // In proportion: −25 is twice as long as −12 (nearly), eight times 3.
    expect(karasjok.w / oslo.w).toBeCloseTo(25 / 12, 1);
    expect(karasjok.w / bergen.w).toBeCloseTo(25 / 3, 1);
  });

  it("hang columns below the zero line the positive columns stand on", () => {
    const doc = parseSvg(svgOf("oslo-nights", VARIANTS[0]));
    const columns = Array.from(doc.querySelectorAll('g[aria-label="rect"] rect')).map(place);
    const [mon, tue, wed, thu] = columns;
    const zero = thu.y + thu.h;
    for (const c of [mon, tue, wed]) expect(c.y).toBeCloseTo(zero, 1);
    expect(wed.h / mon.h).toBeCloseTo(12 / 3, 1);
    expect(wed.h / thu.h).toBeCloseTo(12 / 2, 1);
  });

  it("draw a line's points below zero under those above it, in order", () => {
    for (const variant of VARIANTS) {
      const doc = parseSvg(svgOf("oslo-line", variant));
      const dots = Array.from(doc.querySelectorAll("circle")).map(place);
      expect(dots).toHaveLength(4);
      // Down (a phone) puts a date a row, top to bottom, values across; across, values go up and down.
      const down = dots.every((d, i) => i === 0 || d.y > dots[i - 1].y);
      const position = dots.map((d) => (down ? d.x + d.w / 2 : -(d.y + d.h / 2)));
      const [mon, tue, wed, thu] = position;
      expect(mon > tue && tue > wed && thu > mon, svgName("oslo-line", variant)).toBe(true);
    }
  });

  describe.runIf(RUN_BROWSER_TESTS)("in Chromium", () => {
    it("sets every text inside the frame, none over another or across a bar", async () => {
      const browser = await launch();
      try {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        const failures: string[] = [];
        for (const id of CHARTS)
          for (const variant of VARIANTS) {
            const name = svgName(id, variant);
            await page.setContent(`<!DOCTYPE html><html><body style="margin:0">${svgOf(id, variant)}</body></html>`);
            const { texts, bars, height } = await page.evaluate(() => {
              const svg = document.querySelector("svg")!;
              const root = svg.getBoundingClientRect();
              const box = (e: Element) => {
                const r = e.getBoundingClientRect();
                return { x: r.x - root.x, y: r.y - root.y, w: r.width, h: r.height };
              };
              return {
                height: root.height,
                texts: Array.from(document.querySelectorAll("svg text")).map((t) => ({
                  text: t.textContent ?? "",
                  ...box(t),
                })),
                bars: Array.from(document.querySelectorAll('svg g[aria-label="rect"] rect')).map(box),
              };
            });
            const { width, pad } = DEVICES[variant.device];
            const hits = (a: Box, b: Box) =>
              a.x + 0.5 < b.x + b.w && b.x + 0.5 < a.x + a.w && a.y + 0.5 < b.y + b.h && b.y + 0.5 < a.y + a.h;
            texts.forEach((a, i) => {
              if (a.x < pad - 1 || a.x + a.w > width - pad + 1 || a.y < 0 || a.y + a.h > height)
                failures.push(`${name}: "${a.text}" leaves the frame`);
              for (const b of texts.slice(i + 1))
                if (hits(a, b)) failures.push(`${name}: "${a.text}" overlaps "${b.text}"`);
              for (const bar of bars) if (hits(a, bar)) failures.push(`${name}: "${a.text}" runs into a bar`);
            });
          }
        expect(failures).toEqual([]);
      } finally {
        await browser.close();
      }
    });
  });
});

describe("a negative figure a chart cannot draw honestly", () => {
  it("is refused at the chart's line: a qualified negative (which way from −25 is 'nearly'?), a share or a period below zero", async () => {
    const story = copyStory("cold-snap");
    try {
      edit(
        story.data,
        "article.txt",
        "The lowest reading was −25 degrees",
        "The lowest reading was nearly −25 degrees",
      );
      edit(
        story.data,
        "figures.csv",
        "karasjok,lowest temperature,Karasjok,-25,exact,degrees,2024-01-10,2024-01-10,,The lowest reading was −25",
        "karasjok,lowest temperature,Karasjok,-25,nearly,degrees,2024-01-10,2024-01-10,,The lowest reading was nearly −25",
      );
      edit(
        story.data,
        "article.txt",
        "Power use rose to a record",
        "Power prices changed by −4% on Wednesday. Power use rose to a record",
      );
      append(
        story.data,
        "figures.csv",
        "price_change,change in power prices,,-4,exact,%,2024-01-10,2024-01-10,,Power prices changed by −4% on Wednesday,article.txt,\n",
      );
      edit(
        story.data,
        "charts.json",
        /"charts": \[/,
        `"charts": [\n    { "id": "share-of-cold", "kind": "share", "title": "Cold", "figures": ["price_change"] },\n    { "id": "cold-days", "kind": "period", "title": "Cold", "figures": ["low_mon", "low_tue"] },`,
      );
      const problems = await problemsOf(story.data, story.out);
      const at = (id: string) => `charts.json:${chartOf(story.data, id)}: chart "${id}": `;
      expect(problems).toContain(
        `${at("coldest-places")}"karasjok" is nearly −25 degrees: the words do not say which way the true figure lies from a number below zero (nearer zero, or further below it), so no bar can mark it; reference it in the chart's words ({karasjok} keeps its qualifier) instead of drawing it`,
      );
      expect(problems.some((p) => p.startsWith(`${at("share-of-cold")}"price_change" is −4%, below zero`))).toBe(true);
      expect(problems.some((p) => p.startsWith(`${at("cold-days")}"low_mon" is −3 degrees, below zero`))).toBe(true);
      expect(rowOf(story.data, "karasjok")).toBeGreaterThan(1);
    } finally {
      rmSync(story.dir, { recursive: true, force: true });
    }
  });
});
