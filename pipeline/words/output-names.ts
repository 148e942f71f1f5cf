import type { DeviceName, ThemeName } from "../../charts/style.ts";

/**
 * The names of the files a build writes. One module owns them, so the chart list (which refuses an
 * id whose files would clash), the outputs, the embed, the gallery and the manifest agree.
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

export const svgName = (chartId: string, variant: Variant) => `${chartId}${variant.suffix}.svg`;
export const pngName = (chartId: string) => `${chartId}.png`;
export const embedName = (chartId: string) => `${chartId}.embed.html`;
export const csvName = (chartId: string) => `${chartId}.csv`;

/** The files drawn from a chart (SVG variants and the PNG): what a redraw replaces. */
export function drawnFiles(chartId: string): string[] {
  return [...VARIANTS.map((v) => svgName(chartId, v)), pngName(chartId)];
}

/** Every file a chart writes. */
export function chartFiles(chartId: string): string[] {
  return [...drawnFiles(chartId), embedName(chartId), csvName(chartId)];
}

export const MANIFEST = "manifest.json";
export const DATASET_CSV = "figures.csv";
export const DATASET_JSON = "figures.json";
export const GALLERY = "index.html";

/** Files the build writes besides the charts' own. */
export const STORY_OUTPUT_FILES = [DATASET_CSV, DATASET_JSON, GALLERY, MANIFEST];
