/**
 * A text cut into sentences, each with its place in the text, so a reading can point back at the
 * words. A sentence ends at . ! or ? before a capital, a digit or a quote mark (not after "Mr." or
 * "a.m." or an initial), at a blank line, and at a line that reads as a headline (short, no closing
 * punctuation). Linear in the text.
 */
export interface Sentence {
  start: number;
  end: number;
  text: string;
}

/** Words a full stop follows without ending the sentence. */
const ABBREVIATIONS = new Set(
  "mr mrs ms dr st gen lt col sgt capt prof rev no nos jan feb mar apr jun jul aug sep sept oct nov dec am pm a.m p.m u.s u.k u.n e.g i.e etc vs c ca approx inc ltd co jr sr gov sen rep insp supt dept est fig".split(
    " ",
  ),
);

/** A line shorter than this without closing punctuation is a headline or a crosshead: a sentence of its own. */
const HEADLINE = 80;

export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  const cut = (end: number, next: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) sentences.push({ start: start + lead, end: start + lead + trimmed.length, text: trimmed });
    start = next;
  };
  // "\u2029" is a paragraph break as a source index writes it (see quote.ts).
  // A run of stops is tried from its first only: tried from each, each try reading to the run's
  // end, 48 KB of dots took seconds.
  const boundary = /(?<![.!?])([.!?]+["'”’)\]]*)(\s+)(?=["'“‘(]?[\p{Lu}\p{N}])|\n[ \t]*\n\s*|\u2029\s*|\n/gu;
  for (const m of text.matchAll(boundary)) {
    const at = m.index ?? 0;
    if (m[1] !== undefined) {
      const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(start, at - 12), at))?.[1] ?? "";
      const bare = word.toLowerCase().replace(/\.$/, "");
      // "Mr.", "a.m.", an initial ("K. Suresh") or initials ("T.V. Somanathan") end no sentence.
      if (ABBREVIATIONS.has(bare) || /^\p{Lu}$/u.test(word) || /^(?:\p{Lu}\.)+\p{Lu}$/u.test(word)) continue;
      // A line break inside the white space after the stop ends the sentence there too.
      cut(at + m[1].length, at + m[0].length);
      continue;
    }
    if (m[0].length > 1 || /\n[ \t]*\n|\u2029/.test(m[0])) {
      cut(at, at + m[0].length);
      continue;
    }
    // One line break: a headline line ends a sentence; a wrapped line of a paragraph does not.
    const line = text.slice(text.lastIndexOf("\n", at - 1) + 1, at).trim();
    if (line.length < HEADLINE || /[.!?:"”]$/.test(line)) cut(at, at + 1);
  }
  cut(text.length, text.length);
  return sentences;
}
