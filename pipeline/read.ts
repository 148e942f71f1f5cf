import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Problem } from "./facts/problem.ts";
import { ARTICLE, CHARTS, FIGURES } from "./facts/story-files.ts";

/** The story folder as text, before anything is interpreted: the only stage that reads the story from disk. */
export interface StoryFiles {
  dir: string;
  /** Every text file the story may cite or configure, keyed by its path relative to the folder. */
  files: Map<string, string>;
  problems: Problem[];
}

const REQUIRED: Record<string, string> = {
  [ARTICLE]: 'the article text, starting with its dateline "date YYYY-MM-DD"',
  [FIGURES]: "the fact sheet, one figure a row",
  [CHARTS]: 'the chart list, { "charts": [ … ] }',
};

export function readStory(dir: string): StoryFiles {
  const problems: Problem[] = [];
  const files = new Map<string, string>();
  if (!isDirectory(dir)) {
    return {
      dir,
      files,
      problems: [
        {
          file: dir,
          line: 0,
          message: "the story folder does not exist; pass the folder that holds figures.csv with --data",
        },
      ],
    };
  }
  for (const name of storyFileNames(dir)) {
    const path = join(dir, name);
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (error) {
      problems.push({
        file: name,
        line: 0,
        message: `the file cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"}); check its permissions`,
      });
      continue;
    }
    const decoded = decode(bytes);
    if (decoded.problem) problems.push({ file: name, ...decoded.problem });
    files.set(name, decoded.text);
  }
  for (const [name, what] of Object.entries(REQUIRED)) {
    if (files.has(name) || problems.some((p) => p.file === name)) continue;
    const near = storyFileNames(dir).find((n) => n.toLowerCase() === name);
    problems.push({
      file: name,
      line: 0,
      message: near
        ? `missing: the file is named ${near}; rename it ${name} (names are case-sensitive)`
        : `missing: the story folder ${dir} needs ${name}, ${what}`,
    });
  }
  return { dir, files, problems };
}

/**
 * Story files are UTF-8 (a byte-order mark is fine). Spreadsheets also save UTF-16 ("Unicode
 * text") and Windows-1252 ("CSV", on Windows): reading those as UTF-8 would garble every quote, so
 * they are reported at the first line that shows it, with the way to save them right.
 */
function decode(bytes: Buffer): { text: string; problem?: { line: number; message: string } } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      text: "",
      problem: {
        line: 1,
        message: 'the file is saved as UTF-16 ("Unicode text"); save it as UTF-8 (in Excel: CSV UTF-8)',
      },
    };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    const text = bytes.toString("utf8");
    const bad = text.indexOf("\uFFFD");
    const line = text.slice(0, Math.max(0, bad)).split(/\r\n|\r|\n/).length;
    return {
      text,
      problem: {
        line,
        message:
          'the file is not UTF-8 text (saved as Windows-1252 or Latin-1?), so characters like ’ or é are garbled; save it as UTF-8 (in Excel: "CSV UTF-8")',
      },
    };
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The files a build reads, sorted: also what decides whether a rebuild has anything to do. */
export function storyFileNames(dir: string): string[] {
  const names: string[] = [];
  const add = (folder: string, prefix: string) => {
    if (!existsSync(folder)) return;
    let entries: string[];
    try {
      entries = readdirSync(folder);
    } catch {
      return;
    }
    // Followed through symbolic links: a story may link a shared source file.
    for (const name of entries)
      if (/\.(txt|csv|json)$/i.test(name) && isFile(join(folder, name))) names.push(prefix + name);
  };
  add(dir, "");
  add(join(dir, "sources"), "sources/");
  return names.sort();
}
