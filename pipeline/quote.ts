/**
 * Quote matching that forgives only what copy-paste changes: runs of white space (line breaks,
 * non-breaking spaces) and typographic quotes and apostrophes. Everything else must be verbatim.
 */
export function normalizeForMatch(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u00B4`]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\s\u00A0\u2000-\u200B\u202F\u205F\u3000\uFEFF]+/g, " ")
    .trim();
}

export type QuoteMatch = { found: true } | { found: false; hint: string };

/** Whether the source contains the quote; when not, where the two part ways, so the fix is quick. */
export function matchQuote(quote: string, source: string): QuoteMatch {
  const q = normalizeForMatch(quote);
  const s = normalizeForMatch(source);
  if (q === "") return { found: false, hint: "the quote is empty" };
  if (s.includes(q)) return { found: true };
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
  if (low < 12) return { found: false, hint: "no part of it appears in the source; check the source column names the right file" };
  const at = s.indexOf(q.slice(0, low));
  const agreed = q.slice(Math.max(0, low - 30), low);
  const quoteSays = q.slice(low, low + 30);
  const sourceSays = s.slice(at + low, at + low + 30);
  return {
    found: false,
    hint: `it matches up to "…${agreed}", then the quote says "${quoteSays}…" where the source says "${sourceSays}…"`,
  };
}
