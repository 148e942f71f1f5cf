import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { someOf } from "../pipeline/build.ts";
import { differences, snapshot } from "./helpers/files.ts";
import { appendLine, chartOf, leftovers, lineOf, problemsOf, rowOf } from "./helpers/problems.ts";
import { cli, copyStory, edit, useBuiltStory } from "./helpers/story.ts";

/** What a broken story must report: the file, the line, and words of the message. */
type Expected = [file: string, line: number, message: RegExp];

const SECURITY = "Authorities deployed 20,000 security personnel to disperse the crowds";
const row = rowOf;
const chart = chartOf;

/** One class of mistake a reporter makes, how to make it in a copy of the story, and what the build must say. */
const CASES: [name: string, breakIt: (data: string) => Expected[]][] = [
  [
    "a missing fact sheet",
    (data) => (
      rmSync(join(data, "figures.csv")),
      [["figures.csv", 0, /^missing: the story folder .* needs figures\.csv, the fact sheet/]]
    ),
  ],
  [
    "a missing chart list",
    (data) => (rmSync(join(data, "charts.json")), [["charts.json", 0, /^missing: .* needs charts\.json/]]),
  ],
  [
    "a missing article",
    (data) => (rmSync(join(data, "article.txt")), [["article.txt", 0, /^missing: .* needs article\.txt/]]),
  ],
  [
    "a file named in the wrong case",
    (data) => {
      renameSync(join(data, "figures.csv"), join(data, "Figures.CSV"));
      return [["figures.csv", 0, /^missing: the file is named Figures\.CSV; rename it figures\.csv/]];
    },
  ],
  [
    "a missing column",
    (data) => {
      edit(data, "figures.csv", ",qualifier,", ",qualifer,");
      return [
        [
          "figures.csv",
          1,
          /^missing column "qualifier"; the header must name at least: id,metric,category,value,qualifier/,
        ],
      ];
    },
  ],
  [
    "columns separated by semicolons (a European spreadsheet export)",
    (data) => {
      const text = readFileSync(join(data, "figures.csv"), "utf8").split("\n")[0].replace(/,/g, ";");
      writeFileSync(join(data, "figures.csv"), `${text}\nprotesters;marched;Protesters;10000;more_than\n`);
      return [["figures.csv", 1, /^the columns are separated by semicolons, not commas.*save the file as "CSV UTF-8/]];
    },
  ],
  [
    "an unbalanced quote mark",
    (data) => {
      edit(data, "figures.csv", `${SECURITY}",`, `${SECURITY},`);
      return [
        [
          "figures.csv",
          row(data, "security_personnel"),
          /^a quote mark \("\) opens the cell in column "quote" and is not closed on this line; close it/,
        ],
      ];
    },
  ],
  [
    "text after a closing quote mark",
    (data) => {
      edit(data, "figures.csv", `"${SECURITY}"`, `"Authorities deployed" 20,000 security personnel`);
      return [
        [
          "figures.csv",
          row(data, "security_personnel"),
          /^the cell in column "quote" has text after its closing quote mark \("\\"Authorities deployed\\" 20/,
        ],
      ];
    },
  ],
  [
    "a cell with more cells than the header has columns",
    (data) => {
      const line = appendLine(
        data,
        "figures.csv",
        "extra,arrests,Arrests,954,exact,people,,,,954 individuals,article.txt,,surplus",
      );
      return [
        [
          "figures.csv",
          line,
          /^13 cells but the header has 12 columns; a comma inside a cell needs the cell in quotes/,
        ],
      ];
    },
  ],
  [
    "a value in words",
    (data) => {
      edit(data, "figures.csv", /^(arrests,arrests,[^,]*,)954,/m, "$1nine hundred fifty-four,");
      return [
        [
          "figures.csv",
          row(data, "arrests"),
          /^value "nine hundred fifty-four" is not a number; write it in digits: 954$/,
        ],
      ];
    },
  ],
  [
    "a negative value",
    (data) => {
      edit(data, "figures.csv", /^(arrests,arrests,[^,]*,)954,/m, "$1-954,");
      return [["figures.csv", row(data, "arrests"), /^value -954 is negative; .*write 954/]];
    },
  ],
  [
    "a value that is not a finite number",
    (data) => {
      edit(data, "figures.csv", /^(arrests,arrests,[^,]*,)954,/m, "$1Infinity,");
      edit(data, "figures.csv", /^(security_personnel,deployed,[^,]*,)20000,/m, `$1${"9".repeat(400)},`);
      return [
        ["figures.csv", row(data, "arrests"), /^value "Infinity" is not a number; write a plain number in digits/],
        ["figures.csv", row(data, "security_personnel"), /^value "9{40}…" is too large to be a number/],
      ];
    },
  ],
  [
    "an unknown qualifier",
    (data) => {
      edit(data, "figures.csv", /^(arrests,arrests,[^,]*,954,)exact,/m, "$1roughly-ish,");
      return [
        [
          "figures.csv",
          row(data, "arrests"),
          /^unknown qualifier "roughly-ish"; use one of exact, about, nearly, at_least, more_than, up_to/,
        ],
      ];
    },
  ],
  [
    "an impossible date",
    (data) => {
      edit(data, "figures.csv", "2024-11-24,2024-11-26", "2024-11-31,2024-11-26");
      return [["figures.csv", row(data, "arrests"), /^start "2024-11-31" is not a real date; write it as YYYY-MM-DD/]];
    },
  ],
  [
    "dates a spreadsheet reformatted",
    (data) => {
      edit(data, "figures.csv", "2024-11-24,2024-11-26", "24/11/2024,11/26/2024");
      return [
        [
          "figures.csv",
          row(data, "arrests"),
          /^start "24\/11\/2024" is not a real date; write it as YYYY-MM-DD: 2024-11-24$/,
        ],
        [
          "figures.csv",
          row(data, "arrests"),
          /^end "11\/26\/2024" is not a real date; write it as YYYY-MM-DD: 2024-11-26$/,
        ],
      ];
    },
  ],
  [
    "a period that ends before it starts",
    (data) => {
      edit(data, "figures.csv", "1.6,up_to,kilometres,,", "1.6,up_to,kilometres,2024-11-26,2024-11-24");
      return [
        [
          "figures.csv",
          row(data, "closest_approach"),
          /^the period ends \(2024-11-24\) before it starts \(2024-11-26\); swap start and end/,
        ],
      ];
    },
  ],
  [
    "a duplicate id",
    (data) => {
      const first = row(data, "protesters");
      const copy = readFileSync(join(data, "figures.csv"), "utf8").split(/\r?\n/)[first - 1];
      const line = appendLine(data, "figures.csv", copy);
      return [
        [
          "figures.csv",
          line,
          new RegExp(`^duplicate id "protesters": line ${first} already defines it; give this figure an id of its own`),
        ],
      ];
    },
  ],
  [
    "an id charts cannot name",
    (data) => {
      edit(data, "figures.csv", /^closest_approach,/m, "closest approach!,");
      return [
        [
          "figures.csv",
          lineOf(data, "figures.csv", "closest approach!,"),
          /^id "closest approach!" may use only letters, digits, _ and -/,
        ],
      ];
    },
  ],
  [
    "a quote that is not in its source",
    (data) => {
      edit(data, "figures.csv", SECURITY, "Authorities sent 20,000 security personnel to disperse the crowds");
      return [["figures.csv", row(data, "security_personnel"), /^the quote is not in article\.txt: .*copy/]];
    },
  ],
  [
    "a value its quote does not state",
    (data) => {
      edit(data, "figures.csv", /^(security_personnel,deployed,[^,]*,)20000,/m, "$125000,");
      return [
        [
          "figures.csv",
          row(data, "security_personnel"),
          /^the quote does not state the value 25,000 \(it states "20,000"\); copy the value from the quote/,
        ],
      ];
    },
  ],
  [
    "a source outside the story folder",
    (data) => {
      edit(data, "figures.csv", `${SECURITY}",article.txt`, `${SECURITY}",../../etc/passwd.txt`);
      return [
        [
          "figures.csv",
          row(data, "security_personnel"),
          /^source "\.\.\/\.\.\/etc\/passwd\.txt" must be a \.txt file inside the story folder/,
        ],
      ];
    },
  ],
  [
    "a control character pasted into a label",
    (data) => {
      edit(data, "figures.csv", ",Security personnel,", ",Security\u0007personnel,");
      return [
        [
          "figures.csv",
          row(data, "security_personnel"),
          /^the cell in column "category" holds an invisible control character \(U\+0007\); delete it/,
        ],
      ];
    },
  ],
  [
    "a fact sheet saved as Windows-1252, not UTF-8",
    (data) => {
      const text = readFileSync(join(data, "figures.csv"), "utf8");
      const line = text.split("\n").length; // the row appended below
      writeFileSync(
        join(data, "figures.csv"),
        Buffer.concat([
          Buffer.from(text),
          Buffer.from("khan,x,Khan\x92s party,1,exact,,,,,one,article.txt,\n", "latin1"),
        ]),
      );
      return [["figures.csv", line, /^the file is not UTF-8 text .*save it as UTF-8 \(in Excel: "CSV UTF-8"\)/]];
    },
  ],
  [
    "a correction naming an unknown figure",
    (data) => {
      const line = appendLine(data, "corrections.csv", "2024-11-28,arrestz,value,954,960,Police revised the total");
      return [["corrections.csv", line, /^no figure has id "arrestz"; ids are in figures\.csv/]];
    },
  ],
  [
    "a correction against a value the figure no longer has",
    (data) => {
      const line = appendLine(data, "corrections.csv", "2024-11-28,arrests,value,950,960,Police revised the total");
      return [["corrections.csv", line, /^stale correction: arrests\.value is "954", not "950"/]];
    },
  ],
  [
    "a chart naming an unknown figure",
    (data) => {
      edit(data, "charts.json", '"figures": ["arrests"]', '"figures": ["arrest"]');
      return [
        [
          "charts.json",
          lineOf(data, "charts.json", '"figures": ["arrest"]'),
          /^no figure has id "arrest"; ids are in figures\.csv/,
        ],
      ];
    },
  ],
  [
    "a chart id that is not a safe file name",
    (data) => {
      edit(data, "charts.json", '"id": "arrests-by-day"', '"id": "../../outside"');
      edit(data, "charts.json", '"id": "casualties-by-force"', '"id": "con"');
      return [
        [
          "charts.json",
          lineOf(data, "charts.json", "../../outside"),
          /^chart id "\.\.\/\.\.\/outside" is not a safe file name; use lower-case letters, digits and hyphens/,
        ],
        ["charts.json", lineOf(data, "charts.json", '"id": "con"'), /^chart id "con" is a device name on Windows/],
      ];
    },
  ],
  [
    "a chart id whose files would overwrite another chart's",
    (data) => {
      edit(data, "charts.json", '"id": "arrests-by-day"', '"id": "security-vs-protesters-mobile"');
      return [
        [
          "charts.json",
          lineOf(data, "charts.json", '"id": "security-vs-protesters-mobile"'),
          new RegExp(
            `^chart id "security-vs-protesters-mobile" would write security-vs-protesters-mobile\\.svg, which chart "security-vs-protesters" \\(line ${chart(data, "security-vs-protesters")}\\) also writes`,
          ),
        ],
      ];
    },
  ],
  [
    "a chart kind that does not exist",
    (data) => {
      edit(data, "charts.json", /("id": "arrests-by-day",\s*"kind": )"period"/, '$1"pie"');
      return [
        [
          "charts.json",
          lineOf(data, "charts.json", '"kind": "pie"'),
          /^unknown chart kind "pie"; the kinds are bars, period/,
        ],
      ];
    },
  ],
  [
    "a chart list that is not valid JSON",
    (data) => {
      edit(data, "charts.json", /("figures": \["arrests"\])/, "$1,,");
      return [
        [
          "charts.json",
          lineOf(data, "charts.json", '"figures": ["arrests"],,'),
          /^not valid JSON: a value is expected \(a trailing comma\?\)/,
        ],
      ];
    },
  ],
];

describe("a build of broken data", () => {
  const good = useBuiltStory();

  it.each(CASES)(
    "reports %s at its file and line, and leaves output/ byte for byte as it was",
    async (_name, breakIt) => {
      const broken = copyStory();
      const expected = breakIt(broken.data);
      const problems = await problemsOf(broken.data, good.out);
      for (const [file, line, message] of expected) {
        const prefix = `${file}:${line}: `;
        expect(
          problems.filter((p) => p.startsWith(prefix) && message.test(p.slice(prefix.length))),
          `${prefix}${message}\nin:\n${problems.join("\n")}`,
        ).toHaveLength(1);
      }
      expect(differences(good.files, snapshot(good.out))).toEqual([]);
      expect(leftovers(good.out)).toEqual([]);
    },
  );

  it("reports every problem in every file in one run, on the command line, without a stack trace", () => {
    const broken = copyStory();
    const expected = [
      ...CASES.find(([name]) => name === "an unbalanced quote mark")![1](broken.data),
      ...CASES.find(([name]) => name === "a negative value")![1](broken.data),
      ...CASES.find(([name]) => name === "a period that ends before it starts")![1](broken.data),
      ...CASES.find(([name]) => name === "a correction naming an unknown figure")![1](broken.data),
      ...CASES.find(([name]) => name === "a chart kind that does not exist")![1](broken.data),
      ...CASES.find(([name]) => name === "a chart id that is not a safe file name")![1](broken.data),
    ];
    const run = cli(["--data", broken.data, "--out", good.out]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    const lines = run.stderr.trim().split("\n");
    expect(lines[0]).toMatch(
      new RegExp(`^Build stopped: ${lines.length - 1} problems in .*/data/; .*output/ left as it was\\.$`),
    );
    for (const [file, line, message] of expected) {
      const prefix = `${broken.data}/${file}:${line}: `;
      expect(
        lines.filter((l) => l.startsWith(prefix) && message.test(l.slice(prefix.length))),
        `${prefix}${message}`,
      ).toHaveLength(1);
    }
    expect(lines.length - 1).toBe(expected.length);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stderr).not.toMatch(/Error:|Internal error/);
    expect(differences(good.files, snapshot(good.out))).toEqual([]);
  });

  it("is reported even for a story folder that does not exist, in one line", () => {
    const run = cli(["--data", join(good.dir, "nowhere"), "--out", good.out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${join(good.dir, "nowhere")}:0: the story folder does not exist`);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(differences(good.files, snapshot(good.out))).toEqual([]);
  });
});

describe("a build's report of a large story", () => {
  it("names up to a hundred files or charts, then says how many more and where they are all listed", () => {
    const names = Array.from({ length: 1004 }, (_, i) => `chart-${i}.svg`);
    const line = someOf(names, "files");
    expect(line.split(", ")).toHaveLength(100);
    expect(line).toMatch(/^chart-0\.svg, .* chart-99\.svg … and 904 more files \(manifest\.json lists them all\)$/);
    expect(someOf(names.slice(0, 100), "files")).toBe(names.slice(0, 100).join(", "));
  });
});
