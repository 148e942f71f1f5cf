import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { build } from "../pipeline/build.ts";
import { main } from "../pipeline/cli.ts";
import { realDisk } from "../pipeline/publish/disk.ts";
import { INNER_STAGING, OutputRefused } from "../pipeline/publish/output-folder.ts";
import { recoverOutputs } from "../pipeline/publish/swap.ts";
import { type DiskCall, faultyDisk, readOnlyDisk } from "./helpers/disk.ts";
import { differences, snapshot, stamps } from "./helpers/files.ts";
import { leftovers } from "./helpers/problems.ts";
import { copyStory, edit, FIXTURES, ROOT } from "./helpers/story.ts";
import { until } from "./helpers/until.ts";

/** Runs the command line in this process (so a test can hand it a failing disk); its exit code and what it printed. */
async function run(args: string[], disk = realDisk): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => void out.push(a.join(" ")));
  const error = vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => void err.push(a.join(" ")));
  try {
    const code = await main(args, { disk });
    return { code, stdout: out.join("\n"), stderr: err.join("\n") };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

/** A story built once, and a copy of its output to restore before each test. */
let built: { data: string; out: string; files: Map<string, Buffer> };
beforeAll(async () => {
  const story = copyStory();
  await build({ data: story.data, out: story.out });
  built = { ...story, files: snapshot(story.out) };
});

/** A fresh copy of the built story, with its output, and a second version whose every chart differs. */
function builtCopy(): { data: string; out: string; dir: string } {
  const story = copyStory();
  cpSync(built.out, story.out, { recursive: true });
  return story;
}

const changeEveryChart = (data: string) =>
  edit(data, "charts.json", "Source: Islamabad protest report", "Source: Islamabad police and protest report");

afterEach(() => vi.restoreAllMocks());

describe("--out on a mount point (a Docker volume), whose folder cannot be renamed", () => {
  it("is built by replacing its files one by one when renaming the folder fails with EBUSY", async () => {
    const story = builtCopy();
    writeFileSync(join(story.out, ".gitkeep"), "");
    changeEveryChart(story.data);
    const mounted = faultyDisk((call, path) => (call === "rename" && path === story.out ? "EBUSY" : undefined));
    const result = await run(["--data", story.data, "--out", story.out], mounted);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/changed: .*casualties-by-force\.svg/);
    // What a build on an ordinary folder makes, and the dot file kept.
    const expected = copyStory();
    changeEveryChart(expected.data);
    await build({ data: expected.data, out: expected.out });
    expect(differences(snapshot(expected.out), snapshot(story.out))).toEqual([".gitkeep"]);
    expect(readdirSync(story.out).filter((n) => n.startsWith("."))).toEqual([".gitkeep"]);
    expect(leftovers(story.out)).toEqual([]);
  });

  it("keeps its lock and staging inside the folder, replaces only the changed files, and leaves the rest as they were", async () => {
    const story = builtCopy();
    const before = stamps(story.out);
    const beside: string[] = [];
    // The folder is listed as a mount point, and its parent is read-only (as a container's may be).
    const mounted = faultyDisk((call, path) => {
      if (!path.startsWith(`${story.out}/`)) {
        beside.push(`${call} ${path}`);
        return path.startsWith(story.dir) ? "EROFS" : undefined;
      }
      return undefined;
    });
    const mountinfo = `36 35 98:0 / ${story.out.replace(/ /g, "\\040")} rw,noatime - ext4 /dev/vdb rw\n`;
    const disk = {
      ...mounted,
      readFile: (path: string) => (path === "/proc/self/mountinfo" ? Buffer.from(mountinfo) : mounted.readFile(path)),
    };
    edit(story.data, "charts.json", "Security forces killed in the clashes", "Security forces killed in Islamabad");
    const result = await run(["--data", story.data, "--out", story.out], disk);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(beside).toEqual([]);
    const after = stamps(story.out);
    const touched = [...after.keys()].filter((name) => after.get(name) !== before.get(name));
    expect(
      touched.every((n) => n.startsWith("casualties-by-force") || n === "index.html" || n === "manifest.json"),
    ).toBe(true);
    expect(touched).toContain("casualties-by-force.svg");
    expect(readdirSync(story.out).filter((n) => n.startsWith("."))).toEqual([]);
    expect((await run(["--data", story.data, "--out", story.out, "--check"], disk)).code).toBe(0);
  });

  it("finishes a replacement that a killed build had committed, and drops one it had not", async () => {
    const story = builtCopy();
    const next = copyStory();
    changeEveryChart(next.data);
    await build({ data: next.data, out: next.out });
    const target = snapshot(next.out);
    // Killed half-way through its renames: some files new, the rest waiting with the journal.
    const staging = join(story.out, `${INNER_STAGING}999999`);
    mkdirSync(staging);
    const changed = differences(built.files, target);
    for (const name of changed) writeFileSync(join(staging, name), target.get(name)!);
    const steps = changed.map((name) => ["rename", name]);
    writeFileSync(join(staging, ".commit"), JSON.stringify({ steps }));
    for (const name of changed.slice(0, 5)) cpSync(join(staging, name), join(story.out, name));
    rmSync(join(staging, changed[0]));
    recoverOutputs(story.out);
    expect(differences(target, snapshot(story.out))).toEqual([]);

    // Killed before its journal: the old output stays, the staging goes.
    mkdirSync(staging);
    writeFileSync(join(staging, "arrests-by-day.svg"), "<svg/>");
    recoverOutputs(story.out);
    expect(differences(target, snapshot(story.out))).toEqual([]);
    expect(existsSync(staging)).toBe(false);
  });
});

describe("--check on a read-only file system", () => {
  it("takes no lock it cannot write: 0 when up to date, 1 when stale, and no system error", async () => {
    const story = builtCopy();
    const fresh = await run(["--data", story.data, "--out", story.out, "--check"], readOnlyDisk());
    expect(fresh).toMatchObject({ code: 0, stderr: "" });
    expect(fresh.stdout).toMatch(/up to date/);
    edit(story.data, "charts.json", "Security forces killed in the clashes", "Security forces killed in Islamabad");
    const stale = await run(["--data", story.data, "--out", story.out, "--check"], readOnlyDisk());
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/is not what .* builds; run npm run build/);
    expect(stale.stderr).not.toMatch(/EROFS|lock/);
  });

  it("a build there says so in plain words and exits 1", async () => {
    const story = builtCopy();
    changeEveryChart(story.data);
    const result = await run(["--data", story.data, "--out", story.out], readOnlyDisk());
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^Build failed: .*the file system is read-only; choose an --out on a writable disk \(EROFS\)/,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack
    expect(differences(built.files, snapshot(story.out))).toEqual([]);
  });
});

describe("a full disk", () => {
  for (const [when, fails] of [
    ["writing the first new file", (call: DiskCall) => call === "writeFile"],
    ["writing a PNG", (call: DiskCall, path: string) => call === "writeFile" && path.endsWith(".png")],
    [
      "writing the manifest, last",
      (call: DiskCall, path: string) => call === "writeFile" && path.endsWith("manifest.json"),
    ],
    ["linking the unchanged files", (call: DiskCall) => call === "link" || call === "copyFile"],
  ] as const) {
    it(`${when}: a plain message, exit 1, the old output intact and nothing left beside it`, async () => {
      const story = builtCopy();
      changeEveryChart(story.data);
      edit(story.data, "charts.json", "Security forces killed in the clashes", "Security forces killed in Islamabad");
      const full = faultyDisk((call, path) =>
        fails(call, path) && !path.endsWith(".lock") && !/\.lock\.\d+$/.test(path) ? "ENOSPC" : undefined,
      );
      const result = await run(["--data", story.data, "--out", story.out], full);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        /^Build failed: .*the disk is full; free some space and build again \(ENOSPC\)\. .*output\/ left as it was\.$/,
      );
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(differences(built.files, snapshot(story.out))).toEqual([]);
      expect(leftovers(story.out)).toEqual([]);
    });
  }
});

describe("a manifest.json in --out that is valid JSON but not one this tool wrote", () => {
  for (const [what, text] of [
    ["{}", "{}"],
    ["an array", "[1, 2]"],
    ["a manifest with its charts cut", JSON.stringify({ published: "2024-11-27", files: {}, corrections: [] })],
    ["not JSON", "{ half"],
  ]) {
    it(`(${what}) is refused with a plain message and exit 1, the folder untouched`, async () => {
      const story = builtCopy();
      writeFileSync(join(story.out, "manifest.json"), text);
      const before = snapshot(story.out);
      const result = await run(["--data", story.data, "--out", story.out]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`Build refused: ${story.out}/manifest.json is not a manifest this tool wrote (`);
      expect(result.stderr).toContain("delete that folder or choose a new or empty one for --out");
      expect(result.stderr).not.toMatch(/TypeError|\n\s+at /);
      expect(differences(before, snapshot(story.out))).toEqual([]);
      await expect(build({ data: story.data, out: story.out })).rejects.toThrow(OutputRefused);
    });
  }
});

describe("npm run watch when the story folder is replaced (rm -rf data && cp -r other data)", () => {
  it("keeps watching: builds the new folder, then the saves in it", { timeout: 240_000 }, async () => {
    const story = copyStory();
    const child = spawn(
      process.execPath,
      [
        join(ROOT, "node_modules/tsx/dist/cli.mjs"),
        join(ROOT, "pipeline/watch.ts"),
        "--data",
        story.data,
        "--out",
        story.out,
      ],
      { cwd: ROOT },
    );
    let log = "";
    child.stdout.on("data", (chunk) => (log += chunk));
    child.stderr.on("data", (chunk) => (log += chunk));
    let exited = false;
    child.on("exit", () => (exited = true));
    const waitFor = async (pattern: RegExp) => {
      await until(() => pattern.test(log) || exited, `watch to print ${pattern}`);
      expect(log, log).toMatch(pattern);
    };
    try {
      await waitFor(/start: rebuilt/);
      rmSync(story.data, { recursive: true });
      cpSync(join(FIXTURES, "riots"), story.data, { recursive: true });
      await waitFor(/data\/ replaced: rebuilt in \d+ ms/);
      expect(readdirSync(story.out)).toContain("arrests-by-night.svg");
      const charts = join(story.data, "charts.json");
      writeFileSync(charts, readFileSync(charts, "utf8").replace('"title": "', '"title": "Revised: '));
      await waitFor(/charts\.json saved: rebuilt in \d+ ms/);
      expect(exited).toBe(false);
    } finally {
      child.kill();
    }
  });
});
