import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export function sha256(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const DRAWING_PACKAGES = ["@observablehq/plot", "d3", "jsdom", "@resvg/resvg-js", "d3-dsv"];
let cached: string | undefined;

/**
 * What the drawing code is: the project's chart and pipeline sources and the versions of the
 * libraries that draw. A chart is redrawn when this or its own content changes.
 */
export function codeFingerprint(): string {
  if (cached) return cached;
  const hash = createHash("sha256");
  for (const folder of ["charts", "pipeline"]) {
    for (const name of readdirSync(join(ROOT, folder)).filter((n) => n.endsWith(".ts")).sort()) {
      hash.update(`${folder}/${name}\0`).update(readFileSync(join(ROOT, folder, name)));
    }
  }
  const require = createRequire(import.meta.url);
  for (const name of DRAWING_PACKAGES) {
    try {
      // Read, not require()d: the fingerprint must not load the drawing libraries it names.
      const { version } = JSON.parse(readFileSync(require.resolve(`${name}/package.json`), "utf8")) as { version: string };
      hash.update(`${name}@${version}\0`);
    } catch {
      hash.update(`${name}@?\0`);
    }
  }
  return (cached = hash.digest("hex"));
}
