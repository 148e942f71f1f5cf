import { JSDOM } from "jsdom";

/** Parses an SVG file as XML (as a browser opening it as an image would); throws on malformed XML. */
export function parseSvg(text: string): Document {
  const { window } = new JSDOM("");
  const doc = new window.DOMParser().parseFromString(text, "image/svg+xml");
  const error = doc.querySelector("parsererror");
  if (error) throw new Error(`not well-formed XML: ${error.textContent}`);
  return doc;
}

/** Every line of text a reader sees, in document order (excluding <title> and <desc>). */
export function visibleText(doc: Document): string[] {
  return Array.from(doc.querySelectorAll("text")).map((t) => t.textContent ?? "");
}
