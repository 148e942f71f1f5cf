import { dirname } from "node:path";
import { asEnvironmentError, type Disk, errorCode, realDisk } from "./disk.ts";
import type { Layout } from "./output-folder.ts";

/** The build refuses to write: another build holds the output (or, as OutputRefused, the folder is not ours). */
export class LockBusy extends Error {}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

const STALE_LOCK_MS = 10 * 60_000;

/** Codes that say no lock can be written here at all: a read-only file system, a folder not ours. */
const UNWRITABLE = new Set(["EROFS", "EACCES", "EPERM"]);

export interface LockOptions {
  /** How long to wait for another build before refusing. */
  waitMs: number;
  disk?: Disk;
  /**
   * A reader (`--check`): where no lock can be written (a read-only file system), it reads without
   * one. Nothing can write there either, so there is no half-done swap to see.
   */
  readOnly?: boolean;
  /** What holds the lock, in the message to the one waiting: "build" unless said. */
  what?: string;
}

/**
 * One build at a time per output folder. A second build waits for the first (up to `waitMs`), then
 * refuses with a message naming the other build. A lock left by a killed build is taken over.
 * The lock file is beside the output folder, or inside a mounted one (see Layout).
 */
export async function withOutputLock<T>(
  { out, lock }: Pick<Layout, "out" | "lock">,
  { waitMs, disk = realDisk, readOnly = false, what = "build" }: LockOptions,
  work: () => Promise<T>,
): Promise<T> {
  const deadline = Date.now() + waitMs;
  try {
    disk.mkdir(dirname(lock));
    for (;;) {
      if (tryLock(lock, disk)) break;
      const holder = Number(safeRead(lock, disk));
      if (!holder && Date.now() - safeMtime(lock, disk) < 2000) {
        await sleep(50); // Being written (only where hard links are missing and the lock is made in two steps).
        continue;
      }
      // A build takes about a second; a lock far older than any build belongs to a killed one whose
      // process id the system has since given to something else (common in containers).
      if (!holder || !alive(holder) || Date.now() - safeMtime(lock, disk) > STALE_LOCK_MS) {
        takeOverStale(lock, holder, disk);
        continue;
      }
      if (Date.now() > deadline) {
        throw new LockBusy(
          `another ${what} (process ${holder}) is writing ${out}; wait for it to finish, then ${what === "build" ? "build" : "run this"} again`,
        );
      }
      await sleep(100);
    }
  } catch (error) {
    if (readOnly && UNWRITABLE.has(errorCode(error) ?? "")) return work();
    throw asEnvironmentError(error, `cannot take the lock ${lock} that keeps two builds of ${out} apart`);
  }
  const release = () => {
    try {
      if (safeRead(lock, disk) === String(process.pid)) disk.unlink(lock);
    } catch {
      // Gone already, or the disk failed: a lock left behind is taken over as stale.
    }
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
function tryLock(lock: string, disk: Disk): boolean {
  const mine = `${lock}.${process.pid}`;
  // Created afresh, never written through whatever is at that name (a link placed there).
  disk.remove(mine);
  disk.createExclusive(mine, String(process.pid));
  try {
    disk.link(mine, lock);
    return true;
  } catch (error) {
    if (errorCode(error) === "EEXIST") return false;
    // A file system without hard links: exclusive create, then write (a reader may see it empty).
    try {
      disk.createExclusive(lock, String(process.pid));
      return true;
    } catch (inner) {
      if (errorCode(inner) === "EEXIST") return false;
      throw inner;
    }
  } finally {
    disk.remove(mine);
  }
}

/**
 * Removes a lock left by a build that was killed. Two builds may find the same stale lock: each
 * renames it aside first and checks it moved the dead build's lock, not one the other has just
 * taken (which it puts back).
 */
function takeOverStale(lock: string, holder: number, disk: Disk): void {
  const aside = `${lock}.stale-${process.pid}`;
  try {
    disk.rename(lock, aside);
  } catch {
    return; // Gone already: another build took it over.
  }
  const moved = Number(safeRead(aside, disk));
  if (moved && moved !== holder && alive(moved)) {
    try {
      disk.link(aside, lock);
    } catch {
      // A third build locked in between; the one we moved will find its lock gone and refuse to release ours.
    }
  }
  disk.remove(aside);
}

function safeRead(path: string, disk: Disk): string {
  try {
    return disk.readFile(path).toString("utf8").trim();
  } catch {
    return "";
  }
}

function safeMtime(path: string, disk: Disk): number {
  const stat = disk.stat(path);
  return stat ? Number(stat.mtimeMs) : 0;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
