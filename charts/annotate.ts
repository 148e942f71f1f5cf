import { max } from "d3-array";
import { round, SVG_NS } from "./frame.ts";
import { type Box, intersects, occupied, textOf, union, within } from "./geometry.ts";
import type { Annotation, Drawing } from "./kind.ts";
import { textWidth, wrapPretty } from "./measure.ts";
import type { Sizes, Theme } from "./style.ts";
import { defaultWriter, type Writer } from "../pipeline/language/writer.ts";

export interface AnnotateContext {
  width: number;
  sizes: Sizes;
  theme: Theme;
  document: Document;
  /** The chart's writer: a marker's number in the story's digits ("१" where the style asks for them). */
  writer?: Writer;
}

/** Space kept between a note and anything else. */
const GAP = 3;

/**
 * Adds a chart's annotations to a kind's drawing, for every kind alike. Each note points at the
 * labels of the marks it is pinned to (found by their text in the drawing, so a kind needs no code
 * of its own) and goes where it overlaps no mark, no label and no other note: beside its marks,
 * then a little farther off with a leader line. Where no such place exists (a phone, a crowded
 * chart) the note becomes a numbered marker beside its marks, and its words go below the chart
 * after the same number. A band over days is shaded behind its marks. The drawing grows downwards
 * for notes listed below; nothing else moves.
 */
export function annotate(
  plot: Drawing,
  annotations: Annotation[],
  { width, sizes, theme, document, writer = defaultWriter() }: AnnotateContext,
): Drawing {
  if (annotations.length === 0) return plot;
  const svg = plot.node;
  const el = (name: string, attrs: Record<string, string | number>, parent: Element) => {
    const node = document.createElementNS(SVG_NS, name);
    for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
    parent.append(node);
    return node;
  };
  // A map's ground (sea, land, borders, streets) is where notes go, not something to avoid.
  const boxes = occupied(svg, (el) => el.getAttribute("aria-label") === "basemap");
  const texts = [...new Set(boxes.filter((b) => b.el.tagName.toLowerCase() === "text").map((b) => b.el))];
  const boxOf = (text: Element) => union(boxes.filter((b) => b.el === text));
  const taken: Box[] = boxes.map(({ x, y, width: w, height: h }) => ({ x, y, width: w, height: h }));
  let height = plot.height;
  const frame = () => ({ x: 0, y: 0, width, height });
  const size = sizes.note;
  const lineHeight = size * 1.2;
  const maxWidth = Math.min(width * (width > 400 ? 0.36 : 0.5), 220);
  const listed: { n: number; text: string }[] = [];

  for (const note of annotations) {
    const find = (marks: { text: string; nth: number }[]) =>
      marks.flatMap(({ text, nth }) => {
        const hits = texts.filter((t) => {
          const words = textOf(t);
          return words === text || words.startsWith(`${text} `);
        });
        const hit = hits[nth] ?? hits[0];
        return hit ? [boxOf(hit)] : [];
      });
    const day = (note.day ?? []).map((text) => find([{ text, nth: 0 }])).find((hits) => hits.length > 0);
    const anchors = day ?? find(note.marks);
    if (anchors.length === 0) {
      // Its mark has no label in this layout: the note is listed below with its number alone.
      listed.push({ n: listed.length + 1, text: note.drawn ?? note.text });
      continue;
    }
    const anchor = union(anchors);
    if (note.band) {
      // Days run across (columns, a line): the band is a column over its marks' columns; down
      // (rows of bars), a row over its rows, their labels above them included.
      const rects = boxes.filter((b) => b.el.tagName.toLowerCase() === "rect");
      const band = plot.timeAcross
        ? (() => {
            const cols = rects.filter((r) => r.x < anchor.x + anchor.width && anchor.x < r.x + r.width);
            const span = union([anchor, ...cols]);
            return { x: span.x - 6, y: 0, width: span.width + 12, height };
          })()
        : (() => {
            const rows = rects.filter((r) => r.y < anchor.y + anchor.height && anchor.y < r.y + r.height);
            const span = union([anchor, ...rows]);
            const above = sizes.label * sizes.leading + 6;
            return { x: 0, y: Math.max(0, span.y - above), width, height: span.height + above + 4 };
          })();
      const group = document.createElementNS(SVG_NS, "g");
      group.setAttribute("aria-label", "annotation band");
      el(
        "rect",
        { x: round(band.x), y: round(band.y), width: round(band.width), height: round(band.height), fill: theme.track },
        group,
      );
      svg.insertBefore(group, svg.firstChild);
    }
    const lines = wrapPretty(note.drawn ?? note.text, maxWidth, size);
    const w = max(lines, (l) => textWidth(l, size)) ?? 0;
    const h = lines.length * lineHeight;
    const spot = findSpot(anchor, w, h, frame(), taken);
    if (spot) {
      taken.push(spot.box);
      const group = el("g", { "aria-label": "annotation" }, svg);
      if (spot.leader) {
        const { x1, y1, x2, y2 } = spot.leader;
        el("path", { d: `M${x1},${y1}L${x2},${y2}`, fill: "none", stroke: theme.muted, "stroke-width": 1 }, group);
      }
      const text = el("text", { "font-size": size, fill: theme.text, "text-anchor": "start" }, group);
      lines.forEach((line, i) => {
        const span = el("tspan", { x: round(spot.box.x), y: round(spot.box.y + i * lineHeight + size * 0.92) }, text);
        span.textContent = line;
      });
      continue;
    }
    // No room for the words: a numbered marker beside the marks, the words below the chart.
    const n = listed.length + 1;
    listed.push({ n, text: note.drawn ?? note.text });
    const r = Math.round(size * 0.75);
    let marker = findSpot(anchor, 2 * r, 2 * r, frame(), taken)?.box;
    if (!marker) {
      // Not even a marker fits among the marks: it stands under the plot, below its marks.
      marker = {
        x: Math.max(0, Math.min(width - 2 * r, anchor.x + anchor.width / 2 - r)),
        y: height + GAP,
        width: 2 * r,
        height: 2 * r,
      };
      while (taken.some((t) => intersects(marker!, t, GAP))) marker = { ...marker, x: marker.x + 2 * r + GAP };
      height = Math.max(height, marker.y + marker.height);
    }
    taken.push(marker);
    drawMarker(el, svg, marker, writer.number(n), size, theme);
  }

  if (listed.length > 0) {
    // The notes that did not fit, numbered as their markers, below the plot.
    const group = el("g", { "aria-label": "annotation notes" }, svg);
    let y = height + size * 0.6;
    for (const { n, text } of listed) {
      const r = Math.round(size * 0.75);
      drawMarker(
        el,
        group,
        { x: 0, y: y + (lineHeight - 2 * r) / 2, width: 2 * r, height: 2 * r },
        writer.number(n),
        size,
        theme,
      );
      const lines = wrapPretty(text, width - 2 * r - 6, size);
      const node = el("text", { "font-size": size, fill: theme.text, "text-anchor": "start" }, group);
      lines.forEach((line, i) => {
        const span = el("tspan", { x: 2 * r + 6, y: round(y + i * lineHeight + size * 0.92) }, node);
        span.textContent = line;
      });
      y += lines.length * lineHeight + 2;
    }
    height = Math.ceil(y);
  }
  // The drawing's own size grows with what was added below it.
  svg.setAttribute("height", String(Math.ceil(height)));
  svg.setAttribute("viewBox", `0 0 ${width} ${Math.ceil(height)}`);
  return { node: svg, height: Math.ceil(height) };
}

/** A circled number: where a note that does not fit is pinned. */
function drawMarker(
  el: (name: string, attrs: Record<string, string | number>, parent: Element) => Element,
  parent: Element,
  box: Box,
  n: string,
  size: number,
  theme: Theme,
) {
  const group = el("g", { "aria-label": "annotation marker" }, parent);
  const r = box.width / 2;
  // A rect rounded into a circle: the number's ground is a shape its colour is read against.
  el(
    "rect",
    { x: round(box.x), y: round(box.y), width: round(2 * r), height: round(2 * r), rx: round(r), fill: theme.text },
    group,
  );
  const label = el(
    "text",
    {
      x: round(box.x + r),
      y: round(box.y + r + size * 0.35),
      "font-size": round(size * 0.85),
      "font-weight": "bold",
      fill: theme.background,
      "text-anchor": "middle",
    },
    group,
  );
  label.textContent = n;
}

/**
 * Where a box of w × h beside `anchor` overlaps nothing: above, right, left, below, then the
 * corners, at the anchor's edge and then farther off (with a leader line back to it).
 */
function findSpot(
  anchor: Box,
  w: number,
  h: number,
  frame: Box,
  taken: Box[],
): { box: Box; leader?: Record<string, number> } | undefined {
  const cx = anchor.x + anchor.width / 2;
  const cy = anchor.y + anchor.height / 2;
  for (const off of [GAP + 1, 14, 28, 48]) {
    const spots: [number, number][] = [
      [cx - w / 2, anchor.y - off - h],
      [anchor.x + anchor.width + off, cy - h / 2],
      [anchor.x - off - w, cy - h / 2],
      [cx - w / 2, anchor.y + anchor.height + off],
      [anchor.x, anchor.y - off - h],
      [anchor.x + anchor.width - w, anchor.y - off - h],
      [anchor.x + anchor.width + off, anchor.y - off - h],
      [anchor.x - off - w, anchor.y - off - h],
      [anchor.x + anchor.width + off, anchor.y + anchor.height + off],
      [anchor.x - off - w, anchor.y + anchor.height + off],
    ];
    for (const [x, y] of spots) {
      const box = { x, y, width: w, height: h };
      if (!within(box, frame) || taken.some((t) => intersects(box, t, GAP))) continue;
      if (off <= GAP + 1) return { box };
      // The leader runs from the note's nearest edge to the anchor's, through nothing but space.
      const leader = {
        x1: round(Math.max(box.x, Math.min(cx, box.x + box.width))),
        y1: round(Math.max(box.y, Math.min(cy, box.y + box.height))),
        x2: round(Math.max(anchor.x, Math.min(x + w / 2, anchor.x + anchor.width))),
        y2: round(Math.max(anchor.y, Math.min(y + h / 2, anchor.y + anchor.height))),
      };
      const path = {
        x: Math.min(leader.x1, leader.x2),
        y: Math.min(leader.y1, leader.y2),
        width: Math.abs(leader.x2 - leader.x1),
        height: Math.abs(leader.y2 - leader.y1),
      };
      // A leader straight across or down must not run through a label on its way.
      if ((path.width < 1 || path.height < 1) && taken.some((t) => intersects(shrink(path), t, 0))) continue;
      return { box, leader };
    }
  }
  return undefined;
}

/** A box shrunk by a pixel each side, so touching its ends is not crossing. */
function shrink(b: Box): Box {
  return { x: b.x + 1, y: b.y + 1, width: Math.max(0, b.width - 2), height: Math.max(0, b.height - 2) };
}
