/* global process, console, performance */
/**
 * The comparison for `npm run bench`: headless Vega-Lite drawing the same number of comparable
 * SVGs in one process (plain Node, no TypeScript loader, so Vega-Lite pays no start-up it would not
 * pay anyway). Each chart is three labelled horizontal bars with a title and subtitle, in the four
 * variants a chart of ours ships as SVG (desktop and mobile, light and dark); no PNG.
 *
 *   node bench/vega-lite.mjs CHARTS OUT_DIR [VARIANTS]
 *
 * VARIANTS (1 to 4, default 4): 1 is a single SVG, the "cold one-chart render".
 * Prints one JSON line: { charts, svgs, ms } (ms from process start, loading included).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as vega from "vega";
import * as vl from "vega-lite";

const charts = Number(process.argv[2] ?? 1);
const out = process.argv[3];
const variants = Number(process.argv[4] ?? 4);
if (out) mkdirSync(out, { recursive: true });

const VARIANTS = [
  { name: "desktop", width: 600, background: "#ffffff", text: "#1a1a1a", bar: "#1f4e79" },
  { name: "mobile", width: 300, background: "#ffffff", text: "#1a1a1a", bar: "#1f4e79" },
  { name: "dark", width: 600, background: "#15181c", text: "#f0f0f0", bar: "#7fb3e6" },
  { name: "mobile-dark", width: 300, background: "#15181c", text: "#f0f0f0", bar: "#7fb3e6" },
];

function spec(k, variant) {
  const values = [
    { label: "Arrested", value: 300 + ((k * 37) % 900), shown: `${300 + ((k * 37) % 900)}` },
    { label: "Injured", value: 40 + ((k * 53) % 400), shown: `More than ${40 + ((k * 53) % 400)}` },
    { label: "Killed", value: 2 + ((k * 7) % 30), shown: `At least ${2 + ((k * 7) % 30)}` },
  ];
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width: variant.width,
    background: variant.background,
    title: {
      text: `Arrests and casualties in place ${k}`,
      subtitle: `${values[0].shown} people were arrested during the protests`,
      anchor: "start",
      color: variant.text,
      subtitleColor: variant.text,
      font: "Liberation Sans",
    },
    data: { values },
    encoding: {
      y: { field: "label", type: "nominal", sort: null, axis: { title: null, labelColor: variant.text } },
      x: { field: "value", type: "quantitative", axis: null },
    },
    layer: [
      { mark: { type: "bar", color: variant.bar } },
      {
        mark: { type: "text", align: "left", dx: 4, fontWeight: "bold", color: variant.text },
        encoding: { text: { field: "shown" } },
      },
    ],
    config: { view: { stroke: null }, font: "Liberation Sans" },
  };
}

let svgs = 0;
for (let k = 0; k < charts; k++) {
  for (const variant of VARIANTS.slice(0, variants)) {
    const view = new vega.View(vega.parse(vl.compile(spec(k, variant)).spec), { renderer: "none" });
    const svg = await view.toSVG();
    view.finalize();
    if (out) writeFileSync(join(out, `chart-${k}-${variant.name}.svg`), svg);
    svgs++;
  }
}
console.log(JSON.stringify({ charts, svgs, ms: Math.round(performance.now()) }));
