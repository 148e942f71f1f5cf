import type { Figure } from "../pipeline/facts/figure.ts";
import { defaultWriter, type Writer } from "../pipeline/language/writer.ts";

/**
 * Who stands behind the numbers, from the data: "Figures as reported by the interior ministry." when
 * one source gives every figure; otherwise each figure by its name, grouped by who gives it: "People
 * arrested for Tue 27 Jun – Sun 2 Jul 2023 and people arrested on Fri 30 Jun as reported by the
 * interior ministry; people arrested on Sat 1 Jul as reported by officials." Names come from the
 * chart (charts/names.ts), so a total and a day are never run together as one label.
 */
export function attributionNote(
  figures: Figure[],
  names: Record<string, string>,
  writer: Writer = defaultWriter(),
): string | undefined {
  const groups = new Map<string, Set<string>>();
  for (const f of figures) {
    if (!f.attributed_to) continue;
    const who = f.attributed_to.trim();
    groups.set(who, (groups.get(who) ?? new Set<string>()).add(names[f.id] ?? f.id));
  }
  if (groups.size === 0) return undefined;
  const everyFigure = figures.every((f) => f.attributed_to);
  if (groups.size === 1 && everyFigure)
    return writer.phrase("attribution.all", { who: writer.lowerArticle([...groups.keys()][0]) });
  const parts = [...groups].map(([who, list]) =>
    writer.phrase("attribution.some", { figures: writer.list([...list]), who: writer.lowerArticle(who) }),
  );
  return writer.sentence(writer.capitalize(parts.join(writer.phrase("separator.clauses"))));
}

/** "a, b and c" in English, for messages. */
export function listWords(items: string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
