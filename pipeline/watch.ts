import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { followStory } from "./follow-story.ts";
import { oneAtATime, rebuildAndReport } from "./story-watch.ts";

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

const rebuild = oneAtATime(async (reason) => void (await rebuildAndReport(data, out, reason)));
followStory(data, (names, replaced) => rebuild(replaced ? `${data}/ replaced` : `${names.join(", ")} saved`));
console.log(`Watching ${data}/ — save a file to rebuild ${values.out}/. Ctrl-C to stop.`);
rebuild("start");
