import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll } from "vitest";
import { build } from "../../pipeline/build.ts";
import type { Manifest } from "../../pipeline/publish/manifest.ts";
import { snapshot } from "./files.ts";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { spawnSync } from "node:child_process";

export const ROOT = resolve(import.meta.dirname, "../..");
/** The fixture stories tests build: never data/, which holds whatever story the desk is working on. */
export const FIXTURES = join(ROOT, "tests/fixtures");
export const ISLAMABAD = join(FIXTURES, "islamabad");

/** A scratch copy of a fixture story (the Islamabad one unless named), to edit freely. */
export function copyStory(fixture = "islamabad"): { dir: string; data: string; out: string } {
  const dir = mkdtempSync(join(tmpdir(), "story-"));
  const data = join(dir, "data");
  cpSync(join(FIXTURES, fixture), data, { recursive: true });
  return { dir, data, out: join(dir, "output") };
}

/** Replaces text in a story file, failing loudly if the text is not there (a test that edits nothing proves nothing). */
export function edit(data: string, file: string, from: string | RegExp, to: string): void {
  const path = join(data, file);
  const before = readFileSync(path, "utf8");
  const after = before.replace(from, to);
  if (after === before) throw new Error(`edit: ${String(from)} not found in ${file}`);
  writeFileSync(path, after);
}

export function append(data: string, file: string, text: string): void {
  writeFileSync(join(data, file), readFileSync(join(data, file), "utf8") + text);
}

/** Runs the real command line, as a reporter would. */
export function cli(args: string[]): { status: number; stdout: string; stderr: string } {
  return command("cli", args);
}

/** Runs one of the commands (`pipeline/NAME.ts`: correct, figures, cli) as npm would, waiting for it. */
export function command(name: string, args: string[]): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(
    process.execPath,
    [join(ROOT, "node_modules/tsx/dist/cli.mjs"), join(ROOT, `pipeline/${name}.ts`), ...args],
    {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, NODE_NO_WARNINGS: "1" },
    },
  );
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/**
 * A copy of the story, built once for a test file and removed after it. `files` is every output
 * file's bytes just after that build: compare with it to prove a later, failing build left the
 * output as it was.
 */
export function useBuiltStory(): {
  readonly dir: string;
  readonly out: string;
  readonly manifest: Manifest;
  readonly files: Map<string, Buffer>;
} {
  const state = { dir: "", out: "", manifest: undefined as unknown as Manifest, files: new Map<string, Buffer>() };
  beforeAll(async () => {
    const story = copyStory();
    state.dir = story.dir;
    state.out = story.out;
    await build({ data: story.data, out: story.out });
    state.manifest = JSON.parse(readFileSync(join(story.out, "manifest.json"), "utf8")) as Manifest;
    state.files = snapshot(story.out);
  });
  afterAll(() => rmSync(state.dir, { recursive: true, force: true }));
  return {
    get dir() {
      return state.dir;
    },
    get out() {
      return state.out;
    },
    get manifest() {
      return state.manifest;
    },
    get files() {
      return state.files;
    },
  };
}
