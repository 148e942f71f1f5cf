import { normalizeForMatch } from "./quote.ts";

export interface Positions {
  /** For each character of the normalized text, where it starts and ends in the original. */
  starts: number[];
  ends: number[];
}

/** One map per text: every number of a file is placed through the same map. */
const positions = new Map<string, Positions | null>();

/**
 * normalizeForMatch with a map back to the original text, so a number read in the normalized
 * text is placed where it stands in the file as received. Undefined if the two normalizations ever
 * disagree (then nothing is placed rather than the wrong characters).
 */
export function normalizedPositions(text: string): Positions | undefined {
  if (!positions.has(text)) {
    if (positions.size >= 64) positions.clear();
    positions.set(text, mapNormalized(text) ?? null);
  }
  return positions.get(text) ?? undefined;
}

/** Where the characters [start, end) of a text's normalized form stand in the text as received (by its map). */
export function placeInOriginal(
  map: Positions | undefined,
  start: number,
  end: number,
): { start: number; end: number } | undefined {
  if (!map || end > map.starts.length || start >= end) return undefined;
  return { start: map.starts[start], end: map.ends[end - 1] };
}

const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/;
const SPACE = /[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]/;
const SINGLE = /[\u2018\u2019\u201A\u201B\u2032\u00B4`]/;
const DOUBLE = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/;

function mapNormalized(text: string): Positions | undefined {
  // Pieces joined once at the end: asking a string built by += what it ends with flattens it, every
  // character, which made this quadratic in the text.
  const pieces: string[] = [];
  let lastIsSpace = false;
  const starts: number[] = [];
  const ends: number[] = [];
  // NFC composes a letter with the marks after it (and Hangul jamo): each such cluster normalizes on its own.
  for (const cluster of text.matchAll(/[\s\S][\p{M}\u1160-\u11FF\uD7B0-\uD7FF]*/gu)) {
    const composed = cluster[0].normalize("NFC");
    // Unchanged, each character maps to itself; composed, each maps to the whole cluster.
    const same = composed === cluster[0];
    let offset = cluster.index!;
    for (const ch of composed) {
      const begin = same ? offset : cluster.index!;
      const end = same ? offset + ch.length : cluster.index! + cluster[0].length;
      offset += ch.length;
      if (INVISIBLE.test(ch)) continue;
      if (SPACE.test(ch)) {
        if (lastIsSpace) ends[ends.length - 1] = end;
        else {
          pieces.push(" ");
          lastIsSpace = true;
          starts.push(begin);
          ends.push(end);
        }
        continue;
      }
      pieces.push(SINGLE.test(ch) ? "'" : DOUBLE.test(ch) ? '"' : ch);
      lastIsSpace = false;
      for (let i = 0; i < ch.length; i++) {
        starts.push(begin);
        ends.push(end);
      }
    }
  }
  const out = pieces.join("");
  // trim()
  let from = 0;
  let to = out.length;
  if (out.startsWith(" ")) from = 1;
  if (to > from && out.endsWith(" ")) to -= 1;
  const normalized = out.slice(from, to);
  if (normalized !== normalizeForMatch(text)) return undefined;
  return { starts: starts.slice(from, to), ends: ends.slice(from, to) };
}
