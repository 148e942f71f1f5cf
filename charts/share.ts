import { max } from "d3-array";
import type { Figure } from "../pipeline/facts/figure.ts";
import { qualified } from "../pipeline/facts/format.ts";
import { defaultWriter } from "../pipeline/language/writer.ts";
import { attributionNote } from "./attribution.ts";
import { barNotes, CAP_OVERHANG, OPEN_END, summaryItems } from "./bars.ts";
import { type Bound, boundNotes, boundOf } from "./bounds.ts";
import { colourOf, colourRoles } from "./colour.ts";
import { type ChartKind, type ChartModel, type ColourRole, type DrawContext, shownRow } from "./kind.ts";
import { textWidth, wrap } from "./measure.ts";
import { nameByWhat, sharedPeriodNote, uniqueNames } from "./names.ts";
import { negativeProblems } from "./signs.ts";
import { isCount, unitKey } from "./units.ts";

/** One bar of a share chart: a part on a track as long as its whole, or the whole itself. */
interface ShareBar {
  label: string;
  /** The part's share of the whole, 0–1: for drawing only, never shown as a number. */
  share: number;
  shown: string;
  /** What `shown` says inside a sentence: "about a third", never "About a third". */
  written: string;
  bound: Bound;
  colour: ColourRole;
  /** The whole, drawn full length in the one colour, where the entry lists it as a count. */
  whole: boolean;
}

/**
 * Part of a whole: "about a third of those arrested were minors", "12% turnout", "1,124 of the
 * 3,625 arrested". Each part is a bar on a track that stands for its whole, filled as far as the
 * stated share, with the value and its qualifier as the source gives them ("About a third", "12%").
 * A part may be a fraction, a percentage, or a count; a count needs its whole, a count listed last,
 * drawn full length above the parts. No share is ever computed into a number: a third of 3,625 is
 * drawn as a third of the track, never written as 1,208.
 */
export const share: ChartKind<ShareBar[]> = {
  prepare({ figures, choices, writer = defaultWriter() }) {
    const problems: string[] = [];
    const kindOf = (f: Figure) =>
      f.fraction ? "fraction" : unitKey(f.unit) === "%" ? "percent" : isCount(f.unit) ? "count" : "measure";
    for (const p of negativeProblems(
      figures.filter((f) => kindOf(f) !== "measure"),
      "share",
      "parts of a whole",
    ))
      problems.push(p);
    for (const f of figures) {
      if (kindOf(f) === "measure")
        problems.push(
          `"${f.id}" is in ${JSON.stringify(f.unit.trim())}, but a share is a fraction ("a third"), a percentage (unit %) or a count of a whole; chart it as bars`,
        );
      else if (kindOf(f) === "percent" && (f.value < 0 || f.value > 100))
        problems.push(`"${f.id}" is ${qualified(f)}%, not a share of a whole (0 to 100%); chart it as bars`);
    }
    const counts = figures.filter((f) => kindOf(f) === "count");
    const whole = counts.length > 0 ? counts[counts.length - 1] : undefined;
    const parts = figures.filter((f) => f !== whole && kindOf(f) !== "measure");
    if (whole && parts.length === 0)
      problems.push(
        `"${whole.id}" is a count, and a share needs the whole it is part of: list the whole (the total arrested, say) after it in "figures", or chart the count as bars`,
      );
    for (const f of parts.filter((p) => kindOf(p) === "count")) {
      if (whole && f.value > whole.value)
        problems.push(
          `"${f.id}" (${qualified(f)}) is more than "${whole.id}" (${qualified(whole)}), the whole listed last; a part cannot exceed its whole: check the order in "figures", or the values`,
        );
      if (whole && seriesUnit(f) !== seriesUnit(whole))
        problems.push(`"${f.id}" and its whole "${whole.id}" count in different units; chart them apart`);
    }
    if (whole && whole.value <= 0)
      problems.push(`"${whole.id}" is ${qualified(whole)}: a whole of nothing has no parts; chart it as bars`);
    const colours = colourRoles(
      "share",
      figures.map((f) => f.id),
      choices,
      { highlight: true, groups: false },
      1,
    );
    for (const p of colours.problems) problems.push(p);
    if (problems.length > 0) return { problems };

    const position = new Map(figures.map((f, i) => [f, i]));
    const index = (f: Figure) => position.get(f)!;
    const labelOf = (f: Figure) => choices?.[index(f)]?.label?.trim() || f.category || writer.capitalize(f.metric);
    const shareOf = (f: Figure) =>
      f.fraction ? f.value : kindOf(f) === "percent" ? f.value / 100 : f.value / (whole?.value ?? f.value);
    const bar = (f: Figure, isWhole: boolean): ShareBar => ({
      label: labelOf(f),
      share: isWhole ? 1 : shareOf(f),
      shown: writer.capitalize(writer.qualified(f)),
      written: writer.qualified(f),
      bound: boundOf(f),
      colour: isWhole ? { role: "one" } : colours.roles[index(f)],
      whole: isWhole,
    });
    const items = [...(whole ? [bar(whole, true)] : []), ...parts.map((f) => bar(f, false))];
    const used = [...(whole ? [whole] : []), ...parts];
    // A period every figure shares is said once, not in each figure's name.
    const period = sharedPeriodNote(used, writer);
    const names = uniqueNames(used, (f) => nameByWhat(f, choices?.[index(f)]?.label, false, writer, Boolean(period)));
    const notes = [
      whole ? writer.phrase("share.whole", { whole: items[0].written }) : writer.phrase("share.track"),
      ...boundNotes(
        items.map((b) => b.bound),
        barNotes(writer),
      ),
    ];
    if (period) notes.push(period);
    const attribution = attributionNote(used, names, writer);
    if (attribution) notes.push(attribution);
    const partWords = items
      .filter((b) => !b.whole)
      .map((b) => writer.phrase("summary.item", { label: b.label, value: b.written }));
    const model: ChartModel<ShareBar[]> = {
      used,
      notes,
      names,
      warnings: [],
      summary: whole
        ? writer.sentence(
            writer.phrase("share.summary", {
              whole: items[0].written,
              label: writer.pack.capitals ? items[0].label.toLowerCase() : items[0].label,
              parts: partWords.join(writer.phrase("separator.items")),
            }),
          )
        : summaryItems(writer, partWords),
      rows: used.map((f, i) =>
        shownRow(
          f,
          items[i].whole ? writer.phrase("row.whole", { label: items[i].label }) : items[i].label,
          items[i].shown,
        ),
      ),
      draw: items,
    };
    return { model, problems };
  },

  draw(model, { width, sizes, theme, document, Plot }: DrawContext) {
    const items = model.draw;
    const labelLine = sizes.label * sizes.leading;
    const valueRoom = (max(items, (b) => textWidth(b.shown, sizes.value, true)) ?? 0) + 10;
    const track = Math.max(60, width - valueRoom);
    let y = 0;
    const rows = items.map((b) => {
      const lines = wrap(b.label, width, sizes.label);
      const top = y;
      const barTop = top + lines.length * labelLine + 4;
      y = barTop + sizes.bar + 14;
      const end = b.share * track;
      return { ...b, text: lines.join("\n"), lines: lines.length, top, barTop, mid: barTop + sizes.bar / 2, end };
    });
    const height = Math.ceil(y - 14 + CAP_OVERHANG + 2);
    // A minimum's dashed stretch stays on the track: it never claims more than the whole.
    const open = (r: (typeof rows)[number]) => Math.min(OPEN_END, track - r.end);
    const node = Plot.plot({
      document,
      width,
      height,
      margin: 0,
      x: { type: "identity", axis: null },
      y: { type: "identity", axis: null },
      color: { type: "identity" },
      marks: [
        // The track: the whole each part is a share of.
        Plot.rect(
          rows.filter((r) => !r.whole),
          {
            x1: 0,
            x2: track,
            y1: "barTop",
            y2: (r) => r.barTop + sizes.bar,
            fill: theme.track,
            stroke: theme.rule,
            strokeWidth: 1,
          },
        ),
        Plot.rect(rows, {
          x1: 0,
          x2: "end",
          y1: "barTop",
          y2: (r) => r.barTop + sizes.bar,
          fill: (r) => colourOf(r.colour, theme),
        }),
        Plot.ruleY(
          rows.filter((r) => r.bound === "minimum" && open(r) > 0),
          {
            y: "mid",
            x1: "end",
            x2: (r) => r.end + open(r),
            stroke: theme.open,
            strokeWidth: 3,
            strokeDasharray: "4,3",
          },
        ),
        Plot.ruleX(
          rows.filter((r) => r.bound === "maximum"),
          {
            x: "end",
            y1: (r) => r.barTop - CAP_OVERHANG,
            y2: (r) => r.barTop + sizes.bar + CAP_OVERHANG,
            stroke: theme.text,
            strokeWidth: 3,
          },
        ),
        Plot.text(rows, {
          x: 0,
          y: (r) => r.top + (r.lines * labelLine) / 2,
          text: "text",
          textAnchor: "start",
          lineHeight: sizes.leading,
          fontSize: sizes.label,
          fill: theme.text,
        }),
        // Values beside the track's end, where the whole ends: the bar says how far, the words how much.
        Plot.text(rows, {
          x: track + 8,
          y: "mid",
          text: "shown",
          textAnchor: "start",
          fontSize: sizes.value,
          fontWeight: "bold",
          fill: theme.text,
        }),
      ],
    }) as SVGSVGElement;
    return { node, height };
  },
};

const seriesUnit = (f: Figure) => unitKey(f.unit);
