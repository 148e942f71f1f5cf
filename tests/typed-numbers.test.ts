/**
 * Chart words and labels that would slip a number past "no typed numbers": characters that reorder
 * text (a right-to-left override shows 20,000 as "000,02"), digits of other scripts, and numbers
 * spelled out in words that a correction would leave behind.
 */
import { rmSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { build } from "../pipeline/build.ts";
import { directionControl } from "../pipeline/facts/direction.ts";
import { appendLine, csvCell, lineOf, problemsOf, rowOf } from "./helpers/problems.ts";
import { copyStory, edit } from "./helpers/story.ts";

const scratch: string[] = [];
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function story() {
  const s = copyStory("riots");
  scratch.push(s.dir);
  return s;
}

/** Every character that changes the order text is shown in. */
const CONTROLS = [
  "\u202A",
  "\u202B",
  "\u202C",
  "\u202D",
  "\u202E",
  "\u2066",
  "\u2067",
  "\u2068",
  "\u2069",
  "\u200E",
  "\u200F",
  "\u061C",
];

describe("characters that reorder what a chart shows", () => {
  it.each(CONTROLS.map((c) => [`U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`, c]))(
    "finds %s",
    (_, c) => {
      expect(directionControl(`Police ${c}officers`)).toMatch(/^an? [A-Za-z -]+ \(U\+[0-9A-F]{4}\)$/);
    },
  );

  it("leaves the letters of right-to-left scripts alone", () => {
    expect(directionControl("الشرطة שוטרים پولیس")).toBeUndefined();
  });

  it("refuses a right-to-left override in a title, naming charts.json and the title's line", async () => {
    const { data, out } = story();
    edit(data, "charts.json", '"title": "{deployed} officers', '"title": "\\u202E{deployed} officers');
    const line = lineOf(data, "charts.json", '"title": "\\u202E');
    expect(await problemsOf(data, out)).toContainEqual(
      `charts.json:${line}: title holds a right-to-left override (U+202E), an invisible character that reorders what the chart shows (a number can read backwards); delete it`,
    );
  });

  it("refuses a right-to-left mark between two references in a note", async () => {
    const { data, out } = story();
    edit(
      data,
      "charts.json",
      '"figures": ["deployed"',
      '"notes": ["{deployed.value}\u200F{officers_injured.value}"], "figures": ["deployed"',
    );
    const line = lineOf(data, "charts.json", '"notes": [');
    expect(await problemsOf(data, out)).toContainEqual(
      expect.stringMatching(
        new RegExp(`^charts\\.json:${line}: notes\\[0\\] holds a right-to-left mark \\(U\\+200F\\)`),
      ),
    );
  });

  it("refuses an isolate in a label (figures.csv category) at the figure's row", async () => {
    const { data, out } = story();
    edit(data, "figures.csv", "Buildings damaged", "\u2067Buildings damaged\u2069");
    expect(await problemsOf(data, out)).toContainEqual(
      expect.stringMatching(
        new RegExp(`^figures\\.csv:${rowOf(data, "buildings")}: category holds a right-to-left isolate \\(U\\+2067\\)`),
      ),
    );
  });

  it("refuses one in an attribution, and in a correction's new label and its reason, at the correction's line", async () => {
    const { data, out } = story();
    edit(data, "figures.csv", "79,at_least,people,,,the interior ministry", "79,at_least,people,,,the \u202Dministry");
    const line = appendLine(
      data,
      "corrections.csv",
      `2023-07-05,vehicles,category,Vehicles set on fire,${csvCell("Cars \u202Eburned")},Relabelled \u200Eby the desk`,
    );
    const problems = await problemsOf(data, out);
    expect(problems).toContainEqual(
      expect.stringMatching(
        new RegExp(`^figures\\.csv:${rowOf(data, "officers_injured")}: attributed_to holds a left-to-right override`),
      ),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(new RegExp(`^corrections\\.csv:${line}: reason holds a left-to-right mark`)),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(new RegExp(`^corrections\\.csv:${line}: to holds a right-to-left override`)),
    );
  });
});

describe("digits of every script count as typed numbers", () => {
  it.each([
    ["full-width digits", "２０，０００"],
    ["Arabic-Indic digits", "٢٠٠٠٠"],
    ["Eastern Arabic-Indic digits", "۲۰۰۰۰"],
    ["Devanagari digits", "२००००"],
    ["Bengali digits", "২০০০০"],
    ["Tamil digits", "௨௦௦௦௦"],
    ["a vulgar fraction", "½"],
  ])("refuses %s in a dek", async (_, digits) => {
    const { data, out } = story();
    edit(
      data,
      "charts.json",
      '"dek": "Police officers and gendarmes deployed',
      `"dek": "${digits} police officers and gendarmes deployed`,
    );
    const line = lineOf(data, "charts.json", `"dek": "${digits}`);
    expect(await problemsOf(data, out)).toContainEqual(
      expect.stringMatching(new RegExp(`^charts\\.json:${line}: dek: the number "${digits}" is typed into the text`)),
    );
  });

  it("still accepts a number glued to letters as a name (G7, COVID-19)", async () => {
    const { data, out } = story();
    edit(
      data,
      "charts.json",
      '"dek": "Police officers and gendarmes deployed',
      '"dek": "G7 and COVID-19: police officers and gendarmes deployed',
    );
    await expect(build({ data, out })).resolves.toBeDefined();
  });
});

describe("numbers spelled out in chart words", () => {
  it("warns when a title spells a number a figure records, naming the reference to use", async () => {
    const { data, out } = story();
    edit(
      data,
      "charts.json",
      '"title": "Cars and buildings in the path of the unrest"',
      '"title": "Five thousand cars burned in the unrest"',
    );
    const line = lineOf(data, "charts.json", '"title": "Five thousand');
    const result = await build({ data, out });
    expect(result.story.warnings).toContainEqual({
      file: "charts.json",
      line,
      message:
        'title: "Five thousand" spells out 5,000, which figure vehicles records; a correction would not change these words, so reference it, e.g. {vehicles}',
    });
  });

  it("warns of a small number only when its words name what the figure counts", async () => {
    const { data, out } = story();
    edit(
      data,
      "charts.json",
      '"title": "Cars and buildings in the path of the unrest"',
      '"title": "Seventy-nine police officers hurt; two ministers speak"',
    );
    // A figure of 2 that counts children, not ministers.
    appendLine(
      data,
      "figures.csv",
      'children,injured,Children injured,2,exact,people,,,,"one of his two children were injured",article.txt',
    );
    const result = await build({ data, out });
    const spelled = result.story.warnings.filter((w) => /spells out/.test(w.message)).map((w) => w.message);
    expect(spelled.some((m) => m.startsWith('title: "Seventy-nine" spells out 79'))).toBe(true);
    expect(spelled.some((m) => m.includes('"two"'))).toBe(false);
  });

  it("says nothing of a spelled number no figure records", async () => {
    const { data, out } = story();
    edit(
      data,
      "charts.json",
      '"title": "Cars and buildings in the path of the unrest"',
      '"title": "Cars and buildings burned over three nights"',
    );
    const result = await build({ data, out });
    expect(result.story.warnings.filter((w) => /spells out/.test(w.message))).toEqual([]);
  });
});
