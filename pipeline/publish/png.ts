import type { ResvgRenderOptions } from "@resvg/resvg-js";

/**
 * The social/newsletter PNG: the desktop SVG rasterized at twice its width by resvg, with real
 * text from the system's fonts (Liberation Sans stands in for Helvetica/Arial). No browser needed.
 * One set of options, whichever thread draws it: in-process here, or in the PNG workers.
 */
export function pngOptions(width: number): ResvgRenderOptions {
  return {
    fitTo: { mode: "width", value: width * 2 },
    font: { loadSystemFonts: true, defaultFontFamily: "Liberation Sans", sansSerifFamily: "Liberation Sans" },
    background: "#ffffff",
  };
}
