/**
 * output/index.html, the static notebook: the article and sources with every number highlighted by
 * status, the fact sheet, every chart in every variant with its alt text and embed code, the
 * corrections log and the story files, from file:// with no network. (Chromium checks the layout,
 * keyboard and accessibility in tests/notebook-browser.test.ts.)
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { JSDOM } from "jsdom";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../pipeline/build.ts";
import type { Manifest } from "../pipeline/publish/manifest.ts";
import { NOTEBOOK_SCRIPT } from "../pipeline/publish/notebook-assets.ts";
import { svgName, VARIANTS } from "../pipeline/words/output-names.ts";
import { type DatasetFigure, provenanceFailures } from "./helpers/notebook.ts";
import { append, copyStory, edit, useBuiltStory } from "./helpers/story.ts";
import { parseSvg, visibleText } from "./helpers/svg.ts";

const built = useBuiltStory();
let out: string;
let doc: Document;
let manifest: Manifest;
let figures: DatasetFigure[];

const page = (dir: string) => new JSDOM(readFileSync(join(dir, "index.html"), "utf8")).window.document;
const dataset = (dir: string) =>
  (JSON.parse(readFileSync(join(dir, "figures.json"), "utf8")) as { figures: DatasetFigure[] }).figures;

beforeAll(() => {
  ({ out, manifest } = built);
  doc = page(out);
  figures = dataset(out);
});

const svg = (name: string) => parseSvg(readFileSync(join(out, name), "utf8"));
const cell = (row: Element, key: string) => row.querySelector(`.${key}`)!.textContent!.replace(/\s+/g, " ").trim();

describe("the notebook's heading", () => {
  it("names the story by its headline, the first line after the dateline, with the date written out", () => {
    expect(doc.querySelector("h1")!.textContent).toBe(
      "Nearly 1,000 protesters were arrested in Islamabad after a large rally demanding the release of jailed ex-prime minister Imran Khan.",
    );
    expect(doc.querySelector("title")!.textContent).toMatch(/^Nearly 1,000 protesters .* · notebook$/);
    expect(doc.getElementById("summary")!.textContent).toMatch(/^Published 27 Nov 2024 · 7 figures · 4 charts/);
  });

  it('names it by charts.json\'s "story" when the chart list gives one', async () => {
    const story = copyStory("riots");
    edit(story.data, "charts.json", /"story": "[^"]*"/, '"story": "Riots in France, July 2023"');
    await build({ data: story.data, out: story.out });
    expect(page(story.out).querySelector("h1")!.textContent).toBe("Riots in France, July 2023");
  });
});

describe("the article and sources", () => {
  it("highlight every figure's number where its quote states it, linking to its row and back", () => {
    expect(provenanceFailures(doc, figures)).toEqual([]);
    expect(doc.querySelectorAll("[data-figure]")).toHaveLength(figures.length);
  });

  it("mark charted numbers with links to their charts, and numbers no figure records", () => {
    const charted = Array.from(doc.querySelectorAll("a.num.charted")).map((a) => a.getAttribute("data-figure"));
    const onCharts = new Set(Object.values(manifest.charts).flatMap((c) => c.figures));
    expect(charted.sort()).toEqual(
      figures
        .map((f) => f.id)
        .filter((id) => onCharts.has(id))
        .sort(),
    );
    for (const a of Array.from(doc.querySelectorAll("a.num.charted"))) {
      const links = [];
      for (let next = a.nextElementSibling; next?.matches("a.to-chart"); next = next.nextElementSibling)
        links.push(next.getAttribute("href"));
      const id = a.getAttribute("data-figure")!;
      const charts = Object.entries(manifest.charts).filter(([, c]) => c.figures.includes(id));
      expect(links).toEqual(charts.map(([chart]) => `#chart-${chart}`));
      for (const href of links) expect(doc.querySelector(href!)).not.toBeNull();
    }
    const recorded = Array.from(doc.querySelectorAll("a.num.recorded")).map((a) => a.textContent);
    expect(recorded).toEqual(["Nearly 1,000", "within 1.6"]);
    // Exactly the figures the build counts unrecorded (years, dates and names are not figures).
    expect(Array.from(doc.querySelectorAll(".text mark.num.unrecorded")).map((m) => m.textContent)).toEqual(
      manifest.unrecorded.map((u) => u.text),
    );
  });

  it("show the text exactly as received, each line addressable", () => {
    const article = readFileSync(join(built.dir, "data", "article.txt"), "utf8");
    const shown = doc.getElementById("src-article.txt")!.nextElementSibling!;
    expect(shown.textContent).toBe(article);
    expect(shown.querySelector("#src-article\\.txt-L3")!.getAttribute("data-line")).toBe("3");
    expect(shown.querySelector(".dateline")!.textContent).toBe("date 2024-11-27");
  });
});

describe("the fact sheet", () => {
  it("has one row per figure, in figures.csv order, with every field in words", () => {
    const rows = Array.from(doc.querySelectorAll("table.facts tbody tr"));
    expect(rows.map((r) => r.id)).toEqual(figures.map((f) => `fig-${f.id}`));
    const arrests = doc.getElementById("fig-arrests")!;
    expect(cell(arrests, "value")).toBe("954 people");
    expect(cell(arrests, "qualifier")).toBe("exactly");
    expect(cell(arrests, "bounds")).toBe("954 to 954");
    expect(cell(arrests, "period")).toBe("Sun 24 – Tue 26 Nov 2024");
    expect(cell(arrests, "attributed")).toBe("Islamabad Police Inspector General Ali Nasir Rizvi");
    expect(cell(arrests, "source")).toBe("article.txt");
    expect(cell(arrests, "quote")).toBe(figures.find((f) => f.id === "arrests")!.quote);
    expect(cell(arrests, "corrections")).toBe("none");
    expect(cell(arrests, "charts")).toBe("arrests-by-day");
    const protesters = doc.getElementById("fig-protesters")!;
    expect([cell(protesters, "qualifier"), cell(protesters, "bounds")]).toEqual(["more than", "10,000 to open"]);
    expect(cell(doc.getElementById("fig-arrests_lede")!, "figure")).toMatch(/restates arrests/);
    // Its line in figures.csv, named (the live notebook links it to the file as saved; the static page
    // does not show the files as saved, which would change with every spreadsheet's way of saving them).
    expect(doc.querySelector("#fig-arrests .line-link")!.textContent).toBe("figures.csv:5");
  });

  it("sorts by every column: a button in each header, a sort key in each cell", () => {
    const headers = Array.from(doc.querySelectorAll("table.facts thead th"));
    expect(headers.map((h) => h.querySelector("button.sort")?.textContent)).toEqual([
      "Figure",
      "Value",
      "Qualifier",
      "Bounds",
      "Period",
      "Attributed to",
      "Source",
      "Quote",
      "Corrections",
      "Charts",
    ]);
    for (const row of Array.from(doc.querySelectorAll("table.facts tbody tr")))
      expect(Array.from((row as HTMLTableRowElement).cells).every((c) => c.hasAttribute("data-sort"))).toBe(true);
  });
});

describe("the charts", () => {
  it("have a section each, in the order of charts.json, showing all four variants", () => {
    const ids = Object.keys(manifest.charts);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    expect(Array.from(doc.querySelectorAll("article.chart")).map((s) => s.id)).toEqual(ids.map((id) => `chart-${id}`));
    for (const id of ids) {
      const imgs = Array.from(doc.querySelectorAll(`#chart-${id} .variant img`));
      expect(imgs.map((i) => i.getAttribute("src"))).toEqual(VARIANTS.map((v) => svgName(id, v)));
      for (const img of imgs) expect(existsSync(join(out, img.getAttribute("src")!))).toBe(true);
      const linked = Array.from(doc.querySelectorAll(`#chart-${id} .chart-figures a`)).map((a) => a.textContent);
      expect(linked).toEqual(manifest.charts[id].figures);
    }
  });

  it("show each chart's title, its alt text (the SVG's <desc>) and its source line as the chart prints it", () => {
    for (const id of Object.keys(manifest.charts)) {
      const section = doc.getElementById(`chart-${id}`)!;
      const chart = svg(`${id}.svg`);
      const desc = chart.querySelector("desc")!.textContent!;
      expect(section.querySelector("h3")!.textContent).toContain(chart.querySelector("title")!.textContent!);
      const field = (name: string) =>
        Array.from(section.querySelectorAll("dt")).find((dt) => dt.textContent === name)?.nextElementSibling
          ?.textContent;
      expect(field("Alt text")).toBe(desc);
      for (const img of Array.from(section.querySelectorAll("img"))) expect(img.getAttribute("alt")).toBe(desc);
      const source = field("Source")!;
      expect(source).toMatch(/^Source/);
      expect(visibleText(chart).join(" ").replace(/\s+/g, " ")).toContain(source);
    }
  });

  it("offer the embed code exactly as in X.embed.html, and link the PNG, CSV and embed files", () => {
    for (const id of Object.keys(manifest.charts)) {
      const section = doc.getElementById(`chart-${id}`)!;
      const area = section.querySelector("textarea") as HTMLTextAreaElement;
      expect(area.hasAttribute("readonly")).toBe(true);
      expect(area.value).toBe(readFileSync(join(out, `${id}.embed.html`), "utf8"));
      expect(section.querySelector(`label[for="${area.id}"]`)).not.toBeNull();
      const links = Array.from(section.querySelectorAll("a")).map((a) => a.getAttribute("href")!);
      for (const file of [`${id}.png`, `${id}.csv`, `${id}.embed.html`, ...VARIANTS.map((v) => svgName(id, v))]) {
        expect(links, id).toContain(file);
        expect(existsSync(join(out, file)), file).toBe(true);
      }
    }
  });
});

describe("a story with corrections and sources (riots)", () => {
  let riots: Document;
  let riotFigures: DatasetFigure[];
  beforeAll(async () => {
    const story = copyStory("riots");
    await build({ data: story.data, out: story.out });
    riots = page(story.out);
    riotFigures = dataset(story.out);
  });

  it("highlights figures in the source they quote, and links each to its row and back", () => {
    expect(provenanceFailures(riots, riotFigures)).toEqual([]);
    const ministry = riots.getElementById("src-sources/interior-ministry.txt")!.nextElementSibling!;
    expect(Array.from(ministry.querySelectorAll("[data-figure]")).map((a) => a.getAttribute("data-figure"))).toEqual([
      "arrests_total",
      "arrests_thu",
    ]);
  });

  it("logs every correction, and shows the corrected number as superseded, linked to its correction", () => {
    const rows = Array.from(riots.querySelectorAll("table.log tbody tr"));
    expect(rows.map((r) => r.id)).toEqual(["correction-2", "correction-3", "correction-4"]);
    expect(rows[0].textContent).toContain("The interior ministry revised the count");
    const old = riots.querySelector("a.num.superseded")!;
    expect(old.textContent).toBe("875");
    expect(old.getAttribute("href")).toBe("#correction-2");
    expect(cell(riots.getElementById("fig-arrests_thu")!, "corrections")).toMatch(/^5 Jul 2023: value 875 → 917/);
  });
});

describe("warnings", () => {
  it("stand at the top of the page, each naming its file and line and linking to its chart", async () => {
    const story = copyStory();
    // The narrow reading of "at least one police officer and four …": a warning on the row.
    edit(story.data, "figures.csv", "Paramilitary personnel,4,at_least,", "Paramilitary personnel,4,exact,");
    writeFileSync(
      join(story.data, "sources/police.txt"),
      "date 2024-11-28\nPolice said 300 people were arrested on Sunday, 300 on Monday and 300 on Tuesday.\n",
    );
    append(
      story.data,
      "figures.csv",
      ["sun", "mon", "tue"]
        .map(
          (day, i) =>
            `arrests_${day},arrests,Arrests,300,exact,people,,,Islamabad police,"${i === 0 ? "300 people were arrested on Sunday" : `300 on ${["Monday", "Tuesday"][i - 1]}`}",sources/police.txt,\n`,
        )
        .join(""),
    );
    const result = await build({ data: story.data, out: story.out });
    const warned = page(story.out);
    const panel = warned.querySelector("main")!.firstElementChild!;
    expect(panel.id).toBe("problems");
    const items = Array.from(panel.querySelectorAll("li"));
    expect(items.map((li) => li.querySelector("code")!.textContent)).toEqual(
      result.story.warnings.map((w) => `${w.file}:${w.line}`),
    );
    // A chart's warning links to the chart; a row's, to the row in the fact sheet.
    const chart = items.find((li) => li.textContent!.includes("add up to 900"))!;
    expect(chart.querySelector("a")!.getAttribute("href")).toBe("#chart-arrests-by-day");
    const { line } = result.story.warnings.find((w) => w.message.includes("add up to 900"))!;
    expect(chart.querySelector("a")!.textContent).toBe(`charts.json:${line}`);
    const list = items.find((li) => li.textContent!.startsWith("figures.csv:8"))!;
    expect(list.querySelector("a")!.getAttribute("href")).toBe("#fig-paramilitary_killed");
  });
});

describe("the static page", () => {
  it("works offline and on a phone: a viewport, no external resources, only its own inline script", () => {
    expect(doc.querySelector('meta[name="viewport"]')?.getAttribute("content")).toMatch(/width=device-width/);
    const html = readFileSync(join(out, "index.html"), "utf8");
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(doc.querySelectorAll("link, script[src], iframe, object, embed")).toHaveLength(0);
    expect(Array.from(doc.querySelectorAll("script")).map((s) => s.textContent)).toEqual([NOTEBOOK_SCRIPT]);
    expect(doc.body.hasAttribute("data-events")).toBe(false);
    expect(doc.querySelector("#build, #files")).toBeNull();
    expect(doc.querySelector("style")!.textContent).toMatch(/@media \(max-width: \d+px\)/);
  });

  it("links only to places that exist: in-page anchors and the output's own files", () => {
    for (const a of Array.from(doc.querySelectorAll("a[href]"))) {
      const href = a.getAttribute("href")!;
      if (href.startsWith("#")) expect(doc.getElementById(decodeURIComponent(href.slice(1))), href).not.toBeNull();
      else expect([...Object.keys(manifest.files), "manifest.json"], href).toContain(href);
    }
  });

  it("is the same bytes from the same story", async () => {
    const again = copyStory();
    await build({ data: again.data, out: again.out });
    expect(readFileSync(join(again.out, "index.html"), "utf8")).toBe(readFileSync(join(out, "index.html"), "utf8"));
  });
});
