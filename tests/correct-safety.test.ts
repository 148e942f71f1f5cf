import { spawn } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadStory } from "../pipeline/story.ts";
import { command, copyStory, ROOT } from "./helpers/story.ts";

const env = { ...process.env, NODE_NO_WARNINGS: "1" };

/** `npm run correct`, as a reporter runs it. */
const correct = (args: string[]) => command("correct", args);

/** The same, started without waiting: several run at once. */
function correctAsync(args: string[]): Promise<{ status: number | null; stderr: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "pipeline/correct.ts"), ...args], {
    cwd: ROOT,
    env,
  });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on("close", (status) => resolve({ status, stderr })));
}

const stories: string[] = [];
function story() {
  const s = copyStory();
  stories.push(s.dir);
  return s;
}
afterEach(() => {
  for (const dir of stories.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const log = (data: string) => readFileSync(join(data, "corrections.csv"), "utf8");
const DATE = ["--date", "2024-11-28"];

describe("npm run correct with hostile arguments", () => {
  it("folds a line break in --reason or a pasted --quote into a space, and the build reads the row", () => {
    const { data } = story();
    writeFileSync(
      join(data, "sources/police-statement.txt"),
      "date 2024-11-28\nIslamabad police said on Thursday that 960 people had been arrested\nbetween Sunday and Tuesday.\n",
    );
    const run = correct([
      ...["--data", data, "arrests", "--value", "960", "--source", "sources/police-statement.txt"],
      ...[
        "--quote",
        "960 people had been arrested\r\nbetween Sunday and Tuesday",
        "--reason",
        "Police\nrevised the total",
      ],
      ...DATE,
    ]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const rows = log(data).trimEnd().split("\n");
    expect(rows).toHaveLength(4); // the header and one row a field: no cell runs over lines
    expect(rows[1]).toBe("2024-11-28,arrests,value,954,960,Police revised the total");
    expect(rows[2]).toContain(",960 people had been arrested between Sunday and Tuesday,");
    expect(() => loadStory(data, { today: "2024-11-28" })).not.toThrow();
  });

  it("refuses a line break in a cell that is not prose (a value, a date), writing nothing", () => {
    const { data } = story();
    const before = log(data);
    const run = correct([
      "--data",
      data,
      "arrests",
      "--start",
      "2024-11-24\n2024-11-25",
      "--reason",
      "Redated",
      ...DATE,
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--start holds a line break");
    expect(log(data)).toBe(before);
  });

  it("never writes a row the build cannot read: a control character in an argument is refused", () => {
    const { data } = story();
    const before = log(data);
    const run = correct(["--data", data, "arrests", "--category", "Arrests\u0007", "--reason", "Relabelled", ...DATE]);
    expect(run.status).toBe(1);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(log(data)).toBe(before);
  });
});

describe("npm run correct and links", () => {
  it("replaces a dangling corrections.csv link with a file of its own, never creating the file it points to", () => {
    const { dir, data } = story();
    rmSync(join(data, "corrections.csv"));
    const outside = join(dir, "elsewhere.csv");
    symlinkSync(outside, join(data, "corrections.csv"));
    const run = correct([
      "--data",
      data,
      "arrests",
      "--category",
      "People arrested",
      "--reason",
      "Relabelled",
      ...DATE,
    ]);
    expect(run.status).toBe(0);
    expect(existsSync(outside)).toBe(false);
    expect(lstatSync(join(data, "corrections.csv")).isSymbolicLink()).toBe(false);
    expect(log(data)).toBe(
      "date,id,field,from,to,reason\n2024-11-28,arrests,category,Arrests,People arrested,Relabelled\n",
    );
  });

  it("keeps the reporter's rows exactly as they were (a byte-order mark, CRLF) when it adds its own", () => {
    const { data } = story();
    const mine =
      "\uFEFFdate,id,field,from,to,reason\r\n2024-11-28,protesters,category,Protesters,Marchers,Relabelled\r\n";
    writeFileSync(join(data, "corrections.csv"), mine);
    const run = correct([
      "--data",
      data,
      "arrests",
      "--category",
      "People arrested",
      "--reason",
      "Relabelled",
      ...DATE,
    ]);
    expect(run.status).toBe(0);
    expect(log(data)).toBe(`${mine}2024-11-28,arrests,category,Arrests,People arrested,Relabelled\n`);
  });
});

describe("npm run correct on a story folder it cannot write", () => {
  it("says so in one line, exit 1, never a stack trace: corrections.csv is a folder", () => {
    const { data } = story();
    rmSync(join(data, "corrections.csv"));
    mkdirSync(join(data, "corrections.csv"));
    const run = correct(["--data", data, "arrests", "--category", "Held", "--reason", "Relabelled", ...DATE]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("is a folder; move it aside; corrections.csv left as it was");
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});

describe("npm run correct run three times at once", () => {
  it("takes turns: each re-reads the log under a lock, so every row's from is the value before it, and the story builds", async () => {
    const { data } = story();
    const labels = ["Held", "Detained", "People arrested"];
    const runs = await Promise.all(
      labels.map((label) =>
        correctAsync(["--data", data, "arrests", "--category", label, "--reason", "Relabelled", ...DATE]),
      ),
    );
    for (const run of runs) expect(run.status, run.stderr).toBe(0);
    const rows = log(data)
      .trimEnd()
      .split("\n")
      .slice(1)
      .map((row) => row.split(","));
    expect(rows).toHaveLength(3);
    // A chain: each row starts from the one before it.
    expect(rows[0][3]).toBe("Arrests");
    expect(rows[1][3]).toBe(rows[0][4]);
    expect(rows[2][3]).toBe(rows[1][4]);
    expect(new Set(rows.map((r) => r[4]))).toEqual(new Set(labels));
    expect(() => loadStory(data, { today: "2024-11-28" })).not.toThrow();
    expect(existsSync(join(data, ".correct-lock"))).toBe(false);
  });
});

describe("npm run correct --restates", () => {
  it("blames the correction, not figures.csv, for an id no figure has", () => {
    const { data } = story();
    const run = correct(["--data", data, "arrests", "--restates", "nope", "--reason", "Linked", ...DATE]);
    expect(run.status).toBe(1);
    expect(run.stderr).not.toContain("figures.csv:");
    expect(run.stderr).toContain('the correction: restates "nope", which is not the id of any figure');
  });

  it("says plainly that a figure cannot restate itself", () => {
    const { data } = story();
    const run = correct(["--data", data, "arrests", "--restates", "arrests", "--reason", "Linked", ...DATE]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'the correction: restates "arrests", the figure\'s own id: a figure cannot restate itself',
    );
    expect(run.stderr).not.toContain("chart one of them, never both");
    expect(run.stderr).not.toContain("figures.csv:");
  });
});
