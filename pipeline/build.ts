import { existsSync, realpathSync } from "node:fs";
import type { Manifest } from "./publish/manifest.ts";
import { planOutputs } from "./publish/outputs.ts";
import { formatProblem, type Problem } from "./facts/problem.ts";
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
}: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  // An --out that is a link is written where it points: the swap replaces a folder, not the link.
  const out = existsSync(given) ? realpathSync(given) : given;
  const layout = layoutOf(out, disk);
  const storyFolder = storyFolderOf(data, out);
  const run = async (): Promise<BuildResult> => {
    if (!check) recoverOutputs(out, disk);
    const story = loadStory(data, { today });
    // Another story's output is not this build's to replace (nor to compare with, for --check).
    const recorded = check ? manifestIfAny(out, disk) : readManifest(out, disk);
    assertSameStory(out, recorded, data, storyFolder);
    // --check draws everything afresh and reads every file: the output's own manifest cannot vouch for the output.
    const previous = check ? undefined : recorded;
    const trusted = check ? new Set<string>() : trustedFiles(out, previous, disk);
    const writer = new OutputWriter(layout, { disk, previous, trusted, check });
    try {
      const planned = await planOutputs(story, writer, {
        previous,
        reusable: (name) => trusted.has(name),
        baseUrl,
        code,
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

/** Problems as a reporter reads them: paths as typed on the command line, one line each. */
export function describeProblems(problems: Problem[], data: string): string {
  return problems
    .map((p) =>
      formatProblem({ ...p, file: p.line === 0 && p.file === data ? p.file : `${data.replace(/\/+$/, "")}/${p.file}` }),
    )
    .join("\n");
}

export function describeChanges({ added, changed, removed }: Changes): string[] {
  const lines: string[] = [];
  if (added.length) lines.push(`  added:   ${someOf(added, "files")}`);
  if (changed.length) lines.push(`  changed: ${someOf(changed, "files")}`);
  if (removed.length) lines.push(`  removed: ${someOf(removed, "files")}`);
  return lines;
}

/**
 * A list a reporter can read in a terminal: every name up to a hundred, else the first hundred
 * and how many more ("… and 9,904 more files: every one is in manifest.json").
 */
export function someOf(names: string[], what: string, max = 100): string {
  if (names.length <= max) return names.join(", ");
  return `${names.slice(0, max).join(", ")} … and ${(names.length - max).toLocaleString("en-GB")} more ${what} (manifest.json lists them all)`;
}
