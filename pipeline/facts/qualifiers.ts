/** How precisely a source states a figure: the word travels from the sentence to the chart. */
export const QUALIFIERS = ["exact", "about", "nearly", "at_least", "more_than", "up_to"] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

export function isQualifier(word: string): word is Qualifier {
  return (QUALIFIERS as readonly string[]).includes(word);
}

/**
 * The words a sentence puts before a number, and the qualifier each means. Longest first, so "no
 * more than" is not read as "more than". A null qualifier marks words no qualifier expresses
 * ("fewer than 100" is not "up to 100"): such a number cannot be charted as stated, nor as exact.
 */
export const QUALIFIER_WORDS: readonly (readonly [string, Qualifier | null])[] = (
  [
    ["no fewer than", "at_least"],
    ["no less than", "at_least"],
    ["not less than", "at_least"],
    ["a minimum of", "at_least"],
    ["at least", "at_least"],
    ["no more than", "up_to"],
    ["not more than", "up_to"],
    ["a maximum of", "up_to"],
    ["as many as", "up_to"],
    ["as much as", "up_to"],
    ["as high as", "up_to"],
    ["as large as", "up_to"],
    ["as big as", "up_to"],
    ["as deep as", "up_to"],
    ["as long as", "up_to"],
    ["at most", "up_to"],
    ["up to", "up_to"],
    ["in excess of", "more_than"],
    ["upwards of", "more_than"],
    ["upward of", "more_than"],
    ["more than", "more_than"],
    ["within", "up_to"],
    ["approaching", "nearly"],
    ["over", "more_than"],
    ["just short of", "nearly"],
    ["just under", "nearly"],
    ["close to", "nearly"],
    ["nearly", "nearly"],
    ["almost", "nearly"],
    ["an estimated", "about"],
    ["approximately", "about"],
    ["roughly", "about"],
    ["around", "about"],
    ["about", "about"],
    ["some", "about"],
    ["circa", "about"],
    ["fewer than", null],
    ["less than", null],
    ["under", null],
    ["below", null],
    ["above", "more_than"],
  ] as [string, Qualifier | null][]
).sort((a, b) => b[0].length - a[0].length);

/** Words after a number: "10,000 or more", "1,000-plus". */
export const QUALIFIER_AFTER: readonly (readonly [string, Qualifier | null])[] = [
  ["or more", "at_least"],
  ["or so", "about"],
  ["or fewer", null],
  ["or less", null],
  ["at most", "up_to"],
  ["at least", "at_least"],
];

/** Signs typed straight before a number: "~500", ">300", "≥ 20", "c. 1,000". "<" has no qualifier. */
export const QUALIFIER_SIGNS: readonly (readonly [RegExp, Qualifier | null])[] = [
  [/(?:[~≈∼]|(?<![\p{L}\p{N}])c\.|(?<![\p{L}\p{N}])ca\.)\s*$/u, "about"],
  [/≥\s*$|>=\s*$/u, "at_least"],
  [/(?<![-=])>\s*$/u, "more_than"],
  [/≤\s*$|<=\s*$/u, "up_to"],
  [/<\s*$/u, null],
];

/**
 * Spreadsheet users type "at least", "At-Least" or the article's own word ("over", "almost"): each
 * means the qualifier a quote with that word states.
 */
export function parseQualifier(cell: string): Qualifier | undefined {
  const words = cell
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, " ");
  const name = words.replace(/ /g, "_");
  if (isQualifier(name)) return name;
  if (words === "exactly") return "exact";
  return QUALIFIER_WORDS.find(([phrase]) => phrase === words)?.[1] ?? undefined;
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
