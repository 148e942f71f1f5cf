import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import createDOMPurify from "dompurify";
import { JSDOM } from "jsdom";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../pipeline/build.ts";
import { outputFiles } from "../pipeline/publish/outputs.ts";
import { NOTEBOOK_SCRIPT } from "../pipeline/publish/notebook-assets.ts";
import { DataError } from "../pipeline/facts/problem.ts";
import { unescapeSpreadsheetText } from "../pipeline/facts/spreadsheet-text.ts";
import { loadStory } from "../pipeline/story.ts";
import { csvCell } from "./helpers/problems.ts";
import { copyStory, edit } from "./helpers/story.ts";
import { parseSvg, visibleText } from "./helpers/svg.ts";

const CHART = "security-vs-protesters";
// A light chart's own style sheet (its dark colours) is a child of the root; any other is markup.
const MARKUP = "script, a, b, i, img, iframe, foreignObject, * * style";
const DARK_STYLE = /^@media \(prefers-color-scheme:dark\)\{(\.[a-z0-9-]+\{(fill|stroke):#[0-9a-f]{6}\})+\}$/;
const houseStyleOnly = (doc: Document) => {
  for (const style of Array.from(doc.querySelectorAll("style"))) expect(style.textContent).toMatch(DARK_STYLE);
};

/** White space as a reader sees it: any run is one space. */
const oneSpaced = (text: string) => text.replace(/\s+/g, " ").trim();
/** Text with no white space at all: how wrapped lines compare with the words they came from. */
const letters = (text: string) => text.replace(/\s+/g, "");

/** The chart list with the test chart's fields replaced. */
function withChart(json: string, fields: Record<string, unknown>): string {
  const list = JSON.parse(json) as { charts: { id: string }[] };
  list.charts = list.charts.map((chart) => (chart.id === CHART ? { ...chart, ...fields } : chart));
  return JSON.stringify(list, null, 2);
}

function html(text: string): Document {
  return new JSDOM(text).window.document;
}

describe("text from the data, shown in charts and pages", () => {
  const category = `<script>alert("x")</script> & 'Police' "officers" ]]> <!-- -->`;
  const title = `<b>Force</b> & "the crowd": {security_personnel} against {protesters} <i>protesters</i>`;
  const note = "Tom & Jerry's <img src=x onerror=alert(x)> &amp; &lt;";
  const source = 'Source: <a href="https://evil.example">AP</a> & Reuters, {published}';
  let out: string;

  beforeAll(async () => {
    const story = copyStory();
    out = story.out;
    edit(story.data, "figures.csv", ",Security personnel,", `,${csvCell(category)},`);
    writeFileSync(
      join(story.data, "charts.json"),
      withChart(readFileSync(join(story.data, "charts.json"), "utf8"), { title, notes: [note], source }),
    );
    await build({ data: story.data, out });
  });

  it("is text in every SVG: well-formed XML, no markup from the data, the words shown literally", () => {
    for (const variant of ["", "-mobile", "-dark", "-mobile-dark"]) {
      const doc = parseSvg(readFileSync(join(out, `${CHART}${variant}.svg`), "utf8"));
      expect(doc.querySelectorAll(MARKUP)).toHaveLength(0);
      houseStyleOnly(doc);
      expect(doc.querySelector("title")!.textContent).toBe(
        '<b>Force</b> & "the crowd": 20,000 against more than 10,000 <i>protesters</i>',
      );
      const shown = letters(visibleText(doc).join(""));
      for (const text of [category, note, '<a href="https://evil.example">AP</a> & Reuters'])
        expect(shown).toContain(letters(text));
    }
  });

  it("is text in the embed code: the alt attribute holds it literally and nothing else opens", () => {
    const doc = html(readFileSync(join(out, `${CHART}.embed.html`), "utf8"));
    expect(doc.querySelectorAll("script, a[href^='https://evil'], img[onerror], b, i")).toHaveLength(0);
    const imgs = doc.querySelectorAll("img");
    expect(imgs).toHaveLength(1);
    // A word joiner (invisible, silent) keeps "</" and "-->" from tripping sanitizers; the words are intact.
    const alt = imgs[0].getAttribute("alt")!;
    expect(alt.replace(/\u2060/g, "")).toContain(category);
    expect(alt).toContain('<b>Force</b> & "the crowd"');
  });

  it('keeps its alt text through DOMPurify, which drops attributes holding "</script"', () => {
    const source = readFileSync(join(out, `${CHART}.embed.html`), "utf8");
    const { window } = new JSDOM("");
    const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
    const clean = purify.sanitize(source);
    expect(purify.removed).toEqual([]);
    expect(html(clean).querySelector("img")!.getAttribute("alt")).toBe(
      html(source).querySelector("img")!.getAttribute("alt"),
    );
  });

  it("is text in the notebook page: headings, alt text, embed code and story files show it literally", () => {
    const doc = html(readFileSync(join(out, "index.html"), "utf8"));
    expect(doc.querySelectorAll("a[href^='https://evil'], img[onerror], b, i, iframe")).toHaveLength(0);
    // The one script is the notebook's own (sorting, live updates), never anything from the data.
    expect(Array.from(doc.querySelectorAll("script")).map((s) => s.textContent)).toEqual([NOTEBOOK_SCRIPT]);
    const section = doc.getElementById(`chart-${CHART}`)!;
    expect(section.querySelector("h3")!.textContent).toContain(
      '<b>Force</b> & "the crowd": 20,000 against more than 10,000 <i>protesters</i>',
    );
    expect(section.querySelector("textarea")!.textContent).toBe(readFileSync(join(out, `${CHART}.embed.html`), "utf8"));
    expect(section.textContent).toContain(category);
    expect(doc.getElementById("facts")!.textContent).toContain(category);
  });

  it("is text in the data files: the chart CSV and the dataset give it back unchanged", () => {
    const dataset = JSON.parse(readFileSync(join(out, "figures.json"), "utf8"));
    expect(dataset.figures.find((f: { id: string }) => f.id === "security_personnel").category).toBe(category);
    expect(readFileSync(join(out, `${CHART}.csv`), "utf8")).toContain(csvCell(category));
  });
});

describe("any text as a chart's title, note or label, through the real render path", () => {
  let data: string;
  let figures: string;
  let charts: string;
  beforeAll(() => {
    data = copyStory().data;
    figures = readFileSync(join(data, "figures.csv"), "utf8");
    charts = readFileSync(join(data, "charts.json"), "utf8");
  });

  /** Writes the texts into the story, then reads it as a build does: its problems, or the files it would write. */
  async function render(title: string, note: string, category: string) {
    writeFileSync(join(data, "figures.csv"), figures.replace(",Security personnel,", `,${csvCell(category)},`));
    writeFileSync(join(data, "charts.json"), withChart(charts, { title, notes: [note] }));
    try {
      const story = loadStory(data);
      const chart = story.charts.find((c) => c.entry.id === CHART)!;
      const planned = await outputFiles({ ...story, charts: [chart] });
      return { files: planned.files };
    } catch (error) {
      if (error instanceof DataError) return { problems: error.problems };
      throw error;
    }
  }

  /** Markup, entities and the white space a pasted title brings: every piece a chart must show as text. */
  const MARKUP_PIECES = [
    "<",
    ">",
    "&",
    '"',
    "'",
    "amp;",
    "lt;",
    "#x41;",
    "]]>",
    "<!--",
    "script",
    " ",
    "\t",
    "é",
    "த", // a script drawn from its own font (emoji are refused: no font draws them)
    "\u2028",
    "\u00A0",
    "\u200B",
  ];
  const drawable = (pieces: string[]) => fc.string({ unit: fc.constantFrom(...pieces), maxLength: 20 });
  /** Words a chart draws (a title or note is never empty): markup and entities, but no reference ({…}). */
  const words = fc
    .tuple(fc.constantFrom("Force", "Crowd", "Police"), drawable([...MARKUP_PIECES, "\n"]))
    .map(([word, rest]) => word + rest);
  /** A cell a chart draws: no line break, which a spreadsheet row cannot hold. */
  const cell = drawable(MARKUP_PIECES);
  /** What no chart may show anywhere, each refused at its line: a character that reorders text, a script no font draws. */
  const unshowable = ["\u202E", "\u2066", "中", "한", "\u05D0", "\u0628"];
  /** And what chart words may not hold: a reference to no figure, a typed number (a digit glued to letters is a name, "G7"). */
  const untemplated = ["{}", "{no_such_figure}", " 7 "];
  const spoiled = (refusals: string[]) =>
    fc.tuple(words, fc.constantFrom(...refusals), words).map(([before, bad, after]) => `${before}${bad}${after}`);
  /** Any string: every code point, control characters and lone surrogates, markup and entities. */
  const anything = fc.oneof(
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.string({ unit: "grapheme", maxLength: 40 }),
    {
      weight: 4,
      arbitrary: drawable([...MARKUP_PIECES, "\n", "{", "}"]),
    },
  );

  /** Every variant, the embed and the notebook show exactly the words given, as text. */
  function expectShown(files: Map<string, Buffer>, title: string, note: string, typed: string) {
    const templated = /\{[^{}]*\}/;
    // The cell as figures.csv is read: "'\t<" is a spreadsheet's escape of the text "\t<".
    const category = unescapeSpreadsheetText(typed.trim());
    for (const variant of ["", "-mobile", "-dark", "-mobile-dark"]) {
      const doc = parseSvg(files.get(`${CHART}${variant}.svg`)!.toString("utf8"));
      expect(doc.querySelectorAll(MARKUP)).toHaveLength(0);
      houseStyleOnly(doc);
      const shown = letters(visibleText(doc).join(""));
      if (!templated.test(title)) {
        expect(oneSpaced(doc.querySelector("title")!.textContent!)).toBe(oneSpaced(title));
        expect(shown).toContain(letters(title));
      }
      if (!templated.test(note)) expect(shown).toContain(letters(note));
      if (category.trim()) expect(shown).toContain(letters(category));
    }
    for (const page of [`${CHART}.embed.html`, "index.html"]) {
      const doc = html(files.get(page)!.toString("utf8"));
      expect(doc.querySelectorAll("b, i, iframe, style:not(head style)")).toHaveLength(0);
      const scripts = Array.from(doc.querySelectorAll("script")).map((s) => s.textContent);
      expect(scripts).toEqual(page === "index.html" ? [NOTEBOOK_SCRIPT] : []);
      if (category.trim())
        expect(
          doc
            .querySelector("img")!
            .getAttribute("alt")!
            .replace(/\u2060/g, ""),
        ).toContain(category.trim());
    }
  }

  // Each branch is exercised by construction: no assertion depends on how many random texts took it.
  it("is drawn, when it is markup, entities and white space, as well-formed XML and HTML that show exactly that text", async () => {
    await fc.assert(
      fc.asyncProperty(words, words, cell, async (title, note, category) => {
        const result = await render(title, note, category);
        expect(result.problems, JSON.stringify(result.problems)).toBeUndefined();
        expectShown(result.files!, title, note, category);
      }),
      { numRuns: 15 },
    );
  });

  it("is refused at its file and line when it holds what no chart may show", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.tuple(fc.constantFrom("title", "note"), spoiled([...unshowable, ...untemplated])),
          fc.tuple(fc.constant("category"), spoiled(unshowable)),
        ),
        async ([where, bad]) => {
          const result = await render(
            where === "title" ? bad : "A title",
            where === "note" ? bad : "A note",
            where === "category" ? bad.replace(/\n/g, " ") : "Police",
          );
          expect(result.problems).toBeDefined();
          const file = where === "category" ? "figures.csv" : "charts.json";
          expect(result.problems!.some((p) => p.file === file && p.line >= 1)).toBe(true);
        },
      ),
      { numRuns: 15 },
    );
  });

  it("is either refused at its file and line, or drawn showing exactly that text, whatever it is", async () => {
    await fc.assert(
      fc.asyncProperty(anything, anything, anything, async (title, note, category) => {
        const result = await render(title, note, category);
        if (!result.problems) return expectShown(result.files!, title, note, category);
        for (const p of result.problems) {
          expect(["charts.json", "figures.csv"]).toContain(p.file);
          expect(p.line).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 25 },
    );
  });
});
