import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../pipeline/build.ts";
import { copyStory, edit } from "./helpers/story.ts";
import { parseSvg, visibleText } from "./helpers/svg.ts";

const VARIANT_FILES = (id: string) => [`${id}.svg`, `${id}-mobile.svg`, `${id}-dark.svg`, `${id}-mobile-dark.svg`];

function read(out: string, name: string): Document {
  return parseSvg(readFileSync(join(out, name), "utf8"));
}

function bars(doc: Document): { width: number; height: number; x: number }[] {
  return Array.from(doc.querySelectorAll('g[aria-label="rect"] rect')).map((r) => ({
    width: Number(r.getAttribute("width")),
    height: Number(r.getAttribute("height")),
    x: Number(r.getAttribute("x")),
  }));
}

/** Every number a reader can see or hear (text and <desc>), as written. */
function numbersShown(doc: Document): string[] {
  const words = [
    ...visibleText(doc),
    doc.querySelector("desc")?.textContent ?? "",
    doc.querySelector("title")?.textContent ?? "",
  ].join(" ");
  return (words.match(/\d[\d,]*(?:\.\d+)?/g) ?? []).map((n) => n.replace(/,$/, ""));
}

let out: string;
beforeAll(async () => {
  const story = copyStory();
  out = story.out;
  await build({ data: story.data, out });
});

describe("security personnel vs. protesters", () => {
  it("draws one bar per figure, in proportion to the stated values", () => {
    for (const file of VARIANT_FILES("security-vs-protesters")) {
      const [security, protesters] = bars(read(out, file));
      expect(security.width / protesters.width).toBeCloseTo(20000 / 10000, 3);
    }
  });

  it("carries the qualifier to the number: more than 10,000", () => {
    const doc = read(out, "security-vs-protesters.svg");
    const text = visibleText(doc);
    expect(text).toContain("20,000");
    expect(text).toContain("More than 10,000");
    expect(doc.querySelector("title")!.textContent).toBe(
      "20,000 security personnel against more than 10,000 protesters",
    );
    expect(doc.querySelector("desc")!.textContent).toContain("Protesters: more than 10,000");
  });

  it("marks the minimum with an open, dashed end beyond the bar", () => {
    const doc = read(out, "security-vs-protesters.svg");
    const dashes = Array.from(doc.querySelectorAll("[stroke-dasharray] line"));
    expect(dashes).toHaveLength(1);
    const [, protesters] = bars(doc);
    expect(Number(dashes[0].getAttribute("x1"))).toBeCloseTo(protesters.x + protesters.width, 3);
    expect(Number(dashes[0].getAttribute("x2"))).toBeGreaterThan(protesters.x + protesters.width);
  });
});

describe("arrests by day", () => {
  it("shows the single total as one span across Sun 24 – Tue 26 Nov, never split", () => {
    for (const file of VARIANT_FILES("arrests-by-day")) {
      const doc = read(out, file);
      expect(bars(doc)).toHaveLength(1);
      const text = visibleText(doc).join(" ");
      expect(text).toContain("954 arrests");
      for (const day of ["Sun", "Mon", "Tue"]) expect(text).toContain(day);
      expect(text).toMatch(/no daily breakdown was reported/);
    }
  });

  it("spans the whole width of the three days", () => {
    const doc = read(out, "arrests-by-day.svg");
    const [span] = bars(doc);
    expect(span.x).toBe(0);
    expect(span.width).toBe(640 - 2 * 20);
  });
});

describe("casualties by force", () => {
  it("draws police and paramilitary deaths as reported, 1 : 4", () => {
    const [police, paramilitary] = bars(read(out, "casualties-by-force.svg"));
    expect(paramilitary.width / police.width).toBeCloseTo(4, 3);
  });

  it("says at least 1, attributes the figures to the government and notes the missing protester figure", () => {
    const text = visibleText(read(out, "casualties-by-force.svg")).join(" ");
    expect(text).toContain("At least 1");
    expect(text).toContain("as reported by the government");
    expect(text).toContain("no casualty figure for protesters");
  });
});

describe("every chart", () => {
  const stated: Record<string, string[]> = {
    "security-vs-protesters": ["20,000", "10,000"],
    "arrests-by-day": ["954", "24", "25", "26"],
    "casualties-by-force": ["1", "4"],
  };
  it.each(Object.keys(stated))("%s shows no number the sources do not state", (id) => {
    const allowed = new Set([...stated[id], "27", "2024"]); // the dateline in the source line
    for (const file of VARIANT_FILES(id)) {
      for (const number of numbersShown(read(out, file))) expect(allowed, `${file} shows ${number}`).toContain(number);
    }
  });

  it.each(Object.keys(stated))("%s has a title, dek, notes, source and credit inside the SVG", (id) => {
    const text = visibleText(read(out, `${id}.svg`)).join(" ");
    expect(text).toContain("Source: Islamabad protest report, 27 Nov 2024");
    expect(text).toContain("Graphic: Data desk");
  });
});

describe("charts follow the data", () => {
  it("a changed value moves the bars, labels, title and description", async () => {
    const story = copyStory();
    edit(
      story.data,
      "article.txt",
      "Authorities deployed 20,000 security personnel",
      "Authorities deployed 25,000 security personnel",
    );
    edit(
      story.data,
      "figures.csv",
      "security_personnel,deployed,Security personnel,20000,",
      "security_personnel,deployed,Security personnel,25000,",
    );
    edit(
      story.data,
      "figures.csv",
      '"Authorities deployed 20,000 security personnel',
      '"Authorities deployed 25,000 security personnel',
    );
    await build({ data: story.data, out: story.out });
    const doc = read(story.out, "security-vs-protesters.svg");
    const [security, protesters] = bars(doc);
    expect(security.width / protesters.width).toBeCloseTo(2.5, 3);
    expect(visibleText(doc)).toContain("25,000");
    expect(doc.querySelector("title")!.textContent).toContain("25,000 security personnel");
    expect(doc.querySelector("desc")!.textContent).toContain("Security personnel: 25,000");
    expect(numbersShown(doc)).not.toContain("20,000");
  });
});
