import { Resvg } from "@resvg/resvg-js";

/**
 * The social/newsletter PNG: the desktop SVG rasterized at twice its width by resvg, with real
 * text from the system's fonts (Liberation Sans stands in for Helvetica/Arial). No browser needed.
 */
export function svgToPng(svg: string, width: number): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: "width", value: width * 2 },
    font: { loadSystemFonts: true, defaultFontFamily: "Liberation Sans", sansSerifFamily: "Liberation Sans" },
    background: "#ffffff",
  });
  return resvg.render().asPng();
}
