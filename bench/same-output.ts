/**
 * `npm run same-output -- --compare DIR`: builds every fixture story (tests/fixtures/, with each
 * locale overlay of islamabad-locales/) with this tree and with another checkout of the project
 * (its own `npm run build`), and compares every output file byte for byte. The manifest's chart
 * fingerprints are compared apart: a fingerprint hashes the drawing code too, so any change to the
 * code changes every one of them while the files they vouch for stay the same bytes.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";

const ROOT = resolve(import.meta.dirname, "..");
const FIXTURES = join(ROOT, "tests/fixtures");
const { values } = parseArgs({ options: { compare: { type: "string" } } });
if (!values.compare) {
  console.error("usage: npm run same-output -- --compare DIR (another checkout of the project)");
  process.exit(2);
}
const other = resolve(values.compare);

/** Every fixture story: the folders with an article, and islamabad with each locale overlay. */
function stories(): { name: string; make: (data: string) => void }[] {
  const plain = readdirSync(FIXTURES)
    .filter((name) => existsSync(join(FIXTURES, name, "article.txt")))
    .map((name) => ({ name, make: (data: string) => cpSync(join(FIXTURES, name), data, { recursive: true }) }));
  const overlays = join(FIXTURES, "islamabad-locales");
  const locales = existsSync(overlays)
    ? readdirSync(overlays, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => ({
          name: `islamabad-locales/${e.name}`,
          make: (data: string) => {
            cpSync(join(FIXTURES, "islamabad"), data, { recursive: true });
            cpSync(join(overlays, e.name), data, { recursive: true });
          },
        }))
    : [];
  return [...plain, ...locales];
}

/** A build by a tree: its error output when it refuses the story (a story that only drafts has no charts). */
function build(tree: string, data: string, out: string): string | undefined {
  const script = (JSON.parse(readFileSync(join(tree, "package.json"), "utf8")) as { scripts: { build: string } })
    .scripts.build;
  const [, ...args] = script.split(/\s+/);
  const run = spawnSync(
    process.execPath,
    [...args.map((a) => (a.endsWith(".ts") ? join(tree, a) : a)), "--data", data, "--out", out],
    { cwd: tree, encoding: "utf8", env: { ...process.env, NODE_NO_WARNINGS: "1" } },
  );
  // The output folder is named as given and relative to where the build ran (each tree its own folder).
  return run.status === 0 ? undefined : run.stderr.replaceAll(relative(tree, out), "OUT").replaceAll(out, "OUT");
}

/** The output's files (the build's own dot files aside). */
const files = (out: string) =>
  new Map(
    readdirSync(out)
      .filter((n) => !n.startsWith("."))
      .map((n) => [n, readFileSync(join(out, n))]),
  );

/** The manifest without its chart fingerprints, and the fingerprints apart. */
function manifestParts(bytes: Buffer): { rest: string; fingerprints: Record<string, string> } {
  const manifest = JSON.parse(bytes.toString("utf8")) as { charts: Record<string, { fingerprint: string }> };
  const fingerprints: Record<string, string> = {};
  for (const [id, chart] of Object.entries(manifest.charts)) {
    fingerprints[id] = chart.fingerprint;
    chart.fingerprint = "";
  }
  return { rest: JSON.stringify(manifest), fingerprints };
}

let failures = 0;
for (const story of stories()) {
  const dir = mkdtempSync(join(tmpdir(), "same-output-"));
  const data = join(dir, "data");
  story.make(data);
  const [mine, theirs] = ["this", "other"].map((name) => join(dir, name));
  const refused = [build(ROOT, data, mine), build(other, data, theirs)];
  if (refused[0] !== undefined || refused[1] !== undefined) {
    // Refused by both trees, in the same words, is the same output: none.
    const same = refused[0] === refused[1];
    if (!same) failures += 1;
    console.log(
      `${story.name}: ${same ? "refused by both, in the same words" : `DIFFERENT: refused by ${refused[0] === undefined ? "the other tree" : refused[1] === undefined ? "this tree" : "both, in other words"}`}`,
    );
    rmSync(dir, { recursive: true, force: true });
    continue;
  }
  const [a, b] = [files(mine), files(theirs)];
  const differ = [...new Set([...a.keys(), ...b.keys()])]
    .filter((n) => n !== "manifest.json")
    .filter((n) => !a.get(n) || !b.get(n) || !a.get(n)!.equals(b.get(n)!))
    .sort();
  const [ma, mb] = [a.get("manifest.json")!, b.get("manifest.json")!].map(manifestParts);
  const manifestSame = ma.rest === mb.rest;
  const fingerprints = Object.keys(ma.fingerprints).filter((id) => ma.fingerprints[id] !== mb.fingerprints[id]);
  const same = differ.length === 0 && manifestSame;
  if (!same) failures += 1;
  console.log(
    `${story.name}: ${a.size} files; ${same ? "every byte the same" : `DIFFERENT: ${[...differ, ...(manifestSame ? [] : ["manifest.json (beyond fingerprints)"])].join(", ")}`}` +
      `${fingerprints.length ? `; chart fingerprints differ (${fingerprints.length} of ${Object.keys(ma.fingerprints).length})` : "; fingerprints the same"}`,
  );
  rmSync(dir, { recursive: true, force: true });
}
process.exit(failures ? 1 : 0);
