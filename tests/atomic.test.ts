import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  utimesSync,
  watch,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../pipeline/build.ts";
import { realDisk } from "../pipeline/publish/disk.ts";
import { LockBusy, withOutputLock } from "../pipeline/publish/lock.ts";
import { layoutOf, OutputRefused } from "../pipeline/publish/output-folder.ts";
import { OutputWriter, recoverOutputs } from "../pipeline/publish/swap.ts";
import { differences, snapshot } from "./helpers/files.ts";
import { leftovers } from "./helpers/problems.ts";
import { copyStory, edit, ROOT } from "./helpers/story.ts";

/** The build as one process (tsx's own command line runs it in a child, which a SIGKILL would miss). */
function spawnBuild(
  data: string,
  out: string,
  more: string[] = [],
): ChildProcess & { done: Promise<{ code: number | null; signal: string | null; stderr: string }> } {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", join(ROOT, "pipeline/cli.ts"), "--data", data, "--out", out, ...more],
    {
      cwd: ROOT,
      env: { ...process.env, NODE_NO_WARNINGS: "1" },
    },
  );
  let stderr = "";
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  child.stdout!.resume();
  const done = new Promise<{ code: number | null; signal: string | null; stderr: string }>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal, stderr })),
  );
  return Object.assign(child, { done });
}

/** Every file the manifest lists is there with its sha256, and nothing else is. */
function expectConsistent(out: string): void {
  const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as {
    files: Record<string, { sha256: string; bytes: number }>;
  };
  expect(readdirSync(out).sort()).toEqual([...Object.keys(manifest.files), "manifest.json"].sort());
  for (const [name, { sha256, bytes }] of Object.entries(manifest.files)) {
    const content = readFileSync(join(out, name));
    expect(content.length, name).toBe(bytes);
    expect(createHash("sha256").update(content).digest("hex"), name).toBe(sha256);
  }
}

describe("a build killed at any moment", () => {
  let a: ReturnType<typeof copyStory>;
  let outputs: Map<string, Buffer>[];
  /** Two versions of the story's chart list, whose outputs differ in every chart, so a swap rewrites most files. */
  let versions: string[];
  const useVersion = (i: number) => writeFileSync(join(a.data, "charts.json"), versions[i]);
  beforeAll(async () => {
    a = copyStory();
    const first = readFileSync(join(a.data, "charts.json"), "utf8");
    edit(a.data, "charts.json", "Source: Islamabad protest report", "Source: Islamabad police and protest report");
    versions = [first, readFileSync(join(a.data, "charts.json"), "utf8")];
    // Built where the output below is, as far from the story folder: the manifests name it alike.
    const reference = (i: number) => join(a.dir, "reference", `v${i}`);
    for (const i of [0, 1]) {
      useVersion(i);
      await build({ data: a.data, out: reference(i) });
    }
    outputs = [snapshot(reference(0)), snapshot(reference(1))];
    expect(differences(outputs[0], outputs[1]).length).toBeGreaterThan(12);
  });

  it("leaves the old output or the new one, never a mix, and the next build finds it in order", async () => {
    const out = join(a.dir, "site", "output");
    mkdirSync(dirname(out), { recursive: true });
    cpSync(join(a.dir, "reference", "v0"), out, { recursive: true });
    let current = 0;
    const seen = { old: 0, new: 0 };

    // Some kills land at moments spread over the build (fractions of a build's time, fixed: the
    // test is the same each run); most the moment it starts writing anything, in the output folder
    // or beside it, when a build that wrote in place would be caught half-way. Whichever moment a
    // kill lands on, the output must be the old one or the new.
    const plans: ({ after: number } | { writing: number })[] = [0.37, 1.04].map((after) => ({ after }));
    plans.push(...[0, 0, 1, 2, 4].map((writing) => ({ writing })));
    for (const [i, plan] of plans.entries()) {
      // What the last kill left beside the output goes first, so its removal does not set off the
      // watchers below (the last one's is left for the final build to clear).
      if (i > 0) recoverOutputs(out);
      const next = 1 - current;
      useVersion(next);
      const child = spawnBuild(a.data, out);
      const watchers: ReturnType<typeof watch>[] = [];
      if ("writing" in plan) {
        let fired = false;
        const kill = (name: string | null) => {
          if (fired || String(name).endsWith(".lock") || String(name).includes(".lock.")) return;
          fired = true;
          setTimeout(() => child.kill("SIGKILL"), plan.writing);
        };
        watchers.push(
          watch(dirname(out), (_event, name) => kill(name)),
          watch(out, (_event, name) => kill(name)),
        );
      } else {
        setTimeout(() => child.kill("SIGKILL"), plan.after * 1200);
      }
      const { signal } = await child.done;
      for (const watcher of watchers) watcher.close();
      if (!existsSync(out)) {
        // Killed between the swap's two renames: the old output waits beside it, whole.
        const aside = readdirSync(dirname(out)).filter((n) => n.startsWith(`${basename(out)}.old-`));
        expect(aside).toHaveLength(1);
        expectConsistent(join(dirname(out), aside[0]));
        recoverOutputs(out);
      }
      expectConsistent(out);
      const now = snapshot(out);
      const matches = outputs.map((o) => differences(o, now).length === 0);
      expect(
        matches[current] || matches[next],
        `after SIGKILL (${signal}) the output is neither the old one nor the new`,
      ).toBe(true);
      if (matches[next] && !matches[current]) {
        seen.new += 1;
        current = next;
      } else seen.old += 1;
    }
    // A build after all that recovers what the kills left, and leaves nothing beside the output.
    useVersion(0);
    const child = spawnBuild(a.data, out);
    expect((await child.done).code).toBe(0);
    expectConsistent(out);
    expect(differences(outputs[0], snapshot(out))).toEqual([]);
    expect(readdirSync(dirname(out))).toEqual(["output"]);
    expect(seen.old + seen.new).toBe(plans.length);
  });
});

describe("two builds started at once on the same output", () => {
  it("do not interleave: the second waits for the first, and the output is one build's, whole", async () => {
    // One story built two ways at once (embeds with relative names, and with absolute ones), so
    // the outputs differ; the references beside the shared output name the story folder alike.
    const a = copyStory();
    const baseUrl = "https://cdn.example.org/graphics/islamabad/";
    await build({ data: a.data, out: join(a.dir, "relative") });
    await build({ data: a.data, out: join(a.dir, "absolute"), baseUrl });
    const outputs = [snapshot(join(a.dir, "relative")), snapshot(join(a.dir, "absolute"))];
    expect(differences(outputs[0], outputs[1]).length).toBeGreaterThan(0);
    const shared = join(a.dir, "shared");
    // Watch the folder the builds write aside in: never two staging folders at once.
    let most = 0;
    const watcher = watch(a.dir, () => {
      most = Math.max(most, readdirSync(a.dir).filter((n) => n.startsWith("shared.staging-")).length);
    });
    const builds = [spawnBuild(a.data, shared), spawnBuild(a.data, shared, ["--base-url", baseUrl])];
    const results = await Promise.all(builds.map((c) => c.done));
    watcher.close();
    expect(most).toBe(1);
    expect(results.map((r) => r.code)).toEqual([0, 0]);
    for (const r of results) expect(r.stderr).toBe("");
    expectConsistent(shared);
    const last = snapshot(shared);
    expect(outputs.map((o) => differences(o, last).length)).toContain(0);
    expect(leftovers(shared)).toEqual([]);
  });

  it("refuses the second with a message naming the first when it waits too long", async () => {
    const story = copyStory();
    let release!: () => void;
    let locked!: () => void;
    const taken = new Promise<void>((resolve) => (locked = resolve));
    const held = withOutputLock(layoutOf(story.out, realDisk), { waitMs: 0 }, () => {
      locked();
      return new Promise<void>((resolve) => (release = resolve));
    });
    // The second build starts once the first holds the lock, however long taking it took.
    await taken;
    try {
      const second = build({ data: story.data, out: story.out, waitMs: 300 });
      await expect(second).rejects.toThrow(LockBusy);
      await expect(second).rejects.toThrow(
        `another build (process ${process.pid}) is writing ${story.out}; wait for it to finish, then build again`,
      );
    } finally {
      release();
      await held;
    }
    expect(existsSync(story.out)).toBe(false);
    expect(leftovers(story.out)).toEqual([]);
  });

  it("take over the lock of a build that was killed", async () => {
    const story = copyStory();
    const dead = spawn(process.execPath, ["-e", ""]);
    await new Promise((resolve) => dead.on("close", resolve));
    writeFileSync(`${story.out}.lock`, String(dead.pid));
    const result = await build({ data: story.data, out: story.out, waitMs: 0 });
    expect(result.written).toBe(true);
    expect(leftovers(story.out)).toEqual([]);
  });
});

describe("the output folder", () => {
  it("is restored from beside it when a build was killed between the swap's two renames", async () => {
    const story = copyStory();
    await build({ data: story.data, out: story.out });
    const before = snapshot(story.out);
    renameSync(story.out, `${story.out}.old-999999`);
    mkdirSync(`${story.out}.staging-999999`);
    writeFileSync(join(`${story.out}.staging-999999`, "half.svg"), "<svg");
    const result = await build({ data: story.data, out: story.out });
    expect(result.written).toBe(false);
    expect(differences(before, snapshot(story.out))).toEqual([]);
    expect(leftovers(story.out)).toEqual([]);
  });

  it("is the only one a build recovers: another output's leftovers beside it are left alone", async () => {
    const story = copyStory();
    mkdirSync(`${story.out}.v2.old-999999`, { recursive: true });
    mkdirSync(`${story.out}.v2.staging-999999`, { recursive: true });
    await build({ data: story.data, out: story.out });
    expect(existsSync(`${story.out}.v2.old-999999`) && existsSync(`${story.out}.v2.staging-999999`)).toBe(true);
  });

  it("is never a folder the build did not make: --out pointing at the data, a project or a file is refused and left alone", async () => {
    const story = copyStory();
    const files = (dir: string) =>
      readdirSync(dir, { recursive: true, encoding: "utf8" })
        .sort()
        .map((name) => [
          name,
          existsSync(join(dir, name)) && !statSync(join(dir, name)).isDirectory()
            ? readFileSync(join(dir, name)).toString("base64")
            : "/",
        ]);
    const data = files(story.data);
    await expect(build({ data: story.data, out: story.data })).rejects.toThrow(OutputRefused);
    await expect(build({ data: story.data, out: story.data })).rejects.toThrow(
      `${story.data} is not an output folder (it holds 4 files but no manifest.json, and sources/); a build replaces the whole folder, so choose a new or empty folder for --out`,
    );
    await expect(build({ data: story.data, out: story.dir })).rejects.toThrow(
      `${story.dir} holds the folder data/, which a build would delete: it replaces the whole folder; move it elsewhere, or choose a new or empty folder for --out`,
    );
    await expect(build({ data: story.data, out: join(story.data, "figures.csv") })).rejects.toThrow(
      /is a file, not a folder/,
    );
    expect(files(story.data)).toEqual(data);
    expect(readdirSync(story.dir).sort()).toEqual(["data"]);
  });

  it("takes only plain file names: nothing is written outside it", () => {
    const story = copyStory();
    const writer = new OutputWriter(layoutOf(story.out, realDisk), { disk: realDisk });
    for (const name of ["../escaped.svg", "/tmp/escaped.svg", "sub/dir.svg", "..", ""]) {
      expect(() => writer.add(name, Buffer.from("x"))).toThrow(/refusing to write/);
      expect(() => writer.keep(name, { sha256: "", bytes: 1 })).toThrow(/refusing to write/);
    }
    writer.commit();
    expect(readdirSync(story.dir)).toEqual(["data"]);
  });
});

describe("a lock left long ago by a build whose process id now belongs to another program", () => {
  it("is taken over instead of blocking every build", async () => {
    const story = copyStory();
    const lock = `${story.out}.lock`;
    writeFileSync(lock, String(process.pid)); // alive, but not a build of this output
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(lock, hourAgo, hourAgo);
    const result = await build({ data: story.data, out: story.out, waitMs: 1_000 });
    expect(result.written).toBe(true);
    expect(existsSync(lock)).toBe(false);
  });
});
