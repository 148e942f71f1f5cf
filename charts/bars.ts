import { max } from "d3-array";
import type { Figure } from "../pipeline/facts/figure.ts";
import { defaultWriter, type Writer } from "../pipeline/language/writer.ts";
import { attributionNote, listWords } from "./attribution.ts";
import { type Bound, boundNotes, boundOf } from "./bounds.ts";
import { colourOf, colourRoles } from "./colour.ts";
import { type ChartKind, type ChartModel, type ColourRole, type DrawContext, shownRow } from "./kind.ts";
import { textWidth, wrap } from "./measure.ts";
import { nameByWhat, sharedPeriodNote, uniqueNames } from "./names.ts";
import { signedBoundProblems, signedExtent } from "./signs.ts";
import { fractionProblems, isCount, unitKey } from "./units.ts";

interface Bar {
  label: string;
  value: number;
  shown: string;
  bound: Bound;
  colour: ColourRole;
  /** The group's name, written above the first bar of each run of its bars. */
  group?: string;
}

/** Length of the dashed end that marks a minimum ("more than", "at least"), in pixels. */
export const OPEN_END = 22;
/** How far the cap that marks a maximum ("nearly", "up to") stands out from the bar, in pixels. */
export const CAP_OVERHANG = 5;
/** Space a cap takes beyond the bar's end before its label. */
const CAP_ROOM = 4;

/** The notes that explain how each bound's mark looks on bars, columns and share, in the story's language. */
export const barNotes = (writer: Writer) => ({
  minimum: writer.phrase("note.minimum.bars"),
  maximum: writer.phrase("note.maximum.bars"),
});

/** Items of an alt text joined as one sentence: "Protesters: more than 10,000; Security personnel: 20,000." */
export function summaryItems(writer: Writer, items: string[]): string {
  return writer.sentence(items.join(writer.phrase("separator.items")));
}

/**
 * Horizontal bars comparing a few figures. Each bar is exactly as long as the stated number; the
 * label at its end carries the qualifier; a minimum gets a dashed open end and a maximum a cap, so
 * "more than 10,000" or "nearly 5,000" never reads as a flat number. One colour unless the entry
 * highlights a figure or groups them. No axis: the direct labels are the only numbers shown. A
 * value below zero runs left from the zero line, its label at its left end.
 */
export const bars: ChartKind<Bar[]> = {
  prepare({ figures, choices, writer = defaultWriter() }) {
    const problems = [
      ...fractionProblems(figures, "bars"),
      ...unitProblems(figures, "bars"),
      ...signedBoundProblems(figures, "bar"),
    ];
    const colours = colourRoles(
      "bars",
      figures.map((f) => f.id),
      choices,
      { highlight: true, groups: true },
      4,
    );
    for (const p of colours.problems) problems.push(p);
    const labelOf = (f: Figure, i: number) => choices?.[i]?.label?.trim() || f.category || writer.capitalize(f.metric);
    const written = figures.map((f) => writer.qualified(f));
    const items: Bar[] = figures.map((f, i) => ({
      label: labelOf(f, i),
      value: f.value,
      shown: writer.capitalize(written[i]),
      bound: boundOf(f),
      colour: colours.roles[i],
      group: colours.groups.length > 1 ? choices?.[i]?.group : undefined,
    }));
    const what = (f: Figure) => f.category || f.metric;
    const perWhat = new Map<string, number>();
    for (const f of figures) perWhat.set(what(f), (perWhat.get(what(f)) ?? 0) + 1);
    const shared = (f: Figure) => perWhat.get(what(f))! > 1;
    // A period every figure shares is said once, not in each figure's name.
    const period = sharedPeriodNote(figures, writer);
    const names = uniqueNames(figures, (f, i) =>
      nameByWhat(f, choices?.[i]?.label, shared(f), writer, Boolean(period)),
    );
    const notes = boundNotes(
      items.map((b) => b.bound),
      barNotes(writer),
    );
    if (period) notes.push(period);
    const attribution = attributionNote(figures, names, writer);
    if (attribution) notes.push(attribution);
    const model: ChartModel<Bar[]> = {
      used: figures,
      notes,
      names,
      warnings: [],
      summary: summaryItems(
        writer,
        items.map((b, i) =>
          b.group
            ? writer.phrase("summary.group", { group: b.group, label: b.label, value: written[i] })
            : writer.phrase("summary.item", { label: b.label, value: written[i] }),
        ),
      ),
      rows: figures.map((f, i) => shownRow(f, items[i].label, items[i].shown)),
      draw: items,
    };
    return { model, problems };
  },

  draw(model, { width, sizes, theme, document, Plot }: DrawContext) {
    const items = model.draw;
    const labelLine = sizes.label * sizes.leading;
    const beyond = (b: Bar) => (b.bound === "minimum" ? OPEN_END : b.bound === "maximum" ? CAP_ROOM : 0);
    const labelRoom = (b: Bar) => textWidth(b.shown, sizes.value, true) + 8 + beyond(b);
    // Room for the labels beyond the bars' ends: right of those at or above zero, left of those below.
    const valueRoom =
      max(
        items.filter((b) => b.value >= 0),
        labelRoom,
      ) ?? 0;
    const belowRoom =
      max(
        items.filter((b) => b.value < 0),
        labelRoom,
      ) ?? 0;
    const barMax = Math.max(40, width - valueRoom - belowRoom);
    const { low, high } = signedExtent(items.map((b) => b.value));
    const unit = (high - low) / barMax;
    // Labels and group names start at the frame's left edge, left of any room kept for labels below zero.
    const leftEdge = low - belowRoom * unit;
    let y = 0;
    const headings: { text: string; y: number; colour: string }[] = [];
    const rows = items.map((b, i) => {
      if (b.group && b.group !== items[i - 1]?.group) {
        const lines = wrap(b.group, width, sizes.label, true);
        headings.push({
          text: lines.join("\n"),
          y: y + (lines.length * labelLine) / 2,
          colour: colourOf(b.colour, theme),
        });
        y += lines.length * labelLine + 2;
      }
      const lines = wrap(b.label, width, sizes.label);
      const top = y;
      const barTop = top + lines.length * labelLine + 4;
      y = barTop + sizes.bar + 14;
      return { ...b, text: lines.join("\n"), lines: lines.length, top, barTop, mid: barTop + sizes.bar / 2 };
    });
    const height = Math.ceil(y - 14 + CAP_OVERHANG + 2);
    const node = Plot.plot({
      document,
      width,
      height,
      margin: 0,
      x: { type: "linear", domain: [low, high], range: [belowRoom, belowRoom + barMax], axis: null },
      y: { type: "identity", axis: null },
      color: { type: "identity" },
      marks: [
        Plot.rect(rows, {
          x1: 0,
          x2: "value",
          y1: "barTop",
          y2: (r) => r.barTop + sizes.bar,
          fill: (r) => colourOf(r.colour, theme),
          insetLeft: 0,
          insetRight: 0,
        }),
        Plot.ruleY(
          rows.filter((r) => r.bound === "minimum"),
          {
            y: "mid",
            x1: "value",
            x2: (r) => r.value + OPEN_END * unit,
            stroke: theme.open,
            strokeWidth: 3,
            strokeDasharray: "4,3",
          },
        ),
        // A maximum: a cross-line at the bar's end, standing out above and below it, like a ceiling.
        Plot.ruleX(
          rows.filter((r) => r.bound === "maximum"),
          {
            x: "value",
            y1: (r) => r.barTop - CAP_OVERHANG,
            y2: (r) => r.barTop + sizes.bar + CAP_OVERHANG,
            stroke: theme.text,
            strokeWidth: 3,
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
        Plot.text(headings, {
          x: leftEdge,
          y: "y",
          text: "text",
          textAnchor: "start",
          lineHeight: sizes.leading,
          fontSize: sizes.label,
          fontWeight: "bold",
          fill: (h) => h.colour,
        }),
        Plot.text(rows, {
          x: leftEdge,
          y: (r) => r.top + (r.lines * labelLine) / 2,
          text: "text",
          textAnchor: "start",
          dx: 0,
          lineHeight: sizes.leading,
          fontSize: sizes.label,
          fill: theme.text,
        }),
        // Bounds carry their label past their mark; Plot's dx is one value per mark.
        ...(["none", "minimum", "maximum"] as const).map((bound) =>
          Plot.text(
            rows.filter((r) => r.bound === bound && r.value >= 0),
            {
              x: "value",
              y: "mid",
              text: "shown",
              textAnchor: "start",
              dx: 6 + (bound === "minimum" ? OPEN_END : bound === "maximum" ? CAP_ROOM : 0),
              fontSize: sizes.value,
              fontWeight: "bold",
              fill: theme.text,
            },
          ),
        ),
        // Below zero (never qualified: see signedBoundProblems), the label left of the bar's end.
        Plot.text(
          rows.filter((r) => r.value < 0),
          {
            x: "value",
            y: "mid",
            text: "shown",
            textAnchor: "end",
            dx: -6,
            fontSize: sizes.value,
            fontWeight: "bold",
            fill: theme.text,
          },
        ),
      ],
    }) as SVGSVGElement;
    return { node, height };
  },
};

/**
 * Lengths set side by side must measure one quantity. Two different units are refused ("people"
 * and "kilometres"; "people", "persons" and blank count the same, as do "%" and "percent"). A
 * blank unit beside a measure is refused too: the blank figure is either a count, which no length
 * can compare with kilometres, or a measure whose unit was left out, which would show as a bare
 * number beside "1.6 kilometres". Either way the fact sheet needs its unit.
 */
export function unitProblems(figures: Figure[], kind: string): string[] {
  const keys = new Map<string, Figure[]>();
  for (const f of figures) {
    const list = keys.get(unitKey(f.unit)) ?? [];
    list.push(f);
    keys.set(unitKey(f.unit), list);
  }
  if (keys.size < 2) return [];
  const blank = figures.filter((f) => f.unit.trim() === "");
  const measured = figures.filter((f) => !isCount(f.unit));
  const ids = (fs: Figure[]) => listWords(fs.map((f) => `"${f.id}"`));
  if (blank.length > 0 && keys.size === 2 && blank.length === (keys.get("people") ?? []).length) {
    const unit = measured[0].unit.trim();
    return [
      `${kind} compare one kind of quantity, but ${ids(blank)} ${blank.length > 1 ? "have" : "has"} no unit while ${ids(measured)} ${measured.length > 1 ? "are" : "is"} in ${JSON.stringify(unit)}; ` +
        `fill in the unit in figures.csv (${JSON.stringify(unit)} if ${blank.length > 1 ? "they measure" : "it measures"} the same thing), or chart them apart`,
    ];
  }
  const units = [...keys.values()].map((fs) => fs.find((f) => f.unit.trim())?.unit.trim() ?? "");
  return [
    `${kind} compare one kind of quantity, but the figures are in ${listWords(units.map((u) => (u ? JSON.stringify(u) : "no unit")))}; chart each unit apart`,
  ];
}
