import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../pipeline/build.ts";
import { copyStory, ROOT } from "./helpers/story.ts";
import { parseSvg, visibleText } from "./helpers/svg.ts";

/** Runs `npm run correct` as a reporter would. */
function correct(args: string[]) {
  const run = spawnSync(
    process.execPath,
    [join(ROOT, "node_modules/tsx/dist/cli.mjs"), join(ROOT, "pipeline/correct.ts"), ...args],
    { cwd: ROOT, encoding: "utf8", env: { ...process.env, NODE_NO_WARNINGS: "1" } },
  );
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const OLD_QUOTE =
  "Islamabad Police Inspector General Ali Nasir Rizvi confirmed that 954 individuals had been arrested between Sunday and Tuesday";
const NEW_QUOTE = "960 people had been arrested between Sunday and Tuesday";

describe("a correction made with npm run correct, then built", () => {
  const story = copyStory();
  const log = () => readFileSync(join(story.data, "corrections.csv"), "utf8");
  afterAll(() => rmSync(story.dir, { recursive: true, force: true }));
  let first: ReturnType<typeof correct>;

  beforeAll(() => {
    writeFileSync(
      join(story.data, "sources/police-statement.txt"),
      "date 2024-11-28\nIslamabad police said on Thursday that 960 people had been arrested between Sunday and Tuesday.\n",
    );
    first = correct([
      "--data",
      story.data,
      "arrests",
      "--value",
      "960",
      "--quote",
      NEW_QUOTE,
      "--source",
      "sources/police-statement.txt",
      "--reason",
      "Police revised the total",
      "--date",
      "2024-11-28",
    ]);
  });

  it("appends one row per changed field, each from the figure's current value", () => {
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(log().trimEnd().split("\n")).toEqual([
      "date,id,field,from,to,reason",
      "2024-11-28,arrests,value,954,960,Police revised the total",
      `2024-11-28,arrests,quote,${OLD_QUOTE},${NEW_QUOTE},Police revised the total`,
      "2024-11-28,arrests,source,article.txt,sources/police-statement.txt,Police revised the total",
    ]);
    expect(first.stdout).toContain(
      "arrests-by-day: Corrected 28 Nov 2024: arrests for Sun 24 – Tue 26 Nov 2024 revised from 954 to 960, per Islamabad Police Inspector General Ali Nasir Rizvi.",
    );
  });

  it("builds, and the chart shows the new value with its dated note", async () => {
    await build({ data: story.data, out: story.out, today: "2024-11-28" });
    const text = visibleText(parseSvg(readFileSync(join(story.out, "arrests-by-day.svg"), "utf8"))).join(" ");
    expect(text).toContain("960 people arrested in Islamabad");
    expect(text).toContain("Corrected 28 Nov 2024: arrests for Sun 24 – Tue 26 Nov 2024 revised from 954 to 960");
    // 954 stays only in the note that says what it was.
    expect(text.split("954")).toHaveLength(2);
  });

  it("takes the old values from the data as corrected so far", () => {
    const run = correct([
      "--data",
      story.data,
      "arrests",
      "--category",
      "People arrested",
      "--reason",
      "Clearer label",
      "--date",
      "2024-11-29",
    ]);
    expect(run.status).toBe(0);
    expect(log().trimEnd().split("\n").at(-1)).toBe(
      "2024-11-29,arrests,category,Arrests,People arrested,Clearer label",
    );
  });

  it("refuses what the build would refuse, with the build's reason, and leaves corrections.csv as it was", () => {
    // The rows it would have added are not in the file: said as "the correction", never a line number.
    const before = log();
    const refused = [
      [
        ["arrests", "--value", "970", "--reason", "Typo", "--date", "2024-11-29"],
        `  the correction: the quote does not state the value 970 (it states "960")`,
      ],
      [
        ["arrests", "--category", "Held", "--reason", "Typo", "--date", "2042-11-28"],
        `  the correction: date 2042-11-28 is in the future`,
      ],
      [
        ["arrests", "--quote", "962 people had been arrested", "--reason", "Typo", "--date", "2024-11-29"],
        `  the correction: the quote is not in sources/police-statement.txt`,
      ],
      [
        [
          "arrests_lede",
          ...["--value", "960", "--quote", NEW_QUOTE, "--source", "sources/police-statement.txt"],
          ...["--reason", "Police gave the count", "--date", "2024-11-29"],
        ],
        "the qualifier must be exact, not nearly",
      ],
      [["nobody", "--value", "1", "--reason", "Typo"], 'no figure has id "nobody"'],
      [["arrests", "--value", "960", "--reason", "Again"], 'nothing to correct: value is already "960"'],
    ] as const;
    for (const [args, message] of refused) {
      const run = correct(["--data", story.data, ...args]);
      expect(run.status, args.join(" ")).toBe(1);
      expect(run.stderr, args.join(" ")).toContain(message);
      expect(run.stderr).not.toMatch(/^\s+at /m);
      expect(log()).toBe(before);
    }
  });

  it("names the option that makes a refused correction what its new quote states", () => {
    const run = correct([
      ...["--data", story.data, "arrests_lede", "--value", "960", "--quote", NEW_QUOTE],
      ...["--source", "sources/police-statement.txt", "--reason", "Police gave the count", "--date", "2024-11-29"],
    ]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("add --qualifier exact");
    expect(run.stderr).not.toMatch(/corrections\.csv:\d+/);
  });

  it("refuses a command without a reason as mistyped (exit 2)", () => {
    const run = correct(["--data", story.data, "arrests", "--value", "961"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--reason is required");
  });
});
