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

export type QuoteMatch = { found: true } | { found: false; hint: string };

/** Quote marks a reporter pasted around the quote: "“Nearly 1,000 …”" is the quote inside them. */
const ENCLOSING = /^(["'])(.*)\1$/s;

/** Whether the source contains the quote; when not, where the two part ways, so the fix is quick. */
export function matchQuote(quote: string, source: string): QuoteMatch {
  let q = normalizeForMatch(quote);
  const s = normalizeForMatch(source);
  if (q === "") return { found: false, hint: "the quote is empty" };
  if (s.includes(q)) return { found: true };
  const inner = ENCLOSING.exec(q)?.[2].trim();
  if (inner) {
    if (s.includes(inner)) return { found: true };
    q = inner;
  }
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
    if (near) return { found: false, hint: `the closest sentence in the source is "${near}"; copy the words exactly from it` };
    return { found: false, hint: "no part of it appears in the source; check the source column names the right file, and copy the sentence from it" };
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
