import { dirname, join } from "node:path";
import { asEnvironmentError, type Disk, errorCode, EnvironmentError, realDisk } from "./disk.ts";
import { sha256 } from "./fingerprint.ts";
import { alive } from "./lock.ts";
import { MANIFEST, type Manifest } from "./manifest.ts";
import {
  assertOutputFolder,
  INNER_LOCK,
  INNER_STAGING,
  type Layout,
  listFiles,
  OutputRefused,
  sibling,
} from "./output-folder.ts";

export interface Changes {
  added: string[];
  changed: string[];
  removed: string[];
}

export const hasChanges = (c: Changes) => c.added.length + c.changed.length + c.removed.length > 0;

export interface FileRecord {
  sha256: string;
  bytes: number;
}

/** A file name the build may write: one plain name inside the output folder, nothing a path could abuse. */
const OUTPUT_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

function assertName(name: string): void {
  if (!OUTPUT_NAME.test(name))
    throw new Error(`refusing to write ${JSON.stringify(name)}: output files are plain names inside the output folder`);
}

/** What a build given the files a chart writes needs of the output: take a new file, or keep an old one. */
export interface OutputSink {
  /** A file of the new output: hashed, compared, written aside if it differs, and let go. */
  add(name: string, bytes: Buffer): FileRecord;
  /** A file of the previous output kept as it is (its manifest record), neither read nor written. */
  keep(name: string, record: FileRecord): void;
  /** Every file taken so far: what the manifest lists. */
  readonly records: ReadonlyMap<string, FileRecord>;
}

export interface WriterOptions {
  disk: Disk;
  /** The previous build's manifest. */
  previous?: Manifest;
  /** Files the previous manifest vouches for without reading them (see trustedFiles). */
  trusted?: Set<string>;
  /** Compare only (`--check`): every file is read and compared, nothing is written. */
  check?: boolean;
}

/**
 * The new output, taken file by file as it is made and compared with the folder as it goes: an
 * unchanged file costs a hash, a changed one is written into the staging folder at once. Nothing
 * is held but the manifest's records, so memory does not grow with the story. `commit` then puts
 * the staged files in place, in one step.
 */
export class OutputWriter implements OutputSink {
  readonly records = new Map<string, FileRecord>();
  /** Names written into staging (the manifest is kept back: it goes last). */
  private staged: string[] = [];
  private manifest?: Buffer;
  private readonly present: Set<string>;
  private readonly added: string[] = [];
  private readonly changed: string[] = [];
  private stagingMade = false;
  /** A file the manifest could not vouch for was read and found as it should be. */
  private readAndSame = false;

  constructor(
    private readonly layout: Layout,
    private readonly options: WriterOptions,
  ) {
    this.present = new Set(listFiles(layout.out, options.disk));
  }

  add(name: string, bytes: Buffer): FileRecord {
    assertName(name);
    if (this.records.has(name)) throw new Error(`${name} is written twice`);
    const record = { sha256: sha256(bytes), bytes: bytes.length };
    this.records.set(name, record);
    if (!this.present.has(name)) this.added.push(name);
    else if (!this.same(name, record, bytes)) this.changed.push(name);
    else return record;
    if (!this.options.check) this.stage(name, bytes);
    return record;
  }

  keep(name: string, record: FileRecord): void {
    assertName(name);
    this.records.set(name, record);
  }

  /** What the build adds, changes and removes, each sorted by name. */
  changes(): Changes {
    return {
      added: [...this.added].sort(),
      changed: [...this.changed].sort(),
      removed: [...this.present].filter((name) => !this.records.has(name)),
    };
  }

  private same(name: string, record: FileRecord, bytes: Buffer): boolean {
    const { previous, trusted, check, disk } = this.options;
    if (!check && trusted?.has(name)) {
      const old = previous!.files[name];
      return old.sha256 === record.sha256 && old.bytes === record.bytes;
    }
    let same: boolean;
    try {
      same = disk.readFile(join(this.layout.out, name)).equals(bytes);
    } catch (error) {
      throw asEnvironmentError(error, `cannot read ${join(this.layout.out, name)}`);
    }
    if (same && name !== MANIFEST) this.readAndSame = true;
    return same;
  }

  private stage(name: string, bytes: Buffer): void {
    if (name === MANIFEST) {
      this.manifest = bytes; // Written last, after every file it vouches for (see trustedFiles).
      return;
    }
    const { disk } = this.options;
    const { staging } = this.layout;
    try {
      if (!this.stagingMade) {
        disk.remove(staging);
        disk.mkdir(staging);
        this.stagingMade = true;
      }
      disk.writeFile(join(staging, name), bytes);
    } catch (error) {
      throw asEnvironmentError(error, `cannot write the new output into ${staging}`);
    }
    this.staged.push(name);
  }

  /**
   * After a build that changes nothing: if files had to be read because they looked newer than the
   * manifest (touched, copied, or a build killed just before stamping it) and all were as they
   * should be, the manifest's ctime is stamped, so the next build trusts them again. Nothing else
   * changes: no byte, no mtime, no inode.
   */
  vouch(): void {
    if (this.options.check || !this.readAndSame || hasChanges(this.changes())) return;
    try {
      this.options.disk.markChanged(join(this.layout.out, MANIFEST));
    } catch {
      // A disk that refuses even this: the next build reads those files again, nothing worse.
    }
  }

  /** Drops what was staged; the output folder is as it was. */
  discard(): void {
    if (this.stagingMade) this.options.disk.remove(this.layout.staging);
    this.stagingMade = false;
  }

  /**
   * Puts the new output in place. Synchronous on purpose: a Ctrl-C is handled between event-loop
   * turns, so it cannot land mid-swap.
   */
  commit(): void {
    const changes = this.changes();
    if (!hasChanges(changes) || this.options.check) return;
    const { disk } = this.options;
    const { out } = this.layout;
    assertOutputFolder(out, disk);
    let inPlace: Layout | undefined;
    try {
      if (!this.stagingMade) {
        disk.remove(this.layout.staging);
        disk.mkdir(this.layout.staging);
        this.stagingMade = true;
      }
      if (this.layout.inPlace) {
        if (this.manifest) disk.writeFile(join(this.layout.staging, MANIFEST), this.manifest);
        inPlace = this.layout;
      } else inPlace = this.swap();
      if (inPlace) writeJournal(inPlace, this.stagedNames(), changes.removed, disk);
    } catch (error) {
      this.discard();
      if (inPlace) disk.remove(inPlace.staging);
      if (error instanceof OutputRefused || error instanceof EnvironmentError) throw error;
      throw asEnvironmentError(error, `cannot put the new output in place in ${out} (left as it was)`);
    }
    this.stagingMade = false;
    if (!inPlace) return;
    try {
      finishInPlace(out, inPlace.staging, disk);
    } catch (error) {
      throw asEnvironmentError(
        error,
        `the output in ${out} was partly replaced when the disk failed; the next build finishes it`,
        false,
      );
    }
  }

  private stagedNames(): string[] {
    return this.manifest ? [...this.staged, MANIFEST] : this.staged;
  }

  /**
   * Replaces the output folder in one step: unchanged files are hard-linked into the staging
   * folder beside it (their bytes and times stay), the manifest is written last, then two renames
   * swap the folders. A folder that cannot be renamed (a mount point the layout did not spot) is
   * replaced file by file instead: its staged files are moved inside it, and that layout returned.
   */
  private swap(): Layout | undefined {
    const { disk } = this.options;
    const { out, staging, old } = this.layout;
    const fresh = new Set(this.staged);
    const carry = (name: string) => {
      try {
        disk.link(join(out, name), join(staging, name));
      } catch {
        disk.copyFile(join(out, name), join(staging, name)); // A file system without hard links.
      }
    };
    for (const name of this.records.keys()) if (!fresh.has(name) && name !== MANIFEST) carry(name);
    // Dot files (.gitkeep) are not the build's: carried over as they are.
    const existing = disk.stat(out);
    if (existing) for (const e of disk.list(out)) if (e.isFile() && e.name.startsWith(".")) carry(e.name);
    if (this.manifest) disk.writeFile(join(staging, MANIFEST), this.manifest);
    else carry(MANIFEST);
    disk.mkdir(dirname(out));
    if (existing) {
      try {
        disk.rename(out, old);
      } catch (error) {
        if (!CANNOT_RENAME_FOLDER.has(errorCode(error) ?? "")) throw error;
        return this.moveInside();
      }
    }
    try {
      disk.rename(staging, out);
    } catch (error) {
      if (existing && !disk.stat(out)) disk.rename(old, out);
      throw error;
    }
    disk.remove(old);
    // Removing the old folder's links stamped every kept file's ctime: the manifest is stamped after
    // them, so the next build trusts them (see trustedFiles). Should that fail, the next build
    // reads them instead, finds them right, and stamps it (vouch).
    try {
      disk.markChanged(join(out, MANIFEST));
    } catch {
      // The output is in place either way.
    }
    return undefined;
  }

  /** The staged files, moved from beside the output folder into it, for a replacement file by file. */
  private moveInside(): Layout {
    const { disk } = this.options;
    const { out, staging } = this.layout;
    const inside: Layout = { ...this.layout, inPlace: true, staging: join(out, `${INNER_STAGING}${process.pid}`) };
    disk.remove(inside.staging);
    disk.mkdir(inside.staging);
    for (const name of this.stagedNames()) {
      try {
        disk.rename(join(staging, name), join(inside.staging, name));
      } catch {
        disk.copyFile(join(staging, name), join(inside.staging, name)); // Another file system.
      }
    }
    this.discard();
    return inside;
  }
}

/** Why a folder cannot be renamed though it could be written: it is a mount point. */
const CANNOT_RENAME_FOLDER = new Set(["EBUSY", "EXDEV", "EPERM", "EACCES"]);

/** The file that makes a staged in-place replacement committed: the next build finishes it if this one is killed. */
const JOURNAL = ".commit";

type Step = ["rename" | "remove", string];

/**
 * Commits a replacement file by file inside the output folder, for a folder that cannot be swapped
 * whole. The changed files are already staged inside it; this journal commits the build, and each
 * rename after it is atomic. A build killed after the journal leaves a mix of old and new files
 * that the next build (or `recoverOutputs`) completes before anything else; one killed before it
 * leaves the old output, and its staging is thrown away.
 */
function writeJournal(layout: Layout, staged: string[], removed: string[], disk: Disk): void {
  // The manifest goes last, after every file it vouches for.
  const steps: Step[] = [
    ...staged.filter((n) => n !== MANIFEST).map((n): Step => ["rename", n]),
    ...removed.map((n): Step => ["remove", n]),
    ...staged.filter((n) => n === MANIFEST).map((n): Step => ["rename", n]),
  ];
  disk.writeFile(join(layout.staging, JOURNAL), JSON.stringify({ steps }));
}

/** Carries out a committed journal: every step not yet done, then the staging folder goes. */
function finishInPlace(out: string, staging: string, disk: Disk): void {
  const { steps } = JSON.parse(disk.readFile(join(staging, JOURNAL)).toString("utf8")) as { steps: Step[] };
  for (const [op, name] of steps) {
    if (!OUTPUT_NAME.test(name)) continue;
    if (op === "rename") {
      if (disk.stat(join(staging, name))) disk.rename(join(staging, name), join(out, name));
    } else {
      try {
        disk.unlink(join(out, name));
      } catch (error) {
        if (errorCode(error) !== "ENOENT") throw error;
      }
    }
  }
  disk.remove(staging);
}

/**
 * Puts the output folder back in order after a build that was killed: a swap cut between its two
 * renames leaves the old output aside, which is restored; a committed in-place replacement is
 * finished; abandoned staging folders and scraps of locks are removed. Runs under the lock.
 */
export function recoverOutputs(out: string, disk: Disk = realDisk): void {
  assertOutputFolder(out, disk);
  const parent = dirname(out);
  try {
    if (disk.stat(parent)) {
      // Exactly this folder's leftovers: "output.v2.old-12" belongs to output.v2, not to output.
      const name = sibling(out, "")
        .slice(parent.length + 1)
        .replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      const own = new RegExp(`^${name}(staging|old)-\\d+$`);
      const beside = disk.list(parent).map((e) => e.name);
      const leftovers = beside.filter((n) => own.test(n));
      for (const entry of leftovers.filter((n) => /\.old-\d+$/.test(n))) {
        if (!disk.stat(out)) disk.rename(join(parent, entry), out);
        else disk.remove(join(parent, entry));
      }
      for (const entry of leftovers.filter((n) => /\.staging-\d+$/.test(n))) disk.remove(join(parent, entry));
      removeLockScraps(parent, new RegExp(`^${name}lock\\.(?:stale-)?(\\d+)$`), beside, disk);
    }
    if (disk.stat(out)?.isDirectory()) {
      const inside = disk.list(out).map((e) => e.name);
      for (const entry of inside.filter((n) => n.startsWith(INNER_STAGING))) {
        const staging = join(out, entry);
        if (disk.stat(join(staging, JOURNAL))) finishInPlace(out, staging, disk);
        else disk.remove(staging);
      }
      removeLockScraps(out, new RegExp(`^${INNER_LOCK.replace(".", "\\.")}\\.(?:stale-)?(\\d+)$`), inside, disk);
    }
  } catch (error) {
    throw asEnvironmentError(error, `cannot clear what an interrupted build left in or beside ${out}`);
  }
}

/** Scraps of a lock that a killed build was taking or clearing. */
function removeLockScraps(folder: string, scraps: RegExp, names: string[], disk: Disk): void {
  for (const entry of names) {
    const pid = scraps.exec(entry)?.[1];
    if (pid && !alive(Number(pid))) disk.remove(join(folder, entry));
  }
}
