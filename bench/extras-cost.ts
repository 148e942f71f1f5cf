/**
 * What the extras cost a chart: the main thread's time to lay out the social card and the print
 * layout, and a worker's time to draw each file, measured one job at a time in one worker on a
 * generated story (bench/story.ts). `node --import tsx/esm bench/extras-cost.ts [charts]`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadStory } from "../pipeline/story.ts";
import { createRenderer } from "../pipeline/publish/render.ts";
import { pdfJob } from "../pipeline/publish/pdf.ts";
import { pngJob } from "../pipeline/publish/png.ts";
import { PngPool } from "../pipeline/publish/png-pool.ts";
import { PNG_VARIANTS, SOCIAL_SIZE, svgName } from "../pipeline/words/output-names.ts";
import { writeStory } from "./story.ts";

const n = Number(process.argv[2] ?? 60);
const dir = mkdtempSync(join(tmpdir(), "extras-cost-"));
writeStory(dir, n);
const story = loadStory(dir);
const render = createRenderer();
const pool = new PngPool(1);
const total = { render: 0, png: 0, social: 0, pdf: 0, pngBytes: 0, socialBytes: 0, pdfBytes: 0 };
for (const chart of story.charts.slice(0, 3)) render(chart.entry, chart.model, chart.words); // warm
await pool.png(
  await pngJob(render(story.charts[0].entry, story.charts[0].model, story.charts[0].words).social, 1200, 1),
);
for (const chart of story.charts) {
  let t = performance.now();
  const drawn = render(chart.entry, chart.model, chart.words);
  total.render += performance.now() - t;
  for (const v of PNG_VARIANTS) {
    t = performance.now();
    total.pngBytes += (
      await pool.png(await pngJob(drawn.svgs.get(svgName(chart.entry.id, v))!, drawn.sizes[v.name].width))
    ).length;
    total.png += performance.now() - t;
  }
  t = performance.now();
  total.socialBytes += (await pool.png(await pngJob(drawn.social, SOCIAL_SIZE.width, 1))).length;
  total.social += performance.now() - t;
  t = performance.now();
  total.pdfBytes += (
    await pool.pdf(
      await pdfJob(drawn.print.svg, drawn.print, chart.entry.printWidth, story.published, chart.words.title),
    )
  ).length;
  total.pdf += performance.now() - t;
}
await pool.close();
rmSync(dir, { recursive: true, force: true });
const per = (ms: number) => `${(ms / story.charts.length).toFixed(1)} ms`;
console.log(`${story.charts.length} charts, per chart:`);
console.log(`  render (all SVG layouts, main thread): ${per(total.render)}`);
console.log(
  `  the two PNGs (worker):                 ${per(total.png)}, ${(total.pngBytes / story.charts.length / 1024).toFixed(0)} KB`,
);
console.log(
  `  social card (worker):                  ${per(total.social)}, ${(total.socialBytes / story.charts.length / 1024).toFixed(0)} KB`,
);
console.log(
  `  print PDF (worker):                    ${per(total.pdf)}, ${(total.pdfBytes / story.charts.length / 1024).toFixed(0)} KB`,
);
