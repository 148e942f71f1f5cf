import { existsSync, realpathSync } from "node:fs";
import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { parseBaseUrl } from "./embed.ts";
import type { Manifest } from "./manifest.ts";
import { planOutputs } from "./outputs.ts";
import { DataError, formatProblem, type Problem } from "./problem.ts";
import { loadStory, type Story } from "./story.ts";
import { type Changes, commitOutputs, compareOutputs, hasChanges, LockBusy, previousFileReader, readManifest, recoverOutputs, withOutputLock } from "./write.ts";

export interface BuildOptions {
  data: string;
  out: string;
  /** Compare only: report whether the output is what the data builds, write nothing. */
  check?: boolean;
  /** How long to wait for another build on the same output before refusing. */
  waitMs?: number;
  /** Where the output folder will be served from; embeds then use absolute URLs. */
  baseUrl?: string;
}

export interface BuildResult {
  story: Story;
  manifest: Manifest;
  changes: Changes;
  /** Charts drawn; unchanged charts are reused, not drawn. */
  drawn: string[];
  written: boolean;
  ms: number;
}

/** The whole build: read and prove the story, plan the output, and swap it in if anything changed. */
export async function build({ data, out: given, check = false, waitMs = 30_000, baseUrl = "" }: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  // An --out that is a link is written where it points: the swap replaces a folder, not the link.
  const out = existsSync(given) ? realpathSync(given) : given;
  const run = async (): Promise<BuildResult> => {
    if (!check) recoverOutputs(out);
    const story = loadStory(data);
    const previous = readManifest(out);
    // --check draws everything afresh: the output's own manifest cannot vouch for the output.
    const planned = check ? await planOutputs(story, undefined, () => undefined, baseUrl) : await planOutputs(story, previous, previousFileReader(out, previous), baseUrl);
    const changes = compareOutputs(out, planned.files);
    const written = !check && hasChanges(changes);
    if (written) commitOutputs(out, planned.files, changes);
    return { story, manifest: planned.manifest, changes, drawn: planned.drawn, written, ms: performance.now() - started };
  };
  // --check takes the lock too, so it never sees a build's swap half done.
  return withOutputLock(out, waitMs, run);
}

/** Problems as a reporter reads them: paths as typed on the command line, one line each. */
export function describeProblems(problems: Problem[], data: string): string {
  return problems.map((p) => formatProblem({ ...p, file: p.line === 0 && p.file === data ? p.file : `${data.replace(/\/+$/, "")}/${p.file}` })).join("\n");
}

export function describeChanges({ added, changed, removed }: Changes): string[] {
  const lines: string[] = [];
  if (added.length) lines.push(`  added:   ${added.join(", ")}`);
  if (changed.length) lines.push(`  changed: ${changed.join(", ")}`);
  if (removed.length) lines.push(`  removed: ${removed.join(", ")}`);
  return lines;
}

const USAGE = `usage: npm run build -- [--data DIR] [--out DIR] [--check] [--base-url URL]
  --data DIR   the story folder (default: data)
  --out DIR    where the charts go (default: output)
  --check      exit 1 if the output is not what the data would build; write nothing
  --base-url URL  where output/ will be served (e.g. https://cdn.example.org/graphics/islamabad/):
               embeds then refer to their files by absolute URL`;

async function main(argv: string[]): Promise<number> {
  let options: { data: string; out: string; check: boolean; baseUrl: string };
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        data: { type: "string", default: "data" },
        out: { type: "string", default: "output" },
        check: { type: "boolean", default: false },
        "base-url": { type: "string", default: "" },
        help: { type: "boolean", default: false },
      },
      strict: true,
    });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    const baseUrl = values["base-url"] ? parseBaseUrl(values["base-url"]) : "";
    if (baseUrl === undefined) throw new Error(`--base-url ${JSON.stringify(values["base-url"])} must be an http(s) URL or a path starting with /`);
    options = { data: values.data!, out: values.out!, check: values.check!, baseUrl };
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const out = resolve(options.out);
  const shownOut = relative(process.cwd(), out) || ".";
  let committed = false;
  const interrupted = (signal: string) => {
    console.error(`\nBuild interrupted (${signal}); ${committed ? "the new output was already in place" : `${shownOut}/ left as it was`}.`);
    process.exit(130);
  };
  process.once("SIGINT", () => interrupted("SIGINT"));
  process.once("SIGTERM", () => interrupted("SIGTERM"));
  try {
    const result = await build({ data: options.data, out, check: options.check, baseUrl: options.baseUrl });
    committed = result.written;
    for (const warning of result.story.warnings) console.error(`warning: ${describeProblems([warning], options.data)}`);
    const { story, changes } = result;
    const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
    const summary = [count(story.charts.length, "chart"), count(story.figures.length, "figure"), ...(story.corrections.length ? [count(story.corrections.length, "correction")] : [])].join(", ");
    if (options.check) {
      if (!hasChanges(changes)) {
        console.log(`${shownOut}/ is up to date with ${options.data}/ (${summary}).`);
        return 0;
      }
      console.error([`${shownOut}/ is not what ${options.data}/ builds; run npm run build. A build would change:`, ...describeChanges(changes)].join("\n"));
      return 1;
    }
    const time = `${Math.round(result.ms)} ms`;
    if (!result.written) {
      console.log(`Nothing changed: ${shownOut}/ is up to date (${summary}; ${time}).`);
      return 0;
    }
    const touchedFiles = new Set([...changes.added, ...changes.changed]);
    const touched = story.charts.filter(({ entry }) => result.manifest.charts[entry.id].files.some((f) => touchedFiles.has(f)));
    console.log(
      [
        `Built ${shownOut}/ from ${options.data}/ in ${time}: ${summary}; drew ${result.drawn.length ? result.drawn.join(", ") : "no chart (all unchanged)"}.`,
        ...describeChanges(changes),
        touched.length ? `Replace the embeds of: ${touched.map((c) => c.entry.id).join(", ")}` : "No chart changed; no embed needs replacing.",
      ].join("\n"),
    );
    return 0;
  } catch (error) {
    if (error instanceof DataError) {
      console.error(`Build stopped: ${error.problems.length} problem${error.problems.length === 1 ? "" : "s"} in ${options.data}/; ${shownOut}/ left as it was.\n${describeProblems(error.problems, options.data)}`);
      return 1;
    }
    if (error instanceof LockBusy) {
      console.error(`Build refused: ${error.message}.`);
      return 1;
    }
    throw error;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error("Internal error (a bug in the build, not in the data):", error);
      process.exit(70);
    },
  );
}
