/**
 * Shared by the browser tests: Debian's Chromium driven by playwright-core (never a downloaded
 * browser), a static server on 127.0.0.1, and pixel comparison done inside the browser.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const HAVE_CHROMIUM = existsSync(CHROMIUM);
/**
 * Run where Chromium is installed; under CI always, so a CI machine without it fails the suite
 * (launch throws) instead of skipping it.
 */
export const IN_CI = Boolean(process.env.CI) && !/^(0|false|no)$/i.test(process.env.CI ?? "");
export const RUN_BROWSER_TESTS = HAVE_CHROMIUM || IN_CI;

export function launch(): Promise<Browser> {
  if (!HAVE_CHROMIUM)
    throw new Error(
      `Chromium not found at ${CHROMIUM}; CI must install Debian's chromium (apt-get install chromium fonts-liberation)`,
    );
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--font-render-hinting=none",
    ],
  });
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".csv": "text/csv; charset=utf-8",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
};

export interface Site {
  url: string;
  /** Adds or replaces a page served from memory at /pages/<name>. */
  page(name: string, html: string): string;
  close(): Promise<void>;
}

/** Serves each folder under /<prefix>/ and generated pages under /pages/, on 127.0.0.1 only. */
export async function serve(folders: Record<string, string>): Promise<Site> {
  const pages = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const [, prefix, ...rest] = path.split("/");
    const name = rest.join("/");
    let body: string | Buffer | undefined;
    if (prefix === "pages") body = pages.get(name);
    else if (folders[prefix] && !normalize(name).startsWith("..")) {
      const file = join(folders[prefix], normalize(name));
      if (existsSync(file) && statSync(file).isFile()) body = readFileSync(file);
    }
    if (body === undefined) {
      res.writeHead(404).end();
      return;
    }
    res
      .writeHead(200, {
        "content-type": TYPES[extname(name)] ?? "application/octet-stream",
        "cache-control": "no-store",
      })
      .end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    page(name, html) {
      pages.set(name, html);
      return `${url}/pages/${name}`;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface PixelDiff {
  width: number;
  height: number;
  /** Pixels whose colour differs by more than one level in a channel. */
  differing: number;
  /** Largest difference of one channel, 0–255. */
  maxDelta: number;
  note: string;
}

/** Decodes two PNG screenshots in the page and compares them pixel by pixel. */
/**
 * Compares two screenshots pixel by pixel; a pixel differs when a channel differs by more than one
 * level (Chromium rounds the coverage of a fractional edge by one level depending on where on the
 * page it falls). `ignore` lists boxes (in the screenshots' pixels) left out: the anti-aliasing of
 * a slanted stroke depends on its place on the page by far more.
 */
export async function comparePngs(
  page: Page,
  a: Buffer,
  b: Buffer,
  ignore: { x: number; y: number; w: number; h: number }[] = [],
): Promise<PixelDiff> {
  return page.evaluate(
    async ([a64, b64, skip]) => {
      const decode = async (b64: string) => {
        const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext("2d")!;
        ctx.drawImage(bitmap, 0, 0);
        return {
          width: bitmap.width,
          height: bitmap.height,
          data: ctx.getImageData(0, 0, bitmap.width, bitmap.height).data,
        };
      };
      const [x, y] = await Promise.all([decode(a64), decode(b64)]);
      if (x.width !== y.width || x.height !== y.height) {
        return {
          width: x.width,
          height: x.height,
          differing: Infinity,
          maxDelta: 255,
          note: `sizes differ: ${x.width}×${x.height} and ${y.width}×${y.height}`,
        };
      }
      let differing = 0;
      let maxDelta = 0;
      for (let i = 0; i < x.data.length; i += 4) {
        const px = (i / 4) % x.width;
        const py = Math.floor(i / 4 / x.width);
        if (skip.some((r) => px >= r.x && px < r.x + r.w && py >= r.y && py < r.y + r.h)) continue;
        let d = 0;
        for (let c = 0; c < 4; c++) d = Math.max(d, Math.abs(x.data[i + c] - y.data[i + c]));
        // One level in one channel is the rasteriser rounding at a fractional edge, not a restyle.
        if (d > 1) differing++;
        maxDelta = Math.max(maxDelta, d);
      }
      return { width: x.width, height: x.height, differing, maxDelta, note: "" };
    },
    [a.toString("base64"), b.toString("base64"), ignore] as const,
  );
}

/** PNG width and height from its header. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.toString("latin1", 1, 4) !== "PNG") throw new Error("not a PNG");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
