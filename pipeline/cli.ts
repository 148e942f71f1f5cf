import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { build, describeChanges, describeProblems, someOf } from "./build.ts";
import { DataError } from "./facts/problem.ts";
import { type Disk, EnvironmentError } from "./publish/disk.ts";
import { parseBaseUrl } from "./publish/embed.ts";
import { MissingFonts } from "./publish/fonts.ts";
import { LockBusy } from "./publish/lock.ts";
import { hasChanges } from "./publish/swap.ts";
import { runIfMain } from "./run-command.ts";

/** `npm run build`: the command line over build(): arguments, messages, exit codes. */

const USAGE = `usage: npm run build -- [--data DIR] [--out DIR] [--check] [--base-url URL]
  --data DIR   the story folder (default: data)
  --out DIR    where the charts go (default: output)
  --check      exit 1 if the output is not what the data would build; write nothing
  --base-url URL  where output/ will be served (e.g. https://cdn.example.org/graphics/islamabad/):
               embeds then refer to their files by absolute URL`;

/** Runs the command; returns its exit code. `disk` lets a test make the file system fail. */
export async function main(argv: string[], { disk }: { disk?: Disk } = {}): Promise<number> {
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
    if (baseUrl === undefined)
      throw new Error(
        `--base-url ${JSON.stringify(values["base-url"])} must be an http(s) URL or a path starting with /`,
      );
    options = { data: values.data!, out: values.out!, check: values.check!, baseUrl };
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const out = resolve(options.out);
  const shownOut = relative(process.cwd(), out) || ".";
  let committed = false;
  const interrupted = (signal: string) => {
    console.error(
      `\nBuild interrupted (${signal}); ${committed ? "the new output was already in place" : `${shownOut}/ left as it was`}.`,
    );
    process.exit(130);
  };
  const onInt = () => interrupted("SIGINT");
  const onTerm = () => interrupted("SIGTERM");
  process.once("SIGINT", onInt);
  process.once("SIGTERM", onTerm);
  try {
    const result = await build({ data: options.data, out, check: options.check, baseUrl: options.baseUrl, disk });
    committed = result.written;
    for (const warning of result.story.warnings) console.error(`warning: ${describeProblems([warning], options.data)}`);
    const { story, changes } = result;
    const coverage = [coverageLine(story.unrecorded.length, options.data), filledLine(story.figures, options.data)]
      .filter(Boolean)
      .join("\n");
    const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
    const summary = [
      count(story.charts.length, "chart"),
      count(story.figures.length, "figure"),
      ...(story.corrections.length ? [count(story.corrections.length, "correction")] : []),
    ].join(", ");
    if (options.check) {
      if (!hasChanges(changes)) {
        console.log(`${shownOut}/ is up to date with ${options.data}/ (${summary}).\n${coverage}`);
        return 0;
      }
      console.error(
        [
          `${shownOut}/ is not what ${options.data}/ builds; run npm run build. A build would change:`,
          ...describeChanges(changes),
        ].join("\n"),
      );
      return 1;
    }
    const time = `${Math.round(result.ms)} ms`;
    if (!result.written) {
      console.log(`Nothing changed: ${shownOut}/ is up to date (${summary}; ${time}).\n${coverage}`);
      return 0;
    }
    const touchedFiles = new Set([...changes.added, ...changes.changed]);
    const touched = story.charts.filter(({ entry }) =>
      result.manifest.charts[entry.id].files.some((f) => touchedFiles.has(f)),
    );
    console.log(
      [
        `Built ${shownOut}/ from ${options.data}/ in ${time}: ${summary}; drew ${result.drawn.length ? someOf(result.drawn, "charts") : "no chart (all unchanged)"}.`,
        ...describeChanges(changes),
        touched.length
          ? `Replace the embeds of: ${someOf(
              touched.map((c) => c.entry.id),
              "charts",
            )}`
          : "No chart changed; no embed needs replacing.",
        coverage,
      ].join("\n"),
    );
    return 0;
  } catch (error) {
    if (error instanceof DataError) {
      console.error(
        `Build stopped: ${error.problems.length} problem${error.problems.length === 1 ? "" : "s"} in ${options.data}/; ${shownOut}/ left as it was.\n${describeProblems(error.problems, options.data)}`,
      );
      return 1;
    }
    if (error instanceof MissingFonts) {
      console.error(`Build stopped: ${error.message}; ${shownOut}/ left as it was.`);
      return 1;
    }
    if (error instanceof LockBusy) {
      console.error(`Build refused: ${error.message}.`);
      return 1;
    }
    if (error instanceof EnvironmentError) {
      console.error(
        `Build failed: ${error.message}.${error.outputIntact && !options.check ? ` ${shownOut}/ left as it was.` : ""}`,
      );
      return 1;
    }
    throw error;
  } finally {
    process.removeListener("SIGINT", onInt);
    process.removeListener("SIGTERM", onTerm);
  }
}

/** The one line every build prints about figures the sources state and figures.csv does not record. */
export function coverageLine(unrecorded: number, data: string): string {
  if (unrecorded === 0) return "Coverage: every figure the article and sources state is in figures.csv.";
  return `Coverage: ${unrecorded} figure${unrecorded === 1 ? "" : "s"} the article and sources state ${unrecorded === 1 ? "is" : "are"} not in figures.csv; npm run figures -- --data ${data} lists ${unrecorded === 1 ? "it" : "them"}.`;
}

/** Dates the build filled from the words where figures.csv left them blank: named on every build, never published unseen. */
export function filledLine(figures: { id: string; filled: string }[], data: string): string {
  const filled = figures.filter((f) => f.filled).map((f) => f.id);
  if (filled.length === 0) return "";
  return `Dates filled from the words, not typed in figures.csv: ${someOf(filled, "figures")}; the notebook marks them and npm run figures -- --data ${data} lists each.`;
}

runIfMain(import.meta.url, main, "build");
