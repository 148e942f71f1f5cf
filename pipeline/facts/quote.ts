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
 * Where a quote was found: `context` is the source from a little before the quote to its end, so
 * a qualifier standing just before the quoted words ("more than" before "10,000 people") still
 * counts; `start` is where the quote itself begins in it; `at` is where it begins in the normalized source.
 */
export type QuoteMatch = { found: true; context: string; start: number; at: number } | { found: false; hint: string };

/** How much source before the quote can hold its number's qualifier ("in excess of", "no fewer than"). */
const LEAD = 40;

/** Quote marks a reporter pasted around the quote: "“Nearly 1,000 …”" is the quote inside them. */
const ENCLOSING = /^(["'])(.*)\1$/s;

/** Whether the source contains the quote; when not, where the two part ways, so the fix is quick. */
export function matchQuote(quote: string, source: string): QuoteMatch {
  let q = normalizeForMatch(quote);
  const s = normalizeForMatch(source);
  if (q === "") return { found: false, hint: "the quote is empty" };
  const inner = ENCLOSING.exec(q)?.[2].trim();
  for (const candidate of inner ? [q, inner] : [q]) {
    const whole = wholeMatch(candidate, s);
    if (whole) return whole;
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
    const near = closestSentence(q, s);
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

/**
 * The first place the source holds the quote on word and number boundaries: "54 individuals" is
 * not a quote of "954 individuals", nor "000 people" of "10,000 people".
 */
function wholeMatch(q: string, s: string): QuoteMatch | undefined {
  const inWord = /[\p{L}\p{N}]/u;
  for (let at = s.indexOf(q); at >= 0; at = s.indexOf(q, at + 1)) {
    const end = at + q.length;
    const before = s.slice(Math.max(0, at - 2), at);
    const after = s.slice(end, end + 2);
    const cutBefore =
      inWord.test(q[0]) && (inWord.test(before.slice(-1)) || (/^\d$/.test(q[0]) && /\d[.,]$/.test(before)));
    const cutAfter =
      inWord.test(q[q.length - 1]) && (inWord.test(after.charAt(0)) || (/\d$/.test(q) && /^[.,]\d/.test(after)));
    if (cutBefore || cutAfter) continue;
    const from = Math.max(0, at - LEAD);
    return { found: true, context: s.slice(from, end), start: at - from, at };
  }
  return undefined;
}

/** The source sentence sharing most of the quote's words, when it shares most of them. */
function closestSentence(quote: string, source: string): string | undefined {
  const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const wanted = new Set(words(quote));
  if (wanted.size < 3) return undefined;
  let best: { sentence: string; score: number } | undefined;
  for (const sentence of source.split(/(?<=[.!?]["']?)\s+/)) {
    const have = new Set(words(sentence));
    const score = [...wanted].filter((w) => have.has(w)).length / wanted.size;
    if (!best || score > best.score) best = { sentence, score };
  }
  if (!best || best.score < 0.6) return undefined;
  return best.sentence.length > 200 ? `${best.sentence.slice(0, 200)}…` : best.sentence;
}
