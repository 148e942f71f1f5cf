import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DataError, formatProblem } from "../pipeline/facts/problem.ts";
import { loadStory } from "../pipeline/story.ts";
import { differences, snapshot } from "./helpers/files.ts";
import { appendLine, rowOf } from "./helpers/problems.ts";
import { cli, copyStory, edit, useBuiltStory } from "./helpers/story.ts";

const ARRESTS =
  "Islamabad Police Inspector General Ali Nasir Rizvi confirmed that 954 individuals had been arrested between Sunday and Tuesday";

/** The problems loading a story reports, as `file:line: message` (no drawing, no writing). */
function problems(data: string): string[] {
  try {
    loadStory(data);
  } catch (error) {
    if (error instanceof DataError) return error.problems.map(formatProblem);
    throw error;
  }
  return [];
}

const figure = (data: string, id: string) => loadStory(data).figures.find((f) => f.id === id)!;

describe("the story's figures, proven against the article", () => {
  it("pass, each with the qualifier its quote states, in digits or in words", () => {
    const story = copyStory();
    const figures = Object.fromEntries(loadStory(story.data).figures.map((f) => [f.id, [f.value, f.qualifier]]));
    expect(figures).toMatchObject({
      protesters: [10000, "more_than"], // "more than 10,000"
      security_personnel: [20000, "exact"], // "20,000"
      arrests_lede: [1000, "nearly"], // "Nearly 1,000"
      arrests: [954, "exact"],
      closest_approach: [1.6, "up_to"], // "within 1.6 kilometers"
      police_killed: [1, "at_least"], // "at least one"
      paramilitary_killed: [4, "at_least"], // "at least one … and four": the qualifier governs the list
    });
  });

  it('take their period from the quote, "between Sunday and Tuesday" before Wed 27 Nov 2024 being 24 to 26 Nov', () => {
    const story = copyStory();
    edit(story.data, "figures.csv", "2024-11-24,2024-11-26", ",");
    expect(figure(story.data, "arrests")).toMatchObject({ start: "2024-11-24", end: "2024-11-26" });
  });

  it("resolve a source's relative dates against that source's own dateline", () => {
    const story = copyStory();
    writeFileSync(
      join(story.data, "sources/police-statement.txt"),
      "date 2024-12-04\nPolice said 312 people were arrested on Sunday.\n",
    );
    appendLine(
      story.data,
      "figures.csv",
      "sunday,arrests,Arrests,312,exact,people,,,Islamabad police,312 people were arrested on Sunday,sources/police-statement.txt,",
    );
    expect(figure(story.data, "sunday")).toMatchObject({
      start: "2024-12-01",
      end: "2024-12-01",
      source: "sources/police-statement.txt",
    });
  });
});

describe("a figure its source does not prove", () => {
  it("is refused when the quote is not in the source, saying where they part", () => {
    const story = copyStory();
    edit(story.data, "figures.csv", ARRESTS, ARRESTS.replace("confirmed that", "said that"));
    expect(problems(story.data)).toEqual([
      `figures.csv:${rowOf(story.data, "arrests")}: the quote is not in article.txt: it matches up to "…ector General Ali Nasir Rizvi ", then the quote says "said that 954 individuals had …" where the source says "confirmed that 954 individuals…"; copy it exactly`,
    ]);
  });

  it("is refused when the quote does not state the value", () => {
    const story = copyStory();
    edit(story.data, "figures.csv", /^(arrests,arrests,[^,]*,)954,/m, "$1945,");
    expect(problems(story.data)).toEqual([
      `figures.csv:${rowOf(story.data, "arrests")}: the quote does not state the value 945 (it states "954"); copy the value from the quote, or quote the sentence that states it`,
    ]);
  });

  it('is refused when the quote cuts a number: 54 is not stated by "954 individuals"', () => {
    const story = copyStory();
    edit(
      story.data,
      "figures.csv",
      /^arrests,arrests,([^,]*),954,exact,.*$/m,
      'arrests,arrests,$1,54,exact,people,,,,"54 individuals had been arrested between Sunday and Tuesday",article.txt,',
    );
    expect(problems(story.data)).toEqual([
      `figures.csv:${rowOf(story.data, "arrests")}: the quote is not in article.txt: it starts or ends inside a word or number of the source ("…irmed that 954 individuals had been arrested between Sunday and Tuesday, as protest…"); quote whole words and whole numbers, with the words that qualify them`,
    ]);
  });

  it("keeps the qualifier standing just before a quote that leaves it out", () => {
    const story = copyStory();
    edit(
      story.data,
      "figures.csv",
      /^(protesters,marched,[^,]*,10000,)more_than,[^,]*,,,,"[^"]*"/m,
      '$1exact,people,,,,"10,000 people marching towards the city center"',
    );
    edit(story.data, "figures.csv", /^(police_killed,killed,[^,]*,1,)at_least,/m, "$1exact,");
    edit(
      story.data,
      "figures.csv",
      /"The government reported at least one police officer and four paramilitary personnel were killed during the clashes",article.txt,\n(paramilitary)/,
      '"one police officer and four paramilitary personnel were killed during the clashes",article.txt,\n$1',
    );
    expect(problems(story.data)).toEqual([
      `figures.csv:${rowOf(story.data, "protesters")}: the quote says "more than 10,000", so the qualifier must be more_than, not exact`,
      `figures.csv:${rowOf(story.data, "police_killed")}: the quote says "at least one", so the qualifier must be at_least, not exact`,
    ]);
  });

  it('is refused when the row says exact and the quote says "more than 10,000"', () => {
    const story = copyStory();
    edit(story.data, "figures.csv", /^(protesters,marched,[^,]*,10000,)more_than,/m, "$1exact,");
    expect(problems(story.data)).toEqual([
      `figures.csv:${rowOf(story.data, "protesters")}: the quote says "more than 10,000", so the qualifier must be more_than, not exact`,
    ]);
  });

  it('is refused when the row claims a qualifier the quote does not give ("at least" for "Nearly 1,000")', () => {
    const story = copyStory();
    edit(story.data, "figures.csv", /^(arrests_lede,arrests,[^,]*,1000,)nearly,/m, "$1at least,");
    expect(problems(story.data)).toEqual([
      `figures.csv:${rowOf(story.data, "arrests_lede")}: the quote says "Nearly 1,000", so the qualifier must be nearly, not at_least ("at least")`,
    ]);
  });

  it('is refused when its quote qualifies the number in a way no qualifier can show ("fewer than")', () => {
    const story = copyStory();
    edit(story.data, "article.txt", "Nearly 1,000 protesters", "Fewer than 1,000 protesters");
    edit(story.data, "figures.csv", '"Nearly 1,000 protesters', '"Fewer than 1,000 protesters');
    edit(story.data, "figures.csv", /^(arrests_lede,arrests,[^,]*,1000,)nearly,/m, "$1exact,");
    expect(problems(story.data)).toEqual([
      `figures.csv:${rowOf(story.data, "arrests_lede")}: the quote says "Fewer than 1,000", which none of the qualifiers (exact, about, nearly, at_least, more_than, up_to) states; the chart could not show it as the source does, so quote a sentence that states the figure another way`,
    ]);
  });

  it("is refused when the period its quote names disagrees with start and end", () => {
    const story = copyStory();
    edit(story.data, "figures.csv", "2024-11-24,2024-11-26", "2024-11-25,2024-11-26");
    expect(problems(story.data)).toEqual([
      `figures.csv:${rowOf(story.data, "arrests")}: the quote says "between Sunday and Tuesday", which is 2024-11-24 to 2024-11-26 for a source dated 2024-11-27, but start/end say 2024-11-25 to 2024-11-26; set start 2024-11-24 and end 2024-11-26, or leave both blank`,
    ]);
  });

  it("is refused when its source file does not exist", () => {
    const story = copyStory();
    const line = appendLine(
      story.data,
      "figures.csv",
      "revised,arrests,Arrests,960,exact,people,,,Islamabad police,960 people had been arrested,sources/police-statement.txt,",
    );
    expect(problems(story.data)).toEqual([
      `figures.csv:${line}: source "sources/police-statement.txt" does not exist in the story folder; put it in sources/ and name it as sources/NAME.txt`,
    ]);
  });

  it("is refused when the article has no dateline to resolve its dates against", () => {
    const story = copyStory();
    edit(story.data, "article.txt", /^\s*date 2024-11-27/, "");
    expect(problems(story.data)).toContain(
      'article.txt:1: the first line must start with the dateline "date YYYY-MM-DD" (the publication date relative dates are read against)',
    );
  });

  it("is refused naming the line to add when the article opens with a wire dateline instead", () => {
    const story = copyStory();
    edit(story.data, "article.txt", /^\s*date 2024-11-27/, "ISLAMABAD, Nov. 27, 2024 (Reuters) -");
    expect(problems(story.data)).toContain(
      'article.txt:1: the first line must start with the dateline "date YYYY-MM-DD" (the publication date relative dates are read against); line 1\'s wire dateline says "Nov. 27, 2024": add "date 2024-11-27" as the first line',
    );
  });
});

describe("a build of figures that fail their proof", () => {
  const good = useBuiltStory();

  it("lists every failure with its file and line in one run, exits 1 without a stack trace, and leaves output/ as it was", () => {
    const story = copyStory();
    edit(story.data, "figures.csv", ARRESTS, ARRESTS.replace("confirmed that", "said that"));
    edit(story.data, "figures.csv", /^(security_personnel,deployed,[^,]*,)20000,/m, "$125000,");
    edit(story.data, "figures.csv", /^(protesters,marched,[^,]*,10000,)more_than,/m, "$1exact,");
    const missing = appendLine(
      story.data,
      "figures.csv",
      "revised,arrests,Arrests,960,exact,people,,,,960 people had been arrested,sources/police-statement.txt,",
    );
    const period = appendLine(
      story.data,
      "figures.csv",
      `again,arrests,Arrests,954,exact,people,2024-11-20,2024-11-22,,"${ARRESTS}",article.txt,`,
    );
    const run = cli(["--data", story.data, "--out", good.out]);
    expect(run.status).toBe(1);
    const at = (line: number) => `${story.data}/figures.csv:${line}: `;
    const expected = [
      `${at(rowOf(story.data, "protesters"))}the quote says "more than 10,000", so the qualifier must be more_than, not exact`,
      `${at(rowOf(story.data, "security_personnel"))}the quote does not state the value 25,000`,
      `${at(rowOf(story.data, "arrests"))}the quote is not in article.txt`,
      `${at(missing)}source "sources/police-statement.txt" does not exist`,
      `${at(period)}the quote says "between Sunday and Tuesday", which is 2024-11-24 to 2024-11-26`,
    ];
    const lines = run.stderr.trim().split("\n").slice(1);
    expect(lines).toHaveLength(expected.length);
    expected.forEach((start, i) =>
      expect(lines[i].startsWith(start), `${lines[i]}\nshould start with\n${start}`).toBe(true),
    );
    expect(run.stderr).not.toMatch(/^\s+at |Error/m);
    expect(differences(good.files, snapshot(good.out))).toEqual([]);
  });
});
