import type { ChartWords } from "../words/chart-words.ts";
import { formatDate, isIsoDate } from "../facts/dates.ts";
import { escapeHtml } from "./html.ts";
import { csvName, embedName, pngName, svgName, VARIANTS, type VariantSizes } from "../words/output-names.ts";

const link = (file: string) => `<a href="${file}">${file}</a>`;

export interface GalleryChart {
  id: string;
  words: ChartWords;
  embed: string;
  warnings: string[];
  /** Width and height of each variant, by variant name; shown beside each file name. */
  sizes: VariantSizes;
}

/**
 * output/index.html: what an editor opens before publishing. Every chart in every variant at its
 * intended size, its alt text, source, warnings, downloads, and the embed code to copy.
 */
export function galleryHtml(charts: GalleryChart[], published: string): string {
  const e = escapeHtml;
  const day = isIsoDate(published) ? formatDate(published) : published;
  const sections = charts.map(({ id, words, embed, warnings, sizes }) => {
    const variants = VARIANTS.map((v) => {
      const file = svgName(id, v);
      const size = sizes[v.name];
      const dims = size ? ` width="${size.width}" height="${size.height}"` : "";
      const what = `${v.device}, ${v.theme}${size ? `, ${size.width}px` : ""}`;
      return `      <figure class="variant ${v.device} ${v.theme}"><img src="${file}"${dims} alt="${e(words.description)}"><figcaption><a href="${file}">${e(file)}</a> <span>${what}</span></figcaption></figure>`;
    }).join("\n");
    const warned = warnings.length
      ? `\n    <ul class="warnings">${warnings.map((w) => `<li>${e(w)}</li>`).join("")}</ul>`
      : "";
    const corrected = words.corrections.length
      ? `\n    <p class="corrected">${words.corrections.map(e).join("<br>")}</p>`
      : "";
    return `  <section id="${id}">
    <h2>${e(words.title)} <small>${e(id)}</small></h2>${warned}${corrected}
    <div class="variants">
${variants}
    </div>
    <dl>
      <dt>Alt text</dt><dd>${e(words.description)}</dd>
      <dt>Source</dt><dd>${e(words.source)}</dd>
      <dt>Files</dt><dd>${link(pngName(id))} (2×, social) · ${link(csvName(id))} (data) · ${link(embedName(id))}</dd>
      <dt>Other embeds</dt><dd>${link(embedName(id, "wordpress"))} (WordPress Authors, Contributors) · ${link(embedName(id, "drupal"))} (Drupal Basic HTML, with ${link(
        pngName(
          id,
          VARIANTS.find((v) => v.name === "mobile"),
        ),
      )}); see the README, "Pasting into a CMS"</dd>
    </dl>
    <div class="embed-head"><label for="${id}-embed">Embed code</label> <span>paste into the story's HTML; the files go in the same folder</span></div>
    <textarea id="${id}-embed" readonly rows="12" spellcheck="false">${e(embed)}</textarea>
  </section>`;
  });
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Charts for the story of ${e(day)}</title>
<style>
  body { font: 15px/1.45 Helvetica, Arial, sans-serif; margin: 0 auto; padding: 16px; max-width: 1400px; color: #1a1a1a; background: #f4f4f2; }
  h1 { font-size: 22px; } h2 { font-size: 18px; margin-top: 0; } h2 small { color: #595959; font-weight: normal; font-size: 13px; }
  section { background: #fff; border: 1px solid #ddd; padding: 16px; margin: 0 0 24px; }
  .variants { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
  .variant { margin: 0; padding: 8px; border: 1px solid #ddd; max-width: 100%; box-sizing: border-box; }
  .variant.dark { background: #15181c; border-color: #15181c; color: #b4bac1; }
  .variant img { display: block; max-width: 100%; height: auto; }
  .variant figcaption { font-size: 12px; margin-top: 4px; overflow-wrap: anywhere; } .variant figcaption span { color: #595959; }
  .variant.dark figcaption a, .variant.dark figcaption span { color: #b4bac1; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; } dt { font-weight: bold; } dd { margin: 0; overflow-wrap: anywhere; }
  .embed-head { display: flex; align-items: baseline; gap: 12px; margin-bottom: 4px; } .embed-head label { font-weight: bold; } .embed-head span { color: #595959; font-size: 13px; }
  textarea { width: 100%; box-sizing: border-box; font: 12px/1.4 ui-monospace, Menlo, Consolas, monospace; }
  .warnings { color: #8a1c1c; } .corrected { color: #8a1c1c; font-weight: bold; }
  /* On a phone the mobile variants show at their own 340px width: the frames give up their padding. */
  @media (max-width: 600px) {
    body { padding: 8px; } section { padding: 8px; } .variants { gap: 12px; }
    .variant { padding: 0; border: 0; } .variant figcaption { padding: 2px 6px 6px; }
    dl { grid-template-columns: 1fr; } dt { margin-top: 6px; }
  }
</style>
</head>
<body>
<h1>Charts for the story of ${e(day)}</h1>
<p>${charts.length} chart${charts.length === 1 ? "" : "s"}, each in ${VARIANTS.map((v) => v.name).join(", ")}. The data: <a href="figures.csv">figures.csv</a> · <a href="figures.json">figures.json</a> · <a href="manifest.json">manifest.json</a></p>
${sections.join("\n")}
</body>
</html>
`;
}
