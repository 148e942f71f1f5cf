/**
 * Scripts written without spaces between words (Thai) wrap where a reader's eye allows: at word
 * boundaries as Intl.Segmenter finds them, never inside a syllable; a word wider than the line
 * still breaks, by whole characters.
 */
import { describe, expect, it } from "vitest";
import { textWidth, wrap, wrapPretty } from "../charts/measure.ts";
import { growth } from "./helpers/growth.ts";

/** Where a line may end: every word boundary of the text, by the Unicode segmenter for its language. */
function boundaries(text: string, locale: string): Set<number> {
  const segmenter = new Intl.Segmenter(locale, { granularity: "word" });
  return new Set(Array.from(segmenter.segment(text), (s) => s.index + s.segment.length));
}

/** Where the lines of a wrap end, as offsets in the text (no spaces are dropped in Thai). */
function cuts(lines: string[]): number[] {
  let at = 0;
  return lines.slice(0, -1).map((line) => (at += line.length));
}

const THAI = "ผู้ประท้วงถูกจับกุมในกรุงเทพมหานครเมื่อวันอาทิตย์";

describe("a Thai label", () => {
  it("wraps at word boundaries, at every width that holds its longest word", () => {
    const allowed = boundaries(THAI, "th");
    const longest = textWidth("กรุงเทพมหานคร", 14);
    for (const width of [longest, 90, 120, 160, 200].filter((w) => w >= longest)) {
      for (const set of [wrap, wrapPretty]) {
        const lines = set(THAI, width, 14);
        expect(lines.join(""), `${set.name} ${width}`).toBe(THAI);
        for (const cut of cuts(lines))
          expect(allowed.has(cut), `${set.name} at ${width}px: ${lines.join(" | ")}`).toBe(true);
      }
    }
  });

  it("still breaks a word wider than the line, by whole characters", () => {
    const lines = wrap("กรุงเทพมหานคร", 30, 14);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join("")).toBe("กรุงเทพมหานคร");
  });

  it("wraps a long Thai note in time linear in its length", { timeout: 60_000 }, () => {
    const note = (n: number) => THAI.repeat(Math.ceil(n / THAI.length)).slice(0, n);
    const ratios = growth([2000, 8000, 32000], (n) => wrapPretty(note(n), 608, 13));
    expect(ratios[2]).toBeLessThan(64);
  });
});
