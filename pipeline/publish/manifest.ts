import type { UnrecordedNumber } from "../facts/coverage.ts";
import type { Correction } from "../facts/figure.ts";
import type { VariantSizes } from "../words/output-names.ts";

export { MANIFEST } from "../words/output-names.ts";

export interface ChartRecord {
  kind: string;
  /** Every figure the chart draws or cites, including related rows the kind pulled in. */
  figures: string[];
  sources: string[];
  corrections: Omit<Correction, "line">[];
  /** Changes when anything the chart's pixels depend on changes: its words, data or drawing code. */
  fingerprint: string;
  variants: VariantSizes;
  files: string[];
}

/** output/manifest.json: what was built from what. Deterministic: no times, no paths. */
export interface Manifest {
  /**
   * The story folder the output was built from, as a path from the output folder ("../data"): a
   * build of another story does not replace it. Absent in an output built before it was recorded.
   */
  storyFolder?: string;
  published: string;
  files: Record<string, { sha256: string; bytes: number }>;
  charts: Record<string, ChartRecord>;
  corrections: Omit<Correction, "line">[];
  /** Figures the article and sources state that figures.csv does not record (npm run figures lists them). */
  unrecorded: UnrecordedNumber[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isSize = (value: unknown) =>
  isRecord(value) && typeof value.width === "number" && typeof value.height === "number";

/**
 * Why a parsed manifest.json is not one this tool wrote (another tool's, or edited out of shape),
 * or undefined if it is. A build only replaces a folder it made, and reuses nothing from one it
 * did not.
 */
export function manifestProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return "it is not a JSON object";
  if (!["published", "files", "charts", "corrections"].some((key) => key in value))
    return "it has none of the fields a build writes";
  if (typeof value.published !== "string") return 'it has no "published" date';
  if ("storyFolder" in value && typeof value.storyFolder !== "string") return 'its "storyFolder" is not a path';
  if (!isRecord(value.files)) return 'it has no "files" list';
  for (const [name, file] of Object.entries(value.files))
    if (!isRecord(file) || typeof file.sha256 !== "string" || typeof file.bytes !== "number")
      return `its entry for ${JSON.stringify(name)} has no sha256 and size`;
  if (!isRecord(value.charts)) return 'it has no "charts"';
  for (const [id, chart] of Object.entries(value.charts)) {
    if (
      !isRecord(chart) ||
      typeof chart.fingerprint !== "string" ||
      !Array.isArray(chart.files) ||
      !chart.files.every((f) => typeof f === "string") ||
      !isRecord(chart.variants) ||
      !Object.values(chart.variants).every(isSize)
    )
      return `its chart ${JSON.stringify(id)} is not described as a build describes it`;
  }
  if (!Array.isArray(value.corrections)) return 'it has no "corrections"';
  return undefined;
}
