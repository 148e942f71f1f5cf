import { type StoryNumber, textFiles as storyTextFiles } from "../facts/coverage.ts";
import type { Correction } from "../facts/figure.ts";

export { normalizedPositions } from "../facts/positions.ts";

/**
 * What the notebook knows about one number in the article or a source:
 * - recorded: the number a figure's quote states (its row proves it);
 * - charted: recorded, and drawn or cited by a chart;
 * - superseded: the number a figure's quote stated before a correction replaced it;
 * - unrecorded: a figure the text states that no row records (years, dates, ages, clock times,
 *   ordinals and names are not figures, and are not marked).
 */
export type NumberStatus = "recorded" | "charted" | "superseded" | "unrecorded";

export interface NumberInText {
  /** The story file, relative to the story folder: article.txt, sources/x.txt. */
  file: string;
  /** Where the number stands in the file's text, qualifier included ("Nearly 1,000"). */
  start: number;
  end: number;
  status: NumberStatus;
  /** Recorded and charted: the figures this number is the value of, in fact-sheet order. */
  figures: string[];
  /** The number those figures' proof chose (the one place the fact sheet links back to). */
  proof: boolean;
  /** Superseded: the corrections that replaced it (their corrections.csv lines). */
  corrections: Correction[];
}

/** The texts whose numbers the notebook shows: the article and the sources, in that order. */
export const textFiles = storyTextFiles;

/**
 * The story's one reading (Story.numbers, made by the facts layer) as the notebook marks it: every
 * figure of the article and sources where it stands, with its status. Nothing here reads a
 * sentence: a figure's number is the reading its proof chose, and a number is unrecorded exactly
 * when the build counts it so (manifest.unrecorded).
 */
export function numbersInStory(numbers: StoryNumber[], charted: Set<string>): NumberInText[] {
  const marked: NumberInText[] = [];
  for (const n of numbers) {
    if (n.reading.kind !== "figure" || !n.place) continue;
    const old = n.superseded.length ? n.superseded : undefined;
    // A number a row's quote covers with its value though its proof chose another (the same number
    // twice in one quote) is that row's number all the same: the build does not count it unrecorded.
    const covering = n.proven.length ? n.proven : old ? [] : n.recordedBy;
    const status: NumberStatus = covering.length
      ? covering.some((id) => charted.has(id))
        ? "charted"
        : "recorded"
      : old
        ? "superseded"
        : "unrecorded";
    marked.push({
      file: n.file,
      ...n.place,
      status,
      figures: covering,
      proof: n.proven.length > 0,
      corrections: old ?? [],
    });
  }
  return marked;
}
