import { isCount, isPercent } from "../language/units.ts";

/**
 * What a figure's unit says it is. A count of people or things (unit blank, "people", "persons",
 * "individuals") can never be negative; a measure (degrees, %, kilometres) may be.
 */

/** A count of people, or of what the category names: blank counts too. */
export function isCountUnit(unit: string): boolean {
  return isCount(unit);
}

export function isPercentUnit(unit: string): boolean {
  return isPercent(unit);
}

/**
 * The spellings of one unit, as a quote or a fact sheet may write it: a row's unit must be the
 * quote's or one of these (acres is not hectares, mph is not km/h). The first is how the reader
 * reports it. The README lists them (Units).
 */
export const UNIT_SPELLINGS: readonly (readonly string[])[] = [
  ["%", "percent", "per cent", "pct", "pct."],
  ["percentage points", "percentage point", "points", "pp"],
  ["$", "dollars", "dollar"],
  ["US$", "usd", "us dollars"],
  ["£", "gbp", "pounds sterling"],
  ["€", "eur", "euros", "euro"],
  ["Rs", "rs.", "rupees", "rupee"],
  ["₹", "inr", "indian rupees"],
  ["PKR", "pakistani rupees"],
  ["LKR", "sri lankan rupees"],
  ["NPR", "nepalese rupees"],
  ["°C", "c", "degrees celsius", "degrees c", "celsius", "° c"],
  ["°F", "f", "degrees fahrenheit", "degrees f", "fahrenheit", "° f"],
  ["degrees", "degree", "°"],
  ["km/h", "kph", "kmh", "kilometres per hour", "kilometers per hour", "kilometres an hour", "kilometers an hour"],
  ["mph", "miles per hour", "miles an hour"],
  ["km", "kms", "kilometre", "kilometres", "kilometer", "kilometers"],
  ["miles", "mile", "mi"],
  ["m", "metre", "metres", "meter", "meters"],
  ["cm", "centimetre", "centimetres", "centimeter", "centimeters"],
  ["mm", "millimetre", "millimetres", "millimeter", "millimeters"],
  ["feet", "foot", "ft"],
  ["inches", "inch", "in"],
  ["sq km", "square kilometres", "square kilometers", "square kilometre", "square kilometer", "km2", "km²", "sq. km"],
  ["square miles", "square mile", "sq mi"],
  ["hectares", "hectare", "ha"],
  ["acres", "acre"],
  ["kg", "kilograms", "kilogram", "kilos", "kilo"],
  ["tonnes", "tonne", "metric tons"],
  ["tons", "ton"],
  ["litres", "litre", "liters", "liter", "l"],
  ["gallons", "gallon"],
  ["barrels", "barrel"],
  ["MW", "megawatts", "megawatt", "mw"],
  ["GW", "gigawatts", "gigawatt", "gw"],
  ["kWh", "kilowatt-hours", "kilowatt hours", "kwh"],
  ["knots", "knot", "kn"],
  ["hours", "hour", "hrs", "hr"],
  ["minutes", "minute", "mins", "min"],
  ["seconds", "second", "secs", "sec"],
  ["days", "day"],
  ["weeks", "week"],
  ["months", "month"],
  ["years", "year"],
];

const clean = (unit: string) => unit.trim().replace(/\s+/g, " ").toLowerCase();
const SPELLING = new Map<string, string>();
for (const spellings of UNIT_SPELLINGS) for (const s of spellings) SPELLING.set(s.toLowerCase(), spellings[0]);

/** The unit a spelling names ("kilometers" → "km"), or the spelling itself when no list has it. */
export function canonicalUnit(unit: string): string {
  const u = clean(unit);
  if (isCount(u)) return "";
  return SPELLING.get(u) ?? unit.trim().replace(/\s+/g, " ");
}

/** Whether a unit is one the reader reads from a quote: a measure, a currency or a percentage. */
export function isMeasureUnit(unit: string): boolean {
  return SPELLING.has(clean(unit));
}

/**
 * Units a quote may leave unspecific, and the specific ones a row may name for them: "degrees" is
 * °C or °F, "Rs" the rupee of the story's country, "$" any dollar.
 */
const FAMILIES: Record<string, string[]> = {
  degrees: ["°C", "°F"],
  Rs: ["₹", "PKR", "LKR", "NPR"],
  $: ["US$", "A$", "C$", "NZ$", "HK$", "S$"],
};

/** Whether two spellings name one unit: "kilometers" and "kilometres", blank and "people"; "degrees" and °C. */
export function sameUnit(a: string, b: string): boolean {
  const x = canonicalUnit(a);
  const y = canonicalUnit(b);
  return x === y || (FAMILIES[x]?.includes(y) ?? false) || (FAMILIES[y]?.includes(x) ?? false);
}

/** The spellings a unit may be written in, for messages: "km, kilometres, kilometers". */
export function spellingsOf(unit: string): string[] {
  const u = canonicalUnit(unit);
  const list = UNIT_SPELLINGS.find((spellings) => spellings[0] === u);
  return [...(list ?? [u]), ...(FAMILIES[u] ?? [])];
}
