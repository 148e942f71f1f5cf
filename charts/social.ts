import { adoptPlot, round, SVG_NS, TEXT_RESET } from "./frame.ts";
import { textWidth, wrap, wrapHeadline } from "./measure.ts";
import { SOCIAL, SOCIAL_ZOOM, type Theme } from "./style.ts";

export interface SocialInput {
  document: Document;
  theme: Theme;
  title: string;
  source: string;
  credit: string;
  description: string;
  /** What the chart's notes say (qualifier marks, who gives each figure) and its corrections, in that order. */
  notes: string[];
  corrections: string[];
  /**
   * The chart's marks, drawn for SOCIAL's inner width divided by SOCIAL_ZOOM with the sizes given
   * (SOCIAL's, or with thinner bars and a shorter plot where the card's room is short).
   */
  plot: (sizes: typeof SOCIAL) => { node: SVGSVGElement; height: number };
  idPrefix: string;
}

/** The title's size on a card: its own, or smaller for a long title, so it takes two lines at most. */
const TITLE_SIZES = [SOCIAL.title, 22, 19];

/**
 * The social card: the chart laid out for a 1200 × 630 frame (drawn at 600 × 315, shown at 2×):
 * the title large, the chart's marks with their direct labels, the notes and corrections (what a
 * dashed end means, who gives each figure: a card shared alone must not lose them) and the source
 * and credit, so a reader scrolling past the thumbnail sees what the chart says and whose figures
 * they are. The marks are scaled down only as far as the frame's height needs, and centred.
 */
export function socialCard(input: SocialInput): SVGSVGElement {
  const { document, theme } = input;
  const { width, height, pad } = SOCIAL;
  const inner = width - 2 * pad;
  const el = <K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>) => {
    const node = document.createElementNS(SVG_NS, name) as SVGElementTagNameMap[K];
    for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
    return node;
  };
  const parts: SVGElement[] = [];
  let y = pad;
  const size = TITLE_SIZES.find((s) => wrapHeadline(input.title, inner, s, true).length <= 2) ?? TITLE_SIZES.at(-1)!;
  for (const line of wrapHeadline(input.title, inner, size, true)) {
    const lineHeight = size * SOCIAL.leading;
    const node = el("text", {
      x: pad,
      y: round(y + (lineHeight - size) / 2 + size * 0.8),
      "font-size": size,
      "font-weight": "bold",
      fill: theme.text,
    });
    node.textContent = line;
    parts.push(node);
    y += lineHeight;
  }
  y += SOCIAL.gap;

  // The source line sits at the foot; one line, shortened to the source alone if both do not fit.
  const both = [input.source, input.credit].filter(Boolean).join(" · ");
  const signoff = textWidth(both, SOCIAL.source) <= inner ? [both] : wrap(input.source, inner, SOCIAL.source);
  const footLine = SOCIAL.source * SOCIAL.leading;
  const foot = height - pad + 4 - signoff.length * footLine;
  // One paragraph, not a line each: a card's room is the chart's, and each note is a sentence.
  const said = [...input.notes, ...input.corrections].join(" ");
  const noteLines = said ? wrap(said, inner, SOCIAL.source) : [];
  const notesTop = foot - noteLines.length * footLine - (noteLines.length > 0 ? 4 : 0);

  const room = notesTop - SOCIAL.gap - y;
  // The marks were drawn SOCIAL_ZOOM times narrower than the card: enlarged back, their labels read
  // larger in a thumbnail. A chart too tall for the room is drawn again with thinner bars and a
  // shorter plot (labels kept their size), and only then shrunk, as far as the frame needs.
  const fit = (drawn: { height: number }) =>
    Math.round(Math.min(SOCIAL_ZOOM, room / Math.max(1, drawn.height)) * 1000) / 1000;
  let drawn = input.plot(SOCIAL);
  if (fit(drawn) < SOCIAL_ZOOM) {
    const bar = Math.max(10, Math.floor((SOCIAL.bar * fit(drawn)) / SOCIAL_ZOOM));
    if (bar < SOCIAL.bar) {
      const shorter = input.plot({ ...SOCIAL, bar });
      if (shorter.height < drawn.height) drawn = shorter;
    }
  }
  const scale = fit(drawn);
  const plotWidth = (inner / SOCIAL_ZOOM) * scale;
  const top = y + Math.max(0, (room - drawn.height * scale) / 2);
  const plot = el("g", {
    transform: `translate(${round(pad + (inner - plotWidth) / 2)},${round(top)}) scale(${scale})`,
  });
  adoptPlot(drawn.node, plot, theme);
  parts.push(plot);

  [...noteLines, ...signoff].forEach((line, i) => {
    const node = el("text", {
      x: pad,
      y: round(
        notesTop +
          i * footLine +
          (i >= noteLines.length && noteLines.length > 0 ? 4 : 0) +
          (footLine - SOCIAL.source) / 2 +
          SOCIAL.source * 0.8,
      ),
      "font-size": SOCIAL.source,
      fill: theme.muted,
    });
    node.textContent = line;
    parts.push(node);
  });

  const root = el("svg", {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: "img",
    "aria-labelledby": `${input.idPrefix}-title ${input.idPrefix}-desc`,
    ...TEXT_RESET,
    "font-size": SOCIAL.label,
    fill: theme.text,
    "text-anchor": "start",
  });
  const title = el("title", { id: `${input.idPrefix}-title` });
  title.textContent = input.title;
  const desc = el("desc", { id: `${input.idPrefix}-desc` });
  desc.textContent = input.description;
  root.append(title, desc, el("rect", { width, height, fill: theme.background }));
  for (const part of parts) root.append(part);
  return root;
}
