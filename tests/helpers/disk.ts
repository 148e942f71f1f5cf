import { type Disk, realDisk } from "../../pipeline/publish/disk.ts";

export type DiskCall =
  "writeFile" | "link" | "rename" | "copyFile" | "unlink" | "remove" | "mkdir" | "createExclusive" | "markChanged";

/** A system call's error as Node raises it: `code`, `syscall` and `path` set. */
export function systemError(code: string, call: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated failure, ${call} '${path}'`), { code, syscall: call, path });
}

/**
 * The real disk, except that the calls `fault` names fail: it gets each writing call and its path,
 * and returns an error code (ENOSPC, EROFS, EBUSY) to fail it with, or nothing to let it through.
 * Reading is never faulted.
 */
export function faultyDisk(fault: (call: DiskCall, path: string, to?: string) => string | undefined): Disk {
  const guard =
    <A extends unknown[]>(call: DiskCall, real: (...args: A) => void) =>
    (...args: A) => {
      const path = String(args[0]);
      // Removing what is not there, or making a folder that is, does nothing on any disk: never faulted.
      const noop = (call === "remove" && !realDisk.stat(path)) || (call === "mkdir" && realDisk.stat(path));
      const code = noop ? undefined : fault(call, path, typeof args[1] === "string" ? args[1] : undefined);
      if (code) throw systemError(code, call, path);
      real(...args);
    };
  return {
    ...realDisk,
    writeFile: guard("writeFile", realDisk.writeFile),
    link: guard("link", realDisk.link),
    rename: guard("rename", realDisk.rename),
    copyFile: guard("copyFile", realDisk.copyFile),
    unlink: guard("unlink", realDisk.unlink),
    remove: guard("remove", realDisk.remove),
    mkdir: guard("mkdir", realDisk.mkdir),
    createExclusive: guard("createExclusive", realDisk.createExclusive),
    markChanged: guard("markChanged", realDisk.markChanged),
  };
}

/** A read-only file system: every writing call fails with EROFS. */
export const readOnlyDisk = () => faultyDisk(() => "EROFS");
