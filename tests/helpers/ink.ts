import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import * as hb from "harfbuzzjs";
import { FONT_DIRS } from "../../charts/script-list.ts";

/** The width HarfBuzz gives the text in the Noto font, in px at this size. */
export function shapedWidth(text: string, file: string, size: number): number {
  const face = new hb.Face(new hb.Blob(readFileSync(join(FONT_DIRS.noto, file))));
  const font = new hb.Font(face);
  const buffer = new hb.Buffer();
  buffer.addText(text);
  buffer.guessSegmentProperties();
  hb.shape(font, buffer);
  return (buffer.getGlyphPositions().reduce((sum, p) => sum + p.xAdvance, 0) * size) / face.upem;
}

/** The leftmost and rightmost columns with ink in a band of rows of a PNG, in PNG pixels. */
export function inkColumns(png: Buffer, width: number, height: number, top: number, bottom: number) {
  // resvg decodes the PNG back to pixels: an <image> of it, drawn at its own size.
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image width="${width}" height="${height}" href="data:image/png;base64,${png.toString("base64")}"/></svg>`;
  const pixels = new Resvg(svg).render().pixels;
  let left = Infinity;
  let right = -Infinity;
  // Whole rows only: a fractional row would index between pixels.
  for (let y = Math.floor(top); y < Math.ceil(bottom); y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      if (pixels[i] + pixels[i + 1] + pixels[i + 2] < 384) {
        left = Math.min(left, x);
        right = Math.max(right, x);
      }
    }
  return { left, right };
}
