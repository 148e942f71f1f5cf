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
 * in the same run: a before/after table (the Islamabad story as that checkout has it, for both).
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
  /** CPU time, user + system, of every thread of every process it started, ms: what a run costs on a loaded machine. */
  cpu: number;
  /** What a quiet 2-core machine would take at least: the larger of the main thread's CPU time and half the total. */
  quiet: number;
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
  const lines = readFileSync(rss, "utf8")
    .trim()
    .split("\n")
    .map((line) => line.split(" ").map(Number));
  const mb = (max(lines, ([kb]) => kb) ?? 0) / 1024;
  const cpu = lines.reduce((sum, [, ms]) => sum + (ms ?? 0), 0);
  const main = max(lines, ([, , ms]) => ms ?? 0) ?? 0;
  rmSync(resolve(rss, ".."), { recursive: true, force: true });
  return { ms, mb, cpu, quiet: Math.max(main, cpu / 2), stdout: run.stdout };
}

/**
 * The Islamabad fixture as the compared checkout has it, else as this one does: both trees build the
 * same input, and an older checkout does not know the chart kinds added since (the locator).
 */
const STORY = join(trees[trees.length - 1].root, "tests/fixtures/islamabad");
const storyCharts = (JSON.parse(readFileSync(join(STORY, "charts.json"), "utf8")) as { charts: unknown[] }).charts
  .length;

/** A fresh copy of the story: the Islamabad fixture, or a generated one of n charts. */
function story(size: number | "story") {
  const dir = mkdtempSync(join(tmpdir(), "bench-"));
  const data = join(dir, "data");
  if (size === "story") cpSync(STORY, data, { recursive: true });
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
  /** CPU times (ms, medians) and the quiet 2-core estimate of each (see Run). */
  cpu: { full: number; noop: number; figure: number; vl?: number };
  quiet: { full: number; noop: number; figure: number; vl?: number; vl1?: number };
  /** Vega-Lite drawing this size's SVGs (four a chart; for the story, a cold one-chart render). */
  vl?: { ms: number; mb: number; svgs: number };
  /** Pairwise (same run) ratios, medians: the full build to `vl`; the no-op and the correction to a cold one-chart render. */
  fullRatio?: number;
  noopRatio?: number;
  figureRatio?: number;
}

/** The floor every build that draws stands on: node, tsx's loader and jsdom loaded, nothing done. */
const FLOOR = ["--import", "tsx/esm", "--input-type=module", "-e", 'await import("jsdom");'];

const rows: Row[] = [];
/** Cold one-chart Vega-Lite renders and floors, every run of every size: the unit of the no-op and correction ratios. */
const cold: Run[] = [];
const floors: Run[] = [];
const storyFull: number[] = [];
for (const size of sizes) {
  const runs = runsFor(size);
  const label = size === "story" ? `the story (${storyCharts} charts)` : `${size.toLocaleString("en-US")} charts`;
  const vl: Run[] = [];
  const vl1: Run[] = [];
  const results = new Map(trees.map((t) => [t.name, { full: [] as Run[], noop: [] as Run[], figure: [] as Run[] }]));
  for (let i = 0; i < runs; i++) {
    if (!values["no-vega-lite"]) {
      // A cold one-chart render, every run; and for a generated story the same number of SVGs (four a chart).
      const render = (charts: number, variants: number) => {
        const scratch = mkdtempSync(join(tmpdir(), "bench-vl-"));
        const run = timed([join(ROOT, "bench/vega-lite.mjs"), String(charts), scratch, String(variants)], ROOT);
        rmSync(scratch, { recursive: true, force: true });
        return run;
      };
      vl1.push(render(1, 1));
      vl.push(size === "story" ? vl1[vl1.length - 1] : render(size, 4));
    }
    floors.push(timed(FLOOR, ROOT));
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
  for (const run of vl1) cold.push(run);
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
      cpu: {
        full: median(r.full.map((x) => x.cpu)),
        noop: median(r.noop.map((x) => x.cpu)),
        figure: median(r.figure.map((x) => x.cpu)),
        ...(vl.length ? { vl: median(vl.map((x) => x.cpu)) } : {}),
      },
      quiet: {
        full: median(r.full.map((x) => x.quiet)),
        noop: median(r.noop.map((x) => x.quiet)),
        figure: median(r.figure.map((x) => x.quiet)),
        ...(vl.length ? { vl: median(vl.map((x) => x.quiet)), vl1: median(vl1.map((x) => x.quiet)) } : {}),
      },
    };
    if (size === "story" && tree === trees[0]) for (const x of r.full) storyFull.push(x.ms);
    if (vl.length) {
      row.vl = {
        ms: median(vl.map((x) => x.ms)),
        mb: max(vl, (x) => x.mb) ?? 0,
        svgs: size === "story" ? 1 : size * 4,
      };
      row.fullRatio = median(r.full.map((x, i) => x.ms / vl[i].ms));
      row.noopRatio = median(r.noop.map((x, i) => x.ms / vl1[i].ms));
      row.figureRatio = median(r.figure.map((x, i) => x.ms / vl1[i].ms));
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
  "no-op/VL1",
  "figure/VL1",
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
  10,
  11,
];
const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : cell(c, widths[i]))).join(" ");
const ratio = (x?: number) => (x ? `${x.toFixed(2)}×` : "");
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
      ratio(row.fullRatio),
      ratio(row.noopRatio),
      ratio(row.figureRatio),
    ]),
  );
}
// The same runs by CPU time: what they cost on a loaded machine, and what a quiet 2-core one would take.
console.log(
  "\nCPU time (user + system, every thread), and the quiet 2-core estimate: the larger of the main thread's time and half the total",
);
const cpuHeader = [
  "",
  ...(trees.length > 1 ? ["tree"] : []),
  "full CPU",
  "quiet",
  "no-op CPU",
  "quiet",
  "figure CPU",
  "quiet",
  "VL CPU",
  "quiet full/VL",
  "noop/VL1",
  "figure/VL1",
];
const cpuWidths = [
  22,
  ...(trees.length > 1 ? [Math.max(10, max(trees, (t) => t.name.length) ?? 0)] : []),
  9,
  8,
  9,
  8,
  10,
  8,
  9,
  13,
  9,
  10,
];
const cpuLine = (cells: string[]) =>
  cells.map((c, i) => (i === 0 ? c.padEnd(cpuWidths[i]) : cell(c, cpuWidths[i]))).join(" ");
console.log(cpuLine(cpuHeader));
for (const row of rows)
  console.log(
    cpuLine([
      row.label,
      ...(trees.length > 1 ? [row.tree] : []),
      seconds(row.cpu.full),
      seconds(row.quiet.full),
      seconds(row.cpu.noop),
      seconds(row.quiet.noop),
      seconds(row.cpu.figure),
      seconds(row.quiet.figure),
      row.cpu.vl !== undefined ? seconds(row.cpu.vl) : "",
      row.quiet.vl ? ratio(row.quiet.full / row.quiet.vl) : "",
      row.quiet.vl1 ? ratio(row.quiet.noop / row.quiet.vl1) : "",
      row.quiet.vl1 ? ratio(row.quiet.figure / row.quiet.vl1) : "",
    ]),
  );
console.log(
  `(medians of ${sizes.map((s) => `${runsFor(s)} run${runsFor(s) > 1 ? "s" : ""} for ${s === "story" ? "the story" : s}`).join(", ")}; ` +
    "ratios are to Vega-Lite in the same run: full/VL to the same number of SVGs (for the story, a cold one-chart render), " +
    "no-op/VL1 and figure/VL1 to a cold one-chart render; one figure: the build redrew the chart named in the log)",
);
const floor = median(floors.map((x) => x.ms));
const vlCold = cold.length ? median(cold.map((x) => x.ms)) : 0;
console.log(
  `floor (node + tsx + jsdom import, nothing drawn): ${seconds(floor)}, ${Math.round(median(floors.map((x) => x.mb)))} MB` +
    (vlCold ? `; ${(floor / vlCold).toFixed(2)}× a cold one-chart Vega-Lite render (${seconds(vlCold)})` : "") +
    (storyFull.length ? `; the story's cold build is ${(median(storyFull) / floor).toFixed(2)}× the floor` : ""),
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
