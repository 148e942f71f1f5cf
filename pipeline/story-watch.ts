import { build, type BuildResult, describeChanges, describeProblems } from "./build.ts";
import { DataError, type Problem } from "./facts/problem.ts";
import type { Story } from "./words/story.ts";
import { EnvironmentError } from "./publish/disk.ts";
import { LockBusy } from "./publish/lock.ts";

/**
 * What `npm run watch` and `npm run notebook` share (besides following the story folder's saves,
 * follow-story.ts): running one build at a time, and saying on the terminal what each build did.
 */

/** Runs one build at a time: saves during a build fold into one more build after it. */
export function oneAtATime(run: (reason: string) => Promise<void>): (reason: string) => void {
  let running = false;
  let again = false;
  const next = (reason: string): void => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    void run(reason).finally(() => {
      running = false;
      if (again) {
        again = false;
        next("saved again");
      }
    });
  };
  return next;
}

/** A build's outcome as the commands show it: what it built, or what stopped it. */
export type Rebuilt =
  | { ok: true; result: BuildResult }
  | { ok: false; problems: Problem[]; stage: "data" | "refused" | "bug"; reading?: DataError["reading"] };

/**
 * One build, reported on the terminal; its outcome returned for whoever shows it elsewhere.
 * `onProven` hears of the story as soon as it is proven, before anything is drawn.
 */
export async function rebuildAndReport(
  data: string,
  out: string,
  reason: string,
  onProven?: (story: Story) => void | Promise<void>,
): Promise<Rebuilt> {
  try {
    const result = await build({ data, out, onProven });
    for (const warning of result.story.warnings) console.error(`warning: ${describeProblems([warning], data)}`);
    const stamp = new Date().toTimeString().slice(0, 8);
    if (!result.written) console.log(`[${stamp}] ${reason}: nothing changed (${Math.round(result.ms)} ms)`);
    else
      console.log(
        [`[${stamp}] ${reason}: rebuilt in ${Math.round(result.ms)} ms`, ...describeChanges(result.changes)].join("\n"),
      );
    return { ok: true, result };
  } catch (error) {
    if (error instanceof DataError) {
      console.error(`${reason}: build stopped, output left as it was:\n${describeProblems(error.problems, data)}`);
      return { ok: false, problems: error.problems, stage: "data", reading: error.reading };
    }
    if (error instanceof LockBusy) {
      console.error(`${reason}: build refused: ${error.message}`);
      return {
        ok: false,
        problems: [{ file: out, line: 0, message: `build refused: ${error.message}` }],
        stage: "refused",
      };
    }
    if (error instanceof EnvironmentError) {
      console.error(`${reason}: build failed: ${error.message}`);
      return {
        ok: false,
        problems: [{ file: out, line: 0, message: `build failed: ${error.message}` }],
        stage: "refused",
      };
    }
    console.error(error);
    return {
      ok: false,
      problems: [{ file: data, line: 0, message: `a bug in the build, not in the data: ${(error as Error).message}` }],
      stage: "bug",
    };
  }
}
