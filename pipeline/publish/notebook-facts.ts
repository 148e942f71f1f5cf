import { isCount, withUnit } from "../../charts/units.ts";
import { formatDate } from "../facts/dates.ts";
import type { Correction, Figure } from "../facts/figure.ts";
import { formatNumber, formatValue, periodWords, qualifierWords as sourceQualifierWords } from "../facts/format.ts";
import { QUALIFIER_PHRASE, QUALIFIERS } from "../facts/qualifiers.ts";
import { CORRECTIONS, FIGURES } from "../facts/story-files.ts";
import { escapeHtml as e } from "./html.ts";
import { chartAnchor, correctionAnchor, figureAnchor, fileAnchor, lineAnchor } from "./notebook-anchors.ts";

export interface FactContext {
  /** Where each figure's number stands in its sentence (the anchor of its highlight), if it was placed. */
  sentenceOf: Map<string, string>;
  chartsOf: Map<string, { id: string; title: string }[]>;
  /** Files the page shows, so a link to one never points nowhere. */
  shownFiles: Set<string>;
}

/** "more than", "exactly"; with the source's own words where they differ: 'about ("some")'. */
export function qualifierWords(figure: Figure): string {
  const phrase = QUALIFIER_PHRASE[figure.qualifier] || "exactly";
  const own = sourceQualifierWords(figure);
  return own && own !== phrase ? `${phrase} ("${own}")` : phrase;
}

const COLUMNS = [
  ["figure", "Figure", "text"],
  ["value", "Value", "number"],
  ["qualifier", "Qualifier", "number"],
  ["bounds", "Bounds", "number"],
  ["period", "Period", "text"],
  ["attributed", "Attributed to", "text"],
  ["source", "Source", "text"],
  ["quote", "Quote", "text"],
  ["corrections", "Corrections", "number"],
  ["charts", "Charts", "number"],
] as const;

/**
 * The fact sheet: one row per figure with everything the build proved about it. Every column sorts
 * (the page's script; without it the rows stay in figures.csv order).
 */
export function factSheet(figures: Figure[], context: FactContext): string {
  const head = COLUMNS.map(
    ([key, label, type], i) =>
      `<th scope="col"><button type="button" class="sort" data-key="${key}" data-column="${i}" data-type="${type}">${e(label)}<span class="sort-mark" aria-hidden="true"></span></button></th>`,
  ).join("");
  const rows = figures.map((f, order) => {
    const charts = context.chartsOf.get(f.id) ?? [];
    const sentence = context.sentenceOf.get(f.id);
    const quote = sentence
      ? `<a class="quote" href="#${sentence}">${e(f.quote)}</a>`
      : `<q>${e(f.quote)}</q> <span class="note">(not placed in the text)</span>`;
    const source = context.shownFiles.has(f.source)
      ? `<a href="#${fileAnchor(f.source)}">${e(f.source)}</a>`
      : e(f.source);
    const share = f.fraction ? `${f.fraction.numerator}/${f.fraction.denominator}` : "";
    const bound = (n: number | null) => (n === null ? "open" : share && n === f.value ? share : formatNumber(n));
    const period = periodWords(f);
    const cells = [
      [
        f.id,
        `<code>${e(f.id)}</code> <span class="what">${e([f.category, f.metric].filter(Boolean).join(" · "))}</span>` +
          (f.restates
            ? ` <span class="note">restates <a href="#${figureAnchor(f.restates)}">${e(f.restates)}</a></span>`
            : "") +
          (context.shownFiles.has(FIGURES)
            ? ` <a class="line-link" href="#${lineAnchor(FIGURES, f.line)}">${FIGURES}:${f.line}</a>`
            : ` <span class="line-link">${FIGURES}:${f.line}</span>`),
      ],
      [
        String(f.value),
        // A measure as the chart writes it ("62%", "$2,500,000"); a count's unit ("people") beneath.
        isCount(f.unit)
          ? `${e(formatValue(f))}${share ? ` (${share})` : ""}${f.unit ? ` <span class="what">${e(f.unit)}</span>` : ""}`
          : e(withUnit(formatValue(f), f.value, f.unit)),
      ],
      [String(QUALIFIERS.indexOf(f.qualifier)), e(qualifierWords(f))],
      [String(f.low ?? f.high ?? f.value), `${bound(f.low)} to ${bound(f.high)}`],
      [
        f.end ? `${f.start || f.end} ${f.end}` : "~",
        (period ? e(period) : '<span class="note">none given</span>') +
          (f.filled
            ? ` <span class="note filled">filled from the words “${e(f.filled)}”, not typed in ${FIGURES}</span>`
            : ""),
      ],
      [f.attributed_to || "~", f.attributed_to ? e(f.attributed_to) : '<span class="note">not attributed</span>'],
      [f.source, source],
      [f.quote, quote],
      [
        String(f.corrections.length),
        f.corrections.length
          ? `<ul>${f.corrections.map((c) => `<li><a href="#${correctionAnchor(c.line)}">${e(formatDate(c.date))}</a>: ${e(c.field)} ${e(c.from)} → ${e(c.to)}</li>`).join("")}</ul>`
          : '<span class="note">none</span>',
      ],
      [
        String(charts.length),
        charts.length
          ? `<ul>${charts.map((c) => `<li><a href="#${chartAnchor(c.id)}" title="${e(c.title)}">${e(c.id)}</a></li>`).join("")}</ul>`
          : '<span class="note">none</span>',
      ],
    ];
    const tds = cells
      .map(([sort, html], i) => {
        const [key, label] = COLUMNS[i];
        const tag = i === 0 ? 'th scope="row"' : "td";
        return `<${tag} class="${key}" data-label="${e(label)}" data-sort="${e(sort)}">${html}</${tag.split(" ")[0]}>`;
      })
      .join("");
    return `<tr id="${figureAnchor(f.id)}" data-order="${order}">${tds}</tr>`;
  });
  return `<div class="table-wrap" role="region" aria-labelledby="facts-title" tabindex="0">
<table class="sortable facts">
<caption>${figures.length} figure${figures.length === 1 ? "" : "s"}, in ${context.shownFiles.has(FIGURES) ? `<a href="#${fileAnchor(FIGURES)}">${FIGURES}</a>` : FIGURES} order; sort by any column. Bounds are the lowest and highest value the qualifier allows; open means the source sets none.</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>
</div>`;
}

/** The corrections log, in the order applied: what changed, from what to what, and why. */
export function correctionsLog(corrections: Correction[], figures: Set<string>, shownFiles: Set<string>): string {
  if (corrections.length === 0) return `<p>No corrections: ${CORRECTIONS} has no rows.</p>`;
  const rows = corrections.map(
    (c) =>
      `<tr id="${correctionAnchor(c.line)}"><td data-label="Date">${e(formatDate(c.date))}</td><td data-label="Figure">${figures.has(c.id) ? `<a href="#${figureAnchor(c.id)}">${e(c.id)}</a>` : e(c.id)}</td><td data-label="Field">${e(c.field)}</td><td data-label="From">${e(c.from)}</td><td data-label="To">${e(c.to)}</td><td data-label="Reason">${e(c.reason)}</td><td data-label="Line">${shownFiles.has(CORRECTIONS) ? `<a href="#${lineAnchor(CORRECTIONS, c.line)}">${CORRECTIONS}:${c.line}</a>` : `${CORRECTIONS}:${c.line}`}</td></tr>`,
  );
  return `<div class="table-wrap" role="region" aria-labelledby="corrections-title" tabindex="0">
<table class="log">
<thead><tr><th scope="col">Date</th><th scope="col">Figure</th><th scope="col">Field</th><th scope="col">From</th><th scope="col">To</th><th scope="col">Reason</th><th scope="col">Line</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>
</div>`;
}
