import { createHash } from "node:crypto";

/**
 * The notebook page's pieces (a text's view, a fact-sheet row, a chart's section), each kept by a
 * hash of everything it shows: a correction re-renders the pieces that show what it changed, and
 * the rest of the page is the very text the last build wrote. Kept across builds in the output's
 * cache (build-cache.ts) and for a watch's next build in memory; never decides a byte.
 */
export class NotebookPieces {
  private earlier = new Map<string, string>();
  private current = new Map<string, string>();
  /** Pieces rendered afresh since the last `turn`. */
  rendered = 0;

  /** The piece `render` makes of `inputs`: from the last build if it showed the same, else rendered. */
  piece(kind: string, inputs: unknown, render: () => string): string {
    const key = `${kind}:${createHash("sha256").update(JSON.stringify(inputs)).digest("base64")}`;
    let html = this.current.get(key) ?? this.earlier.get(key);
    if (html === undefined) {
      html = render();
      this.rendered += 1;
    }
    this.current.set(key, html);
    return html;
  }

  /** A new page begins: the last page's pieces stay at hand, older ones are dropped. */
  turn(): void {
    if (this.current.size > 0) this.earlier = this.current;
    this.current = new Map();
    this.rendered = 0;
  }

  /** Nothing kept: the next page renders every piece. */
  forget(): void {
    this.earlier = new Map();
    this.current = new Map();
  }

  load(entries: Iterable<[string, string]>): void {
    for (const [key, html] of entries) if (!this.earlier.has(key)) this.earlier.set(key, html);
  }

  /** The pieces of the page just made: what the next build may reuse. */
  used(): Map<string, string> {
    return this.current;
  }
}

/** The static notebook's pieces (output/index.html); the live page renders its own (its images carry versions). */
export const notebookPieces = new NotebookPieces();
