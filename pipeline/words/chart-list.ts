import {
  type Node,
  type ParseError,
  findNodeAtLocation,
  getNodeValue,
  parseTree,
  printParseErrorCode,
} from "jsonc-parser";
import { KIND_ALIASES, KIND_NAMES } from "../../charts/index.ts";
import { DRAWABLE_SCRIPTS, undrawable } from "../../charts/script-list.ts";
import { PRINT_WIDTH_MM } from "../../charts/style.ts";
import type { Problem } from "../facts/problem.ts";
import { unsafeCharacter } from "../facts/csv.ts";
import { directionProblem } from "../facts/direction.ts";
import { CHARTS } from "../facts/story-files.ts";
import { isIsoDate } from "../facts/dates.ts";
import { availableLocales, localePack } from "../language/packs.ts";
import { chooseStyle } from "../language/styles.ts";
import { defaultWriter, type Writer, writerFor } from "../language/writer.ts";
import { droppedQualifiers, spelledNumbers, templateProblems, type TemplateContext } from "./template.ts";
import { chartFiles, STORY_OUTPUT_FILES } from "./output-names.ts";
import { LAYER_FILE } from "./geo-layers.ts";
import { lineIndex } from "./line-index.ts";

/**
 * One figure of a chart entry: its id, and what the entry chooses for it. `"arrests"` is
 * `{ "id": "arrests" }`; `{ "id": "arrests_fri", "label": "Friday night", "highlight": true }`
 * labels it (a template, like every chart word) and draws it in the highlight colour; `"group":
 * "Police"` colours it with the other figures of its group.
 */
export interface EntryFigure {
  id: string;
  label?: string;
  highlight?: boolean;
  group?: string;
}

/** A place on a locator map, as charts.json gives it: its name is a chart word (a template). */
export interface EntryPlace {
  name: string;
  lat: number;
  lon: number;
  type: "city" | "place";
  /** The id of a distance figure drawn as a circle around the place. */
  radius?: string;
}

/**
 * A note the desk pins to the chart: to a figure's mark ("figure"), to the mark of the figure that
 * covers a day ("date"), to the figures of a band of days ("from", "to"), or to a locator's place
 * ("place"). Its text is a chart word: a template, checked like a title.
 */
export interface EntryAnnotation {
  text: string;
  figure?: string;
  date?: string;
  from?: string;
  to?: string;
  place?: string;
}

/** One chart of the story, as data/charts.json lists it. Text fields are templates (see template.ts). */
export interface ChartEntry {
  id: string;
  kind: string;
  title: string;
  dek: string;
  notes: string[];
  source: string;
  credit: string;
  /** The ids of the figures the chart draws, in the entry's order. */
  figures: string[];
  /** What the entry chooses for each figure, in the same order (label, colour). */
  choices: EntryFigure[];
  /** A locator's places (coordinates are allowed here and nowhere else) and its GeoJSON layer files. */
  places: EntryPlace[];
  layers: string[];
  /** Notes pinned to the chart's marks, in charts.json's order (their number on a phone). */
  annotations: EntryAnnotation[];
  /** The print file's column width in millimetres ("print_width_mm"; the top-level one, else two columns). */
  printWidth: number;
  /** Line of the entry in charts.json, for messages from later stages. */
  line: number;
}

/** Chart ids become file names: lower-case words joined by hyphens, nothing a path could abuse. */
export const SAFE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const TEXT_FIELDS = ["title", "dek", "source", "credit"] as const;
const FIGURE_KEYS = ["id", "label", "highlight", "group"];

/** Why a character outside the fonts is refused, and what can be shown instead. */
export const CANNOT_DRAW = `a character of a script the charts have no font for (the PNG would show an empty box); charts show ${DRAWABLE_SCRIPTS}`;

export interface ChartList {
  charts: ChartEntry[];
  /** The story's name, from the optional top-level "story" field: for the notebook's heading. */
  story?: string;
  problems: Problem[];
  /** Worth saying, not worth stopping for: chart words that spell a number a figure records. */
  warnings: Problem[];
  /** The story's language and house style, from charts.json's "locale" and "style". */
  writer: Writer;
}

/** `layerFiles`: the story's GeoJSON files a locator may name in "layers". */
export function parseChartList(text: string, context: TemplateContext, layerFiles = new Set<string>()): ChartList {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const lineOf = lineIndex(text.replace(/^\uFEFF/, ""));
  const at = (node: Node | undefined, message: string) =>
    problems.push({ file: CHARTS, line: lineOf(node?.offset ?? 0), message });
  const errors: ParseError[] = [];
  const root = parseTree(text.replace(/^\uFEFF/, ""), errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length > 0 || !root) {
    for (const error of errors)
      problems.push({
        file: CHARTS,
        line: lineOf(error.offset),
        message: `not valid JSON: ${describe(printParseErrorCode(error.error))}`,
      });
    if (!root && errors.length === 0)
      problems.push({ file: CHARTS, line: 1, message: 'the file is empty; it must hold { "charts": [ … ] }' });
    return { charts: [], problems, warnings, writer: defaultWriter() };
  }
  const list = findNodeAtLocation(root, ["charts"]);
  if (root.type !== "object" || !list || list.type !== "array") {
    at(
      list ?? root,
      'the file must hold an object with a "charts" array: { "charts": [ { "id": …, "kind": …, "title": …, "figures": [ … ] } ] }',
    );
    return { charts: [], problems, warnings, writer: defaultWriter() };
  }
  const defaults = getNodeValue(root) as Record<string, unknown>;
  const writer = chooseWriter(defaults, root, at);
  context = { ...context, writer };
  let story: string | undefined;
  if (defaults.story !== undefined) {
    const where = findNodeAtLocation(root, ["story"]);
    const bad = typeof defaults.story === "string" ? unsafeCharacter(defaults.story) : undefined;
    if (typeof defaults.story !== "string" || defaults.story.trim() === "")
      at(where, '"story" must be the story\'s name as text, e.g. "Unrest in France"; or leave it out');
    else if (bad) at(where, `story holds ${bad}, which no page can show; delete it`);
    else if (directionProblem("story", defaults.story)) at(where, directionProblem("story", defaults.story)!);
    else story = defaults.story.trim();
  }
  const seen = new Map<string, number>();
  const claimed = new Map<string, { id: string; line: number }>(
    STORY_OUTPUT_FILES.map((file) => [file, { id: "", line: 0 }]),
  );
  const charts: ChartEntry[] = [];
  let defaultWidthSaid = false;
  for (const node of list.children ?? []) {
    const line = lineOf(node.offset);
    if (node.type !== "object") {
      at(node, "each chart must be an object with id, kind, title and figures");
      continue;
    }
    const entry = getNodeValue(node) as Record<string, unknown>;
    const field = (name: string) => findNodeAtLocation(node, [name]) ?? node;
    const before = problems.length;
    const text = (name: string, fallback = ""): string => {
      const value = entry[name] ?? defaults[name] ?? fallback;
      if (typeof value !== "string") {
        at(field(name), `"${name}" must be text`);
        return "";
      }
      return value;
    };

    const id = text("id");
    const idProblem = unsafeId(id);
    if (idProblem) at(field("id"), idProblem);
    else if (seen.has(id))
      at(field("id"), `duplicate chart id "${id}": line ${seen.get(id)} already uses it; give each chart its own id`);
    else {
      seen.set(id, line);
      // Ids become file names: "a-mobile" would overwrite the mobile variant of "a".
      const clash = chartFiles(id)
        .map((file) => [file, claimed.get(file)] as const)
        .find(([, owner]) => owner);
      if (clash) {
        const [file, owner] = clash;
        at(
          field("id"),
          `chart id "${id}" would write ${file}, which ${owner!.id ? `chart "${owner!.id}" (line ${owner!.line}) also writes` : "the build writes for the dataset"}; choose another id`,
        );
      } else for (const file of chartFiles(id)) claimed.set(file, { id, line });
    }

    const named = text("kind").trim().toLowerCase();
    const kind = Object.hasOwn(KIND_ALIASES, named) ? KIND_ALIASES[named] : named;
    if (!KIND_NAMES.includes(kind))
      at(field("kind"), `unknown chart kind ${JSON.stringify(kind)}; the kinds are ${KIND_NAMES.join(", ")}`);
    if (typeof entry.title !== "string" || entry.title.trim() === "") {
      if (typeof entry.title === "string" || entry.title === undefined)
        at(
          entry.title === undefined ? node : field("title"),
          'the chart needs a "title": the words above it, e.g. "{arrests} people arrested"',
        );
    }

    const words: Record<string, string> = {};
    for (const name of TEXT_FIELDS) words[name] = text(name);
    const notesValue = entry.notes ?? [];
    const notes =
      typeof notesValue === "string"
        ? [notesValue]
        : Array.isArray(notesValue) && notesValue.every((n) => typeof n === "string")
          ? (notesValue as string[])
          : null;
    if (!notes) at(field("notes"), '"notes" must be text or a list of texts');
    for (const [name, value] of [
      ...Object.entries(words),
      ...(notes ?? []).map((n, i) => [`notes[${i}]`, n] as const),
    ]) {
      const location = name.startsWith("notes")
        ? (findNodeAtLocation(node, ["notes", Number(name.slice(6, -1))]) ?? field("notes"))
        : field(name);
      const bad = unsafeCharacter(value);
      if (bad) at(location, `${name} holds ${bad}, which no chart can show; delete it`);
      const reorders = directionProblem(name, value);
      if (reorders) at(location, reorders);
      const foreign = undrawable(value);
      if (foreign) at(location, `${name} holds ${foreign}, ${CANNOT_DRAW}`);
      // Blank words would leave a hole where a line was meant; "" is fine for dek, source and credit (none, or the default).
      if (name !== "title" && value.trim() === "" && (value !== "" || name.startsWith("notes"))) {
        at(location, `${name} is ${value === "" ? "empty" : "only white space"}; write it, or leave it out`);
      }
      for (const message of templateProblems(value, context)) at(location, `${name}: ${message}`);
      for (const message of [...spelledNumbers(value, context), ...droppedQualifiers(value, context)])
        warnings.push({ file: CHARTS, line: lineOf(location.offset), message: `${name}: ${message}` });
    }

    const printWidth = entry.print_width_mm ?? defaults.print_width_mm ?? PRINT_WIDTH_MM.default;
    const ownWidth = entry.print_width_mm !== undefined;
    // A wrong default is said once, at its own line, not once a chart.
    if (
      (typeof printWidth !== "number" || printWidth < PRINT_WIDTH_MM.min || printWidth > PRINT_WIDTH_MM.max) &&
      (ownWidth || !defaultWidthSaid)
    ) {
      if (!ownWidth) defaultWidthSaid = true;
      at(
        entry.print_width_mm !== undefined ? field("print_width_mm") : findNodeAtLocation(root, ["print_width_mm"]),
        `"print_width_mm" is the print file's column width in millimetres, a number from ${PRINT_WIDTH_MM.min} to ${PRINT_WIDTH_MM.max} (one column is often 50, two 104), not ${JSON.stringify(printWidth)}`,
      );
    }

    const places: EntryPlace[] = [];
    const layers: string[] = [];
    if (kind !== "locator") {
      for (const key of ["places", "layers"])
        if (entry[key] !== undefined)
          at(
            field(key),
            `"${key}" belong to a locator map (kind "locator"); a ${kind || "chart"} has no map: delete them, or make the chart a locator`,
          );
    } else {
      const list = entry.places;
      if (!Array.isArray(list) || list.length === 0)
        at(
          field("places"),
          '"places" lists the places a locator shows: [{ "name": "Islamabad", "lat": 33.69, "lon": 73.05, "type": "city" }]',
        );
      else
        list.forEach((item: unknown, i) => {
          const place = placeOf(
            item,
            (key, message) =>
              at(findNodeAtLocation(node, key ? ["places", i, key] : ["places", i]) ?? field("places"), message),
            context,
          );
          if (place) places.push(place);
        });
      const files = entry.layers ?? [];
      if (!Array.isArray(files))
        at(field("layers"), '"layers" lists GeoJSON files of the story folder: ["streets.geojson"]');
      else
        files.forEach((file: unknown, i) => {
          if (typeof file !== "string" || !LAYER_FILE.test(file))
            at(
              findNodeAtLocation(node, ["layers", i]) ?? field("layers"),
              `a layer is the name of a .geojson file in the story folder itself ("streets.geojson"), not ${JSON.stringify(file)}`,
            );
          else if (!layerFiles.has(file))
            at(
              findNodeAtLocation(node, ["layers", i]) ?? field("layers"),
              `the story folder has no layer ${JSON.stringify(file)}; put the GeoJSON file beside charts.json${layerFiles.size ? ` (it has ${[...layerFiles].join(", ")})` : ""}`,
            );
          else layers.push(file);
        });
    }

    const annotations: EntryAnnotation[] = [];
    if (entry.annotations !== undefined) {
      if (!Array.isArray(entry.annotations))
        at(field("annotations"), `"annotations" is a list: [${ANNOTATION_EXAMPLE}]`);
      else
        entry.annotations.forEach((item: unknown, i) => {
          const note = annotationOf(
            item,
            (key, message) =>
              at(
                findNodeAtLocation(node, key ? ["annotations", i, key] : ["annotations", i]) ?? field("annotations"),
                message,
              ),
            context,
          );
          if (note) annotations.push(note);
        });
    }

    const listed = entry.figures ?? (kind === "locator" ? [] : undefined);
    const choices: EntryFigure[] = [];
    if (kind === "locator" && Array.isArray(listed) && listed.length === 0) {
      // A locator may draw no figure: the map is the chart.
    } else if (!Array.isArray(listed) || listed.length === 0) {
      at(
        field("figures"),
        '"figures" must list the ids of the figures the chart draws, e.g. ["arrests"] or [{ "id": "arrests", "label": "Friday night" }]',
      );
    } else {
      listed.forEach((item: unknown, i) => {
        const where = findNodeAtLocation(node, ["figures", i]);
        const choice = figureChoice(
          item,
          (key, message) => at(key ? findNodeAtLocation(node, ["figures", i, key]) : where, message),
          context,
        );
        if (choice) choices.push(choice);
      });
    }
    const ids = choices.map((c) => c.id);
    if (choices.length === (Array.isArray(listed) ? listed.length : -1)) {
      ids.forEach((figureId: string, i) => {
        const figure = context.figures.get(figureId);
        const where = findNodeAtLocation(node, ["figures", i]);
        if (!figure && context.failed?.has(figureId)) return; // its row's problems are reported
        if (!figure) at(where, `no figure has id ${JSON.stringify(figureId)}; ids are in figures.csv`);
        else if (ids.indexOf(figureId) !== i) at(where, `figure "${figureId}" is listed twice; list it once`);
        else if (figure.restates && ids.includes(figure.restates)) {
          at(
            where,
            `"${figureId}" restates "${figure.restates}" (the same ${figure.metric}); chart one of them, never both`,
          );
        }
      });
    }
    if (problems.length > before) continue;
    charts.push({
      id,
      kind,
      title: words.title,
      dek: words.dek,
      notes: notes ?? [],
      source: words.source,
      credit: words.credit,
      figures: ids,
      choices,
      printWidth: printWidth as number,
      places,
      layers,
      annotations,
      line,
    });
  }
  if ((list.children ?? []).length === 0) at(list, "the chart list is empty; add at least one chart");
  return { charts, story, problems, warnings, writer };
}

/**
 * The story's writer from charts.json's "locale" (a pack in pipeline/language/locales) and "style"
 * (a named house style, or its fields); English with no style when neither is given.
 */
function chooseWriter(
  defaults: Record<string, unknown>,
  root: Node,
  at: (node: Node | undefined, message: string) => void,
): Writer {
  if (defaults.locale === undefined && defaults.style === undefined) return defaultWriter();
  let locale = "en-GB";
  if (defaults.locale !== undefined) {
    const pack = typeof defaults.locale === "string" ? localePack(defaults.locale) : undefined;
    if (pack) locale = pack.locale;
    else
      at(
        findNodeAtLocation(root, ["locale"]),
        `unknown locale ${JSON.stringify(defaults.locale)}; the locales are ${availableLocales().join(", ")} (README: "How to add a locale")`,
      );
  }
  const style = chooseStyle(defaults.style);
  for (const problem of style.problems)
    at(findNodeAtLocation(root, ["style", ...problem.path]) ?? findNodeAtLocation(root, ["style"]), problem.message);
  return style.problems.length ? writerFor(locale) : writerFor(locale, style.fields, style.name);
}

/**
 * One item of an entry's "figures": an id, or { "id", "label", "highlight", "group" }. The label
 * and the group's name are chart words: templates, checked like a title. `at` reports against the
 * item, or the key named.
 */
type Report = (key: string | undefined, message: string) => void;

/**
 * An item of one of an entry's lists that is an object of known keys (a figure, an annotation, a
 * place): its fields and a `wrong` that reports a problem under its key, or undefined (reported)
 * when the item is no such object. `ok()` says whether nothing was wrong.
 */
function objectItem(
  item: unknown,
  at: Report,
  { what, keys, shape }: { what: string; keys: readonly string[]; shape: string },
): { fields: Record<string, unknown>; wrong: Report; ok: () => boolean } | undefined {
  if (typeof item !== "object" || item === null || Array.isArray(item)) {
    at(undefined, shape);
    return undefined;
  }
  const fields = item as Record<string, unknown>;
  let ok = true;
  const wrong: Report = (key, message) => {
    at(key, message);
    ok = false;
  };
  for (const key of Object.keys(fields))
    if (!keys.includes(key))
      wrong(key, `${what} takes ${keys.map((k) => `"${k}"`).join(", ")}, not ${JSON.stringify(key)}`);
  return { fields, wrong, ok: () => ok };
}

/** What is wrong with a chart word in an entry's list (a label, a note's text, a place's name), reported under its key. */
function checkWords(key: string, value: string, wrong: Report, context: TemplateContext): void {
  const bad = unsafeCharacter(value);
  if (bad) wrong(key, `${key} holds ${bad}, which no chart can show; delete it`);
  const reorders = directionProblem(key, value);
  if (reorders) wrong(key, reorders);
  const foreign = undrawable(value);
  if (foreign) wrong(key, `${key} holds ${foreign}, ${CANNOT_DRAW}`);
  for (const message of templateProblems(value, context)) wrong(key, `${key}: ${message}`);
}

function figureChoice(
  item: unknown,
  at: (key: string | undefined, message: string) => void,
  context: TemplateContext,
): EntryFigure | undefined {
  if (typeof item === "string") return { id: item };
  const example = '{ "id": "arrests_fri", "label": "Friday night" }';
  const checked = objectItem(item, at, {
    what: "a figure",
    keys: FIGURE_KEYS,
    shape: `each figure is an id ("arrests") or an object like ${example}`,
  });
  if (!checked) return undefined;
  const { fields, wrong } = checked;
  if (typeof fields.id !== "string" || fields.id === "") wrong(undefined, `the figure needs its "id", e.g. ${example}`);
  const words = (key: "label" | "group"): string | undefined => {
    const value = fields[key];
    if (value === undefined) return undefined;
    if (typeof value !== "string" || value.trim() === "") {
      wrong(key, `"${key}" must be text; write it, or leave it out`);
      return undefined;
    }
    checkWords(key, value, wrong, context);
    return value;
  };
  const label = words("label");
  const group = words("group");
  if (fields.highlight !== undefined && typeof fields.highlight !== "boolean")
    wrong("highlight", '"highlight" is true or false');
  if (!checked.ok()) return undefined;
  return {
    id: fields.id as string,
    ...(label !== undefined ? { label } : {}),
    ...(fields.highlight === true ? { highlight: true } : {}),
    ...(group !== undefined ? { group } : {}),
  };
}

const ANNOTATION_KEYS = ["text", "figure", "date", "from", "to", "place"];
const ANNOTATION_EXAMPLE = '{ "text": "Curfew imposed", "date": "2024-11-25" }';

/**
 * One of an entry's "annotations": its text (a chart word) and what it is pinned to: a figure, a
 * day, a band of days (from, to) or a place; exactly one of those.
 */
function annotationOf(
  item: unknown,
  at: (key: string | undefined, message: string) => void,
  context: TemplateContext,
): EntryAnnotation | undefined {
  const checked = objectItem(item, at, {
    what: "an annotation",
    keys: ANNOTATION_KEYS,
    shape: `each annotation is an object like ${ANNOTATION_EXAMPLE}`,
  });
  if (!checked) return undefined;
  const { fields, wrong } = checked;
  const text = fields.text;
  if (typeof text !== "string" || text.trim() === "")
    wrong(
      fields.text === undefined ? undefined : "text",
      `the annotation needs its "text", e.g. ${ANNOTATION_EXAMPLE}`,
    );
  else checkWords("text", text, wrong, context);
  const pins = (["figure", "date", "place", "from"] as const).filter((k) => fields[k] !== undefined);
  if (fields.to !== undefined && fields.from === undefined) wrong("to", 'a band of days needs "from" as well as "to"');
  if (pins.length !== 1)
    wrong(
      pins[1],
      `an annotation is pinned to one thing: a "figure" (its id), a "date", a band ("from" and "to") or a locator's "place"${pins.length ? `, not to ${pins.map((p) => `"${p}"`).join(" and ")}` : ""}`,
    );
  for (const key of ["figure", "place"] as const)
    if (fields[key] !== undefined && (typeof fields[key] !== "string" || fields[key] === ""))
      wrong(
        key,
        `"${key}" is ${key === "figure" ? "the id of a figure the chart draws" : "the name of one of the locator's places"}`,
      );
  for (const key of ["date", "from", "to"] as const) {
    const value = fields[key];
    if (value !== undefined && (typeof value !== "string" || !isIsoDate(value)))
      wrong(key, `"${key}" is a day written YYYY-MM-DD, e.g. "2024-11-25", not ${JSON.stringify(value)}`);
  }
  if (fields.from !== undefined && fields.to === undefined)
    wrong("from", 'a band of days needs "to" as well as "from"');
  if (typeof fields.from === "string" && typeof fields.to === "string" && fields.from > fields.to)
    wrong("to", `the band ends (${fields.to}) before it starts (${fields.from}); swap "from" and "to"`);
  if (!checked.ok()) return undefined;
  const pick = (key: string) => (typeof fields[key] === "string" ? { [key]: fields[key] as string } : {});
  return { text: text as string, ...pick("figure"), ...pick("date"), ...pick("from"), ...pick("to"), ...pick("place") };
}

const PLACE_KEYS = ["name", "lat", "lon", "type", "radius"];

/**
 * One place of a locator's "places": { "name", "lat", "lon" } and optionally "type" ("city" or
 * "place") and "radius" (a distance figure's id). The coordinates are the only numbers charts.json
 * may hold outside a figure: degrees, checked for range. The name is a chart word.
 */
function placeOf(
  item: unknown,
  at: (key: string | undefined, message: string) => void,
  context: TemplateContext,
): EntryPlace | undefined {
  const example = '{ "name": "Islamabad", "lat": 33.69, "lon": 73.05 }';
  const checked = objectItem(item, at, {
    what: "a place",
    keys: PLACE_KEYS,
    shape: `each place is an object like ${example}`,
  });
  if (!checked) return undefined;
  const { fields, wrong } = checked;
  const name = fields.name;
  if (typeof name !== "string" || name.trim() === "")
    wrong(fields.name === undefined ? undefined : "name", `the place needs its "name", e.g. ${example}`);
  else checkWords("name", name, wrong, context);
  for (const [key, limit, what] of [
    ["lat", 90, "latitude, from -90 (south) to 90 (north)"],
    ["lon", 180, "longitude, from -180 (west) to 180 (east)"],
  ] as const) {
    const value = fields[key];
    if (typeof value !== "number" || !Number.isFinite(value) || Math.abs(value) > limit)
      wrong(
        fields[key] === undefined ? undefined : key,
        `"${key}" is the place's ${what}, in decimal degrees${value === undefined ? "" : `, not ${JSON.stringify(value)}`}${key === "lat" && typeof value === "number" && Math.abs(value) > 90 && Math.abs(value) <= 180 ? ' (are "lat" and "lon" swapped?)' : ""}`,
      );
  }
  if (fields.type !== undefined && fields.type !== "city" && fields.type !== "place")
    wrong(
      "type",
      `"type" is "city" (a ringed dot, its name in bold) or "place" (a dot), not ${JSON.stringify(fields.type)}`,
    );
  if (fields.radius !== undefined && (typeof fields.radius !== "string" || fields.radius === ""))
    wrong("radius", '"radius" is the id of a distance figure the chart lists, e.g. "closest_approach"');
  if (!checked.ok()) return undefined;
  return {
    name: name as string,
    lat: fields.lat as number,
    lon: fields.lon as number,
    type: (fields.type as "city" | "place" | undefined) ?? "place",
    ...(fields.radius !== undefined ? { radius: fields.radius as string } : {}),
  };
}

/** Names Windows keeps for devices: "con.svg" cannot be created there, whatever the extension. */
const RESERVED = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/** Why an id cannot be a file name, or undefined when it can. */
function unsafeId(id: string): string | undefined {
  const fix = 'use lower-case letters, digits and hyphens, e.g. "arrests-by-day"';
  if (id === "") return `the chart needs an "id", its file name; ${fix}`;
  if (!SAFE_ID.test(id)) return `chart id ${JSON.stringify(id)} is not a safe file name; ${fix}`;
  if (id.length > 80)
    return `chart id "${id.slice(0, 20)}…" is ${id.length} characters; file names need it shorter: 80 at most`;
  if (RESERVED.test(id))
    return `chart id "${id}" is a device name on Windows, where ${id}.svg cannot be created; choose another id`;
  return undefined;
}

function describe(code: string): string {
  const words: Record<string, string> = {
    CommaExpected: "a comma is missing",
    CloseBraceExpected: "a } is missing",
    CloseBracketExpected: "a ] is missing",
    PropertyNameExpected: "a property name in double quotes is expected (a trailing comma?)",
    ValueExpected: "a value is expected (a trailing comma?)",
    ColonExpected: "a colon is missing",
    EndOfFileExpected: "text after the end of the JSON",
    InvalidCommentToken: "comments are not allowed",
    UnexpectedEndOfString: "a string is not closed",
  };
  return words[code] ?? code;
}
