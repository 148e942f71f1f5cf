import { readSentence } from "../../pipeline/facts/reader.ts";

/** A figure as the dataset (output/figures.json) records it. */
export interface DatasetFigure {
  id: string;
  /** A number; a fraction as "1/3". */
  value: number | string;
  qualifier: string;
  quote: string;
  source: string;
}

/**
 * What must hold between the notebook's text and its fact sheet, as a list of what does not: every
 * figure has one row; every highlight of a recorded number names figures that have rows, links to
 * its row, is linked back from it, and its words state that figure's value with its qualifier.
 */
export function provenanceFailures(doc: Document, figures: DatasetFigure[]): string[] {
  const failures: string[] = [];
  const rows = Array.from(doc.querySelectorAll("table.facts tbody tr"));
  const rowIds = rows.map((r) => r.id);
  const expected = figures.map((f) => `fig-${f.id}`);
  if ([...rowIds].sort().join() !== [...expected].sort().join())
    failures.push(`fact sheet rows ${rowIds.join(", ")}; expected ${expected.join(", ")}`);

  const highlights = Array.from(doc.querySelectorAll<HTMLAnchorElement>("[data-figure]"));
  const highlighted = new Set<string>();
  for (const mark of highlights) {
    const ids = (mark.getAttribute("data-figures") ?? mark.getAttribute("data-figure")!).split(" ");
    const href = mark.getAttribute("href") ?? "";
    if (href !== `#fig-${mark.getAttribute("data-figure")}`) failures.push(`highlight ${mark.id} links to ${href}`);
    for (const id of ids) {
      highlighted.add(id);
      const figure = figures.find((f) => f.id === id);
      const row = doc.getElementById(`fig-${id}`);
      if (!figure || !row || row.tagName !== "TR") {
        failures.push(`highlight of ${id} has no fact-sheet row`);
        continue;
      }
      const section = mark.closest(".text")?.previousElementSibling?.id;
      if (section !== `src-${figure.source}`)
        failures.push(`highlight of ${id} stands in ${section}, not in ${figure.source}`);
      // The row links back to the number its proof chose: a highlight of this figure.
      const back = row.querySelector("a.quote")?.getAttribute("href") ?? "";
      const target = back.startsWith("#") ? doc.getElementById(back.slice(1)) : null;
      const names = (target?.getAttribute("data-figures") ?? target?.getAttribute("data-figure") ?? "").split(" ");
      if (!names.includes(id)) failures.push(`row ${id} links back to ${back}, not to a highlight of ${id}`);
      // The words, read alone by the sentence reader, state the figure's value with its qualifier;
      // or, where the qualifier stands before a list ("at least one officer and four soldiers"),
      // the whole text read up to the mark gives it that qualifier.
      const words = mark.textContent ?? "";
      const before = textBefore(mark);
      const inList = readSentence(before + words).some(
        (r) => r.kind === "figure" && r.numberStart === before.length && r.qualifier === figure.qualifier,
      );
      const stated = readSentence(words).some(
        (r) =>
          r.kind === "figure" &&
          (r.qualifier === figure.qualifier || (inList && r.qualifier === "exact")) &&
          r.text === words &&
          (r.fraction
            ? `${r.fraction.numerator}/${r.fraction.denominator}` === figure.value
            : r.value === figure.value),
      );
      if (!stated)
        failures.push(`highlight of ${id} reads "${words}", which does not state ${figure.qualifier} ${figure.value}`);
    }
  }
  for (const f of figures) if (!highlighted.has(f.id)) failures.push(`${f.id} has no highlight in its sentence`);
  return failures;
}

/** The text of the mark's block before the mark (the sentence leading up to the number). */
function textBefore(mark: Element): string {
  const block = mark.closest(".text");
  if (!block) return "";
  let text = "";
  const walker = block.ownerDocument.createTreeWalker(block, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (mark.contains(node)) break;
    text += node.textContent ?? "";
  }
  const sentence = text.split(/(?<=[.!?])\s+/);
  return sentence[sentence.length - 1] ?? "";
}
