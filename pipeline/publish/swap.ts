import {
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import { sha256 } from "./fingerprint.ts";
import { alive, LockBusy, sibling } from "./lock.ts";
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
    return readdirSync(out, { withFileTypes: true })
      .filter((e) => e.isFile() && !e.name.startsWith("."))
      .map((e) => e.name)
      .sort();
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

/** The build refuses to write: the folder is not an output folder. */
export class OutputRefused extends LockBusy {}

/**
 * A build replaces the whole output folder, so it only replaces one it made: absent, empty, or
 * holding its manifest and no subfolder. `--out data` or `--out .` is refused, not wiped.
 */
export function assertOutputFolder(out: string): void {
  let entries;
  try {
    if (!statSync(out).isDirectory())
      throw new OutputRefused(`${out} is a file, not a folder; choose a new or empty folder for --out`);
    entries = readdirSync(out, { withFileTypes: true });
  } catch (error) {
    if (error instanceof OutputRefused) throw error;
    return; // Does not exist yet.
  }
  const folders = entries.filter((e) => e.isDirectory()).map((e) => `${e.name}/`);
  const files = entries.filter((e) => !e.isDirectory() && !e.name.startsWith("."));
  if (files.length > 0 && !files.some((e) => e.name === MANIFEST)) {
    throw new OutputRefused(
      `${out} is not an output folder (it holds ${files.length} file${files.length > 1 ? "s" : ""} but no ${MANIFEST}, ${folders.length ? `and ${folders.slice(0, 3).join(", ")}` : "which a build would delete"}); a build replaces the whole folder, so choose a new or empty folder for --out`,
    );
  }
  if (folders.length > 0) {
    throw new OutputRefused(
      `${out} holds ${folders.length > 1 ? "the folders" : "the folder"} ${folders.slice(0, 3).join(", ")}, which a build would delete: it replaces the whole folder; move ${folders.length > 1 ? "them" : "it"} elsewhere, or choose a new or empty folder for --out`,
    );
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
    if (!OUTPUT_NAME.test(name))
      throw new Error(
        `refusing to write ${JSON.stringify(name)}: output files are plain names inside the output folder`,
      );
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
  for (const entry of leftovers.filter((n) => /\.staging-\d+$/.test(n)))
    rmSync(join(parent, entry), { recursive: true, force: true });
  // Scraps of a lock that a killed build was taking or clearing.
  const scraps = new RegExp(`^${name}\\.lock\\.(?:stale-)?(\\d+)$`);
  for (const entry of readdirSync(parent)) {
    const pid = scraps.exec(entry)?.[1];
    if (pid && !alive(Number(pid))) rmSync(join(parent, entry), { force: true });
  }
}
