import type { Figure } from "../pipeline/facts/figure.ts";

/**
 * "Figures as reported by the government." — who stands behind the numbers, from the data.
 * `labelOf` names a figure in the note where several attributions share a chart.
 */
export function attributionNote(
  figures: Figure[],
  labelOf: (f: Figure) => string = (f) => f.category || f.metric,
): string | undefined {
  const groups = new Map<string, string[]>();
  for (const f of figures) {
    if (!f.attributed_to) continue;
    const labels = groups.get(f.attributed_to) ?? [];
    if (!labels.includes(labelOf(f))) labels.push(labelOf(f));
    groups.set(f.attributed_to, labels);
  }
  if (groups.size === 0) return undefined;
  const everyFigure = figures.every((f) => f.attributed_to);
  if (groups.size === 1 && everyFigure) return `Figures as reported by ${lowerArticle([...groups.keys()][0])}.`;
  return [...groups].map(([who, labels]) => `${listWords(labels)}: as reported by ${lowerArticle(who)}.`).join(" ");
}

/** "The government" reads "the government" mid-sentence; names stay as written. */
function lowerArticle(who: string): string {
  return who.replace(/^The\s/, "the ");
}

export function listWords(items: string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
