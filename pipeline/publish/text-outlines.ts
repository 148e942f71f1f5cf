import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as hb from "harfbuzzjs";
import { JSDOM } from "jsdom";
import { complexScript, FONT_DIRS, hasComplexScript } from "../../charts/script-list.ts";
import { requireFonts } from "./fonts.ts";

const SVG_NS = "http://www.w3.org/2000/svg";

interface LoadedFont {
  font: hb.Font;
  upem: number;
}
const loaded = new Map<string, LoadedFont>();

function load(file: string): LoadedFont {
  let entry = loaded.get(file);
  if (!entry) {
    requireFonts([file]);
    const face = new hb.Face(new hb.Blob(readFileSync(file)));
    entry = { font: new hb.Font(face), upem: face.upem };
    loaded.set(file, entry);
  }
  return entry;
}

const LIBERATION = { regular: "LiberationSans-Regular.ttf", bold: "LiberationSans-Bold.ttf" };
const DEJAVU = { regular: "DejaVuSans.ttf", bold: "DejaVuSans-Bold.ttf" };

/** Which font file draws a character: its script's Noto font, else Liberation Sans, else DejaVu Sans. */
function fontFor(code: number, bold: boolean, current: string | undefined): string {
  const weight = bold ? "bold" : "regular";
  const script = complexScript(code);
  if (script) return join(FONT_DIRS.noto, script[weight]);
  const char = String.fromCodePoint(code);
  // Spaces, digits and punctuation stay in the run around them when its font has them, so a
  // Tamil phrase is shaped as one piece.
  if (current && !/[\p{L}\p{M}]/u.test(char) && (load(current).font.nominalGlyph(code) ?? 0) !== 0) return current;
  const liberation = join(FONT_DIRS.liberation, LIBERATION[weight]);
  if ((load(liberation).font.nominalGlyph(code) ?? 0) !== 0) return liberation;
  return join(FONT_DIRS.dejavu, DEJAVU[weight]);
}

/** Glyph outlines for one line of text, laid from x = 0 on the baseline; and the line's width. */
function shapeLine(text: string, size: number, bold: boolean): { paths: string[]; width: number } {
  const runs: { file: string; text: string }[] = [];
  for (const char of text) {
    const file = fontFor(char.codePointAt(0)!, bold, runs[runs.length - 1]?.file);
    if (runs.length > 0 && runs[runs.length - 1].file === file) runs[runs.length - 1].text += char;
    else runs.push({ file, text: char });
  }
  const paths: string[] = [];
  let pen = 0;
  for (const run of runs) {
    const { font, upem } = load(run.file);
    const scale = size / upem;
    const buffer = new hb.Buffer();
    buffer.addText(run.text);
    buffer.guessSegmentProperties();
    hb.shape(font, buffer);
    const positions = buffer.getGlyphPositions();
    buffer.getGlyphInfos().forEach((glyph, i) => {
      const p = positions[i];
      const d = font.glyphToPath(glyph.codepoint);
      if (d)
        paths.push(
          `<path transform="translate(${num(pen + p.xOffset * scale)},${num(-p.yOffset * scale)}) scale(${num(scale)},${num(-scale)})" d="${d}"/>`,
        );
      pen += p.xAdvance * scale;
    });
  }
  return { paths, width: pen };
}

/** One jsdom window for every chart: only its XML parser and serializer are used. */
let window: JSDOM["window"] | undefined;

function num(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}

/** Attributes of a <text> that only say how to set type; the rest (fill, transform, stroke…) carry over. */
const TYPE_ATTRIBUTES = new Set([
  "x",
  "y",
  "dx",
  "dy",
  "font-family",
  "font-size",
  "font-weight",
  "font-style",
  "font-variant",
  "font-stretch",
  "text-anchor",
  "letter-spacing",
  "word-spacing",
  "direction",
]);

/**
 * resvg lays out Devanagari, Tamil and other scripts that reorder or stack their glyphs wrongly
 * (vowel signs and spaces go missing, glyphs overlap). Before rasterizing, every <text> holding
 * such a script is replaced by its glyph outlines, shaped by HarfBuzz (the shaper browsers use)
 * with the script's Noto font, placed as the text would be (x, y, dy, text-anchor, inherited font
 * size and weight). Other text is left to resvg. The SVG files themselves keep their real text.
 */
export function outlineComplexText(svg: string): string {
  if (!hasComplexScript(svg)) return svg;
  window ??= new JSDOM("").window;
  const document = new window.DOMParser().parseFromString(svg, "image/svg+xml");
  let changed = false;
  for (const text of Array.from(document.getElementsByTagNameNS(SVG_NS, "text"))) {
    if (!hasComplexScript(text.textContent ?? "")) continue;
    const inherited = (name: string) => {
      for (let node: Element | null = text; node; node = node.parentElement) {
        const value = node.getAttribute(name);
        if (value !== null) return value;
      }
      return null;
    };
    const size = Number.parseFloat(inherited("font-size") ?? "16");
    const bold = /^(bold|bolder|[6-9]00)$/.test(inherited("font-weight") ?? "");
    const anchor = inherited("text-anchor") ?? "start";
    const length = (value: string | null) =>
      value === null ? 0 : value.trim().endsWith("em") ? Number.parseFloat(value) * size : Number.parseFloat(value);
    let x = length(text.getAttribute("x"));
    let y = length(text.getAttribute("y")) + length(text.getAttribute("dy"));
    const spans = Array.from(text.children).filter((c) => c.localName === "tspan");
    const lines = spans.length
      ? spans.map((span) => {
          if (span.hasAttribute("x")) x = length(span.getAttribute("x"));
          if (span.hasAttribute("y")) y = length(span.getAttribute("y"));
          y += length(span.getAttribute("dy"));
          return { text: span.textContent ?? "", x, y };
        })
      : [{ text: text.textContent ?? "", x, y }];
    const group = document.createElementNS(SVG_NS, "g");
    for (const attr of Array.from(text.attributes))
      if (!TYPE_ATTRIBUTES.has(attr.name)) group.setAttribute(attr.name, attr.value);
    const parts: string[] = [];
    for (const line of lines) {
      const { paths, width } = shapeLine(line.text, size, bold);
      const start = line.x - (anchor === "middle" ? width / 2 : anchor === "end" ? width : 0);
      parts.push(`<g xmlns="${SVG_NS}" transform="translate(${num(start)},${num(line.y)})">${paths.join("")}</g>`);
    }
    for (const part of parts) {
      const fragment = new window.DOMParser().parseFromString(part, "image/svg+xml").documentElement;
      group.appendChild(document.importNode(fragment, true));
    }
    text.replaceWith(group);
    changed = true;
  }
  return changed ? new window.XMLSerializer().serializeToString(document) : svg;
}
