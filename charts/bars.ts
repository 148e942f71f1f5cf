import { capitalize, qualified } from "../pipeline/facts/format.ts";
import { isOpenAbove } from "../pipeline/facts/qualifiers.ts";
import type { Figure } from "../pipeline/facts/figure.ts";
import { attributionNote, listWords } from "./attribution.ts";
import type { ChartKind, ChartModel, DrawContext } from "./kind.ts";
import { textWidth, wrap } from "./measure.ts";
import { isCount, unitKey, withUnit } from "./units.ts";

interface Bar {
  label: string;
  value: number;
  shown: string;
  open: boolean;
  series: number;
}

/** Length of the dashed end that marks a minimum ("more than", "at least"), in pixels. */
const OPEN_END = 22;

/**
 * Horizontal bars comparing a few figures. Each bar is exactly as long as the stated number; the
 * label at its end carries the qualifier, and a minimum gets a dashed open end, so "more than
 * 10,000" never reads as 10,000 flat. No axis: the direct labels are the only numbers shown.
 */
export const bars: ChartKind<Bar[]> = {
  prepare({ figures }) {
    const problems = unitProblems(figures);
    const items: Bar[] = figures.map((f, i) => ({
      label: f.category || capitalize(f.metric),
      value: f.value,
      shown: capitalize(withUnit(qualified(f), f.value, f.unit)),
      open: isOpenAbove(f.qualifier),
      series: i,
    }));
    const notes: string[] = [];
    if (items.some((b) => b.open)) notes.push("A dashed end marks a minimum: the true figure may be higher.");
    const attribution = attributionNote(figures);
    if (attribution) notes.push(attribution);
    const model: ChartModel<Bar[]> = {
      used: figures,
      notes,
      warnings: [],
      summary: `${items.map((b) => `${b.label}: ${qualifiedLower(b.shown)}`).join("; ")}.`,
      rows: figures.map((f, i) => ({
        figure_id: f.id,
        label: items[i].label,
        value: f.value,
        qualifier: f.qualifier,
        shown_as: items[i].shown,
        start: f.start,
        end: f.end,
        attributed_to: f.attributed_to,
        source: f.source,
        quote: f.quote,
      })),
      draw: items,
    };
    return { model, problems };
  },

  draw(model, { width, sizes, theme, document, Plot }: DrawContext) {
    const items = model.draw;
    const labelLine = sizes.label * sizes.leading;
    const valueRoom = Math.max(
      ...items.map((b) => textWidth(b.shown, sizes.value, true) + 8 + (b.open ? OPEN_END : 0)),
    );
    const barMax = Math.max(40, width - valueRoom);
    const max = Math.max(...items.map((b) => b.value)) || 1;
    const unit = max / barMax;
    let y = 0;
    const rows = items.map((b) => {
      const lines = wrap(b.label, width, sizes.label);
      const top = y;
      const barTop = top + lines.length * labelLine + 4;
      y = barTop + sizes.bar + 14;
      return { ...b, text: lines.join("\n"), lines: lines.length, top, barTop, mid: barTop + sizes.bar / 2 };
    });
    const height = Math.ceil(y - 14 + 2);
    const colour = (b: Bar) => theme.series[b.series % theme.series.length];
    const node = Plot.plot({
      document,
      width,
      height,
      margin: 0,
      x: { type: "linear", domain: [0, max], range: [0, barMax], axis: null },
      y: { type: "identity", axis: null },
      color: { type: "identity" },
      marks: [
        Plot.rect(rows, {
          x1: 0,
          x2: "value",
          y1: "barTop",
          y2: (r) => r.barTop + sizes.bar,
          fill: colour,
          insetLeft: 0,
          insetRight: 0,
        }),
        Plot.ruleY(
          rows.filter((r) => r.open),
          {
            y: "mid",
            x1: "value",
            x2: (r) => r.value + OPEN_END * unit,
            stroke: theme.open,
            strokeWidth: 3,
            strokeDasharray: "4,3",
          },
        ),
        // A baseline at zero beside each bar: the bars start from nothing, not from the label.
        Plot.ruleX(rows, {
          x: 0,
          y1: (r) => r.barTop - 3,
          y2: (r) => r.barTop + sizes.bar + 3,
          stroke: theme.rule,
          strokeWidth: 1,
        }),
        Plot.text(rows, {
          x: 0,
          y: (r) => r.top + (r.lines * labelLine) / 2,
          text: "text",
          textAnchor: "start",
          dx: 0,
          lineHeight: sizes.leading,
          fontSize: sizes.label,
          fill: theme.text,
        }),
        // Minimums carry their label past the dashed end; Plot's dx is one value per mark.
        ...[false, true].map((open) =>
          Plot.text(
            rows.filter((r) => r.open === open),
            {
              x: "value",
              y: "mid",
              text: "shown",
              textAnchor: "start",
              dx: 6 + (open ? OPEN_END : 0),
              fontSize: sizes.value,
              fontWeight: "bold",
              fill: theme.text,
            },
          ),
        ),
      ],
    }) as SVGSVGElement;
    return { node, height };
  },
};

/**
 * Bars set lengths side by side, so they must measure one quantity. Two different units are refused
 * ("people" and "kilometres"; "people", "persons" and blank count the same, as do "%" and
 * "percent"). A blank unit beside a measure is refused too: the blank figure is either a count,
 * which no length can compare with kilometres, or a measure whose unit was left out, which would
 * show as a bare number beside "1.6 kilometres". Either way the fact sheet needs its unit.
 */
function unitProblems(figures: Figure[]): string[] {
  const keys = new Map<string, Figure[]>();
  for (const f of figures) keys.set(unitKey(f.unit), [...(keys.get(unitKey(f.unit)) ?? []), f]);
  if (keys.size < 2) return [];
  const blank = figures.filter((f) => f.unit.trim() === "");
  const measured = figures.filter((f) => !isCount(f.unit));
  const ids = (fs: Figure[]) => listWords(fs.map((f) => `"${f.id}"`));
  if (blank.length > 0 && keys.size === 2 && blank.length === (keys.get("people") ?? []).length) {
    const unit = measured[0].unit.trim();
    return [
      `bars compare one kind of quantity, but ${ids(blank)} ${blank.length > 1 ? "have" : "has"} no unit while ${ids(measured)} ${measured.length > 1 ? "are" : "is"} in ${JSON.stringify(unit)}; ` +
        `fill in the unit in figures.csv (${JSON.stringify(unit)} if ${blank.length > 1 ? "they measure" : "it measures"} the same thing), or chart them apart`,
    ];
  }
  const units = [...keys.values()].map((fs) => fs.find((f) => f.unit.trim())?.unit.trim() ?? "");
  return [
    `bars compare one kind of quantity, but the figures are in ${listWords(units.map((u) => (u ? JSON.stringify(u) : "no unit")))}; chart each unit apart`,
  ];
}

/** "More than 10,000" reads "more than 10,000" after a colon. */
function qualifiedLower(shown: string): string {
  return /^[A-Z][a-z]/.test(shown) ? shown.charAt(0).toLowerCase() + shown.slice(1) : shown;
}
