import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import { PDF_FONTS, type PdfJob } from "./pdf.ts";
import type { PngJob } from "./png.ts";

/**
 * PNGs (and the print PDFs, pdf.ts) drawn in worker threads, so they use every core while the main thread draws the next
 * chart's SVGs. resvg's pixels live in native memory that V8 does not count (thx/resvg-js#216), so
 * V8 sees no reason to collect them and a long build would hold gigabytes: each worker collects
 * its garbage every few PNGs, and is replaced after a few hundred, returning whatever is left.
 *
 * The workers are plain JavaScript (no TypeScript loader to start) and load only resvg, and
 * PDFKit with svg-to-pdfkit the first time they are given a PDF.
 */
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const { Resvg } = require(workerData.resvg);
// V8's flags are the process's: once one worker has exposed gc, later workers start with it.
if (typeof globalThis.gc !== "function") require("node:v8").setFlagsFromString("--expose-gc");
const collect = typeof globalThis.gc === "function" ? globalThis.gc : require("node:vm").runInNewContext("gc");
const jobs = [];
// Bytes of pixels resvg has allocated since the last collection (native memory V8 does not see).
let held = 0;
// The fonts are parsed once a worker (fontkit keeps the tables it has read): parsing them for every
// document was a third of a PDF's time. Each document still embeds its own subset.
const parsedFonts = new Map();
function parsedFont(file) {
  if (!parsedFonts.has(file))
    parsedFonts.set(file, require(workerData.fontkit).create(require("node:fs").readFileSync(file)));
  return parsedFonts.get(file);
}
// A print file: the SVG drawn into one PDFKit page of the given size in points, text set in the
// registered TrueType fonts (embedded as subsets). PDFKit stamps a creation date, and derives the
// file's ID from it: both are the given date, so the same chart gives the same bytes.
function pdf({ svg, width, height, fonts, date, title }) {
  const PDFDocument = require(workerData.pdfkit);
  const SVGtoPDF = require(workerData.svgToPdfkit);
  const doc = new PDFDocument({
    size: [width, height],
    margin: 0,
    compress: true,
    info: { Title: title, Creator: "newsroom-charts", Producer: "newsroom-charts", CreationDate: new Date(date) },
  });
  for (const [name, file] of Object.entries(fonts)) doc.registerFont(name, parsedFont(file));
  const chunks = [];
  doc.on("data", (chunk) => chunks.push(chunk));
  const done = new Promise((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  SVGtoPDF(doc, svg, 0, 0, {
    width,
    height,
    preserveAspectRatio: "xMinYMin meet",
    fontCallback: (family, bold) => (bold ? "sans-bold" : "sans"),
    warningCallback: () => {},
  });
  doc.end();
  return done;
}
// One job a turn of the event loop: resvg's objects are freed by finalizers that run between turns,
// which a worker answering message after message in one turn would never reach.
async function next() {
  const job = jobs[0];
  try {
    let bytes;
    if (job.type === "pdf") bytes = await pdf(job);
    else {
      const image = new Resvg(job.svg, job.options).render();
      held += image.width * image.height * 4;
      bytes = image.asPng();
    }
    parentPort.postMessage({ id: job.id, png: bytes });
  } catch (error) {
    parentPort.postMessage({ id: job.id, error: String((error && error.message) || error) });
  }
  jobs.shift();
  if (held >= workerData.collectAfterBytes) {
    collect();
    held = 0;
  }
  if (jobs.length > 0) setImmediate(next);
}
// What a PDF needs, loaded while the worker waits for its first job (the main thread is loading
// jsdom meanwhile), so the last chart's print file is not kept waiting for it at the end. Whatever
// fails here (a font missing) fails again in the job that needs it, and is reported there.
setImmediate(() => {
  try {
    require(workerData.pdfkit);
    require(workerData.svgToPdfkit);
    for (const file of workerData.pdfFonts) parsedFont(file);
  } catch {}
});
parentPort.on("message", (job) => {
  jobs.push(job);
  if (jobs.length === 1) setImmediate(next);
});
`;

/**
 * A worker collects its garbage (and resvg's pixels with it) once the PNGs it drew since the last
 * collection have allocated this many bytes of pixels: about one chart's two PNGs and social card.
 * PDFs allocate no pixels and do not count; collecting after every fourth job, whatever it was, cost
 * a 300-chart build about 5 s of its 50 s CPU (a full collection takes a worker 8–20 ms).
 */
const COLLECT_AFTER_BYTES = 12 * 1024 * 1024;
/** A worker is replaced after this many PNGs, returning any native memory still held. */
const RECYCLE_AFTER = 250;

type Work = ({ type: "png" } & PngJob) | ({ type: "pdf" } & PdfJob);

type Job = Work & {
  id: number;
  resolve: (png: Buffer) => void;
  reject: (error: Error) => void;
};

interface Slot {
  worker: Worker;
  /** Jobs sent and not yet answered, in the order the worker takes them. */
  jobs: Job[];
  /** Jobs ever sent to this worker: it is replaced once RECYCLE_AFTER have been sent and answered. */
  sent: number;
}

/** Jobs a worker holds at once: the next one waits in its queue while it draws, so it never idles. */
const DEPTH = 2;

const require = createRequire(import.meta.url);
const RESVG = require.resolve("@resvg/resvg-js");
const PDFKIT = require.resolve("pdfkit");
const SVG_TO_PDFKIT = require.resolve("svg-to-pdfkit");
/** PDFKit's own font parser (a dependency of PDFKit's, resolved where PDFKit finds it). */
const FONTKIT = createRequire(PDFKIT).resolve("fontkit");

export class PngPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private next = 0;

  constructor(
    readonly size: number,
    private readonly recycleAfter = RECYCLE_AFTER,
  ) {}

  /** The PNG resvg draws for the job (see png.ts). */
  png(job: PngJob): Promise<Buffer> {
    return this.draw({ type: "png", ...job });
  }

  /** The print PDF of the job (see pdf.ts). */
  pdf(job: PdfJob): Promise<Buffer> {
    return this.draw({ type: "pdf", ...job });
  }

  private draw(work: Work): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      this.queue.push({ ...work, id: this.next++, resolve, reject });
      this.dispatch();
    });
  }

  /** Jobs not yet handed to a worker. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Jobs waiting or being drawn. */
  get pending(): number {
    return this.queue.length + this.slots.reduce((n, s) => n + s.jobs.length, 0);
  }

  /**
   * Hands every waiting job to a worker now, spread evenly, whatever their queues hold: the caller
   * is about to be busy (the notebook, the embeds) and cannot hand them out one by one, so the
   * workers go on drawing meanwhile instead of waiting for it.
   */
  flush(): void {
    this.warm();
    while (this.queue.length > 0) {
      const slot = [...this.slots].sort((a, b) => a.jobs.length - b.jobs.length)[0];
      this.send(slot, this.queue.shift()!);
    }
  }

  /** Starts the workers now, so they load resvg while the caller does other work. */
  warm(count = this.size): void {
    while (this.slots.length < Math.min(count, this.size)) this.slots.push(this.spawn());
  }

  /** Ends every worker (a pool is made again on demand). */
  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(WORKER, {
      eval: true,
      workerData: {
        resvg: RESVG,
        pdfkit: PDFKIT,
        svgToPdfkit: SVG_TO_PDFKIT,
        fontkit: FONTKIT,
        pdfFonts: Object.values(PDF_FONTS),
        collectAfterBytes: COLLECT_AFTER_BYTES,
      },
    });
    const slot: Slot = { worker, jobs: [], sent: 0 };
    worker.unref(); // An idle worker never keeps the process alive; a busy one is ref'd while it works.
    worker.on("message", (message: { id: number; png?: Uint8Array; error?: string }) => {
      const job = slot.jobs.shift()!;
      if (slot.jobs.length === 0) worker.unref();
      if (message.error !== undefined)
        job.reject(
          new Error(
            job.type === "pdf"
              ? `PDFKit could not draw the PDF: ${message.error}`
              : `resvg could not draw the PNG: ${message.error}`,
          ),
        );
      else job.resolve(Buffer.from(message.png!.buffer, message.png!.byteOffset, message.png!.byteLength));
      if (slot.sent >= this.recycleAfter && slot.jobs.length === 0) this.replace(slot);
      this.dispatch();
    });
    const fail = (error: Error) => {
      for (const job of slot.jobs.splice(0)) job.reject(error);
      this.replace(slot);
      this.dispatch();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => {
      if (slot.jobs.length > 0) fail(new Error(`the PNG worker stopped (exit code ${code})`));
    });
    return slot;
  }

  private replace(slot: Slot): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    void slot.worker.terminate();
    this.slots.splice(index, 1);
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.slots
        .filter((s) => s.jobs.length < DEPTH && s.sent < this.recycleAfter)
        .sort((a, b) => a.jobs.length - b.jobs.length)[0];
      if (!slot && this.slots.length < this.size) {
        slot = this.spawn();
        this.slots.push(slot);
      }
      if (!slot) return;
      this.send(slot, this.queue.shift()!);
    }
  }

  private send(slot: Slot, job: Job): void {
    slot.jobs.push(job);
    slot.sent += 1;
    slot.worker.ref();
    const { resolve: _resolve, reject: _reject, ...message } = job;
    slot.worker.postMessage(message);
  }
}

let shared: PngPool | undefined;

/** The process's PNG workers, up to `size` of them (made once, reused by every build of a watch). */
export function pngPool(size: number): PngPool {
  if (!shared || shared.size < size) {
    void shared?.close();
    shared = new PngPool(size);
  }
  return shared;
}
