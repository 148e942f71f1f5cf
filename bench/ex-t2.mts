import { JSDOM } from "jsdom";
import * as Plot from "@observablehq/plot";
import { loadStory } from "../pipeline/story.ts";
import { KINDS } from "../charts/index.ts";
import { DEVICES, THEMES } from "../charts/style.ts";
const story = loadStory("tests/fixtures/islamabad");
const c = story.charts.find((c) => c.entry.id === "where-islamabad")!;
const document = new JSDOM("").window.document;
for (let i = 0; i < 4; i++) {
  const t = performance.now();
  KINDS.locator.draw(c.model, { width: 600, sizes: DEVICES.desktop, theme: THEMES.light, document, Plot });
  console.log("draw", performance.now() - t);
}
