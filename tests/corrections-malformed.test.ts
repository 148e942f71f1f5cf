import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { proofProblems } from "./helpers/problems.ts";
import { cli, copyStory } from "./helpers/story.ts";

const HEADER = "date,id,field,from,to,reason\n";

const problemsOf = (data: string) => proofProblems(data, "2024-11-30");

describe("a malformed corrections.csv row", () => {
  const cases: [string, string, RegExp][] = [
    [
      "a cell running over lines",
      '2024-11-28,arrests,value,954,960,"Police\nrevised"\n',
      /^corrections\.csv:2: the cell in column "reason" runs over lines 2–3/,
    ],
    [
      "one cell too many",
      "2024-11-28,arrests,value,954,960,Police,revised\n",
      /^corrections\.csv:2: 7 cells but the header has 6 columns; a comma inside a cell needs the cell in quotes/,
    ],
    [
      "an unclosed quote",
      '2024-11-28,arrests,value,954,960,"Police revised\n',
      /^corrections\.csv:2: a quote mark \("\) opens the cell in column "reason" and is not closed/,
    ],
    [
      "text after a closing quote",
      '2024-11-28,arrests,value,954,960,"Police" revised\n',
      /^corrections\.csv:2: the cell in column "reason" has text after its closing quote mark/,
    ],
  ];
  for (const [what, row, message] of cases)
    it(`is reported at its line with the fix, never a crash: ${what}`, () => {
      const story = copyStory();
      writeFileSync(join(story.data, "corrections.csv"), HEADER + row);
      const problems = problemsOf(story.data);
      expect(problems.length, problems.join("\n")).toBe(1);
      expect(problems[0]).toMatch(message);
    });

  it("stops the build with exit 1 and the line, not an internal error (exit 70)", () => {
    const story = copyStory();
    writeFileSync(join(story.data, "corrections.csv"), `${HEADER}2024-11-28,arrests,value,954,960,Police,revised\n`);
    const run = cli(["--data", story.data, "--out", story.out]);
    expect(run.stderr).not.toContain("Internal error");
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("corrections.csv:2: 7 cells but the header has 6 columns");
  });

  it("leaves the well-formed rows around it applied and checked", () => {
    const story = copyStory();
    writeFileSync(
      join(story.data, "corrections.csv"),
      `${HEADER}2024-11-28,arrests,value,954,960,Police,revised\n2024-11-28,protesters,category,Marchers,People,Relabelled\n`,
    );
    const problems = problemsOf(story.data);
    expect(problems.some((p) => p.startsWith("corrections.csv:2: "))).toBe(true);
    // The good row below is still read: its stale "from" is reported at its own line.
    expect(
      problems.some((p) => p.startsWith('corrections.csv:3: stale correction: protesters.category is "Protesters"')),
    ).toBe(true);
  });
});
