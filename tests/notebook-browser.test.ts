/**
 * The notebook in headless Chromium (Debian's, via playwright-core): the live page of
 * `npm run notebook` for both fixture stories, and the static output/index.html from file://.
 * Every figure listed; every highlight linked to its row and back; an edit to figures.csv in the
 * open page without a reload; a broken row's problem shown over the charts; keyboard use; no
 * serious or critical axe-core finding; no sideways scrolling at 1,280 and 360 px.
 */
import { readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { JSDOM } from "jsdom";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type NotebookServer, startNotebook } from "../pipeline/notebook-server.ts";
import { launch, RUN_BROWSER_TESTS } from "./browser-harness.ts";
import { type DatasetFigure, provenanceFailures } from "./helpers/notebook.ts";
import { append, copyStory, edit } from "./helpers/story.ts";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const SHOTS = process.env.SCREENSHOT_DIR;

interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical findings on the page as it stands. */
async function axeFindings(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE);
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run()).violations;
  })) as AxeFinding[];
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/** What a reader of the page at this width would be made to scroll sideways for. */
async function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide: string[] = [];
    if (document.documentElement.scrollWidth > width) wide.push(`page ${document.documentElement.scrollWidth}px`);
    for (const el of Array.from(document.querySelectorAll("main *"))) {
      const box = el.getBoundingClientRect();
      if (box.width > 0 && box.right > width + 0.5 && !el.closest(".table-wrap"))
        wide.push(
          `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${el.className} ends at ${Math.round(box.right)}px`,
        );
    }
    // The tables scroll within their frame only as a last resort: at these widths they fit.
    for (const wrap of Array.from(document.querySelectorAll(".table-wrap")))
      if (wrap.scrollWidth > wrap.clientWidth + 1)
        wide.push(`${wrap.firstElementChild!.className} table ${wrap.scrollWidth}px in ${wrap.clientWidth}px`);
    return wide.slice(0, 5);
  });
}

const dataset = (out: string) =>
  (JSON.parse(readFileSync(join(out, "figures.json"), "utf8")) as { figures: DatasetFigure[] }).figures;

describe.runIf(RUN_BROWSER_TESTS)("the notebook in Chromium", () => {
  let browser: Browser;
  const scratch: string[] = [];
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
  });

  describe.each(["islamabad", "riots"])("the %s story, live", (fixture) => {
    let story: ReturnType<typeof copyStory>;
    let notebook: NotebookServer;
    let page: Page;
    let figures: DatasetFigure[];
    beforeAll(async () => {
      story = copyStory(fixture);
      scratch.push(story.dir);
      notebook = await startNotebook({ data: story.data, out: story.out, port: 0 });
      figures = dataset(story.out);
      page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
      await page.goto(notebook.url);
      await page.waitForFunction(() => Array.from(document.images).every((i) => i.complete && i.naturalWidth > 0));
      // The page's own script runs under the server's policy; the only error allowed is the missing favicon.
      expect(errors.filter((e) => !/favicon|404/.test(e))).toEqual([]);
    });
    afterAll(async () => {
      await page?.close();
      await notebook?.close();
    });

    it("lists every figure, and every highlight leads to its row and back", async () => {
      const rows = await page.$$eval("table.facts tbody tr", (trs) => trs.map((tr) => tr.id));
      expect(rows).toEqual(figures.map((f) => `fig-${f.id}`));
      const doc = new JSDOM(await page.content()).window.document;
      expect(provenanceFailures(doc, figures)).toEqual([]);
      // Following the links as a reader does: to the row, which is then in view, and back to the number.
      for (const id of await page.$$eval("[data-figure]", (marks) => marks.map((m) => m.id))) {
        await page.click(`#${id}`);
        const row = await page.evaluate(() => {
          const target = document.querySelector(":target");
          const box = target?.getBoundingClientRect();
          return { id: target?.id, inView: box ? box.top >= 0 && box.top < innerHeight : false };
        });
        const figure = (await page.getAttribute(`#${id}`, "data-figure"))!;
        expect(row).toEqual({ id: `fig-${figure}`, inView: true });
        await page.click(`#fig-${figure} a.quote`);
        expect(await page.evaluate(() => document.querySelector(":target")?.id)).toBe(id);
      }
    });

    it("sorts the fact sheet from the keyboard, with the focus visible", async () => {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.focus("body");
      // Tab from the first sort button to the next, as a keyboard user moves.
      await page.focus('table.facts button.sort[data-key="figure"]');
      await page.keyboard.press("Tab");
      const value = page.locator('table.facts button.sort[data-key="value"]');
      expect(await value.evaluate((b) => b === document.activeElement)).toBe(true);
      const outline = await value.evaluate(
        (b) => getComputedStyle(b).outlineStyle + " " + getComputedStyle(b).outlineWidth,
      );
      expect(outline).toMatch(/^solid [1-9]/);
      await page.keyboard.press("Enter");
      const values = () =>
        page.$$eval("table.facts tbody tr", (trs) =>
          trs.map((tr) => Number(tr.querySelector(".value")!.getAttribute("data-sort"))),
        );
      const ascending = await values();
      expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
      expect(await page.getAttribute('th:has(button[data-key="value"])', "aria-sort")).toBe("ascending");
      await page.keyboard.press("Space");
      const descending = await values();
      expect(descending).toEqual([...ascending].sort((a, b) => b - a));
      // Tab reaches the next sort button.
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.getAttribute("data-key"))).toBe("qualifier");
    });

    it("shows an edit to figures.csv in the open page within 2 s, without a reload", async () => {
      const marker = await page.evaluate(() => ((window as unknown as { stay: number }).stay = Math.random()));
      const [id, from, to] =
        fixture === "islamabad"
          ? ["paramilitary_killed", "4,at_least,people,,,the government,", "4,at_least,people,,,the interior ministry,"]
          : [
              "arrests_fri",
              "1311,exact,people,,,the interior ministry,",
              "1311,exact,people,,,France's interior ministry,",
            ];
      const words = to.split(",").at(-2)!;
      // The moment the page shows the edit, by the page's clock: the test's own process (which also
      // runs the server's builds) may be busy when the browser tells it.
      await page.evaluate(
        ([id, words]) => {
          const seen = () => document.querySelector(`#fig-${id} .attributed`)?.textContent === words;
          const observer = new MutationObserver(() => {
            if (!seen()) return;
            (window as unknown as { shown: number }).shown = Date.now();
            observer.disconnect();
          });
          observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        },
        [id, words] as const,
      );
      const started = Date.now();
      edit(story.data, "figures.csv", from, to);
      await page.waitForFunction(() => "shown" in window, undefined, { timeout: 15_000 });
      const took = (await page.evaluate(() => (window as unknown as { shown: number }).shown)) - started;
      console.log(`${fixture}: figures.csv saved → open page updated in ${took} ms`);
      expect(took).toBeLessThan(2000);
      // The same page, not a reload: state set on it survives.
      expect(await page.evaluate(() => (window as unknown as { stay: number }).stay)).toBe(marker);
      await page.waitForFunction(() => Array.from(document.images).every((i) => i.complete && i.naturalWidth > 0));
    });

    it("shows a broken row's problem at the top, linking to its line, while the charts stay", async () => {
      // The last save's charts first: the page shows a save's text before its charts are drawn.
      await page.waitForFunction(
        () => /^Built at/.test(document.getElementById("build-status")?.textContent ?? ""),
        undefined,
        {
          timeout: 30_000,
        },
      );
      const charts = await page.$$eval(".variant img", (imgs) => imgs.map((i) => (i as HTMLImageElement).src));
      append(story.data, "figures.csv", 'broken,arrests,Arrests,lots,exact,people,,,,"954 individuals",article.txt,\n');
      await page.waitForSelector("#problems .stopped li", { timeout: 15_000 });
      const problem = await page.textContent("#problems .stopped li");
      expect(problem).toMatch(/^figures\.csv:\d+: value "lots" is not a number/);
      expect(await page.$$eval(".variant img", (imgs) => imgs.map((i) => (i as HTMLImageElement).src))).toEqual(charts);
      expect(
        await page.$$eval(".variant img", (imgs) => imgs.every((i) => (i as HTMLImageElement).naturalWidth > 0)),
      ).toBe(true);
      expect(await page.textContent("#build-status")).toMatch(/Build stopped/);
      expect(await axeFindings(page)).toEqual([]);
      if (SHOTS) {
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: join(SHOTS, `notebook-${fixture}-problem-1280.png`) });
        await page.setViewportSize({ width: 360, height: 900 });
        await page.screenshot({ path: join(SHOTS, `notebook-${fixture}-problem-360.png`) });
        await page.setViewportSize({ width: 1280, height: 900 });
      }
      await page.click("#problems .stopped li a");
      const target = await page.evaluate(() => {
        const t = document.querySelector(":target");
        return { line: t?.getAttribute("data-line"), problem: t?.classList.contains("problem") };
      });
      expect(target).toEqual({ line: /:(\d+):/.exec(problem!)![1], problem: true });
      edit(story.data, "figures.csv", /broken,.*\n/, "");
      await page.waitForSelector("#problems .stopped", { state: "detached", timeout: 15_000 });
    });

    it("passes axe-core and fits the screen at 1,280 and 360 px", async () => {
      for (const width of [1280, 360]) {
        await page.setViewportSize({ width, height: 900 });
        await page.evaluate(() => window.scrollTo(0, 0));
        expect(await overflow(page), `${width}px`).toEqual([]);
        expect(await axeFindings(page), `${width}px`).toEqual([]);
        if (SHOTS) await page.screenshot({ path: join(SHOTS, `notebook-${fixture}-${width}.png`), fullPage: true });
      }
      await page.setViewportSize({ width: 1280, height: 900 });
    });

    it("turns dark for an editor in dark mode, every text still readable (axe-core's contrast included)", async () => {
      await page.emulateMedia({ colorScheme: "dark" });
      try {
        const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        expect(background).toBe("rgb(21, 24, 28)");
        // The light variant stays light, as its caption says: the corner of its image is white.
        const shot = await page.locator(".variant:not(.dark) img").first().screenshot();
        // Decoded in a blank page: the notebook's own policy allows no fetch.
        const blank = await browser.newPage();
        const corner = await blank.evaluate(async (b64) => {
          const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
          const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
          const context = canvas.getContext("2d")!;
          context.drawImage(bitmap, 0, 0);
          return Array.from(context.getImageData(4, 4, 1, 1).data.slice(0, 3));
        }, shot.toString("base64"));
        await blank.close();
        expect(corner).toEqual([255, 255, 255]);
        for (const width of [1280, 360]) {
          await page.setViewportSize({ width, height: 900 });
          expect(await axeFindings(page), `${width}px dark`).toEqual([]);
          if (SHOTS)
            await page.screenshot({ path: join(SHOTS, `notebook-${fixture}-${width}-dark.png`), fullPage: true });
        }
      } finally {
        await page.emulateMedia({ colorScheme: "light" });
        await page.setViewportSize({ width: 1280, height: 900 });
      }
    });

    it("is the same notebook as the static output/index.html, with no network from file://", async () => {
      const file = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const requests: string[] = [];
      file.on("request", (request) => requests.push(request.url()));
      await file.goto(pathToFileURL(join(story.out, "index.html")).href);
      await file.waitForFunction(() => Array.from(document.images).every((i) => i.complete && i.naturalWidth > 0));
      expect(requests.filter((url) => !url.startsWith("file://"))).toEqual([]);
      // The live page as first opened (the sort above is the reader's): the same text, facts and charts.
      await page.reload();
      for (const section of ["#text", "#facts", "#charts", "#corrections"]) {
        const text = (p: Page) => p.$eval(section, (el) => el.textContent);
        expect(await text(file), section).toBe(await text(page));
      }
      await file.click('table.facts button.sort[data-key="figure"]');
      const ids = await file.$$eval("table.facts tbody tr", (trs) => trs.map((tr) => tr.id));
      expect(ids).toEqual([...ids].sort());
      expect(await axeFindings(file)).toEqual([]);
      await file.close();
    });
  });
});
