import { type FSWatcher, statSync, watch } from "node:fs";
import { basename, dirname, resolve } from "node:path";

/**
 * Calls `saved` with the story files saved, once a burst of saves is over (spreadsheets save in
 * several writes), and with `replaced` when the story folder itself was replaced (`rm -rf data &&
 * cp -r other data`). A watcher on a deleted folder goes quiet for good: the folder is followed by
 * identity (inode and birth time) from its parent, and the new folder gets a watcher of its own.
 * Only the story's own files count: editors' swap and temporary files come and go on every save.
 */
export function followStory(
  data: string,
  saved: (names: string[], replaced: boolean) => void,
  settleMs = 150,
): { close(): void } {
  let timer: NodeJS.Timeout | undefined;
  const changed = new Set<string>();
  let replaced = false;
  const settle = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (identity(data) === undefined) return; // Gone (being replaced): the new folder is built when it comes.
      const names = [...changed].sort();
      const wasReplaced = replaced;
      changed.clear();
      replaced = false;
      saved(names, wasReplaced);
    }, settleMs);
  };

  let watched: { watcher: FSWatcher; id: string } | undefined;
  let missing = false;
  let started = false;
  const follow = (parentSaw = false) => {
    const id = identity(data);
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
        if (!name || !/\.(csv|json|txt)$/i.test(name) || /(^|\/)\./.test(name)) return;
        changed.add(String(name));
        settle();
      });
      watcher.on("error", () => setImmediate(follow));
      watched = { watcher, id };
      missing = false;
      if (started) {
        console.log(`${data}/ was replaced; watching the new folder.`);
        replaced = true;
        settle();
      }
    } catch {
      setTimeout(follow, 100); // Being copied in: try again in a moment.
    }
  };
  follow();
  started = true;

  // The parent folder tells at once when the story folder is replaced; the interval is the safety
  // net (and keeps the process watching while the folder is gone).
  let parentTimer: NodeJS.Timeout | undefined;
  let parent: FSWatcher | undefined;
  try {
    parent = watch(dirname(resolve(data)), (_event, name) => {
      if (name !== basename(resolve(data))) return;
      clearTimeout(parentTimer);
      parentTimer = setTimeout(() => follow(true), 50);
    });
  } catch {
    // A parent that cannot be watched: the interval still notices.
  }
  const interval = setInterval(() => follow(), 1000);
  return {
    close() {
      clearTimeout(timer);
      clearTimeout(parentTimer);
      clearInterval(interval);
      parent?.close();
      watched?.watcher.close();
    },
  };
}

/** The folder's identity: a replaced folder is a new one, though the system may give it the old inode number. */
function identity(data: string): string | undefined {
  try {
    const stat = statSync(data);
    return stat.isDirectory() ? `${stat.ino}:${stat.birthtimeMs}` : undefined;
  } catch {
    return undefined;
  }
}
