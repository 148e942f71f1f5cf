import { existsSync, realpathSync } from "node:fs";
import { type KeptReading, sentenceReadings } from "./facts/sentence-readings.ts";
import { todayIso } from "./facts/dates.ts";
import { inputsHash, readCache, stateOf, writeCache, writeState } from "./publish/build-cache.ts";
import { codeFingerprint } from "./publish/fingerprint.ts";
import { notebookPieces } from "./publish/notebook-pieces.ts";
import type { Manifest } from "./publish/manifest.ts";
import { planOutputs } from "./publish/outputs.ts";
import { loadStory } from "./story.ts";
import type { Story } from "./words/story.ts";
import { type Disk, realDisk } from "./publish/disk.ts";
import { withOutputLock } from "./publish/lock.ts";
import { assertSameStory, layoutOf, readManifest, storyFolderOf, trustedFiles } from "./publish/output-folder.ts";
import { type Changes, hasChanges, OutputWriter, recoverOutputs } from "./publish/swap.ts";

export interface BuildOptions {
  data: string;
  out: string;
  /** Compare only: report whether the output is what the data builds, write nothing. */
  check?: boolean;
  /** How long to wait for another build on the same output before refusing. */
  waitMs?: number;
  /** Where the output folder will be served from; embeds then use absolute URLs. */
  baseUrl?: string;
  /** What the drawing code is; codeFingerprint() unless a test injects its own. */
  code?: string;
  /** Today's date (YYYY-MM-DD); the machine's unless a test injects its own. */
  today?: string;
  /** The file system calls of the output stage; the real disk unless a test injects a failing one. */
  disk?: Disk;
  /** Threads drawing PNGs; one a core unless given. */
  threads?: number;
  /** Hears of the story once it is proven, before anything is drawn (the live notebook shows it at once). */
  onProven?: (story: Story) => void | Promise<void>;
}

export interface BuildResult {
  story: Story;
  manifest: Manifest;
  changes: Changes;
  /** Charts drawn; unchanged charts are reused, not drawn. */
  drawn: string[];
  written: boolean;
  ms: number;
}

/** The whole build: read and prove the story, plan the output, and put it in place if anything changed. */
export async function build({
  data,
  out: given,
  check = false,
  waitMs = 30_000,
  baseUrl = "",
  code,
  today,
  disk = realDisk,
  threads,
  onProven,
}: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  // An --out that is a link is written where it points: the swap replaces a folder, not the link.
  const out = existsSync(given) ? realpathSync(given) : given;
  const layout = layoutOf(out, disk);
  const code_ = code ?? codeFingerprint();
  const today_ = today ?? todayIso();
  const storyFolder = storyFolderOf(data, out);
  const run = async (): Promise<BuildResult> => {
    if (!check) recoverOutputs(out, disk);
    // What earlier builds read, sentence by sentence (--check trusts nothing of the output folder's).
    const cached = check ? {} : readCache(out, code_, disk);
    if (Array.isArray(cached.readings)) sentenceReadings.load(cached.readings as [string, KeptReading][]);
    if (Array.isArray(cached.notebook)) notebookPieces.load(cached.notebook as [string, string][]);
    const story = loadStory(data, { today: today_ });
    // Another story's output is not this build's to replace (nor to compare with, for --check).
    const recorded = check ? manifestIfAny(out, disk) : readManifest(out, disk);
    assertSameStory(out, recorded, data, storyFolder);
    await onProven?.(story);
    // --check draws everything afresh and reads every file: the output's own manifest cannot vouch for the output.
    const previous = check ? undefined : recorded;
    const trusted = check ? new Set<string>() : trustedFiles(out, previous, disk);
    const writer = new OutputWriter(layout, { disk, previous, trusted, check });
    try {
      const planned = await planOutputs(story, writer, {
        previous,
        reusable: (name) => trusted.has(name),
        baseUrl,
        code: code_,
        threads,
        storyFolder,
      });
      const changes = writer.changes();
      const written = !check && hasChanges(changes);
      if (written) writer.commit();
      else {
        writer.discard();
        writer.vouch();
      }
      if (!check) {
        // For the next build: what this one was built from and left, and what it read.
        writeCache(out, code_, { readings: [...sentenceReadings.used()], notebook: [...notebookPieces.used()] }, disk);
        const state = stateOf(out, disk, Object.keys(planned.manifest.files), {
          inputs: inputsHash(story.files, code_, { baseUrl, storyFolder }),
          today: today_,
          report: {
            charts: story.charts.length,
            figures: story.figures.length,
            corrections: story.corrections.length,
            unrecorded: story.unrecorded.length,
            filled: story.figures.filter((f) => f.filled).map((f) => f.id),
            warnings: story.warnings,
          },
        });
        if (state) writeState(out, state, disk);
      }
      return {
        story,
        manifest: planned.manifest,
        changes,
        drawn: planned.drawn,
        written,
        ms: performance.now() - started,
      };
    } catch (error) {
      writer.discard();
      throw error;
    }
  };
  // --check takes the lock too, so it never sees a build's swap half done (where it can: not on a read-only disk).
  return withOutputLock(layout, { waitMs, disk, readOnly: check }, run);
}

/** For --check, which compares with any folder: the manifest if the folder has one a build wrote. */
function manifestIfAny(out: string, disk: Disk): Manifest | undefined {
  try {
    return readManifest(out, disk);
  } catch {
    return undefined;
  }
}

export { describeChanges, describeProblems, someOf } from "./report.ts";
