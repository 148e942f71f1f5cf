import { describe, expect, it } from "vitest";
import { misreadings, parseCorpus, report, scoreCorpus, sum } from "./helpers/corpus.ts";

/**
 * The reading corpus (tests/corpus/*.txt): every passage read with the project's reader at its
 * dateline, every figure scored on found, value, qualifier, unit and period (and the five
 * together), noun and speaker apart. Targets: all five right for at least 95% of figures, no
 * number that is not a figure read as one, and no figure the reader reports that a passage does
 * not list. `npm run bench -- --reading` prints the same table.
 */
const ALL_FIVE = 0.95;
const FIELD = 0.95;
const NOUN = 0.95;
const SPEAKER = 0.97;

describe("the reading corpus", () => {
  const result = scoreCorpus();
  const total = sum(result.files.map((f) => f.tally));
  const failures = () => `\n${report(result)}\n${misreadings(result).slice(0, 60).join("\n")}`;

  it("parses: every line is a passage, a figure, a number that is not one, or a comment", () => {
    expect(result.problems.map((p) => `${p.file}:${p.line}: ${p.message}`)).toEqual([]);
    expect(total.sentences).toBeGreaterThanOrEqual(300);
  });

  it(`reads all five fields right for at least ${ALL_FIVE * 100}% of its figures, and each of found, value, qualifier and unit for ${FIELD * 100}%`, () => {
    for (const field of ["found", "value", "qualifier", "unit"] as const)
      expect(total.right[field] / total.figures, `${field}${failures()}`).toBeGreaterThanOrEqual(FIELD);
    expect(total.right.all / total.figures, failures()).toBeGreaterThanOrEqual(ALL_FIVE);
  });

  it(`reads what is counted for at least ${NOUN * 100}% and who gives it for at least ${SPEAKER * 100}% of the figures that say`, () => {
    expect(total.nounsRight / total.nouns, failures()).toBeGreaterThanOrEqual(NOUN);
    expect(total.speakersRight / total.speakers, failures()).toBeGreaterThanOrEqual(SPEAKER);
  });

  it("reads no number that is not a figure as one (an age, a clock time, an address, a calibre, a year)", () => {
    const wrong = misreadings(result).filter((m) => m.includes("false figure"));
    expect(wrong).toEqual([]);
  });

  it("reports no figure that a passage does not list", () => {
    const wrong = misreadings(result).filter((m) => m.includes("unlisted figure"));
    expect(wrong).toEqual([]);
  });
});

describe("the corpus format", () => {
  it("reads passages, continuations, paragraph breaks, sources and the second occurrence of a number", () => {
    const { passages, problems } = parseCorpus(
      "x.txt",
      [
        "# a comment",
        "date 2024-11-27",
        "source County statement",
        "> Police arrested 12 people on Sunday",
        "> and 12 on Monday.",
        ">",
        "> CHIEF: We counted 40.",
        "12 = 12 | exact | | 2024-11-24 | people arrested | police",
        "12#2 = 12 | exact | | 2024-11-25 | *",
        "not 40",
      ].join("\n"),
    );
    expect(problems).toEqual([]);
    expect(passages).toHaveLength(1);
    expect(passages[0].text).toBe("Police arrested 12 people on Sunday and 12 on Monday.\n\nCHIEF: We counted 40.");
    expect(passages[0].source).toBe("County statement");
    expect(passages[0].expected.map((e) => [e.words, e.occurrence, e.figure, e.noun, e.speaker])).toEqual([
      ["12", 1, true, "people arrested", "police"],
      ["12", 2, true, undefined, undefined],
      ["40", 1, false, undefined, undefined],
    ]);
  });

  it("says which line is wrong: no dateline, an unknown qualifier, a number not in the passage", () => {
    const { problems } = parseCorpus(
      "x.txt",
      ["> 12 people.", "12 = 12 | roughly | | |", "13 = 13 | exact | | |"].join("\n"),
    );
    expect(problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      "1: a passage before any `date YYYY-MM-DD` line",
      '2: unknown qualifier "roughly"',
      '3: "13"#1 is not in the passage',
    ]);
  });
});
