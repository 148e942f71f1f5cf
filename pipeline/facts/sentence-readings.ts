import { type Carried, carry, type ReadContext, type Reading, readSentenceCarrying } from "./reader.ts";

/** A sentence's readings, and what the text carries past it (its speakers, label and toll added). */
export interface KeptReading {
  readings: Reading[];
  after: Carried;
}

/**
 * The readings of single sentences, by the sentence's text and everything it is read against (its
 * dateline, the story's fiscal year, the source's own name, whether its paragraph spoke of a toll
 * before it: the whole ReadContext; and what the sentences before it carry: the speakers named so
 * far, a transcript's label, the paragraph's toll): a sentence so read reads the same wherever it
 * stands, and carries the same on, so a story saved with one figure corrected re-reads only the
 * sentences that changed (and those after a changed speaker, whose company changed). What a
 * paragraph or the whole text adds to its sentences' readings (reading-periods.ts: a toll's
 * paragraph, tolls elsewhere in the text) is never kept: readText works it out afresh, on copies,
 * every time. Kept readings are frozen, so a change to one where it is used fails loudly instead of
 * changing a later build's. Builds hand it what earlier builds read (`load`) and keep what this one
 * used (`used`): the entries of sentences no longer in the story are dropped, so it never grows
 * beyond two builds' sentences.
 */
export class SentenceReadings {
  private earlier = new Map<string, KeptReading>();
  private current = new Map<string, KeptReading>();
  /** Sentences read afresh since the last `turn`. */
  misses = 0;

  /**
   * readSentenceCarrying, remembered: the readings are offsets into the sentence, so they move with
   * it; `carried` is updated as a reading would update it.
   */
  readonly read = (sentence: string, context: ReadContext, carried: Carried = carry(context)): Reading[] => {
    const key = `${JSON.stringify(context)}\u0000${JSON.stringify(carried)}\u0000${sentence}`;
    let kept = this.current.get(key) ?? this.earlier.get(key);
    if (!kept) {
      const after = copyCarried(carried);
      kept = deepFreeze({ readings: readSentenceCarrying(sentence, context, after), after });
      this.misses += 1;
    }
    this.current.set(key, kept);
    Object.assign(carried, copyCarried(kept.after));
    return kept.readings;
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
  load(entries: Iterable<[string, KeptReading]>): void {
    for (const [key, kept] of entries)
      if (!this.earlier.has(key) && isKept(kept)) this.earlier.set(key, deepFreeze(kept));
  }

  /** What this build read or reused, sentence by sentence: what a later build may reuse. */
  used(): Map<string, KeptReading> {
    return this.current;
  }
}

/** A copy the next sentence may change (its lists are pushed to). */
const copyCarried = (c: Carried): Carried => ({ ...c, speakers: [...c.speakers], named: [...c.named] });

/** An entry of a cache written by this code's shape (a cache never decides a byte: anything else is dropped). */
function isKept(kept: unknown): kept is KeptReading {
  const k = kept as KeptReading | undefined;
  return (
    !!k &&
    Array.isArray(k.readings) &&
    !!k.after &&
    Array.isArray(k.after.speakers) &&
    Array.isArray(k.after.named) &&
    typeof k.after.label === "string" &&
    typeof k.after.toll === "string"
  );
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
