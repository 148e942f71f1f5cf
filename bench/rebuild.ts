/**
 * `npm run bench`: how long a newsroom waits, and how much memory it takes. For each story size it
 * times the real command (a new process each time, start-up included) for a first build, a no-op
 * rebuild and a rebuild after one figure is corrected, with the process's peak memory, and beside
 * it headless Vega-Lite drawing the same SVGs in a process of its own. Then the in-process rebuild
 * `npm run watch` does. Medians of several runs; targets are numbers here, never timed tests.
 *
 *   npm run bench                         the story (the Islamabad fixture), 100 and 1,000 charts
 *   npm run bench -- --charts 100         one generated story of 100 charts (three figures each)
 *   npm run bench -- --charts story,250 --runs 3 --compare /work/main
 *   npm run bench -- --reading            the reader's accuracy on the reading corpus, field by field
 *
 * --compare DIR runs another checkout of the project (its own `npm run build`) on the same stories
 * in the same run: a before/after table.
 */
import { max } from "d3-array";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { build } from "../pipeline/build.ts";
import { arrestsOf, placeName, writeStory } from "./story.ts";

const ROOT = resolve(import.meta.dirname, "..");
const PEAK_RSS = join(ROOT, "bench/peak-rss.mjs");

const { values } = parseArgs({
  options: {
    charts: { type: "string", default: "story,100,1000" },
    runs: { type: "string" },
    compare: { type: "string" },
    "no-vega-lite": { type: "boolean", default: false },
    reading: { type: "boolean", default: false },
    misread: { type: "boolean", default: false },
    "held-out": { type: "boolean", default: false },
  },
});
if (values.reading) {
  const { readingBench } = await import("./reading.ts");
  readingBench({ misread: values.misread, heldOut: values["held-out"] });
  process.exit(0);
}
const sizes = values.charts!.split(",").map((s) => (s.trim() === "story" ? "story" : Number(s)));
const runsFor = (size: number | "story") =>
  Number(values.runs ?? process.env.BENCH_RUNS ?? (size === "story" ? 5 : size <= 100 ? 3 : 1));

interface Tree {
  name: string;
  root: string;
  /** The command `npm run build` runs there, as node and its arguments. */
  command: string[];
}

/** What `npm run build` runs in a checkout, without npm's own start-up. */
function treeOf(root: string, name: string): Tree {
  const script = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: { build: string } })
    .scripts.build;
  const [first, ...rest] = script.split(/\s+/);
  const args = rest.map((a) => (a.endsWith(".ts") ? join(root, a) : a));
  if (first === "tsx") return { name, root, command: [join(root, "node_modules/tsx/dist/cli.mjs"), ...args] };
  if (first === "node") return { name, root, command: args };
  throw new Error(`cannot run ${root}'s build script: ${script}`);
}

const trees = [treeOf(ROOT, "this tree"), ...(values.compare ? [treeOf(resolve(values.compare), values.compare)] : [])];

interface Run {
  ms: number;
  /** Peak resident memory of the process (its largest process, if it started others), MB. */
  mb: number;
  stdout: string;
}

/** Runs node with `args` in `cwd` as a new process: wall time and peak memory. */
function timed(args: string[], cwd: string): Run {
  const rss = join(mkdtempSync(join(tmpdir(), "bench-rss-")), "rss");
  writeFileSync(rss, "");
  const started = performance.now();
  const run = spawnSync(process.execPath, args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NODE_OPTIONS: `--import=${PEAK_RSS}`, BENCH_RSS_FILE: rss, NODE_NO_WARNINGS: "1" },
    maxBuffer: 1 << 28,
  });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`${args.join(" ")} failed:\n${run.stderr.slice(0, 2000)}`);
  const mb = (max(readFileSync(rss, "utf8").trim().split("\n"), Number) ?? 0) / 1024;
  rmSync(resolve(rss, ".."), { recursive: true, force: true });
  return { ms, mb, stdout: run.stdout };
}

/** A fresh copy of the story: the Islamabad fixture, or a generated one of n charts. */
function story(size: number | "story") {
  const dir = mkdtempSync(join(tmpdir(), "bench-"));
  const data = join(dir, "data");
  if (size === "story") cpSync(join(ROOT, "tests/fixtures/islamabad"), data, { recursive: true });
  else writeStory(data, size);
  return { dir, data, out: join(dir, "output") };
}

/** Corrects one figure (its value, in the source and the fact sheet): one chart to redraw. */
function correctFigure(data: string, size: number | "story", i: number) {
  const [sentence, row] =
    size === "story"
      ? [(v: number) => `${v} individuals`, (v: number) => `,${v},exact,`]
      : [(v: number) => `Police in ${placeName(0)} arrested ${v} people`, (v: number) => `,Arrested,${v},exact,`];
  const from = (size === "story" ? 954 : arrestsOf(0)) + (i % 2);
  const to = from + (i % 2 ? -1 : 1);
  for (const file of ["article.txt", "figures.csv"]) {
    const path = join(data, file);
    const text = readFileSync(path, "utf8");
    const next = text.replaceAll(sentence(from), sentence(to)).replace(row(from), row(to));
    if (next === text) throw new Error(`bench: no figure ${from} to correct in ${file}`);
    writeFileSync(path, next);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const seconds = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 1000).toFixed(2)} s`);
const cell = (text: string, width: number) => text.padStart(width);

interface Row {
  label: string;
  tree: string;
  full: number;
  mb: number;
  noop: number;
  figure: number;
  drew: string;
  vl?: { ms: number; mb: number; svgs: number };
  /** Pairwise (same run) ratios to Vega-Lite, medians. */
  fullRatio?: number;
  noopRatio?: number;
}

const rows: Row[] = [];
for (const size of sizes) {
  const runs = runsFor(size);
  const label = size === "story" ? "the story (3 charts)" : `${size.toLocaleString("en-US")} charts`;
  const vl: Run[] = [];
  const results = new Map(trees.map((t) => [t.name, { full: [] as Run[], noop: [] as Run[], figure: [] as Run[] }]));
  for (let i = 0; i < runs; i++) {
    // Vega-Lite: the same number of SVGs (four variants a chart), or for the story a cold one-chart render.
    if (!values["no-vega-lite"]) {
      const scratch = mkdtempSync(join(tmpdir(), "bench-vl-"));
      const args =
        size === "story"
          ? [join(ROOT, "bench/vega-lite.mjs"), "1", scratch, "1"]
          : [join(ROOT, "bench/vega-lite.mjs"), String(size), scratch];
      vl.push(timed(args, ROOT));
      rmSync(scratch, { recursive: true, force: true });
    }
    for (const tree of trees) {
      const s = story(size);
      const cli = [...tree.command, "--data", s.data, "--out", s.out];
      const r = results.get(tree.name)!;
      r.full.push(timed(cli, tree.root));
      r.noop.push(timed(cli, tree.root));
      correctFigure(s.data, size, 0);
      r.figure.push(timed(cli, tree.root));
      rmSync(s.dir, { recursive: true, force: true });
    }
  }
  for (const tree of trees) {
    const r = results.get(tree.name)!;
    const drew = /drew ([^.]*)\./.exec(r.figure[0].stdout)?.[1] ?? "?";
    const row: Row = {
      label,
      tree: tree.name,
      full: median(r.full.map((x) => x.ms)),
      mb: max(r.full, (x) => x.mb) ?? 0,
      noop: median(r.noop.map((x) => x.ms)),
      figure: median(r.figure.map((x) => x.ms)),
      drew: drew.split(", ").length === 1 ? drew : `${drew.split(", ").length} charts`,
    };
    if (vl.length) {
      row.vl = {
        ms: median(vl.map((x) => x.ms)),
        mb: max(vl, (x) => x.mb) ?? 0,
        svgs: size === "story" ? 1 : size * 4,
      };
      row.fullRatio = median(r.full.map((x, i) => x.ms / vl[i].ms));
      row.noopRatio = median(r.noop.map((x, i) => x.ms / vl[i].ms));
    }
    rows.push(row);
  }
}

const header = [
  "",
  ...(trees.length > 1 ? ["tree"] : []),
  "full build",
  "peak RSS",
  "no-op",
  "one figure",
  "Vega-Lite",
  "VL RSS",
  "full/VL",
  "no-op/VL",
];
const widths = [
  22,
  ...(trees.length > 1 ? [Math.max(10, max(trees, (t) => t.name.length) ?? 0)] : []),
  11,
  9,
  8,
  11,
  18,
  7,
  8,
  9,
];
const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : cell(c, widths[i]))).join(" ");
console.log(line(header));
for (const row of rows) {
  console.log(
    line([
      row.label,
      ...(trees.length > 1 ? [row.tree] : []),
      seconds(row.full),
      `${Math.round(row.mb)} MB`,
      seconds(row.noop),
      seconds(row.figure),
      row.vl ? `${seconds(row.vl.ms)} (${row.vl.svgs} SVG${row.vl.svgs > 1 ? "s" : ""})` : "",
      row.vl ? `${Math.round(row.vl.mb)} MB` : "",
      row.fullRatio ? `${row.fullRatio.toFixed(2)}×` : "",
      row.noopRatio ? `${row.noopRatio.toFixed(2)}×` : "",
    ]),
  );
}
console.log(
  `(medians of ${sizes.map((s) => `${runsFor(s)} run${runsFor(s) > 1 ? "s" : ""} for ${s === "story" ? "the story" : s}`).join(", ")}; ` +
    "ratios are to Vega-Lite in the same run: for the story, a cold one-chart render; otherwise the same number of SVGs; " +
    "one figure: the build redrew the chart named in the log)",
);
for (const row of rows)
  if (row.drew.includes("charts") || row.drew === "?")
    console.log(`  ${row.label} (${row.tree}): the correction redrew ${row.drew}, not one chart`);

// npm run watch: the build in one warm process, as the watcher runs it.
{
  const s = story("story");
  await build({ data: s.data, out: s.out });
  const words: number[] = [];
  const figure: number[] = [];
  const runs = Number(values.runs ?? process.env.BENCH_RUNS ?? 5) * 2;
  for (let i = 0; i < runs; i++) {
    const path = join(s.data, "charts.json");
    writeFileSync(
      path,
      readFileSync(path, "utf8").replace(
        /Security forces killed in the clashes( \(take [a-z]\))?/,
        `Security forces killed in the clashes (take ${"abcdefghijklmnopqrstuvwxyz"[i % 26]})`,
      ),
    );
    words.push((await build({ data: s.data, out: s.out })).ms);
    correctFigure(s.data, "story", i);
    figure.push((await build({ data: s.data, out: s.out })).ms);
  }
  console.log(
    `npm run watch (in process), the story: one chart's words changed ${Math.round(median(words))} ms, one figure corrected ${Math.round(median(figure))} ms (medians of ${runs})`,
  );
  rmSync(s.dir, { recursive: true, force: true });
}
process.exit(0);
