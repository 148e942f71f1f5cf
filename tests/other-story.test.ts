import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../pipeline/build.ts";
import { type NotebookServer, startNotebook } from "../pipeline/notebook-server.ts";
import { OutputRefused } from "../pipeline/publish/output-folder.ts";
import { snapshot } from "./helpers/files.ts";
import { cli, FIXTURES } from "./helpers/story.ts";

/**
 * Two stories side by side, as a desk keeps them, and one output folder: a build of the second
 * without --out must not replace the first story's charts, silently or otherwise.
 */
describe("a build of another story into an output folder a story already built", () => {
  const dir = mkdtempSync(join(tmpdir(), "two-stories-"));
  const islamabad = join(dir, "data");
  const riots = join(dir, "stories", "riots");
  const out = join(dir, "output");
  let before: Map<string, Buffer>;
  beforeAll(async () => {
    cpSync(join(FIXTURES, "islamabad"), islamabad, { recursive: true });
    cpSync(join(FIXTURES, "riots"), riots, { recursive: true });
    await build({ data: islamabad, out });
    before = snapshot(out);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("records in the manifest which story folder made the output, as seen from it", () => {
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as { storyFolder?: string };
    expect(manifest.storyFolder).toBe("../data");
  });

  it("is refused, naming --out, and leaves the first story's output as it was", async () => {
    await expect(build({ data: riots, out })).rejects.toThrow(OutputRefused);
    const run = cli(["--data", riots, "--out", out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("holds the charts of another story");
    expect(run.stderr).toContain("--out");
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(snapshot(out)).toEqual(before);
  });

  it("still rebuilds the same story, however its folder is named on the command line", async () => {
    const again = await build({ data: join(dir, "stories", "..", "data"), out });
    expect(again.written).toBe(false);
    expect(snapshot(out)).toEqual(before);
  });

  describe("in the live notebook", () => {
    let notebook: NotebookServer;
    beforeAll(async () => {
      notebook = await startNotebook({ data: riots, out, port: 0, settleMs: 50 });
    });
    afterAll(async () => notebook?.close());

    it("is refused too: the page says so, and never shows the other story's output as this one's", async () => {
      const page = await (await fetch(notebook.url)).text();
      expect(page).toContain("holds the charts of another story");
      expect(page).not.toContain('href="index.html"');
      expect(snapshot(out)).toEqual(before);
    });
  });
});
