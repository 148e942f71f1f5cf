import { bars } from "./bars.ts";
import { columns } from "./columns.ts";
import { type ChartKind, registered } from "./kind.ts";
import { line } from "./line.ts";
import { locator } from "./locator.ts";
import { period } from "./period.ts";
import { share } from "./share.ts";

/** Chart kinds by the name charts.json uses. */
export const KINDS: Readonly<Record<string, ChartKind>> = {
  bars: registered(bars),
  period: registered(period),
  line: registered(line),
  columns: registered(columns),
  share: registered(share),
  locator: registered(locator),
};

/** The chart kinds a story may name in charts.json. */
export const KIND_NAMES: readonly string[] = Object.keys(KINDS);

/** Other names desks use for the same kinds; the canonical name is what the manifest records. */
export const KIND_ALIASES: Readonly<Record<string, string>> = {
  bar: "bars",
  comparison: "bars",
  timeline: "period",
  daily: "period",
  "by-day": "period",
  lines: "line",
  toll: "line",
  column: "columns",
  part: "share",
  proportion: "share",
  map: "locator",
  "locator-map": "locator",
};
