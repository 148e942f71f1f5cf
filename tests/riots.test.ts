/**
 * The second fixture story (French unrest, July 2023) uses every chart kind. Each chart is read
 * back from its SVGs in every variant, as a reader would take it in: marks in proportion to the
 * stated values, labels and qualifiers in sight, notes that explain the marks, and no number the
 * data does not state.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { textWidth } from "../charts/measure.ts";
import { DEVICES, THEMES } from "../charts/style.ts";
import { build } from "../pipeline/build.ts";
import { formatNumber } from "../pipeline/facts/format.ts";
import type { Manifest } from "../pipeline/publish/manifest.ts";
import { loadStory } from "../pipeline/story.ts";
import { svgName, VARIANTS, type Variant } from "../pipeline/words/output-names.ts";
import { appendLine, chartOf, problemsOf } from "./helpers/problems.ts";
import { append, copyStory, edit } from "./helpers/story.ts";
import { parseSvg } from "./helpers/svg.ts";

let out: string;
let data: string;
let dir: string;
let manifest: Manifest;
beforeAll(async () => {
  ({ out, data, dir } = copyStory("riots"));
  await build({ data, out });
  manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as Manifest;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const svg = (name: string) => parseSvg(readFileSync(join(out, name), "utf8"));
const each = (id: string, fn: (doc: Document, v: Variant, name: string) => void) => {
  for (const v of VARIANTS) fn(svg(svgName(id, v)), v, svgName(id, v));
};
/** Every line of text as set: each <tspan> of a multi-line label, else the <text>. */
const lines = (doc: Document) =>
  Array.from(doc.querySelectorAll("text")).flatMap((t) => {
    const spans = Array.from(t.querySelectorAll("tspan"));
    return spans.length > 0 ? spans.map((s) => s.textContent ?? "") : [t.textContent ?? ""];
  });
const words = (doc: Document) =>
  [...lines(doc), doc.querySelector("title")?.textContent, doc.querySelector("desc")?.textContent].join(" ");
const num = (el: Element, attr: string) => Number(el.getAttribute(attr));
/** The rects of the marks group whose rects are the data, in order (not the frame's background). */
const marks = (doc: Document, label: string) =>
  Array.from(doc.querySelectorAll(`g[aria-label="${label}"]`)).flatMap((g) => Array.from(g.children));
it("uses every chart kind", () => {
  expect(new Set(Object.values(manifest.charts).map((c) => c.kind))).toEqual(
    new Set(["bars", "period", "line", "columns", "share"]),
  );
});

it("shows no number the data does not state, in any chart, variant, title or alt text", () => {
  const story = loadStory(data);
  const stated = new Set<string>();
  for (const f of story.figures) {
    if (!f.fraction) stated.add(formatNumber(f.value));
    for (const c of f.corrections) if (c.field === "value") stated.add(formatNumber(Number(c.from)));
  }
  // Dates: days of the month and the year.
  for (let d = 1; d <= 31; d++) stated.add(String(d));
  stated.add("2023");
  const invented: string[] = [];
  for (const id of Object.keys(manifest.charts))
    each(id, (doc, _v, name) => {
      for (const n of words(doc).match(/\d[\d,.]*\d|\d/g) ?? []) if (!stated.has(n)) invented.push(`${name}: ${n}`);
    });
  expect(invented).toEqual([]);
});

it("names the story and its sources as written", () => {
  expect(loadStory(data).name).toBe("Unrest in France after the Nanterre shooting");
  each("arrests-each-night", (doc, _v, name) =>
    expect(words(doc), name).toContain("Interior ministry statement, 5 Jul 2023"),
  );
  each("officers-injured", (doc, _v, name) =>
    expect(words(doc), name).toContain("Interior ministry morning briefings, 4 Jul 2023"),
  );
});

describe("columns: arrests each night", () => {
  const values = [917, 1311, 719, 72];
  it("stands a column a night in proportion, each labelled by the entry with its date, the gap named", () => {
    for (const v of VARIANTS.filter((v) => v.device === "desktop")) {
      const doc = svg(svgName("arrests-each-night", v));
      const rects = marks(doc, "rect");
      expect(rects).toHaveLength(4);
      const heights = rects.map((r) => num(r, "height"));
      heights.forEach((h, i) => expect(h / heights[1]).toBeCloseTo(values[i] / 1311, 3));
      // One baseline: every column stands on it.
      expect(new Set(rects.map((r) => (num(r, "y") + num(r, "height")).toFixed(2))).size).toBe(1);
      const text = lines(doc);
      for (const l of ["Thursday night", "Thu 29 Jun", "Friday night", "Saturday night", "Monday night", "1,311"])
        expect(text).toContain(l);
      expect(text).toContain("No figure");
      // Nights as nights: the reader dates "on Thursday night" by its evening.
      expect(text).toContain("Sun 2 Jul night");
      expect(words(doc)).toContain("No figure was reported for the night of Sun 2 Jul.");
      // Columns in date order, left to right.
      const xs = rects.map((r) => num(r, "x"));
      expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    }
  });

  it("draws in one colour but the highlighted night, legend-free", () => {
    each("arrests-each-night", (doc, v, name) => {
      const theme = THEMES[v.theme];
      const fills = marks(doc, "rect").map((r) => r.getAttribute("fill"));
      expect(fills, name).toEqual([theme.series[0], theme.highlight, theme.series[0], theme.series[0]]);
      expect(words(doc), name).not.toMatch(/legend|key/i);
    });
  });

  it("turns into labelled bars on a phone, the same values in the same order", () => {
    for (const v of VARIANTS.filter((v) => v.device === "mobile")) {
      const doc = svg(svgName("arrests-each-night", v));
      const widths = marks(doc, "rect").map((r) => num(r, "width"));
      expect(widths).toHaveLength(4);
      widths.forEach((w, i) => expect(w / widths[1]).toBeCloseTo(values[i] / 1311, 3));
      expect(lines(doc)).toContain("Thursday night, Thu 29 Jun");
    }
  });

  it("carries the correction in newsroom wording, by the figure's label, in the note colour", () => {
    each("arrests-each-night", (doc, v, name) => {
      const note =
        "Corrected 5 Jul 2023: people arrested on Thursday night revised from 875 to 917, per the interior ministry.";
      expect(doc.querySelector("desc")!.textContent, name).toContain(note);
      const set = Array.from(doc.querySelectorAll("svg > text")).filter((t) =>
        /Corrected|revised|interior ministry\.$/.test(t.textContent ?? ""),
      );
      expect(set.map((t) => t.textContent).join(" "), name).toContain(note);
      for (const t of set) {
        expect(t.getAttribute("fill"), name).toBe(THEMES[v.theme].muted);
        expect(t.getAttribute("font-weight"), name).toBeNull();
      }
    });
  });
});

describe("line: officers injured, reported each morning", () => {
  const values = [170, 249, 700, 808];
  const days = [0, 1, 2, 4]; // Thu 29 Jun to Mon 3 Jul; no figure for Sunday

  it("places each point in proportion to its value and its day, time across on desktop", () => {
    for (const v of VARIANTS.filter((v) => v.device === "desktop")) {
      const doc = svg(svgName("officers-injured", v));
      const dots = marks(doc, "dot");
      expect(dots).toHaveLength(4);
      const baseline = num(marks(doc, "rule")[0], "y1");
      const up = dots.map((d) => baseline - num(d, "cy"));
      up.forEach((h, i) => expect(h / up[3]).toBeCloseTo(values[i] / 808, 3));
      const xs = dots.map((d) => num(d, "cx"));
      xs.forEach((x, i) => expect((x - xs[0]) / (xs[3] - xs[0])).toBeCloseTo(days[i] / 4, 3));
      for (const l of ["170", "249", "More than 700", "808", "Thu 29 Jun", "Mon 3 Jul"])
        expect(lines(doc)).toContain(l);
    }
  });

  it("runs time down on a phone, values across in proportion, a row saying Sunday has no figure", () => {
    for (const v of VARIANTS.filter((v) => v.device === "mobile")) {
      const doc = svg(svgName("officers-injured", v));
      const dots = marks(doc, "dot");
      const zero = num(marks(doc, "rule")[0], "x1");
      const across = dots.map((d) => num(d, "cx") - zero);
      across.forEach((w, i) => expect(w / across[3]).toBeCloseTo(values[i] / 808, 3));
      const ys = dots.map((d) => num(d, "cy"));
      expect([...ys].sort((a, b) => a - b)).toEqual(ys);
      expect(lines(doc)).toEqual(expect.arrayContaining(["Sun 2 Jul", "No figure", "More than 700"]));
    }
  });

  it("joins the points, dotted across Sunday, marks the minimum with a dashed tick, and says what both mean", () => {
    each("officers-injured", (doc, v, name) => {
      const links = Array.from(doc.querySelectorAll('g[aria-label="link"]'));
      const dotted = links.find((g) => g.getAttribute("stroke-dasharray") === "1,5")!;
      expect(dotted.children, name).toHaveLength(1);
      const ticks = links.find((g) => g.getAttribute("stroke-dasharray") === "4,3")!;
      expect(ticks.children, name).toHaveLength(1);
      expect(ticks.getAttribute("stroke"), name).toBe(THEMES[v.theme].open);
      const text = words(doc);
      expect(text, name).toContain("No figure was reported for Sun 2 Jul; a dotted line joins the figures either side");
      expect(text, name).toContain(
        "A dashed tick towards higher values marks a minimum: the true figure may be higher.",
      );
    });
  });
});

describe("share: who was arrested", () => {
  it("fills each track as far as the stated share, labelled in the source's words, never as a computed number", () => {
    each("who-was-arrested", (doc, _v, name) => {
      const [tracks, fills] = Array.from(doc.querySelectorAll('g[aria-label="rect"]')).map((g) =>
        Array.from(g.children),
      );
      expect(tracks, name).toHaveLength(2);
      expect(num(fills[0], "width") / num(tracks[0], "width"), name).toBeCloseTo(1 / 3, 3);
      expect(num(fills[1], "width") / num(tracks[1], "width"), name).toBeCloseTo(0.6, 3);
      const text = words(doc);
      expect(lines(doc), name).toEqual(expect.arrayContaining(["Minors", "About a third", "60%"]));
      expect(text, name).not.toMatch(/\b33|0\.3/);
      expect(doc.querySelector("title")!.textContent, name).toBe("About a third of those arrested were minors");
    });
    const csv = readFileSync(join(out, "who-was-arrested.csv"), "utf8");
    expect(csv).toContain("minors,Minors,1/3,about,About a third");
  });
});

describe("bars: damage", () => {
  it("sets bars in proportion, a maximum capped and a minimum dashed, each explained", () => {
    each("damage", (doc, v, name) => {
      const [vehicles, buildings] = marks(doc, "rect");
      expect(num(buildings, "width") / num(vehicles, "width"), name).toBeCloseTo(2500 / 5000, 3);
      const caps = Array.from(doc.querySelectorAll('g[aria-label="rule"] line')).filter(
        (l) => l.parentElement!.getAttribute("stroke") === THEMES[v.theme].text,
      );
      expect(caps, name).toHaveLength(1);
      expect(num(caps[0], "x1"), name).toBeCloseTo(num(vehicles, "x") + num(vehicles, "width"), 3);
      const text = words(doc);
      expect(lines(doc), name).toEqual(expect.arrayContaining(["Nearly 5,000", "More than 2,500"]));
      expect(text, name).toContain("A bar capped by a cross-line marks a maximum: the true figure may be lower.");
      expect(text, name).toContain("A dashed end marks a minimum: the true figure may be higher.");
      // One colour: nothing here is highlighted or grouped.
      expect(new Set(marks(doc, "rect").map((r) => r.getAttribute("fill"))), name).toEqual(
        new Set([THEMES[v.theme].series[0]]),
      );
    });
  });
});

describe("period: arrests by night", () => {
  it("refuses a period of more than a year (a mistyped year) with the figure's line, and draws nothing", async () => {
    const s = copyStory("riots");
    try {
      // A sentence that names no period: the dates are the row's alone, and one has a year typed wrong.
      writeFileSync(join(s.data, "sources/tally.txt"), "date 2023-07-05\nOfficials said 3,625 people were arrested.\n");
      const row = appendLine(
        s.data,
        "figures.csv",
        'arrests_typo,arrests,People arrested,3625,exact,people,2003-06-27,2023-07-02,officials,"3,625 people were arrested",sources/tally.txt',
      );
      edit(s.data, "charts.json", '"figures": ["arrests_total"]', '"figures": ["arrests_typo"]');
      expect(await problemsOf(s.data, s.out)).toEqual([
        `charts.json:${chartOf(s.data, "arrests-by-night")}: chart "arrests-by-night": the chart would run 7,311 days, Fri 27 Jun 2003 – Sun 2 Jul 2023, ` +
          `more than the 366 a period chart lays out day by day; check the dates of "arrests_typo" (figures.csv line ${row}) (a mistyped year?), or chart it as bars or columns`,
      ]);
      expect(existsSync(s.out)).toBe(false);
    } finally {
      rmSync(s.dir, { recursive: true, force: true });
    }
  });

  it("draws the reported nights of the week's total in proportion, and names the total apart from the days", () => {
    each("arrests-by-night", (doc, _v, name) => {
      const heights = marks(doc, "rect").map((r) => num(r, "height"));
      expect(heights, name).toHaveLength(3);
      expect(heights[0] / heights[1], name).toBeCloseTo(917 / 1311, 3);
      expect(heights[2] / heights[1], name).toBeCloseTo(719 / 1311, 3);
      expect(words(doc), name).toContain("Total reported for Tue 27 Jun – Sun 2 Jul 2023: 3,625.");
      expect(words(doc), name).not.toMatch(/Total for [^:]* and /);
    });
  });
});

it("sets desktop titles and deks across the frame, not at half its width", () => {
  const { width, pad, title: size } = DEVICES.desktop;
  for (const id of Object.keys(manifest.charts)) {
    const doc = svg(`${id}.svg`);
    const titleLines = Array.from(doc.querySelectorAll('svg > text[font-size="22"]')).map((t) => t.textContent ?? "");
    if (titleLines.length > 1)
      expect(textWidth(titleLines[0], size, true), id).toBeGreaterThan((width - 2 * pad) * 0.7);
    expect(titleLines.join(" "), id).toBe(doc.querySelector("title")!.textContent);
  }
});

describe("colour for two sides, chosen in charts.json", () => {
  it("draws a line a group in the group's colour, each named at its end in that colour, no legend", async () => {
    const s = copyStory("riots");
    try {
      writeFileSync(
        join(s.data, "sources/hospitals.txt"),
        "date 2023-07-03 source: Hospital federation figures\nOn Thursday, 90 protesters had been treated in hospital. On Friday, 150 protesters had been treated. On Saturday, about 400 protesters had been treated.\n",
      );
      const row = (id: string, value: number, q: string, quote: string) =>
        `${id},treated,Protesters treated in hospital,${value},${q},people,,,the hospital federation,"${quote}",sources/hospitals.txt`;
      append(
        s.data,
        "figures.csv",
        [
          row("hosp_thu", 90, "exact", "On Thursday, 90 protesters had been treated"),
          row("hosp_fri", 150, "exact", "On Friday, 150 protesters had been treated"),
          row("hosp_sat", 400, "about", "On Saturday, about 400 protesters had been treated"),
          "",
        ].join("\n"),
      );
      const group = (ids: string[], name: string) => ids.map((id) => ({ id, group: name }));
      edit(
        s.data,
        "charts.json",
        '"figures": ["injured_to_thu", "injured_to_fri", "injured_to_sat", "injured_to_mon"]',
        `"figures": ${JSON.stringify([
          ...group(["injured_to_thu", "injured_to_fri", "injured_to_sat", "injured_to_mon"], "Police"),
          ...group(["hosp_thu", "hosp_fri", "hosp_sat"], "Protesters"),
        ])}`,
      );
      await build({ data: s.data, out: s.out });
      for (const v of VARIANTS) {
        const name = svgName("officers-injured", v);
        const doc = parseSvg(readFileSync(join(s.out, name), "utf8"));
        const theme = THEMES[v.theme];
        const fills = marks(doc, "dot").map((d) => d.getAttribute("fill"));
        expect(fills, name).toEqual([...Array(4).fill(theme.series[0]), ...Array(3).fill(theme.series[1])]);
        const named = (text: string) => Array.from(doc.querySelectorAll("text")).filter((t) => t.textContent === text);
        if (v.device === "desktop") {
          expect(
            named("Police").map((t) => t.getAttribute("fill") ?? t.parentElement!.getAttribute("fill")),
            name,
          ).toEqual([theme.series[0]]);
          expect(
            named("Protesters").map((t) => t.getAttribute("fill") ?? t.parentElement!.getAttribute("fill")),
            name,
          ).toEqual([theme.series[1]]);
        } else {
          // Time down on a phone: each value names its side.
          expect(lines(doc), name).toEqual(expect.arrayContaining(["Police: 170", "Protesters: About 400"]));
        }
        expect(words(doc), name).toContain(
          "Police as reported by the interior ministry; Protesters as reported by the hospital federation.",
        );
      }
    } finally {
      rmSync(s.dir, { recursive: true, force: true });
    }
  });
});
