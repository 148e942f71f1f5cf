import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../pipeline/build.ts";
import type { Figure } from "../pipeline/facts/figure.ts";
import {
  capitalize,
  formatNumber,
  formatValue,
  periodWords,
  qualified,
  qualifierWords,
} from "../pipeline/facts/format.ts";
import { correctionNotes } from "../pipeline/words/chart-words.ts";
import { figure as madeFigure } from "./helpers/figures.ts";
import { copyStory, edit } from "./helpers/story.ts";
import { parseSvg, visibleText } from "./helpers/svg.ts";

/** The display half of the contract: the source's own words, capitalised by position only. */

/** Some 45,000: what most of these tests vary. */
const figure = (over: Partial<Figure>): Figure =>
  madeFigure({ id: "x", value: 45000, qualifier: "about", qualifier_words: "some", ...over });

describe("format.ts", () => {
  it("keeps the source's qualifier word, and the plain phrase where it had none", () => {
    expect(qualified(figure({}))).toBe("some 45,000");
    expect(qualified(figure({ qualifier: "more_than", qualifier_words: "over", value: 9000 }))).toBe("over 9,000");
    expect(qualified(figure({ qualifier: "about", qualifier_words: "", value: 500 }))).toBe("about 500");
    expect(qualified(figure({ qualifier: "exact", qualifier_words: "", value: 954 }))).toBe("954");
    expect(qualifierWords(figure({ qualifier: "nearly", qualifier_words: "almost" }))).toBe("almost");
  });

  it("never shows a fraction as digits", () => {
    const third = figure({ value: 1 / 3, fraction: { numerator: 1, denominator: 3 }, value_words: "a third" });
    expect(qualified({ ...third, qualifier_words: "about" })).toBe("about a third");
    expect(formatValue({ ...third, value_words: "" })).toBe("a third");
    expect(
      formatValue(figure({ value: 0.2, fraction: { numerator: 1, denominator: 5 }, value_words: "one in five" })),
    ).toBe("one in five");
    expect(formatValue(figure({ value: 2 / 3, fraction: { numerator: 2, denominator: 3 } }))).toBe("two-thirds");
    expect(formatValue(figure({ value: 0.5, fraction: { numerator: 1, denominator: 2 } }))).toBe("half");
  });

  it("writes a minus sign, and a night as a night", () => {
    expect(formatNumber(-5)).toBe("\u22125");
    expect(periodWords(figure({ start: "2023-06-30", end: "2023-06-30", nights: true }))).toBe(
      "night of Fri 30 Jun 2023",
    );
    expect(periodWords(figure({ start: "2023-06-30", end: "2023-07-01", nights: true }))).toBe(
      "nights of Fri 30 Jun – Sat 1 Jul 2023",
    );
    expect(periodWords(figure({ start: "2024-11-24", end: "2024-11-26" }))).toBe("Sun 24 – Tue 26 Nov 2024");
    expect(capitalize("some 45,000")).toBe("Some 45,000");
  });
});

describe("a correction note", () => {
  it("says a corrected fraction in words", () => {
    const half = figure({
      category: "Minors",
      value: 0.5,
      fraction: { numerator: 1, denominator: 2 },
      corrections: [
        {
          date: "2023-07-05",
          id: "x",
          field: "value",
          from: "1/3",
          to: "1/2",
          reason: "The ministry revised it",
          line: 2,
        },
      ],
    });
    expect(correctionNotes([half])).toEqual([
      // The note's newsroom wording is charts' (issue 10); the fraction stays in words.
      "Corrected 5 Jul 2023: minors revised from about a third to about half.",
    ]);
  });
});

describe("qualifier words on every chart of a story", () => {
  const story = copyStory("riots");
  const svg = (name: string) => parseSvg(readFileSync(join(story.out, name), "utf8"));
  beforeAll(async () => {
    // A qualified daily figure, so the period chart labels one too.
    edit(story.data, "article.txt", "719 on Saturday night", "nearly 720 on Saturday night");
    edit(
      story.data,
      "figures.csv",
      /^arrests_sat,(.*?),719,exact,(.*)"719 on Saturday night"/m,
      'arrests_sat,$1,720,nearly,$2"nearly 720 on Saturday night"',
    );
    await build({ data: story.data, out: story.out });
  });
  afterAll(() => rmSync(story.dir, { recursive: true, force: true }));

  it('shows "Some 45,000", not "About 45,000", in the title and the label, and lower-case mid-sentence', () => {
    const police = svg("police.svg");
    expect(visibleText(police)).toEqual(expect.arrayContaining(["Some 45,000"]));
    expect(visibleText(police).join(" ")).toContain("Some 45,000 officers on the streets");
    expect(visibleText(police).join(" ")).not.toMatch(/about 45,000/i);
    expect(police.querySelector("desc")?.textContent).toContain("some 45,000");
  });

  it('capitalises a value label by its position on every kind: "Nearly 5,000" on bars, "Nearly 720" on a period', () => {
    expect(visibleText(svg("damage.svg"))).toEqual(expect.arrayContaining(["Nearly 5,000"]));
    expect(visibleText(svg("arrests-by-night.svg"))).toEqual(expect.arrayContaining(["Nearly 720"]));
    expect(readFileSync(join(story.out, "arrests-by-night.csv"), "utf8")).toContain(",Nearly 720,");
  });

  it("writes a fraction into the dataset as 1/3, never 0.333", () => {
    const json = JSON.parse(readFileSync(join(story.out, "figures.json"), "utf8")) as {
      figures: { id: string; value: unknown }[];
    };
    expect(json.figures.find((f) => f.id === "minors")?.value).toBe("1/3");
    expect(readFileSync(join(story.out, "figures.csv"), "utf8")).toMatch(/^minors,[^\n]*,1\/3,about,/m);
  });
});
