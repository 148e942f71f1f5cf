import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, sep } from "node:path";
import { fileURLToPath } from "node:url";

export function sha256(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");
const CODE_FOLDERS = ["charts", "pipeline"];
const DRAWING_PACKAGES = ["@observablehq/plot", "d3", "jsdom", "@resvg/resvg-js", "d3-dsv"];
let cached: string | undefined;

/**
 * What the drawing code is: every source file under the project's chart and pipeline folders, in
 * every subfolder, and the versions of the libraries that draw. A chart is redrawn when this or its
 * own content changes.
 */
export function codeFingerprint(): string {
  if (cached) return cached;
  const hash = createHash("sha256").update(sourceFingerprint(ROOT, CODE_FOLDERS));
  const require = createRequire(import.meta.url);
  for (const name of DRAWING_PACKAGES) {
    try {
      // Read, not require()d: the fingerprint must not load the drawing libraries it names.
      const { version } = JSON.parse(readFileSync(require.resolve(`${name}/package.json`), "utf8")) as {
        version: string;
      };
      hash.update(`${name}@${version}\0`);
    } catch {
      hash.update(`${name}@?\0`);
    }
  }
  return (cached = hash.digest("hex"));
}

/**
 * The sha256 of every .ts file under `folders` of `root`, recursively, each with its path: a file
 * edited, added, removed or moved between subfolders changes it.
 */
export function sourceFingerprint(root: string, folders: string[]): string {
  const hash = createHash("sha256");
  for (const folder of folders) {
    const names = readdirSync(join(root, folder), { recursive: true, encoding: "utf8" })
      .filter((name) => name.endsWith(".ts"))
      .map((name) => name.split(sep).join("/"))
      .sort();
    for (const name of names) hash.update(`${folder}/${name}\0`).update(readFileSync(join(root, folder, name)));
  }
  return hash.digest("hex");
}
