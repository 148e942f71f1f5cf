/**
 * The house style (charts/style.ts) and that the built charts use nothing else: contrast in both
 * themes, dark colours chosen rather than inverted, text sizes for the widths the layouts are read
 * at. Runs without a browser; tests/browser.test.ts measures the same things as rendered.
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEVICES, FONT_FAMILY, THEMES, type Theme } from "../charts/style.ts";
import { build } from "../pipeline/build.ts";
import { MOBILE_MAX_WIDTH } from "../pipeline/publish/embed.ts";
import type { Manifest } from "../pipeline/publish/manifest.ts";
import { svgName, VARIANTS } from "../pipeline/words/output-names.ts";
import { contrast, luminance, parseColour } from "./browser-colour.ts";
import { copyStory } from "./helpers/story.ts";
import { parseSvg } from "./helpers/svg.ts";

const TEXT_SIZES = ["title", "dek", "label", "value", "note", "source", "total"] as const;
const themes = Object.entries(THEMES) as [string, Theme][];

describe("house style", () => {
  it("gives every text colour at least 4.5:1 against what it is drawn on, in both themes", () => {
    const ratios: Record<string, number> = {};
    for (const [name, t] of themes) {
      for (const key of ["text", "muted"] as const) ratios[`${name} ${key}`] = contrast(t[key], t.background);
      // Group colours also name their group in text, beside its marks.
      for (const series of t.series) ratios[`${name} group name ${series}`] = contrast(series, t.background);
      // Text set on a series colour (the total across a period's span).
      for (const series of t.series) ratios[`${name} onSeries on ${series}`] = contrast(t.onSeries, series);
    }
    console.log(
      `text contrast: ${Object.entries(ratios)
        .map(([k, v]) => `${k} ${v.toFixed(2)}`)
        .join(", ")}`,
    );
    expect(Object.entries(ratios).filter(([, v]) => v < 4.5)).toEqual([]);
  });

  it("sets bars and rules apart from the background by at least 3:1 (WCAG non-text contrast)", () => {
    for (const [name, t] of themes) {
      for (const colour of [...t.series, t.highlight, t.rule, t.open])
        expect(contrast(colour, t.background), `${name} ${colour}`).toBeGreaterThanOrEqual(3);
    }
  });

  it("chooses the dark theme's colours rather than inverting the light ones", () => {
    const invert = (c: string) =>
      parseColour(c)
        .map((v) => 255 - v)
        .join(",");
    const [light, dark] = [THEMES.light, THEMES.dark];
    expect(luminance(parseColour(light.background))).toBeGreaterThan(0.9);
    expect(luminance(parseColour(dark.background))).toBeLessThan(0.05);
    for (const key of Object.keys(light) as (keyof Theme)[]) {
      const pairs =
        key === "series"
          ? light.series.map((c, i) => [c, dark.series[i]])
          : [[light[key] as string, dark[key] as string]];
      for (const [l, d] of pairs) {
        expect(d, key).not.toBe(l);
        expect(parseColour(d).join(","), `${key}: dark ${d} is light ${l} inverted`).not.toBe(invert(l));
      }
    }
    expect(dark.series).toHaveLength(light.series.length);
  });

  it("lays mobile out for 320–360px with text at least 11px even at 320px", () => {
    const m = DEVICES.mobile;
    expect(m.width).toBeGreaterThanOrEqual(320);
    expect(m.width).toBeLessThanOrEqual(360);
    for (const key of TEXT_SIZES) expect(m[key] * (320 / m.width), key).toBeGreaterThanOrEqual(11);
  });

  it("keeps desktop text at least 11px at the narrowest column the embed shows it in", () => {
    const d = DEVICES.desktop;
    expect(d.width).toBeGreaterThanOrEqual(600);
    expect(d.width).toBeLessThanOrEqual(680);
    // The embed shows the desktop layout from MOBILE_MAX_WIDTH + 1 up; an article column there is
    // that less 16px of padding a side.
    const column = MOBILE_MAX_WIDTH + 1 - 32;
    for (const key of TEXT_SIZES) expect(d[key] * Math.min(1, column / d.width), key).toBeGreaterThanOrEqual(11);
  });
});

describe("built charts use the house style and nothing else", () => {
  // Both fixture stories: between them, every chart kind.
  const built: { out: string; dir: string; manifest: Manifest }[] = [];
  afterAll(() => {
    for (const b of built) rmSync(b.dir, { recursive: true, force: true });
  });
  beforeAll(async () => {
    for (const fixture of ["islamabad", "riots"]) {
      const story = copyStory(fixture);
      await build({ data: story.data, out: story.out });
      const manifest = JSON.parse(readFileSync(join(story.out, "manifest.json"), "utf8")) as Manifest;
      built.push({ out: story.out, dir: story.dir, manifest });
    }
  });

  const each = (fn: (doc: Document, theme: Theme, device: keyof typeof DEVICES, name: string) => void) => {
    const kinds = new Set(built.flatMap((b) => Object.values(b.manifest.charts).map((c) => c.kind)));
    expect([...kinds].sort()).toEqual(["bars", "columns", "line", "locator", "period", "share"]);
    for (const { out, manifest } of built) {
      for (const id of Object.keys(manifest.charts)) {
        for (const v of VARIANTS) {
          const name = svgName(id, v);
          fn(parseSvg(readFileSync(join(out, name), "utf8")), THEMES[v.theme], v.device, name);
        }
      }
    }
  };

  /** The value an attribute has on an element or its nearest ancestor that sets it. */
  const inherited = (el: Element, attr: string): string | null => {
    for (let e: Element | null = el; e; e = e.parentElement) if (e.hasAttribute(attr)) return e.getAttribute(attr);
    return null;
  };

  it("paints only the theme's colours", () => {
    each((doc, theme, _device, name) => {
      const palette = new Set([
        theme.background,
        theme.text,
        theme.muted,
        theme.rule,
        theme.onSeries,
        theme.open,
        theme.highlight,
        theme.track,
        // A locator's sea, land, the story's country, borders and streets.
        theme.water,
        theme.land,
        theme.landFocus,
        theme.border,
        theme.street,
        ...theme.series,
        "none",
      ]);
      const used = new Set<string>();
      for (const el of Array.from(doc.querySelectorAll("*"))) {
        for (const attr of ["fill", "stroke"]) if (el.hasAttribute(attr)) used.add(el.getAttribute(attr)!);
      }
      expect(
        [...used].filter((c) => !palette.has(c)),
        name,
      ).toEqual([]);
      // The frame's background is the theme's.
      expect(doc.querySelector("svg > rect")?.getAttribute("fill"), name).toBe(theme.background);
    });
  });

  it("sets every text in the house font, at a house size, in a text colour of the theme", () => {
    each((doc, theme, device, name) => {
      const sizes = new Set(TEXT_SIZES.map((k) => String(DEVICES[device][k])));
      const colours = new Set([theme.text, theme.muted, theme.onSeries, ...theme.series]);
      const texts = Array.from(doc.querySelectorAll("text"));
      expect(texts.length, name).toBeGreaterThan(3);
      for (const t of texts) {
        const what = `${name}: "${t.textContent}"`;
        expect(inherited(t, "font-family"), what).toBe(FONT_FAMILY);
        expect(sizes.has(inherited(t, "font-size") ?? ""), `${what} at ${inherited(t, "font-size")}px`).toBe(true);
        expect(colours.has(inherited(t, "fill") ?? ""), `${what} in ${inherited(t, "fill")}`).toBe(true);
      }
    });
  });

  it("resets the text properties a host page would otherwise pass down", () => {
    each((doc, _theme, _device, name) => {
      const root = doc.documentElement;
      for (const [attr, value] of Object.entries({
        "font-style": "normal",
        "font-weight": "normal",
        "letter-spacing": "normal",
        "word-spacing": "normal",
        direction: "ltr",
      })) {
        expect(root.getAttribute(attr), `${name} ${attr}`).toBe(value);
      }
    });
  });
});
