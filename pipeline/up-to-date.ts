import { existsSync, realpathSync } from "node:fs";
import { todayIso } from "./facts/dates.ts";
import { inputsHash, outputAsRecorded, readState } from "./publish/build-cache.ts";
import type { BuildState } from "./publish/build-cache.ts";
import { type Disk, realDisk } from "./publish/disk.ts";
import { codeFingerprint } from "./publish/fingerprint.ts";
import { LockBusy, withOutputLock } from "./publish/lock.ts";
import { layoutOf, storyFolderOf } from "./publish/output-folder.ts";
import { recoverOutputs } from "./publish/swap.ts";
import { readStory } from "./read.ts";

export interface UpToDateOptions {
  data: string;
  out: string;
  baseUrl?: string;
  code?: string;
  today?: string;
  disk?: Disk;
  waitMs?: number;
}

/**
 * A build's first question, as make and ninja ask it: are the story's files, the code and the
 * output folder what the last good build left? The story files are read and hashed (never read
 * as sentences), the output's files known by size and time. If so, the build has nothing to do:
 * this says so with what that build reported, without loading the reader, the chart kinds or the
 * drawing libraries. Anything unexpected (no record, a file touched, a leftover of a killed build,
 * a problem reading the story) answers undefined, and the build does its work and says why.
 * `--check` never asks: it compares every byte.
 */
export async function upToDate({
  data,
  out: given,
  baseUrl = "",
  code,
  today = todayIso(),
  disk = realDisk,
  waitMs = 30_000,
}: UpToDateOptions): Promise<BuildState["report"] | undefined> {
  try {
    const out = existsSync(given) ? realpathSync(given) : given;
    const state = readState(out, disk);
    if (!state || today < state.today) return undefined;
    const story = readStory(data);
    if (story.problems.length > 0) return undefined;
    // The story folder too: another story's files, the same bytes, are another story (see assertSameStory).
    const storyFolder = storyFolderOf(data, out);
    if (inputsHash(story.files, code ?? codeFingerprint(), { baseUrl, storyFolder }) !== state.inputs) return undefined;
    // Under the lock, as a build: never judged halfway through another build's swap.
    return await withOutputLock(layoutOf(out, disk), { waitMs, disk }, async () => {
      recoverOutputs(out, disk);
      return outputAsRecorded(out, state, disk) ? state.report : undefined;
    });
  } catch (error) {
    if (error instanceof LockBusy) throw error; // Another build holds the output: the build would wait in vain too.
    return undefined;
  }
}
