import type { StoryNumber } from "./coverage.ts";

/** A problem in the story's data, pinned to the file and line a reporter must fix. */
export interface Problem {
  file: string;
  line: number;
  message: string;
}

/** Thrown only at the end of a stage that collected problems: the build stops and lists them all. */
export class DataError extends Error {
  constructor(
    readonly problems: Problem[],
    /** The story as read when its last stage stopped, for a page that shows the text as it is now. */
    readonly reading?: { files: Map<string, string>; numbers: StoryNumber[] },
  ) {
    super(problems.map(formatProblem).join("\n"));
    this.name = "DataError";
  }
}

export function formatProblem({ file, line, message }: Problem): string {
  return `${file}:${line}: ${message}`;
}

/** Stops the build when a stage found problems; sorted so the report reads file by file, top to bottom. */
export function throwIfAny(problems: Problem[], reading?: DataError["reading"]): void {
  if (problems.length === 0) return;
  const seen = new Set<string>();
  const unique = problems.filter((p) => !seen.has(formatProblem(p)) && Boolean(seen.add(formatProblem(p))));
  const sorted = unique.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
  throw new DataError(sorted, reading);
}
