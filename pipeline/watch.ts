import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { build, describeChanges, describeProblems } from "./build.ts";
import { DataError } from "./facts/problem.ts";
import { followStory } from "./follow-story.ts";
import { EnvironmentError } from "./publish/disk.ts";
import { LockBusy } from "./publish/lock.ts";

/**
 * `npm run watch`: rebuilds on every save in the story folder and says what changed. One process
 * keeps jsdom and Plot loaded, so a rebuild after a correction costs only the charts it touches.
 * A bad save reports its problems and leaves the output as it was; the next good save builds.
 */
let values: { data?: string; out?: string };
try {
  ({ values } = parseArgs({
    args: process.argv.slice(2),
    options: { data: { type: "string", default: "data" }, out: { type: "string", default: "output" } },
  }));
} catch (error) {
  console.error(`${(error as Error).message}\nusage: npm run watch -- [--data DIR] [--out DIR]`);
  process.exit(2);
}
const data = values.data!;
const out = resolve(values.out!);
if (!existsSync(data)) {
  console.error(`${data}: the story folder does not exist`);
  process.exit(1);
}

let running = false;
let again = false;

async function rebuild(reason: string): Promise<void> {
  if (running) {
    again = true;
    return;
  }
  running = true;
  try {
    const result = await build({ data, out });
    for (const warning of result.story.warnings) console.error(`warning: ${describeProblems([warning], data)}`);
    const stamp = new Date().toTimeString().slice(0, 8);
    if (!result.written) console.log(`[${stamp}] ${reason}: nothing changed (${Math.round(result.ms)} ms)`);
    else
      console.log(
        [`[${stamp}] ${reason}: rebuilt in ${Math.round(result.ms)} ms`, ...describeChanges(result.changes)].join("\n"),
      );
  } catch (error) {
    if (error instanceof DataError)
      console.error(`${reason}: build stopped, output left as it was:\n${describeProblems(error.problems, data)}`);
    else if (error instanceof LockBusy) console.error(`${reason}: build refused: ${error.message}`);
    else if (error instanceof EnvironmentError) console.error(`${reason}: build failed: ${error.message}`);
    else console.error(error);
  } finally {
    running = false;
    if (again) {
      again = false;
      void rebuild("saved again");
    }
  }
}

followStory(data, (names, replaced) => void rebuild(replaced ? `${data}/ replaced` : `${names.join(", ")} saved`));
console.log(`Watching ${data}/ — save a file to rebuild ${values.out}/. Ctrl-C to stop.`);
void rebuild("start");
