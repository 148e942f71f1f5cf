import { isCount } from "../../charts/units.ts";
import type { Correction, Figure } from "../facts/figure.ts";
import { QUALIFIERS } from "../facts/qualifiers.ts";
import type { PhraseKey } from "../language/phrases.ts";
import { defaultWriter, type Writer } from "../language/writer.ts";
import { CORRECTIONS, FIGURES } from "../facts/story-files.ts";
import { escapeHtml as e, escapeText as t } from "./html.ts";
import { chartAnchor, correctionAnchor, figureAnchor, fileAnchor, lineAnchor } from "./notebook-anchors.ts";

export interface FactContext {
  /** Where each figure's number stands in its sentence (the anchor of its highlight), if it was placed. */
  sentenceOf: Map<string, string>;
  chartsOf: Map<string, { id: string; title: string }[]>;
  /** Files the page shows, so a link to one never points nowhere. */
  shownFiles: Set<string>;
  /** The story's language: the fact sheet's words and values are written as its charts write them. */
  writer?: Writer;
}

/** "more than", "exactly"; with the source's own words where they differ: 'about ("some")'. */
export function qualifierWords(figure: Figure, writer: Writer = defaultWriter()): string {
  const phrase = writer.qualifierWords({ qualifier: figure.qualifier }) || writer.phrase("notebook.exactly");
  const own = figure.qualifier === "exact" ? "" : figure.qualifier_words;
  return own && own !== phrase ? writer.phrase("notebook.qualifierOwn", { qualifier: phrase, own }) : phrase;
}

/** The same as HTML: the source's own words marked as English where the page is in another language. */
function qualifierHtml(figure: Figure, writer: Writer): string {
  const phrase = writer.qualifierWords({ qualifier: figure.qualifier }) || writer.phrase("notebook.exactly");
  const own = figure.qualifier === "exact" ? "" : figure.qualifier_words;
  if (!own || own === phrase) return e(phrase);
  const source = writer.english ? e(own) : `<span lang="en">${e(own)}</span>`;
  return e(writer.phrase("notebook.qualifierOwn", { qualifier: phrase, own: "\u0000" })).replace("\u0000", source);
}

const COLUMNS = [
  ["figure", "notebook.column.figure", "text"],
  ["value", "notebook.column.value", "number"],
  ["qualifier", "notebook.column.qualifier", "number"],
  ["bounds", "notebook.column.bounds", "number"],
  ["period", "notebook.column.period", "text"],
  ["attributed", "notebook.column.attributed", "text"],
  ["source", "notebook.column.source", "text"],
  ["quote", "notebook.column.quote", "text"],
  ["corrections", "notebook.column.corrections", "number"],
  ["charts", "notebook.column.charts", "number"],
] as const satisfies readonly (readonly [string, PhraseKey, string])[];

/**
 * The fact sheet: one row per figure with everything the build proved about it. Every column sorts
 * (the page's script; without it the rows stay in figures.csv order).
 */
export function factSheet(figures: Figure[], context: FactContext): string {
  const writer = context.writer ?? defaultWriter();
  const label = (key: PhraseKey) => writer.phrase(key);
  const source_ = context.writer?.english === false ? ' lang="en"' : "";
  const head = COLUMNS.map(
    ([key, phrase, type], i) =>
      `<th scope="col"><button type="button" class="sort" data-key="${key}" data-column="${i}" data-type="${type}">${t(label(phrase))}<span class="sort-mark" aria-hidden="true"></span></button></th>`,
  ).join("");
  const rows = figures.map((f, order) => {
    const charts = context.chartsOf.get(f.id) ?? [];
    const sentence = context.sentenceOf.get(f.id);
    // Quotes stay in the source's language (English), marked so where the page is in another.
    const quote = sentence
      ? `<a class="quote" href="#${sentence}"${source_}>${e(f.quote)}</a>`
      : `<q${source_}>${e(f.quote)}</q> <span class="note">${t(label("notebook.notPlaced"))}</span>`;
    const source = context.shownFiles.has(f.source)
      ? `<a href="#${fileAnchor(f.source)}">${e(f.source)}</a>`
      : e(f.source);
    const share = f.fraction ? `${f.fraction.numerator}/${f.fraction.denominator}` : "";
    const bound = (n: number | null) =>
      n === null ? label("notebook.open") : share && n === f.value ? share : writer.number(n);
    const period = writer.periodOf(f);
    const cells = [
      [
        f.id,
        `<code>${e(f.id)}</code> <span class="what">${e([f.category, f.metric].filter(Boolean).join(" · "))}</span>` +
          (f.restates
            ? ` <span class="note">${writer.phrase("notebook.restates", { id: `<a href="#${figureAnchor(f.restates)}">${e(f.restates)}</a>` })}</span>`
            : "") +
          (context.shownFiles.has(FIGURES)
            ? ` <a class="line-link" href="#${lineAnchor(FIGURES, f.line)}">${FIGURES}:${f.line}</a>`
            : ` <span class="line-link">${FIGURES}:${f.line}</span>`),
      ],
      [
        String(f.value),
        // A measure as the chart writes it ("62%", "$2,500,000"); a count's unit ("people") beneath.
        isCount(f.unit)
          ? `${e(writer.value(f))}${share ? ` (${share})` : ""}${f.unit ? ` <span class="what">${e(f.unit)}</span>` : ""}`
          : e(writer.amount(f)),
      ],
      [String(QUALIFIERS.indexOf(f.qualifier)), qualifierHtml(f, writer)],
      [
        String(f.low ?? f.high ?? f.value),
        e(writer.phrase("notebook.bounds", { low: bound(f.low), high: bound(f.high) })),
      ],
      [
        f.end ? `${f.start || f.end} ${f.end}` : "~",
        (period ? e(period) : `<span class="note">${t(label("notebook.noPeriod"))}</span>`) +
          // A date the build filled from the words, not typed: shown so, never published unseen.
          (f.filled
            ? ` <span class="note filled">${t(writer.phrase("notebook.filled", { words: f.filled, file: FIGURES }))}</span>`
            : ""),
      ],
      [
        f.attributed_to || "~",
        f.attributed_to ? e(f.attributed_to) : `<span class="note">${t(label("notebook.notAttributed"))}</span>`,
      ],
      [f.source, source],
      [f.quote, quote],
      [
        String(f.corrections.length),
        f.corrections.length
          ? `<ul>${f.corrections.map((c) => `<li><a href="#${correctionAnchor(c.line)}">${e(writer.date(c.date))}</a>: ${e(c.field)} ${e(c.from)} → ${e(c.to)}</li>`).join("")}</ul>`
          : `<span class="note">${t(label("notebook.none"))}</span>`,
      ],
      [
        String(charts.length),
        charts.length
          ? `<ul>${charts.map((c) => `<li><a href="#${chartAnchor(c.id)}" title="${e(c.title)}">${e(c.id)}</a></li>`).join("")}</ul>`
          : `<span class="note">${t(label("notebook.none"))}</span>`,
      ],
    ];
    const tds = cells
      .map(([sort, html], i) => {
        const [key, phrase] = COLUMNS[i];
        const tag = i === 0 ? 'th scope="row"' : "td";
        return `<${tag} class="${key}" data-label="${e(label(phrase))}" data-sort="${e(sort)}">${html}</${tag.split(" ")[0]}>`;
      })
      .join("");
    return `<tr id="${figureAnchor(f.id)}" data-order="${order}">${tds}</tr>`;
  });
  return `<div class="table-wrap" role="region" aria-labelledby="facts-title" tabindex="0">
<table class="sortable facts">
<caption>${writer.phrase("notebook.factsCaption", {
    figures: e(writer.count(figures.length, "count.figure")),
    file: context.shownFiles.has(FIGURES) ? `<a href="#${fileAnchor(FIGURES)}">${FIGURES}</a>` : FIGURES,
  })}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>
</div>`;
}

/** The corrections log, in the order applied: what changed, from what to what, and why. */
export function correctionsLog(
  corrections: Correction[],
  figures: Set<string>,
  shownFiles: Set<string>,
  writer: Writer = defaultWriter(),
): string {
  if (corrections.length === 0) return `<p>${e(writer.phrase("notebook.noCorrections", { file: CORRECTIONS }))}</p>`;
  const [date, figure, field, from, to, reason, line] = (
    ["date", "figure", "field", "from", "to", "reason", "line"] as const
  ).map((k) => e(writer.phrase(`notebook.log.${k}`)));
  const rows = corrections.map(
    (c) =>
      `<tr id="${correctionAnchor(c.line)}"><td data-label="${date}">${e(writer.date(c.date))}</td><td data-label="${figure}">${figures.has(c.id) ? `<a href="#${figureAnchor(c.id)}">${e(c.id)}</a>` : e(c.id)}</td><td data-label="${field}">${e(c.field)}</td><td data-label="${from}">${e(c.from)}</td><td data-label="${to}">${e(c.to)}</td><td data-label="${reason}">${e(c.reason)}</td><td data-label="${line}">${shownFiles.has(CORRECTIONS) ? `<a href="#${lineAnchor(CORRECTIONS, c.line)}">${CORRECTIONS}:${c.line}</a>` : `${CORRECTIONS}:${c.line}`}</td></tr>`,
  );
  return `<div class="table-wrap" role="region" aria-labelledby="corrections-title" tabindex="0">
<table class="log">
<thead><tr><th scope="col">${date}</th><th scope="col">${figure}</th><th scope="col">${field}</th><th scope="col">${from}</th><th scope="col">${to}</th><th scope="col">${reason}</th><th scope="col">${line}</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>
</div>`;
}
