import { ascending, bisectRight, max, min, range } from "d3-array";
import { createRequire } from "node:module";
import {
  type GeoPermissibleObjects,
  type GeoProjection,
  geoArea,
  geoBounds,
  geoCircle,
  geoContains,
  geoDistance,
  geoMercator,
  geoOrthographic,
  geoPath,
} from "d3-geo";
import type { Feature, FeatureCollection, Geometry, MultiLineString, Polygon, MultiPolygon } from "geojson";
import { feature, mesh } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import type { Figure } from "../pipeline/facts/figure.ts";
import { attributionNote } from "./attribution.ts";
import { type Bound, boundOf } from "./bounds.ts";
import { type Box, intersects, textBox, within } from "./geometry.ts";
import { drawnWidth } from "./measure.ts";
import { type ChartKind, type ChartModel, type DrawContext, type GeoLayer, type Place, shownRow } from "./kind.ts";
import { defaultName, uniqueNames } from "./names.ts";
import { kilometresIn } from "../pipeline/language/units.ts";
import { defaultWriter, type Writer } from "../pipeline/language/writer.ts";

/** A distance figure drawn as a circle around a place. */
interface Circle {
  /** Index of its place in `places`. */
  place: number;
  km: number;
  bound: Bound;
  /** Its label on the map: the figure in the source's words ("Within 1.6 kilometres"). */
  label: string;
}

export interface LocatorDraw {
  places: Place[];
  circles: Circle[];
  layers: GeoLayer[];
  /** "country": the country around the first place; "city": the places, circles and layers, close up. */
  zoom: "country" | "city";
  /** The country the first place lies in (Natural Earth's id and name), if any. */
  country?: { id: string; name: string };
}

const EARTH_KM = 6371.0088;
/** Close up, the map shows at least this far around each place. */
const MIN_KM = 2;

const require = createRequire(import.meta.url);
type World = {
  topology: Topology;
  countries: FeatureCollection<Geometry, { name: string }>;
  /** Each country's extent in degrees, by index (geoBounds is slow on 1:50m outlines: once a process). */
  bounds: [[number, number], [number, number]][];
  /** Borders between countries, each line with its extent. */
  borders: { line: [number, number][]; bounds: [[number, number], [number, number]] }[];
};
const worlds = new Map<string, World>();
/**
 * Natural Earth's countries from the world-atlas package, read once per process: the 1:110m
 * scale for the inset and for finding a place's country, 1:50m for the map. Offline: a file of the
 * installed package.
 */
function world(scale: "110m" | "50m"): World {
  let w = worlds.get(scale);
  if (!w) {
    const topology = require(`world-atlas/countries-${scale}.json`) as Topology;
    const countries = feature(topology, topology.objects.countries as GeometryCollection<{ name: string }>);
    const all = countries as FeatureCollection<Geometry, { name: string }>;
    const lines = (
      mesh(topology, topology.objects.countries as GeometryCollection, (a, b) => a !== b) as MultiLineString
    ).coordinates as [number, number][][];
    w = {
      topology,
      countries: all,
      bounds: all.features.map((c) => geoBounds(c)),
      borders: lines.map((line) => ({ line, bounds: geoBounds({ type: "LineString", coordinates: line }) })),
    };
    worlds.set(scale, w);
  }
  return w;
}

/**
 * Where the story happened: a map of the places charts.json names at their coordinates, on Natural
 * Earth's countries, with the story's own GeoJSON layers (streets, districts), an inset globe showing
 * where in the world, and a scale bar. A distance figure may be drawn as a circle around a place,
 * labelled in the source's words ("Within 1.6 kilometres"), solid for a maximum ("within", "up to"),
 * dashed for a minimum. No other figure is drawn: a map is not a chart of numbers.
 */
export const locator: ChartKind<LocatorDraw> = {
  prepare({ figures, places = [], layers = [], writer = defaultWriter() }) {
    const problems: string[] = [];
    if (places.length === 0)
      problems.push(
        'a locator needs "places": [{ "name": "Islamabad", "lat": 33.69, "lon": 73.05 }], each at its coordinates',
      );
    const circles: Circle[] = [];
    const radii = new Set(places.flatMap((p) => (p.radius ? [p.radius] : [])));
    for (const f of figures) {
      if (!radii.has(f.id))
        problems.push(
          `a locator draws a figure only as a circle around a place: give "${f.id}" to a place's "radius", or chart it with another kind`,
        );
    }
    places.forEach((place, i) => {
      if (!place.radius) return;
      const f = figures.find((g) => g.id === place.radius);
      if (!f) {
        problems.push(
          `place "${place.name}": its radius "${place.radius}" is not one of the chart's "figures"; list it there`,
        );
        return;
      }
      const per = kilometresIn(f.unit);
      if (f.fraction || per === undefined || f.value <= 0) {
        problems.push(
          `place "${place.name}": a radius is a distance (unit km, kilometres, metres or miles), but "${f.id}" is ${f.fraction ? "a fraction" : f.value <= 0 ? "not above zero" : `in ${JSON.stringify(f.unit || "no unit")}`}`,
        );
        return;
      }
      circles.push({
        place: i,
        km: f.value * per,
        bound: boundOf(f),
        label: writer.capitalize(writer.qualified(f)),
      });
    });
    if (problems.length > 0) return { problems };
    const drawn = figures.filter((f) => radii.has(f.id));
    const names = uniqueNames(drawn, (f) => defaultName(f, writer));
    const country = countryOf(places[0]);
    // The country in the chart's language ("Inde", "भारत"); none where the language has no name for it.
    const area = country && writer.country(country.id, country.name);
    const zoom = circles.length > 0 || layers.length > 0 ? "city" : "country";
    const figureOf = (c: Circle) => drawn.find((g) => g.id === places[c.place].radius)!;
    // The label inside a sentence: "within 1.6 kilometres", "jusqu’à 1,6 km".
    const distance = (c: Circle) => `${c.label.charAt(0).toLowerCase()}${c.label.slice(1)}`;
    const notes = circles.map((c) =>
      writer.phrase(
        c.bound === "maximum"
          ? "map.radius.maximum"
          : c.bound === "minimum"
            ? "map.radius.minimum"
            : "map.radius.exact",
        { place: places[c.place].name, name: names[figureOf(c).id], distance: distance(c) },
      ),
    );
    const attribution = attributionNote(drawn, names, writer);
    if (attribution) notes.push(attribution);
    notes.push(mapCredit(layers, writer));
    const placeNames = writer.list(places.map((p) => p.name));
    const summary = [
      zoom === "country" && area
        ? writer.phrase("map.altIn", { area, places: placeNames })
        : writer.phrase("map.alt", { places: placeNames }),
      ...circles.map((c) =>
        writer.phrase("map.radiusSummary", {
          name: writer.capitalize(names[figureOf(c).id]),
          distance: distance(c),
          place: places[c.place].name,
        }),
      ),
      writer.phrase("map.inset", { area: area ?? placeNames }),
    ].join(" ");
    const model: ChartModel<LocatorDraw> = {
      used: drawn,
      notes,
      names,
      warnings: [],
      summary,
      rows: drawn.map((f) => shownRow(f, names[f.id], circles.find((c) => places[c.place].radius === f.id)!.label)),
      draw: { places, circles, layers, zoom, ...(country ? { country } : {}) },
    };
    return { model, problems };
  },

  draw(model, context) {
    return drawLocator(model.draw, context);
  },
};

/** "Map: Natural Earth; streets.geojson.": the basemap's source, then the story's own layers by file. */
function mapCredit(layers: GeoLayer[], writer: Writer): string {
  const files = layers.map((l) => l.file).join(", ");
  return writer.phrase("map.credit", {
    sources: `Natural Earth${files ? `${writer.phrase("separator.clauses")}${files}` : ""}`,
  });
}

/** The Natural Earth country a place lies in (1:110m), by id and name. */
function countryOf(place: Place | undefined): { id: string; name: string } | undefined {
  if (!place) return undefined;
  const hit = world("110m").countries.features.find((c) => geoContains(c, [place.lon, place.lat]));
  return hit ? { id: String(hit.id), name: hit.properties.name } : undefined;
}

const degrees = (km: number) => (km / EARTH_KM) * (180 / Math.PI);
const circleOf = (lon: number, lat: number, km: number) => geoCircle().center([lon, lat]).radius(degrees(km))();

/** The one polygon of a country that holds the place (France's mainland, not French Guiana). */
function partHolding(country: Feature<Geometry>, lon: number, lat: number): Feature<Geometry> {
  const g = country.geometry;
  if (g.type !== "MultiPolygon") return country;
  const part = g.coordinates.find((rings) => geoContains({ type: "Polygon", coordinates: rings }, [lon, lat]));
  return part ? { type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates: part } } : country;
}

/** The largest of 1, 2, 5 × 10ⁿ not over `max`. */
function niceLength(max: number): number {
  const power = 10 ** Math.floor(Math.log10(max));
  return [5, 2, 1].map((m) => m * power).find((n) => n <= max) ?? power;
}

/**
 * What a locator's drawings at one width share: the projected, clipped outlines and the spots where
 * a country's name may go. A chart is drawn at one width up to three times (a light and a dark twin;
 * the print layout measured, then drawn), and projecting 1:50m outlines is most of a locator's time.
 * Kept while the chart's model is.
 */
const shared = new WeakMap<LocatorDraw, Map<string, unknown>>();
function sharedAt(m: LocatorDraw, width: number) {
  let kept = shared.get(m);
  if (!kept) shared.set(m, (kept = new Map()));
  const store = kept;
  return <T>(key: string, make: () => T): T => {
    const k = `${width} ${key}`;
    if (!store.has(k)) store.set(k, make());
    return store.get(k) as T;
  };
}

function drawLocator(m: LocatorDraw, { width, sizes, theme, document, writer = defaultWriter() }: DrawContext) {
  const once = sharedAt(m, width);
  const height = Math.round(width * (width > 400 ? 0.62 : 0.95));
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("text-anchor", "start");
  const el = (name: string, attrs: Record<string, string | number>, parent: Element = svg) => {
    const node = document.createElementNS("http://www.w3.org/2000/svg", name);
    for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
    parent.append(node);
    return node;
  };
  const frame: Box = { x: 0, y: 0, width, height };
  const detail = world("50m");

  // The view: the country around the first place, or close up on everything the story draws.
  const first = m.places[0];
  const focus: Feature<Geometry>[] = [];
  if (m.zoom === "country" && m.country) {
    const country = detail.countries.features.find((c) => String(c.id) === m.country!.id);
    if (country) focus.push(partHolding(country, first.lon, first.lat));
  }
  const point = (p: Place): Feature<Geometry> => ({
    type: "Feature",
    properties: {},
    geometry: circleOf(p.lon, p.lat, m.zoom === "country" ? 25 : MIN_KM),
  });
  for (const place of m.places) focus.push(point(place));
  for (const c of m.circles)
    focus.push({
      type: "Feature",
      properties: {},
      geometry: circleOf(m.places[c.place].lon, m.places[c.place].lat, c.km),
    });
  const layerFeatures = m.layers.map((layer) => layer.features.map(d3Winding));
  for (const features of layerFeatures) for (const f of features) focus.push(f);
  const margin = Math.round(Math.min(width, height) * (m.zoom === "country" ? 0.06 : 0.1));
  const projection: GeoProjection = geoMercator()
    .fitExtent(
      [
        [margin, margin],
        [width - margin, height - margin],
      ],
      { type: "FeatureCollection", features: focus },
    )
    .clipExtent([
      [0, 0],
      [width, height],
    ]);
  const path = geoPath(projection).digits(1);
  const draw = (shape: GeoPermissibleObjects) => path(shape) ?? "";

  // Water, land, borders: the frame's countries only (their bounding boxes meet the view).
  const basemap = el("g", { "aria-label": "basemap" });
  el("rect", { width, height, fill: theme.water }, basemap);
  const view = viewBounds(projection, width, height);
  const visible = detail.countries.features.filter((_, i) => boxesMeet(detail.bounds[i], view));
  const countryIndex = new Map(detail.countries.features.map((c, i) => [c, i]));
  for (const c of visible) {
    const d = once(`country ${countryIndex.get(c)}`, () => draw(c));
    if (d) el("path", { d, fill: String(c.id) === m.country?.id ? theme.landFocus : theme.land }, basemap);
  }
  const borders: MultiLineString = {
    type: "MultiLineString",
    coordinates: detail.borders.filter((b) => boxesMeet(b.bounds, view)).map((b) => b.line),
  };
  el(
    "path",
    { d: once("borders", () => draw(borders)), fill: "none", stroke: theme.border, "stroke-width": 1 },
    basemap,
  );

  // The story's own layers: areas lightly filled, lines as streets, points as dots.
  for (const [l, features] of layerFeatures.entries()) {
    for (const [i, f] of features.entries()) {
      const type = f.geometry.type;
      const d = once(`layer ${l} ${i}`, () => draw(f));
      if (!d) continue;
      if (type === "Polygon" || type === "MultiPolygon")
        el("path", { d, fill: theme.track, stroke: theme.rule, "stroke-width": 0.75 }, basemap);
      else if (type === "LineString" || type === "MultiLineString")
        el("path", { d, fill: "none", stroke: theme.street, "stroke-width": 2.5, "stroke-linecap": "round" }, basemap);
      else el("path", { d, fill: theme.rule }, basemap);
    }
  }

  // Circles of a distance: solid for a maximum ("within"), dashed where the distance is a minimum.
  const taken: Box[] = [];
  for (const [k, c] of m.circles.entries()) {
    const p = m.places[c.place];
    el(
      "path",
      {
        d: once(`circle ${k}`, () => draw(circleOf(p.lon, p.lat, c.km) as Polygon)),
        fill: theme.highlight,
        "fill-opacity": 0.12,
        stroke: theme.highlight,
        "stroke-width": 2,
        ...(c.bound === "minimum" ? { "stroke-dasharray": "5,4" } : {}),
      },
      el("g", { "aria-label": "radius" }),
    );
  }

  // Places: a dot at the coordinates (a ringed dot for a city).
  const dots = m.places.map((p) => {
    const [x, y] = projection([p.lon, p.lat])!;
    const r = p.type === "city" ? 5 : 4;
    el(
      "circle",
      {
        cx: round(x),
        cy: round(y),
        r,
        fill: p.type === "city" ? theme.background : theme.text,
        stroke: theme.text,
        "stroke-width": p.type === "city" ? 2.5 : 1,
      },
      el("g", { "aria-label": "place" }),
    );
    const box = { x: x - r - 1, y: y - r - 1, width: 2 * r + 2, height: 2 * r + 2 };
    taken.push(box);
    return { x, y, r };
  });

  // The inset globe and the scale bar take corners the places leave free.
  const globeR = width > 400 ? 44 : 34;
  const corners = [
    { x: width - 2 * globeR - 8, y: 8 },
    { x: 8, y: 8 },
    { x: width - 2 * globeR - 8, y: height - 2 * globeR - 8 },
    { x: 8, y: height - 2 * globeR - 8 },
  ].map((c) => ({ ...c, width: 2 * globeR, height: 2 * globeR }));
  const free = (box: Box) =>
    !dots.some((d) => intersects(box, { x: d.x - 30, y: d.y - 12, width: 60, height: 24 })) &&
    !m.circles.some((c) => intersects(box, circleBox(projection, m.places[c.place], c.km)));
  const globe = corners.find(free) ?? corners[0];
  taken.push(globe);
  const insetGroup = el("g", { "aria-label": "inset" });
  inset((name, attrs) => el(name, attrs, insetGroup), globe, globeR, projection, width, height, m, theme, once);

  const bar = scaleBar(projection, width, height, sizes.note, theme, writer);
  const barBox = [
    { x: 8, y: height - bar.height - 6 },
    { x: width - bar.width - 8, y: height - bar.height - 6 },
    { x: 8, y: 6 },
    { x: width - bar.width - 8, y: 6 },
  ]
    .map((c) => ({ ...c, width: bar.width, height: bar.height }))
    .find((b) => free(b) && !intersects(b, globe, 4))!;
  if (barBox) {
    taken.push(barBox);
    const group = el("g", { "aria-label": "scale bar" });
    bar.draw((name, attrs) => el(name, attrs, group), barBox);
  }

  // Labels, most important first, each where it overlaps nothing already placed.
  const label = (
    role: string,
    text: string,
    [x, y, r]: [number, number, number],
    size: number,
    bold: boolean,
    fill: string,
  ) => {
    const box = placeLabel(text, x, y, r, size, bold, frame, taken);
    if (!box) return false;
    taken.push(box.box);
    const group = el("g", { "aria-label": role });
    if (box.leader) {
      const { x1, y1, x2, y2 } = box.leader;
      el("path", { d: `M${x1},${y1}L${x2},${y2}`, fill: "none", stroke: theme.muted, "stroke-width": 1 }, group);
    }
    const attrs = {
      x: round(box.x),
      y: round(box.baseline),
      "font-size": size,
      "text-anchor": box.anchor,
      ...(bold ? { "font-weight": "bold" } : {}),
    };
    // A ground in the land's colour under the words, so a street or a border never runs through
    // them (a rect, which every renderer and the PDF draw alike; paint-order is not honoured by all).
    // As wide as the words are drawn (a Devanagari name measures wider, for fonts that run wide).
    const inner = drawnWidth(text, size, bold);
    const left = box.anchor === "middle" ? box.x - inner / 2 : box.anchor === "end" ? box.x - inner : box.x;
    el(
      "rect",
      {
        x: round(left - 2),
        y: round(box.box.y - 1),
        width: round(inner + 4),
        height: round(box.box.height + 2),
        rx: 2,
        fill: theme.landFocus,
      },
      group,
    );
    const node = el("text", { ...attrs, fill }, group);
    node.textContent = text;
    return true;
  };
  m.places.forEach((p, i) =>
    label("place label", p.name, [dots[i].x, dots[i].y, dots[i].r + 3], sizes.label, p.type === "city", theme.text),
  );
  for (const c of m.circles) {
    const box = circleBox(projection, m.places[c.place], c.km);
    label("radius label", c.label, [box.x + box.width / 2, box.y - 2, 2], sizes.value, true, theme.text);
  }
  // Country names, in capitals and quieter, in the chart's language: where their country shows, nearest its middle.
  const countryLabels = visible
    .map((c) => ({
      c,
      name: c.properties.name && writer.country(c.id === undefined ? undefined : String(c.id), c.properties.name),
    }))
    .filter((c): c is { c: (typeof visible)[number]; name: string } => Boolean(c.name))
    .map(({ c, name }) => ({
      c,
      name,
      ...once(`spots ${countryIndex.get(c)}`, () => spotsInside(c, projection, width, height)),
    }))
    .filter((c) => c.spots.length >= 3)
    .sort((a, b) =>
      String(a.c.id) === m.country?.id ? -1 : String(b.c.id) === m.country?.id ? 1 : b.spots.length - a.spots.length,
    )
    .slice(0, 6);
  for (const { name, spots, inside } of countryLabels) {
    const text = name.toLocaleUpperCase(writer.pack.intl);
    const cx = spots.reduce((s, p) => s + p[0], 0) / spots.length;
    const cy = spots.reduce((s, p) => s + p[1], 0) / spots.length;
    const order = [...spots].sort((a, b) => Math.hypot(a[0] - cx, a[1] - cy) - Math.hypot(b[0] - cx, b[1] - cy));
    // Only where the whole name lies inside its country (points along its edges are), so no border
    // or coast runs through the words; a country too narrow for its name goes unnamed.
    const fits = (box: Box) => {
      const xs = range(box.x - 2, box.x + box.width + 2, 4).concat(box.x + box.width + 2);
      return [box.y - 1, box.y + box.height + 1].every((y) => xs.every((x) => inside(x, y)));
    };
    // The grid's spots first, then the same spots half a step aside: a country about as wide as
    // its name (Argentina beside Chile) may have room only between two spots.
    const half = Math.max(14, Math.round(width / 30)) / 2;
    const aside = order.flatMap(([x, y]): [number, number][] => [
      [x + half, y],
      [x - half, y],
      [x, y + half],
      [x, y - half],
    ]);
    for (const [x, y] of [...order, ...aside]) {
      const box = textBox([text], x, y + sizes.note * 0.35, sizes.note, { anchor: "middle" });
      if (!within(box, frame) || taken.some((t) => intersects(box, t, 3)) || !fits(box)) continue;
      taken.push(box);
      const node = el(
        "text",
        {
          x: round(x),
          y: round(y + sizes.note * 0.35),
          "font-size": sizes.note,
          fill: theme.muted,
          "text-anchor": "middle",
        },
        el("g", { "aria-label": "country label" }),
      );
      node.textContent = text;
      break;
    }
  }
  return { node: svg as unknown as SVGSVGElement, height };
}

/**
 * A layer's feature with its polygons wound as d3-geo reads them. GeoJSON (RFC 7946) winds outer
 * rings anticlockwise, d3-geo clockwise: on the sphere, a ring wound the other way is everything
 * but its inside. A polygon covering more than half the globe is taken as wound the GeoJSON way.
 */
function d3Winding(f: GeoLayer["features"][number]): Feature<Geometry> {
  const g = f.geometry as Geometry;
  const turn = (rings: number[][][]) =>
    geoArea({ type: "Polygon", coordinates: rings }) > 2 * Math.PI ? rings.map((r) => [...r].reverse()) : rings;
  if (g.type === "Polygon")
    return { type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates: turn(g.coordinates) } };
  if (g.type === "MultiPolygon")
    return {
      type: "Feature",
      properties: {},
      geometry: { type: "MultiPolygon", coordinates: g.coordinates.map(turn) },
    };
  return { type: "Feature", properties: {}, geometry: g };
}

/** A place's circle of `km`, as a box in the map's pixels. */
function circleBox(projection: GeoProjection, p: Place, km: number): Box {
  const ring = (circleOf(p.lon, p.lat, km) as Polygon).coordinates[0].map((c) => projection(c as [number, number])!);
  const xs = ring.map((q) => q[0]);
  const ys = ring.map((q) => q[1]);
  return {
    x: min(xs) ?? 0,
    y: min(ys) ?? 0,
    width: (max(xs) ?? 0) - (min(xs) ?? 0),
    height: (max(ys) ?? 0) - (min(ys) ?? 0),
  };
}

/**
 * A label beside its dot: right, left, above, below, then the diagonals, farther out step by step
 * (with a leader line once it stands off), the first spot inside the frame that overlaps nothing.
 */
function placeLabel(
  text: string,
  x: number,
  y: number,
  r: number,
  size: number,
  bold: boolean,
  frame: Box,
  taken: Box[],
): { x: number; baseline: number; anchor: string; box: Box; leader?: Record<string, number> } | undefined {
  const mid = size * 0.35;
  for (const off of [0, 8, 16, 28, 44]) {
    const d = r + off;
    const spots: [number, number, string][] = [
      [x + d, y + mid, "start"],
      [x - d, y + mid, "end"],
      [x, y - d - size * 0.3, "middle"],
      [x, y + d + size * 0.9, "middle"],
      [x + d * 0.75, y - d * 0.75, "start"],
      [x - d * 0.75, y - d * 0.75, "end"],
      [x + d * 0.75, y + d * 0.75 + size * 0.7, "start"],
      [x - d * 0.75, y + d * 0.75 + size * 0.7, "end"],
    ];
    for (const [lx, ly, anchor] of spots) {
      const box = textBox([text], lx, ly, size, { anchor, bold });
      if (!within(box, { x: frame.x + 2, y: frame.y + 2, width: frame.width - 4, height: frame.height - 4 })) continue;
      if (taken.some((t) => intersects(box, t, 2))) continue;
      const leader =
        off > 0
          ? {
              x1: round(x),
              y1: round(y),
              x2: round(Math.max(box.x, Math.min(x, box.x + box.width))),
              y2: round(Math.max(box.y, Math.min(y, box.y + box.height))),
            }
          : undefined;
      return { x: lx, baseline: ly, anchor, box, ...(leader ? { leader } : {}) };
    }
  }
  return undefined;
}

/**
 * Points of a grid over the map that lie inside the country (where its name may go), and a test of
 * any point of the map.
 */
function spotsInside(
  country: Feature<Geometry>,
  projection: GeoProjection,
  width: number,
  height: number,
): { spots: [number, number][]; inside: (x: number, y: number) => boolean } {
  const g = country.geometry;
  const polygons = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
  // Only the rings that reach into the map, each with its projected extent; tested on the plane
  // (even-odd, holes included), a hundred times faster than on the sphere.
  const rings = polygons
    .flat()
    .map((ring) => {
      const points = ring.map((c) => projection(c as [number, number]) ?? [Number.NaN, Number.NaN]);
      const xs = points.map((p) => p[0]);
      const ys = points.map((p) => p[1]);
      return { points, x0: min(xs) ?? 0, x1: max(xs) ?? 0, y0: min(ys) ?? 0, y1: max(ys) ?? 0 };
    })
    .filter((r) => r.x1 >= 0 && r.x0 <= width && r.y1 >= 0 && r.y0 <= height);
  // Even-odd by scanline: where each row crosses the outlines, worked out once a row (sorted), so a
  // point's test is a binary search, not a walk round every ring (a country's name tried at a dozen
  // places tests the same two rows each time).
  const rows = new Map<number, number[]>();
  const crossings = (y: number) => {
    let xs = rows.get(y);
    if (!xs) {
      xs = [];
      for (const { points: ring, y0, y1 } of rings) {
        if (y < y0 || y > y1) continue;
        for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
          const [xi, yi] = ring[i];
          const [xj, yj] = ring[j];
          if (yi > y === yj > y) continue;
          const x = ((xj - xi) * (y - yi)) / (yj - yi) + xi;
          if (!Number.isNaN(x)) xs.push(x);
        }
      }
      xs.sort(ascending);
      rows.set(y, xs);
    }
    return xs;
  };
  const inside = (x: number, y: number) => {
    const xs = crossings(y);
    return (xs.length - bisectRight(xs, x)) % 2 === 1;
  };
  const spots: [number, number][] = [];
  if (rings.length === 0) return { spots, inside };
  const step = Math.max(14, Math.round(width / 30));
  for (let y = step / 2; y < height; y += step)
    for (let x = step / 2; x < width; x += step) if (inside(x, y)) spots.push([x, y]);
  return { spots, inside };
}

/** The view's extent in degrees: [[west, south], [east, north]]. */
function viewBounds(projection: GeoProjection, width: number, height: number): [[number, number], [number, number]] {
  const corners = [
    [0, 0],
    [width, 0],
    [0, height],
    [width, height],
  ].map((c) => projection.invert!(c as [number, number])!);
  const lons = corners.map((c) => c[0]);
  const lats = corners.map((c) => c[1]);
  return [
    [min(lons) ?? 0, min(lats) ?? 0],
    [max(lons) ?? 0, max(lats) ?? 0],
  ];
}

/** Whether two extents in degrees meet (one crossing the antimeridian is taken as meeting). */
function boxesMeet(a: [[number, number], [number, number]], b: [[number, number], [number, number]]): boolean {
  if (a[0][0] > a[1][0]) return a[0][1] <= b[1][1] && b[0][1] <= a[1][1];
  return a[0][0] <= b[1][0] && b[0][0] <= a[1][0] && a[0][1] <= b[1][1] && b[0][1] <= a[1][1];
}

type Make = (name: string, attrs: Record<string, string | number>, parent?: Element) => Element;

/** A small globe turned to the map, with the map's area marked: where in the world this is. */
function inset(
  el: Make,
  box: Box,
  r: number,
  projection: GeoProjection,
  width: number,
  height: number,
  m: LocatorDraw,
  theme: DrawContext["theme"],
  once: ReturnType<typeof sharedAt>,
) {
  const at = `inset ${box.x} ${box.y} ${r}`;
  const centre = projection.invert!([width / 2, height / 2])!;
  const globe = geoOrthographic()
    .rotate([-centre[0], -centre[1]])
    .translate([box.x + r, box.y + r])
    .scale(r - 1)
    .clipAngle(90);
  const path = geoPath(globe).digits(2);
  const coarse = world("110m");
  el("path", {
    d: once(`${at} sphere`, () => path({ type: "Sphere" }) ?? ""),
    fill: theme.water,
    stroke: theme.rule,
    "stroke-width": 1,
  });
  const land = once(
    `${at} land`,
    () => path(feature(coarse.topology, coarse.topology.objects.land as GeometryCollection) as FeatureCollection) ?? "",
  );
  el("path", { d: land, fill: theme.land });
  const country = coarse.countries.features.find((c) => String(c.id) === m.country?.id);
  if (country)
    el("path", {
      d: once(`${at} country`, () => path(country) ?? ""),
      fill: theme.landFocus,
      stroke: theme.border,
      "stroke-width": 0.5,
    });
  // The map's own area: an outline where it shows at this size, else a dot.
  const [[w, s], [e, n]] = viewBounds(projection, width, height);
  const area: Polygon = {
    type: "Polygon",
    coordinates: [
      [
        [w, s],
        [w, n],
        [e, n],
        [e, s],
        [w, s],
      ],
    ],
  };
  const [[ax0, ay0], [ax1, ay1]] = path.bounds(area as unknown as MultiPolygon);
  if (ax1 - ax0 >= 8 && ay1 - ay0 >= 8)
    el("path", { d: path(area) ?? "", fill: "none", stroke: theme.highlight, "stroke-width": 2 });
  else {
    const [x, y] = globe(centre)!;
    el("circle", {
      cx: round(x),
      cy: round(y),
      r: 3.5,
      fill: theme.highlight,
      stroke: theme.background,
      "stroke-width": 1,
    });
  }
}

/**
 * A scale bar for the middle of the map: a round length about a fifth of its width, in kilometres
 * (metres under one), or in miles (feet under one) where the style's "distances" says so (en-US).
 */
function scaleBar(
  projection: GeoProjection,
  width: number,
  height: number,
  size: number,
  theme: DrawContext["theme"],
  writer: Writer,
) {
  const a = projection.invert!([width / 2 - 50, height / 2])!;
  const b = projection.invert!([width / 2 + 50, height / 2])!;
  const kmPerPixel = (geoDistance(a, b) * EARTH_KM) / 100;
  const { length, text } =
    writer.fields.distances === "miles" ? imperialBar(width, kmPerPixel, writer) : metricBar(width, kmPerPixel, writer);
  const textWidth = textBox([text], 0, 0, size).width;
  const w = Math.max(length, textWidth);
  return {
    width: w,
    height: size * 1.2 + 8,
    draw(el: Make, box: Box) {
      const y = box.y + box.height - 3;
      el("path", {
        d: `M${round(box.x)},${round(y - 5)}V${round(y)}H${round(box.x + length)}V${round(y - 5)}`,
        fill: "none",
        stroke: theme.text,
        "stroke-width": 1.5,
      });
      const node = el("text", { x: round(box.x), y: round(box.y + size * 0.95), "font-size": size, fill: theme.text });
      node.textContent = text;
    },
  };
}

/** A round length in kilometres, or in metres under one: "5 km", "500 m". */
function metricBar(width: number, kmPerPixel: number, writer: Writer) {
  const km = niceLength(width * 0.2 * kmPerPixel);
  const length = Math.round(km / kmPerPixel);
  if (km >= 1) return { length, text: writer.phrase("scale.km", { count: writer.number(km) }) };
  return { length, text: writer.phrase("scale.m", { count: writer.number(Math.round(km * 1000)) }) };
}

/** A round length in miles, or in feet under one: "5 miles", "1 mile", "2,000 feet". */
function imperialBar(width: number, kmPerPixel: number, writer: Writer) {
  const milesPerPixel = kmPerPixel / KM_PER_MILE;
  const miles = niceLength(width * 0.2 * milesPerPixel);
  if (miles >= 1) return { length: Math.round(miles / milesPerPixel), text: writer.count(miles, "scale.mile") };
  const feet = niceLength(width * 0.2 * milesPerPixel * FEET_PER_MILE);
  return { length: Math.round(feet / (milesPerPixel * FEET_PER_MILE)), text: writer.count(feet, "scale.foot") };
}

const KM_PER_MILE = 1.609344;
const FEET_PER_MILE = 5280;

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

export type { Figure };
