import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { EnvironmentError, errorCode } from "./publish/disk.ts";
import { withOutputLock } from "./publish/lock.ts";

/**
 * Writes a file into the story folder as a build writes output/: the text goes to a new dot file
 * beside it (created exclusively, so never through a link someone placed there), then is renamed
 * over the name. A rename replaces a link itself, never the file it points to: a `figures.draft.csv`
 * linked to a file outside the story folder, or a dangling `corrections.csv` link, becomes a file of
 * its own, and nothing outside the folder is written. A reader sees the old file or the new one,
 * never half of one. A failure of the system is an EnvironmentError saying which file, in words.
 */
export function writeStoryFile(dir: string, name: string, text: string | Uint8Array): void {
  const path = join(dir, name);
  const temporary = join(dir, `.${name}.${process.pid}.tmp`);
  try {
    rmSync(temporary, { force: true }); // one a crashed run of this very process id left
    const fd = openSync(temporary, "wx");
    try {
      writeFileSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw storyFault(error, path);
  }
}

/** The lock that keeps two commands writing the same story file apart (a dot file: no build reads it). */
export const storyLock = (dir: string) => join(dir, ".correct-lock");

/**
 * Runs `work` while no other command writes the story's files: a second one waits its turn (up to
 * `waitMs`), so each reads the files as the one before it left them.
 */
export async function withStoryLock<T>(dir: string, work: () => Promise<T>, waitMs = 30_000): Promise<T> {
  try {
    return await withOutputLock({ out: dir, lock: storyLock(dir) }, { waitMs, what: "correction" }, work);
  } catch (error) {
    // The lock's own messages speak of a build's --out; here it is the story folder.
    throw error instanceof EnvironmentError ? storyFault(error, storyLock(dir)) : error;
  }
}

function storyFault(error: unknown, path: string): unknown {
  const code = error instanceof EnvironmentError ? error.code : errorCode(error);
  if (!code) return error;
  const what =
    code === "EISDIR"
      ? `${path} is a folder; move it aside`
      : code === "ENOSPC" || code === "EDQUOT"
        ? `the disk is full; free some space`
        : code === "EROFS"
          ? `the story folder is on a read-only file system`
          : code === "EACCES" || code === "EPERM"
            ? `permission denied; check who owns the story folder`
            : `the system refused (${code})`;
  return new EnvironmentError(`cannot write ${path}: ${what}`, code);
}
