import { eachDay, formatDate, formatPeriod } from "../pipeline/dates.ts";
import type { Figure } from "../pipeline/figure.ts";
import { capitalize, formatNumber, qualified } from "../pipeline/format.ts";
import { attributionNote, listWords } from "./attribution.ts";
import type { ChartKind, ChartModel, DrawContext, ShownRow } from "./kind.ts";
import { textWidth, wrap } from "./measure.ts";

interface Day {
  day: string;
  figure?: Figure;
}

interface PeriodDraw {
  mode: "total" | "daily";
  total?: Figure;
  days: Day[];
}

/**
 * A count over a run of days. With one total for the period (the usual first report) it draws a
 * single span across the days, labelled with the total and never split. When the dataset holds
 * one-day figures for the same metric it draws a bar per day, and says where days are missing or
 * the days and the total disagree, instead of choosing one.
 */
export const period: ChartKind = {
  prepare({ figures, dataset }) {
    const total = figures.find((f) => f.start && f.end && f.end > f.start);
    const singles = (candidates: Figure[]) =>
      candidates.filter(
        (f) => f.start && f.start === f.end && !f.restates && (!total || (f.metric === total.metric && f.start >= total.start && f.end <= total.end)),
      );
    const daily = new Map<string, Figure>();
    const problems: string[] = [];
    for (const f of [...singles(figures), ...singles(dataset)]) {
      const other = daily.get(f.start);
      if (other && other.id !== f.id) problems.push(`two figures give ${f.metric} for ${f.start}: "${other.id}" and "${f.id}"; correct or remove one`);
      else daily.set(f.start, f);
    }
    if (!total && daily.size === 0) {
      return { problems: ["a period chart needs a figure with start and end dates (fill them in figures.csv, or name the period in the quote)"] };
    }
    const dates = [...daily.keys()].sort();
    const start = total?.start ?? dates[0];
    const end = total?.end ?? dates[dates.length - 1];
    const days: Day[] = eachDay(start, end).map((day) => ({ day, figure: daily.get(day) }));
    const span = formatPeriod(start, end);
    const metric = (total ?? daily.get(dates[0])!).metric;
    const notes: string[] = [];
    const warnings: string[] = [];
    let summary: string;
    const reported = days.filter((d) => d.figure);

    if (daily.size === 0 && total) {
      notes.push(`One total was reported for ${span}; no daily breakdown was reported.`);
      summary = `${capitalize(qualified(total))} ${metric}, ${span}, reported as one total; no daily breakdown was reported.`;
    } else {
      const missing = days.filter((d) => !d.figure).map((d) => formatDate(d.day, { weekday: true, year: false }));
      if (missing.length > 0) notes.push(`No figure was reported for ${listWords(missing)}.`);
      if (total) {
        notes.push(`Total reported for ${span}: ${qualified(total)}.`);
        const sum = reported.reduce((n, d) => n + d.figure!.value, 0);
        const allExact = reported.every((d) => d.figure!.qualifier === "exact");
        const over = total.high !== null && allExact && sum > total.high;
        const under = total.low !== null && allExact && missing.length === 0 && sum < total.low;
        if (over || under) {
          notes.push(`The daily figures do not add up to the total of ${qualified(total)}: the sources disagree.`);
          warnings.push(`daily ${metric} add up to ${formatNumber(sum)}, but "${total.id}" says ${qualified(total)} for ${span}; the chart says they disagree`);
        }
      }
      summary = `${capitalize(metric)} by day, ${span}: ${days
        .map((d) => `${formatDate(d.day, { weekday: true, year: false })}, ${d.figure ? qualified(d.figure) : "no figure"}`)
        .join("; ")}.${total ? ` Total reported: ${qualified(total)}.` : ""}${warnings.length ? " The daily figures and the total disagree." : ""}`;
    }
    const used = [...(total ? [total] : []), ...reported.map((d) => d.figure!)];
    const attribution = attributionNote(used, (f) => (f === total ? `Total for ${span}` : formatDate(f.start, { weekday: true, year: false })));
    if (attribution) notes.push(attribution);
    const row = (f: Figure, label: string): ShownRow => ({
      figure_id: f.id, label, value: f.value, qualifier: f.qualifier, shown_as: qualified(f),
      start: f.start, end: f.end, attributed_to: f.attributed_to, source: f.source, quote: f.quote,
    });
    const model: ChartModel = {
      kind: "period",
      used,
      notes,
      warnings,
      summary,
      rows: [
        ...(total ? [row(total, `Total, ${span}`)] : []),
        ...reported.map((d) => row(d.figure!, formatDate(d.day, { weekday: true }))),
      ],
      draw: { mode: daily.size === 0 ? "total" : "daily", total, days } satisfies PeriodDraw,
    };
    return { model, problems };
  },

  draw(model, context) {
    const data = model.draw as PeriodDraw;
    return data.mode === "total" ? drawSpan(data, context) : drawDaily(data, context);
  },
};

/**
 * Day labels under the columns, in one form for every day: "Sun 24 Nov" where each fits the column,
 * else "Sun 24" over "Nov", else weekday, day and month on three lines.
 */
function dayLabels(days: Day[], column: number, size: number): string[] {
  const full = days.map(({ day }) => formatDate(day, { weekday: true, year: false }));
  const fits = (labels: string[]) => labels.every((l) => l.split("\n").every((line) => textWidth(line, size) <= column - 4));
  const forms = [full, full.map((l) => l.replace(/^(\S+ \S+) /, "$1\n")), full.map((l) => l.split(" ").join("\n"))];
  return forms.find(fits) ?? full.map((l) => wrap(l, column - 4, size).join("\n"));
}

function drawSpan(data: PeriodDraw, { width, sizes, theme, document, Plot }: DrawContext) {
  const total = data.total!;
  const n = data.days.length;
  const column = width / n;
  const spanHeight = Math.round(sizes.bar * 2);
  const big = sizes.total;
  const label = `${capitalize(qualified(total))} ${total.metric}`;
  const labelLines = wrap(label, width - 24, big, true);
  const spanH = Math.max(spanHeight, labelLines.length * big * sizes.leading + 16);
  const days = dayLabels(data.days, column, sizes.label);
  const dayLines = Math.max(...days.map((d) => d.split("\n").length));
  const height = Math.ceil(spanH + 10 + dayLines * sizes.label * sizes.leading + 2);
  const cells = data.days.map((d, i) => ({ x: column * (i + 0.5), text: days[i] }));
  const node = Plot.plot({
    document, width, height, margin: 0,
    x: { type: "identity", axis: null },
    y: { type: "identity", axis: null },
    marks: [
      Plot.rect([total], { x1: 0, x2: width, y1: 0, y2: spanH, fill: theme.series[0] }),
      Plot.text([label], { x: width / 2, y: spanH / 2, text: () => labelLines.join("\n"), fontSize: big, fontWeight: "bold", fill: theme.onSeries, lineHeight: sizes.leading }),
      Plot.ruleX(Array.from({ length: n + 1 }, (_, i) => i).map((i) => Math.min(width - 0.5, Math.max(0.5, column * i))), { x: (x) => x, y1: spanH, y2: spanH + 7, stroke: theme.rule }),
      Plot.text(cells, { x: "x", y: spanH + 10, text: "text", lineAnchor: "top", fontSize: sizes.label, fill: theme.text, lineHeight: sizes.leading }),
    ],
  }) as SVGSVGElement;
  return { node, height };
}

function drawDaily(data: PeriodDraw, { width, sizes, theme, document, Plot }: DrawContext) {
  const n = data.days.length;
  const column = width / n;
  const barWidth = Math.min(72, column * 0.6);
  const valueLine = sizes.value * sizes.leading;
  const days = dayLabels(data.days, column, sizes.label);
  const dayLines = Math.max(...days.map((d) => d.split("\n").length));
  // Labels above the columns wrap to the column, so neighbours never collide on narrow screens or
  // long runs of days ("more than / 120"); the space above the tallest column grows to hold them.
  const fit = (text: string, size: number, bold: boolean) => wrap(text, column - 4, size, bold);
  const shown = data.days.map((d) => (d.figure ? fit(qualified(d.figure), sizes.value, true) : []));
  const missing = fit("No figure", sizes.label, false);
  const valueLines = Math.max(1, ...shown.map((l) => l.length));
  const plotHeight = sizes.bar * 5;
  const top = valueLines * valueLine + 4;
  const baseline = top + plotHeight;
  const max = Math.max(...data.days.map((d) => d.figure?.value ?? 0)) || 1;
  const cells = data.days.map((d, i) => {
    const x = column * (i + 0.5);
    const h = d.figure ? (d.figure.value / max) * plotHeight : 0;
    return { x, x1: x - barWidth / 2, x2: x + barWidth / 2, y1: baseline - h, shown: shown[i].join("\n"), day: days[i] };
  });
  const height = Math.ceil(baseline + 8 + dayLines * sizes.label * sizes.leading + 2);
  const node = Plot.plot({
    document, width, height, margin: 0,
    x: { type: "identity", axis: null },
    y: { type: "identity", axis: null },
    marks: [
      Plot.rect(cells.filter((c) => c.shown), { x1: "x1", x2: "x2", y1: "y1", y2: baseline, fill: theme.series[0] }),
      Plot.text(cells.filter((c) => c.shown), { x: "x", y: (c) => c.y1 - 6, text: "shown", lineAnchor: "bottom", fontSize: sizes.value, fontWeight: "bold", fill: theme.text, lineHeight: sizes.leading }),
      Plot.text(cells.filter((c) => !c.shown), { x: "x", y: baseline - 6, text: () => missing.join("\n"), lineAnchor: "bottom", fontSize: sizes.label, fill: theme.muted, lineHeight: sizes.leading }),
      Plot.ruleY([baseline], { x1: 0, x2: width, stroke: theme.rule }),
      Plot.text(cells, { x: "x", y: baseline + 8, text: "day", lineAnchor: "top", fontSize: sizes.label, fill: theme.text, lineHeight: sizes.leading }),
    ],
  }) as SVGSVGElement;
  return { node, height };
}
