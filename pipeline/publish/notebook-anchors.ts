/**
 * The notebook's in-page addresses, one function each, so a link and its target always agree.
 * Figure and chart ids are already safe (letters, digits, _ and -); file names may hold anything.
 */
export const figureAnchor = (id: string) => `fig-${id}`;
/** The figure's number in its sentence, where the fact sheet links back to. */
export const sentenceAnchor = (id: string) => `at-${id}`;
export const chartAnchor = (id: string) => `chart-${id}`;
export const correctionAnchor = (line: number) => `correction-${line}`;
export const fileAnchor = (file: string) => `src-${safe(file)}`;
export const lineAnchor = (file: string, line: number) => `src-${safe(file)}-L${line}`;

/** Readable and reversible: "sources/police.txt" stays as it is; a space or quote becomes ~20, ~22. */
function safe(file: string): string {
  return file.replace(/[^A-Za-z0-9._/-]/gu, (ch) => `~${ch.codePointAt(0)!.toString(16)}~`);
}
