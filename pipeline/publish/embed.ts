import type { ChartWords } from "../words/chart-words.ts";
import { defaultWriter, type Writer } from "../language/writer.ts";
import { escapeHtml } from "./html.ts";
import {
  csvName,
  type EmbedFlavour,
  pngName,
  SOCIAL_SIZE,
  socialName,
  svgName,
  VARIANTS,
  type Variant,
  type VariantSizes,
} from "../words/output-names.ts";

/**
 * Screens up to this width get the mobile layout. Wider, the desktop layout, shrunk to the column
 * when the column is narrower than 640px: at 600px a typical column is ~570px, where the desktop's
 * smallest text (13px) still shows at 11.5px.
 */
export const MOBILE_MAX_WIDTH = 599;

const variant = (name: string) => VARIANTS.find((v) => v.name === name)!;

/**
 * The snippet a producer pastes into a CMS: a <div> whose <picture> picks the desktop layout
 * from MOBILE_MAX_WIDTH + 1 up and the dark variant by prefers-color-scheme, with the mobile light
 * SVG as its <img>; below it a caption with the facts in words, the source and a link to the chart's data.
 *
 * Built for what CMS sanitizers leave of it (README, "Pasting into a CMS"). Where <picture> and
 * <source> are stripped (WordPress for Authors, sanitize-html), the <img> remains: the mobile
 * layout, which reads on a phone and, at its own 340px, on a desktop too; its file turns dark by
 * itself under prefers-color-scheme (render.ts). Its size comes from width and height attributes,
 * which every sanitizer keeps; the style only lets it shrink in a column under 340px. Where the
 * image is refused, the caption still states every figure and the source.
 */
export function embedHtml(
  chartId: string,
  words: ChartWords,
  sizes: VariantSizes,
  baseUrl = "",
  writer: Writer = defaultWriter(),
): string {
  const url = (file: string) => escapeHtml(`${baseUrl}${file}`);
  const box = (v: Variant) => `width="${sizes[v.name].width}" height="${sizes[v.name].height}"`;
  const source = (v: Variant, media: string) =>
    `    <source media="${media}" srcset="${url(svgName(chartId, v))}" ${box(v)}>`;
  const wide = `(min-width: ${MOBILE_MAX_WIDTH + 1}px)`;
  const dark = "(prefers-color-scheme: dark)";
  const mobile = variant("mobile");
  return [
    OPEN(chartId, writer),
    "  <picture>",
    source(variant("dark"), `${wide} and ${dark}`),
    source(variant("desktop"), wide),
    // Drupal's XSS filter reads "(min-width" as a URL scheme and cuts the query to " 600px)", which
    // matches nothing; the range syntax has no colon to cut (its ">" written as an entity, which
    // Drupal's tag parser needs). Browsers that know it get the same file from the line above.
    source(variant("desktop"), `(width &gt;= ${MOBILE_MAX_WIDTH + 1}px)`),
    source(variant("mobile-dark"), dark),
    `    <img src="${url(svgName(chartId, mobile))}" ${box(mobile)} alt="${alt(words)}" style="${IMG_STYLE}" loading="lazy">`,
    "  </picture>",
    caption(chartId, words, url, writer),
    "</div>",
    "",
  ].join("\n");
}

/**
 * The snippet for a CMS that shows only raster images from its own site (Drupal's Basic HTML,
 * whose "Restrict images to this site" replaces an SVG with an "Image removed." icon): the mobile
 * layout as PNG, at 340px, light. Build with `--base-url` set to the site path the files are
 * uploaded to; each part sits in a <p>, which Basic HTML keeps when it strips <div>.
 */
export function drupalEmbedHtml(
  chartId: string,
  words: ChartWords,
  sizes: VariantSizes,
  baseUrl = "",
  writer: Writer = defaultWriter(),
): string {
  const url = (file: string) => escapeHtml(`${baseUrl}${file}`);
  const mobile = variant("mobile");
  const { width, height } = sizes[mobile.name];
  return [
    OPEN(chartId, writer),
    `  <p><img src="${url(pngName(chartId, mobile))}" width="${width}" height="${height}" alt="${alt(words)}" style="${IMG_STYLE}"></p>`,
    caption(chartId, words, url, writer),
    "</div>",
    "",
  ].join("\n");
}

/**
 * The snippet for WordPress users without unfiltered_html (Authors, Contributors), whose kses
 * strips <picture> and <source> but keeps an <img>'s inline style, calc(), min() and max()
 * included: both layouts as <img>, each with a width that is zero on the other side of the
 * breakpoint (a width formula in 100vw stands in for the media query inline style cannot hold).
 * Each file turns dark by itself. The desktop image is hidden from assistive technology, so the
 * alt text is read once. Where inline style is stripped too, both images would show: not for
 * sanitize-html or Drupal.
 */
export function wordpressEmbedHtml(
  chartId: string,
  words: ChartWords,
  sizes: VariantSizes,
  baseUrl = "",
  writer: Writer = defaultWriter(),
): string {
  const url = (file: string) => escapeHtml(`${baseUrl}${file}`);
  const [mobile, desktop] = [variant("mobile"), variant("desktop")];
  const img = (v: Variant, width: string, extra: string) => {
    const size = sizes[v.name];
    return `  <img src="${url(svgName(chartId, v))}" width="${size.width}" height="${size.height}" ${extra} style="width:min(${size.width}px, 100%, ${width});height:auto;vertical-align:top" loading="lazy">`;
  };
  // Zero below (or above) the breakpoint, huge on the other side, where min() picks the real width.
  const below = `max(0px, (${MOBILE_MAX_WIDTH + 1}px - 100vw) * 10000)`;
  const above = `max(0px, (100vw - ${MOBILE_MAX_WIDTH}px) * 10000)`;
  return [
    OPEN(chartId, writer),
    img(mobile, below, `alt="${alt(words)}"`),
    img(desktop, above, `alt="" aria-hidden="true"`),
    caption(chartId, words, url, writer),
    "</div>",
    "",
  ].join("\n");
}

/** Each embed flavour's writer. */
export const EMBEDS: Record<
  EmbedFlavour,
  (chartId: string, words: ChartWords, sizes: VariantSizes, baseUrl?: string, writer?: Writer) => string
> = { picture: embedHtml, wordpress: wordpressEmbedHtml, drupal: drupalEmbedHtml };

/**
 * A <div>, not a <figure>: sanitize-html keeps <figure> but strips its style, and the browser's own
 * 40px side margins on a figure leave a 360px phone 280px, too narrow for the 340px mobile layout.
 * The caption is a <p> for the same reason (and Drupal keeps <p>, where it strips <figcaption>).
 */
const OPEN = (chartId: string, writer: Writer) =>
  `<div class="chart-embed" data-chart="${chartId}"${writer.lang ? ` lang="${escapeHtml(writer.lang)}"` : ""} style="margin:1.5em 0">`;

/** Lets the image shrink in a column narrower than its width attribute, never grow. */
const IMG_STYLE = "max-width:100%;height:auto;vertical-align:top";

/**
 * The page's social-card tags for the article that carries the chart: X.social.png as its
 * Open Graph image (1200 × 630, the large card of Facebook, LinkedIn and X), with the alt text.
 * Crawlers need an absolute address: build with --base-url for one.
 */
export function socialMeta(chartId: string, words: ChartWords, baseUrl = ""): string {
  return [
    `<meta property="og:image" content="${escapeHtml(`${baseUrl}${socialName(chartId)}`)}">`,
    `<meta property="og:image:width" content="${SOCIAL_SIZE.width}">`,
    `<meta property="og:image:height" content="${SOCIAL_SIZE.height}">`,
    `<meta property="og:image:alt" content="${alt(words)}">`,
    `<meta name="twitter:card" content="summary_large_image">`,
    "",
  ].join("\n");
}

const alt = (words: ChartWords) => escapeHtml(sanitizerProof(words.description));

/** The facts in words (the alt text) and the source, then the data: what stays if the image goes. */
function caption(chartId: string, words: ChartWords, url: (file: string) => string, writer: Writer): string {
  const text = escapeHtml(sanitizerProof(`${words.description} ${writer.sentence(words.source)}`));
  return `  <p style="font:14px/1.4 Helvetica,Arial,sans-serif">${text} <a href="${url(csvName(chartId))}" download>${escapeHtml(writer.phrase("embed.download"))}</a></p>`;
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
