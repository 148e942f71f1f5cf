import type { ChartWords } from "../words/chart-words.ts";
import { socialMeta } from "./embed.ts";
import { escapeHtml as e } from "./html.ts";
import { chartAnchor, figureAnchor } from "./notebook-anchors.ts";
import {
  csvName,
  embedName,
  pdfName,
  pngName,
  socialName,
  svgName,
  VARIANTS,
  type VariantSizes,
} from "../words/output-names.ts";

const MOBILE = VARIANTS.find((v) => v.name === "mobile")!;
const link = (file: string) => `<a href="${file}">${file}</a>`;

export interface NotebookChart {
  id: string;
  kind: string;
  words: ChartWords;
  /** The embed code exactly as X.embed.html holds it. */
  embed: string;
  warnings: string[];
  /** Width and height of each variant, by variant name; shown beside each file name. */
  sizes: VariantSizes;
  /** Every figure the chart draws or cites. */
  figures: string[];
}

/**
 * One chart as an editor checks it before publishing: every variant at its intended size, its alt
 * text, source, warnings, downloads, and the embed code to copy. `asset` gives an image's address
 * (the live notebook adds a version, so a redrawn chart is fetched again).
 */
export function chartSection(chart: NotebookChart, asset: (file: string) => string): string {
  const { id, words, embed, warnings, sizes } = chart;
  const anchor = chartAnchor(id);
  // Where the embed finds its files (--base-url, or beside the page): the card is there too.
  const base = /<img src="([^"]*?)[^"/]*-mobile\.svg"/.exec(embed)?.[1].replaceAll("&amp;", "&") ?? "";
  const variants = VARIANTS.map((v) => {
    const file = svgName(id, v);
    const size = sizes[v.name];
    const dims = size ? ` width="${size.width}" height="${size.height}"` : "";
    const what = `${v.device}, ${v.theme}${size ? `, ${size.width}px` : ""}`;
    return `<figure class="variant ${v.device} ${v.theme}"><img src="${e(asset(file))}"${dims} alt="${e(words.description)}"><figcaption><a href="${file}">${e(file)}</a> <span>${what}</span></figcaption></figure>`;
  }).join("\n");
  const warned = warnings.length ? `<ul class="warnings">${warnings.map((w) => `<li>${e(w)}</li>`).join("")}</ul>` : "";
  const corrected = words.corrections.length ? `<p class="corrected">${words.corrections.map(e).join("<br>")}</p>` : "";
  const figures = chart.figures.map((f) => `<a href="#${figureAnchor(f)}">${e(f)}</a>`).join(", ");
  return `<article class="chart" id="${anchor}" aria-labelledby="${anchor}-title">
<h3 id="${anchor}-title">${e(words.title)} <small>${e(id)} · ${e(chart.kind)}</small></h3>
<p class="chart-figures">Figures: ${figures || "none"}</p>${warned}${corrected}
<div class="variants">
${variants}
</div>
<dl>
<dt>Alt text</dt><dd>${e(words.description)}</dd>
<dt>Source</dt><dd>${e(words.source)}</dd>
<dt>Files</dt><dd>${link(pngName(id))} (2×, newsletters) · ${link(socialName(id))} (social card, 1200×630) · ${link(pdfName(id))} (print, vector) · ${link(csvName(id))} (data) · ${link(embedName(id))}</dd>
<dt>Other embeds</dt><dd>${link(embedName(id, "wordpress"))} (WordPress Authors, Contributors) · ${link(embedName(id, "drupal"))} (Drupal Basic HTML, with ${link(pngName(id, MOBILE))}); see the README, "Pasting into a CMS"</dd>
</dl>
<div class="embed-head"><label for="${anchor}-embed">Embed code</label> <span>paste into the story's HTML; the files go in the same folder</span></div>
<textarea id="${anchor}-embed" readonly rows="12" spellcheck="false">${e(embed)}</textarea>
<div class="embed-head"><label for="${anchor}-social">Social card</label> <span>in the article page's &lt;head&gt;: shares of the article show ${e(socialName(id))}${base ? "" : "; crawlers need an absolute address: build with --base-url"}</span></div>
<textarea id="${anchor}-social" readonly rows="5" spellcheck="false">${e(socialMeta(id, words, base))}</textarea>
</article>`;
}
