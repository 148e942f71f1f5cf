import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../pipeline/build.ts";
import { type Disk, realDisk } from "../pipeline/publish/disk.ts";
import { sourceFingerprint } from "../pipeline/publish/fingerprint.ts";
import { differences, snapshot, stamps } from "./helpers/files.ts";
import { cli, copyStory, edit, ROOT } from "./helpers/story.ts";
import { until } from "./helpers/until.ts";

const TSX = join(ROOT, "node_modules/tsx/dist/cli.mjs");

describe("two builds of the same data", () => {
  it("give byte-identical files, PNGs included", async () => {
    const a = copyStory();
    const b = copyStory();
    await build({ data: a.data, out: a.out });
    await build({ data: b.data, out: b.out });
    const first = snapshot(a.out);
    expect(first.size).toBeGreaterThan(20);
    expect(differences(first, snapshot(b.out))).toEqual([]);
  });
});

describe("a rebuild with nothing changed", () => {
  it("writes nothing: every file keeps its bytes, inode and modification time", async () => {
    const story = copyStory();
    await build({ data: story.data, out: story.out });
    const before = stamps(story.out);
    const bytes = snapshot(story.out);
    const result = await build({ data: story.data, out: story.out });
    expect(result.written).toBe(false);
    expect(result.drawn).toEqual([]);
    expect(stamps(story.out)).toEqual(before);
    expect(differences(bytes, snapshot(story.out))).toEqual([]);
  });

  it("reads no output file but the manifest, after a first build and after a correction alike", async () => {
    const story = copyStory();
    const reads: string[] = [];
    const counting: Disk = {
      ...realDisk,
      readFile: (path) => (reads.push(path), realDisk.readFile(path)),
    };
    await build({ data: story.data, out: story.out });
    edit(story.data, "charts.json", "Security forces killed in the clashes", "Security forces killed in Islamabad");
    expect((await build({ data: story.data, out: story.out })).drawn).toEqual(["casualties-by-force"]);
    const result = await build({ data: story.data, out: story.out, disk: counting });
    expect(result.drawn).toEqual([]);
    expect(result.written).toBe(false);
    // The manifest: parsed, then compared with the one this build would write.
    expect(new Set(reads.filter((path) => path.startsWith(`${story.out}/`)))).toEqual(
      new Set([join(story.out, "manifest.json")]),
    );
  });

  it("still catches a file edited by hand since, even at the same size: it is newer than the manifest", async () => {
    const story = copyStory();
    await build({ data: story.data, out: story.out });
    const file = join(story.out, "arrests-by-day.svg");
    const right = readFileSync(file);
    writeFileSync(file, right.toString("utf8").replace("954", "955"));
    expect(readFileSync(file).length).toBe(right.length);
    const result = await build({ data: story.data, out: story.out });
    expect(result.changes.changed).toEqual(["arrests-by-day.svg"]);
    expect(result.drawn).toEqual(["arrests-by-day"]);
    expect(readFileSync(file).equals(right)).toBe(true);
  });

  it("does not even load jsdom", async () => {
    const story = copyStory();
    await build({ data: story.data, out: story.out });
    const probe = join(story.dir, "probe.mts");
    writeFileSync(
      probe,
      `import { createRequire } from "node:module";
import { build } from ${JSON.stringify(join(ROOT, "pipeline/build.ts"))};
const result = await build({ data: ${JSON.stringify(story.data)}, out: ${JSON.stringify(story.out)} });
const loaded = Object.keys(createRequire(import.meta.url).cache).filter((p) => /node_modules[\\\\/](jsdom|@resvg)[\\\\/]/.test(p));
console.log(JSON.stringify({ written: result.written, loaded: loaded.length }));`,
    );
    const run = spawnSync(process.execPath, [TSX, probe], { cwd: ROOT, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual({ written: false, loaded: 0 });
  });

  it("redraws only the chart whose words changed", async () => {
    const story = copyStory();
    await build({ data: story.data, out: story.out });
    const before = snapshot(story.out);
    edit(story.data, "charts.json", "Security forces killed in the clashes", "Security forces killed in Islamabad");
    const result = await build({ data: story.data, out: story.out });
    expect(result.drawn).toEqual(["casualties-by-force"]);
    const changed = differences(before, snapshot(story.out));
    expect(
      changed.every((n) => n.startsWith("casualties-by-force") || n === "index.html" || n === "manifest.json"),
    ).toBe(true);
    expect(changed).toContain("casualties-by-force.svg");
  });
});

describe("the drawing code's fingerprint", () => {
  it("changes when a file in a subfolder is edited, added or moved", () => {
    const root = mkdtempSync(join(tmpdir(), "code-"));
    mkdirSync(join(root, "pipeline/publish"), { recursive: true });
    mkdirSync(join(root, "pipeline/words"), { recursive: true });
    mkdirSync(join(root, "charts"));
    writeFileSync(join(root, "charts/bars.ts"), "export const bars = 1;\n");
    writeFileSync(join(root, "pipeline/publish/render.ts"), "export const width = 640;\n");
    const seen = [sourceFingerprint(root, ["charts", "pipeline"])];
    writeFileSync(join(root, "pipeline/publish/render.ts"), "export const width = 600;\n");
    seen.push(sourceFingerprint(root, ["charts", "pipeline"]));
    writeFileSync(join(root, "pipeline/words/new.ts"), "export {};\n");
    seen.push(sourceFingerprint(root, ["charts", "pipeline"]));
    renameSync(join(root, "pipeline/words/new.ts"), join(root, "pipeline/publish/new.ts"));
    seen.push(sourceFingerprint(root, ["charts", "pipeline"]));
    writeFileSync(join(root, "pipeline/publish/notes.md"), "not code\n");
    seen.push(sourceFingerprint(root, ["charts", "pipeline"]));
    expect(new Set(seen.slice(0, 4)).size).toBe(4);
    expect(seen[4]).toBe(seen[3]);
  });

  it("redraws every chart when it changes, and none when it does not", async () => {
    const story = copyStory();
    await build({ data: story.data, out: story.out, code: "before" });
    expect((await build({ data: story.data, out: story.out, code: "before" })).drawn).toEqual([]);
    const after = await build({ data: story.data, out: story.out, code: "after" });
    expect(after.drawn).toEqual(["security-vs-protesters", "arrests-by-day", "casualties-by-force", "where-islamabad"]);
  });
});

describe("--check", () => {
  it("exits 0 when output/ is what the data builds, and 1 when it is stale or tampered with", async () => {
    const story = copyStory();
    await build({ data: story.data, out: story.out });
    const before = stamps(story.out);
    const fresh = cli(["--data", story.data, "--out", story.out, "--check"]);
    expect(fresh.status).toBe(0);
    expect(fresh.stdout).toMatch(/up to date/);

    edit(story.data, "charts.json", "Security forces killed in the clashes", "Security forces killed in Islamabad");
    const stale = cli(["--data", story.data, "--out", story.out, "--check"]);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toMatch(/changed: .*casualties-by-force\.svg/);
    expect(stamps(story.out)).toEqual(before);

    await build({ data: story.data, out: story.out });
    writeFileSync(
      join(story.out, "arrests-by-day.svg"),
      readFileSync(join(story.out, "arrests-by-day.svg"), "utf8").replace("954", "955"),
    );
    const tampered = cli(["--data", story.data, "--out", story.out, "--check"]);
    expect(tampered.status).toBe(1);
    expect(tampered.stderr).toMatch(/changed: arrests-by-day\.svg/);
  });
});

describe("npm run watch", () => {
  it("rebuilds on save and reports what changed", async () => {
    const story = copyStory();
    const child = spawn(
      process.execPath,
      [TSX, join(ROOT, "pipeline/watch.ts"), "--data", story.data, "--out", story.out],
      { cwd: ROOT },
    );
    let log = "";
    child.stdout.on("data", (chunk) => (log += chunk));
    child.stderr.on("data", (chunk) => (log += chunk));
    const waitFor = async (pattern: RegExp) => {
      // A first build takes seconds on a busy machine; this waits for what happens, not for a time.
      await until(() => pattern.test(log), `watch to print ${pattern}`);
      expect(log, log).toMatch(pattern);
    };
    try {
      await waitFor(/start: rebuilt/);
      edit(story.data, "charts.json", "Security forces killed in the clashes", "Security forces killed in Islamabad");
      await waitFor(/charts\.json saved: rebuilt in \d+ ms\n\s+changed: casualties-by-force-dark\.svg/);
      edit(story.data, "figures.csv", "20000,exact", "twenty thousand,exact");
      await waitFor(
        /figures\.csv saved: build stopped, output left as it was:\n.*figures\.csv:3: value "twenty thousand" is not a number/,
      );
    } finally {
      child.kill();
    }
  });
});

describe("--check on output whose manifest was edited to match a tampered file", () => {
  it("still exits 1: it draws afresh instead of trusting the output's own manifest", async () => {
    const story = copyStory();
    await build({ data: story.data, out: story.out });
    const file = join(story.out, "arrests-by-day.svg");
    const tampered = readFileSync(file, "utf8").replace("954 arrests", "9540 arrests");
    writeFileSync(file, tampered);
    const manifestPath = join(story.out, "manifest.json");
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
    manifest.files["arrests-by-day.svg"] = {
      sha256: createHash("sha256").update(tampered).digest("hex"),
      bytes: Buffer.byteLength(tampered),
    };
    writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
    const result = await build({ data: story.data, out: story.out, check: true });
    expect(result.changes.changed).toContain("arrests-by-day.svg");
  });
});

describe("an --out that is a symbolic link", () => {
  it("is written where it points, and stays a link", async () => {
    const story = copyStory();
    const served = join(story.dir, "served");
    mkdirSync(served);
    const link = join(story.dir, "link-out");
    symlinkSync(served, link);
    await build({ data: story.data, out: link });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readdirSync(served)).toContain("arrests-by-day.svg");
  });
});
