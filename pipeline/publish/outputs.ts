import { chartCsv } from "./chart-csv.ts";
import { drawCharts } from "./draw.ts";
import { EMBEDS } from "./embed.ts";
import { codeFingerprint, sha256 } from "./fingerprint.ts";
import { type ChartRecord, MANIFEST, type Manifest } from "./manifest.ts";
import { datasetCsv, datasetJson } from "./dataset.ts";
import { staticNotebook } from "./notebook-page.ts";
import type { OutputSink } from "./swap.ts";
import type { PreparedChart, Story } from "../words/story.ts";
import {
  chartFiles,
  csvName,
  DATASET_CSV,
  DATASET_JSON,
  drawnFiles,
  embedName,
  NOTEBOOK,
  EMBED_FLAVOURS,
  type VariantSizes,
} from "../words/output-names.ts";

export interface Planned {
  manifest: Manifest;
  /** Charts drawn this time; the rest were unchanged and reused byte for byte. */
  drawn: string[];
}

export interface PlanOptions {
  /** The previous build's manifest: charts whose fingerprint it records are reused, not drawn. */
  previous?: Manifest;
  /** Whether a previous output file is still what the manifest records (see trustedFiles). */
  reusable?: (name: string) => boolean;
  /** Where the output folder will be served from; embeds then use absolute URLs. */
  baseUrl?: string;
  /** What the drawing code is (codeFingerprint() unless given): part of every chart's fingerprint. */
  code?: string;
  /** Threads drawing PNGs (one a core unless given). */
  threads?: number;
  /** The story folder as seen from the output folder, recorded in the manifest (see Manifest.storyFolder). */
  storyFolder?: string;
}

/**
 * Makes every file the output folder should hold and hands each to `sink` as it is made. A chart
 * whose fingerprint matches the previous manifest, with its drawn files still as recorded, is kept
 * as it is (not read, not drawn); only changed charts are drawn.
 */
export async function planOutputs(
  story: Story,
  sink: OutputSink,
  { previous, reusable = () => false, baseUrl = "", code = codeFingerprint(), threads, storyFolder }: PlanOptions = {},
): Promise<Planned> {
  const add = (name: string, text: string) => sink.add(name, Buffer.from(text, "utf8"));
  const fingerprints = new Map<string, string>();
  const sizes = new Map<string, VariantSizes>();
  const toDraw: PreparedChart[] = [];
  for (const chart of story.charts) {
    const { entry, model, words } = chart;
    // The writer (locale pack and house style) decides words drawn late too ("No figure", day labels);
    // the dateline dates the print file (pdf.ts).
    const language = story.writer.chosen ? story.writer.id : undefined;
    const fingerprint = sha256(
      JSON.stringify({ code, entry, words, draw: model.draw, rows: model.rows, language, published: story.published }),
    );
    fingerprints.set(entry.id, fingerprint);
    const old = previous?.charts[entry.id];
    const names = drawnFiles(entry.id);
    if (old?.fingerprint === fingerprint && names.every((name) => previous!.files[name] && reusable(name))) {
      for (const name of names) sink.keep(name, previous!.files[name]);
      sizes.set(entry.id, old.variants);
    } else toDraw.push(chart);
  }
  for (const [id, drawn] of await drawCharts(
    toDraw,
    (name, bytes) => sink.add(name, bytes),
    threads,
    story.writer,
    story.published,
  ))
    sizes.set(id, drawn);

  const charts: Record<string, ChartRecord> = {};
  const embeds = new Map<string, string>();
  for (const chart of story.charts) {
    const { entry, model, words } = chart;
    for (const flavour of EMBED_FLAVOURS) {
      const embed = EMBEDS[flavour](entry.id, words, sizes.get(entry.id)!, baseUrl, story.writer);
      if (flavour === "picture") embeds.set(entry.id, embed);
      add(embedName(entry.id, flavour), embed);
    }
    add(csvName(entry.id), chartCsv(model.rows, story.writer));
    charts[entry.id] = {
      kind: entry.kind,
      figures: chart.shown.map((f) => f.id),
      sources: [...new Set(chart.shown.map((f) => f.source))].sort(),
      corrections: chart.shown.flatMap((f) => f.corrections).map(({ line: _line, ...c }) => c),
      fingerprint: fingerprints.get(entry.id)!,
      variants: sizes.get(entry.id)!,
      files: chartFiles(entry.id),
    };
  }

  add(DATASET_CSV, datasetCsv(story.figures));
  add(DATASET_JSON, datasetJson(story.figures, story.published));
  add(
    NOTEBOOK,
    staticNotebook(
      story,
      (id) => charts[id].variants,
      (id) => embeds.get(id)!,
    ),
  );

  const manifest: Manifest = {
    ...(storyFolder !== undefined ? { storyFolder } : {}),
    published: story.published,
    files: Object.fromEntries([...sink.records.keys()].sort().map((name) => [name, sink.records.get(name)!])),
    charts,
    corrections: story.corrections.map(({ line: _line, ...c }) => c),
    unrecorded: story.unrecorded,
  };
  add(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifest, drawn: toDraw.map((c) => c.entry.id) };
}

/** Every output file in memory, for tools and tests that look at the files rather than write them. */
export async function outputFiles(
  story: Story,
  options: Omit<PlanOptions, "previous" | "reusable"> = {},
): Promise<Planned & { files: Map<string, Buffer> }> {
  const files = new Map<string, Buffer>();
  const records = new Map<string, { sha256: string; bytes: number }>();
  const sink: OutputSink = {
    add(name, bytes) {
      const record = { sha256: sha256(bytes), bytes: bytes.length };
      files.set(name, bytes);
      records.set(name, record);
      return record;
    },
    keep() {
      throw new Error("nothing is kept without a previous output");
    },
    records,
  };
  return { ...(await planOutputs(story, sink, options)), files };
}
