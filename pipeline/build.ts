import { existsSync, realpathSync } from "node:fs";
import type { Manifest } from "./publish/manifest.ts";
import { planOutputs } from "./publish/outputs.ts";
import { formatProblem, type Problem } from "./facts/problem.ts";
import { loadStory } from "./story.ts";
import type { Story } from "./words/story.ts";
import { withOutputLock } from "./publish/lock.ts";
import {
  type Changes,
  commitOutputs,
  compareOutputs,
  hasChanges,
  previousFileReader,
  readManifest,
  recoverOutputs,
} from "./publish/swap.ts";

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

/** The whole build: read and prove the story, plan the output, and swap it in if anything changed. */
export async function build({
  data,
  out: given,
  check = false,
  waitMs = 30_000,
  baseUrl = "",
  code,
  today,
}: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  // An --out that is a link is written where it points: the swap replaces a folder, not the link.
  const out = existsSync(given) ? realpathSync(given) : given;
  const run = async (): Promise<BuildResult> => {
    if (!check) recoverOutputs(out);
    const story = loadStory(data, { today });
    const previous = readManifest(out);
    // --check draws everything afresh: the output's own manifest cannot vouch for the output.
    const planned = check
      ? await planOutputs(story, { baseUrl, code })
      : await planOutputs(story, { previous, previousFile: previousFileReader(out, previous), baseUrl, code });
    const changes = compareOutputs(out, planned.files);
    const written = !check && hasChanges(changes);
    if (written) commitOutputs(out, planned.files, changes);
    return {
      story,
      manifest: planned.manifest,
      changes,
      drawn: planned.drawn,
      written,
      ms: performance.now() - started,
    };
  };
  // --check takes the lock too, so it never sees a build's swap half done.
  return withOutputLock(out, waitMs, run);
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
  if (added.length) lines.push(`  added:   ${added.join(", ")}`);
  if (changed.length) lines.push(`  changed: ${changed.join(", ")}`);
  if (removed.length) lines.push(`  removed: ${removed.join(", ")}`);
  return lines;
}
