import { bars } from "./bars.ts";
import type { ChartKind } from "./kind.ts";
import { period } from "./period.ts";

/** Chart kinds by the name charts.json uses. Keep in step with kinds.ts (tests check). */
export const KINDS: Record<string, ChartKind> = { bars, period };
