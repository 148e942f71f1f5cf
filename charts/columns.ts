import { max } from "d3-array";
import { defaultWriter } from "../pipeline/language/writer.ts";
import { attributionNote } from "./attribution.ts";
import { barNotes, bars, CAP_OVERHANG, OPEN_END, unitProblems } from "./bars.ts";
import { type Bound, boundNotes, boundOf } from "./bounds.ts";
import { colourOf, colourRoles } from "./colour.ts";
import { type ChartKind, type ChartModel, type ColourRole, shownRow } from "./kind.ts";
import { BREAKABLE_SPACE, wrapWhole } from "./measure.ts";
import { nameByTime, uniqueNames, whatOf } from "./names.ts";
import {
  crossesYear,
  gapsBetween,
  gapWords,
  periodLabel,
  runningTollWarning,
  seriesDifferences,
  timeLabel,
  timeProblem,
} from "./series.ts";
import { signedBoundProblems, signedExtent } from "./signs.ts";
import { fractionProblems } from "./units.ts";

/** Days between columns that no figure covers: a slot of their own, saying so. */
interface Gap {
  gap: true;
  label: string;
}

interface ColumnsDraw {
  slots: (Column | Gap)[];
}

const isGap = (slot: Column | Gap): slot is Gap => "gap" in slot;

interface Column {
  id: string;
  label: string;
  /** The period under the label, where the entry's label does not already say it ("Thu 29 Jun"). */
  date?: string;
  value: number;
  shown: string;
  /** What `shown` says inside a sentence: "more than 2,500", never "More than 2,500". */
  written: string;
  bound: Bound;
  colour: ColourRole;
}

/**
 * One column per period, for values that are levels rather than parts of a total (officers
 * deployed each night, arrests each night as reported): each column as tall as its stated number,
 * its value and qualifier above it, its period (or the entry's label, "Friday night") beneath. The
 * columns stand in date order, one per figure, never split across days or summed; days between
 * them that no figure covers are named in a note. Where a value or a label cannot sit whole over
 * its column (many periods, a phone), the columns turn into labelled bars, the same figures in the
 * same order.
 */
export const columns: ChartKind<ColumnsDraw> = {
  prepare({ figures, choices, writer = defaultWriter() }) {
    const problems: string[] = figures.flatMap((f) => timeProblem(f, "columns") ?? []);
    if (problems.length > 0) return { problems };
    for (const p of [
      ...fractionProblems(figures, "columns"),
      ...unitProblems(figures, "columns"),
      ...signedBoundProblems(figures, "column"),
    ])
      problems.push(p);
    const [reference] = figures;
    for (const f of figures.slice(1)) {
      const differs = seriesDifferences(f, reference);
      if (differs.length > 0 && unitProblems([f, reference], "columns").length === 0)
        problems.push(
          `"${f.id}" does not count what "${reference.id}" counts: ${differs.join("; ")}; columns set one quantity side by side over time: correct it in figures.csv, or give it a chart of its own`,
        );
    }
    const colours = colourRoles(
      "columns",
      figures.map((f) => f.id),
      choices,
      { highlight: true, groups: false },
      1,
    );
    for (const p of colours.problems) problems.push(p);
    const order = figures
      .map((f, i) => ({ f, i }))
      .sort((a, b) => (a.f.start === b.f.start ? (a.f.end < b.f.end ? -1 : 1) : a.f.start < b.f.start ? -1 : 1));
    // Figures across a year say their years wherever they give a date.
    const year = crossesYear(figures);
    for (let k = 1; k < order.length; k++) {
      const [a, b] = [order[k - 1].f, order[k].f];
      if (b.start <= a.end)
        problems.push(
          `"${b.id}" (${periodLabel(b.start, b.end, writer, year)}) and "${a.id}" (${periodLabel(a.start, a.end, writer, year)}) overlap; a columns chart shows one figure a period: ` +
            (a.start === b.start && a.start !== a.end && b.start !== b.end
              ? "they count from the same day, a running total: chart them as a line"
              : "chart them apart, or correct the dates in figures.csv"),
        );
    }
    const labelOf = (i: number) => choices?.[i]?.label?.trim();
    const items: Column[] = order.map(({ f, i }) => ({
      id: f.id,
      label: labelOf(i) || timeLabel(f, writer, year),
      ...(labelOf(i) && !labelOf(i)!.includes(periodLabel(f.start, f.end, writer))
        ? { date: periodLabel(f.start, f.end, writer, year) }
        : {}),
      value: f.value,
      shown: writer.capitalize(writer.qualified(f)),
      written: writer.qualified(f),
      bound: boundOf(f),
      colour: colours.roles[i],
    }));
    const sorted = order.map(({ f }) => f);
    const names = uniqueNames(figures, (f, i) => nameByTime(f, labelOf(i), writer));
    const notes: string[] = [];
    const gaps = gapsBetween(sorted);
    const nights = sorted.every((f) => f.nights);
    const missing = writer.phrase("note.missing", { days: writer.list(gapWords(gaps, nights, writer, year)) });
    if (gaps.length > 0) notes.push(missing);
    for (const note of boundNotes(
      items.map((c) => c.bound),
      barNotes(writer),
    ))
      notes.push(note);
    const attribution = attributionNote(sorted, names, writer);
    if (attribution) notes.push(attribution);
    const slots: (Column | Gap)[] = [];
    // Gaps lie between neighbouring periods, in order: one pass over both.
    let next = 0;
    items.forEach((c, k) => {
      while (next < gaps.length && gaps[next].end < sorted[k].start) {
        slots.push({ gap: true, label: timeLabel({ ...gaps[next], nights }, writer, year) });
        next++;
      }
      slots.push(c);
    });
    const model: ChartModel<ColumnsDraw> = {
      used: sorted,
      notes,
      names,
      warnings: [runningTollWarning(sorted, "columns")].filter((w): w is string => Boolean(w)),
      summary: [
        writer.sentence(
          writer.phrase("summary.series", {
            name: writer.capitalize(whatOf(reference, writer)),
            items: items
              .map((c) => writer.phrase("summary.dated", { label: c.label, value: c.written }))
              .join(writer.phrase("separator.items")),
          }),
        ),
        ...(gaps.length > 0 ? [missing] : []),
      ].join(" "),
      rows: sorted.map((f, k) => shownRow(f, items[k].label, items[k].shown)),
      draw: { slots },
    };
    return { model, problems };
  },

  draw(model, context) {
    const { width, sizes, theme, document, Plot, writer = defaultWriter() } = context;
    const noFigure = writer.phrase("label.noFigure");
    const slots = model.draw.slots;
    const items = slots.filter((s): s is Column => !isGap(s));
    const column = width / slots.length;
    const values = evenUnits(
      slots.map((c) =>
        isGap(c) ? wrapWhole(noFigure, column - 4, sizes.label) : wrapWhole(c.shown, column - 4, sizes.value, true),
      ),
      slots,
      (text) => wrapWhole(text, column - 4, sizes.value, true),
    );
    const labels = slots.map((c) => wrapWhole(c.label, column - 4, sizes.label));
    const dates = slots.map((c) => (!isGap(c) && c.date ? wrapWhole(c.date, column - 4, sizes.label) : []));
    if ([values, labels, dates].some((list) => list.some((v) => !v))) {
      // Too many periods for this width: the same figures as labelled bars, in date order.
      return bars.draw(
        {
          ...model,
          draw: items.map(({ label, date, value, shown, bound, colour }) => ({
            label: date ? writer.phrase("label.dated", { label, date }) : label,
            value,
            shown,
            bound,
            colour,
          })),
        },
        context,
      );
    }
    const barWidth = Math.min(72, column * 0.6);
    const valueLine = sizes.value * sizes.leading;
    const labelLine = sizes.label * sizes.leading;
    const valueLines = max(values, (v) => v!.length) ?? 0;
    const labelLines = max(labels, (l, i) => l!.length + dates[i]!.length) ?? 0;
    const above = (c: Column) => (c.bound === "minimum" ? OPEN_END : c.bound === "maximum" ? CAP_OVERHANG : 0);
    const top = valueLines * valueLine + 6 + (max(items, above) ?? 0);
    const plotHeight = sizes.bar * 5;
    // Zero stands as high in the plot as the values below it need: a column below zero hangs from
    // it, its value under its end, and the periods are named under the lowest value.
    const { low, high } = signedExtent(items.map((c) => c.value));
    const scale = plotHeight / (high - low);
    const baseline = top + high * scale;
    const axis = top + plotHeight + (low < 0 ? valueLines * valueLine + 6 : 0);
    const cells = slots.flatMap((c, i) => {
      if (isGap(c)) return [];
      const x = column * (i + 0.5);
      const y1 = baseline - c.value * scale;
      return [
        {
          ...c,
          x,
          x1: x - barWidth / 2,
          x2: x + barWidth / 2,
          y1,
          valueText: values[i]!.join("\n"),
          fill: colourOf(c.colour, theme),
        },
      ];
    });
    const under = slots.map((c, i) => ({
      x: column * (i + 0.5),
      text: labels[i]!.join("\n"),
      date: dates[i]!.join("\n"),
      lines: labels[i]!.length,
      gap: isGap(c),
      missing: values[i]!.join("\n"),
    }));
    const height = Math.ceil(axis + 8 + labelLines * labelLine + 2);
    const node = Plot.plot({
      document,
      width,
      height,
      margin: 0,
      x: { type: "identity", axis: null },
      y: { type: "identity", axis: null },
      color: { type: "identity" },
      marks: [
        Plot.rect(cells, { x1: "x1", x2: "x2", y1: "y1", y2: baseline, fill: "fill" }),
        // A minimum: a dashed stretch above the column, where the true figure may reach.
        Plot.ruleX(
          cells.filter((c) => c.bound === "minimum"),
          {
            x: "x",
            y1: "y1",
            y2: (c) => c.y1 - OPEN_END,
            stroke: theme.open,
            strokeWidth: 3,
            strokeDasharray: "4,3",
          },
        ),
        // A maximum: a cross-line capping the column, wider than it, like a ceiling.
        Plot.ruleY(
          cells.filter((c) => c.bound === "maximum"),
          {
            y: "y1",
            x1: (c) => c.x1 - CAP_OVERHANG,
            x2: (c) => c.x2 + CAP_OVERHANG,
            stroke: theme.text,
            strokeWidth: 3,
          },
        ),
        Plot.text(
          cells.filter((c) => c.value >= 0),
          {
            x: "x",
            y: (c) => c.y1 - above(c) - 6,
            text: "valueText",
            lineAnchor: "bottom",
            fontSize: sizes.value,
            fontWeight: "bold",
            fill: theme.text,
            lineHeight: sizes.leading,
          },
        ),
        // Below zero (never qualified: see signedBoundProblems), the value under the column's end.
        Plot.text(
          cells.filter((c) => c.value < 0),
          {
            x: "x",
            y: (c) => c.y1 + 6,
            text: "valueText",
            lineAnchor: "top",
            fontSize: sizes.value,
            fontWeight: "bold",
            fill: theme.text,
            lineHeight: sizes.leading,
          },
        ),
        Plot.text(
          under.filter((u) => u.gap),
          {
            x: "x",
            y: baseline - 6,
            text: "missing",
            lineAnchor: "bottom",
            fontSize: sizes.label,
            fill: theme.muted,
            lineHeight: sizes.leading,
          },
        ),
        Plot.ruleY([baseline], { x1: 0, x2: width, stroke: theme.rule }),
        Plot.text(under, {
          x: "x",
          y: axis + 8,
          text: "text",
          lineAnchor: "top",
          fontSize: sizes.label,
          fill: (u) => (u.gap ? theme.muted : theme.text),
          lineHeight: sizes.leading,
        }),
        // The period under a label the entry chose ("Thursday night" over "Thu 29 Jun"): dates on the axis.
        Plot.text(
          under.filter((u) => u.date),
          {
            x: "x",
            y: (u) => axis + 8 + u.lines * labelLine,
            text: "date",
            lineAnchor: "top",
            fontSize: sizes.label,
            fill: theme.muted,
            lineHeight: sizes.leading,
          },
        ),
      ],
    }) as SVGSVGElement;
    return { node, height, timeAcross: true };
  },
};

/**
 * Values that share a unit read alike: when one must wrap ("180 / millimetres"), each puts its unit
 * on a line of its own ("95 / millimetres"), rather than one value on two lines beside others on one.
 */
function evenUnits(
  values: (string[] | undefined)[],
  slots: (Column | Gap)[],
  wrapValue: (text: string) => string[] | undefined,
): (string[] | undefined)[] {
  const shown = slots.map((c) => (isGap(c) ? undefined : c.shown.split(BREAKABLE_SPACE)));
  const units = new Set(shown.filter((w) => w !== undefined).map((w) => (w.length > 1 ? w.at(-1)! : "")));
  const [unit] = units;
  if (units.size !== 1 || !unit) return values;
  if (!values.some((v, i) => shown[i] && v && v.length > 1)) return values;
  const even = values.map((v, i) => {
    const words = shown[i];
    if (!words) return v;
    const head = wrapValue(words.slice(0, -1).join(" "));
    const tail = wrapValue(unit);
    return head && tail && head.length + tail.length <= 3 ? [...head, ...tail] : undefined;
  });
  return even.every((v, i) => v || !shown[i]) ? even : values;
}
