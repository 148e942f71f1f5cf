/**
 * What a sanitizer does to the SVG files themselves, as a CMS that takes SVG uploads or inline SVG
 * runs it: DOMPurify (HTML+SVG, and its SVG-only profile) and the allowlists of WordPress's
 * "Safe SVG" plugin (enshrined/svg-sanitize), ported here. Every chart file must come through with
 * nothing removed. (What each CMS's sanitizer leaves of the embeds, and what a reader then sees,
 * is tests/cms.test.ts.)
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import createDOMPurify from "dompurify";
import { JSDOM } from "jsdom";
import { beforeAll, describe, expect, it } from "vitest";
import { useBuiltStory } from "./helpers/story.ts";
import { parseSvg } from "./helpers/svg.ts";
import { EMBED_FLAVOURS } from "../pipeline/words/output-names.ts";

// enshrined/svg-sanitize src/data/AllowedTags.php and AllowedAttributes.php, as vendored by Safe SVG
// (10up/safe-svg lib/vendor/enshrined/svg-sanitize); its Sanitizer also keeps aria-* and data-*.
const SAFE_SVG_TAGS = new Set(
  `a abbr acronym address area article aside audio b bdi bdo big blink blockquote body br button canvas caption center cite code col
  colgroup content data datalist dd decorator del details dfn dir div dl dt element em fieldset figcaption figure font footer form h1 h2
  h3 h4 h5 h6 head header hgroup hr html i img input ins kbd label legend li main map mark marquee menu menuitem meter nav nobr ol optgroup
  option output p pre progress q rp rt ruby s samp section select shadow small source spacer span strike strong style sub summary sup
  table tbody td template textarea tfoot th thead time tr track tt u ul var video wbr
  svg altglyph altglyphdef altglyphitem animatecolor animatemotion animatetransform circle clippath defs desc ellipse filter font g glyph
  glyphref hkern image line lineargradient marker mask metadata mpath path pattern polygon polyline radialgradient rect stop switch symbol
  text textpath title tref tspan view vkern use
  feblend fecolormatrix fecomponenttransfer fecomposite feconvolvematrix fediffuselighting fedisplacementmap feflood fefunca fefuncb
  fefuncg fefuncr fegaussianblur femerge femergenode femorphology feoffset fespecularlighting fetile feturbulence`.split(
    /\s+/,
  ),
);
const SAFE_SVG_ATTRIBUTES = new Set(
  `accept action align alt autocomplete background bgcolor border cellpadding cellspacing checked cite class clear color cols colspan
  coords crossorigin datetime default dir disabled download enctype face for headers height hidden high href hreflang id integrity ismap
  label lang list loop low max maxlength media method min multiple name noshade novalidate nowrap open optimum pattern placeholder poster
  preload pubdate radiogroup readonly rel required rev reversed role rows rowspan spellcheck scope selected shape size sizes span srclang
  start src srcset step style summary tabindex title type usemap valign value width xmlns
  accent-height accumulate additivive alignment-baseline ascent attributename attributetype azimuth basefrequency baseline-shift begin
  bias by clip clip-path clip-rule color-interpolation color-interpolation-filters color-profile color-rendering cx cy d dx dy
  diffuseconstant direction display divisor dur edgemode elevation end fill fill-opacity fill-rule filter flood-color flood-opacity
  font-family font-size font-size-adjust font-stretch font-style font-variant font-weight fx fy g1 g2 glyph-name glyphref gradientunits
  gradienttransform image-rendering in in2 k k1 k2 k3 k4 kerning keypoints keysplines keytimes lengthadjust letter-spacing kernelmatrix
  kernelunitlength lighting-color local marker-end marker-mid marker-start markerheight markerunits markerwidth maskcontentunits
  maskunits mask mode numoctaves offset operator opacity order orient orientation origin overflow paint-order path pathlength
  patterncontentunits patterntransform patternunits points preservealpha preserveaspectratio r rx ry radius refx refy repeatcount
  repeatdur restart result rotate scale seed shape-rendering slope specularconstant specularexponent spreadmethod stddeviation
  stitchtiles stop-color stop-opacity stroke-dasharray stroke-dashoffset stroke-linecap stroke-linejoin stroke-miterlimit stroke-opacity
  stroke stroke-width surfacescale targetx targety transform text-anchor text-decoration text-rendering textlength u1 u2 unicode values
  viewbox visibility vert-adv-y vert-origin-x vert-origin-y word-spacing wrap writing-mode xchannelselector ychannelselector x x1 x2 y y1
  y2 z zoomandpan xlink:href xml:id xlink:title xml:space xmlns:xlink`.split(/\s+/),
);

/** Safe SVG's sanitizer, as it treats an uploaded file: what it would remove, as readable strings. */
function safeSvgRemovals(svg: string): string[] {
  const removed: string[] = [];
  const doc = parseSvg(svg);
  const safeHref = (v: string) =>
    v === "" || /^(#|\/|https?:\/\/|data:image\/(png|gif|jpe?g|pjp)|data:img\/(png|gif|jpe?g|pjp))/i.test(v);
  const remote = (v: string) => {
    const m = /^url\(\s*['"]?\s*(.*?)\s*['"]?\s*\)$/i.exec(v.replace(/[^ -~]/g, "").trim());
    return Boolean(m && /^((https?|ftp|file):)?\/\//i.test(m[1]));
  };
  for (const el of Array.from(doc.getElementsByTagName("*"))) {
    const tag = el.tagName.toLowerCase();
    if (!SAFE_SVG_TAGS.has(tag)) {
      removed.push(`<${tag}>`);
      continue;
    }
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (!SAFE_SVG_ATTRIBUTES.has(name) && !name.startsWith("aria-") && !name.startsWith("data-"))
        removed.push(`${name} on <${tag}>`);
      if (name.includes("href") && !safeHref(attr.value)) removed.push(`${name}="${attr.value}" on <${tag}>`);
      if (remote(attr.value)) removed.push(`remote reference ${name}="${attr.value}" on <${tag}>`);
    }
  }
  return removed;
}

const { window } = new JSDOM("");
const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);

/** DOMPurify's verdict: what it removed, as readable strings. */
function purifyRemovals(
  markup: string,
  config: Parameters<typeof purify.sanitize>[1] = {},
): { removed: string[]; clean: string } {
  const clean = purify.sanitize(markup, { ...config, RETURN_TRUSTED_TYPE: false }) as string;
  const removed = purify.removed.map((r) =>
    "attribute" in r && r.attribute
      ? `${r.attribute.name} on <${(r.from as Element).tagName.toLowerCase()}>`
      : `<${(r as { element: Node }).element.nodeName.toLowerCase()}>`,
  );
  // Parsing a lone <svg> as HTML wraps it in a <body> that the SVG profile does not allow: DOMPurify
  // lists that wrapper as removed, though nothing of the markup is lost.
  return { removed: removed.filter((r) => r !== "<body>"), clean };
}

/** Elements, attributes and text in order: two trees read the same if these match. */
function canonical(root: Element): string[] {
  const out: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 1) {
      const el = node as Element;
      const attrs = Array.from(el.attributes)
        .map((a) => `${a.name}=${a.value}`)
        .sort();
      out.push(`<${el.tagName.toLowerCase()} ${attrs.join(" ")}>`);
      el.childNodes.forEach(walk);
    } else if (node.nodeType === 3 && node.textContent!.trim()) out.push(node.textContent!);
  };
  walk(root);
  return out;
}

function htmlRoot(markup: string, selector: string): Element {
  const doc = new JSDOM(`<!DOCTYPE html><body>${markup}</body>`).window.document;
  return doc.querySelector(selector)!;
}

const built = useBuiltStory();
let out: string;
let svgs: string[];
let embeds: string[];

beforeAll(() => {
  out = built.out;
  const names = readdirSync(out);
  svgs = names.filter((n) => n.endsWith(".svg")).sort();
  embeds = names.filter((n) => n.endsWith(".embed.html")).sort();
});

describe("sanitizers leave the output intact", () => {
  it("builds four SVGs and every embed flavour per chart to check", () => {
    expect(svgs.length).toBeGreaterThanOrEqual(12);
    expect(svgs.length).toBe((embeds.length / EMBED_FLAVOURS.length) * 4);
  });

  it("DOMPurify (HTML+SVG, as a CMS cleans article HTML) removes nothing from any SVG, inline", () => {
    for (const name of svgs) {
      const svg = readFileSync(join(out, name), "utf8");
      const { removed, clean } = purifyRemovals(svg);
      expect(removed, name).toEqual([]);
      expect(canonical(htmlRoot(clean, "svg")), name).toEqual(canonical(htmlRoot(svg, "svg")));
    }
  });

  it("DOMPurify's SVG-only profile removes nothing but role (absent from that profile's allowlist); the accessible name survives", () => {
    for (const name of svgs) {
      const svg = readFileSync(join(out, name), "utf8");
      const { removed, clean } = purifyRemovals(svg, { USE_PROFILES: { svg: true, svgFilters: true } });
      expect(removed, name).toEqual(["role on <svg>"]);
      const before = canonical(htmlRoot(svg, "svg"));
      before[0] = before[0].replace(/ role=img/, "");
      expect(canonical(htmlRoot(clean, "svg")), name).toEqual(before);
      const root = htmlRoot(clean, "svg");
      const [titleId, descId] = root.getAttribute("aria-labelledby")!.split(" ");
      expect(root.querySelector(`[id="${titleId}"]`)?.tagName.toLowerCase()).toBe("title");
      expect(root.querySelector(`[id="${descId}"]`)?.tagName.toLowerCase()).toBe("desc");
    }
  });

  it("Safe SVG's allowlists (WordPress) remove nothing from any SVG", () => {
    for (const name of svgs) expect(safeSvgRemovals(readFileSync(join(out, name), "utf8")), name).toEqual([]);
  });

  it("the ported Safe SVG check does catch what Safe SVG removes", () => {
    const svg = readFileSync(join(out, svgs[0]), "utf8");
    const tampered = svg
      .replace("<title", '<script>alert(1)</script><foreignObject width="1" height="1"/><title')
      .replace(/<rect /, '<rect onclick="x()" class="bg" filter="url(https://example.com/f.svg#a)" ')
      .replace(/<text /, '<text dominant-baseline="middle" ');
    expect(safeSvgRemovals(tampered)).toEqual(
      expect.arrayContaining([
        "<script>",
        "<foreignobject>",
        "onclick on <rect>",
        "dominant-baseline on <text>",
        'remote reference filter="url(https://example.com/f.svg#a)" on <rect>',
      ]),
    );
    expect(purifyRemovals(tampered).removed).toEqual(expect.arrayContaining(["<script>", "onclick on <rect>"]));
  });

  it("DOMPurify removes nothing from any embed snippet, in any flavour", () => {
    for (const name of embeds) {
      const html = readFileSync(join(out, name), "utf8");
      const { removed, clean } = purifyRemovals(html);
      expect(removed, name).toEqual([]);
      expect(canonical(htmlRoot(clean, "div")), name).toEqual(canonical(htmlRoot(html, "div")));
    }
  });

  it("holds nothing a sanitizer or a CMS strips: no script, handlers, foreignObject, links or fonts to fetch; style only as a light chart's dark colours", () => {
    for (const name of [...svgs, ...embeds]) {
      const text = readFileSync(join(out, name), "utf8");
      expect(text, name).not.toMatch(
        /<script|<foreignObject|<iframe|<object|<embed|<link|<image|<use\b|@import|@font-face|<!DOCTYPE|<!ENTITY|<\?xml-stylesheet/i,
      );
      // The one style sheet: a light SVG's colours for prefers-color-scheme: dark, nothing else.
      for (const sheet of text.match(/<style[^>]*>[^<]*<\/style>/g) ?? [])
        expect(sheet, name).toMatch(
          /^<style>@media \(prefers-color-scheme:dark\)\{(\.[a-z0-9-]+\{(fill|stroke):#[0-9a-f]{6}\})+\}<\/style>$/,
        );
      expect((text.match(/<style/g) ?? []).length, name).toBe(/-dark\.svg$|\.html$/.test(name) ? 0 : 1);
      expect(text, name).not.toMatch(/\son[a-z]+\s*=/i);
      expect(text.replace(/ xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, ""), name).not.toMatch(
        /javascript:|url\(|https?:\/\/|\/\/[a-z]/i,
      );
    }
    for (const name of svgs) {
      const doc = parseSvg(readFileSync(join(out, name), "utf8"));
      const all = [doc.documentElement, ...Array.from(doc.documentElement.querySelectorAll("*"))];
      // Classes only name the dark colours (a dark file has none); no style attribute anywhere.
      const sheet = doc.querySelector("style")?.textContent ?? "";
      expect(
        all
          .filter(
            (e) =>
              e.hasAttribute("style") ||
              (e.getAttribute("class") ?? "").split(" ").some((c) => c && !sheet.includes(`.${c}{`)),
          )
          .map((e) => e.tagName),
        name,
      ).toEqual([]);
      expect(
        all.filter((e) => e.hasAttribute("href") || e.hasAttributeNS("http://www.w3.org/1999/xlink", "href")),
        name,
      ).toEqual([]);
    }
  });
});
