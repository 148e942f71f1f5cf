/** The chart kinds a story may name in charts.json. charts/index.ts maps each to its module. */
export const KIND_NAMES: readonly string[] = ["bars", "period"];
