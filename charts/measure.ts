/**
 * Text width without a browser. Plot never measures text, so the frame does: advance widths of
 * Helvetica (Arial and Liberation Sans share them) in thousandths of an em, for printable ASCII.
 * Anything else counts as a wide glyph. A small margin covers fonts that run slightly wider.
 */

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
 * Characters outside the table, estimated on the wide side (wrapping early is harmless, running
 * out of the frame is not): an accented Latin letter as its base letter; a combining mark as
 * nothing; other capitals (Æ, Œ, Ж) as an em; other letters as 0.8 em; CJK and symbols as an em.
 */
function otherWidth(ch: string, code: number, table: number[]): number {
  if (/\p{M}|[\u200B-\u200D\u2060\uFEFF\u00AD]/u.test(ch)) return 0;
  const base = ch.normalize("NFD").codePointAt(0)!;
  if (base >= 32 && base <= 126 && base !== code) return table[base - 32];
  if (code >= 0x2e80) return 1000;
  if (/\p{Lu}/u.test(ch)) return 1000;
  if (/\p{L}|\p{N}/u.test(ch)) return 800;
  return 1000;
}

export function textWidth(text: string, size: number, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  let units = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 32 && code <= 126) units += table[code - 32];
    else if (ch in OTHER) units += OTHER[ch];
    else units += otherWidth(ch, code, table);
  }
  return (units / 1000) * size * SAFETY;
}

const MONTH = /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[,;:.]?$/;
const WEEKDAY = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?$/;
const YEAR = /^\d{4}[,;:.)]?$/;
const DAY = /^\d{1,2}[,;:.]?$/;

/**
 * The units a line may break between: words, except that a date holds together ("Tue 26 Nov
 * 2024" never splits as "Tue 26 / Nov 2024"), unless the whole date is wider than the line.
 */
function atoms(paragraph: string, width: number, size: number, bold: boolean): string[] {
  const words = paragraph.split(/\s+/).filter(Boolean);
  const out: string[][] = [];
  words.forEach((word, i) => {
    const prev = words[i - 1];
    const glued =
      prev !== undefined &&
      ((WEEKDAY.test(prev) && DAY.test(word)) ||
        (DAY.test(prev) && MONTH.test(word)) ||
        (MONTH.test(prev) && YEAR.test(word)));
    if (glued && textWidth([...out[out.length - 1], word].join(" "), size, bold) <= width)
      out[out.length - 1].push(word);
    else out.push([word]);
  });
  // A period holds together too ("Tue 27 Jun – Sun 2 Jul 2023"), where it fits on one line.
  const isDate = (a: string[] | undefined) => a !== undefined && a.length > 1 && (WEEKDAY.test(a[0]) || DAY.test(a[0]));
  for (let k = out.length - 2; k >= 1; k--) {
    if (out[k].length !== 1 || !/^[\u2013-]$/.test(out[k][0]) || !isDate(out[k - 1]) || !isDate(out[k + 1])) continue;
    const period = [...out[k - 1], ...out[k], ...out[k + 1]];
    if (textWidth(period.join(" "), size, bold) <= width) out.splice(k - 1, 3, period);
  }
  return out.map((a) => a.join(" "));
}

/**
 * Greedy word wrap to a width; a word longer than the line is broken by characters. Every line
 * takes at least one character (whole code points, never half a surrogate pair), so a character
 * wider than the line, or a width of zero or less, still ends: that character stands on its own line.
 */
export function wrap(text: string, width: number, size: number, bold = false): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\n/)) {
    let line = "";
    for (const word of atoms(paragraph, width, size, bold)) {
      const candidate = line ? `${line} ${word}` : word;
      if (textWidth(candidate, size, bold) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      // Whole characters only: a letter and its accent, or an emoji sequence, never part ways.
      let rest = graphemes(word);
      while (rest.length > 1 && textWidth(rest.join(""), size, bold) > width) {
        let cut = rest.length - 1;
        while (cut > 1 && textWidth(rest.slice(0, cut).join(""), size, bold) > width) cut--;
        lines.push(rest.slice(0, cut).join(""));
        rest = rest.slice(cut);
      }
      line = rest.join("");
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
 */
export function wrapBalanced(text: string, width: number, size: number, bold = false): string[] {
  const greedy = wrap(text, width, size, bold);
  const words = atoms(text, width, size, bold);
  if (greedy.length < 2 || text.includes("\n") || words.some((w) => textWidth(w, size, bold) > width)) return greedy;
  const k = greedy.length;
  const n = words.length;
  const span = (i: number, j: number) => textWidth(words.slice(i, j).join(" "), size, bold);
  const target = span(0, n) / k;
  // cost[j][m]: the best way to set the first m words on j lines; from[j][m]: where line j starts.
  const cost = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(Infinity));
  const from = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(0));
  cost[0][0] = 0;
  for (let j = 1; j <= k; j++) {
    for (let m = j; m <= n; m++) {
      for (let i = j - 1; i < m; i++) {
        if (cost[j - 1][i] === Infinity) continue;
        const w = span(i, m);
        if (w > width) continue;
        // A short first line counts double: a headline reads better top-heavy than bottom-heavy.
        const c = cost[j - 1][i] + (w - target) ** 2 * (j === 1 && w < target ? 2 : 1);
        if (c < cost[j][m]) {
          cost[j][m] = c;
          from[j][m] = i;
        }
      }
    }
  }
  if (cost[k][n] === Infinity) return greedy;
  const lines: string[] = [];
  for (let j = k, m = n; j > 0; m = from[j][m], j--) lines.unshift(words.slice(from[j][m], m).join(" "));
  return lines;
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
      lines.push(...wrapped.slice(0, -1));
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
    const last = lines[lines.length - 1].trim();
    return lines.length > 1 && (!/\s/.test(last) || textWidth(last, size, bold) < width / 5);
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
  return set.length <= lines && set.join(" ") === text.split(/\s+/).join(" ") ? set : undefined;
}

const SEGMENTER = new Intl.Segmenter("en", { granularity: "grapheme" });

function graphemes(text: string): string[] {
  return Array.from(SEGMENTER.segment(text), (s) => s.segment);
}
