/**
 * What a figure's unit says it is, for writing it: a count of people or things stands bare, a
 * percentage and money have their own forms, anything else is a measure written after its number.
 */

/** Units that count people, blank included: a figure with no unit counts what its category names. */
const PEOPLE = new Set(["", "people", "persons", "person", "individuals", "individual"]);
const PERCENT = new Set(["%", "percent", "per cent", "pct", "pct."]);

export function cleanUnit(unit: string): string {
  return unit.trim().replace(/\s+/g, " ");
}

/** A count of people, or of what the category names: shown as a bare number. */
export function isCount(unit: string): boolean {
  return PEOPLE.has(cleanUnit(unit).toLowerCase());
}

export function isPercent(unit: string): boolean {
  return PERCENT.has(cleanUnit(unit).toLowerCase());
}

/** Currency symbols and the abbreviations newsrooms write before amounts: "$", "US$", "£", "€", "Rs", "₹", "Tk". */
const CURRENCY = /^(?:\p{Sc}|[A-Z]{1,3}\p{Sc}|Rs\.?|Tk\.?|Rp|RM|R|Sh|KSh|CHF)$/u;

export function isCurrency(unit: string): boolean {
  return CURRENCY.test(cleanUnit(unit));
}

/** Rupees, which Indian English counts in lakh and crore (other currencies keep millions). */
export function isRupee(unit: string): boolean {
  return /^(?:Rs\.?|₹|INR|PKR|NPR|LKR)$/i.test(cleanUnit(unit));
}

/**
 * What a unit measures, for comparing figures: "people", "persons" and blank are one quantity;
 * "%", "percent" and "per cent" another; any other unit is itself, regardless of case.
 */
export function unitKey(unit: string): string {
  const u = cleanUnit(unit).toLowerCase();
  if (PEOPLE.has(u)) return "people";
  if (PERCENT.has(u)) return "%";
  return u;
}

/** "1 kilometre", not "1 kilometres": the common English plurals, read back. */
export function englishSingular(unit: string): string {
  const words = unit.split(" ");
  const last = words[words.length - 1];
  let one = last;
  if (/[^aeiou]ies$/i.test(last)) one = last.slice(0, -3) + "y";
  else if (/(?:ch|sh|x|ss|z)es$/i.test(last)) one = last.slice(0, -2);
  else if (/[^su]s$/i.test(last) && last.length > 3) one = last.slice(0, -1);
  return [...words.slice(0, -1), one].join(" ");
}

/**
 * Kilometres in one of each distance unit a figure may carry, as a desk writes it in each shipped
 * language (the unit is the desk's word: "kilomètres", "kilómetros", "किलोमीटर"): a locator draws
 * a distance figure as a circle of that radius.
 */
const KILOMETRES_IN = new Map<string, number>(
  Object.entries({
    km: 1,
    kilometre: 1,
    kilometres: 1,
    kilometer: 1,
    kilometers: 1,
    kilomètre: 1,
    kilomètres: 1,
    kilómetro: 1,
    kilómetros: 1,
    किमी: 1,
    किलोमीटर: 1,
    m: 0.001,
    metre: 0.001,
    metres: 0.001,
    meter: 0.001,
    meters: 0.001,
    mètre: 0.001,
    mètres: 0.001,
    metro: 0.001,
    metros: 0.001,
    मीटर: 0.001,
    mi: 1.609344,
    mile: 1.609344,
    miles: 1.609344,
    milla: 1.609344,
    millas: 1.609344,
    मील: 1.609344,
  }),
);

/** Kilometres in one `unit` ("kilometres", "km", "miles", "मीटर"), or undefined for a unit that is no distance. */
export function kilometresIn(unit: string): number | undefined {
  return KILOMETRES_IN.get(cleanUnit(unit).toLowerCase());
}
