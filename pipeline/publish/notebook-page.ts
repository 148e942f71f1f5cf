import { parse } from "jsonc-parser";
import { formatDate, isIsoDate } from "../facts/dates.ts";
import type { Correction, Figure } from "../facts/figure.ts";
import type { Problem } from "../facts/problem.ts";
import { ARTICLE, CHARTS, CORRECTIONS, FIGURES } from "../facts/story-files.ts";
import type { Story } from "../words/story.ts";
import { DATASET_CSV, DATASET_JSON, MANIFEST, type VariantSizes } from "../words/output-names.ts";
import { escapeHtml as e } from "./html.ts";
import { chartAnchor, figureAnchor, fileAnchor, lineAnchor, sentenceAnchor } from "./notebook-anchors.ts";
import { NOTEBOOK_SCRIPT, NOTEBOOK_STYLE } from "./notebook-assets.ts";
import { chartSection, type NotebookChart } from "./notebook-charts.ts";
import { correctionsLog, factSheet } from "./notebook-facts.ts";
import { numbersInStory, type NumberStatus, textFiles } from "./notebook-numbers.ts";
import { textView } from "./notebook-text.ts";
import type { Changes } from "./swap.ts";

/** Everything the notebook shows: a good build's story, or (live) the last good one and what stopped the next. */
export interface NotebookInput {
  name: string;
  published: string;
  /** The story files as read: the article and sources with their numbers, and the source view. */
  files: Map<string, string>;
  figures: Figure[];
  charts: NotebookChart[];
  corrections: Correction[];
  warnings: Problem[];
  live?: LiveState;
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
  return {
    // Story.story is charts.json's "story" as the chart list reads it (branch kinds); until then, read here.
    name: storyName(story.files, story.name),
    published: story.published,
    files: story.files,
    figures: story.figures,
    charts: story.charts.map(({ entry, words, shown }) => ({
      id: entry.id,
      kind: entry.kind,
      words,
      embed: embed(entry.id),
      sizes: sizes(entry.id),
      figures: shown.map((f) => f.id),
      warnings: story.warnings.filter((w) => w.message.startsWith(`chart "${entry.id}"`)).map((w) => w.message),
    })),
    corrections: story.corrections,
    warnings: story.warnings,
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
  if (!line) return "Untitled story";
  if (line.length <= 140) return line;
  const sentence = /^.{20,140}?[.!?](?=\s)/u.exec(line)?.[0];
  if (sentence) return sentence;
  return `${line.slice(0, 120).replace(/\s+\S*$/u, "")} …`;
}

const STATUS_WORDS: Record<NumberStatus, [string, string]> = {
  charted: ["charted", "in the fact sheet and on a chart (the icon links to the chart)"],
  recorded: ["recorded", "in the fact sheet, not charted"],
  superseded: ["superseded", "replaced by a correction"],
  unrecorded: ["unrecorded", "a number of the text no figure records"],
};

/** output/index.html, and the live page of npm run notebook: the same notebook. */
export function notebookHtml(input: NotebookInput): string {
  const { live } = input;
  const asset = live?.asset ?? ((file: string) => file);
  const problems = live?.problems ?? [];
  const failed = problems.length > 0;
  const day = isIsoDate(input.published) ? formatDate(input.published) : input.published;

  const chartsOf = new Map<string, { id: string; title: string }[]>();
  for (const chart of input.charts)
    for (const id of chart.figures)
      chartsOf.set(id, [...(chartsOf.get(id) ?? []), { id: chart.id, title: chart.words.title }]);
  const numbers = numbersInStory(input.files, input.figures, new Set(chartsOf.keys()));
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

  const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
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
<h2 id="problems-title">${failed ? `The build stopped: ${count(problems.length, "problem")}` : count(input.warnings.length, "warning")}</h2>
${failed ? `<p>${live?.othersOutput ? "No build of this story has succeeded yet; the output folder holds another story's charts, not shown here." : live?.noGoodBuild ? "No build has succeeded yet; the output folder holds the last good one." : "The output was left as it was: the fact sheet and charts below are the last good build's."} Fix these and save; the page updates by itself.</p>\n<ol class="stopped">${problems.map(problemItem).join("")}</ol>` : ""}
${failed && input.warnings.length ? `<h3 class="warn">${count(input.warnings.length, "warning")}</h3>` : ""}${input.warnings.length ? `<ol class="warned">${input.warnings.map(problemItem).join("")}</ol>` : ""}
</section>`
      : "";

  const context = { chartsOf, problemLines: new Set<number>() };
  const textSections = texts.map((file) => {
    const view = textView(
      file,
      input.files.get(file)!,
      numbers.filter((n) => n.file === file),
      { ...context, problemLines: linesOf(file) },
    );
    return `<h3 id="${fileAnchor(file)}">${file === ARTICLE ? "The article" : "Source"} <small>${e(file)}</small></h3>\n<div class="text">${view}</div>`;
  });
  const legend = (["charted", "recorded", "superseded", "unrecorded"] as const)
    .filter((s) => s !== "superseded" || byStatus(s) > 0)
    .map((s) => {
      const [word, what] = STATUS_WORDS[s];
      const tag = s === "unrecorded" ? "mark" : "span";
      return `<li><${tag} class="num ${s}">${word}</${tag}> ${byStatus(s)}: ${what}</li>`;
    })
    .join("");

  const codeSections = codeFiles.map((file) => {
    const view = textView(file, input.files.get(file)!, [], { ...context, problemLines: linesOf(file) });
    return `<h3 id="${fileAnchor(file)}"><code>${e(file)}</code></h3>\n<div class="code"><div class="text">${view}</div></div>`;
  });

  const changes = live?.build.changes;
  const changed = changes
    ? [
        ["Added", changes.added],
        ["Changed", changes.changed],
        ["Removed", changes.removed],
      ]
        .filter(([, names]) => names.length)
        .map(
          ([label, names]) =>
            `<h3>${label}</h3><ul>${(names as string[]).map((n) => (label === "Removed" ? `<li>${e(n)}</li>` : `<li><a href="${e(n)}">${e(n)}</a></li>`)).join("")}</ul>`,
        )
        .join("\n") || "<p>The last build changed no file: the output was already what the story builds.</p>"
    : "";
  const buildPanel = live
    ? `<section class="panel changes" id="build" aria-labelledby="build-title">
<h2 id="build-title">Last build</h2>
<p>${failed ? `Stopped at ${e(live.build.at)}; the output folder was left as it was. ` : ""}${live.build.good ? `The last good build, at ${e(live.build.good)}, took ${Math.round(live.build.ms)} ms.` : "No good build yet."}</p>
${changed}
</section>`
    : "";

  const nav = [
    ...(problemPanel ? [["problems", failed ? "Problems" : "Warnings"]] : []),
    ["text", "Article and sources"],
    ["facts", "Fact sheet"],
    ["charts", "Charts"],
    ["corrections", "Corrections"],
    ...(live
      ? [
          ["build", "Last build"],
          ["files", "Story files"],
        ]
      : []),
  ];
  const status = live
    ? `<p id="build-status" class="status${failed ? " failed" : ""}" role="status">${
        failed
          ? `Build stopped at ${e(live.build.at)}: ${count(problems.length, "problem")}. Showing the last good build.`
          : live.build.drawing
            ? `Saved at ${e(live.build.at)}: the text and fact sheet are up to date; drawing the charts…`
            : `Built at ${e(live.build.at)} in ${Math.round(live.build.ms)} ms${changes ? `; ${count(changes.added.length + changes.changed.length + changes.removed.length, "file")} changed` : ""}. This page updates on every save.`
      }</p>`
    : "";
  const summary = [
    day ? `Published ${e(day)}` : "",
    count(input.figures.length, "figure"),
    count(input.charts.length, "chart"),
    count(input.corrections.length, "correction"),
    `${count(byStatus("unrecorded"), "number")} in the text not in the fact sheet`,
  ].filter(Boolean);

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${failed ? "Build stopped · " : ""}${e(input.name)} · notebook</title>
<style>${NOTEBOOK_STYLE}</style>
</head>
<body${live ? ` data-events="${e(live.events)}" data-version="${live.version}"` : ""}>
<div class="page">
<header>
<p class="kicker">Story notebook</p>
<h1>${e(input.name)}</h1>
<p class="meta" id="summary">${summary.join(" · ")}. Data: <a href="${DATASET_CSV}">${DATASET_CSV}</a> · <a href="${DATASET_JSON}">${DATASET_JSON}</a> · <a href="${MANIFEST}">${MANIFEST}</a></p>
<nav aria-label="Sections" id="nav"><ul>${nav.map(([id, label]) => `<li><a href="#${id}">${label}</a></li>`).join("")}</ul></nav>
${status}
</header>
<main>
${problemPanel}
<section class="panel" id="text" aria-labelledby="text-title">
<h2 id="text-title">Article and sources</h2>
<ul class="legend" aria-label="Numbers in the text">${legend}</ul>
${textSections.join("\n") || "<p>No article yet.</p>"}
</section>
<section class="panel" id="facts" aria-labelledby="facts-title">
<h2 id="facts-title">Fact sheet</h2>
${input.figures.length ? factSheet(input.figures, { sentenceOf, chartsOf, shownFiles }) : "<p>No figure has passed its checks yet.</p>"}
</section>
<section class="panel" id="charts" aria-labelledby="charts-title">
<h2 id="charts-title">Charts</h2>
${input.charts.map((c) => chartSection(c, asset)).join("\n") || (live?.othersOutput ? "<p>No chart yet: the output folder holds another story's.</p>" : live?.noGoodBuild ? `<p>No build has succeeded since the notebook started; <a href="index.html">the output's own notebook</a> shows the last good charts.</p>` : "<p>The story lists no charts.</p>")}
</section>
<section class="panel" id="corrections" aria-labelledby="corrections-title">
<h2 id="corrections-title">Corrections</h2>
${correctionsLog(input.corrections, new Set(input.figures.map((f) => f.id)), shownFiles)}
</section>
${buildPanel}
${
  live
    ? `<section class="panel" id="files" aria-labelledby="files-title">
<h2 id="files-title">Story files</h2>
<p>As saved now; problems link to their lines.</p>
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
