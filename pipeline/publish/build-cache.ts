import type { BigIntStats } from "node:fs";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import type { Problem } from "../facts/problem.ts";
import type { Disk } from "./disk.ts";
import { sha256 } from "./fingerprint.ts";
import { MANIFEST } from "./manifest.ts";

/**
 * What a build keeps for the next one, in dot files of the output folder (never output: listFiles,
 * the swap and the manifest leave dot files alone, and nothing outside the story and output
 * folders is written): what the last good build was built from, so a build that would change
 * nothing can say so without reading a sentence or loading the drawing code; and what it read and
 * drew, so a correction reads and redraws only what changed. A cache never decides a byte of the
 * output: lost, stale or garbled, it is ignored and the build does the work.
 */
export const STATE_FILE = ".charts-build.json";
export const CACHE_FILE = ".charts-cache";

/** Bumped when what the cache files hold changes shape. */
const VERSION = 2;

/** What the output folder holds after a good build, as make and ninja know their outputs: by size and times. */
export interface BuildState {
  version: number;
  /** The story's files, the code, and the options that shape the output, hashed together. */
  inputs: string;
  /** The date the build ran: corrections dated after a later day are still in the past. */
  today: string;
  /**
   * Every file of the output, the manifest included, as the build left it or found it right: its
   * size, modification and change times and inode. Any write, touch or replacement changes one.
   */
  files: Record<string, string>;
  /** What the build reported, for a build that finds nothing to do to report again. */
  report: {
    charts: number;
    figures: number;
    corrections: number;
    unrecorded: number;
    /** The figures whose dates the build filled from the words: every build names them. */
    filled: string[];
    warnings: Problem[];
  };
}

const stamp = (stat: BigIntStats) => `${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}:${stat.ino}`;

/** The inputs of a build, hashed: every story file by name, the code, and the options that shape the output. */
export function inputsHash(files: Map<string, string>, code: string, options: Record<string, string>): string {
  const names = [...files.keys()].sort();
  return sha256(
    JSON.stringify({
      version: VERSION,
      node: process.version,
      code,
      options,
      files: names.map((n) => [n, files.get(n)]),
    }),
  );
}

/** The state the last good build left, if it is one this code wrote. */
export function readState(out: string, disk: Disk): BuildState | undefined {
  try {
    const state = JSON.parse(disk.readFile(join(out, STATE_FILE)).toString("utf8")) as BuildState;
    return state.version === VERSION ? state : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether the output folder is exactly what `state` records: every file it lists there, each with
 * the size, times and inode it had, and no other file. What `--check` compares byte by byte, a
 * build with nothing to do takes from the file system's own records.
 */
export function outputAsRecorded(out: string, state: BuildState, disk: Disk): boolean {
  let names: string[];
  try {
    names = disk
      .list(out)
      .filter((e) => !e.name.startsWith("."))
      .map((e) => e.name);
  } catch {
    return false;
  }
  if (names.length !== Object.keys(state.files).length || !names.includes(MANIFEST)) return false;
  for (const name of names) {
    const stat = disk.stat(join(out, name));
    if (!stat?.isFile() || state.files[name] !== stamp(stat)) return false;
  }
  return true;
}

/** The state of the output folder as a build just left it (every file it lists), or undefined if one is missing. */
export function stateOf(
  out: string,
  disk: Disk,
  names: string[],
  fields: Pick<BuildState, "inputs" | "today" | "report">,
): BuildState | undefined {
  const files: Record<string, string> = {};
  for (const name of [...names, MANIFEST]) {
    const stat = disk.stat(join(out, name));
    if (!stat?.isFile()) return undefined;
    files[name] = stamp(stat);
  }
  return { version: VERSION, ...fields, files };
}

/** Writes the state, unless it is already what the folder holds (a build that changes nothing touches nothing). */
export function writeState(out: string, state: BuildState, disk: Disk): void {
  writeIfChanged(out, STATE_FILE, Buffer.from(`${JSON.stringify(state)}\n`, "utf8"), disk);
}

/** What a build read and made that a later build may reuse, by name; only for the same code. */
export type CacheParts = Record<string, unknown>;

export function readCache(out: string, code: string, disk: Disk): CacheParts {
  try {
    const saved = deserialize(disk.readFile(join(out, CACHE_FILE))) as {
      version: number;
      code: string;
      parts: CacheParts;
    };
    return saved.version === VERSION && saved.code === code ? saved.parts : {};
  } catch {
    return {};
  }
}

export function writeCache(out: string, code: string, parts: CacheParts, disk: Disk): void {
  writeIfChanged(out, CACHE_FILE, serialize({ version: VERSION, code, parts }), disk);
}

/** A cache file replaced in one step (written aside, then renamed), and only when its bytes differ. */
function writeIfChanged(out: string, name: string, bytes: Buffer, disk: Disk): void {
  const path = join(out, name);
  try {
    if (disk.stat(path)?.size === BigInt(bytes.length) && disk.readFile(path).equals(bytes)) return;
  } catch {
    // Unreadable: written anew below.
  }
  const aside = `${path}.${process.pid}`;
  try {
    disk.writeFile(aside, bytes);
    disk.rename(aside, path);
  } catch {
    // A cache that cannot be written (a full or read-only disk) costs the next build time, nothing else.
    try {
      disk.unlink(aside);
    } catch {
      // Nothing was written.
    }
  }
}
