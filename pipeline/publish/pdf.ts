import { join } from "node:path";
import { FONT_DIRS, hasComplexScript } from "../../charts/script-list.ts";
import { requireFonts } from "./fonts.ts";

/** Points in a millimetre: PDF pages are measured in points (1/72 inch). */
export const POINTS_PER_MM = 72 / 25.4;

/** The TrueType fonts a print file's text is set in, embedded as subsets (metric-compatible with Arial). */
export const PDF_FONTS = {
  sans: join(FONT_DIRS.liberation, "LiberationSans-Regular.ttf"),
  "sans-bold": join(FONT_DIRS.liberation, "LiberationSans-Bold.ttf"),
};

/** What a PDF worker is given for a chart's print file (png-pool.ts draws it). */
export interface PdfJob {
  svg: string;
  /** Page size in points: the column width, and the height that keeps the SVG's proportions. */
  width: number;
  height: number;
  /** Font name → TrueType file. */
  fonts: Record<string, string>;
  /** The creation date stamped in the file (ISO): fixed, so the bytes are too. */
  date: string;
  title: string;
}

/**
 * The print file of a chart's print SVG (drawn for the column width in render.ts): one page exactly
 * the column wide, vector throughout, its text real text in embedded fonts, or outlines for the
 * scripts that need shaping (as for the PNGs: text-outlines.ts). Dated by the story's dateline,
 * never the clock.
 */
export async function pdfJob(
  svg: string,
  size: { width: number; height: number },
  widthMm: number,
  published: string,
  title: string,
): Promise<PdfJob> {
  requireFonts(Object.values(PDF_FONTS));
  const drawn = hasComplexScript(svg) ? (await import("./text-outlines.ts")).outlineComplexText(svg) : svg;
  const width = round(widthMm * POINTS_PER_MM);
  return {
    svg: drawn,
    width,
    height: round((size.height * width) / size.width),
    fonts: PDF_FONTS,
    date: `${published}T00:00:00Z`,
    title,
  };
}

const round = (n: number) => Math.round(n * 1000) / 1000;
