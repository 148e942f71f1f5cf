/**
 * House styles and locales: numbers, money and dates as the desk writes them, every fixed word in
 * the chart's language, and the same bytes whatever the machine's own locale and time zone.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as Plot from "@observablehq/plot";
import { JSDOM } from "jsdom";
import { afterAll, describe, expect, it } from "vitest";
import { textOf } from "../charts/geometry.ts";
import type { GeoLayer, Place } from "../charts/kind.ts";
import { locator } from "../charts/locator.ts";
import { DEVICES, THEMES } from "../charts/style.ts";
import { availableLocales, localePack, packProblems, placeholders } from "../pipeline/language/packs.ts";
import { PHRASES, type PhraseKey } from "../pipeline/language/phrases.ts";
import type { Qualifier } from "../pipeline/facts/qualifiers.ts";
import { chooseStyle } from "../pipeline/language/styles.ts";
import { writerFor } from "../pipeline/language/writer.ts";
import { outputFiles } from "../pipeline/publish/outputs.ts";
import { createRenderer } from "../pipeline/publish/render.ts";
import { loadStory } from "../pipeline/story.ts";
import { IN_CI } from "./browser-harness.ts";
import { differences, snapshot } from "./helpers/files.ts";
import { figure } from "./helpers/figures.ts";
import { inkColumns, shapedWidth } from "./helpers/ink.ts";
import { decodePng } from "./helpers/png.ts";
import { problemsOf } from "./helpers/problems.ts";
import { edit, FIXTURES, ROOT } from "./helpers/story.ts";

/** poppler-utils read the print files (pdftotext, pdftoppm): .ci/run installs them; locally, those checks skip without them. */
const RUN_PDF_TESTS = (existsSync("/usr/bin/pdftotext") && existsSync("/usr/bin/pdftoppm")) || IN_CI;

const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A scratch copy of a fixture, with the files of an overlay folder (a desk's charts.json, figures.csv) laid over it. */
function storyCopy(fixture: string, overlay?: string): { data: string; out: string } {
  const dir = mkdtempSync(join(tmpdir(), "locale-"));
  scratch.push(dir);
  const data = join(dir, "data");
  cpSync(join(FIXTURES, fixture), data, { recursive: true });
  if (overlay) cpSync(join(FIXTURES, overlay), data, { recursive: true });
  return { data, out: join(dir, "output") };
}

async function built(data: string) {
  const story = loadStory(data, { today: "2025-06-01" });
  const { files } = await outputFiles(story, { threads: 1 });
  const text = (name: string) => files.get(name)!.toString("utf8");
  return { story, files, text };
}

/** What a reader sees of an SVG: its text, title and description. */
function svgWords(svg: string): string {
  const doc = new JSDOM(svg, { contentType: "image/svg+xml" }).window.document;
  return [...doc.querySelectorAll("text, title, desc")].map((n) => n.textContent).join("\n");
}

/** What a reader sees of an HTML page, the alt texts too; `skip` removes elements first (the English article). */
function htmlWords(html: string, skip = ""): string {
  const doc = new JSDOM(html).window.document;
  if (skip) for (const node of doc.body.querySelectorAll(skip)) node.remove();
  for (const node of doc.querySelectorAll("script, style, textarea, code")) node.remove();
  const alts = [...doc.querySelectorAll("[alt], [title], [aria-label]")].map(
    (n) => `${n.getAttribute("alt") ?? ""} ${n.getAttribute("title") ?? ""} ${n.getAttribute("aria-label") ?? ""}`,
  );
  // File names ("arrests-by-day-mobile.svg", "corrections.csv") are names, not words.
  return `${doc.body.textContent}\n${alts.join("\n")}`.replace(/[\w.-]+\.(?:svg|png|csv|html|json|txt)\b/g, " ");
}

describe("the phrase list", () => {
  it("every pack has every phrase, with the English placeholders, and nothing else", () => {
    expect(availableLocales()).toEqual(expect.arrayContaining(["en-GB", "en-US", "en-IN", "fr-FR", "es-ES", "hi-IN"]));
    for (const locale of availableLocales()) expect(packProblems(locale), locale).toEqual([]);
  });

  it("catches a pack that misses a phrase or changes its placeholders", () => {
    const fr = localePack("fr-FR")!;
    const broken = { ...fr.phrases, "attribution.all": "Chiffres communiqués." } as Record<string, string>;
    delete broken["label.noFigure"];
    const english = localePack("en-GB")!.phrases;
    const wrong = Object.keys(PHRASES).filter(
      (k) => !broken[k] || placeholders(broken[k]).join() !== placeholders(english[k as PhraseKey]).join(),
    );
    expect(wrong).toEqual(["attribution.all", "label.noFigure"]);
  });

  it("is listed whole in the README", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    expect(Object.keys(PHRASES).filter((key) => !readme.includes(`\`${key}\``))).toEqual([]);
  });
});

describe("house styles", () => {
  const amounts = {
    cost: { value: 5_500_000_000, fraction: null, qualifier: "exact", unit: "$" },
    exact: { value: 5_520_000_000, fraction: null, qualifier: "exact", unit: "$" },
    odd: { value: 5_520_000_001, fraction: null, qualifier: "exact", unit: "$" },
    crore: { value: 20_000_000, fraction: null, qualifier: "exact", unit: "Rs" },
    lakhCrore: { value: 11_210_000_000_000, fraction: null, qualifier: "exact", unit: "₹" },
    budget: { value: 243_000_000_000, fraction: null, qualifier: "exact", unit: "Rs" },
    euro: { value: 3_200_000_000, fraction: null, qualifier: "exact", unit: "€" },
    people: { value: 2_300_000, fraction: null, qualifier: "exact", unit: "people" },
    million: { value: 1_000_000, fraction: null, qualifier: "exact", unit: "" },
    turnout: { value: 86, fraction: null, qualifier: "exact", unit: "%" },
  };
  const write = (style: unknown, locale = "en-GB") => {
    const chosen = chooseStyle(style);
    const writer = writerFor(locale, chosen.fields, chosen.name);
    return Object.fromEntries(Object.entries(amounts).map(([k, a]) => [k, writer.amount(a)]));
  };

  it("write large numbers and money as each desk does", () => {
    expect(write("ap")).toMatchObject({
      cost: "$5.5 billion",
      people: "2.3 million",
      euro: "€3.2 billion",
      turnout: "86%",
    });
    expect(write("guardian")).toMatchObject({ cost: "$5.5bn", euro: "€3.2bn", people: "2.3 million" });
    expect(write("reuters")).toMatchObject({ cost: "$5.5 billion", people: "2.3 million" });
    expect(write("indian-english")).toMatchObject({
      crore: "Rs 2 crore",
      lakhCrore: "₹11.21 lakh crore",
      budget: "Rs 24,300 crore",
      cost: "$5.5 billion",
      million: "10,00,000",
      turnout: "86 per cent",
    });
    expect(write({ base: "guardian", percent: "per cent", counts: "short" })).toMatchObject({
      turnout: "86 per cent",
      people: "2.3m",
    });
  });

  it("never round: $5.52bn stays 5.52, and a value no scale writes exactly is written in full, saying which rule failed", () => {
    expect(write("guardian").exact).toBe("$5.52bn");
    expect(write("ap").exact).toBe("$5.52 billion");
    expect(write("guardian").odd).toBe("$5,520,000,001");
    const guardian = writerFor("en-GB", chooseStyle("guardian").fields, chooseStyle("guardian").name);
    expect(guardian.scaleProblem(amounts.odd)).toMatch(
      /^the Guardian's style writes money from 1,000,000 with "bn" and at most 2 decimals/,
    );
    expect(guardian.scaleProblem(amounts.exact)).toBeUndefined();
  });

  it("write dates, weekdays and ranges of days as each style does", () => {
    const on = (style: unknown) => {
      const chosen = chooseStyle(style);
      const w = writerFor("en-GB", chosen.fields, chosen.name);
      return [w.date("2024-11-24"), w.period("2024-11-24", "2024-11-26"), w.date("2024-09-05", { weekday: true })];
    };
    expect(on(undefined)).toEqual(["24 Nov 2024", "Sun 24 – Tue 26 Nov 2024", "Thu 5 Sep 2024"]);
    expect(on("ap")).toEqual(["Nov. 24, 2024", "Sun, Nov. 24 – Tue, Nov. 26, 2024", "Thu, Sept. 5, 2024"]);
    expect(on({ base: "ap", weekdays: "none" })[1]).toBe("Nov. 24-26, 2024");
    expect(on("guardian")).toEqual([
      "24 November 2024",
      "Sunday 24 – Tuesday 26 November 2024",
      "Thursday 5 September 2024",
    ]);
    expect(on({ weekdays: "none", ranges: "to", months: "long" })[1]).toBe("24 to 26 November 2024");
  });

  it("refuse an unknown style or field at its line in charts.json, and an unknown locale", async () => {
    const { data, out } = storyCopy("wildfire");
    edit(
      data,
      "charts.json",
      '"charts": [',
      '"style": { "base": "guardain", "money": "tiny" },\n  "locale": "xx-XX",\n  "charts": [',
    );
    const problems = await problemsOf(data, out);
    expect(problems).toContainEqual(
      expect.stringMatching(/^charts\.json:3: unknown style "guardain"; the styles are "default", "ap"/),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/^charts\.json:3: style money is one of "full", "short", "words", not "tiny"/),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(
        /^charts\.json:4: unknown locale "xx-XX"; the locales are en-GB, en-IN, en-US, es-ES, fr-FR, hi-IN/,
      ),
    );
  });
});

describe("a cost the source writes as $5.5bn", () => {
  it("charts as $5.5bn, never ten digits, in the title, label, alt text, embed and notebook", async () => {
    const { data } = storyCopy("wildfire");
    const { text } = await built(data);
    const svg = svgWords(text("cost.svg"));
    expect(svg).toContain("Rebuilding will cost an estimated $5.5bn");
    expect(svg).toContain("An estimated $5.5bn");
    expect(svg).toContain("About $3.2bn");
    const embed = htmlWords(text("cost.embed.html"));
    expect(embed).toContain("Rebuilding: an estimated $5.5bn; Paid by insurers: about $3.2bn.");
    const notebook = htmlWords(text("index.html"), '[lang="en"], .text');
    expect(notebook).toContain("$5.5bn");
    for (const words of [svg, embed, notebook, text("cost.csv")])
      expect(words).not.toMatch(/5,500,000,000|5500000000\b(?!,)/);
  });

  it("charts in the chosen style: AP's $5.5 billion, the Guardian's $5.5bn; a corrected value keeps every digit", async () => {
    const { data } = storyCopy("wildfire");
    edit(data, "charts.json", '"charts": [', '"style": "ap",\n  "charts": [');
    expect(svgWords((await built(data)).text("cost.svg"))).toContain("An estimated $5.5 billion");
    edit(data, "charts.json", '"style": "ap"', '"style": "guardian"');
    edit(data, "article.txt", "$5.5bn", "$5.52bn");
    edit(data, "figures.csv", "5500000000", "5520000000");
    edit(data, "figures.csv", "estimated $5.5bn", "estimated $5.52bn");
    const { text, story } = await built(data);
    expect(svgWords(text("cost.svg"))).toContain("An estimated $5.52bn");
    expect(story.warnings).toEqual([]);
  });

  it("is written in full, with a warning naming the rule, where the style cannot write it exactly", async () => {
    const { data } = storyCopy("wildfire");
    edit(data, "charts.json", '"charts": [', '"style": "guardian",\n  "charts": [');
    edit(data, "article.txt", "$5.5bn", "$5,500,000,001");
    edit(data, "figures.csv", "5500000000", "5500000001");
    edit(data, "figures.csv", "estimated $5.5bn", "estimated $5,500,000,001");
    const { text, story } = await built(data);
    expect(svgWords(text("cost.svg"))).toContain("An estimated $5,500,000,001");
    expect(story.warnings.map((w) => `${w.file}:${w.line}: ${w.message}`)).toEqual([
      expect.stringMatching(
        /^figures\.csv:3: cost: the Guardian's style writes money from 1,000,000 with "bn" and at most 2 decimals/,
      ),
    ]);
  });
});

describe("an Indian English desk", () => {
  it("writes Rs 2 crore, Rs 24,300 crore and 10,00,000, and keeps the currency's capital in the alt text and caption", async () => {
    const { data } = storyCopy("budget-in");
    const { text } = await built(data);
    const svg = svgWords(text("losses.svg"));
    expect(svg).toContain("Rs 24,300 crore");
    expect(svg).toContain("Rs 2 crore");
    expect(svgWords(text("displaced.svg"))).toContain("10,00,000");
    const caption = htmlWords(text("losses.embed.html"));
    expect(caption).toContain("Crop losses: Rs 24,300 crore; Flood warning system: Rs 2 crore.");
    expect(caption).not.toMatch(/\brs\b/);
  });

  it("keeps Rs as Rs in the alt text with no style at all (the sentence reads 'rs 243,000,000,000' no more)", async () => {
    const { data } = storyCopy("budget-in");
    edit(data, "charts.json", '"locale": "en-IN",\n  "style": "indian-english",\n', "");
    const { text } = await built(data);
    const caption = htmlWords(text("losses.embed.html"));
    expect(caption).toContain("Crop losses: Rs 24,300 crore");
    expect(caption).not.toMatch(/\brs\b/);
  });
});

/** Pieces of every English phrase a pack translates: what must not be left in a chart in another language. */
function englishPieces(locale: string): string[] {
  const english = localePack("en-GB")!.phrases;
  const own = Object.values(localePack(locale)!.phrases).join("\n");
  const pieces = new Set<string>();
  for (const text of Object.values(english))
    for (const piece of text.split(/\{[a-zA-Z]+\}/)) {
      const words = piece.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, "");
      // Words that are the same in the other language ("Source", "Total", "mobile") or too short to tell are no evidence.
      if (!/\p{L}{4,}/u.test(words) || own.includes(words)) continue;
      if (!words.includes(" ") && words.length < 5) continue;
      pieces.add(words);
    }
  return [...pieces];
}

/** The English phrases of the list left in `words` of a chart in `locale`. */
function englishLeft(locale: string, words: string): string[] {
  return englishPieces(locale).filter((p) =>
    new RegExp(`(?<![\\p{L}])${p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}])`, "u").test(words),
  );
}

describe("a locator's own words", () => {
  const { document } = new JSDOM("").window;
  const layers: GeoLayer[] = [
    {
      file: "streets.geojson",
      features: [
        {
          type: "Feature",
          geometry: {
            type: "LineString",
            coordinates: [
              [73.04, 33.68],
              [73.06, 33.7],
            ],
          },
          properties: null,
        },
      ],
    },
  ];
  /** A map of a place with a distance figure around it ("within 1.6 kilometres"), prepared and drawn in `locale`. */
  const map = (
    locale: string,
    { unit = "km", place = "Islamabad", qualifier = "up_to" as Qualifier, fields = {} } = {},
  ) => {
    const writer = writerFor(locale, fields);
    const approach = figure({
      id: "approach",
      value: 1.6,
      qualifier,
      unit,
      metric: "distance",
      category: "Closest approach",
    });
    const places: Place[] = [{ name: place, lat: 33.6844, lon: 73.0479, type: "city", radius: "approach" }];
    const { model, problems } = locator.prepare({ figures: [approach], places, layers, dataset: [approach], writer });
    expect(problems).toEqual([]);
    const svg = locator.draw(model!, {
      width: 600,
      sizes: DEVICES.desktop,
      theme: THEMES.light,
      document,
      Plot,
      writer,
    });
    const texts = [...svg.node.querySelectorAll("text")].map(textOf);
    const bar = textOf(svg.node.querySelector('[aria-label="scale bar"] text')!);
    return { model: model!, texts, bar };
  };

  it.each([
    ["fr-FR", "kilomètres", "Cercle ombré centré sur"],
    ["es-ES", "kilómetros", "El círculo sombreado está centrado en"],
    ["hi-IN", "किलोमीटर", "छायांकित घेरा"],
  ])(
    "in %s: a radius in the desk's unit, its note, the basemap's credit and the alt text, no English",
    (locale, unit, note) => {
      for (const qualifier of ["up_to", "at_least", "exact"] as const) {
        const { model, texts } = map(locale, { unit, qualifier });
        expect(englishLeft(locale, [...model.notes, model.summary, ...texts].join("\n")), qualifier).toEqual([]);
        if (qualifier !== "at_least") expect(model.notes[0]).toContain(note);
      }
    },
  );

  it("elides French 'de' before a vowel: d’Islamabad, de Paris", () => {
    expect(map("fr-FR").model.summary).toContain("km d’Islamabad.");
    expect(map("fr-FR", { place: "Paris" }).model.summary).toContain("km de Paris.");
    expect(writerFor("fr-FR").phrase("correction.revised", { from: "environ un tiers", to: "la moitié" })).toBe(
      "révisé d’environ un tiers à la moitié",
    );
  });

  it("measures the scale bar in miles for a US desk (feet under a mile), kilometres elsewhere or where the style says", () => {
    expect(map("en-GB").bar).toMatch(/^\d+ (km|m)$/);
    expect(map("en-US").bar).toMatch(/^(1 mile|[\d,]+ miles|1 foot|[\d,]+ feet)$/);
    expect(map("en-US", { fields: { distances: "km" } }).bar).toMatch(/^\d+ (km|m)$/);
    expect(map("fr-FR").bar).toMatch(/^\d+\u00a0(km|m)$/);
    expect(map("hi-IN").bar).toMatch(/^\d+\u00a0(किमी|मीटर)$/);
    const us = writerFor("en-US");
    expect([us.count(1, "scale.mile"), us.count(2, "scale.mile"), us.count(2000, "scale.foot")]).toEqual([
      "1 mile",
      "2 miles",
      "2,000 feet",
    ]);
  });
});

describe.each([
  ["fr-FR", "20\u202f000", "27 nov. 2024", "dim.\u00a024 – mar.\u00a026\u00a0nov.\u00a02024", "Plus de 10\u202f000"],
  ["es-ES", "20.000", "27 nov 2024", "dom,\u00a024\u00a0nov – mar,\u00a026\u00a0nov\u00a02024", "Más de 10.000"],
  ["hi-IN", "20,000", "27 नव॰ 2024", "रवि,\u00a024\u00a0नव॰ – मंगल,\u00a026\u00a0नव॰\u00a02024", "10,000 से अधिक"],
])("the Islamabad story built in %s", (locale, twenty, published, period, moreThan) => {
  let result: Awaited<ReturnType<typeof built>>;
  const pieces = englishPieces(locale);
  const left = (words: string) =>
    pieces.filter((p) =>
      new RegExp(`(?<![\\p{L}])${p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}])`, "u").test(words),
    );

  it("builds, with its locator and annotations", async () => {
    const { data } = storyCopy("islamabad", `islamabad-locales/${locale}`);
    result = await built(data);
    expect(result.story.charts.map((c) => c.entry.kind)).toEqual(["bars", "period", "bars", "locator"]);
    expect(result.story.charts.map((c) => c.words.annotations.length)).toEqual([0, 1, 0, 1]);
    expect(pieces.length).toBeGreaterThan(100);
    // The extras' own words are in the list: the annotation's and the map's alt text, the scale bar.
    expect(pieces).toEqual(expect.arrayContaining(["Note at", "Shaded", "locating", "An inset globe shows where"]));
  });

  it("leaves no English word of the phrase list in any SVG, embed or the notebook", () => {
    const names = [...result.files.keys()];
    const found: string[] = [];
    for (const name of names.filter((n) => n.endsWith(".svg")))
      found.push(...left(svgWords(result.text(name))).map((p) => `${name}: "${p}"`));
    for (const name of names.filter((n) => n.endsWith(".embed.html")))
      found.push(...left(htmlWords(result.text(name))).map((p) => `${name}: "${p}"`));
    // The article and quotes stay English (marked lang="en"); the build's own messages are English too.
    const notebook = htmlWords(result.text("index.html"), '[lang="en"], #problems');
    found.push(...left(notebook).map((p) => `index.html: "${p}"`));
    expect(found).toEqual([]);
    expect(svgWords(result.text("arrests-by-day.svg"))).not.toMatch(/Sun|Tue|Nov\b/);
  });

  it("leaves none in the social cards' SVG source nor in the print layouts", () => {
    const render = createRenderer();
    const found: string[] = [];
    for (const chart of result.story.charts) {
      const drawn = render(chart.entry, chart.model, chart.words, result.story.writer);
      found.push(...left(svgWords(drawn.social)).map((p) => `${chart.entry.id} social card: "${p}"`));
      found.push(...left(svgWords(drawn.print.svg)).map((p) => `${chart.entry.id} print: "${p}"`));
    }
    expect(found).toEqual([]);
  });

  it.runIf(RUN_PDF_TESTS)("leaves none in the print files' text, as pdftotext reads it", () => {
    const dir = mkdtempSync(join(tmpdir(), "locale-pdf-"));
    scratch.push(dir);
    const found: string[] = [];
    let words = "";
    for (const name of [...result.files.keys()].filter((n) => n.endsWith(".pdf"))) {
      writeFileSync(join(dir, name), result.files.get(name)!);
      const run = spawnSync("pdftotext", [join(dir, name), "-"], { encoding: "utf8" });
      expect(run.status, run.stderr).toBe(0);
      words += run.stdout;
      found.push(...left(run.stdout).map((p) => `${name}: "${p}"`));
    }
    expect(found).toEqual([]);
    // Latin scripts print as text in embedded fonts; Devanagari as outlines HarfBuzz shaped (no text to read).
    if (locale === "hi-IN") expect(words).not.toMatch(/[\u0900-\u097f]/);
    else {
      const flat = (text: string) => text.replace(/\s+/g, " ");
      expect(words).toContain(result.story.charts[3].entry.title);
      // The map's credit and its countries, printed in the language ("Fond de carte : Natural Earth.", "INDE").
      expect(flat(words)).toContain(flat(writerFor(locale).phrase("map.credit", { sources: "Natural Earth" })));
      const india = new Intl.DisplayNames([localePack(locale)!.intl], { type: "region" }).of("IN")!;
      expect(words).toContain(india.toLocaleUpperCase(localePack(locale)!.intl));
    }
  });

  it("names the locator's countries in the chart's language, by their ISO codes", () => {
    const pack = localePack(locale)!;
    const names = new Intl.DisplayNames([pack.intl], { type: "region" });
    const upper = (code: string) => names.of(code)!.toLocaleUpperCase(pack.intl);
    const neighbours = ["PK", "IN", "AF", "IR", "CN", "TM", "TJ", "UZ", "KG", "NP", "OM", "AE", "KZ"].map(upper);
    const doc = new JSDOM(result.text("where-islamabad.svg"), { contentType: "image/svg+xml" }).window.document;
    const labels = [...doc.querySelectorAll('[aria-label="country label"] text')].map(textOf);
    expect(labels).toEqual(expect.arrayContaining([upper("PK"), upper("IN"), upper("AF")]));
    expect(labels.filter((l) => !neighbours.includes(l))).toEqual([]);
    // The place's own label is the desk's, as charts.json writes it.
    const place = result.story.charts[3].entry.places[0].name;
    expect([...doc.querySelectorAll('[aria-label="place label"] text')].map(textOf)).toEqual([place]);
    const alt = doc.querySelector("desc")!.textContent!;
    expect(alt).toContain(names.of("PK"));
    expect(alt).toContain(writerFor(locale).phrase("annotation.note", { where: place, text: "" }).trim());
    // The scale bar in kilometres, in the language's words.
    const bar = textOf(doc.querySelector('[aria-label="scale bar"] text')!);
    expect(bar).toMatch(new RegExp(`^\\d+\u00a0${locale === "hi-IN" ? "किमी" : "km"}$`));
  });

  it("dates an annotation in the alt text as the chart dates its days", () => {
    const writer = writerFor(locale);
    const day = writer.date("2024-11-24", { weekday: true });
    const desc = new JSDOM(result.text("arrests-by-day.svg"), {
      contentType: "image/svg+xml",
    }).window.document.querySelector("desc")!.textContent!;
    expect(desc).toContain(writer.phrase("annotation.note", { where: day, text: "" }).trim());
    expect(htmlWords(result.text("arrests-by-day.embed.html"))).toContain(day);
  });

  it("writes numbers and dates in the locale's own format, qualifiers in its language", () => {
    const bars = svgWords(result.text("security-vs-protesters.svg"));
    expect(bars).toContain(twenty);
    expect(bars).toContain(moreThan);
    expect(svgWords(result.text("arrests-by-day.svg"))).toContain(period);
    expect(svgWords(result.text("arrests-by-day.svg"))).toContain(published.replace(/ /g, "\u00a0"));
    expect(result.text("arrests-by-day.embed.html")).toContain(`lang="${localePack(locale)!.lang}"`);
    expect(result.text("index.html")).toContain(`<html lang="${localePack(locale)!.lang}">`);
  });
});

describe("the Hindi PNG, social card and PDF", () => {
  it("draws the Devanagari title shaped, as wide as HarfBuzz sets it in Noto Sans Devanagari", async () => {
    const { data } = storyCopy("islamabad", "islamabad-locales/hi-IN");
    const { files, text } = await built(data);
    const svg = text("casualties-by-force.svg");
    const doc = new JSDOM(svg, { contentType: "image/svg+xml" }).window.document;
    const title = doc.querySelector("svg > text")!;
    const words = title.textContent!;
    expect(words).toBe("झड़पों में मारे गए सुरक्षाकर्मी");
    const y = Number(title.getAttribute("y"));
    const size = Number(title.getAttribute("font-size"));
    const width = Number(doc.querySelector("svg")!.getAttribute("width"));
    const height = Number(doc.querySelector("svg")!.getAttribute("height"));
    const ink = inkColumns(
      files.get("casualties-by-force.png")!,
      width * 2,
      height * 2,
      (y - size) * 2,
      (y + size * 0.3) * 2,
    );
    const shaped = shapedWidth(words, "NotoSansDevanagari-Bold.ttf", size) * 2;
    // Laid out glyph by glyph, resvg drops vowel signs and the line comes out narrower.
    expect(ink.right - ink.left).toBeGreaterThan(shaped - 10);
    expect(ink.right - ink.left).toBeLessThan(shaped + 4);
    expect(Math.abs(ink.left - 2 * Number(title.getAttribute("x")))).toBeLessThan(6);
  });

  /** The ink of a title line in a rendering `scale` times the SVG's pixels, against HarfBuzz's width for it. */
  const inkAgainstShaped = (png: Buffer, title: Element, scale: number) => {
    const { width, height } = decodePng(png);
    const y = Number(title.getAttribute("y"));
    const size = Number(title.getAttribute("font-size"));
    const ink = inkColumns(png, width, height, (y - size) * scale, (y + size * 0.3) * scale);
    const shaped = shapedWidth(textOf(title), "NotoSansDevanagari-Bold.ttf", size) * scale;
    return { inked: ink.right - ink.left, shaped, left: ink.left / scale - Number(title.getAttribute("x")) };
  };

  it("draws the locator's social card title shaped, and its place name on a ground as wide as the name", async () => {
    const { data } = storyCopy("islamabad", "islamabad-locales/hi-IN");
    const { story, files, text } = await built(data);
    const chart = story.charts.find((c) => c.entry.kind === "locator")!;
    const social = new JSDOM(createRenderer()(chart.entry, chart.model, chart.words, story.writer).social, {
      contentType: "image/svg+xml",
    }).window.document;
    const title = social.querySelector("svg > text")!;
    expect(textOf(title)).toBe("कहां हुए विरोध प्रदर्शन");
    const { inked, shaped, left } = inkAgainstShaped(files.get("where-islamabad.social.png")!, title, 2);
    expect(inked).toBeGreaterThan(shaped - 10);
    expect(inked).toBeLessThan(shaped + 4);
    expect(Math.abs(left)).toBeLessThan(3);
    // The ground under "इस्लामाबाद" covers the name as drawn, not the wider width kept for other fonts.
    const doc = new JSDOM(text("where-islamabad.svg"), { contentType: "image/svg+xml" }).window.document;
    const label = doc.querySelector('[aria-label="place label"] text')!;
    const ground = doc.querySelector('[aria-label="place label"] rect')!;
    const name = shapedWidth("इस्लामाबाद", "NotoSansDevanagari-Bold.ttf", Number(label.getAttribute("font-size")));
    expect(Number(ground.getAttribute("width"))).toBeGreaterThan(name);
    // (Noto's advances, summed, run some 7% wider than the shaped conjuncts; the ground kept for other fonts ran 30%.)
    expect(Number(ground.getAttribute("width"))).toBeLessThan(name * 1.2 + 4);
  });

  it.runIf(RUN_PDF_TESTS)(
    "prints the Devanagari title shaped in the PDF (outlines as HarfBuzz sets them)",
    async () => {
      const { data } = storyCopy("islamabad", "islamabad-locales/hi-IN");
      const { story, files } = await built(data);
      const chart = story.charts.find((c) => c.entry.id === "casualties-by-force")!;
      const print = createRenderer()(chart.entry, chart.model, chart.words, story.writer).print;
      const title = new JSDOM(print.svg, { contentType: "image/svg+xml" }).window.document.querySelector("svg > text")!;
      const dir = mkdtempSync(join(tmpdir(), "locale-pdf-"));
      scratch.push(dir);
      writeFileSync(join(dir, "x.pdf"), files.get("casualties-by-force.pdf")!);
      const png = spawnSync("pdftoppm", ["-png", "-r", "216", "-singlefile", join(dir, "x.pdf")], {
        maxBuffer: 1 << 26,
      }).stdout as Buffer;
      const { inked, shaped, left } = inkAgainstShaped(png, title, decodePng(png).width / print.width);
      expect(inked).toBeGreaterThan(shaped - 10);
      expect(inked).toBeLessThan(shaped + 6);
      expect(Math.abs(left)).toBeLessThan(3);
    },
  );
});

describe("the machine's own locale and time zone", () => {
  it("change no byte of a French build", () => {
    const { data } = storyCopy("islamabad", "islamabad-locales/fr-FR");
    const outs = [
      { TZ: "Pacific/Kiritimati", LANG: "hi_IN.UTF-8", LC_ALL: "hi_IN.UTF-8" },
      { TZ: "America/Los_Angeles", LANG: "C", LC_ALL: "C" },
    ].map((env, i) => {
      const out = join(data, "..", `out-${i}`);
      const run = spawnSync(
        process.execPath,
        ["--import", "tsx/esm", join(ROOT, "pipeline/cli.ts"), "--data", data, "--out", out],
        { cwd: ROOT, encoding: "utf8", env: { ...process.env, ...env, NODE_NO_WARNINGS: "1" } },
      );
      expect(run.status, run.stderr).toBe(0);
      return out;
    });
    // Every output file (the build's own cache files, which record times, aside).
    const [a, b] = outs.map(snapshot);
    expect(a.size).toBeGreaterThan(30);
    expect(differences(a, b)).toEqual([]);
  });
});

describe("chart words in any script", () => {
  it("refuse a qualifier typed beside a reference in the chart's language, and digits typed in any script", async () => {
    const { data, out } = storyCopy("islamabad", "islamabad-locales/fr-FR");
    edit(data, "charts.json", "face à {protesters} manifestants", "face à plus de {protesters} manifestants");
    edit(data, "charts.json", "L’article ne donne aucun bilan", "L’article ne donne aucun bilan sur ٣ jours");
    const problems = await problemsOf(data, out);
    expect(problems).toContainEqual(
      expect.stringMatching(
        /title: "plus de \{protesters\}": the reference already carries its qualifier; drop "plus de"/,
      ),
    );
    expect(problems).toContainEqual(expect.stringMatching(/notes\[0\]: the number "٣" is typed into the text/));
  });

  it("refuse a Hindi qualifier after its reference, and allow a name glued to digits after a vowel sign", async () => {
    const { data, out } = storyCopy("islamabad", "islamabad-locales/hi-IN");
    edit(data, "charts.json", "{protesters} प्रदर्शनकारियों", "{protesters} से अधिक प्रदर्शनकारियों");
    edit(data, "charts.json", "झड़पों में मारे गए सुरक्षाकर्मी", "जी20 से पहले झड़पों में मारे गए सुरक्षाकर्मी");
    edit(data, "charts.json", "शहर के पुलिस प्रमुख", "शहर के २ पुलिस प्रमुख");
    const problems = await problemsOf(data, out);
    expect(problems).toContainEqual(
      expect.stringMatching(
        /title: "\{protesters\} से अधिक": the reference already carries its qualifier; drop "से अधिक"/,
      ),
    );
    expect(problems).toContainEqual(expect.stringMatching(/dek: the number "२" is typed into the text/));
    expect(problems.filter((p) => p.includes("जी20"))).toEqual([]);
  });
});
