import type { Problem } from "./problem.ts";

/**
 * Invisible characters that change the order in which text is shown. An override (U+202E) shows
 * 20,000 as "000,02"; a right-to-left mark between two numbers, or between digit groups, swaps
 * them ("20\u200F,000" shows "000,20"). Chart words never type numbers, but they sit next to the
 * numbers they reference, and labels sit next to bars: none of these may be in anything a chart
 * shows. Chart frames are set left to right; a right-to-left language needs none of them there.
 */
const CONTROLS: Record<string, string> = {
  "\u202A": "a left-to-right embedding",
  "\u202B": "a right-to-left embedding",
  "\u202C": "a pop directional formatting character",
  "\u202D": "a left-to-right override",
  "\u202E": "a right-to-left override",
  "\u2066": "a left-to-right isolate",
  "\u2067": "a right-to-left isolate",
  "\u2068": "a first-strong isolate",
  "\u2069": "a pop directional isolate",
  "\u200E": "a left-to-right mark",
  "\u200F": "a right-to-left mark",
  "\u061C": "an Arabic letter mark",
};
const FOUND = new RegExp(`[${Object.keys(CONTROLS).join("")}]`, "u");
/** Every one of them, for replacing: the notebook shows each as its code instead of letting it act. */
export const DIRECTION_CONTROLS = new RegExp(FOUND.source, "gu");

/** What direction control the text holds, described for a message ("a right-to-left override (U+202E)"), or undefined. */
export function directionControl(text: string): string | undefined {
  const found = FOUND.exec(text)?.[0];
  if (found === undefined) return undefined;
  return `${CONTROLS[found]} (U+${found.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")})`;
}

/** The message for a field that holds one. */
export function directionProblem(field: string, text: string): string | undefined {
  const control = directionControl(text);
  if (control === undefined) return undefined;
  return `${field} holds ${control}, an invisible character that reorders what the chart shows (a number can read backwards); delete it`;
}

/**
 * The lines of a story text (the article, a source) that hold one: the text as a reader sees it
 * shows a number in another order than the one the build reads and the chart draws (an override
 * around 954 shows 459). One problem a line, at the first such character.
 */
export function directionInText(file: string, text: string): Problem[] {
  if (!FOUND.test(text)) return [];
  const problems: Problem[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    const control = directionControl(line);
    if (control)
      problems.push({
        file,
        line: i + 1,
        message: `the text holds ${control}, an invisible character that reorders how the text shows (a number can read backwards: "954" shows as "459"); delete it`,
      });
  });
  return problems;
}
