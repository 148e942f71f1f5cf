/**
 * A build that has nothing to do costs what it checks: the story's files hashed, the code hashed,
 * the output's files known by size and time. It reads no sentence and loads no drawing code. And
 * what a build read is kept for the next, which re-reads only the sentences that changed; none of
 * it ever changes a byte of the output.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../pipeline/build.ts";
import { type DataError, formatProblem } from "../pipeline/facts/problem.ts";
import { sentenceReadings } from "../pipeline/facts/sentence-readings.ts";
import { CACHE_FILE, STATE_FILE } from "../pipeline/publish/build-cache.ts";
import { staticNotebook } from "../pipeline/publish/notebook-page.ts";
import { notebookPieces } from "../pipeline/publish/notebook-pieces.ts";
import { loadStory } from "../pipeline/story.ts";
import { upToDate } from "../pipeline/up-to-date.ts";
import { differences, snapshot, stamps } from "./helpers/files.ts";
import { builtStory, type StoryCopy } from "./helpers/built.ts";
import { copyStory, edit, ROOT } from "./helpers/story.ts";

const TSX = join(ROOT, "node_modules/tsx/dist/cli.mjs");

/** The Islamabad story as the real command built it (tests/helpers/built.ts). */
let built: StoryCopy;
beforeAll(async () => {
  built = await builtStory();
});

/** A build in this process with nothing kept in it: what a build reads is what the output's cache holds. */
async function buildAfresh(story: StoryCopy) {
  sentenceReadings.forget();
  notebookPieces.forget();
  return build({ data: story.data, out: story.out });
}

describe("npm run build, with nothing to do", () => {
  it("says so, as a build would, without reading a sentence or loading the chart kinds or the drawing code", () => {
    const before = stamps(built.out);
    const cache = [STATE_FILE, CACHE_FILE].map((name) => statSync(join(built.out, name)).mtimeMs);
    // The real command, with a module hook that lists every module it loads.
    const list = join(built.dir, "loaded.txt");
    writeFileSync(
      join(built.dir, "hooks.mjs"),
      `import { appendFileSync } from "node:fs";
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(${JSON.stringify(list)}, resolved.url + "\\n");
  return resolved;
}`,
    );
    writeFileSync(
      join(built.dir, "register.mjs"),
      `import { register } from "node:module";\nregister(${JSON.stringify(`file://${join(built.dir, "hooks.mjs")}`)});`,
    );
    const run = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx/esm",
        "--import",
        join(built.dir, "register.mjs"),
        join(ROOT, "pipeline/cli.ts"),
        "--data",
        built.data,
        "--out",
        built.out,
      ],
      { cwd: ROOT, encoding: "utf8", env: { ...process.env, NODE_NO_WARNINGS: "1" } },
    );
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /^Nothing changed: .* is up to date \(4 charts, 7 figures; \d+ ms\)\.\nCoverage: every figure the article and sources state is in figures\.csv\.\n$/,
    );
    const modules = readFileSync(list, "utf8");
    expect(modules).toContain("pipeline/up-to-date.ts"); // the hook saw the command's modules…
    for (const heavy of [
      "pipeline/build.ts",
      "facts/reader.ts",
      "charts/index.ts",
      "/jsdom/",
      "/@observablehq/plot/",
      "/@resvg/",
    ])
      expect(modules, heavy).not.toContain(heavy); // …and none of these
    // Nothing written either: not an output file, not the build's own record.
    expect(stamps(built.out)).toEqual(before);
    expect([STATE_FILE, CACHE_FILE].map((name) => statSync(join(built.out, name)).mtimeMs)).toEqual(cache);
  });

  it("is not fooled: an edited story, a touched, edited, added or removed output file, other code or another base URL mean work", async () => {
    const story = await builtStory();
    const same = { data: story.data, out: story.out };
    expect(await upToDate(same)).toMatchObject({ charts: 4, figures: 7, corrections: 0, warnings: [] });
    expect(await upToDate({ ...same, code: "other code" })).toBeUndefined();
    expect(await upToDate({ ...same, baseUrl: "https://cdn.example.org/x/" })).toBeUndefined();
    expect(await upToDate({ ...same, today: "2024-11-26" })).toBeUndefined(); // a day before the build: corrections may be in its future

    const article = readFileSync(join(story.data, "article.txt"), "utf8");
    edit(story.data, "article.txt", "954 individuals", "955 individuals");
    expect(await upToDate(same)).toBeUndefined();
    writeFileSync(join(story.data, "article.txt"), article);
    expect(await upToDate(same)).toBeDefined();

    const svg = join(story.out, "arrests-by-day.svg");
    const bytes = readFileSync(svg);
    writeFileSync(svg, bytes.toString("utf8").replace("954", "955")); // same size, newer than the manifest
    expect(await upToDate(same)).toBeUndefined();
    writeFileSync(svg, bytes);
    expect(await upToDate(same)).toBeUndefined(); // as it was, but written after the manifest: read, not trusted
    // The build reads it, finds it right, and says so: the next one trusts it again.
    expect((await build(same)).written).toBe(false);
    expect(await upToDate(same)).toBeDefined();

    utimesSync(svg, new Date(), new Date(Date.now() + 60_000));
    expect(await upToDate(same)).toBeUndefined();
    expect((await build(same)).written).toBe(false);

    writeFileSync(join(story.out, "stray.svg"), "<svg/>");
    expect(await upToDate(same)).toBeUndefined();
    rmSync(join(story.out, "stray.svg"));
    rmSync(join(story.out, "arrests-by-day.csv"));
    expect(await upToDate(same)).toBeUndefined();
    expect((await build(same)).changes.added).toEqual(["arrests-by-day.csv"]);
    expect(await upToDate(same)).toBeDefined();
  });
});

describe("what a build read, kept for the next", () => {
  it("lets a correction, in a new process, re-read only the sentence that changed and redraw only its chart", async () => {
    const story = await builtStory();
    edit(story.data, "article.txt", "954 individuals", "955 individuals");
    edit(story.data, "figures.csv", /954/g, "955");
    const probe = join(story.dir, "probe.mts");
    writeFileSync(
      probe,
      `import { build } from ${JSON.stringify(join(ROOT, "pipeline/build.ts"))};
import { sentenceReadings } from ${JSON.stringify(join(ROOT, "pipeline/facts/sentence-readings.ts"))};
const result = await build({ data: ${JSON.stringify(story.data)}, out: ${JSON.stringify(story.out)} });
console.log(JSON.stringify({ read: sentenceReadings.misses, drawn: result.drawn }));`,
    );
    const run = spawnSync(process.execPath, [TSX, probe], { cwd: ROOT, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual({ read: 1, drawn: ["arrests-by-day"] });
    // The same files as a build of the corrected story with nothing kept.
    const cold = copyStory();
    cpSync(story.data, cold.data, { recursive: true });
    await buildAfresh(cold);
    expect(differences(snapshot(cold.out), snapshot(story.out))).toEqual([]);
  });

  it("gives what a build with nothing kept gives after an edit to a toll's paragraph, where unchanged sentences read anew", async () => {
    // "The toll has climbed every day since the fire swept into Pukalani on the afternoon of Aug. 12.
    // Officials confirmed 14 deaths on Wednesday and 27 on Thursday. By Friday the count had reached
    // 38, …": the first sentence dates the others' tolls, whose words do not change.
    const story = await builtStory("kula-fire");
    const outcome = (built: Promise<unknown>) =>
      built.then(
        () => "built",
        (error: unknown) => (error as DataError).problems.map(formatProblem).join("\n"),
      );
    for (const [from, to, good] of [
      [" since the fire swept into Pukalani on the afternoon of Aug. 12", "", true], // the tolls' start unsaid
      ["the afternoon of Aug. 12", "the afternoon of Aug. 11", false], // rows dated from the 12th now fail their proof
    ] as const) {
      const original = readFileSync(join(story.data, "article.txt"), "utf8");
      edit(story.data, "article.txt", from, to);
      // Warm: the readings the last build kept in the output; cold: nothing kept anywhere.
      const warm = await outcome(buildAfresh(story));
      expect(sentenceReadings.misses).toBeLessThan(10);
      const cold = copyStory("kula-fire");
      cpSync(story.data, cold.data, { recursive: true });
      const fresh = await outcome(buildAfresh(cold));
      expect(sentenceReadings.misses).toBeGreaterThan(20);
      expect(warm).toBe(fresh);
      expect(warm === "built").toBe(good);
      if (good) expect(differences(snapshot(cold.out), snapshot(story.out))).toEqual([]);
      writeFileSync(join(story.data, "article.txt"), original);
    }
  });

  it("lets a correction re-render only the notebook's pieces that show the figure: its sentence, its row, its chart", () => {
    const story = copyStory();
    const page = () =>
      staticNotebook(
        loadStory(story.data),
        () => ({}),
        () => "",
      );
    const first = page();
    const all = notebookPieces.rendered;
    expect(all).toBeGreaterThan(10);
    expect(page()).toBe(first);
    expect(notebookPieces.rendered).toBe(0);
    edit(story.data, "article.txt", "954 individuals", "955 individuals");
    edit(story.data, "figures.csv", /954/g, "955");
    const corrected = page();
    expect(notebookPieces.rendered).toBe(3); // the article's text, the arrests row, the arrests-by-day chart
    notebookPieces.forget(); // nothing kept: every piece rendered afresh gives the same page
    expect(page()).toBe(corrected);
    expect(notebookPieces.rendered).toBe(all);
  });

  it("keeps the notebook's pieces by the story's language too: a desk that switches to French gets no English piece", () => {
    const story = copyStory();
    const page = () =>
      staticNotebook(
        loadStory(story.data),
        () => ({}),
        () => "",
      );
    page();
    edit(story.data, "charts.json", /^\{/, '{\n  "locale": "fr-FR",'); // the same rows, in another language
    const french = page();
    expect(french).toContain('<html lang="fr-FR">');
    notebookPieces.forget();
    expect(page()).toBe(french);
  });

  it("never changes a byte of the output: no cache, a garbled one or another story's give the same files", async () => {
    const garbled = copyStory();
    const other = copyStory();
    const riots = await builtStory("riots");
    for (const [story, from] of [
      [garbled, undefined],
      [other, riots.out],
    ] as const) {
      mkdirSync(story.out);
      for (const name of [STATE_FILE, CACHE_FILE]) {
        if (from) cpSync(join(from, name), join(story.out, name));
        else writeFileSync(join(story.out, name), "garbled\u0000{");
      }
      await buildAfresh(story);
      expect(differences(snapshot(built.out), snapshot(story.out))).toEqual([]);
    }
  });
});
