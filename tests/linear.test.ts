/**
 * Work that must grow linearly with its input, shown as ratios over three sizes (each four times
 * the last), never as times: a hostile or careless story (a note without spaces, a dek of hundreds
 * of words, a long Chinese note, a spreadsheet cell full of doubled quote marks) must not hang the
 * build. Before, 2,000 characters without a space took minutes to wrap.
 */
import { describe, expect, it } from "vitest";
import { wrap, wrapBalanced, wrapPretty } from "../charts/measure.ts";
import { parseCsv } from "../pipeline/facts/csv.ts";
import { FIGURE_COLUMNS } from "../pipeline/facts/figure.ts";
import { growth } from "./helpers/growth.ts";

/**
 * Sixteen times the input may cost up to 64 times the time: linear is 16, quadratic 256. The slack
 * is for a shared machine; the gap to quadratic stays wide.
 */
const LINEAR = 64;
const SLOW_MACHINE = { timeout: 60_000 };

const WORDS = ["protesters", "marched", "on", "the", "capital,", "police", "said", "Tue", "26", "Nov", "2024", "and"];
const dek = (n: number) => Array.from({ length: n }, (_, i) => WORDS[i % WORDS.length]).join(" ");
const HEADER = FIGURE_COLUMNS.join(",");
const row = (quoteCell: string) => `x,killed,Police,5,exact,,,,,${quoteCell},article.txt`;

describe("text layout is linear in the text", () => {
  it("wraps a note without spaces (broken by characters)", SLOW_MACHINE, () => {
    const ratios = growth([2000, 8000, 32000], (n) => wrapPretty("x".repeat(n), 608, 13));
    expect(ratios[2]).toBeLessThan(LINEAR);
  });

  it("wraps a note of Chinese characters (no spaces, each character wide)", SLOW_MACHINE, () => {
    const ratios = growth([1200, 4800, 19200], (n) => wrapPretty("数据新闻报道".repeat(n / 6), 608, 13));
    expect(ratios[2]).toBeLessThan(LINEAR);
  });

  it("balances a dek of hundreds of words, at desktop and phone widths", SLOW_MACHINE, () => {
    for (const width of [608, 316]) {
      const ratios = growth([400, 1600, 6400], (n) => wrapBalanced(dek(n), width, 17));
      expect(ratios[2], `width ${width}`).toBeLessThan(LINEAR);
    }
  });

  it("wraps a long word among words, keeping every character", SLOW_MACHINE, () => {
    const text = `${dek(50)} ${"y".repeat(5000)} ${dek(50)}`;
    expect(wrap(text, 300, 13).join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
    const ratios = growth([1000, 4000, 16000], (n) => wrap(`${dek(n / 10)} ${"y".repeat(n)}`, 300, 13));
    expect(ratios[2]).toBeLessThan(LINEAR);
  });
});

describe("CSV linting is linear in the file", () => {
  /** A quoted cell of about n characters, full of doubled quote marks and commas. */
  const doubled = (n: number, after = "") => `${HEADER}\n${row(`"${',""a""b'.repeat(n / 8)}"${after}`)}\n`;

  it("reads a 160 KB quoted cell full of doubled quote marks", SLOW_MACHINE, () => {
    const ratios = growth([10000, 40000, 160000], (n) => parseCsv("figures.csv", doubled(n), FIGURE_COLUMNS));
    expect(ratios[2]).toBeLessThan(LINEAR);
  });

  it("reports text after the closing quote of such a cell, in linear time", SLOW_MACHINE, () => {
    const { problems } = parseCsv("figures.csv", doubled(40000, "x"), FIGURE_COLUMNS);
    expect(problems.map((p) => p.line)).toEqual([2]);
    expect(problems[0].message).toMatch(/text after its closing quote mark/);
    const ratios = growth([10000, 40000, 160000], (n) => parseCsv("figures.csv", doubled(n, "x"), FIGURE_COLUMNS));
    expect(ratios[2]).toBeLessThan(LINEAR);
  });

  it("reads a cell of padded, quoted pieces", SLOW_MACHINE, () => {
    const padded = (n: number) => `${HEADER}\n${row(`"${', ""a"" '.repeat(n / 8)}"`)}\n`;
    const ratios = growth([10000, 40000, 160000], (n) => parseCsv("figures.csv", padded(n), FIGURE_COLUMNS));
    expect(ratios[2]).toBeLessThan(LINEAR);
  });

  it("reads a sheet where every other line leaves a quote mark open, reporting each", SLOW_MACHINE, () => {
    const sheet = (n: number) => `${HEADER}\n${`${row('"abc')}\n${row("def")}\n`.repeat(n)}`;
    const { problems } = parseCsv("figures.csv", sheet(100), FIGURE_COLUMNS);
    expect(problems.map((p) => p.line)).toEqual(Array.from({ length: 100 }, (_, i) => 2 + 2 * i));
    const ratios = growth([200, 800, 3200], (n) => parseCsv("figures.csv", sheet(n), FIGURE_COLUMNS));
    expect(ratios[2]).toBeLessThan(LINEAR);
  });
});
