import { textWidth, wrap, wrapHeadline, wrapList, wrapPretty } from "./measure.ts";
import { FONT_FAMILY, type Sizes, type Theme } from "./style.ts";

export const SVG_NS = "http://www.w3.org/2000/svg";

/**
 * Inline in an article, the SVG inherits the page's text properties: an italic <figure>, a
 * letter-spaced body or a right-to-left page would restyle, widen or flip every label. The root
 * sets each inheritable one back as a presentation attribute (no style sheet, so a CMS that strips
 * <style> keeps them; all are on DOMPurify's and Safe SVG's allowlists).
 */
export const TEXT_RESET = {
  "font-family": FONT_FAMILY,
  "font-style": "normal",
  "font-weight": "normal",
  "font-variant": "normal",
  "font-stretch": "normal",
  "letter-spacing": "normal",
  "word-spacing": "normal",
  direction: "ltr",
} as const;

export interface FrameInput {
  document: Document;
  sizes: Sizes;
  theme: Theme;
  title: string;
  dek: string;
  notes: string[];
  /** "Corrected 28 Nov 2024: …" lines, after the other notes. */
  corrections: string[];
  source: string;
  credit: string;
  /** The data-generated description: becomes <desc>. */
  description: string;
  plot: { node: SVGSVGElement; height: number };
  /** Prefix for every id in the graphic; the render stage makes it unique per chart and variant. */
  idPrefix: string;
  /** The language of the chart's words ("fr"), where the story chose one: screen readers read them in it. */
  lang?: string;
}

/**
 * The shared frame: title, dek, the plot, notes, corrections, source and credit in one SVG, laid out
 * for the width. Everything is drawn with presentation attributes (no <style>, no class), so a CMS
 * that strips those shows the same pixels.
 */
export function frame(input: FrameInput): SVGSVGElement {
  const { document, sizes, theme } = input;
  const width = sizes.width;
  const inner = width - 2 * sizes.pad;
  const el = <K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>) => {
    const node = document.createElementNS(SVG_NS, name) as SVGElementTagNameMap[K];
    for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
    return node;
  };
  const root = el("svg", {});
  const parts: SVGElement[] = [];
  let y = sizes.pad;

  const block = (text: string, size: number, fill: string, bold = false, wrapper: typeof wrap = wrapPretty) => {
    const lineHeight = size * sizes.leading;
    for (const line of wrapper(text, inner, size, bold)) {
      // Baseline sits so the line box [y, y + lineHeight] holds ascenders and descenders.
      const baseline = y + (lineHeight - size) / 2 + size * 0.8;
      const node = el("text", { x: sizes.pad, y: round(baseline), "font-size": size, fill });
      if (bold) node.setAttribute("font-weight", "bold");
      node.textContent = line;
      parts.push(node);
      y += lineHeight;
    }
  };

  block(input.title, sizes.title, theme.text, true, wrapHeadline);
  if (input.dek) {
    y += sizes.gap / 3;
    block(input.dek, sizes.dek, theme.muted, false, wrapHeadline);
  }
  y += sizes.gap;

  const plot = el("g", { transform: `translate(${sizes.pad},${round(y)})` });
  adoptPlot(input.plot.node, plot, theme);
  parts.push(plot);
  y += input.plot.height + sizes.gap;

  if (input.notes.length + input.corrections.length > 0) {
    parts.push(
      el("line", {
        x1: sizes.pad,
        x2: width - sizes.pad,
        y1: round(y - sizes.gap / 2),
        y2: round(y - sizes.gap / 2),
        stroke: theme.rule,
        "stroke-width": 0.5,
      }),
    );
    y += sizes.gap / 3;
  }
  for (const note of input.notes) block(note, sizes.note, theme.muted);
  // Corrections read as notes do, in the note colour: a dated line of record, not an alarm.
  for (const correction of input.corrections) block(correction, sizes.note, theme.muted);
  y += sizes.gap / 2;
  // Source and credit share a line when they fit; otherwise the credit starts its own line rather
  // than the break falling anywhere after the separator.
  const signoff = [input.source, input.credit].filter(Boolean);
  const oneLine = signoff.join(" · ");
  if (textWidth(oneLine, sizes.source) <= inner) block(oneLine, sizes.source, theme.muted);
  // Several sources break between sources, never inside one's name and date.
  else for (const part of signoff) block(part, sizes.source, theme.muted, false, wrapList);
  y += sizes.pad;

  const height = Math.ceil(y);
  const titleId = `${input.idPrefix}-title`;
  const descId = `${input.idPrefix}-desc`;
  for (const [key, value] of Object.entries({
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: "img",
    ...(input.lang ? { lang: input.lang } : {}),
    "aria-labelledby": `${titleId} ${descId}`,
    ...TEXT_RESET,
    "font-size": sizes.label,
    fill: theme.text,
    "text-anchor": "start",
  }))
    root.setAttribute(key, String(value));
  const title = el("title", { id: titleId });
  title.textContent = input.title;
  const desc = el("desc", { id: descId });
  desc.textContent = input.description;
  root.append(title, desc, el("rect", { width, height, fill: theme.background }));
  for (const part of parts) root.append(part);
  return root;
}

/**
 * Moves Plot's marks into the frame. Plot's root carries a <style> and class names (stripped by
 * many CMSs) and "currentColor" (the host page's colour, wrong in a dark variant): both replaced by
 * explicit attributes here.
 */
export function adoptPlot(svg: SVGSVGElement, into: SVGGElement, theme: Theme): void {
  // Plot's root sets text-anchor="middle" for its marks; its font-size (10) is not house style, and
  // every mark sets its own.
  const anchor = svg.getAttribute("text-anchor");
  if (anchor) into.setAttribute("text-anchor", anchor);
  into.setAttribute("fill", theme.text);
  for (const style of Array.from(svg.querySelectorAll("style"))) style.remove();
  for (const node of Array.from(svg.querySelectorAll("*"))) {
    node.removeAttribute("class");
    for (const attr of ["fill", "stroke"])
      if (node.getAttribute(attr) === "currentColor") node.setAttribute(attr, theme.text);
    if (node.tagName === "text" && /\u26a0/.test(node.textContent ?? "")) {
      throw new Error(
        `Plot warned while drawing this chart (${node.textContent}); a chart must not ship with a warning glyph`,
      );
    }
  }
  for (const node of Array.from(svg.childNodes)) into.append(node);
}

export function round(n: number): number {
  return Math.round(n * 100) / 100;
}
