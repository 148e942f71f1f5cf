import { type ReadContext, type Reading, readSentence } from "./reader.ts";

/**
 * The readings of single sentences, by the sentence's text and everything it is read against (its
 * dateline, the story's fiscal year, whether its paragraph spoke of a toll before it: the whole
 * ReadContext): a sentence so read reads the same wherever it stands, so a story saved with one
 * figure corrected re-reads only the sentences that changed. What a paragraph or the whole text
 * adds to its sentences' readings (reading-periods.ts: a toll's paragraph, tolls elsewhere in the
 * text) is never kept: readText works it out afresh, on copies, every time. Kept readings are
 * frozen, so a change to one where it is used fails loudly instead of changing a later build's. Builds hand it what earlier builds read
 * (`load`) and keep what this one used (`used`): the entries of sentences no longer in the story
 * are dropped, so it never grows beyond two builds' sentences.
 */
export class SentenceReadings {
  private earlier = new Map<string, Reading[]>();
  private current = new Map<string, Reading[]>();
  /** Sentences read afresh since the last `turn`. */
  misses = 0;

  /** readSentence, remembered: the readings are offsets into the sentence, so they move with it. */
  readonly read = (sentence: string, context: ReadContext): Reading[] => {
    const key = `${JSON.stringify(context)}\u0000${sentence}`;
    let readings = this.current.get(key);
    if (readings) return readings;
    readings = this.earlier.get(key);
    if (!readings) {
      readings = deepFreeze(readSentence(sentence, context));
      this.misses += 1;
    }
    this.current.set(key, readings);
    return readings;
  };

  /** A new build begins: what the last one read stays at hand, what it did not use is dropped. */
  turn(): void {
    if (this.current.size > 0) this.earlier = this.current;
    this.current = new Map();
    this.misses = 0;
  }

  /** Nothing kept: the next build reads every sentence (or takes what its output's cache holds). */
  forget(): void {
    this.earlier = new Map();
    this.current = new Map();
    this.misses = 0;
  }

  /** Readings an earlier build saved (by the same code), to be used where the sentences are the same. */
  load(entries: Iterable<[string, Reading[]]>): void {
    for (const [key, readings] of entries) if (!this.earlier.has(key)) this.earlier.set(key, deepFreeze(readings));
  }

  /** What this build read or reused, sentence by sentence: what a later build may reuse. */
  used(): Map<string, Reading[]> {
    return this.current;
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** The process's sentence readings: a watch or notebook rebuild, or a build given a saved cache, reuses them. */
export const sentenceReadings = new SentenceReadings();
