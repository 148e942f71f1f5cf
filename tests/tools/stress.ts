/**
 * `npm run test:stress [-- --runs N] [--beside-build] [files…]`: runs the randomized and
 * timing-sensitive test files again and again, each run with a fresh fast-check seed, to find a rare
 * failure before CI does. `--beside-build` keeps a story building in a loop beside the tests, as a
 * loaded machine would. Stops at the first failure and prints the command that replays it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomInt } from "node:crypto";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../..");

/** Files whose outcome could depend on a draw or on the machine's load, were they written carelessly. */
const STRESSED = [
  "tests/escaping.test.ts",
  "tests/properties.test.ts",
  "tests/reader.test.ts",
  "tests/notebook-numbers.test.ts",
  "tests/notebook-server.test.ts",
  "tests/notebook-browser.test.ts",
  "tests/incremental.test.ts",
  "tests/faults.test.ts",
  "tests/atomic.test.ts",
  "tests/linear.test.ts",
  "tests/linear-story.test.ts",
  "tests/wrap-words.test.ts",
  "tests/check.test.ts",
  "tests/prepare.test.ts",
];

function options(args: string[]) {
  let runs = 20;
  let besideBuild = false;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--runs") runs = Number(args[++i]);
    else if (args[i] === "--beside-build") besideBuild = true;
    else files.push(args[i]);
  }
  if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs takes a whole number of runs, 1 or more");
  return { runs, besideBuild, files: files.length > 0 ? files : STRESSED };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env, NODE_NO_WARNINGS: "1" }, stdio: "pipe" });
}

/** Builds a fixture story over and over until stopped: the load of a desk's build beside the tests. */
function buildInALoop(): () => void {
  const dir = mkdtempSync(join(tmpdir(), "stress-"));
  cpSync(join(ROOT, "tests/fixtures/riots"), join(dir, "data"), { recursive: true });
  let stopped = false;
  let child: ChildProcess | undefined;
  let builds = 0;
  const next = () => {
    if (stopped) return;
    // A fresh output each time: every build draws every chart.
    rmSync(join(dir, "output"), { recursive: true, force: true });
    child = run(process.execPath, [
      "--import",
      "tsx/esm",
      "pipeline/cli.ts",
      "--data",
      join(dir, "data"),
      "--out",
      join(dir, "output"),
    ]);
    child.on("exit", () => {
      builds += 1;
      next();
    });
  };
  next();
  return () => {
    stopped = true;
    child?.kill();
    rmSync(dir, { recursive: true, force: true });
    console.log(`(${builds} builds ran beside the tests)`);
  };
}

async function main() {
  const { runs, besideBuild, files } = options(process.argv.slice(2));
  const stopBuilding = besideBuild ? buildInALoop() : () => {};
  try {
    for (let i = 1; i <= runs; i++) {
      const seed = randomInt(2 ** 31);
      const started = Date.now();
      const child = run(process.execPath, ["node_modules/vitest/vitest.mjs", "run", ...files], {
        FC_SEED: String(seed),
        CI: "true",
      });
      let output = "";
      child.stdout!.on("data", (chunk) => (output += chunk));
      child.stderr!.on("data", (chunk) => (output += chunk));
      const code = await new Promise<number | null>((done) => child.on("exit", done));
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      if (code !== 0) {
        console.log(output);
        console.log(`run ${i} of ${runs}, seed ${seed}: FAILED after ${seconds} s`);
        console.log(`replay: FC_SEED=${seed} npx vitest run ${files.join(" ")}`);
        process.exitCode = 1;
        return;
      }
      console.log(`run ${i} of ${runs}, seed ${seed}: passed in ${seconds} s`);
    }
    console.log(`${runs} consecutive runs passed`);
  } finally {
    stopBuilding();
  }
}

await main();
