import { availableParallelism } from "node:os";
import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
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

/**
 * Drawing a chart leaves megabytes of jsdom and Plot objects that outlive a young-generation
 * collection, so V8 lets the old generation grow to hundreds of megabytes of garbage before it
 * collects (a 1,000-chart build peaked near 500 MB). A full collection once the heap has grown
 * GROWTH past what was alive after the last one keeps it bounded whatever the story's size.
 */
const GROWTH = 64 * 1024 * 1024;
let alive = 0;
let collect: (() => void) | undefined;
function collectIfGrown(): void {
  const used = getHeapStatistics().used_heap_size;
  if (used < alive + GROWTH) return;
  if (!collect) {
    // V8's flags are the process's: gc is exposed for this context from now on.
    if (typeof globalThis.gc !== "function") setFlagsFromString("--expose-gc");
    collect = typeof globalThis.gc === "function" ? globalThis.gc : (runInNewContext("gc") as () => void);
  }
  collect();
  alive = getHeapStatistics().used_heap_size;
}

/** How many threads draw PNGs: one a core, at most one a chart. */
export const drawingThreads = (charts: number) => Math.max(1, Math.min(availableParallelism(), charts));

/**
 * Files waiting for a worker, at most, per worker (and their SVG text, at most): the drawing thread
 * runs ahead of the workers (a chart's SVGs take it a fraction of the time its PNGs, social card
 * and print file take them) by this much, so the workers always have the next job, and still have
 * a second or so of them when it stops drawing to write the embeds and the notebook. More would
 * only hold more memory.
 */
const PENDING_JOBS = 64;
const PENDING_BYTES = 32 * 1024 * 1024;

/** Charts drawn: their SVGs handed on, their workers' files (PNGs, social card, PDF) on their way. */
export interface Drawing {
  /** Each chart's variant sizes. */
  sizes: Map<string, VariantSizes>;
  /** Resolves once every file is handed on; rejects with the first that failed. */
  done(): Promise<void>;
  /** No file is handed on from now: resolves once none is being drawn (the caller is giving up). */
  cancel(): Promise<void>;
}

/**
 * Draws charts: SVGs in this thread (one jsdom document), each chart's PNGs, social card and print
 * PDF in worker threads while this one draws the next charts' SVGs. Each file goes to `onFile` as
 * soon as it is done, so memory holds a few charts at a time whatever the story's size. Returns
 * once every SVG is drawn, with the last workers' files still being drawn: the caller writes the
 * embeds and the notebook meanwhile, and waits for them (`done`) before its manifest, so neither
 * this thread nor the workers wait for the other. jsdom, Plot and resvg are loaded only here: a
 * build that draws nothing never loads them.
 */
export async function drawCharts(
  charts: PreparedChart[],
  onFile: (name: string, bytes: Buffer) => void,
  threads = drawingThreads(charts.length),
  writer?: Writer,
  published = "1970-01-01",
): Promise<Drawing> {
  const sizes = new Map<string, VariantSizes>();
  const inFlight = new Set<Promise<void>>();
  let failed: { error: unknown } | undefined;
  let cancelled = false;
  const drawing: Drawing = {
    sizes,
    async done() {
      await Promise.all(inFlight);
      if (failed) throw failed.error;
    },
    async cancel() {
      cancelled = true;
      await Promise.all(inFlight);
    },
  };
  if (charts.length === 0) return drawing;
  const pool = pngPool(threads);
  pool.warm(Math.min(threads, charts.length)); // resvg loads in the workers while jsdom loads here.
  const { createRenderer } = await import("./render.ts");
  const render = createRenderer();
  let pending = 0;
  let jobs = 0;
  /** Jobs being made ready for a worker (a complex script's outlines are made on the way). */
  const making = new Set<Promise<unknown>>();
  try {
    for (const chart of charts) {
      const id = chart.entry.id;
      const drawn = render(chart.entry, chart.model, chart.words, writer);
      sizes.set(id, drawn.sizes);
      const inWorker = <T>(name: string, svg: string, ready: Promise<T>, draw: (job: T) => Promise<Buffer>) => {
        pending += svg.length;
        jobs += 1;
        const made: Promise<unknown> = ready.catch(() => undefined).finally(() => making.delete(made));
        making.add(made);
        const done: Promise<void> = ready
          .then(draw)
          .then((bytes) => (failed || cancelled ? undefined : onFile(name, bytes)))
          .catch((error: unknown) => void (failed ??= { error }))
          .finally(() => {
            pending -= svg.length;
            jobs -= 1;
            inFlight.delete(done);
          });
        inFlight.add(done);
      };
      for (const variant of PNG_VARIANTS) {
        const svg = drawn.svgs.get(svgName(id, variant))!;
        inWorker(pngName(id, variant), svg, pngJob(svg, drawn.sizes[variant.name].width), (job) => pool.png(job));
      }
      inWorker(socialName(id), drawn.social, pngJob(drawn.social, SOCIAL_SIZE.width, 1), (job) => pool.png(job));
      inWorker(
        pdfName(id),
        drawn.print.svg,
        pdfJob(drawn.print.svg, drawn.print, chart.entry.printWidth, published, chart.words.title),
        (job) => pool.pdf(job),
      );
      for (const [name, svg] of drawn.svgs) onFile(name, Buffer.from(svg, "utf8"));
      collectIfGrown();
      // Let finished files in (and more jobs out) between charts; wait while too much waits for the workers.
      while (pending >= PENDING_BYTES || jobs >= PENDING_JOBS * threads) await Promise.race(inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      if (failed) break;
    }
  } catch (error) {
    failed ??= { error };
  }
  if (failed) {
    // Nothing is written after a failure: the caller throws its staging away once this throws.
    await drawing.cancel();
    throw failed.error;
  }
  // Every job goes to a worker now.
  await Promise.all(making);
  pool.flush();
  return drawing;
}
