/** How precisely a source states a figure: the word travels from the sentence to the chart. */
export const QUALIFIERS = ["exact", "about", "nearly", "at_least", "more_than", "up_to"] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

export function isQualifier(word: string): word is Qualifier {
  return (QUALIFIERS as readonly string[]).includes(word);
}

/** Spreadsheet users type "at least" or "At-Least"; all mean at_least. */
export function parseQualifier(cell: string): Qualifier | undefined {
  const word = cell.trim().toLowerCase().replace(/[\s-]+/g, "_");
  return isQualifier(word) ? word : undefined;
}

/** What a reader sees before the number: "more than 10,000". Exact figures carry no word. */
export const QUALIFIER_PHRASE: Record<Qualifier, string> = {
  exact: "",
  about: "about",
  nearly: "nearly",
  at_least: "at least",
  more_than: "more than",
  up_to: "up to",
};

/**
 * The bounds a qualifier implies. "More than 10,000" is open above and bounded below by 10,000
 * (exclusive); "nearly 1,000" is bounded above; "about" promises neither bound.
 */
export function bounds(value: number, qualifier: Qualifier): { low: number | null; high: number | null } {
  switch (qualifier) {
    case "exact":
      return { low: value, high: value };
    case "at_least":
    case "more_than":
      return { low: value, high: null };
    case "nearly":
    case "up_to":
      return { low: null, high: value };
    case "about":
      return { low: null, high: null };
  }
}

/** Figures whose true value may lie above the stated number: the chart marks the bar as open-ended. */
export function isOpenAbove(qualifier: Qualifier): boolean {
  return qualifier === "at_least" || qualifier === "more_than";
}
