import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";
import type { Problem } from "./facts/problem.ts";
import { ARTICLE, CHARTS, FIGURES } from "./facts/story-files.ts";
import { LAYER_FILE, LAYER_MAX_BYTES } from "./words/geo-layers.ts";

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
  const { names, outside } = listStoryFiles(dir);
  for (const name of outside) {
    problems.push({
      file: name,
      line: 0,
      message: `${name.endsWith("/") ? "the folder" : "the file"} is a link to somewhere outside the story folder; the build reads nothing outside it, so copy ${name.endsWith("/") ? "its files" : "the file"} into the story folder instead of linking`,
    });
  }
  for (const { name, path } of names) {
    let bytes: Buffer;
    // A map layer is the one story file that can be large: its size is checked before it is read.
    if (LAYER_FILE.test(name) && statSync(path).size > LAYER_MAX_BYTES) {
      problems.push({
        file: name,
        line: 0,
        message: `the layer is ${(statSync(path).size / 1024 / 1024).toFixed(1)} MB; a map layer may be ${LAYER_MAX_BYTES / 1024 / 1024} MB at most: simplify it (mapshaper's -simplify, QGIS's Simplify) or clip it to the area the map shows`,
      });
      continue;
    }
    try {
      // The path the link check resolved, not the name: what is read is what was proven to be inside.
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
    const near = names.find((n) => n.name.toLowerCase() === name)?.name;
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

/** A story file: its name relative to the story folder, and the real path it resolves to, inside the folder. */
interface StoryFile {
  name: string;
  path: string;
}

/**
 * The story's text files, each resolved through any links to a real path inside the story folder.
 * A story folder travels through git with its links: one pointing outside (to /etc/passwd, to a
 * credentials file), or a sources/ that is itself such a link, would otherwise be read and quoted
 * back in error messages. Those are listed in `outside`, never read.
 */
function listStoryFiles(dir: string): { names: StoryFile[]; outside: string[] } {
  const names: StoryFile[] = [];
  const outside: string[] = [];
  let root: string;
  try {
    root = realpathSync(dir);
  } catch {
    return { names, outside };
  }
  const inside = (real: string) => {
    const rel = relative(root, real);
    return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel);
  };
  const add = (folder: string, prefix: string) => {
    let entries: string[];
    try {
      entries = readdirSync(folder);
    } catch {
      return;
    }
    for (const name of entries) {
      if (!/\.(txt|csv|json|geojson)$/i.test(name)) continue;
      let real: string;
      try {
        real = realpathSync(join(folder, name));
      } catch {
        continue; // a dangling link is no file: a row naming it is told the source does not exist
      }
      if (!inside(real)) outside.push(prefix + name);
      else if (isFile(real)) names.push({ name: prefix + name, path: real });
    }
  };
  add(root, "");
  const sources = join(root, "sources");
  if (isLink(sources) || isDirectory(sources)) {
    let real: string | undefined;
    try {
      real = realpathSync(sources);
    } catch {
      real = undefined;
    }
    if (real !== undefined && !inside(real)) outside.push("sources/");
    else if (real !== undefined) add(real, "sources/");
  }
  names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { names, outside: outside.sort() };
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** The files a build reads, sorted, by their names relative to the story folder (links outside it left out). */
export function storyFileNames(dir: string): string[] {
  return listStoryFiles(dir).names.map((f) => f.name);
}
