import { realpathSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { asEnvironmentError, type Disk } from "./disk.ts";
import { LockBusy } from "./lock.ts";
import { type Manifest, MANIFEST, manifestProblem } from "./manifest.ts";

/** The build refuses to write: the folder is not an output folder (a refusal, like a busy lock: exit 1). */
export class OutputRefused extends LockBusy {}

/**
 * Where a build keeps its lock and its work for an output folder. Normally beside it: the new
 * output is staged in a sibling folder and swapped in whole. A mount point (a Docker volume)
 * cannot be renamed and its parent may be another, even read-only, file system, so there
 * everything stays inside the folder (dot-named) and files are replaced one by one.
 */
export interface Layout {
  out: string;
  /** The folder is a mount point: files are replaced one by one inside it. */
  inPlace: boolean;
  lock: string;
  /** Where changed files are written before they are moved into place. */
  staging: string;
  /** Where the old output waits during a swap (swap only). */
  old: string;
}

/** A path beside the output folder: its lock, its staging and old copies. */
export const sibling = (out: string, tag: string) => join(dirname(out), `${basename(out)}.${tag}`);

/** Names a build uses inside a mounted output folder: dot files, so never taken for output. */
export const INNER_LOCK = ".charts-lock";
export const INNER_STAGING = ".charts-staging-";

export function layoutOf(out: string, disk: Disk, pid = process.pid): Layout {
  if (isMountPoint(out, disk))
    return {
      out,
      inPlace: true,
      lock: join(out, INNER_LOCK),
      staging: join(out, `${INNER_STAGING}${pid}`),
      old: "",
    };
  return {
    out,
    inPlace: false,
    lock: sibling(out, "lock"),
    staging: sibling(out, `staging-${pid}`),
    old: sibling(out, `old-${pid}`),
  };
}

/**
 * Whether the folder is a mount point: on another device than its parent, or (a bind mount, as
 * Docker mounts a host folder) listed as one in /proc/self/mountinfo on Linux.
 */
export function isMountPoint(out: string, disk: Disk): boolean {
  const here = disk.stat(out);
  if (!here?.isDirectory()) return false;
  const parent = disk.stat(dirname(out));
  if (parent && parent.dev !== here.dev) return true;
  let table: string;
  try {
    table = disk.readFile("/proc/self/mountinfo").toString("utf8");
  } catch {
    return false; // Not Linux: a mount on the same device is not seen; the swap falls back if the rename fails.
  }
  // Field 5 is the mount point, with space, tab, newline and backslash written as octal escapes.
  const unescape = (field: string) =>
    field.replace(/\\([0-7]{3})/g, (_, octal) => String.fromCharCode(parseInt(octal, 8)));
  return table.split("\n").some((line) => unescape(line.split(" ")[4] ?? "") === out);
}

/** The build's files in the folder: plain files, not dot files (.gitkeep, .DS_Store are never the build's). */
export function listFiles(out: string, disk: Disk): string[] {
  try {
    return disk
      .list(out)
      .filter((e) => e.isFile() && !e.name.startsWith("."))
      .map((e) => e.name)
      .sort();
  } catch {
    return []; // No folder (or not a folder): nothing to compare with; a build refuses the latter.
  }
}

/**
 * A build replaces the whole output folder, so it only replaces one it made: absent, empty, or
 * holding its manifest and no subfolder. `--out data` or `--out .` is refused, not wiped.
 */
export function assertOutputFolder(out: string, disk: Disk): void {
  const stat = disk.stat(out);
  if (!stat) return; // Does not exist yet.
  if (!stat.isDirectory())
    throw new OutputRefused(`${out} is a file, not a folder; choose a new or empty folder for --out`);
  let entries;
  try {
    entries = disk.list(out);
  } catch (error) {
    throw asEnvironmentError(error, `cannot read the output folder ${out}`);
  }
  // A build's own staging inside a mounted output is not the reporter's folder.
  const folders = entries.filter((e) => e.isDirectory() && !e.name.startsWith(INNER_STAGING)).map((e) => `${e.name}/`);
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
 * The previous build's manifest, if the folder has one. A manifest.json that is not one this tool
 * wrote (another tool's `{}`, or edited out of shape) means the folder is not the build's to
 * replace: refused, with the reason.
 */
export function readManifest(out: string, disk: Disk): Manifest | undefined {
  const path = join(out, MANIFEST);
  let text: string;
  try {
    text = disk.readFile(path).toString("utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw asEnvironmentError(error, `cannot read ${path}`);
  }
  let value: unknown;
  let problem: string | undefined;
  try {
    value = JSON.parse(text);
    problem = manifestProblem(value);
  } catch {
    problem = "it is not valid JSON";
  }
  if (problem)
    throw new OutputRefused(
      `${path} is not a manifest this tool wrote (${problem}), so ${out} is not an output folder a build made; a build replaces the whole folder, so delete that folder or choose a new or empty one for --out`,
    );
  return value as Manifest;
}

/**
 * The files of the previous output a build may take to be what the manifest records without
 * reading them: the size the manifest gives, and neither written (mtime) nor changed in any way
 * (ctime, which no tool can set back) after the manifest. A build writes the manifest last, so
 * every file it wrote passes; a file edited since does not, and is read and compared. `--check`
 * trusts nothing.
 */
export function trustedFiles(out: string, manifest: Manifest | undefined, disk: Disk): Set<string> {
  const trusted = new Set<string>();
  if (!manifest) return trusted;
  const own = disk.stat(join(out, MANIFEST));
  if (!own) return trusted;
  for (const [name, record] of Object.entries(manifest.files)) {
    const stat = disk.stat(join(out, name));
    if (
      stat?.isFile() &&
      stat.size === BigInt(record.bytes) &&
      stat.mtimeNs <= own.mtimeNs &&
      stat.ctimeNs <= own.ctimeNs
    )
      trusted.add(name);
  }
  return trusted;
}

/**
 * The story folder as seen from the output folder ("../data"), as the manifest records it: the same
 * folder however it is named on the command line (a link is followed), and the same on every clone.
 */
export function storyFolderOf(data: string, out: string): string {
  let real: string;
  try {
    real = realpathSync(data);
  } catch {
    real = resolve(data);
  }
  return relative(out, real).split(sep).join("/") || ".";
}

/**
 * A build replaces the whole output folder: one that holds another story's charts (its manifest
 * names another story folder) is refused, never silently replaced by this story's.
 */
export function assertSameStory(out: string, previous: Manifest | undefined, data: string, storyFolder: string): void {
  if (previous?.storyFolder === undefined || previous.storyFolder === storyFolder) return;
  const own = `${basename(out)}-${basename(resolve(data))}`;
  throw new OutputRefused(
    `${out} holds the charts of another story (built from ${previous.storyFolder}, as seen from it), not of ${data}; a build replaces the whole folder, so build this story into a folder of its own, e.g. --out ${join(dirname(out), own)} (or delete ${out} if that story's charts are no longer wanted)`,
  );
}
