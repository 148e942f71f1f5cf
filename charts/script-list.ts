/**
 * The writing systems a chart can show, and the fonts that draw them. Latin, Greek and Cyrillic
 * (and common symbols) come from Liberation Sans, metric-compatible with Helvetica/Arial, with
 * DejaVu Sans for symbols it lacks. The scripts below need shaping (vowel signs placed before or
 * around their consonant, conjuncts): each is drawn with its Noto Sans font, which the PNG renderer
 * shapes with HarfBuzz. Debian packages: fonts-liberation, fonts-dejavu-core, fonts-noto-core.
 * Other scripts (Arabic, Hebrew, Chinese, Japanese, Korean, emoji…) have no font here: chart
 * words and labels in them are refused, not drawn as empty boxes.
 */
import { PLAIN_COVERAGE } from "./script-fonts.ts";

export interface ComplexScript {
  name: string;
  /** The Unicode block, first and last code point. */
  from: number;
  to: number;
  /** Font files in FONT_DIRS.noto. */
  regular: string;
  bold: string;
}

const noto = (name: string, from: number, to: number, file: string): ComplexScript => ({
  name,
  from,
  to,
  regular: `NotoSans${file}-Regular.ttf`,
  bold: `NotoSans${file}-Bold.ttf`,
});

export const COMPLEX_SCRIPTS: ComplexScript[] = [
  noto("Devanagari", 0x0900, 0x097f, "Devanagari"),
  noto("Bengali", 0x0980, 0x09ff, "Bengali"),
  noto("Gurmukhi", 0x0a00, 0x0a7f, "Gurmukhi"),
  noto("Gujarati", 0x0a80, 0x0aff, "Gujarati"),
  noto("Oriya", 0x0b00, 0x0b7f, "Oriya"),
  noto("Tamil", 0x0b80, 0x0bff, "Tamil"),
  noto("Telugu", 0x0c00, 0x0c7f, "Telugu"),
  noto("Kannada", 0x0c80, 0x0cff, "Kannada"),
  noto("Malayalam", 0x0d00, 0x0d7f, "Malayalam"),
  noto("Sinhala", 0x0d80, 0x0dff, "Sinhala"),
  noto("Thai", 0x0e00, 0x0e7f, "Thai"),
];

/** Where Debian installs the fonts. */
export const FONT_DIRS = {
  liberation: "/usr/share/fonts/truetype/liberation",
  dejavu: "/usr/share/fonts/truetype/dejavu",
  noto: "/usr/share/fonts/truetype/noto",
} as const;

/** Latin, Greek, Cyrillic and symbols: the first that has a character draws it. */
export const PLAIN_FONTS = [
  "LiberationSans-Regular.ttf",
  "LiberationSans-Bold.ttf",
  "DejaVuSans.ttf",
  "DejaVuSans-Bold.ttf",
] as const;

const COMPLEX = new RegExp(
  `[${COMPLEX_SCRIPTS.map((s) => `\\u{${s.from.toString(16)}}-\\u{${s.to.toString(16)}}`).join("")}]`,
  "u",
);

/** Whether the text holds a character of a script drawn from its Noto font. */
export function hasComplexScript(text: string): boolean {
  return COMPLEX.test(text);
}

/** The complex script a character belongs to, if any. */
export function complexScript(code: number): ComplexScript | undefined {
  if (code < 0x0900 || code > 0x0e7f) return undefined;
  return COMPLEX_SCRIPTS.find((s) => code >= s.from && code <= s.to);
}

/**
 * The first character of the text no font here draws, described for a message ("数" (U+6570)),
 * or undefined when every character can be drawn. White space and invisible format characters
 * (joiners, soft hyphens) need no glyph.
 */
export function undrawable(text: string): string | undefined {
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (complexScript(code) || /[\s\p{Cf}]/u.test(char) || covered(code, PLAIN_COVERAGE)) continue;
    return `"${char}" (U+${code.toString(16).toUpperCase().padStart(4, "0")})`;
  }
  return undefined;
}

function covered(code: number, ranges: [number, number][]): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (code < ranges[mid][0]) high = mid - 1;
    else if (code > ranges[mid][1]) low = mid + 1;
    else return true;
  }
  return false;
}

/** What a chart can show, for messages. */
export const DRAWABLE_SCRIPTS = `Latin, Greek, Cyrillic, ${COMPLEX_SCRIPTS.map((s) => s.name).join(", ")}`;
