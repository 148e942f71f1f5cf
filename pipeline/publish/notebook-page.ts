import { parse } from "jsonc-parser";
import type { StoryNumber } from "../facts/coverage.ts";
import { isIsoDate } from "../facts/dates.ts";
import type { PhraseKey } from "../language/phrases.ts";
import { defaultWriter, type Writer } from "../language/writer.ts";
import type { Correction, Figure } from "../facts/figure.ts";
import type { Problem } from "../facts/problem.ts";
import { ARTICLE, CHARTS, CORRECTIONS, FIGURES } from "../facts/story-files.ts";
import type { Story } from "../words/story.ts";
import { DATASET_CSV, DATASET_JSON, MANIFEST, type VariantSizes } from "../words/output-names.ts";
import { escapeHtml as e, escapeText as t } from "./html.ts";
import { chartAnchor, figureAnchor, fileAnchor, lineAnchor, sentenceAnchor } from "./notebook-anchors.ts";
import { NOTEBOOK_SCRIPT, NOTEBOOK_STYLE } from "./notebook-assets.ts";
import { chartSection, type NotebookChart } from "./notebook-charts.ts";
import { correctionsLog, factSheet } from "./notebook-facts.ts";
import { numbersInStory, type NumberStatus, textFiles } from "./notebook-numbers.ts";
import { notebookPieces } from "./notebook-pieces.ts";
import { sha256 } from "./fingerprint.ts";
import { textView } from "./notebook-text.ts";
import type { Changes } from "./swap.ts";

/** Everything the notebook shows: a good build's story, or (live) the last good one and what stopped the next. */
export interface NotebookInput {
  name: string;
  published: string;
  /** The story files as read: the article and sources with their numbers, and the source view. */
  files: Map<string, string>;
  /** The story's one reading of those files (Story.numbers): where each number stands, and what records it. */
  numbers: StoryNumber[];
  figures: Figure[];
  charts: NotebookChart[];
  corrections: Correction[];
  warnings: Problem[];
  live?: LiveState;
  /** The story's language: the notebook's own words, dates and numbers (the article stays as received). */
  writer?: Writer;
}

/** What only the live notebook (npm run notebook) knows: the last build, and the way to hear of the next. */
export interface LiveState {
  /** Where the page listens for rebuilds (server-sent events). */
  events: string;
  /** Counts builds: the page fetches itself again when the server announces another. */
  version: number;
  /** The last build stopped on these; the fact sheet and charts are the last good build's. */
  problems: Problem[];
  /** The last build: when, how long, and (if it wrote) what changed in the output. */
  build: { at: string; ms: number; changes?: Changes; good?: string; drawing?: boolean };
  /** An output file's address, with its version so a redrawn chart is fetched again. */
  asset: (file: string) => string;
  /** No build has succeeded since the server started: the output's own notebook is the last good one. */
  noGoodBuild?: boolean;
  /** The output folder holds another story's charts (the build refused to replace them): nothing of it is shown. */
  othersOutput?: boolean;
}

/** The notebook's input from a built story: the charts' sizes and embed code come from the build's outputs. */
export function notebookInput(
  story: Story,
  sizes: (id: string) => VariantSizes,
  embed: (id: string) => string,
): NotebookInput {
  // A chart's warnings begin with its id (chart-list.ts): grouped once, not searched for each chart.
  const warningsOf = new Map<string, string[]>();
  for (const { message } of story.warnings) {
    const id = /^chart "([^"]*)"/.exec(message)?.[1];
    if (id === undefined) continue;
    if (!warningsOf.has(id)) warningsOf.set(id, []);
    warningsOf.get(id)!.push(message);
  }
  return {
    // Story.story is charts.json's "story" as the chart list reads it (branch kinds); until then, read here.
    name: storyName(story.files, story.name),
    published: story.published,
    files: story.files,
    numbers: story.numbers,
    figures: story.figures,
    charts: story.charts.map(({ entry, words, shown }) => ({
      id: entry.id,
      kind: entry.kind,
      words,
      embed: embed(entry.id),
      sizes: sizes(entry.id),
      figures: shown.map((f) => f.id),
      warnings: warningsOf.get(entry.id) ?? [],
    })),
    corrections: story.corrections,
    warnings: story.warnings,
    writer: story.writer,
  };
}

/**
 * What the story is called: charts.json's "story" when it gives one, else the article's headline
 * (its first line after the dateline), cut at a sentence or word end if long.
 */
export function storyName(files: Map<string, string>, given?: string): string {
  if (given?.trim()) return given.trim();
  const charts = parse(files.get(CHARTS) ?? "") as { story?: unknown } | undefined;
  if (charts && typeof charts === "object" && typeof charts.story === "string" && charts.story.trim())
    return charts.story.trim();
  const article = (files.get(ARTICLE) ?? "").replace(/^\uFEFF?\s*date\s+\d{4}-\d{2}-\d{2}\b/i, "");
  const line =
    article
      .split(/\r\n|\r|\n/)
      .find((l) => l.trim())
      ?.trim() ?? "";
  if (!line) return defaultWriter().phrase("notebook.untitled");
  if (line.length <= 140) return line;
  const sentence = /^.{20,140}?[.!?](?=\s)/u.exec(line)?.[0];
  if (sentence) return sentence;
  return `${line.slice(0, 120).replace(/\s+\S*$/u, "")} …`;
}

const STATUS_WORDS: Record<NumberStatus, [PhraseKey, PhraseKey]> = {
  charted: ["notebook.status.charted", "notebook.status.chartedWhat"],
  recorded: ["notebook.status.recorded", "notebook.status.recordedWhat"],
  superseded: ["notebook.status.superseded", "notebook.status.supersededWhat"],
  unrecorded: ["notebook.status.unrecorded", "notebook.status.unrecordedWhat"],
};

/** output/index.html, and the live page of npm run notebook: the same notebook. */
export function notebookHtml(input: NotebookInput): string {
  const { live } = input;
  const writer = input.writer ?? defaultWriter();
  const w = (key: PhraseKey, values?: Record<string, string>) => writer.phrase(key, values);
  const asset = live?.asset ?? ((file: string) => file);
  const problems = live?.problems ?? [];
  const failed = problems.length > 0;
  const day = isIsoDate(input.published) ? writer.date(input.published) : input.published;
  // The article, sources and quotes are English; where the page is in another language, they say so.
  const sourceLang = writer.english ? "" : ' lang="en"';

  const chartsOf = new Map<string, { id: string; title: string }[]>();
  for (const chart of input.charts)
    for (const id of chart.figures) {
      if (!chartsOf.has(id)) chartsOf.set(id, []);
      chartsOf.get(id)!.push({ id: chart.id, title: chart.words.title });
    }
  const numbers = numbersInStory(input.numbers, new Set(chartsOf.keys()));
  const sentenceOf = new Map<string, string>();
  for (const n of numbers) if (n.proof) for (const id of n.figures) sentenceOf.set(id, sentenceAnchor(n.figures[0]));

  const texts = textFiles(input.files);
  // The story files as saved are shown live only, where a problem links to its line: the static page
  // is build output, and must not change because a spreadsheet saved the same data another way.
  const codeFiles = live ? [FIGURES, CHARTS, CORRECTIONS].filter((f) => input.files.has(f)) : [];
  for (const p of problems)
    if (input.files.has(p.file) && !texts.includes(p.file) && !codeFiles.includes(p.file)) codeFiles.push(p.file);
  const shownFiles = new Set([...texts, ...codeFiles]);
  const linesOf = (file: string) =>
    new Set([...problems, ...input.warnings].filter((p) => p.file === file && p.line > 0).map((p) => p.line));

  const count = (n: number, noun: string) => writer.count(n, `count.${noun}`);
  const byStatus = (s: NumberStatus) => numbers.filter((n) => n.status === s).length;

  const chartIds = new Set(input.charts.map((c) => c.id));
  const problemItem = (p: Problem) => {
    const where = p.line > 0 ? `${p.file}:${p.line}` : p.file;
    // A file shown here links to its line; in the static page, a row's warning links to the row in
    // the fact sheet, a chart's to the chart.
    const chart = /^chart "([a-z0-9-]+)"/.exec(p.message)?.[1];
    const row = p.file === FIGURES ? input.figures.find((f) => f.line === p.line) : undefined;
    const href = shownFiles.has(p.file)
      ? `#${p.line > 0 ? lineAnchor(p.file, p.line) : fileAnchor(p.file)}`
      : row
        ? `#${figureAnchor(row.id)}`
        : chart && chartIds.has(chart)
          ? `#${chartAnchor(chart)}`
          : "";
    return `<li>${href ? `<a href="${href}"><code>${e(where)}</code></a>` : `<code>${e(where)}</code>`}: ${e(p.message)}</li>`;
  };
  const problemPanel =
    problems.length || input.warnings.length
      ? `<section class="panel problems" id="problems" aria-labelledby="problems-title">
<h2 id="problems-title">${failed ? w("notebook.stopped", { problems: count(problems.length, "problem") }) : count(input.warnings.length, "warning")}</h2>
${failed ? `<p>${w(live?.othersOutput ? "notebook.othersOutput" : live?.noGoodBuild ? "notebook.noGoodBuildYet" : "notebook.outputKept")} ${w("notebook.fixAndSave")}</p>\n<ol class="stopped">${problems.map(problemItem).join("")}</ol>` : ""}
${failed && input.warnings.length ? `<h3 class="warn">${count(input.warnings.length, "warning")}</h3>` : ""}${input.warnings.length ? `<ol class="warned">${input.warnings.map(problemItem).join("")}</ol>` : ""}
</section>`
      : "";

  // The static page is made of pieces kept from the last build's (a correction re-renders what it
  // changed); the live page's images carry versions, so it renders its own. Every piece is written
  // in the story's language and style, so they are part of what it shows.
  const language = [sha256(writer.id), writer.chosen];
  const piece = live
    ? (_kind: string, _inputs: unknown, render: () => string) => render()
    : (kind: string, inputs: unknown, render: () => string) => notebookPieces.piece(kind, [language, inputs], render);
  if (!live) notebookPieces.turn();
  const context = { chartsOf, problemLines: new Set<number>(), writer };
  const textSections = texts.map((file) => {
    const mine = numbers.filter((n) => n.file === file);
    const icons = [...new Set(mine.flatMap((n) => n.figures))].map((id) => [id, chartsOf.get(id) ?? []]);
    const problemLines = linesOf(file);
    const view = piece("text", { file, text: input.files.get(file), mine, icons, lines: [...problemLines] }, () =>
      textView(file, input.files.get(file)!, mine, { ...context, problemLines }),
    );
    return `<h3 id="${fileAnchor(file)}">${t(w(file === ARTICLE ? "notebook.article" : "notebook.source"))} <small>${e(file)}</small></h3>\n<div class="text"${sourceLang}>${view}</div>`;
  });
  const legend = (["charted", "recorded", "superseded", "unrecorded"] as const)
    .filter((s) => s !== "superseded" || byStatus(s) > 0)
    .map((s) => {
      const [word, what] = STATUS_WORDS[s];
      const tag = s === "unrecorded" ? "mark" : "span";
      return `<li><${tag} class="num ${s}">${t(w(word))}</${tag}> ${writer.number(byStatus(s))}: ${t(w(what))}</li>`;
    })
    .join("");

  const codeSections = codeFiles.map((file) => {
    const view = textView(file, input.files.get(file)!, [], { ...context, problemLines: linesOf(file) });
    return `<h3 id="${fileAnchor(file)}"><code>${e(file)}</code></h3>\n<div class="code"><div class="text">${view}</div></div>`;
  });

  const changes = live?.build.changes;
  const changed = changes
    ? (
        [
          ["notebook.added", changes.added],
          ["notebook.changed", changes.changed],
          ["notebook.removed", changes.removed],
        ] as const
      )
        .filter(([, names]) => names.length)
        .map(
          ([label, names]) =>
            `<h3>${t(w(label))}</h3><ul>${names.map((n) => (label === "notebook.removed" ? `<li>${e(n)}</li>` : `<li><a href="${e(n)}">${e(n)}</a></li>`)).join("")}</ul>`,
        )
        .join("\n") || `<p>${t(w("notebook.noChange"))}</p>`
    : "";
  const buildPanel = live
    ? `<section class="panel changes" id="build" aria-labelledby="build-title">
<h2 id="build-title">${t(w("notebook.nav.build"))}</h2>
<p>${failed ? `${t(w("notebook.stoppedAt", { time: live.build.at }))} ` : ""}${e(live.build.good ? w("notebook.lastGood", { time: live.build.good, ms: writer.number(Math.round(live.build.ms)) }) : w("notebook.noGoodBuild"))}</p>
${changed}
</section>`
    : "";

  const nav: [string, PhraseKey][] = [
    ...(problemPanel
      ? [["problems", failed ? "notebook.nav.problems" : "notebook.nav.warnings"] as [string, PhraseKey]]
      : []),
    ["text", "notebook.nav.text"],
    ["facts", "notebook.nav.facts"],
    ["charts", "notebook.nav.charts"],
    ["corrections", "notebook.nav.corrections"],
    ...(live
      ? ([
          ["build", "notebook.nav.build"],
          ["files", "notebook.nav.files"],
        ] as [string, PhraseKey][])
      : []),
  ];
  const status = live
    ? `<p id="build-status" class="status${failed ? " failed" : ""}" role="status">${e(
        failed
          ? w("notebook.statusStopped", { time: live.build.at, problems: count(problems.length, "problem") })
          : live.build.drawing
            ? w("notebook.statusDrawing", { time: live.build.at })
            : w("notebook.statusBuilt", {
                time: live.build.at,
                ms: writer.number(Math.round(live.build.ms)),
                changed: changes
                  ? w("notebook.statusChanged", {
                      files: count(changes.added.length + changes.changed.length + changes.removed.length, "file"),
                    })
                  : "",
              }),
      )}</p>`
    : "";
  const summary = [
    day ? t(w("notebook.published", { date: day })) : "",
    count(input.figures.length, "figure"),
    count(input.charts.length, "chart"),
    count(input.corrections.length, "correction"),
    w("notebook.unrecorded", { numbers: count(byStatus("unrecorded"), "number") }),
  ].filter(Boolean);

  return `<!DOCTYPE html>
<html lang="${e(writer.lang ?? "en")}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${failed ? `${t(w("notebook.titleStopped"))} · ` : ""}${t(w("notebook.title", { name: input.name }))}</title>
<style>${NOTEBOOK_STYLE}</style>
</head>
<body${live ? ` data-events="${e(live.events)}" data-version="${live.version}"` : ""}>
<div class="page">
<header>
<p class="kicker">${t(w("notebook.kicker"))}</p>
<h1>${e(input.name)}</h1>
<p class="meta" id="summary">${writer.sentence(summary.join(" · "))} ${t(w("notebook.data"))} <a href="${DATASET_CSV}">${DATASET_CSV}</a> · <a href="${DATASET_JSON}">${DATASET_JSON}</a> · <a href="${MANIFEST}">${MANIFEST}</a></p>
<nav aria-label="${e(w("notebook.sections"))}" id="nav"><ul>${nav.map(([id, label]) => `<li><a href="#${id}">${t(w(label))}</a></li>`).join("")}</ul></nav>
${status}
</header>
<main>
${problemPanel}
<section class="panel" id="text" aria-labelledby="text-title">
<h2 id="text-title">${t(w("notebook.nav.text"))}</h2>
<ul class="legend" aria-label="${e(w("notebook.legend"))}">${legend}</ul>
${textSections.join("\n") || `<p>${t(w("notebook.noArticle"))}</p>`}
</section>
<section class="panel" id="facts" aria-labelledby="facts-title">
<h2 id="facts-title">${t(w("notebook.nav.facts"))}</h2>
${input.figures.length ? factSheet(input.figures, { sentenceOf, chartsOf, shownFiles, writer, piece }) : `<p>${t(w("notebook.noFigures"))}</p>`}
</section>
<section class="panel" id="charts" aria-labelledby="charts-title">
<h2 id="charts-title">${t(w("notebook.nav.charts"))}</h2>
${input.charts.map((c) => piece("chart", c, () => chartSection(c, asset, writer))).join("\n") || `<p>${live?.othersOutput ? t(w("notebook.othersOutputCharts")) : live?.noGoodBuild ? w("notebook.noChartsYet", { notebook: `<a href="index.html">${t(w("notebook.ownNotebook"))}</a>` }) : t(w("notebook.noCharts"))}</p>`}
</section>
<section class="panel" id="corrections" aria-labelledby="corrections-title">
<h2 id="corrections-title">${t(w("notebook.nav.corrections"))}</h2>
${correctionsLog(input.corrections, new Set(input.figures.map((f) => f.id)), shownFiles, writer)}
</section>
${buildPanel}
${
  live
    ? `<section class="panel" id="files" aria-labelledby="files-title">
<h2 id="files-title">${t(w("notebook.nav.files"))}</h2>
<p>${t(w("notebook.filesHow"))}</p>
${codeSections.join("\n")}
</section>`
    : ""
}
</main>
</div>
<script>${NOTEBOOK_SCRIPT}</script>
</body>
</html>
`;
}

/** The static notebook a build writes as output/index.html. */
export function staticNotebook(
  story: Story,
  sizes: (id: string) => VariantSizes,
  embedOf: (id: string) => string,
): string {
  return notebookHtml(notebookInput(story, sizes, embedOf));
}
