import {
  closeSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";

/** The build refuses to write: another build holds the output (or, as OutputRefused, the folder is not ours). */
export class LockBusy extends Error {}

/** A path beside the output folder: its lock, its staging and old copies. */
export const sibling = (out: string, tag: string) => join(dirname(out), `${basename(out)}.${tag}`);

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

const STALE_LOCK_MS = 10 * 60_000;

/**
 * One build at a time per output folder. A second build waits for the first (up to `waitMs`), then
 * refuses with a message naming the other build. A lock left by a killed build is taken over.
 */
export async function withOutputLock<T>(out: string, waitMs: number, work: () => Promise<T>): Promise<T> {
  const lock = sibling(out, "lock");
  mkdirSync(dirname(lock), { recursive: true });
  const deadline = Date.now() + waitMs;
  for (;;) {
    if (tryLock(lock)) break;
    const holder = Number(safeRead(lock));
    if (!holder && Date.now() - safeMtime(lock) < 2000) {
      await sleep(50); // Being written (only where hard links are missing and the lock is made in two steps).
      continue;
    }
    // A build takes about a second; a lock far older than any build belongs to a killed one whose
    // process id the system has since given to something else (common in containers).
    if (!holder || !alive(holder) || Date.now() - safeMtime(lock) > STALE_LOCK_MS) {
      takeOverStale(lock, holder);
      continue;
    }
    if (Date.now() > deadline) {
      throw new LockBusy(
        `another build (process ${holder}) is writing ${out}; wait for it to finish, then build again`,
      );
    }
    await sleep(100);
  }
  const release = () => {
    if (safeRead(lock) === String(process.pid)) rmSync(lock, { force: true });
  };
  process.once("exit", release);
  try {
    return await work();
  } finally {
    release();
    process.removeListener("exit", release);
  }
}

/**
 * Creates the lock with this process's id already in it: written aside, then hard-linked into
 * place, which fails if the lock exists. No other build ever sees an empty or half-written lock.
 */
function tryLock(lock: string): boolean {
  const mine = `${lock}.${process.pid}`;
  writeFileSync(mine, String(process.pid));
  try {
    linkSync(mine, lock);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    // A file system without hard links: exclusive create, then write (a reader may see it empty).
    try {
      const fd = openSync(lock, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return true;
    } catch (inner) {
      if ((inner as NodeJS.ErrnoException).code === "EEXIST") return false;
      throw inner;
    }
  } finally {
    rmSync(mine, { force: true });
  }
}

/**
 * Removes a lock left by a build that was killed. Two builds may find the same stale lock: each
 * renames it aside first and checks it moved the dead build's lock, not one the other has just
 * taken (which it puts back).
 */
function takeOverStale(lock: string, holder: number): void {
  const aside = `${lock}.stale-${process.pid}`;
  try {
    renameSync(lock, aside);
  } catch {
    return; // Gone already: another build took it over.
  }
  const moved = Number(safeRead(aside));
  if (moved && moved !== holder && alive(moved)) {
    try {
      linkSync(aside, lock);
    } catch {
      // A third build locked in between; the one we moved will find its lock gone and refuse to release ours.
    }
  }
  rmSync(aside, { force: true });
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, "utf8").trim();
  } catch {
    return "";
  }
}

function safeMtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
