import { parseDateline } from "../facts/dates.ts";
import { DIRECTION_CONTROLS, directionControl } from "../facts/direction.ts";
import { defaultWriter, type Writer } from "../language/writer.ts";
import { escapeHtml } from "./html.ts";
import { chartAnchor, correctionAnchor, figureAnchor, lineAnchor, sentenceAnchor } from "./notebook-anchors.ts";
import type { NumberInText } from "./notebook-numbers.ts";

/** What a highlight links to besides its row: the charts that show a figure. */
export interface TextContext {
  chartsOf: Map<string, { id: string; title: string }[]>;
  /** Lines a problem names: their numbers are marked. */
  problemLines: Set<number>;
  /** The page's language, for the words of links and titles (the text itself stays as received). */
  writer?: Writer;
}

const BARS_ICON =
  '<svg width="14" height="12" viewBox="0 0 14 12" aria-hidden="true" focusable="false"><rect x="0" y="6" width="3" height="6"/><rect x="5" y="2" width="3" height="10"/><rect x="10" y="0" width="3" height="12"/></svg>';

/**
 * A story file as received, line by line (line numbers in the margin, each line an address a
 * problem can link to), with its numbers highlighted by status when it is the article or a source.
 */
export function textView(file: string, text: string, numbers: NumberInText[], context: TextContext): string {
  // As a browser reads it: line ends are line ends and a byte-order mark is nothing, however saved.
  // A character that reorders text is shown as its code, never left to act: an override around 954
  // would show 459 beside a chart that says 954 (the build refuses it, at its line).
  const e = (chunk: string) =>
    escapeHtml(chunk.replace(/\r\n?/g, "\n").replace(/\uFEFF/g, "")).replace(
      DIRECTION_CONTROLS,
      (c) =>
        `<span class="control" title="${escapeHtml(directionControl(c)!)}">${directionControl(c)!.replace(/.*\((U\+[0-9A-F]+)\)$/, "$1")}</span>`,
    );
  const writer = context.writer ?? defaultWriter();
  const spans: { start: number; end: number; open: string; close: string }[] = [];
  const dateline = parseDateline(text) ? /^\uFEFF?\s*date\s+\S+/i.exec(text)![0] : "";
  if (dateline) {
    const start = dateline.length - dateline.trimStart().length;
    spans.push({ start, end: dateline.length, open: '<span class="dateline">', close: "</span>" });
  }
  for (const n of numbers) {
    if (n.status === "unrecorded") {
      spans.push({ start: n.start, end: n.end, open: '<mark class="num unrecorded">', close: "</mark>" });
    } else if (n.status === "superseded") {
      const c = n.corrections[0];
      spans.push({
        start: n.start,
        end: n.end,
        open: `<a class="num superseded" href="#${correctionAnchor(c.line)}" title="${e(writer.phrase("notebook.correctedTitle", { change: `${c.id} ${c.field} ${c.from} → ${c.to}` }))}">`,
        close: "</a>",
      });
    } else {
      const [id, ...others] = n.figures;
      const charts = n.figures.flatMap((f) => context.chartsOf.get(f) ?? []);
      const unique = charts.filter((c, i) => charts.findIndex((d) => d.id === c.id) === i);
      const icons = unique
        .map(
          (c) =>
            `<a class="to-chart" href="#${chartAnchor(c.id)}" aria-label="${e(writer.phrase("notebook.chartLink", { title: c.title }))}" title="${e(writer.phrase("notebook.chartLink", { title: c.title }))}">${BARS_ICON}</a>`,
        )
        .join("");
      spans.push({
        start: n.start,
        end: n.end,
        open: `<a class="num ${n.status}"${n.proof ? ` id="${sentenceAnchor(id)}"` : ""} href="#${figureAnchor(id)}" data-figure="${id}"${others.length ? ` data-figures="${n.figures.join(" ")}"` : ""} title="${e(writer.phrase("notebook.factLink", { ids: n.figures.join(", ") }))}">`,
        close: `</a>${icons}`,
      });
    }
  }
  spans.sort((a, b) => a.start - b.start);

  const breaks = /\r\n|\r|\n/g;
  let html = "";
  let pos = 0;
  let line = 1;
  const marker = () => {
    const rest = text.slice(pos, pos + 400);
    const blank = /^[ \t\uFEFF]*(?:\r|\n|$)/.test(rest);
    const problem = context.problemLines.has(line) ? " problem" : "";
    return `<span class="ln${problem}" id="${lineAnchor(file, line)}"${blank && !problem ? "" : ` data-line="${line}"`}></span>`;
  };
  html += marker();
  // The next line break, looked for again only once passed: looked for from every number, a long
  // line was read to its end once a number (16,000 numbers on one line took seconds).
  let found: RegExpExecArray | null | undefined;
  const upTo = (to: number) => {
    while (pos < to) {
      if (found === undefined || (found && found.index < pos)) {
        breaks.lastIndex = pos;
        found = breaks.exec(text);
      }
      if (!found || found.index >= to) {
        html += e(text.slice(pos, to));
        pos = to;
        return;
      }
      const after = found.index + found[0].length;
      html += e(text.slice(pos, after));
      pos = after;
      line += 1;
      html += marker();
    }
  };
  for (const span of spans) {
    upTo(span.start);
    html += span.open;
    upTo(span.end);
    html += span.close;
  }
  upTo(text.length);
  return html;
}
