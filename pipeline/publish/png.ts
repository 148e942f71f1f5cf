import type { ResvgRenderOptions } from "@resvg/resvg-js";

/** What resvg is given for a chart's PNG: the SVG as resvg should see it, and its options. */
export interface PngJob {
  svg: string;
  options: ResvgRenderOptions;
}

/**
 * The social/newsletter PNG: the desktop SVG rasterized at twice its width by resvg, with real
 * text from the system's fonts (Liberation Sans stands in for Helvetica/Arial). No browser needed.
 * This is decided in the drawing thread (where jsdom is loaded, should the SVG need rewriting for
 * resvg); the rasterizing itself happens in a PNG worker (png-pool.ts) or in svgToPng below.
 */
export function pngJob(svg: string, width: number): PngJob {
  return {
    svg,
    options: {
      fitTo: { mode: "width", value: width * 2 },
      font: { loadSystemFonts: true, defaultFontFamily: "Liberation Sans", sansSerifFamily: "Liberation Sans" },
      background: "#ffffff",
    },
  };
}

/** The PNG in this thread: the same job a worker would do (for tools and tests). */
export async function svgToPng(svg: string, width: number): Promise<Buffer> {
  const { Resvg } = await import("@resvg/resvg-js");
  const job = pngJob(svg, width);
  return new Resvg(job.svg, job.options).render().asPng();
}
