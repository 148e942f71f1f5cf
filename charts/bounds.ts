import type { Figure } from "../pipeline/facts/figure.ts";

/**
 * Which way the true figure may lie from the stated number, from the bounds its qualifier implies:
 * a minimum ("more than", "at least") may be higher, a maximum ("nearly", "up to") lower. Each
 * kind draws its own mark for each and explains it in a note, so "nearly 5,000" never looks like
 * 5,000 flat. "About" has neither bound: its word in the label is its mark.
 */
export type Bound = "minimum" | "maximum" | "none";

export function boundOf(f: Pick<Figure, "low" | "high">): Bound {
  if (f.low !== null && f.high === null) return "minimum";
  if (f.high !== null && f.low === null) return "maximum";
  return "none";
}

/** The notes explaining the marks a chart uses: `notes` says, in the story's language, what each mark looks like on this kind. */
export function boundNotes(bounds: Bound[], notes: Record<Exclude<Bound, "none">, string>): string[] {
  const out: string[] = [];
  if (bounds.includes("minimum")) out.push(notes.minimum);
  if (bounds.includes("maximum")) out.push(notes.maximum);
  return out;
}
