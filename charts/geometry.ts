import { max, min } from "d3-array";
import { textWidth } from "./measure.ts";

/** An axis-aligned box in a chart's pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Whether two boxes overlap, or come closer than `gap`. */
export function intersects(a: Box, b: Box, gap = 0): boolean {
  return (
    a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap
  );
}

/** Whether `a` lies wholly inside `frame`. */
export function within(a: Box, frame: Box): boolean {
  return (
    a.x >= frame.x &&
    a.y >= frame.y &&
    a.x + a.width <= frame.x + frame.width &&
    a.y + a.height <= frame.y + frame.height
  );
}

/**
 * The box of lines of text whose first baseline is at `baseline`, as the charts set it (Helvetica
 * metrics, measure.ts): from the ascender of the first line to the descender of the last.
 */
export function textBox(
  lines: string[],
  x: number,
  baseline: number,
  size: number,
  { anchor = "start", bold = false, leading = 1.2 }: { anchor?: string; bold?: boolean; leading?: number } = {},
): Box {
  const width = max(lines, (l) => textWidth(l, size, bold)) ?? 0;
  const left = anchor === "middle" ? x - width / 2 : anchor === "end" ? x - width : x;
  return { x: left, y: baseline - size * 0.92, width, height: size * 1.15 + (lines.length - 1) * size * leading };
}

const number = (el: Element, name: string, fallback = 0) => {
  const value = Number.parseFloat(el.getAttribute(name) ?? "");
  return Number.isFinite(value) ? value : fallback;
};

/** A transform's translation and scale (the only transforms the charts use), or identity. */
function transformOf(el: Element): { dx: number; dy: number; k: number } {
  const t = el.getAttribute("transform") ?? "";
  const translate = /translate\(\s*(-?[\d.e-]+)(?:[\s,]+(-?[\d.e-]+))?\s*\)/.exec(t);
  const scale = /scale\(\s*(-?[\d.e-]+)/.exec(t);
  return {
    dx: translate ? Number(translate[1]) : 0,
    dy: translate ? Number(translate[2] ?? 0) : 0,
    k: scale ? Number(scale[1]) : 1,
  };
}

/** The size an element's text is set in: its own font-size or its nearest ancestor's. */
function fontSize(el: Element): number {
  for (let node: Element | null = el; node; node = node.parentElement) {
    const size = Number.parseFloat(node.getAttribute("font-size") ?? "");
    if (Number.isFinite(size)) return size;
  }
  return 10;
}

function inherited(el: Element, name: string, fallback: string): string {
  for (let node: Element | null = el; node; node = node.parentElement) {
    const value = node.getAttribute(name);
    if (value) return value;
  }
  return fallback;
}

/** The points a path's data visits (M, L, H, V, C, Q, A, Z; absolute or relative), for its box. */
function pathPoints(d: string): [number, number][] {
  const points: [number, number][] = [];
  const tokens = d.match(/[a-zA-Z]|-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?/g) ?? [];
  let x = 0;
  let y = 0;
  let command = "";
  let i = 0;
  const next = () => Number(tokens[i++]);
  while (i < tokens.length) {
    if (/[a-zA-Z]/.test(tokens[i])) command = tokens[i++];
    const rel = command === command.toLowerCase();
    const C = command.toUpperCase();
    if (C === "Z") continue;
    const pairs = ({ M: 1, L: 1, T: 1, C: 3, S: 2, Q: 2 } as Record<string, number>)[C];
    if (pairs) {
      let last: [number, number] = [x, y];
      for (let p = 0; p < pairs; p++) {
        const [px, py] = [next(), next()];
        last = rel ? [x + px, y + py] : [px, py];
        points.push(last);
      }
      [x, y] = last;
    } else if (C === "H") {
      x = rel ? x + next() : next();
      points.push([x, y]);
    } else if (C === "V") {
      y = rel ? y + next() : next();
      points.push([x, y]);
    } else if (C === "A") {
      const [rx, ry] = [next(), next()];
      i += 3;
      const [px, py] = [next(), next()];
      const end: [number, number] = rel ? [x + px, y + py] : [px, py];
      // An arc (Plot's dots, a circle's path) stays within its radius of both ends.
      points.push(
        [Math.min(x, end[0]) - rx, Math.min(y, end[1]) - ry],
        [Math.max(x, end[0]) + rx, Math.max(y, end[1]) + ry],
      );
      [x, y] = end;
    } else i++;
  }
  return points;
}

/**
 * What a reader sees in a drawn SVG, as boxes in the root's pixels: every rect, line, circle,
 * path and line of text (each tspan its own line), after translations and scales. Elements under
 * a node for which `skip` says true are left out (the background, a band drawn behind the marks).
 */
export function occupied(root: Element, skip: (el: Element) => boolean = () => false): (Box & { el: Element })[] {
  const boxes: (Box & { el: Element })[] = [];
  const walk = (el: Element, ox: number, oy: number, k: number) => {
    if (skip(el)) return;
    const t = transformOf(el);
    const [x0, y0, k0] = [ox + t.dx * k, oy + t.dy * k, k * t.k];
    const at = (x: number, y: number, w: number, h: number) =>
      boxes.push({ x: x0 + x * k0, y: y0 + y * k0, width: w * k0, height: h * k0, el });
    const tag = el.tagName.toLowerCase();
    if (tag === "rect") at(number(el, "x"), number(el, "y"), number(el, "width"), number(el, "height"));
    else if (tag === "line") {
      const [x1, y1, x2, y2] = ["x1", "y1", "x2", "y2"].map((n) => number(el, n));
      const w = number(el, "stroke-width", 1) / 2;
      at(Math.min(x1, x2) - w, Math.min(y1, y2) - w, Math.abs(x2 - x1) + 2 * w, Math.abs(y2 - y1) + 2 * w);
    } else if (tag === "circle") {
      const r = number(el, "r");
      at(number(el, "cx") - r, number(el, "cy") - r, 2 * r, 2 * r);
    } else if (tag === "path") {
      const points = pathPoints(el.getAttribute("d") ?? "");
      if (points.length) {
        const xs = points.map((p) => p[0]);
        const ys = points.map((p) => p[1]);
        at(min(xs) ?? 0, min(ys) ?? 0, (max(xs) ?? 0) - (min(xs) ?? 0), (max(ys) ?? 0) - (min(ys) ?? 0));
      }
    } else if (tag === "text") {
      const size = fontSize(el);
      const bold = inherited(el, "font-weight", "normal") === "bold";
      const anchor = inherited(el, "text-anchor", "start");
      const x = number(el, "x");
      let y = number(el, "y") + emOf(el.getAttribute("dy"), size);
      const spans = Array.from(el.children).filter((c) => c.tagName.toLowerCase() === "tspan");
      const lines = spans.length ? spans : [el];
      lines.forEach((line, i) => {
        if (line !== el && line.hasAttribute("y")) y = number(line, "y") + emOf(line.getAttribute("dy"), size);
        else if (i > 0 || line !== el) y += emOf(line.getAttribute("dy"), size);
        const lx = line.hasAttribute("x") ? number(line, "x") : x;
        const b = textBox([line.textContent ?? ""], lx, y, size, { anchor, bold });
        at(b.x, b.y, b.width, b.height);
      });
      return;
    }
    for (const child of Array.from(el.children)) walk(child, x0, y0, k0);
  };
  walk(root, 0, 0, 1);
  return boxes.filter((b) => b.width > 0 || b.height > 0);
}

/** The smallest box holding all of `boxes`. */
export function union(boxes: Box[]): Box {
  const x = min(boxes.map((b) => b.x)) ?? 0;
  const y = min(boxes.map((b) => b.y)) ?? 0;
  return {
    x,
    y,
    width: (max(boxes.map((b) => b.x + b.width)) ?? 0) - x,
    height: (max(boxes.map((b) => b.y + b.height)) ?? 0) - y,
  };
}

/** A text element's words as a reader reads them: its lines (tspans) joined by spaces. */
export function textOf(el: Element): string {
  const spans = Array.from(el.children).filter((c) => c.tagName.toLowerCase() === "tspan");
  return (spans.length ? spans.map((s) => s.textContent ?? "").join(" ") : (el.textContent ?? "")).trim();
}

/** A dy in em or pixels, in pixels. */
function emOf(value: string | null, size: number): number {
  if (!value) return 0;
  const n = Number.parseFloat(value);
  return value.trim().endsWith("em") ? n * size : n;
}
