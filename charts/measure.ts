/**
 * Text width without a browser. Plot never measures text, so the frame does: advance widths of
 * Helvetica (Arial and Liberation Sans share them) in thousandths of an em, for printable ASCII.
 * Anything else counts as a wide glyph. A small margin covers fonts that run slightly wider.
 */

import { SCRIPT_ADVANCES } from "./script-fonts.ts";
import { complexScript } from "./script-list.ts";

// Printable ASCII from space (32) to tilde (126).
const REGULAR = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
  556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
  260, 334, 584,
];
const BOLD = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611,
  556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389,
  280, 389, 584,
];
const OTHER: Record<string, number> = {
  "\u00a0": 278,
  // The narrow no-break space French writes in "10 000" and before ";" (DejaVu Sans draws it).
  "\u202f": 200,
  "\u2013": 556,
  "\u2014": 1000,
  "\u2018": 222,
  "\u2019": 222,
  "\u201c": 333,
  "\u201d": 333,
  "\u2026": 1000,
  "\u2022": 350,
  "\u00b7": 278,
  "\u2192": 1000,
  "\u2191": 600,
  "\u00e9": 556,
  "\u00e1": 556,
};
const SAFETY = 1.06;

/**
 * Scripts drawn with Noto (Devanagari, Tamil…): each character's advance in Noto Sans, read from
 * the font by tests/tools/font-tables.ts. Shaped text (conjuncts, vowel signs) comes out within 3% of
 * that sum in Noto; other fonts a reader may have run wider (Latha, Tamil Sangam), so these count
 * 15% wider again. A character the font lacks counts as an em.
 */
const COMPLEX_MARGIN = 1.15;
const complexTable = (weight: "regular" | "bold") =>
  new Map(
    Object.entries(SCRIPT_ADVANCES).map(([name, widths]) => [
      name,
      widths[weight].map((w) => Math.ceil((w < 0 ? 1000 : w) * COMPLEX_MARGIN)),
    ]),
  );
const COMPLEX_REGULAR = complexTable("regular");
const COMPLEX_BOLD = complexTable("bold");

/**
 * Characters outside the table, estimated on the wide side (wrapping early is harmless, running
 * out of the frame is not): an accented Latin letter as its base letter; a combining mark as
 * nothing; other capitals (Æ, Œ, Ж) as an em; other letters as 0.8 em; CJK and symbols as an em.
 */
function otherWidth(ch: string, code: number, table: number[]): number {
  const script = complexScript(code);
  if (script) return (table === BOLD ? COMPLEX_BOLD : COMPLEX_REGULAR).get(script.name)![code - script.from];
  if (/\p{M}|[\u200B-\u200D\u2060\uFEFF\u00AD]/u.test(ch)) return 0;
  const base = ch.normalize("NFD").codePointAt(0)!;
  if (base >= 32 && base <= 126 && base !== code) return table[base - 32];
  if (code >= 0x2e80) return 1000;
  if (/\p{Lu}/u.test(ch)) return 1000;
  if (/\p{L}|\p{N}/u.test(ch)) return 800;
  return 1000;
}

/** Width in thousandths of an em: whole numbers, so widths add up exactly, piece by piece. */
function textUnits(text: string, bold: boolean, complexMargin = true): number {
  const table = bold ? BOLD : REGULAR;
  let units = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 32 && code <= 126) units += table[code - 32];
    else if (ch in OTHER) units += OTHER[ch];
    else if (!complexMargin && complexScript(code))
      units += Math.max(
        0,
        SCRIPT_ADVANCES[complexScript(code)!.name][bold ? "bold" : "regular"][code - complexScript(code)!.from],
      );
    else units += otherWidth(ch, code, table);
  }
  return units;
}

function unitsToWidth(units: number, size: number): number {
  return (units / 1000) * size * SAFETY;
}

export function textWidth(text: string, size: number, bold = false): number {
  return unitsToWidth(textUnits(text, bold), size);
}

/**
 * The width the PNG's and the PDF's fonts draw: as textWidth, but text in a script Noto draws
 * (Devanagari…) at Noto's own advances, without the margin kept for wider fonts. For a ground laid
 * behind words, which had better fall a little short in a reader's wider font than stand out as a
 * box beside the words in Noto. Latin text measures as textWidth does.
 */
export function drawnWidth(text: string, size: number, bold = false): number {
  return unitsToWidth(textUnits(text, bold, false), size);
}

/**
 * Where a line may break: white space, but never a no-break space (U+00A0, U+2007, U+202F). Dates
 * in other languages are written with no-break spaces ("24 nov. 2024"), and so are French and
 * Spanish numbers ("10 000"): they stay whole.
 */
export const BREAKABLE_SPACE = /[^\S\u00a0\u2007\u202f]+/;

const MONTH = /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[,;:.]?$/;
const WEEKDAY = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?$/;
const YEAR = /^\d{4}[,;:.)]?$/;
const DAY = /^\d{1,2}[,;:.]?$/;

/**
 * The units a line may break between: words, except that a date holds together ("Tue 26 Nov
 * 2024" never splits as "Tue 26 / Nov 2024"), unless the whole date is wider than the line.
 */
function atoms(paragraph: string, width: number, size: number, bold: boolean): string[] {
  const out: string[] = [];
  let prev: string | undefined;
  for (const word of paragraph.split(BREAKABLE_SPACE)) {
    if (word === "") continue;
    const glued =
      prev !== undefined &&
      ((WEEKDAY.test(prev) && DAY.test(word)) ||
        (DAY.test(prev) && MONTH.test(word)) ||
        (MONTH.test(prev) && YEAR.test(word)));
    const joined = glued ? `${out[out.length - 1]} ${word}` : "";
    if (glued && textWidth(joined, size, bold) <= width) out[out.length - 1] = joined;
    else out.push(word);
    prev = word;
  }
  // A period holds together too ("Tue 27 Jun – Sun 2 Jul 2023"), where it fits on one line.
  const isDate = (atom: string) =>
    /\u00a0/.test(atom) || (atom.includes(" ") && (WEEKDAY.test(atom.split(" ")[0]) || DAY.test(atom.split(" ")[0])));
  const merged: string[] = [];
  for (const atom of out) {
    const n = merged.length;
    if (n >= 2 && /^[\u2013-]$/.test(merged[n - 1]) && isDate(merged[n - 2]) && isDate(atom)) {
      const period = `${merged[n - 2]} ${merged[n - 1]} ${atom}`;
      if (textWidth(period, size, bold) <= width) {
        merged.splice(n - 2, 2, period);
        continue;
      }
    }
    merged.push(atom);
  }
  return merged;
}

/**
 * Greedy word wrap to a width; a word longer than the line is broken by characters. Every line
 * takes at least one character (whole code points, never half a surrogate pair), so a character
 * wider than the line, or a width of zero or less, still ends: that character stands on its own line.
 * Linear in the text: widths are added up piece by piece, never measured again from the start.
 */
export function wrap(text: string, width: number, size: number, bold = false): string[] {
  const fits = (units: number) => unitsToWidth(units, size) <= width;
  const space = textUnits(" ", bold);
  const lines: string[] = [];
  for (const paragraph of text.split(/\n/)) {
    let line = "";
    let lineUnits = 0;
    for (const word of atoms(paragraph, width, size, bold)) {
      const wordUnits = textUnits(word, bold);
      const candidate = line ? lineUnits + space + wordUnits : wordUnits;
      if (fits(candidate)) {
        line = line ? `${line} ${word}` : word;
        lineUnits = candidate;
        continue;
      }
      if (line) lines.push(line);
      if (fits(wordUnits)) {
        line = word;
        lineUnits = wordUnits;
        continue;
      }
      // At word boundaries where the script has no spaces between words (Thai), else whole
      // characters only: a letter and its accent, or an emoji sequence, never part ways. Each line
      // takes as many as fit (at least one); what is left starts the next line.
      const pieces = segments(word, WORDS).flatMap((w) => (fits(textUnits(w, bold)) ? [w] : graphemes(w)));
      let start = 0;
      let units = 0;
      for (let i = 0; i < pieces.length; i++) {
        const next = textUnits(pieces[i], bold);
        if (i > start && !fits(units + next)) {
          lines.push(pieces.slice(start, i).join(""));
          start = i;
          units = 0;
        }
        units += next;
      }
      line = pieces.slice(start).join("");
      lineUnits = units;
    }
    if (line) lines.push(line);
  }
  return lines;
}

/**
 * Wrap for headlines and deks: as many lines as the greedy wrap needs, but of even length, so a
 * title never ends on one stranded word. The break points minimise how far each line strays from
 * the average line (a small dynamic programme over the words, a short first line weighing double);
 * no line is wider than `width`.
 *
 * Linear in the words: with exactly as many lines as the greedy wrap, the first m words can only
 * end line g(m), the fewest lines they fit on, and only when the other words fit on the lines
 * left; so each word has one state, and each state looks back over one line's worth of words.
 */
export function wrapBalanced(text: string, width: number, size: number, bold = false): string[] {
  const greedy = wrap(text, width, size, bold);
  const words = atoms(text, width, size, bold);
  const units = words.map((w) => textUnits(w, bold));
  const fits = (u: number) => unitsToWidth(u, size) <= width;
  if (greedy.length < 2 || text.includes("\n") || units.some((u) => !fits(u))) return greedy;
  const k = greedy.length;
  const n = words.length;
  const space = textUnits(" ", bold);
  const prefix = [0];
  for (const u of units) prefix.push(prefix[prefix.length - 1] + u);
  // Words i to j (not j) on one line.
  const spanUnits = (i: number, j: number) => prefix[j] - prefix[i] + (j - i - 1) * space;
  const span = (i: number, j: number) => unitsToWidth(spanUnits(i, j), size);
  // fewest[m]: lines the first m words need; fewestAfter[m]: lines the words from m on need.
  const fewest = new Array<number>(n + 1).fill(0);
  for (let m = 1, line = 0; m <= n; m++) {
    const joined = line + space + units[m - 1];
    const starts = m === 1 || !fits(joined);
    line = starts ? units[m - 1] : joined;
    fewest[m] = fewest[m - 1] + (starts ? 1 : 0);
  }
  const fewestAfter = new Array<number>(n + 1).fill(0);
  for (let m = n - 1, line = 0; m >= 0; m--) {
    const joined = units[m] + space + line;
    const starts = m === n - 1 || !fits(joined);
    line = starts ? units[m] : joined;
    fewestAfter[m] = fewestAfter[m + 1] + (starts ? 1 : 0);
  }
  // The line the first m words end, or -1 when no way to set them leads to exactly k lines.
  const lineOf = (m: number) => (m === 0 ? 0 : fewest[m] + fewestAfter[m] === k ? fewest[m] : -1);
  const target = span(0, n) / k;
  // cost[m]: the best way to set the first m words on lineOf(m) lines; from[m]: where that line starts.
  const cost = new Array<number>(n + 1).fill(Infinity);
  const from = new Array<number>(n + 1).fill(0);
  cost[0] = 0;
  for (let m = 1, low = 0; m <= n; m++) {
    while (!fits(spanUnits(low, m))) low++;
    const j = lineOf(m);
    if (j < 1) continue;
    for (let i = low; i < m; i++) {
      if (cost[i] === Infinity || lineOf(i) !== j - 1) continue;
      const w = span(i, m);
      // A short first line counts double: a headline reads better top-heavy than bottom-heavy.
      const c = cost[i] + (w - target) ** 2 * (j === 1 && w < target ? 2 : 1);
      if (c < cost[m]) {
        cost[m] = c;
        from[m] = i;
      }
    }
  }
  if (cost[n] === Infinity) return greedy;
  const lines: string[] = [];
  for (let m = n; m > 0; m = from[m]) lines.push(words.slice(from[m], m).join(" "));
  return lines.reverse();
}

/**
 * Wrap for titles and deks: lines as full as the width allows (a desktop title is not squeezed to
 * half its frame), dates and periods whole, and never one word alone on the last line: a stub
 * takes words from the line above (as in wrapPretty), else the lines are evened out.
 */
export function wrapHeadline(text: string, width: number, size: number, bold = false): string[] {
  const lines = wrapPretty(text, width, size, bold);
  const last = lines[lines.length - 1]?.trim() ?? "";
  if (lines.length < 2 || /\s/.test(last)) return lines;
  return wrapBalanced(text, width, size, bold);
}

/**
 * Wrap for a list ("Source: wire report, 3 Jul 2023; Interior ministry statement, 5 Jul 2023"):
 * lines break after a separator, so no item is split across lines unless it is wider than a line
 * on its own (then it wraps as running text).
 */
export function wrapList(text: string, width: number, size: number, bold = false, separator = "; "): string[] {
  const items = text
    .split(separator)
    .map((item, i, all) => (i < all.length - 1 ? `${item}${separator.trimEnd()}` : item));
  const lines: string[] = [];
  let line = "";
  for (const item of items) {
    const candidate = line ? `${line} ${item}` : item;
    if (textWidth(candidate, size, bold) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    if (textWidth(item, size, bold) <= width) line = item;
    else {
      const wrapped = wrapPretty(item, width, size, bold);
      for (const piece of wrapped.slice(0, -1)) lines.push(piece);
      line = wrapped[wrapped.length - 1] ?? "";
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Wrap for running text (notes): greedy, except that a stub of a last line (one word, or under a
 * fifth of the width) takes words from the line above, by wrapping a little narrower, as long as
 * that needs no extra line.
 */
export function wrapPretty(text: string, width: number, size: number, bold = false): string[] {
  const greedy = wrap(text, width, size, bold);
  const stub = (lines: string[]) => {
    if (lines.length < 2) return false;
    const last = lines[lines.length - 1].trim();
    return !/\s/.test(last) || textWidth(last, size, bold) < width / 5;
  };
  if (!stub(greedy)) return greedy;
  for (let w = width - 4; w >= width * 0.7; w -= 4) {
    const lines = wrap(text, w, size, bold);
    if (lines.length > greedy.length) break;
    if (!stub(lines)) return lines;
  }
  return greedy;
}

/**
 * Text set in a narrow column (above a bar, under a day): its words whole, on at most `lines`
 * lines; undefined if it cannot be, so the caller picks another layout rather than break a number.
 */
export function wrapWhole(text: string, width: number, size: number, bold = false, lines = 3): string[] | undefined {
  const set = wrap(text, width, size, bold);
  return set.length <= lines && set.join(" ") === text.split(BREAKABLE_SPACE).join(" ") ? set : undefined;
}

const SEGMENTER = new Intl.Segmenter("en", { granularity: "grapheme" });
/** Words, by the Unicode rules and ICU's dictionaries for scripts written without spaces (Thai). */
const WORDS = new Intl.Segmenter("th", { granularity: "word" });
/** Code units segmented at a time: V8's segmenter slows down more than linearly on one long text. */
const CHUNK = 256;

/**
 * The text's characters as a reader sees them (grapheme clusters), a chunk at a time. Whether a
 * cluster ends between two characters depends on those two and what comes before them, never on
 * what comes after; so every boundary inside a chunk is a boundary of the whole text, except that
 * the chunk's last cluster may be cut short: it is segmented again with the next chunk.
 */
function graphemes(text: string): string[] {
  return segments(text, SEGMENTER);
}

/**
 * The text cut by a segmenter a chunk at a time (see graphemes). A word's boundary can depend on
 * what follows it (a dictionary reads on): the chunk's last word is read again with the next chunk.
 */
function segments(text: string, segmenter: Intl.Segmenter): string[] {
  const out: string[] = [];
  for (let at = 0; at < text.length;) {
    let end = Math.min(text.length, at + CHUNK);
    // Never half a character at the cut: what follows a boundary decides it, and must be whole.
    if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1])) end -= 1;
    const parts = Array.from(segmenter.segment(text.slice(at, end)), (s) => s.segment);
    if (end < text.length && parts.length > 1) parts.pop();
    for (const part of parts) {
      out.push(part);
      at += part.length;
    }
  }
  return out;
}
