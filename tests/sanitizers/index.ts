/**
 * The sanitizers newsrooms' CMSs run over pasted HTML, each as itself where it can be run here:
 * WordPress's kses (Debian's `wordpress` package, under php-cli), Drupal's Basic HTML text format
 * (its filters reimplemented in drupal-basic-html.php from the standard profile's configuration),
 * sanitize-html and DOMPurify (npm). Each takes a batch of pastes and returns what the CMS stores.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import createDOMPurify from "dompurify";
import { JSDOM } from "jsdom";
import sanitizeHtml from "sanitize-html";
import { IN_CI } from "../browser-harness.ts";

export const PHP = process.env.PHP_PATH ?? "/usr/bin/php";
export const WORDPRESS = process.env.WORDPRESS_DIR ?? "/usr/share/wordpress";
const HAVE_PHP = existsSync(PHP) && existsSync(join(WORDPRESS, "wp-includes/kses.php"));
/** As with Chromium: run where PHP and WordPress are installed; under CI always, failing if they are not. */
export const RUN_PHP_SANITIZERS = HAVE_PHP || IN_CI;

export interface Sanitizer {
  /** Short name, as in the README's table. */
  name: string;
  /** Who gets it: the CMS, the setting or the role. */
  who: string;
  run(pastes: string[]): string[];
}

function php(script: string, input: unknown): unknown {
  if (!HAVE_PHP)
    throw new Error(
      `php-cli or WordPress not found (${PHP}, ${WORDPRESS}); CI installs them: apt-get install --no-install-recommends php-cli php-xml wordpress`,
    );
  const result = spawnSync(PHP, [join(import.meta.dirname, script)], {
    input: JSON.stringify(input),
    encoding: "utf8",
    env: { ...process.env, WORDPRESS_DIR: WORDPRESS },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`${script} failed (${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout);
}

/** WordPress's version, as its own version.php states it. */
export function wordpressVersion(): string {
  return (php("wp-kses.php", { inputs: [] }) as { version: string }).version;
}

const { window } = new JSDOM("");
const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
const dompurify = (config: Parameters<typeof purify.sanitize>[1]) => (pastes: string[]) =>
  pastes.map((p) => purify.sanitize(p, { ...config, RETURN_TRUSTED_TYPE: false }) as string);

/** A newsroom's usual sanitize-html options: the defaults, plus images and <picture>. */
export const SANITIZE_HTML_NEWSROOM: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags, "img", "picture", "source"],
};
/** The same, with the attributes <source> needs to choose a file (the README's advice). */
export const SANITIZE_HTML_WITH_SOURCES: sanitizeHtml.IOptions = {
  ...SANITIZE_HTML_NEWSROOM,
  allowedAttributes: { ...sanitizeHtml.defaults.allowedAttributes, source: ["srcset", "media", "width", "height"] },
};

/**
 * Every sanitizer, in the README table's order. `docroot` is the folder the Drupal site serves at
 * "/": Basic HTML keeps an image only if its src is a path on the site naming a raster file there.
 */
export function sanitizers(docroot: string): Sanitizer[] {
  return [
    {
      name: "none",
      who: "WordPress Editors and Administrators (`unfiltered_html`); Drupal's Full HTML",
      run: (pastes) => pastes,
    },
    {
      name: "WordPress kses",
      who: "WordPress Authors and Contributors (`wp_kses_post`)",
      run: (pastes) => (php("wp-kses.php", { inputs: pastes }) as { results: string[] }).results,
    },
    {
      name: "WordPress kses + picture",
      who: "the same, with the `wp_kses_allowed_html` filter above",
      run: (pastes) => (php("wp-kses.php", { inputs: pastes, allowPicture: true }) as { results: string[] }).results,
    },
    {
      name: "Drupal Basic HTML",
      who: "Drupal's standard Basic HTML text format",
      run: (pastes) => php("drupal-basic-html.php", { docroot, inputs: pastes }) as string[],
    },
    {
      name: "Drupal Basic HTML + picture",
      who: "the same, allowing `<picture>` and `<source>`, images not restricted to the site",
      run: (pastes) => php("drupal-basic-html.php", { docroot, inputs: pastes, allowPicture: true }) as string[],
    },
    {
      name: "sanitize-html",
      who: "sanitize-html, its defaults plus `img`, `picture`, `source`",
      run: (pastes) => pastes.map((p) => sanitizeHtml(p, SANITIZE_HTML_NEWSROOM)),
    },
    {
      name: "sanitize-html + source attributes",
      who: "the same, allowing `srcset`, `media`, `width`, `height` on `<source>`",
      run: (pastes) => pastes.map((p) => sanitizeHtml(p, SANITIZE_HTML_WITH_SOURCES)),
    },
    { name: "DOMPurify", who: "DOMPurify's defaults (HTML and SVG)", run: dompurify({}) },
    {
      name: "DOMPurify SVG profile",
      who: "DOMPurify with `USE_PROFILES: { svg, svgFilters }` (as for SVG uploads)",
      run: dompurify({ USE_PROFILES: { svg: true, svgFilters: true } }),
    },
  ];
}
