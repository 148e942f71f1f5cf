import { join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { FONT_DIRS, hasComplexScript, PLAIN_FONTS } from "../../charts/script-list.ts";
import { requireFonts } from "./fonts.ts";

const FONT_FILES = PLAIN_FONTS.map((file) =>
  join(file.startsWith("DejaVu") ? FONT_DIRS.dejavu : FONT_DIRS.liberation, file),
);

/**
 * The social/newsletter PNG: the desktop SVG rasterized at twice its width by resvg. Text comes
 * from the fonts listed in charts/script-list.ts and nothing else on the machine (Liberation Sans
 * stands in for Helvetica/Arial, DejaVu Sans for symbols it lacks), so the same SVG gives the same
 * pixels wherever it is built; scripts that need shaping arrive as outlines (text-outlines.ts,
 * loaded only for a chart that has such text: HarfBuzz takes a moment to start).
 */
export async function svgToPng(svg: string, width: number): Promise<Buffer> {
  requireFonts(FONT_FILES);
  const drawn = hasComplexScript(svg) ? (await import("./text-outlines.ts")).outlineComplexText(svg) : svg;
  const resvg = new Resvg(drawn, {
    fitTo: { mode: "width", value: width * 2 },
    font: {
      loadSystemFonts: false,
      fontFiles: FONT_FILES,
      defaultFontFamily: "Liberation Sans",
      sansSerifFamily: "Liberation Sans",
    },
    background: "#ffffff",
  });
  return resvg.render().asPng();
}
