import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { CACHE_FILE, STATE_FILE } from "../../pipeline/publish/build-cache.ts";

/** The build's own cache files in an output folder (never output: see build-cache.ts). */
export const CACHE_FILES = [CACHE_FILE, STATE_FILE];
const listed = (dir: string) =>
  readdirSync(dir)
    .filter((name) => !CACHE_FILES.includes(name))
    .sort();

/** Every file of a folder with its bytes (the build's cache aside): compare two of these to prove nothing changed. */
export function snapshot(dir: string): Map<string, Buffer> {
  return new Map(listed(dir).map((name) => [name, readFileSync(join(dir, name))]));
}

/** Modification time and inode of every file: a rebuild that writes nothing leaves both alone. */
export function stamps(dir: string): Map<string, string> {
  return new Map(
    listed(dir).map((name) => {
      const s = statSync(join(dir, name));
      return [name, `${s.mtimeMs}:${s.ino}`];
    }),
  );
}

/** Names of files whose bytes differ between two snapshots, plus files only in one. */
export function differences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].filter((n) => !a.get(n) || !b.get(n) || !a.get(n)!.equals(b.get(n)!)).sort();
}
