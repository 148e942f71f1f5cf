import { readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Box, intersects, occupied, textOf } from "../charts/geometry.ts";
import { build } from "../pipeline/build.ts";
import { DataError, type Problem } from "../pipeline/facts/problem.ts";
import { loadStory } from "../pipeline/story.ts";
import { VARIANTS } from "../pipeline/words/output-names.ts";
import { lineOf } from "./helpers/problems.ts";
import { copyStory } from "./helpers/story.ts";
import { parseSvg } from "./helpers/svg.ts";

const EARTH_KM = 6371.0088;
const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

function problemsOf(data: string): Problem[] {
  try {
    loadStory(data, { today: "2025-03-20" });
  } catch (error) {
    if (error instanceof DataError) return error.problems;
    throw error;
  }
  return [];
}

/** Whether a line segment passes through a box (either end inside it, or crossing one of its sides). */
function segmentMeetsBox([x1, y1, x2, y2]: [number, number, number, number], b: Box): boolean {
  const inside = (x: number, y: number) => x > b.x && x < b.x + b.width && y > b.y && y < b.y + b.height;
  if (inside(x1, y1) || inside(x2, y2)) return true;
  const corners: [number, number][] = [
    [b.x, b.y],
    [b.x + b.width, b.y],
    [b.x + b.width, b.y + b.height],
    [b.x, b.y + b.height],
  ];
  const side = (ax: number, ay: number, bx: number, by: number, px: number, py: number) =>
    Math.sign((bx - ax) * (py - ay) - (by - ay) * (px - ax));
  return corners.some(([ax, ay], i) => {
    const [bx, by] = corners[(i + 1) % 4];
    return (
      side(x1, y1, x2, y2, ax, ay) !== side(x1, y1, x2, y2, bx, by) &&
      side(ax, ay, bx, by, x1, y1) !== side(ax, ay, bx, by, x2, y2)
    );
  });
}

/** The map's places as drawn: each dot's centre in the whole SVG's pixels, and the map's own frame. */
function drawn(svg: string) {
  const doc = parseSvg(svg);
  const root = doc.documentElement;
  const boxes = occupied(root, (el) => el === root.querySelector(":scope > rect"));
  const centre = (el: Element) => {
    const b = boxes.find((x) => x.el === el)!;
    return [b.x + b.width / 2, b.y + b.height / 2];
  };
  const water = root.querySelector('[aria-label="basemap"] > rect')!; // the sea: the map's whole frame
  const frame = boxes.find((b) => b.el === water)!;
  const places = Array.from(root.querySelectorAll('[aria-label="place"] circle')).map(centre);
  const labels = Array.from(root.querySelectorAll('[aria-label="place label"] text:last-of-type')).map((t) => ({
    text: textOf(t),
    box: boxes.find((b) => b.el === t)!,
  }));
  return { doc, root, boxes, frame, places, labels };
}

/** The country names a map draws, and those an outline (a border or a coast) runs through. */
function countryNames(svg: string): { names: string[]; crossed: string[] } {
  const { root, boxes } = drawn(svg);
  const basemap = root.querySelector('[aria-label="basemap"]')!;
  const [dx, dy] = (basemap.parentElement!.getAttribute("transform") ?? "translate(0,0)")
    .match(/-?[\d.]+/g)!
    .map(Number);
  // Every outline the map draws, as segments in the whole SVG's pixels (d3-geo writes M, L and Z).
  const segments: [number, number, number, number][] = [];
  for (const path of Array.from(basemap.querySelectorAll("path"))) {
    for (const ring of path.getAttribute("d")!.split("M").filter(Boolean)) {
      const points = ring
        .replace(/Z/g, "")
        .split("L")
        .map((p) => p.split(",").map(Number) as [number, number]);
      for (let i = 1; i < points.length; i++)
        segments.push([points[i - 1][0] + dx, points[i - 1][1] + dy, points[i][0] + dx, points[i][1] + dy]);
    }
  }
  const names = Array.from(root.querySelectorAll('[aria-label="country label"] text'));
  return {
    names: names.map(textOf),
    crossed: names
      .filter((name) =>
        segments.some((s) =>
          segmentMeetsBox(
            s,
            boxes.find((x) => x.el === name)!,
          ),
        ),
      )
      .map(textOf),
  };
}

describe("a locator map", () => {
  const story = copyStory("port-fire");
  const islamabad = copyStory("islamabad");
  // The same story's locator moved to Chile: Talca and Santiago, the country zoom taking in its neighbours.
  const chile = copyStory("islamabad");
  const fetches: string[] = [];
  const realFetch = globalThis.fetch;
  beforeAll(async () => {
    // Offline: the basemap is a file of an installed package; any request would be recorded here.
    globalThis.fetch = ((input: unknown) => {
      fetches.push(String(input));
      throw new Error("no network");
    }) as typeof fetch;
    await build({ data: story.data, out: story.out, today: "2025-03-20" });
    await build({ data: islamabad.data, out: islamabad.out, today: "2024-12-01" });
    const charts = join(chile.data, "charts.json");
    writeFileSync(
      charts,
      readFileSync(charts, "utf8").replace(
        '"places": [{ "name": "Islamabad", "lat": 33.6844, "lon": 73.0479, "type": "city" }]',
        '"places": [{ "name": "Talca", "lat": -35.4264, "lon": -71.6554, "type": "city" }, { "name": "Santiago", "lat": -33.4489, "lon": -70.6693, "type": "city" }]',
      ),
    );
    await build({ data: chile.data, out: chile.out, today: "2024-12-01" });
  });
  afterAll(() => {
    globalThis.fetch = realFetch;
    rmSync(story.dir, { recursive: true, force: true });
    rmSync(islamabad.dir, { recursive: true, force: true });
    rmSync(chile.dir, { recursive: true, force: true });
  });

  it("draws its places inside the frame at their coordinates (Mercator, checked against each other)", () => {
    const places = [
      { lat: 51.879, lon: 4.33 },
      { lat: 51.9225, lon: 4.4792 },
    ];
    for (const variant of VARIANTS) {
      const { frame, places: dots } = drawn(readFileSync(join(story.out, `shelter-zone${variant.suffix}.svg`), "utf8"));
      expect(dots).toHaveLength(2);
      for (const [x, y] of dots) {
        expect(x).toBeGreaterThan(frame.x);
        expect(x).toBeLessThan(frame.x + frame.width);
        expect(y).toBeGreaterThan(frame.y);
        expect(y).toBeLessThan(frame.y + frame.height);
      }
      // One scale for both axes (Mercator is conformal): pixels per radian of longitude…
      const k = (dots[1][0] - dots[0][0]) / (((places[1].lon - places[0].lon) * Math.PI) / 180);
      // …gives the northward offset from the latitudes, to a pixel.
      const dy = k * (mercatorY(places[1].lat) - mercatorY(places[0].lat));
      expect(Math.abs(dots[0][1] - dots[1][1] - dy), variant.name).toBeLessThan(1);
    }
  });

  it("draws a distance figure as a circle of that radius around its place, qualified as the source words it", () => {
    const { root, boxes, places } = drawn(readFileSync(join(story.out, "shelter-zone.svg"), "utf8"));
    const circle = root.querySelector('[aria-label="radius"] path')!;
    const box = boxes.find((b) => b.el === circle)!;
    // Its centre is the plant's dot; its width 2 × 2 km at this scale.
    expect(Math.abs(box.x + box.width / 2 - places[0][0])).toBeLessThan(1);
    const rotterdam = drawn(readFileSync(join(story.out, "shelter-zone.svg"), "utf8")).places[1];
    const k = (rotterdam[0] - places[0][0]) / (((4.4792 - 4.33) * Math.PI) / 180);
    const expected = ((2 * 2) / EARTH_KM) * (k / Math.cos((51.879 * Math.PI) / 180));
    expect(box.width / expected).toBeGreaterThan(0.98);
    expect(box.width / expected).toBeLessThan(1.02);
    // "within" is a maximum: a solid circle, said in the source's words, explained in a note.
    expect(circle.getAttribute("stroke-dasharray")).toBeNull();
    expect(textOf(root.querySelector('[aria-label="radius label"] text:last-of-type')!)).toBe("Within 2 kilometres");
    const words = Array.from(root.querySelectorAll("text")).map(textOf).join(" ");
    expect(words).toContain("(at most that far: the exact distance was not reported)");
  });

  it("has a scale bar as long as its distance, an inset globe, and the story's own streets", () => {
    const { root, boxes, places } = drawn(readFileSync(join(story.out, "shelter-zone.svg"), "utf8"));
    const bar = root.querySelector('[aria-label="scale bar"]')!;
    const km = Number(/^(\d+) km$/.exec(textOf(bar.querySelector("text")!))![1]);
    const line = boxes.find((b) => b.el === bar.querySelector("path"))!;
    const rotterdam = places[1];
    const k = (rotterdam[0] - places[0][0]) / (((4.4792 - 4.33) * Math.PI) / 180);
    // The bar measures at the map's middle: between the two places' latitudes here.
    const perKm = k / EARTH_KM / Math.cos((51.9 * Math.PI) / 180);
    expect(line.width / (km * perKm)).toBeGreaterThan(0.97);
    expect(line.width / (km * perKm)).toBeLessThan(1.03);
    expect(root.querySelector('[aria-label="inset"] circle, [aria-label="inset"] path')).not.toBeNull();
    // Three streets of streets.geojson, as lines.
    const streets = Array.from(root.querySelectorAll("path")).filter(
      (p) => p.getAttribute("stroke-linecap") === "round",
    );
    expect(streets).toHaveLength(3);
  });

  it("labels places, circles and countries, and places its annotations, where none overlaps another or a place's dot", () => {
    for (const [out, id] of [
      [story.out, "shelter-zone"],
      [islamabad.out, "where-islamabad"],
    ] as const)
      for (const variant of VARIANTS) {
        const { root, boxes } = drawn(readFileSync(join(out, `${id}${variant.suffix}.svg`), "utf8"));
        const labelled = ["place label", "radius label", "country label", "place", "inset", "scale bar", "annotation"];
        const groups = Array.from(root.querySelectorAll("g[aria-label]")).filter((g) =>
          labelled.includes(g.getAttribute("aria-label")!),
        );
        // A label's leader runs to its dot: it touches the dot by design.
        const leader = (el: Element) =>
          el.tagName === "path" && /label$|^annotation$/.test(el.parentElement!.getAttribute("aria-label")!);
        const own = (g: Element) => boxes.filter((b) => g.contains(b.el) && !leader(b.el));
        for (const [i, a] of groups.entries())
          for (const b of groups.slice(i + 1))
            for (const x of own(a))
              for (const y of own(b))
                expect(
                  intersects(
                    { x: x.x + 0.5, y: x.y + 0.5, width: x.width - 1, height: x.height - 1 },
                    { x: y.x + 0.5, y: y.y + 0.5, width: y.width - 1, height: y.height - 1 },
                  ),
                  `${id}${variant.suffix}: ${textOf(x.el) || a.getAttribute("aria-label")} and ${textOf(y.el) || b.getAttribute("aria-label")}`,
                ).toBe(false);
      }
  });

  it("runs no border or coast through a country's name, in every variant", () => {
    for (const variant of VARIANTS) {
      const { names, crossed } = countryNames(
        readFileSync(join(islamabad.out, `where-islamabad${variant.suffix}.svg`), "utf8"),
      );
      expect(names.length, variant.suffix).toBeGreaterThanOrEqual(3);
      expect(crossed, variant.suffix).toEqual([]);
    }
  });

  it("names a country with room for its name only between two of the spots it tries (Bolivia beside Chile)", () => {
    const { names, crossed } = countryNames(readFileSync(join(chile.out, "where-islamabad.svg"), "utf8"));
    expect(names).toContain("BOLIVIA");
    expect(names).toContain("BRAZIL");
    expect(crossed).toEqual([]);
  });

  it("shows Islamabad in Pakistan, labelled, with its neighbours named and nothing fetched", () => {
    const { root, labels, places, frame } = drawn(readFileSync(join(islamabad.out, "where-islamabad.svg"), "utf8"));
    expect(labels.map((l) => l.text)).toEqual(["Islamabad"]);
    expect(places).toHaveLength(1);
    const countries = Array.from(root.querySelectorAll('[aria-label="country label"] text')).map(textOf);
    expect(countries).toContain("PAKISTAN");
    expect(countries).toContain("INDIA");
    // Islamabad lies in Pakistan's north-east: right of the frame's middle, in its upper half.
    expect(places[0][0]).toBeGreaterThan(frame.x + frame.width / 2);
    expect(places[0][1]).toBeLessThan(frame.y + frame.height / 2);
    expect(root.querySelector("desc")!.textContent).toContain("A map of Pakistan locating Islamabad.");
    expect(fetches).toEqual([]);
  });
});

describe("a locator's places and layers", () => {
  const story = copyStory("port-fire");
  afterAll(() => rmSync(story.dir, { recursive: true, force: true }));
  const charts = () =>
    JSON.parse(readFileSync(join(story.data, "charts.json"), "utf8")) as { charts: Record<string, unknown>[] };
  const save = (list: unknown) => writeFileSync(join(story.data, "charts.json"), `${JSON.stringify(list, null, 2)}\n`);

  it("refuses coordinates off the globe, and places on a chart that is not a map, each at its line", () => {
    const original = readFileSync(join(story.data, "charts.json"), "utf8");
    try {
      const list = charts();
      (list.charts[0].places as Record<string, unknown>[])[0].lat = 151.879;
      list.charts[1].places = [{ name: "Plant", lat: 1, lon: 1 }];
      save(list);
      const problems = problemsOf(story.data);
      expect(problems).toContainEqual({
        file: "charts.json",
        line: lineOf(story.data, "charts.json", "151.879"),
        message:
          '"lat" is the place\'s latitude, from -90 (south) to 90 (north), in decimal degrees, not 151.879 (are "lat" and "lon" swapped?)',
      });
      expect(problems.map((p) => p.message)).toContainEqual(
        '"places" belong to a locator map (kind "locator"); a bars has no map: delete them, or make the chart a locator',
      );
    } finally {
      writeFileSync(join(story.data, "charts.json"), original);
    }
  });

  it("refuses a layer position off the globe at its line in the GeoJSON file, and a layer it cannot find", () => {
    const original = readFileSync(join(story.data, "streets.geojson"), "utf8");
    try {
      writeFileSync(join(story.data, "streets.geojson"), original.replace("[4.305, 51.874]", "[51.874, 94.305]"));
      expect(problemsOf(story.data)).toContainEqual({
        file: "streets.geojson",
        line: lineOf(story.data, "streets.geojson", "94.305"),
        message:
          "the position [51.874, 94.305] is off the globe: longitude runs from -180 to 180, latitude from -90 to 90 (GeoJSON puts longitude first)",
      });
      rmSync(join(story.data, "streets.geojson"));
      expect(problemsOf(story.data).map((p) => p.message)).toContainEqual(
        'the story folder has no layer "streets.geojson"; put the GeoJSON file beside charts.json',
      );
    } finally {
      writeFileSync(join(story.data, "streets.geojson"), original);
    }
  });

  it("reads no layer from outside the story folder, nor one too large to draw", () => {
    const original = readFileSync(join(story.data, "streets.geojson"), "utf8");
    const outside = join(tmpdir(), `outside-${process.pid}.geojson`);
    try {
      writeFileSync(outside, original);
      rmSync(join(story.data, "streets.geojson"));
      symlinkSync(outside, join(story.data, "streets.geojson"));
      expect(problemsOf(story.data).map((p) => `${p.file}:${p.line}: ${p.message}`)).toContainEqual(
        "streets.geojson:0: the file is a link to somewhere outside the story folder; the build reads nothing outside it, so copy the file into the story folder instead of linking",
      );
      rmSync(join(story.data, "streets.geojson"));
      writeFileSync(join(story.data, "streets.geojson"), `${original}${" ".repeat(6 * 1024 * 1024)}`);
      expect(
        problemsOf(story.data).some(
          (p) =>
            p.file === "streets.geojson" &&
            p.line === 0 &&
            p.message.startsWith("the layer is 6.0 MB; a map layer may be 5 MB at most"),
        ),
      ).toBe(true);
    } finally {
      rmSync(join(story.data, "streets.geojson"), { force: true });
      writeFileSync(join(story.data, "streets.geojson"), original);
      rmSync(outside, { force: true });
    }
  });

  it("draws a figure only as a radius, and a radius only of a distance", () => {
    const original = readFileSync(join(story.data, "charts.json"), "utf8");
    try {
      const list = charts();
      list.charts[0].figures = ["shelter_radius", "firefighters"];
      (list.charts[0].places as Record<string, unknown>[])[1].radius = "firefighters";
      save(list);
      const messages = problemsOf(story.data).map((p) => p.message);
      expect(messages).toContainEqual(
        'chart "shelter-zone": place "Rotterdam": a radius is a distance (unit km, kilometres, metres or miles), but "firefighters" is in "people"',
      );
    } finally {
      writeFileSync(join(story.data, "charts.json"), original);
    }
  });
});
