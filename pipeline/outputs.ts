import { chartCsv } from "./chart-data.ts";
import { embedHtml } from "./embed.ts";
import { codeFingerprint, sha256 } from "./fingerprint.ts";
import { galleryHtml } from "./gallery.ts";
import { type ChartRecord, MANIFEST, type Manifest } from "./manifest.ts";
import { datasetCsv, datasetJson } from "./normalize.ts";
import type { PreparedChart, Story } from "./story.ts";
import { svgName, VARIANTS } from "./variants.ts";

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
export async function planOutputs(story: Story, previous: Manifest | undefined, previousFile: PreviousFile, baseUrl = ""): Promise<Planned> {
  const files = new Map<string, Buffer>();
  const charts: Record<string, ChartRecord> = {};
  const drawn: string[] = [];
  let render: ((chart: PreparedChart) => { svgs: Map<string, string>; sizes: ChartRecord["variants"] }) | undefined;
  let toPng: ((svg: string, width: number) => Buffer) | undefined;

  for (const chart of story.charts) {
    const { entry, model, words } = chart;
    const fingerprint = sha256(JSON.stringify({ code: codeFingerprint(), entry, words, draw: model.draw, rows: model.rows }));
    const drawnNames = [...VARIANTS.map((v) => svgName(entry.id, v)), `${entry.id}.png`];
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
      files.set(`${entry.id}.png`, toPng!(out.svgs.get(svgName(entry.id, VARIANTS[0]))!, out.sizes.desktop.width));
      sizes = out.sizes;
      drawn.push(entry.id);
    }
    const embed = embedHtml(entry.id, words, sizes, baseUrl);
    files.set(`${entry.id}.embed.html`, Buffer.from(embed, "utf8"));
    files.set(`${entry.id}.csv`, Buffer.from(chartCsv(model.rows), "utf8"));
    charts[entry.id] = {
      kind: entry.kind,
      figures: chart.shown.map((f) => f.id),
      sources: [...new Set(chart.shown.map((f) => f.source))].sort(),
      corrections: chart.shown.flatMap((f) => f.corrections).map(({ line: _line, ...c }) => c),
      fingerprint,
      variants: sizes,
      files: [...drawnNames, `${entry.id}.embed.html`, `${entry.id}.csv`],
    };
  }

  files.set("figures.csv", Buffer.from(datasetCsv(story.figures), "utf8"));
  files.set("figures.json", Buffer.from(datasetJson(story.figures, story.published), "utf8"));
  const gallery = story.charts.map(({ entry, words }) => ({
    id: entry.id,
    words,
    embed: files.get(`${entry.id}.embed.html`)!.toString("utf8"),
    warnings: story.warnings.filter((w) => w.message.startsWith(`chart "${entry.id}"`)).map((w) => w.message),
    sizes: charts[entry.id].variants,
  }));
  files.set("index.html", Buffer.from(galleryHtml(gallery, story.published), "utf8"));

  const manifest: Manifest = {
    published: story.published,
    files: Object.fromEntries([...files.keys()].sort().map((name) => [name, { sha256: sha256(files.get(name)!), bytes: files.get(name)!.length }])),
    charts,
    corrections: story.corrections.map(({ line: _line, ...c }) => c),
  };
  files.set(MANIFEST, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, "utf8"));
  return { files, manifest, drawn };
}
