import { closeSync, existsSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { sha256 } from "./fingerprint.ts";
import { MANIFEST, type Manifest } from "./manifest.ts";

export interface Changes {
  added: string[];
  changed: string[];
  removed: string[];
}

/** The previous build's manifest, if the output folder has a readable one. */
export function readManifest(out: string): Manifest | undefined {
  try {
    return JSON.parse(readFileSync(join(out, MANIFEST), "utf8")) as Manifest;
  } catch {
    return undefined;
  }
}

/** A previous output file, only while it is byte for byte what the manifest says it is. */
export function previousFileReader(out: string, manifest: Manifest | undefined) {
  return (name: string): Buffer | undefined => {
    const record = manifest?.files[name];
    if (!record) return undefined;
    try {
      const bytes = readFileSync(join(out, name));
      return sha256(bytes) === record.sha256 ? bytes : undefined;
    } catch {
      return undefined;
    }
  };
}

function listFiles(out: string): string[] {
  try {
    // Dot files (.gitkeep, .DS_Store) are not the build's: never compared, carried over as they are.
    return readdirSync(out, { withFileTypes: true }).filter((e) => e.isFile() && !e.name.startsWith(".")).map((e) => e.name).sort();
  } catch {
    return []; // No folder (or not a folder): nothing to compare with; a build refuses the latter.
  }
}

/** A file name the build may write: one plain name inside the output folder, nothing a path could abuse. */
const OUTPUT_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/** What a build would add, change and remove in the output folder, compared byte for byte. */
export function compareOutputs(out: string, files: Map<string, Buffer>): Changes {
  const present = new Set(listFiles(out));
  const changes: Changes = { added: [], changed: [], removed: [] };
  for (const [name, bytes] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!present.has(name)) changes.added.push(name);
    else if (!readFileSync(join(out, name)).equals(bytes)) changes.changed.push(name);
  }
  changes.removed = [...present].filter((name) => !files.has(name));
  return changes;
}

export const hasChanges = (c: Changes) => c.added.length + c.changed.length + c.removed.length > 0;

const sibling = (out: string, tag: string) => join(dirname(out), `${basename(out)}.${tag}`);

/** The build refuses to write: another build holds the output, or the folder is not an output folder. */
export class LockBusy extends Error {}
export class OutputRefused extends LockBusy {}

/**
 * A build replaces the whole output folder, so it only replaces one it made: absent, empty, or
 * holding its manifest and no subfolder. `--out data` or `--out .` is refused, not wiped.
 */
export function assertOutputFolder(out: string): void {
  let entries;
  try {
    if (!statSync(out).isDirectory()) throw new OutputRefused(`${out} is a file, not a folder; choose a new or empty folder for --out`);
    entries = readdirSync(out, { withFileTypes: true });
  } catch (error) {
    if (error instanceof OutputRefused) throw error;
    return; // Does not exist yet.
  }
  const folders = entries.filter((e) => e.isDirectory()).map((e) => `${e.name}/`);
  const files = entries.filter((e) => !e.isDirectory() && !e.name.startsWith("."));
  if (files.length > 0 && !files.some((e) => e.name === MANIFEST)) {
    throw new OutputRefused(`${out} is not an output folder (it holds ${files.length} file${files.length > 1 ? "s" : ""} but no ${MANIFEST}, ${folders.length ? `and ${folders.slice(0, 3).join(", ")}` : "which a build would delete"}); a build replaces the whole folder, so choose a new or empty folder for --out`);
  }
  if (folders.length > 0) {
    throw new OutputRefused(`${out} holds ${folders.length > 1 ? "the folders" : "the folder"} ${folders.slice(0, 3).join(", ")}, which a build would delete: it replaces the whole folder; move ${folders.length > 1 ? "them" : "it"} elsewhere, or choose a new or empty folder for --out`);
  }
}

/**
 * Replaces the output folder in one step: the new output is written aside (unchanged files
 * hard-linked, so their bytes and times stay), then swapped in by two renames. Synchronous on
 * purpose: a Ctrl-C is handled between event-loop turns, so it cannot land mid-swap.
 */
export function commitOutputs(out: string, files: Map<string, Buffer>, changes: Changes): void {
  assertOutputFolder(out);
  for (const name of files.keys()) {
    if (!OUTPUT_NAME.test(name)) throw new Error(`refusing to write ${JSON.stringify(name)}: output files are plain names inside the output folder`);
  }
  const staging = sibling(out, `staging-${process.pid}`);
  const old = sibling(out, `old-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const fresh = new Set([...changes.added, ...changes.changed]);
  try {
    for (const [name, bytes] of files) {
      const target = join(staging, name);
      if (!fresh.has(name)) {
        try {
          linkSync(join(out, name), target);
          continue;
        } catch {
          // A file system without hard links: fall through and write the bytes.
        }
      }
      writeFileSync(target, bytes);
    }
    if (existsSync(out)) {
      for (const entry of readdirSync(out, { withFileTypes: true })) {
        if (entry.isFile() && entry.name.startsWith(".")) linkSync(join(out, entry.name), join(staging, entry.name));
      }
    }
    mkdirSync(dirname(out), { recursive: true });
    if (existsSync(out)) renameSync(out, old);
    renameSync(staging, out);
  } catch (error) {
    if (!existsSync(out) && existsSync(old)) renameSync(old, out);
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  rmSync(old, { recursive: true, force: true });
}

/**
 * Puts the output folder back in order after a build that was killed: a swap cut between its two
 * renames leaves the old output aside, which is restored; abandoned staging folders are removed.
 */
export function recoverOutputs(out: string): void {
  assertOutputFolder(out);
  const parent = dirname(out);
  if (!existsSync(parent)) return;
  // Exactly this folder's leftovers: "output.v2.old-12" belongs to output.v2, not to output.
  const name = basename(out).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const own = new RegExp(`^${name}\\.(staging|old)-\\d+$`);
  const leftovers = readdirSync(parent).filter((n) => own.test(n));
  for (const entry of leftovers.filter((n) => /\.old-\d+$/.test(n))) {
    if (!existsSync(out)) renameSync(join(parent, entry), out);
    else rmSync(join(parent, entry), { recursive: true, force: true });
  }
  for (const entry of leftovers.filter((n) => /\.staging-\d+$/.test(n))) rmSync(join(parent, entry), { recursive: true, force: true });
  // Scraps of a lock that a killed build was taking or clearing.
  const scraps = new RegExp(`^${name}\\.lock\\.(?:stale-)?(\\d+)$`);
  for (const entry of readdirSync(parent)) {
    const pid = scraps.exec(entry)?.[1];
    if (pid && !alive(Number(pid))) rmSync(join(parent, entry), { force: true });
  }
}

function alive(pid: number): boolean {
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
      throw new LockBusy(`another build (process ${holder}) is writing ${out}; wait for it to finish, then build again`);
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
