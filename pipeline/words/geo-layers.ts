import { type Node, type ParseError, parseTree, printParseErrorCode } from "jsonc-parser";
import type { GeoLayer } from "../../charts/kind.ts";
import type { Problem } from "../facts/problem.ts";
import { lineIndex } from "./line-index.ts";

/** A story's own map layers are GeoJSON files in the story folder: `streets.geojson`. */
export const LAYER_FILE = /^[^/]+\.geojson$/i;

/** Bytes a layer file may have: a city's streets or districts, simplified, fit in far less. */
export const LAYER_MAX_BYTES = 5 * 1024 * 1024;
/** Positions a layer may have: a map draws them in every variant, so they are bounded too. */
export const LAYER_MAX_POSITIONS = 100_000;

const GEOMETRIES: Record<string, number> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
};

/**
 * A story's GeoJSON layer, read as strictly as every story file: valid JSON (RFC 7946), a
 * FeatureCollection, a Feature or a bare geometry of the six simple types, every position
 * [longitude, latitude] within range. Each problem names the file and the line it is on. What a
 * map keeps is the geometry alone: properties are not shown, so they are not carried.
 */
export function parseLayer(file: string, text: string): { layer?: GeoLayer; problems: Problem[] } {
  const problems: Problem[] = [];
  const clean = text.replace(/^\uFEFF/, "");
  const lineOf = lineIndex(clean);
  const at = (node: Node | undefined, message: string) => {
    if (problems.length < 20) problems.push({ file, line: lineOf(node?.offset ?? 0), message });
  };
  const errors: ParseError[] = [];
  const root = parseTree(clean, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length > 0 || !root) {
    for (const e of errors.slice(0, 5))
      problems.push({ file, line: lineOf(e.offset), message: `not valid GeoJSON: ${printParseErrorCode(e.error)}` });
    if (!root && errors.length === 0) problems.push({ file, line: 1, message: "the layer file is empty" });
    return { problems };
  }
  const prop = (node: Node, key: string) =>
    node.type === "object" ? node.children?.find((p) => p.children?.[0]?.value === key)?.children?.[1] : undefined;
  let positions = 0;
  const features: GeoLayer["features"] = [];

  /** A position array, checked; its JSON value, or undefined with a problem said. */
  const coordinates = (node: Node, depth: number, type: string): unknown => {
    if (depth === 0) {
      const [lon, lat] = (node.children ?? []).map((c) => c.value as unknown);
      if (node.type !== "array" || typeof lon !== "number" || typeof lat !== "number" || node.children!.length > 3) {
        at(node, `a position is [longitude, latitude] in degrees, two numbers`);
        return undefined;
      }
      if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
        at(
          node,
          `the position [${lon}, ${lat}] is off the globe: longitude runs from -180 to 180, latitude from -90 to 90 (GeoJSON puts longitude first)`,
        );
        return undefined;
      }
      positions += 1;
      return [lon, lat];
    }
    if (node.type !== "array") {
      at(node, `the coordinates of a ${type} are ${"[".repeat(depth + 1)}longitude, latitude${"]".repeat(depth + 1)}`);
      return undefined;
    }
    const out: unknown[] = [];
    for (const child of node.children ?? []) {
      const value = coordinates(child, depth - 1, type);
      if (value === undefined) return undefined;
      out.push(value);
    }
    if (type.endsWith("Polygon") && depth === 1 && out.length < 4) {
      at(node, "a polygon's ring needs at least four positions, the last the same as the first");
      return undefined;
    }
    if (type.endsWith("LineString") && depth === 1 && type === "LineString" && out.length < 2) {
      at(node, "a line needs at least two positions");
      return undefined;
    }
    return out;
  };

  const geometry = (node: Node | undefined, owner: Node) => {
    if (!node || node.type === "null") {
      at(owner, 'a feature needs a "geometry"');
      return undefined;
    }
    const type = prop(node, "type")?.value as unknown;
    if (typeof type !== "string" || !(type in GEOMETRIES)) {
      at(
        prop(node, "type") ?? node,
        `a layer draws ${Object.keys(GEOMETRIES).join(", ")}, not ${JSON.stringify(type ?? null)}`,
      );
      return undefined;
    }
    const coords = prop(node, "coordinates");
    if (!coords) {
      at(node, `the ${type} has no "coordinates"`);
      return undefined;
    }
    const value = coordinates(coords, GEOMETRIES[type], type);
    return value === undefined ? undefined : { type, coordinates: value };
  };

  const type = prop(root, "type")?.value as unknown;
  const addFeature = (node: Node) => {
    if (prop(node, "type")?.value !== "Feature") {
      at(node, 'each item of "features" is a { "type": "Feature", "geometry": … }');
      return;
    }
    const g = geometry(prop(node, "geometry"), node);
    if (g) features.push({ type: "Feature", geometry: g, properties: null });
  };
  if (type === "FeatureCollection") {
    const list = prop(root, "features");
    if (!list || list.type !== "array") at(root, 'a FeatureCollection needs a "features" list');
    else for (const node of list.children ?? []) addFeature(node);
  } else if (type === "Feature") addFeature(root);
  else if (typeof type === "string" && type in GEOMETRIES) {
    const g = geometry(root, root);
    if (g) features.push({ type: "Feature", geometry: g, properties: null });
  } else
    at(
      prop(root, "type") ?? root,
      'a layer is GeoJSON: { "type": "FeatureCollection", "features": [ … ] }, a Feature or a geometry',
    );
  if (positions > LAYER_MAX_POSITIONS)
    problems.push({
      file,
      line: 1,
      message: `the layer has ${positions.toLocaleString("en-GB")} positions; a map layer may have ${LAYER_MAX_POSITIONS.toLocaleString("en-GB")}: simplify it (mapshaper's -simplify, QGIS's Simplify)`,
    });
  if (problems.length === 0 && features.length === 0)
    problems.push({ file, line: 1, message: "the layer has no features" });
  return problems.length ? { problems } : { layer: { file, features }, problems };
}
