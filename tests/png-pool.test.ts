import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PngPool } from "../pipeline/publish/png-pool.ts";
import { pdfJob } from "../pipeline/publish/pdf.ts";
import { pngJob, svgToPng } from "../pipeline/publish/png.ts";
import { useBuiltStory } from "./helpers/story.ts";

const built = useBuiltStory();
const pools: PngPool[] = [];
afterAll(async () => {
  for (const pool of pools) await pool.close();
});

describe("the PNG workers", () => {
  it("draw the same bytes as resvg in this thread, through workers replaced every two PNGs", async () => {
    const pool = new PngPool(2, 2);
    pools.push(pool);
    const ids = ["security-vs-protesters", "arrests-by-day", "casualties-by-force"];
    const svgs = ids.map((id) => readFileSync(join(built.out, `${id}.svg`), "utf8"));
    // Seven rounds: each worker is replaced three times (a new worker starts with gc already exposed).
    const jobs = Array.from({ length: 21 }, (_, i) => pngJob(svgs[i % 3], 640).then((job) => pool.png(job)));
    const pngs = await Promise.all(jobs);
    for (const [i, png] of pngs.entries())
      expect(png.equals(built.files.get(`${ids[i % 3]}.png`)!), `job ${i}`).toBe(true);
    expect((await svgToPng(svgs[0], 640)).equals(built.files.get(`${ids[0]}.png`)!)).toBe(true);
    expect(pool.pending).toBe(0);
  });

  it("report an SVG resvg cannot read as an error of that job, and go on with the next", async () => {
    const pool = new PngPool(1);
    pools.push(pool);
    await expect(pngJob("<svg", 640).then((job) => pool.png(job))).rejects.toThrow(/resvg could not draw the PNG/);
    const svg = readFileSync(join(built.out, "arrests-by-day.svg"), "utf8");
    expect((await pool.png(await pngJob(svg, 640))).equals(built.files.get("arrests-by-day.png")!)).toBe(true);
  });
});

describe("the PNG workers, when the drawing thread is about to be busy", () => {
  it("are handed every waiting job at once, and draw them all the same", async () => {
    const pool = new PngPool(1);
    pools.push(pool);
    const svg = readFileSync(join(built.out, "arrests-by-day.svg"), "utf8");
    const job = await pngJob(svg, 640);
    const pngs = Array.from({ length: 6 }, () => pool.png(job));
    expect(pool.waiting).toBe(4); // two with the worker (one drawn, one next), four waiting here
    pool.flush();
    expect(pool.waiting).toBe(0); // all six with the worker: it goes on while this thread is busy
    expect(pool.pending).toBe(6);
    for (const png of await Promise.all(pngs)) expect(png.equals(built.files.get("arrests-by-day.png")!)).toBe(true);
  });
});

describe("the PDF workers", () => {
  it("make each print file the same bytes whatever the worker made before it, though it parses its fonts once", async () => {
    const ids = ["security-vs-protesters", "arrests-by-day", "casualties-by-force"];
    const jobs = await Promise.all(
      ids.map((id) =>
        pdfJob(readFileSync(join(built.out, `${id}.svg`), "utf8"), { width: 640, height: 400 }, 50, "2024-11-27", id),
      ),
    );
    // Each alone, the first job of a new worker.
    const alone: Buffer[] = [];
    for (const job of jobs) {
      const pool = new PngPool(1);
      pools.push(pool);
      alone.push(await pool.pdf(job));
    }
    // One worker, one after another and again: fonts, subsets and IDs must not carry over.
    const pool = new PngPool(1);
    pools.push(pool);
    for (const i of [0, 1, 0, 2, 1, 2]) expect((await pool.pdf(jobs[i])).equals(alone[i]), ids[i]).toBe(true);
    expect(new Set(alone.map((pdf) => pdf.toString("latin1"))).size).toBe(3);
    for (const pdf of alone) expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });
});
