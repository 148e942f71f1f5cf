/** The chart kinds a story may name in charts.json. charts/index.ts maps each to its module. */
export const KIND_NAMES: readonly string[] = ["bars", "period"];

/** Other names desks use for the same kinds; the canonical name is what the manifest records. */
export const KIND_ALIASES: Readonly<Record<string, string>> = {
  bar: "bars",
  comparison: "bars",
  timeline: "period",
  daily: "period",
  "by-day": "period",
};
