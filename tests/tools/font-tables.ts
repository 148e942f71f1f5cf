/**
 * Writes charts/script-fonts.ts from the fonts the PNG renderer uses (Debian's fonts-liberation,
 * fonts-dejavu-core and fonts-noto-core): which characters they can draw, and the advance width of
 * every character of the scripts drawn with Noto, so that charts/measure.ts measures those scripts
 * without reading a font at build time. Run after changing the fonts: `npm run font-tables`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as hb from "harfbuzzjs";
import { COMPLEX_SCRIPTS, FONT_DIRS, PLAIN_FONTS } from "../../charts/script-list.ts";

function open(file: string) {
  const face = new hb.Face(new hb.Blob(readFileSync(file)));
  return { font: new hb.Font(face), upem: face.upem };
}

/** Advance of each code point's own glyph in thousandths of an em; -1 where the font has none. */
function advances(file: string, from: number, to: number): number[] {
  const { font, upem } = open(file);
  const out: number[] = [];
  for (let cp = from; cp <= to; cp++) {
    const glyph = font.nominalGlyph(cp);
    out.push(glyph === undefined || glyph === 0 ? -1 : Math.round((font.glyphHAdvance(glyph) * 1000) / upem));
  }
  return out;
}

/** Right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko…): a chart set left to right cannot show them. */
const RIGHT_TO_LEFT: [number, number][] = [
  [0x0590, 0x08ff],
  [0xfb1d, 0xfdff],
  [0xfe70, 0xfeff],
  [0x10800, 0x10fff],
  [0x1e800, 0x1efff],
];

/** Code points any of the font files has (right-to-left scripts left out), as [from, to] ranges. */
function coverage(files: string[]): [number, number][] {
  const fonts = files.map(open);
  const ranges: [number, number][] = [];
  for (let cp = 0x20; cp <= 0x2ffff; cp++) {
    if (RIGHT_TO_LEFT.some(([from, to]) => cp >= from && cp <= to)) continue;
    if (!fonts.some(({ font }) => (font.nominalGlyph(cp) ?? 0) !== 0)) continue;
    const last = ranges[ranges.length - 1];
    if (last && last[1] === cp - 1) last[1] = cp;
    else ranges.push([cp, cp]);
  }
  return ranges;
}

const path = (file: string) =>
  join(
    file.startsWith("Noto") ? FONT_DIRS.noto : file.startsWith("DejaVu") ? FONT_DIRS.dejavu : FONT_DIRS.liberation,
    file,
  );
const scripts = COMPLEX_SCRIPTS.map((s) => ({
  name: s.name,
  regular: advances(path(s.regular), s.from, s.to),
  bold: advances(path(s.bold), s.from, s.to),
}));
const plain = coverage(PLAIN_FONTS.map(path));

const text = `// Written by scripts/font-tables.ts from the fonts the PNG renderer uses; do not edit by hand.

/** Per script of charts/script-list.ts, the advance of each character in thousandths of an em (-1: none). */
export const SCRIPT_ADVANCES: Record<string, { regular: number[]; bold: number[] }> = ${JSON.stringify(
  Object.fromEntries(scripts.map((s) => [s.name, { regular: s.regular, bold: s.bold }])),
)};

/** Characters the plain fonts (Liberation Sans, DejaVu Sans) draw, as [from, to] ranges of code points. */
export const PLAIN_COVERAGE: [number, number][] = ${JSON.stringify(plain)};
`;
writeFileSync(join(import.meta.dirname, "../../charts/script-fonts.ts"), text);
console.log(`charts/script-fonts.ts: ${scripts.length} scripts, ${plain.length} ranges`);
