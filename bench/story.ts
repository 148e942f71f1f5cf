import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * A generated story of `n` charts for the benchmark: three figures a chart, every figure quoted
 * from its own sentence of one article. Two charts in three are `bars` (arrests, injured, killed
 * in a district), the third a `period` (a three-day total and two of its days). Place names are
 * made of syllables, so no quote holds a number other than its figure's.
 */

const SYLLABLES = [
  "ka",
  "lo",
  "mir",
  "ta",
  "zan",
  "be",
  "ru",
  "sha",
  "dal",
  "pu",
  "ne",
  "gor",
  "vi",
  "sat",
  "ho",
  "qel",
];

/** The k-th place name: distinct for every k, letters only. */
export function placeName(k: number): string {
  let name = "";
  let rest = k;
  do {
    name += SYLLABLES[rest % SYLLABLES.length];
    rest = Math.floor(rest / SYLLABLES.length);
  } while (rest > 0);
  name += "abad";
  return name[0].toUpperCase() + name.slice(1);
}

const grouped = (n: number) => n.toLocaleString("en-US");

interface Row {
  id: string;
  metric: string;
  category: string;
  value: number;
  qualifier: string;
  start?: string;
  end?: string;
  attributed_to?: string;
  quote: string;
}

/** The arrests figure of chart k (the one a correction edits), as the article states it. */
export const arrestsOf = (k: number) => 300 + ((k * 37) % 900);

export function storyParts(n: number): { article: string; figures: Row[]; charts: object[] } {
  const sentences: string[] = [];
  const figures: Row[] = [];
  const charts: object[] = [];
  for (let k = 0; k < n; k++) {
    const place = placeName(k);
    const id = place.toLowerCase();
    const arrests = arrestsOf(k);
    if (k % 3 === 2) {
      const first = 100 + ((k * 13) % 200);
      const second = 100 + ((k * 29) % 200);
      const total = first + second + 50 + (k % 90);
      const rows: Row[] = [
        {
          id: `${id}_arrests`,
          metric: "arrests",
          category: `Arrests in ${place}`,
          value: total,
          qualifier: "exact",
          start: "2024-11-24",
          end: "2024-11-26",
          attributed_to: `the ${place} police`,
          quote: `The ${place} police said ${grouped(total)} people had been arrested from 24 to 26 November`,
        },
        {
          id: `${id}_day1`,
          metric: "arrests",
          category: `Arrests in ${place}`,
          value: first,
          qualifier: "exact",
          start: "2024-11-24",
          end: "2024-11-24",
          attributed_to: `the ${place} police`,
          quote: `On 24 November the ${place} police arrested ${grouped(first)} people`,
        },
        {
          id: `${id}_day2`,
          metric: "arrests",
          category: `Arrests in ${place}`,
          value: second,
          qualifier: "exact",
          start: "2024-11-25",
          end: "2024-11-25",
          attributed_to: `the ${place} police`,
          quote: `On 25 November the ${place} police arrested ${grouped(second)} people`,
        },
      ];
      for (const r of rows) {
        figures.push(r);
        sentences.push(`${r.quote}.`);
      }
      charts.push({
        id: `${id}-arrests-by-day`,
        kind: "period",
        title: `{${id}_arrests} people arrested in ${place}`,
        dek: `Arrests in ${place}, {${id}_arrests.period}`,
        figures: [`${id}_arrests`],
      });
    } else {
      const injured = 40 + ((k * 53) % 400);
      const killed = 2 + ((k * 7) % 30);
      const rows: Row[] = [
        {
          id: `${id}_arrests`,
          metric: "arrests",
          category: "Arrested",
          value: arrests,
          qualifier: "exact",
          quote: `Police in ${place} arrested ${grouped(arrests)} people`,
        },
        {
          id: `${id}_injured`,
          metric: "injured",
          category: "Injured",
          value: injured,
          qualifier: "more_than",
          quote: `More than ${grouped(injured)} people were injured in ${place}`,
        },
        {
          id: `${id}_killed`,
          metric: "killed",
          category: "Killed",
          value: killed,
          qualifier: "at_least",
          attributed_to: "the health ministry",
          quote: `The health ministry said at least ${grouped(killed)} people were killed in ${place}`,
        },
      ];
      for (const r of rows) {
        figures.push(r);
        sentences.push(`${r.quote}.`);
      }
      charts.push({
        id: `${id}-toll`,
        kind: "bars",
        title: `Arrests and casualties in ${place}`,
        dek: `{${id}_arrests} people were arrested in ${place} during the protests`,
        figures: [`${id}_arrests`, `${id}_injured`, `${id}_killed`],
      });
    }
  }
  // Paragraphs of a dozen sentences, as an article would run.
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length; i += 12) paragraphs.push(sentences.slice(i, i + 12).join(" "));
  return { article: `date 2024-11-27\n\n${paragraphs.join("\n\n")}\n`, figures, charts };
}

const COLUMNS = [
  "id",
  "metric",
  "category",
  "value",
  "qualifier",
  "unit",
  "start",
  "end",
  "attributed_to",
  "quote",
  "source",
  "restates",
];

const cell = (value: string | number | undefined) => {
  const text = String(value ?? "");
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** Writes the story of `n` charts into `dir` (created). */
export function writeStory(dir: string, n: number): void {
  const { article, figures, charts } = storyParts(n);
  mkdirSync(join(dir, "sources"), { recursive: true });
  writeFileSync(join(dir, "article.txt"), article);
  const rows = figures.map((f) =>
    COLUMNS.map((c) =>
      cell(c === "unit" ? "people" : c === "source" ? "article.txt" : (f as unknown as Record<string, string>)[c]),
    ).join(","),
  );
  writeFileSync(join(dir, "figures.csv"), `${COLUMNS.join(",")}\n${rows.join("\n")}\n`);
  writeFileSync(join(dir, "corrections.csv"), "date,id,field,from,to,reason\n");
  writeFileSync(
    join(dir, "charts.json"),
    `${JSON.stringify({ source: "Source: Protest report, {published}", credit: "Graphic: Data desk", charts }, null, 2)}\n`,
  );
}
