/**
 * Global setup: the fixture stories most test files need built (the Islamabad story), built once a
 * run by the real command, in a folder every test file copies from (tests/helpers/built.ts). A test
 * that is about building builds for itself; one that only needs a built story starts from a copy.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { TestProject } from "vitest/node";

const ROOT = resolve(import.meta.dirname, "../..");
/** Built here for every file; any other fixture is built once by the first test of a file that asks. */
export const PREBUILT = ["islamabad"];

declare module "vitest" {
  export interface ProvidedContext {
    /** Where the run's built fixture stories are: DIR/NAME/data and DIR/NAME/output. */
    builtStories: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), "built-stories-"));
  for (const name of PREBUILT) {
    const data = join(dir, name, "data");
    cpSync(join(ROOT, "tests/fixtures", name), data, { recursive: true });
    const run = spawnSync(
      process.execPath,
      [
        join(ROOT, "node_modules/tsx/dist/cli.mjs"),
        join(ROOT, "pipeline/cli.ts"),
        "--data",
        data,
        "--out",
        join(dir, name, "output"),
      ],
      { cwd: ROOT, encoding: "utf8", env: { ...process.env, NODE_NO_WARNINGS: "1" } },
    );
    if (run.status !== 0) throw new Error(`the ${name} fixture story does not build:\n${run.stdout}${run.stderr}`);
  }
  project.provide("builtStories", dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
