import { join } from "node:path";
import type { ResvgRenderOptions } from "@resvg/resvg-js";
import { FONT_DIRS, hasComplexScript, PLAIN_FONTS } from "../../charts/script-list.ts";
import { requireFonts } from "./fonts.ts";

const FONT_FILES = PLAIN_FONTS.map((file) =>
  join(file.startsWith("DejaVu") ? FONT_DIRS.dejavu : FONT_DIRS.liberation, file),
);

/** What resvg is given for a chart's PNG: the SVG as resvg should see it, and its options. */
export interface PngJob {
  svg: string;
  options: ResvgRenderOptions;
}

/**
 * The social/newsletter PNG: the desktop SVG rasterized at twice its width by resvg. Text comes
 * from the fonts listed in charts/script-list.ts and nothing else on the machine (Liberation Sans
 * stands in for Helvetica/Arial, DejaVu Sans for symbols it lacks), so the same SVG gives the same
 * pixels wherever it is built; scripts that need shaping arrive as outlines (text-outlines.ts,
 * loaded only for a chart that has such text: HarfBuzz takes a moment to start).
 * This is decided in the drawing thread (where jsdom is loaded, for the outlines); the
 * rasterizing itself happens in a PNG worker (png-pool.ts) or in svgToPng below.
 */
export async function pngJob(svg: string, width: number, scale = 2): Promise<PngJob> {
  requireFonts(FONT_FILES);
  const drawn = hasComplexScript(svg) ? (await import("./text-outlines.ts")).outlineComplexText(svg) : svg;
  return {
    svg: drawn,
    options: {
      fitTo: { mode: "width", value: width * scale },
      font: {
        loadSystemFonts: false,
        fontFiles: FONT_FILES,
        defaultFontFamily: "Liberation Sans",
        sansSerifFamily: "Liberation Sans",
      },
      background: "#ffffff",
    },
  };
}

/** The PNG in this thread: the same job a worker would do (for tools and tests). */
export async function svgToPng(svg: string, width: number): Promise<Buffer> {
  const { Resvg } = await import("@resvg/resvg-js");
  const job = await pngJob(svg, width);
  return new Resvg(job.svg, job.options).render().asPng();
}
