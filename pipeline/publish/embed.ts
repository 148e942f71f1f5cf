import type { ChartWords } from "../words/chart-words.ts";
import { escapeHtml } from "./html.ts";
import { csvName, svgName, VARIANTS, type VariantSizes } from "../words/output-names.ts";

/**
 * Screens up to this width get the mobile layout. Wider, the desktop layout fills the column: at
 * 600px a typical column is ~570px, where the desktop's smallest text (13px) still shows at 11.5px.
 * The mobile layout (340px) is scaled up at most ~1.7× below this width.
 */
export const MOBILE_MAX_WIDTH = 599;

/**
 * The snippet a producer pastes into a CMS: a <figure> whose <picture> picks the mobile or desktop
 * layout by width and the dark variant by prefers-color-scheme; alt text from the data; a link to
 * the chart's data. Plain HTML, no script: it survives CMS filters. File references are relative
 * unless the build was given `--base-url` (where the output folder will be served from), so the
 * snippet works wherever the files are uploaded.
 */
export function embedHtml(chartId: string, words: ChartWords, sizes: VariantSizes, baseUrl = ""): string {
  const [desktop, mobile, dark, mobileDark] = VARIANTS;
  const url = (file: string) => escapeHtml(`${baseUrl}${file}`);
  const source = (variant: (typeof VARIANTS)[number], media: string) => {
    const { width, height } = sizes[variant.name];
    return `    <source media="${media}" srcset="${url(svgName(chartId, variant))}" width="${width}" height="${height}">`;
  };
  const phone = `(max-width: ${MOBILE_MAX_WIDTH}px)`;
  const { width, height } = sizes[desktop.name];
  return [
    `<figure class="chart-embed" data-chart="${chartId}" style="margin:1.5em 0;max-width:${width}px">`,
    "  <picture>",
    source(mobileDark, `${phone} and (prefers-color-scheme: dark)`),
    source(mobile, phone),
    source(dark, "(prefers-color-scheme: dark)"),
    `    <img src="${url(svgName(chartId, desktop))}" width="${width}" height="${height}" alt="${escapeHtml(sanitizerProof(words.description))}" style="display:block;width:100%;height:auto" loading="lazy" decoding="async">`,
    "  </picture>",
    `  <figcaption style="font:13px/1.4 Helvetica,Arial,sans-serif"><a href="${url(csvName(chartId))}" download>Download the data (CSV)</a></figcaption>`,
    "</figure>",
    "",
  ].join("\n");
}

/**
 * DOMPurify drops any attribute whose value holds "</script" (or another raw-text tag's end),
 * "-->" or "]>", escaped or not, and the chart would lose its alt text. A word joiner (U+2060: invisible, silent in screen
 * readers) between the two characters keeps the words and the attribute.
 */
export function sanitizerProof(text: string): string {
  return text
    .replace(/<(?=\/(?:style|script|title|xmp|textarea|noscript|iframe|noembed|noframes))/gi, "<\u2060")
    .replace(/(--!?|\])>/g, (m) => `${m.slice(0, -1)}\u2060>`);
}

/**
 * A base URL for the embed's files: http(s) with a host, or a path on the article's own site;
 * always ending in "/". Browsers read a backslash as a slash and drop tabs and line breaks inside
 * a URL, so a path of slash-backslash, two backslashes, or slash-tab-slash before "evil.example"
 * means "//evil.example/", another host: no backslash, white space or control character is
 * accepted anywhere, and a site path must still resolve to the article's own host.
 */
export function parseBaseUrl(text: string): string | undefined {
  const trimmed = text.trim();
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (/[\\\s\u0000-\u001F\u007F-\u009F"'<>`]/u.test(trimmed)) return undefined;
  const url = trimmed.endsWith("/") ? trimmed : `${trimmed}/`;
  const page = "https://article.invalid/story/";
  let resolved: URL;
  try {
    resolved = new URL(url, page);
  } catch {
    return undefined;
  }
  if (/^https?:\/\/[^/]/i.test(url)) {
    // Credentials in an embed would be published; an address without a host is no address.
    if (resolved.username || resolved.password || !resolved.hostname) return undefined;
    return url;
  }
  if (!/^\/(?!\/)/.test(url) || resolved.origin !== new URL(page).origin) return undefined;
  return url;
}
