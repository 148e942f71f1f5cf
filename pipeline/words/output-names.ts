import type { DeviceName, ThemeName } from "../../charts/style.ts";

/**
 * The names of the files a build writes. One module owns them, so the chart list (which refuses an
 * id whose files would clash), the outputs, the embed, the notebook and the manifest agree.
 */

/** Every chart ships in these variants; the suffix is part of the file name. */
export interface Variant {
  name: string;
  device: DeviceName;
  theme: ThemeName;
  suffix: string;
}

export const VARIANTS: Variant[] = [
  { name: "desktop", device: "desktop", theme: "light", suffix: "" },
  { name: "mobile", device: "mobile", theme: "light", suffix: "-mobile" },
  { name: "dark", device: "desktop", theme: "dark", suffix: "-dark" },
  { name: "mobile-dark", device: "mobile", theme: "dark", suffix: "-mobile-dark" },
];

/** Width and height of each drawn variant, by variant name. */
export type VariantSizes = Record<string, { width: number; height: number }>;

/**
 * The variants also drawn as PNG: the desktop one (2×, for social and newsletters) and the mobile
 * one (2×, for a CMS that refuses SVG images, such as Drupal's Basic HTML; it is shown at 340px).
 */
export const PNG_VARIANTS: Variant[] = VARIANTS.filter((v) => v.theme === "light");

export const svgName = (chartId: string, variant: Variant) => `${chartId}${variant.suffix}.svg`;
export const pngName = (chartId: string, variant: Variant = VARIANTS[0]) => `${chartId}${variant.suffix}.png`;
/**
 * The embed flavours: what survives each kind of CMS sanitizer (README, "Pasting into a CMS").
 * `picture`: a <picture> of SVGs, for a CMS that keeps <picture>; `wordpress`: two SVG <img>s that
 * swap by width through inline style, for WordPress users without unfiltered_html; `drupal`: the
 * mobile PNG, for Drupal's Basic HTML, which shows only raster images from its own site.
 */
export type EmbedFlavour = "picture" | "wordpress" | "drupal";
export const EMBED_FLAVOURS: EmbedFlavour[] = ["picture", "wordpress", "drupal"];
export const embedName = (chartId: string, flavour: EmbedFlavour = "picture") =>
  flavour === "picture" ? `${chartId}.embed.html` : `${chartId}.${flavour}.embed.html`;
export const csvName = (chartId: string) => `${chartId}.csv`;
/** The social card: 1200 × 630 (Open Graph's and X's large card), title, chart and source. */
export const socialName = (chartId: string) => `${chartId}.social.png`;
export const SOCIAL_SIZE = { width: 1200, height: 630 } as const;
/** The print file: vector, at the column width charts.json gives. */
export const pdfName = (chartId: string) => `${chartId}.pdf`;

/** Every embed flavour of a chart. */
export function embedFiles(chartId: string): string[] {
  return EMBED_FLAVOURS.map((f) => embedName(chartId, f));
}

/** The files drawn from a chart (SVG variants, PNGs, social card, print PDF): what a redraw replaces. */
export function drawnFiles(chartId: string): string[] {
  return [
    ...VARIANTS.map((v) => svgName(chartId, v)),
    ...PNG_VARIANTS.map((v) => pngName(chartId, v)),
    socialName(chartId),
    pdfName(chartId),
  ];
}

/** Every file a chart writes. */
export function chartFiles(chartId: string): string[] {
  return [...drawnFiles(chartId), ...embedFiles(chartId), csvName(chartId)];
}

export const MANIFEST = "manifest.json";
export const DATASET_CSV = "figures.csv";
export const DATASET_JSON = "figures.json";
export const NOTEBOOK = "index.html";

/** Files the build writes besides the charts' own. */
export const STORY_OUTPUT_FILES = [DATASET_CSV, DATASET_JSON, NOTEBOOK, MANIFEST];
