/**
 * Quote matching that forgives only what copy-paste changes: runs of white space (line breaks,
 * non-breaking spaces), invisible characters (zero-width spaces, soft hyphens, byte-order marks),
 * Unicode composition (é as one character or two) and typographic quotes and apostrophes.
 * Everything else must be verbatim.
 */
export function normalizeForMatch(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, "")
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u00B4`]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g, " ")
    .trim();
}

/**
 * Where a quote was found: `at` and `end` are its place in the source's normalized text
 * (SourceIndex.text), where the reader reads it; `context` is the source from a little before the
 * quote to its end, so a qualifier standing just before the quoted words still shows, and `start`
 * is where the quote itself begins in it.
 */
export type QuoteMatch =
  { found: true; context: string; start: number; at: number; end: number } | { found: false; hint: string };

/**
 * A source read once for every row that quotes it: normalized as quotes are, with an index of its
 * words, so finding a quote costs the quote's length times the rarest word's occurrences, not the
 * source's length (400 rows against a 1 MB source would otherwise read 400 MB).
 */
export interface SourceIndex {
  /**
   * The source normalized for matching, with line structure kept for the sentence reader: a white
   * space run holding one line break is "\n", more than one "\u2029", any other run one space.
   */
  text: string;
  /** The same with every break a space: what quotes are matched against. */
  flat: string;
  /** For each character of `text`, its offset in the NFC form of the source (for line numbers). */
  origin: number[];
  /** The source in NFC, which `origin` points into. */
  nfc: string;
  words: Map<string, number[]>;
  sentences?: string[];
  /** Offsets of the line breaks of `nfc`, found the first time a line number is asked for. */
  breaks?: number[];
  /** Quotes not found here that were told where they part from the source (each such look reads the whole source). */
  hinted?: number;
}

/**
 * How many quotes not found in one source are told exactly where they differ from it: each such
 * hint reads the whole source, so a thousand wrong quotes against a long source would read it a
 * thousand times. The rest are told, from the word index alone, which word the source lacks.
 */
const DETAILED_HINTS = 25;

const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/;
const SINGLE_QUOTE = /[\u2018\u2019\u201A\u201B\u2032\u00B4`]/;
const DOUBLE_QUOTE = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/;
const SPACE = /[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]/;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Normalizes a source in one pass, as normalizeForMatch would, remembering where each character came from. */
export function indexSource(source: string): SourceIndex {
  const nfc = source.normalize("NFC");
  const out: string[] = [];
  const origin: number[] = [];
  let run = -1;
  let breaks = 0;
  const flush = () => {
    if (run < 0) return;
    if (out.length > 0) {
      out.push(breaks > 1 ? "\u2029" : breaks === 1 ? "\n" : " ");
      origin.push(run);
    }
    run = -1;
    breaks = 0;
  };
  for (let i = 0; i < nfc.length; i++) {
    const ch = nfc[i];
    if (INVISIBLE.test(ch)) continue;
    if (SPACE.test(ch)) {
      if (run < 0) run = i;
      if (ch === "\n" || ch === "\u2028" || ch === "\u2029") breaks += 1;
      else if (ch === "\r" && nfc[i + 1] !== "\n") breaks += 1;
      continue;
    }
    flush();
    out.push(SINGLE_QUOTE.test(ch) ? "'" : DOUBLE_QUOTE.test(ch) ? '"' : ch);
    origin.push(i);
  }
  const text = out.join("");
  const flat = text.replace(/[\n\u2029]/g, " ");
  const words = new Map<string, number[]>();
  for (const m of flat.matchAll(/[\p{L}\p{N}]+/gu)) {
    const list = words.get(m[0]);
    if (list) list.push(m.index ?? 0);
    else words.set(m[0], [m.index ?? 0]);
  }
  return { text, flat, origin, nfc, words };
}

/** The 1-based line of the source a place in the index's text comes from. */
export function lineAt(index: SourceIndex, at: number): number {
  const offset = index.origin[Math.min(at, index.origin.length - 1)] ?? 0;
  if (!index.breaks) {
    index.breaks = [];
    for (let i = index.nfc.indexOf("\n"); i >= 0; i = index.nfc.indexOf("\n", i + 1)) index.breaks.push(i);
  }
  // The number of line breaks before the offset, by binary search.
  let low = 0;
  let high = index.breaks.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (index.breaks[mid] < offset) low = mid + 1;
    else high = mid;
  }
  return low + 1;
}

/** How much source before the quote can hold its number's qualifier ("in excess of", "no fewer than"). */
const LEAD = 40;

/** Quote marks a reporter pasted around the quote: "“Nearly 1,000 …”" is the quote inside them. */
const ENCLOSING = /^(["'])(.*)\1$/s;

/** Whether the source contains the quote; when not, where the two part ways, so the fix is quick. */
export function matchQuote(quote: string, source: string | SourceIndex): QuoteMatch {
  const index = typeof source === "string" ? indexSource(source) : source;
  let q = normalizeForMatch(quote);
  const s = index.flat;
  if (q === "") return { found: false, hint: "the quote is empty" };
  const inner = ENCLOSING.exec(q)?.[2].trim();
  const forms = inner ? [q, inner] : [q];
  for (const candidate of forms) {
    const whole = wholeMatch(candidate, index);
    if (whole) return whole;
  }
  index.hinted = (index.hinted ?? 0) + 1;
  if (index.hinted > DETAILED_HINTS) return { found: false, hint: wordHint(inner ?? q, index) };
  for (const candidate of forms) {
    if (s.includes(candidate)) {
      const at = s.indexOf(candidate);
      const around = s.slice(Math.max(0, at - 12), at + candidate.length + 12);
      return {
        found: false,
        hint: `it starts or ends inside a word or number of the source ("…${around}…"); quote whole words and whole numbers, with the words that qualify them`,
      };
    }
  }
  if (inner) q = inner;
  if (s.toLowerCase().includes(q.toLowerCase())) {
    return { found: false, hint: "it differs from the source only in capital letters; copy it exactly" };
  }
  // The longest opening of the quote the source contains: the words after it are where they differ.
  let low = 0;
  let high = q.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (s.includes(q.slice(0, mid))) low = mid;
    else high = mid - 1;
  }
  if (low < 12) {
    const near = closestSentence(q, index);
    if (near)
      return { found: false, hint: `the closest sentence in the source is "${near}"; copy the words exactly from it` };
    return {
      found: false,
      hint: "no part of it appears in the source; check the source column names the right file, and copy the sentence from it",
    };
  }
  const at = s.indexOf(q.slice(0, low));
  const agreed = q.slice(Math.max(0, low - 30), low);
  const quoteSays = q.slice(low, low + 30);
  const sourceSays = s.slice(at + low, at + low + 30);
  return {
    found: false,
    hint: sourceSays
      ? `it matches up to "…${agreed}", then the quote says "${quoteSays}…" where the source says "${sourceSays}…"; copy it exactly`
      : `it matches up to "…${agreed}", where the source ends, then the quote goes on "${quoteSays}…"; copy it exactly`,
  };
}

/** A hint from the word index only, in time proportional to the quote: the first word of it the source lacks. */
function wordHint(q: string, index: SourceIndex): string {
  if (!/[\p{L}\p{N}]/u.test(q)) return "the quote holds no word or number; quote the words that state the figure";
  for (const t of q.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (!index.words.has(t[0]))
      return `the source has no word "${t[0]}" (as written, capitals included); copy the quote exactly from the source`;
  }
  return "every word of it is in the source, but not together as quoted; copy the quote exactly from the source";
}

/**
 * The first place the source holds the quote on word and number boundaries: "54 individuals" is
 * not a quote of "954 individuals", nor "000 people" of "10,000 people".
 */
function wholeMatch(q: string, index: SourceIndex): QuoteMatch | undefined {
  const s = index.flat;
  const inWord = WORD_CHAR;
  for (const at of candidates(q, index)) {
    if (!s.startsWith(q, at)) continue;
    const end = at + q.length;
    const before = s.slice(Math.max(0, at - 2), at);
    const after = s.slice(end, end + 2);
    const cutBefore =
      inWord.test(q[0]) && (inWord.test(before.slice(-1)) || (/^\d$/.test(q[0]) && /\d[.,]$/.test(before)));
    const cutAfter =
      inWord.test(q[q.length - 1]) && (inWord.test(after.charAt(0)) || (/\d$/.test(q) && /^[.,]\d/.test(after)));
    if (cutBefore || cutAfter) continue;
    const from = Math.max(0, at - LEAD);
    return { found: true, context: s.slice(from, end), start: at - from, at, end };
  }
  return undefined;
}

/**
 * Where the quote may start, in order: at each occurrence of its rarest word, moved back by that
 * word's place in the quote. A quote with no word (all punctuation) is looked for everywhere.
 */
function candidates(q: string, index: SourceIndex): number[] {
  // A match starts and ends on word boundaries, so every word of the quote is a whole word of the source.
  let best: { positions: number[]; offset: number } | undefined;
  for (const t of q.matchAll(/[\p{L}\p{N}]+/gu)) {
    const positions = index.words.get(t[0]) ?? [];
    if (!best || positions.length < best.positions.length) best = { positions, offset: t.index ?? 0 };
    if (positions.length === 0) break;
  }
  if (best) return best.positions.map((p) => p - best.offset).filter((p) => p >= 0);
  // No word to look up (punctuation only): no word boundary to respect either, so the first place
  // it stands is the match; looked for once, not at every place it stands.
  const at = index.flat.indexOf(q);
  return at >= 0 ? [at] : [];
}

/** The source sentence sharing most of the quote's words, when it shares most of them. */
function closestSentence(quote: string, index: SourceIndex): string | undefined {
  const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const wanted = new Set(words(quote));
  if (wanted.size < 3) return undefined;
  let best: { sentence: string; score: number } | undefined;
  index.sentences ??= index.flat.split(/(?<=[.!?]["']?)\s+/);
  for (const sentence of index.sentences) {
    const have = new Set(words(sentence));
    const score = [...wanted].filter((w) => have.has(w)).length / wanted.size;
    if (!best || score > best.score) best = { sentence, score };
  }
  if (!best || best.score < 0.6) return undefined;
  return best.sentence.length > 200 ? `${best.sentence.slice(0, 200)}…` : best.sentence;
}
