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
