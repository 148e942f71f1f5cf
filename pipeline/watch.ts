import { existsSync, type FSWatcher, statSync, watch } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { build, describeChanges, describeProblems } from "./build.ts";
import { DataError } from "./facts/problem.ts";
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

let timer: NodeJS.Timeout | undefined;
const changed = new Set<string>();
let replacedFolder = false;

/** Collects saves for a moment (spreadsheets save in several writes), then rebuilds once. */
function saved(name?: string): void {
  if (name) changed.add(name);
  else replacedFolder = true;
  clearTimeout(timer);
  timer = setTimeout(() => {
    if (identity() === undefined) return; // Gone (being replaced): the new folder is built when it comes.
    const reason = replacedFolder ? `${data}/ replaced` : `${[...changed].sort().join(", ")} saved`;
    changed.clear();
    replacedFolder = false;
    void rebuild(reason);
  }, 150);
}

/**
 * The folder being watched, by inode and birth time: a story folder replaced (`rm -rf data && cp -r
 * other data`) is a new folder, though the system may give it the old one's inode number.
 */
let watched: { watcher: FSWatcher; id: string } | undefined;
let missing = false;

function identity(): string | undefined {
  try {
    const stat = statSync(data);
    return stat.isDirectory() ? `${stat.ino}:${stat.birthtimeMs}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Watches the story folder, and watches for it being replaced or removed: a watcher on a deleted
 * folder goes quiet for good, so the new folder gets a watcher of its own and is built at once.
 */
function follow(parentSaw = false): void {
  const id = identity();
  // Without birth times (some file systems) a reused inode hides a replacement: the parent's word counts.
  if (watched && watched.id === id && !(parentSaw && id?.endsWith(":0"))) return;
  watched?.watcher.close();
  watched = undefined;
  if (id === undefined) {
    if (!missing) console.error(`${data}/ is gone; waiting for it to come back (the output is left as it was).`);
    missing = true;
    return;
  }
  try {
    const watcher = watch(data, { recursive: true }, (_event, name) => {
      // Only the story's own files: editors' swap and temporary files come and go on every save.
      if (!name || !/\.(csv|json|txt)$/i.test(name) || /(^|\/)\./.test(name)) return;
      saved(String(name));
    });
    watcher.on("error", () => setImmediate(follow));
    watched = { watcher, id };
    missing = false;
    if (started) {
      console.log(`${data}/ was replaced; watching the new folder.`);
      saved();
    }
  } catch {
    setTimeout(follow, 100); // Being copied in: try again in a moment.
  }
}

let started = false;
follow();
started = true;
// The parent folder says at once when the story folder is replaced; the interval is the safety net
// (and keeps watching while the folder is gone).
let parentTimer: NodeJS.Timeout | undefined;
try {
  watch(dirname(resolve(data)), (_event, name) => {
    if (name !== basename(resolve(data))) return;
    clearTimeout(parentTimer);
    parentTimer = setTimeout(() => follow(true), 50);
  });
} catch {
  // A parent that cannot be watched: the interval below still notices.
}
setInterval(() => follow(), 1000);
console.log(`Watching ${data}/ — save a file to rebuild ${values.out}/. Ctrl-C to stop.`);
void rebuild("start");
