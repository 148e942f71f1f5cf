import type { Figure } from "../pipeline/figure.ts";

/** "Figures as reported by the government." — who stands behind the numbers, from the data. */
export function attributionNote(figures: Figure[]): string | undefined {
  const groups = new Map<string, string[]>();
  for (const f of figures) {
    if (!f.attributed_to) continue;
    const labels = groups.get(f.attributed_to) ?? [];
    labels.push(f.category || f.metric);
    groups.set(f.attributed_to, labels);
  }
  if (groups.size === 0) return undefined;
  const all = [...groups.values()].reduce((n, l) => n + l.length, 0) === figures.length;
  if (groups.size === 1 && all) return `Figures as reported by ${lowerArticle([...groups.keys()][0])}.`;
  return [...groups].map(([who, labels]) => `${labels.join(" and ")} as reported by ${lowerArticle(who)}.`).join(" ");
}

/** "The government" reads "the government" mid-sentence; names stay as written. */
function lowerArticle(who: string): string {
  return who.replace(/^The\s/, "the ");
}
