import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { inject } from "vitest";
import { build } from "../../pipeline/build.ts";
import { type BuildState, STATE_FILE, stateOf, writeState } from "../../pipeline/publish/build-cache.ts";
import { realDisk } from "../../pipeline/publish/disk.ts";
import { MANIFEST, type Manifest } from "../../pipeline/publish/manifest.ts";

const FIXTURES = resolve(import.meta.dirname, "../fixtures");

/** A story folder and its output folder, side by side in a scratch folder of their own. */
export interface StoryCopy {
  dir: string;
  data: string;
  out: string;
}

/** This file's built fixtures that the run did not build for every file. */
const mine = new Map<string, Promise<StoryCopy>>();

function template(fixture: string): Promise<StoryCopy> {
  const run = inject("builtStories");
  if (run && existsSync(join(run, fixture, "output", MANIFEST)))
    return Promise.resolve({
      dir: join(run, fixture),
      data: join(run, fixture, "data"),
      out: join(run, fixture, "output"),
    });
  let built = mine.get(fixture);
  if (!built) {
    const dir = mkdtempSync(join(tmpdir(), "built-"));
    const story = { dir, data: join(dir, "data"), out: join(dir, "output") };
    cpSync(join(FIXTURES, fixture), story.data, { recursive: true });
    built = build({ data: story.data, out: story.out }).then(() => story);
    mine.set(fixture, built);
  }
  return built;
}

/**
 * A fixture story (the Islamabad one unless named) and its output as a build left it, to change
 * freely: the story is built once a run (tests/setup/built-stories.ts) or once a file, and copied.
 * The output's files are copied first and its manifest last, so the next build trusts them as it
 * trusts its own (see trustedFiles) and redraws nothing that did not change; the build's record of
 * the folder is made again for the copy, so a build with nothing to do finds nothing to do. For a
 * test whose first build is only its setup: a test about building builds for itself.
 */
export async function builtStory(fixture = "islamabad"): Promise<StoryCopy> {
  const from = await template(fixture);
  const dir = mkdtempSync(join(tmpdir(), "story-"));
  const to = { dir, data: join(dir, "data"), out: join(dir, "output") };
  cpSync(from.data, to.data, { recursive: true });
  mkdirSync(to.out);
  const names = readdirSync(from.out).filter((name) => name !== MANIFEST && !name.startsWith("."));
  for (const name of names) copyFileSync(join(from.out, name), join(to.out, name));
  copyFileSync(join(from.out, MANIFEST), join(to.out, MANIFEST));
  for (const name of readdirSync(from.out).filter((n) => n.startsWith(".charts-") && n !== STATE_FILE))
    copyFileSync(join(from.out, name), join(to.out, name));
  const state = JSON.parse(readFileSync(join(from.out, STATE_FILE), "utf8")) as BuildState;
  const manifest = JSON.parse(readFileSync(join(to.out, MANIFEST), "utf8")) as Manifest;
  const copied = stateOf(to.out, realDisk, Object.keys(manifest.files), state);
  if (copied) writeState(to.out, copied, realDisk);
  return to;
}
