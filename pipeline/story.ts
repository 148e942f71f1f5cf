import { KINDS } from "../charts/index.ts";
import { undrawable } from "../charts/script-list.ts";
import { CANNOT_DRAW, type ChartEntry, parseChartList } from "./words/chart-list.ts";
import type { PreparedChart, Story } from "./words/story.ts";
import { checkFigures } from "./facts/check.ts";
import { listStoryNumbers, textFiles, unrecordedNumbers } from "./facts/coverage.ts";
import { directionInText, directionProblem } from "./facts/direction.ts";
import type { SourceCache } from "./facts/source-readings.ts";
import { composeWords, figureChoices } from "./words/chart-words.ts";
import { LAYER_FILE, parseLayer } from "./words/geo-layers.ts";
import { resolveAnnotations } from "./words/annotations.ts";
import { fillTemplate } from "./words/template.ts";
import type { GeoLayer } from "../charts/kind.ts";
import { applyCorrections } from "./facts/corrections.ts";
import { parseCsv } from "./facts/csv.ts";
import { parseDateline, parseSourceName, todayIso } from "./facts/dates.ts";
import { FIGURE_COLUMNS, type Figure } from "./facts/figure.ts";
import { type Problem, throwIfAny } from "./facts/problem.ts";
import { readStory, type StoryFiles } from "./read.ts";
import { ARTICLE, CHARTS, CORRECTIONS, FIGURES } from "./facts/story-files.ts";
import { defaultWriter, type Writer } from "./language/writer.ts";

export interface LoadOptions {
  /** Today's date (YYYY-MM-DD) where the build runs: corrections dated after it are refused. */
  today?: string;
}

/**
 * Reads and checks a story folder. Problems from every file are collected and reported together;
 * the build never gets past this point with one outstanding.
 */
export function loadStory(dir: string, options: LoadOptions = {}): Story {
  return proveStory(readStory(dir), options);
}

/** The checks of loadStory on a story already read: `npm run correct` proves a correction before writing it. */
export function proveStory(
  { dir, files, problems: read }: StoryFiles,
  { today = todayIso() }: LoadOptions = {},
): Story {
  const problems = [...read];
  // A missing file is one problem among others: the files that are there are still checked.
  if (problems.some((p) => p.line === 0 && p.file === dir)) throwIfAny(problems);

  const table = parseCsv(FIGURES, files.get(FIGURES) ?? FIGURE_COLUMNS.join(","), FIGURE_COLUMNS);
  for (const p of table.problems) problems.push(p);
  const published = parseDateline(files.get(ARTICLE) ?? "") ?? "1970-01-01";
  const corrected = applyCorrections(table.rows, files.get(CORRECTIONS), published, today);
  for (const p of corrected.problems) problems.push(p);
  const sources: SourceCache = new Map();
  const checked = checkFigures({
    rows: corrected.rows,
    files,
    history: corrected.history,
    origin: corrected.origin,
    sources,
  });
  for (const p of checked.problems) problems.push(p);
  for (const p of undrawableLabels(checked.figures)) problems.push(p);
  for (const p of sourceNameProblems(checked.figures, files)) problems.push(p);
  for (const file of textFiles(files)) for (const p of directionInText(file, files.get(file)!)) problems.push(p);
  const passed = new Set(checked.figures.map((f) => f.id));
  const failed = new Set(corrected.rows.map((r) => r.cells.id).filter((id) => id && !passed.has(id)));
  const figureContext = { figures: new Map(checked.figures.map((f) => [f.id, f])), published, failed };
  // Charts are checked against the figures that passed, so one bad row does not hide chart problems.
  // The story's own map layers: every GeoJSON file of the folder is checked, named in a chart or not.
  const layers = new Map<string, GeoLayer>();
  for (const [file, text] of files) {
    if (!LAYER_FILE.test(file)) continue;
    const parsed = parseLayer(file, text);
    for (const p of parsed.problems) problems.push(p);
    if (parsed.layer) layers.set(file, parsed.layer);
  }
  const list = files.has(CHARTS)
    ? parseChartList(
        files.get(CHARTS)!,
        figureContext,
        new Set([...files.keys(), ...read.map((p) => p.file)].filter((f) => LAYER_FILE.test(f))),
      )
    : { charts: [], problems: [], warnings: [], story: undefined, writer: defaultWriter() };
  const name = list.story;
  const writer = list.writer;
  const context = { ...figureContext, writer };
  for (const p of list.problems) problems.push(p);

  const charts: PreparedChart[] = [];
  const warnings: Problem[] = [...checked.warnings, ...list.warnings];
  for (const entry of list.charts) {
    if (entry.figures.some((id) => failed.has(id))) continue; // drawn once its figures pass
    const figures = entry.figures.map((id) => context.figures.get(id)!);
    if (entry.layers.some((file) => !layers.has(file))) continue; // drawn once its layers pass
    const prepared = KINDS[entry.kind].prepare({
      figures,
      choices: figureChoices(entry, context),
      dataset: checked.figures,
      places: entry.places.map((p) => ({ ...p, name: fillTemplate(p.name, context) })),
      layers: entry.layers.map((file) => layers.get(file)!),
      writer,
    });
    for (const message of prepared.problems)
      problems.push({ file: CHARTS, line: entry.line, message: `chart "${entry.id}": ${message}` });
    if (!prepared.model) continue;
    for (const message of prepared.model.warnings)
      warnings.push({ file: CHARTS, line: entry.line, message: `chart "${entry.id}": ${message}` });
    const places = entry.places.map((p) => ({ ...p, name: fillTemplate(p.name, context) }));
    const pinned = resolveAnnotations(entry.annotations, prepared.model, places, context);
    for (const message of pinned.problems)
      problems.push({ file: CHARTS, line: entry.line, message: `chart "${entry.id}": ${message}` });
    const shown = [...new Set([...prepared.model.used, ...citedFigures(entry, context.figures)])];
    charts.push({
      entry,
      model: prepared.model,
      shown,
      words: composeWords(entry, prepared.model, shown, context, files, pinned.annotations),
    });
  }
  throwIfAny(problems);
  for (const w of styleWarnings(charts, writer)) warnings.push(w);
  const corrections = [...corrected.history.values()]
    .flat()
    .sort((a, b) => (a.date === b.date ? a.line - b.line : a.date < b.date ? -1 : 1));
  const unrecorded = unrecordedNumbers(
    listStoryNumbers({ files, rows: table.rows, history: corrected.history, sources }),
  );
  return {
    dir,
    ...(name !== undefined ? { name } : {}),
    published,
    files,
    figures: checked.figures,
    corrections,
    charts,
    warnings,
    unrecorded,
    writer,
  };
}

/** Each charted figure the house style could not write with its scale words, at its figures.csv line. */
function styleWarnings(charts: PreparedChart[], writer: Writer): Problem[] {
  const figures = new Set(charts.flatMap((c) => c.shown));
  return [...figures].flatMap((f) => {
    const problem = writer.scaleProblem(f);
    return problem ? [{ file: FIGURES, line: f.line, message: `${f.id}: ${problem}` }] : [];
  });
}

/** Words of a figure a chart may show (a label, a unit, an attribution, a source's name, a correction's reason) in a script no font here draws. */
function undrawableLabels(figures: Figure[]): Problem[] {
  const problems: Problem[] = [];
  for (const figure of figures) {
    for (const field of ["category", "metric", "unit", "attributed_to", "source"] as const) {
      const foreign = undrawable(figure[field]);
      if (foreign)
        problems.push({ file: FIGURES, line: figure.line, message: `${field} holds ${foreign}, ${CANNOT_DRAW}` });
    }
    for (const c of figure.corrections) {
      const foreign = undrawable(c.reason);
      if (foreign)
        problems.push({ file: CORRECTIONS, line: c.line, message: `reason holds ${foreign}, ${CANNOT_DRAW}` });
    }
  }
  return problems;
}

/**
 * A cited source's name (its first line's "source: …") is shown on charts, in the source line and
 * in correction notes: the checks of chart words, at the source's first line.
 */
function sourceNameProblems(figures: Figure[], files: Map<string, string>): Problem[] {
  const problems: Problem[] = [];
  for (const file of new Set(figures.map((f) => f.source))) {
    const name = parseSourceName(files.get(file) ?? "");
    if (!name) continue;
    const reorders = directionProblem("the source's name", name);
    if (reorders) problems.push({ file, line: 1, message: reorders });
    const foreign = undrawable(name);
    if (foreign) problems.push({ file, line: 1, message: `the source's name holds ${foreign}, ${CANNOT_DRAW}` });
  }
  return problems;
}

/** The figures a chart's words reference: {arrests} in a dek shows the arrests figure too. */
function citedFigures(entry: ChartEntry, figures: Map<string, Figure>): Figure[] {
  const words = [entry.title, entry.dek, entry.source, entry.credit, ...entry.notes].join(" ");
  const labels = [
    ...entry.choices.flatMap((c) => [c.label ?? "", c.group ?? ""]),
    ...entry.places.map((p) => p.name),
    ...entry.annotations.map((a) => a.text),
  ];
  const ids = [...[words, ...labels].join(" ").matchAll(/\{\s*([^{}.\s]+)[^{}]*\}/g)].map((m) => m[1]);
  return ids.flatMap((id) => figures.get(id) ?? []);
}
