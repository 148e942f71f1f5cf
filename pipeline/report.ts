import { formatProblem, type Problem } from "./facts/problem.ts";
import type { Changes } from "./publish/swap.ts";

/** What the commands print about a build: its problems and changes, as a reporter reads them in a terminal. */

/** Problems as a reporter reads them: paths as typed on the command line, one line each. */
export function describeProblems(problems: Problem[], data: string): string {
  return problems
    .map((p) =>
      formatProblem({ ...p, file: p.line === 0 && p.file === data ? p.file : `${data.replace(/\/+$/, "")}/${p.file}` }),
    )
    .join("\n");
}

export function describeChanges({ added, changed, removed }: Changes): string[] {
  const lines: string[] = [];
  if (added.length) lines.push(`  added:   ${someOf(added, "files")}`);
  if (changed.length) lines.push(`  changed: ${someOf(changed, "files")}`);
  if (removed.length) lines.push(`  removed: ${someOf(removed, "files")}`);
  return lines;
}

/**
 * A list a reporter can read in a terminal: every name up to a hundred, else the first hundred
 * and how many more ("… and 9,904 more files: every one is in manifest.json").
 */
export function someOf(names: string[], what: string, max = 100): string {
  if (names.length <= max) return names.join(", ");
  return `${names.slice(0, max).join(", ")} … and ${(names.length - max).toLocaleString("en-GB")} more ${what} (manifest.json lists them all)`;
}
