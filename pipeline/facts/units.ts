/**
 * What a figure's unit says it is. A count of people or things (unit blank, "people", "persons",
 * "individuals") can never be negative; a measure (degrees, %, kilometres) may be.
 */
const PEOPLE = new Set(["", "people", "persons", "person", "individuals", "individual"]);
const PERCENT = new Set(["%", "percent", "per cent", "pct", "pct."]);

const clean = (unit: string) => unit.trim().replace(/\s+/g, " ").toLowerCase();

/** A count of people, or of what the category names: blank counts too. */
export function isCountUnit(unit: string): boolean {
  return PEOPLE.has(clean(unit));
}

export function isPercentUnit(unit: string): boolean {
  return PERCENT.has(clean(unit));
}
