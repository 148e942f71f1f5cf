import * as fs from "node:fs";

/**
 * Every file system call the output stage makes (lock, staging, swap, recovery), behind one
 * interface: a test hands the build a disk that fails as a full disk, a read-only file system or a
 * mount point does, without needing one.
 */
export interface Disk {
  readFile(path: string): Buffer;
  writeFile(path: string, data: string | Uint8Array): void;
  link(existing: string, path: string): void;
  rename(from: string, to: string): void;
  copyFile(from: string, to: string): void;
  unlink(path: string): void;
  /** Removes a file or a folder and everything in it; nothing if it does not exist. */
  remove(path: string): void;
  mkdir(path: string): void;
  /** Creates a file that must not exist yet (EEXIST otherwise) holding `text`. */
  createExclusive(path: string, text: string): void;
  list(path: string): fs.Dirent[];
  /** Stat with nanosecond times; undefined if nothing is there. Links are followed. */
  stat(path: string): fs.BigIntStats | undefined;
  /** Sets a file's change time (ctime) to now, and nothing else: its bytes, mode and mtime stay. */
  markChanged(path: string): void;
}

export const realDisk: Disk = {
  readFile: (path) => fs.readFileSync(path),
  writeFile: (path, data) => fs.writeFileSync(path, data),
  link: (existing, path) => fs.linkSync(existing, path),
  rename: (from, to) => fs.renameSync(from, to),
  copyFile: (from, to) => fs.copyFileSync(from, to),
  unlink: (path) => fs.unlinkSync(path),
  remove: (path) => fs.rmSync(path, { recursive: true, force: true }),
  mkdir: (path) => void fs.mkdirSync(path, { recursive: true }),
  createExclusive(path, text) {
    const fd = fs.openSync(path, "wx");
    try {
      fs.writeSync(fd, text);
    } finally {
      fs.closeSync(fd);
    }
  },
  list: (path) => fs.readdirSync(path, { withFileTypes: true }),
  stat: (path) => fs.statSync(path, { bigint: true, throwIfNoEntry: false }),
  // chmod to the mode it has: the system stamps the change time with its own clock.
  markChanged: (path) => fs.chmodSync(path, fs.statSync(path).mode & 0o7777),
};

/** The error code of a failed system call (ENOSPC, EROFS…), if it is one. */
export const errorCode = (error: unknown): string | undefined =>
  error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;

/** What the system's error codes mean to someone building charts, and what to do about it. */
const CAUSES: Record<string, string> = {
  ENOSPC: "the disk is full; free some space and build again",
  EDQUOT: "the disk quota is used up; free some space and build again",
  EROFS: "the file system is read-only; choose an --out on a writable disk",
  EACCES: "permission denied; check who owns the folder, or choose another --out",
  EPERM: "the system does not allow it; check who owns the folder, or choose another --out",
  EBUSY: "the folder is in use (a mount point, or open in another program)",
  EMFILE: "too many files are open; close some programs and build again",
  ENFILE: "too many files are open on this system; build again in a moment",
  EIO: "the disk reported an input/output error; check the disk",
  ENAMETOOLONG: "the path is too long for this file system; choose a shorter --out",
  ENOTDIR: "a part of the path is a file, not a folder; choose another --out",
  ELOOP: "the path loops through symbolic links; choose another --out",
  EXDEV: "the folder is on another file system than the files moved into it",
};

/**
 * A fault of the machine, not of the data or the tool (a full disk, a read-only file system): the
 * command prints its message and exits 1; the output is left as it was.
 */
export class EnvironmentError extends Error {
  constructor(
    message: string,
    readonly code: string,
    /** False only when the output was partly replaced (a folder replaced file by file): the next build finishes it. */
    readonly outputIntact = true,
  ) {
    super(message);
    this.name = "EnvironmentError";
  }
}

/** An environment fault in plain words (`doing` says what the build was doing), or the error itself if it is a bug. */
export function asEnvironmentError(error: unknown, doing: string, outputIntact = true): unknown {
  const code = errorCode(error);
  if (error instanceof EnvironmentError || !code || !(code in CAUSES)) return error;
  return new EnvironmentError(`${doing}: ${CAUSES[code]} (${code})`, code, outputIntact);
}
