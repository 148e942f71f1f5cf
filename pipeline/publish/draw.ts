import { availableParallelism } from "node:os";
import type { PreparedChart } from "../words/story.ts";
import {
  pdfName,
  PNG_VARIANTS,
  pngName,
  SOCIAL_SIZE,
  socialName,
  svgName,
  type VariantSizes,
} from "../words/output-names.ts";
import { pdfJob } from "./pdf.ts";
import { pngJob } from "./png.ts";
import { pngPool } from "./png-pool.ts";
import type { Writer } from "../language/writer.ts";

/** How many threads draw PNGs: one a core, at most one a chart. */
export const drawingThreads = (charts: number) => Math.max(1, Math.min(availableParallelism(), charts));

/** Files a chart's workers make: its PNGs, its social card and its print PDF. */
const WORKER_FILES = PNG_VARIANTS.length + 2;

/**
 * Draws charts: SVGs in this thread (one jsdom document), each chart's PNGs, social card and print
 * PDF in a worker thread while this one draws the next chart's SVGs. Each file goes to `onFile` as soon as it is done, so
 * memory holds a few charts at a time whatever the story's size. jsdom, Plot and resvg are loaded
 * only here: a build that draws nothing never loads them. Returns each chart's variant sizes.
 */
export async function drawCharts(
  charts: PreparedChart[],
  onFile: (name: string, bytes: Buffer) => void,
  threads = drawingThreads(charts.length),
  writer?: Writer,
  published = "1970-01-01",
): Promise<Map<string, VariantSizes>> {
  const sizes = new Map<string, VariantSizes>();
  if (charts.length === 0) return sizes;
  const pool = pngPool(threads);
  pool.warm(Math.min(threads, charts.length)); // resvg loads in the workers while jsdom loads here.
  const { createRenderer } = await import("./render.ts");
  const render = createRenderer();
  const inFlight = new Set<Promise<void>>();
  let failed: { error: unknown } | undefined;
  try {
    for (const chart of charts) {
      const id = chart.entry.id;
      const drawn = render(chart.entry, chart.model, chart.words, writer);
      sizes.set(id, drawn.sizes);
      const inWorker = (name: string, job: () => Promise<Buffer>) => {
        const done: Promise<void> = job()
          .then((bytes) => (failed ? undefined : onFile(name, bytes)))
          .catch((error: unknown) => void (failed ??= { error }))
          .finally(() => inFlight.delete(done));
        inFlight.add(done);
      };
      for (const variant of PNG_VARIANTS) {
        const svg = drawn.svgs.get(svgName(id, variant))!;
        inWorker(pngName(id, variant), () => pngJob(svg, drawn.sizes[variant.name].width).then((job) => pool.png(job)));
      }
      inWorker(socialName(id), () => pngJob(drawn.social, SOCIAL_SIZE.width, 1).then((job) => pool.png(job)));
      inWorker(pdfName(id), () =>
        pdfJob(drawn.print.svg, drawn.print, chart.entry.printWidth, published, chart.words.title).then((job) =>
          pool.pdf(job),
        ),
      );
      for (const [name, svg] of drawn.svgs) onFile(name, Buffer.from(svg, "utf8"));
      // Let finished PNGs in (and more jobs out) between charts; wait while the workers are full.
      while (inFlight.size >= 2 * threads * WORKER_FILES) await Promise.race(inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      if (failed) break;
    }
  } catch (error) {
    failed ??= { error };
  }
  // Nothing is written after a failure: the caller throws its staging away once this returns.
  await Promise.all(inFlight);
  if (failed) throw failed.error;
  return sizes;
}
