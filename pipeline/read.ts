import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Problem } from "./problem.ts";

/** The story folder as text, before anything is interpreted. Only this stage and write touch the disk. */
export interface StoryFiles {
  dir: string;
  /** Every text file the story may cite or configure, keyed by its path relative to the folder. */
  files: Map<string, string>;
  problems: Problem[];
}

export const ARTICLE = "article.txt";
export const FIGURES = "figures.csv";
export const CHARTS = "charts.json";
export const CORRECTIONS = "corrections.csv";
const REQUIRED = [ARTICLE, FIGURES, CHARTS];

export function readStory(dir: string): StoryFiles {
  const problems: Problem[] = [];
  const files = new Map<string, string>();
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    return { dir, files, problems: [{ file: dir, line: 0, message: "the story folder does not exist" }] };
  }
  for (const name of REQUIRED) {
    if (!existsSync(join(dir, name))) problems.push({ file: name, line: 0, message: `missing: the story folder ${dir} needs ${name}` });
  }
  for (const name of storyFileNames(dir)) files.set(name, readFileSync(join(dir, name), "utf8"));
  return { dir, files, problems };
}

/** The files a build reads, sorted: also what decides whether a rebuild has anything to do. */
export function storyFileNames(dir: string): string[] {
  const names: string[] = [];
  const add = (folder: string, prefix: string) => {
    if (!existsSync(folder)) return;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isFile() && /\.(txt|csv|json)$/i.test(entry.name)) names.push(prefix + entry.name);
    }
  };
  add(dir, "");
  add(join(dir, "sources"), "sources/");
  return names.sort();
}
