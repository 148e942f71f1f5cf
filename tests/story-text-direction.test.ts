import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { proofProblems } from "./helpers/problems.ts";
import { textView } from "../pipeline/publish/notebook-text.ts";
import { copyStory, edit } from "./helpers/story.ts";

const problemsOf = (data: string) => proofProblems(data, "2023-07-10");

const MINISTRY = "sources/interior-ministry.txt";

describe("a source's name (its first line's source:), shown on every chart citing it", () => {
  it("is refused holding a character that reorders text, at the source's first line", () => {
    const { data } = copyStory("riots");
    edit(data, MINISTRY, "source: Interior ministry statement", "source: Ministry \u202E54\u202C statement");
    expect(problemsOf(data)).toContain(
      `${MINISTRY}:1: the source's name holds a right-to-left override (U+202E), an invisible character that reorders what the chart shows (a number can read backwards); delete it`,
    );
  });

  it("is refused in a script the PNG fonts cannot draw, as chart words are", () => {
    const { data } = copyStory("riots");
    edit(data, MINISTRY, "source: Interior ministry statement", "source: 内政部声明");
    const problems = problemsOf(data);
    expect(
      problems.some((p) =>
        p.startsWith(`${MINISTRY}:1: the source's name holds "内" (U+5185), a character of a script`),
      ),
    ).toBe(true);
  });

  it("is drawn when it is in a script the fonts draw", () => {
    const { data } = copyStory("riots");
    edit(data, MINISTRY, "source: Interior ministry statement", "source: Ministère de l’Intérieur");
    expect(problemsOf(data)).toEqual([]);
  });
});

describe("a character that reorders text in the article or a source", () => {
  it("is refused at its line: the article would show the number backwards where the chart shows it right", () => {
    const { data } = copyStory();
    edit(data, "article.txt", "confirmed that 954 individuals", "confirmed that \u202E954\u202C individuals");
    const line =
      readFileSync(join(data, "article.txt"), "utf8")
        .split("\n")
        .findIndex((l) => l.includes("\u202E")) + 1;
    expect(problemsOf(data)).toContain(
      `article.txt:${line}: the text holds a right-to-left override (U+202E), an invisible character that reorders how the text shows (a number can read backwards: "954" shows as "459"); delete it`,
    );
  });

  it("is shown visibly in the notebook's text, never acting on the numbers around it", () => {
    const text = "date 2024-11-27\nPolice confirmed that \u202E954\u202C individuals were arrested.\n";
    const html = textView("article.txt", text, [], { chartsOf: new Map(), problemLines: new Set() });
    expect(html).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/);
    expect(html).toContain("U+202E");
    expect(html).toContain("954");
  });

  it("in a source file is refused too", () => {
    const { data } = copyStory("riots");
    const text = readFileSync(join(data, MINISTRY), "utf8");
    writeFileSync(join(data, MINISTRY), text.replace("Statement from", "Statement\u200F from"));
    expect(problemsOf(data)).toContain(
      `${MINISTRY}:2: the text holds a right-to-left mark (U+200F), an invisible character that reorders how the text shows (a number can read backwards: "954" shows as "459"); delete it`,
    );
  });
});
