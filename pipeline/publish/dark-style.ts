/**
 * A light chart that turns dark by itself. An SVG shown through <img> is never touched by a CMS
 * sanitizer, and media queries inside it see the reader's prefers-color-scheme, so one file can
 * serve both themes where a CMS strips <picture>. The light colours stay as presentation
 * attributes (what a reader gets wherever the <style> is stripped, or in a renderer without
 * CSS); the style sheet, inside @media (prefers-color-scheme: dark), sets the colours of the
 * dark twin drawn from the same words and data.
 */

/** Attributes that carry a theme colour. */
const PAINT = ["fill", "stroke", "stop-color", "flood-color"] as const;

/**
 * Adds to `light` a <style> that repaints it as `dark` under prefers-color-scheme: dark. The two
 * must be the same drawing in two themes: same elements, same geometry, only colours differ;
 * anything else is a bug in a chart kind, so it throws rather than ship a chart that would change
 * shape with the reader's colour scheme. Class names start with `prefix`, which is unique per
 * chart and variant: inline in a page, the style sheet is the page's, and must touch nothing else.
 */
export function darkStyle(light: SVGSVGElement, dark: SVGSVGElement, prefix: string): void {
  const classes = new Map<string, string>();
  const walk = (l: Element, d: Element, path: string) => {
    if (l.tagName !== d.tagName || l.children.length !== d.children.length)
      throw new Error(`the dark variant is not the light one recoloured: ${path} differs`);
    const names = new Set([...l.getAttributeNames(), ...d.getAttributeNames()]);
    const added: string[] = [];
    for (const name of [...names].sort()) {
      const [lv, dv] = [l.getAttribute(name), d.getAttribute(name)];
      if (lv === dv) continue;
      if (!(PAINT as readonly string[]).includes(name) || lv === null || dv === null)
        throw new Error(`the dark variant is not the light one recoloured: ${name} on ${path} differs`);
      const rule = `${name}:${dv}`;
      if (!classes.has(rule)) classes.set(rule, `${prefix}${classes.size}`);
      added.push(classes.get(rule)!);
    }
    if (added.length) l.setAttribute("class", added.join(" "));
    if (l.children.length === 0 && l.textContent !== d.textContent)
      throw new Error(`the dark variant is not the light one recoloured: the text of ${path} differs`);
    for (let i = 0; i < l.children.length; i++)
      walk(l.children[i], d.children[i], `${path} > ${l.children[i].tagName}`);
  };
  walk(light, dark, "svg");
  if (classes.size === 0) return;
  const rules = [...classes].map(([rule, name]) => `.${name}{${rule}}`).join("");
  const style = light.ownerDocument.createElementNS("http://www.w3.org/2000/svg", "style");
  style.textContent = `@media (prefers-color-scheme:dark){${rules}}`;
  // After <title> and <desc>: they stay the first children, where assistive technology looks.
  const desc = light.querySelector(":scope > desc");
  light.insertBefore(style, desc ? desc.nextSibling : light.firstChild);
}
