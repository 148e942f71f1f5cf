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
  published: string;
  files: Record<string, { sha256: string; bytes: number }>;
  charts: Record<string, ChartRecord>;
  corrections: Omit<Correction, "line">[];
  /** Figures the article and sources state that figures.csv does not record (npm run figures lists them). */
  unrecorded: UnrecordedNumber[];
}
