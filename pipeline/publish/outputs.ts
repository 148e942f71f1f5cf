import { chartCsv } from "./chart-csv.ts";
import { embedHtml } from "./embed.ts";
import { codeFingerprint, sha256 } from "./fingerprint.ts";
import { type ChartRecord, MANIFEST, type Manifest } from "./manifest.ts";
import { datasetCsv, datasetJson } from "./dataset.ts";
import { staticNotebook } from "./notebook-page.ts";
import type { PreparedChart, Story } from "../words/story.ts";
import {
  csvName,
  DATASET_CSV,
  DATASET_JSON,
  drawnFiles,
  embedName,
  GALLERY,
  pngName,
  svgName,
  VARIANTS,
} from "../words/output-names.ts";

export interface Planned {
  files: Map<string, Buffer>;
  manifest: Manifest;
  /** Charts drawn this time; the rest were unchanged and reused byte for byte. */
  drawn: string[];
}

/** Reads a file of the previous output, if it is still exactly what its manifest recorded. */
export type PreviousFile = (name: string) => Buffer | undefined;

/**
 * Everything the output folder should hold. Charts whose fingerprint matches the previous
 * manifest keep their drawn files; only changed charts are drawn, and jsdom, Plot and resvg are
 * loaded only if one is.
 */
export interface PlanOptions {
  /** The previous build's manifest: charts whose fingerprint it records are reused, not drawn. */
  previous?: Manifest;
  previousFile?: PreviousFile;
  /** Where the output folder will be served from; embeds then use absolute URLs. */
  baseUrl?: string;
  /** What the drawing code is (codeFingerprint() unless given): part of every chart's fingerprint. */
  code?: string;
}

export async function planOutputs(
  story: Story,
  { previous, previousFile = () => undefined, baseUrl = "", code = codeFingerprint() }: PlanOptions = {},
): Promise<Planned> {
  const files = new Map<string, Buffer>();
  const charts: Record<string, ChartRecord> = {};
  const drawn: string[] = [];
  let render: ((chart: PreparedChart) => { svgs: Map<string, string>; sizes: ChartRecord["variants"] }) | undefined;
  let toPng: ((svg: string, width: number) => Buffer) | undefined;

  for (const chart of story.charts) {
    const { entry, model, words } = chart;
    const fingerprint = sha256(JSON.stringify({ code, entry, words, draw: model.draw, rows: model.rows }));
    const drawnNames = drawnFiles(entry.id);
    const old = previous?.charts[entry.id];
    const reused = old?.fingerprint === fingerprint ? drawnNames.map(previousFile) : [];
    let sizes: ChartRecord["variants"];
    if (reused.length === drawnNames.length && reused.every(Boolean)) {
      drawnNames.forEach((name, i) => files.set(name, reused[i]!));
      sizes = old!.variants;
    } else {
      if (!render) {
        const { createRenderer } = await import("./render.ts");
        const renderer = createRenderer();
        render = (c) => renderer(c.entry, c.model, c.words);
        toPng = (await import("./png.ts")).svgToPng;
      }
      const out = render(chart);
      for (const [name, svg] of out.svgs) files.set(name, Buffer.from(svg, "utf8"));
      files.set(pngName(entry.id), toPng!(out.svgs.get(svgName(entry.id, VARIANTS[0]))!, out.sizes.desktop.width));
      sizes = out.sizes;
      drawn.push(entry.id);
    }
    const embed = embedHtml(entry.id, words, sizes, baseUrl);
    files.set(embedName(entry.id), Buffer.from(embed, "utf8"));
    files.set(csvName(entry.id), Buffer.from(chartCsv(model.rows), "utf8"));
    charts[entry.id] = {
      kind: entry.kind,
      figures: chart.shown.map((f) => f.id),
      sources: [...new Set(chart.shown.map((f) => f.source))].sort(),
      corrections: chart.shown.flatMap((f) => f.corrections).map(({ line: _line, ...c }) => c),
      fingerprint,
      variants: sizes,
      files: [...drawnNames, embedName(entry.id), csvName(entry.id)],
    };
  }

  files.set(DATASET_CSV, Buffer.from(datasetCsv(story.figures), "utf8"));
  files.set(DATASET_JSON, Buffer.from(datasetJson(story.figures, story.published), "utf8"));
  files.set(
    GALLERY,
    Buffer.from(
      staticNotebook(story, (id) => charts[id].variants, files),
      "utf8",
    ),
  );

  const manifest: Manifest = {
    published: story.published,
    files: Object.fromEntries(
      [...files.keys()]
        .sort()
        .map((name) => [name, { sha256: sha256(files.get(name)!), bytes: files.get(name)!.length }]),
    ),
    charts,
    corrections: story.corrections.map(({ line: _line, ...c }) => c),
    unrecorded: story.unrecorded,
  };
  files.set(MANIFEST, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, "utf8"));
  return { files, manifest, drawn };
}
