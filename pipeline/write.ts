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
  if (!existsSync(out)) return [];
  return readdirSync(out, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name).sort();
}

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

/**
 * Replaces the output folder in one step: the new output is written aside (unchanged files
 * hard-linked, so their bytes and times stay), then swapped in by two renames. Synchronous on
 * purpose: a Ctrl-C is handled between event-loop turns, so it cannot land mid-swap.
 */
export function commitOutputs(out: string, files: Map<string, Buffer>, changes: Changes): void {
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
  const parent = dirname(out);
  if (!existsSync(parent)) return;
  const prefix = `${basename(out)}.`;
  const leftovers = readdirSync(parent).filter((n) => n.startsWith(prefix) && /\.(staging|old)-\d+$/.test(n));
  for (const name of leftovers.filter((n) => /\.old-\d+$/.test(n))) {
    if (!existsSync(out)) renameSync(join(parent, name), out);
    else rmSync(join(parent, name), { recursive: true, force: true });
  }
  for (const name of leftovers.filter((n) => /\.staging-\d+$/.test(n))) rmSync(join(parent, name), { recursive: true, force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export class LockBusy extends Error {}

/**
 * One build at a time per output folder. A second build waits for the first (up to `waitMs`), then
 * refuses with a message naming the other build. A lock left by a killed build is taken over.
 */
export async function withOutputLock<T>(out: string, waitMs: number, work: () => Promise<T>): Promise<T> {
  const lock = sibling(out, "lock");
  mkdirSync(dirname(lock), { recursive: true });
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const fd = openSync(lock, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(safeRead(lock));
      if (!holder || !alive(holder)) {
        if (!holder && Date.now() - safeMtime(lock) < 2000) {
          await sleep(50); // Being written by a build that has just taken it.
          continue;
        }
        rmSync(lock, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new LockBusy(`another build (process ${holder}) is writing ${out}; wait for it to finish, then build again`);
      }
      await sleep(100);
    }
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
