import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findNumbers } from "../pipeline/facts/numbers.ts";
import { DataError } from "../pipeline/facts/problem.ts";
import { loadStory } from "../pipeline/story.ts";
import { copyStory } from "./helpers/story.ts";

/**
 * Input far larger than any story, as a hostile or broken file is: every stage must report it or
 * read it, never overflow the stack by spreading a long list into a call (ESLint refuses such a
 * spread in pipeline/ and charts/).
 */
describe("a very large input", () => {
  it("20,000 broken figures.csv rows are each reported (a problem a cell), not a stack overflow", () => {
    const story = copyStory();
    const header = "id,metric,category,value,qualifier,unit,start,end,attributed_to,quote,source,restates\n";
    // A control character in every cell: a dozen problems a row, a quarter of a million in all.
    const cell = "\u0001";
    const broken = Array.from({ length: 20_000 }, (_, i) => `f${i}${`,${cell}`.repeat(11)}\n`).join("");
    writeFileSync(join(story.data, "figures.csv"), header + broken);
    let problems: number | undefined;
    try {
      loadStory(story.data, { today: "2024-11-28" });
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      problems = error.problems.length;
    }
    expect(problems).toBeGreaterThanOrEqual(200_000);
  });

  it("a run of 200,000 number words is read, not a stack overflow", () => {
    const numbers = findNumbers(`date 2024-11-27 ${"one ".repeat(200_000)}`);
    expect(numbers.length).toBeGreaterThanOrEqual(200_000);
  });
});
