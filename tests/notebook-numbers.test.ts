/**
 * The notebook's numbers: every figure of the article and sources placed exactly where it stands,
 * with its status; a recorded figure's highlight is the very number its proof read.
 */
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeForMatch } from "../pipeline/facts/quote.ts";
import { parseDateline } from "../pipeline/facts/dates.ts";
import { readSentence, readText } from "../pipeline/facts/reader.ts";
import { normalizedPositions } from "../pipeline/facts/positions.ts";
import { numbersInStory } from "../pipeline/publish/notebook-numbers.ts";
import { checkFigures } from "../pipeline/facts/check.ts";
import { listStoryNumbers } from "../pipeline/facts/coverage.ts";
import { loadStory } from "../pipeline/story.ts";
import { FIXTURES } from "./helpers/story.ts";

describe.each(["islamabad", "riots"])("the %s story's numbers", (fixture) => {
  const story = loadStory(join(FIXTURES, fixture));
  const charted = new Set(story.charts.flatMap((c) => c.shown.map((f) => f.id)));
  const numbers = numbersInStory(story.numbers, charted);
  const words = (n: { file: string; start: number; end: number }) => story.files.get(n.file)!.slice(n.start, n.end);

  it("place every figure on the number its quote states, qualifier included", () => {
    for (const f of story.figures) {
      const at = numbers.filter((n) => n.proof && n.figures.includes(f.id));
      expect(at, f.id).toHaveLength(1);
      expect(at[0].file).toBe(f.source);
      const [reading] = readSentence(words(at[0]));
      // The qualifier as the whole sentence reads it: "at least one … and four" governs the four too.
      const inContext = readText(story.files.get(f.source)!, { dateline: parseDateline(story.files.get(f.source)!) })
        .flatMap((s) => s.readings)
        .find((r) => r.numberStart <= at[0].end && r.numberEnd >= at[0].start && r.end >= at[0].end);
      expect(inContext?.qualifier, f.id).toBe(f.qualifier);
      expect(reading, `${f.id}: "${words(at[0])}"`).toMatchObject({
        kind: "figure",
        value: f.value,
        fraction: f.fraction,
        start: 0,
        end: words(at[0]).length,
      });
      expect(normalizeForMatch(story.files.get(f.source)!)).toContain(normalizeForMatch(words(at[0])));
      expect(at[0].status).toBe(charted.has(f.id) ? "charted" : "recorded");
    }
  });

  it("never overlap, stay inside their file and leave the dateline alone", () => {
    for (const file of new Set(numbers.map((n) => n.file))) {
      const spans = numbers.filter((n) => n.file === file);
      const text = story.files.get(file)!;
      const dateline = /^\s*date \d{4}-\d{2}-\d{2}/.exec(text)?.[0].length ?? 0;
      spans.forEach((n, i) => {
        expect(n.start).toBeLessThan(n.end);
        expect(n.end).toBeLessThanOrEqual(text.length);
        expect(n.start).toBeGreaterThanOrEqual(dateline);
        if (i > 0) expect(n.start).toBeGreaterThanOrEqual(spans[i - 1].end);
      });
    }
  });

  it("mark as unrecorded exactly the figures the build counts unrecorded", () => {
    const unrecorded = numbers.filter((n) => n.status === "unrecorded");
    for (const n of unrecorded) expect(n.figures).toEqual([]);
    const said = (list: { file: string; text: string }[]) => list.map((u) => `${u.file}: ${u.text}`).sort();
    expect(said(unrecorded.map((n) => ({ file: n.file, text: words(n) })))).toEqual(said(story.unrecorded));
    // The headline's 45,000 is not the sentence the deployed figure quotes ("Some 45,000 … were deployed").
    if (fixture === "riots") expect(unrecorded.map(words)).toContain("45,000");
  });
});

describe("a corrected figure", () => {
  it("shows its old number as superseded, linked to the corrections that replaced it", () => {
    const story = loadStory(join(FIXTURES, "riots"));
    const numbers = numbersInStory(story.numbers, new Set());
    const old = numbers.filter((n) => n.status === "superseded");
    expect(old).toHaveLength(1);
    expect(story.files.get(old[0].file)!.slice(old[0].start, old[0].end)).toBe("875");
    expect(old[0].corrections.map((c) => `${c.id}.${c.field}`)).toEqual([
      "arrests_thu.value",
      "arrests_thu.quote",
      "arrests_thu.source",
    ]);
  });
});

describe("placing a quote found in copy-pasted text", () => {
  it("maps back through curly quotes, line breaks, no-break spaces, soft hyphens and decomposed letters", () => {
    const article =
      "date 2024-01-02\r\nIn the\u00A0\u00A0square, the caf\u0065\u0301 said \u201Cnearly\u00A0  1,000 peo\u00ADple\u201D came; 1,000 left.\r\nLater, 12 returned.";
    const files = new Map([["article.txt", article]]);
    const rows = [
      {
        file: "figures.csv",
        line: 2,
        cells: {
          id: "came",
          metric: "came",
          value: "1000",
          qualifier: "nearly",
          quote: 'café said "nearly 1,000 people" came',
        },
      },
    ];
    const checked = checkFigures({ rows, files, history: new Map(), origin: new Map() });
    const reading = listStoryNumbers({ files, rows, history: new Map(), ...checked });
    const numbers = numbersInStory(reading, new Set());
    const recorded = numbers.find((n) => n.figures.includes("came"))!;
    expect(recorded.proof).toBe(true);
    expect(article.slice(recorded.start, recorded.end)).toBe("nearly\u00A0  1,000");
    const rest = numbers.filter((n) => n.status === "unrecorded").map((n) => article.slice(n.start, n.end));
    expect(rest).toEqual(["1,000", "12"]);
  });

  it("agrees with normalizeForMatch on any text, character for character", () => {
    const pieces = fc.constantFrom(
      "a",
      "é",
      "e\u0301",
      " ",
      "\u00A0",
      "\n",
      "\r\n",
      "\u00AD",
      "\u200B",
      "\u2019",
      "\u201C",
      "1",
      ",",
      "\uFEFF",
      "\u1100\u1161",
      "😀",
      "\u0301",
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        const text = parts.join("");
        const normalized = normalizeForMatch(text);
        const map = normalizedPositions(text);
        expect(map).toBeDefined();
        expect(map!.starts).toHaveLength(normalized.length);
        for (let i = 0; i < normalized.length; i++) {
          // The original characters a normalized one came from normalize to it, or are the run of space it became.
          const from = text.slice(map!.starts[i], map!.ends[i]);
          if (normalized[i] === " ") expect(from).toMatch(/^[\s\u00A0\u00AD\u200B\uFEFF]+$/u);
          else expect(normalizeForMatch(from)).toContain(normalized[i]);
          if (i > 0) expect(map!.starts[i]).toBeGreaterThanOrEqual(map!.starts[i - 1]);
        }
      }),
    );
  });
});
