import { createRequire } from "node:module";

/**
 * Countries' names in a chart's language. Natural Earth (world-atlas) names its countries in
 * English and ids them by ISO 3166-1 numeric code ("586"); Intl names regions by their alpha-2
 * code ("PK" → "Pakistan", "पाकिस्तान"), from the CLDR data of Node's full ICU. The numeric code is
 * turned into the alpha-2 one by i18n-iso-countries (its code table only: no names are loaded).
 */
const require = createRequire(import.meta.url);
const iso = require("i18n-iso-countries/index") as { numericToAlpha2(code: string | number): string | undefined };

/** Natural Earth's countries with no ISO numeric code that CLDR still names by a code of its own. */
const UNNUMBERED: Record<string, string> = { Kosovo: "XK" };

const names = new Map<string, Intl.DisplayNames>();

/** The region's name in `locale`, or undefined where neither code is known or Intl has no name for it. */
export function regionName(locale: string, numeric: string | undefined, naturalEarth: string): string | undefined {
  const alpha2 = numeric ? iso.numericToAlpha2(numeric) : UNNUMBERED[naturalEarth];
  if (!alpha2) return undefined;
  let display = names.get(locale);
  if (!display) {
    display = new Intl.DisplayNames([locale], { type: "region", fallback: "none" });
    names.set(locale, display);
  }
  return display.of(alpha2);
}
