/**
 * `npm run bench`: how long a newsroom waits. Times the real command (process start included) for
 * a first build, a no-op rebuild and a rebuild after a one-figure correction, and the in-process
 * rebuild `npm run watch` does. Prints the median and range of several runs; a target is a number
 * here, never a timed test.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "../pipeline/build.ts";

const ROOT = resolve(import.meta.dirname, "..");
const TSX = join(ROOT, "node_modules/tsx/dist/cli.mjs");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function story() {
  const dir = mkdtempSync(join(tmpdir(), "bench-"));
  cpSync(join(ROOT, "tests/fixtures/islamabad"), join(dir, "data"), { recursive: true });
  return { data: join(dir, "data"), out: join(dir, "output") };
}

function cliMs(data: string, out: string): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, [TSX, join(ROOT, "pipeline/cli.ts"), "--data", data, "--out", out], {
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return performance.now() - started;
}

/** Alternates the subtitle of one chart, so each run is a real, one-chart change. */
function correctOne(data: string, i: number) {
  const path = join(data, "charts.json");
  const text = readFileSync(path, "utf8").replace(
    /Security forces killed in the clashes( \(take [a-z]\))?/,
    `Security forces killed in the clashes (take ${"abcdefghijklmnopqrstuvwxyz"[i % 26]})`,
  );
  writeFileSync(path, text);
}

function correctFigure(data: string, i: number) {
  const value = 954 + (i % 2);
  const article = join(data, "article.txt");
  writeFileSync(article, readFileSync(article, "utf8").replace(/\b95[45] individuals/, `${value} individuals`));
  const figures = join(data, "figures.csv");
  writeFileSync(
    figures,
    readFileSync(figures, "utf8")
      .replace(/,95[45],exact,/, `,${value},exact,`)
      .replace(/that 95[45] individuals/, `that ${value} individuals`),
  );
}

function summarize(name: string, times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  console.log(
    `${name.padEnd(52)} median ${median.toFixed(0).padStart(5)} ms   (min ${sorted[0].toFixed(0)}, max ${sorted[sorted.length - 1].toFixed(0)}, n=${times.length})`,
  );
}

const cold: number[] = [];
const noop: number[] = [];
const figure: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const s = story();
  cold.push(cliMs(s.data, s.out));
  noop.push(cliMs(s.data, s.out));
  correctFigure(s.data, 1);
  figure.push(cliMs(s.data, s.out));
  rmSync(resolve(s.data, ".."), { recursive: true, force: true });
}
summarize("npm run build, first build (3 charts x 4 variants + PNG)", cold);
summarize("npm run build, nothing changed", noop);
summarize("npm run build, one figure corrected (1 chart redrawn)", figure);

const s = story();
await build({ data: s.data, out: s.out });
const warm: number[] = [];
const warmFigure: number[] = [];
for (let i = 0; i < RUNS * 2; i++) {
  correctOne(s.data, i);
  warm.push((await build({ data: s.data, out: s.out })).ms);
  correctFigure(s.data, i + 1);
  warmFigure.push((await build({ data: s.data, out: s.out })).ms);
}
summarize("watch (in process), one chart's words changed", warm);
summarize("watch (in process), one figure corrected", warmFigure);
rmSync(resolve(s.data, ".."), { recursive: true, force: true });
