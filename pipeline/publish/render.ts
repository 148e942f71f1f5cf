import { createHash } from "node:crypto";
import * as Plot from "@observablehq/plot";
import { JSDOM } from "jsdom";
import { KINDS } from "../../charts/index.ts";
import type { ChartModel } from "../../charts/kind.ts";
import { frame } from "../../charts/frame.ts";
import { socialCard } from "../../charts/social.ts";
import { annotate } from "../../charts/annotate.ts";
import { DEVICES, printSizes, type Sizes, SOCIAL, SOCIAL_ZOOM, type Theme, THEMES } from "../../charts/style.ts";
import type { ChartEntry } from "../words/chart-list.ts";
import type { ChartWords } from "../words/chart-words.ts";
import type { Writer } from "../language/writer.ts";
import { svgName, VARIANTS, type Variant, type VariantSizes } from "../words/output-names.ts";
import { darkStyle } from "./dark-style.ts";

export interface RenderedChart {
  /** SVG text by file name. */
  svgs: Map<string, string>;
  /** Width and height of each variant, by variant name: the embed needs them. */
  sizes: VariantSizes;
  /** The social card's SVG (600 × 315, drawn at 2× into X.social.png). */
  social: string;
  /** The print layout's SVG for the entry's column width (drawn into X.pdf), and its size in pixels. */
  print: { svg: string; width: number; height: number };
}

const ID_TOKEN = "@@chart-id@@";

/**
 * Draws one chart in every variant. One jsdom document serves all charts; Plot gets it as its
 * `document` option, so no global `window` exists to shift Plot's pixel offsets. Serialized as
 * XML, so the SVG namespace is declared and entities are XML's own.
 *
 * A light variant also carries its dark twin's colours in a <style> that applies only under
 * prefers-color-scheme: dark (see dark-style.ts), so the one file an <img> shows follows the
 * reader's colour scheme; the dark variants stay fixed, with no style sheet.
 */
export function createRenderer() {
  const { window } = new JSDOM("<!DOCTYPE html><html><body></body></html>");
  const document = window.document;
  const serializer = new window.XMLSerializer();

  return function render(entry: ChartEntry, model: ChartModel, words: ChartWords, writer?: Writer): RenderedChart {
    const kind = KINDS[entry.kind];
    // Every layout of the chart, its annotations placed for that layout.
    const annotated = (width: number, sizes: Sizes, theme: Theme) =>
      annotate(kind.draw(model, { width, sizes, theme, document, Plot, writer }), words.annotations, {
        width,
        sizes,
        theme,
        document,
        writer,
      });
    const draw = (variant: Variant) => {
      const deviceSizes = DEVICES[variant.device];
      const theme = THEMES[variant.theme];
      const width = deviceSizes.width - 2 * deviceSizes.pad;
      const plot = annotated(width, deviceSizes, theme);
      return frame({ document, sizes: deviceSizes, theme, ...words, plot, idPrefix: ID_TOKEN, lang: writer?.lang });
    };
    const drawn = new Map(VARIANTS.map((v) => [v.name, draw(v)]));
    const light = THEMES.light;
    const socialPlot = (sizes: typeof SOCIAL) => annotated((SOCIAL.width - 2 * SOCIAL.pad) / SOCIAL_ZOOM, sizes, light);
    const social = socialCard({ document, theme: light, ...words, plot: socialPlot, idPrefix: ID_TOKEN });
    const printing = printSizes(entry.printWidth);
    const printPlot = annotated(printing.width - 2 * printing.pad, printing, light);
    const print = frame({
      document,
      sizes: printing,
      theme: light,
      ...words,
      plot: printPlot,
      idPrefix: ID_TOKEN,
      lang: writer?.lang,
    });
    const svgs = new Map<string, string>();
    const sizes: VariantSizes = {};
    for (const variant of VARIANTS) {
      const svg = drawn.get(variant.name)!;
      const twin = VARIANTS.find((v) => v.device === variant.device && v.theme === "dark");
      if (variant.theme === "light" && twin) darkStyle(svg, drawn.get(twin.name)!, `${ID_TOKEN}-dark`);
      const text = serializer.serializeToString(svg);
      // Ids derive from the chart, the variant and the graphic itself: unique on any page that
      // inlines several charts, stable across identical builds, different after a correction.
      const digest = createHash("sha256").update(`${entry.id}\0${variant.name}\0${text}`).digest("hex").slice(0, 10);
      svgs.set(svgName(entry.id, variant), `${text.replaceAll(ID_TOKEN, `${entry.id}-${variant.name}-${digest}`)}\n`);
      sizes[variant.name] = { width: Number(svg.getAttribute("width")), height: Number(svg.getAttribute("height")) };
    }
    // Neither file is an SVG a page shows: their ids only need to be unique within themselves.
    const own = (svg: SVGSVGElement, name: string) =>
      `${serializer.serializeToString(svg).replaceAll(ID_TOKEN, `${entry.id}-${name}`)}\n`;
    return {
      svgs,
      sizes,
      social: own(social, "social"),
      print: {
        svg: own(print, "print"),
        width: Number(print.getAttribute("width")),
        height: Number(print.getAttribute("height")),
      },
    };
  };
}
