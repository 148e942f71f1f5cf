import { group, max } from "d3-array";
import { daysBetween, eachDay, formatDate, formatPeriod } from "../pipeline/facts/dates.ts";
import type { Figure } from "../pipeline/facts/figure.ts";
import { describeOption } from "../pipeline/facts/figure-period.ts";
import { formatNumber } from "../pipeline/facts/format.ts";
import { defaultWriter, type Writer } from "../pipeline/language/writer.ts";
import { attributionNote, listWords } from "./attribution.ts";
import { colourRoles } from "./colour.ts";
import { type ChartKind, type ChartModel, type DrawContext, type ShownRow, shownRow } from "./kind.ts";
import { textWidth, wrap, wrapWhole } from "./measure.ts";
import { nameByTime, uniqueNames } from "./names.ts";
import { fractionProblems, isCount } from "./units.ts";
import { countKey, crossesYear, runningTollWarning, seriesDifferences, timeProblem } from "./series.ts";
import { negativeProblems } from "./signs.ts";

interface Day {
  day: string;
  figure?: Figure;
}

/** A figure for a run of days: the total a period chart draws. */
const isPeriod = (f: Figure) => Boolean(f.start && f.end && f.end > f.start);
/** A figure for one day. */
const isDay = (f: Figure) => Boolean(f.start && f.start === f.end);

/** The dataset grouped once by what a figure counts, so a thousand charts do not each scan it. */
const kinds = new WeakMap<readonly Figure[], Map<string, Figure[]>>();

/** The figures of the dataset that count what `f` counts (no seriesDifferences), in dataset order. */
function sameKind(dataset: readonly Figure[], f: Figure): Figure[] {
  let groups = kinds.get(dataset);
  if (!groups) kinds.set(dataset, (groups = group(dataset, countKey)));
  return groups.get(countKey(f)) ?? [];
}

/**
 * A sum at the precision of its terms: 1.1 + 2.2 is 3.3, as the sources would add it, not
 * 3.3000000000000003. Each value is scaled to an integer by the most decimals among them.
 */
export function exactSum(values: number[]): number {
  const places = Math.min(20, max(values, decimals) ?? 0);
  const scale = 10 ** places;
  return values.reduce((n, v) => n + Math.round(v * scale), 0) / scale;
}

function decimals(value: number): number {
  const [mantissa, exponent = "0"] = String(value).split("e");
  return Math.max(0, (mantissa.split(".")[1] ?? "").length - Number(exponent));
}

/** Days as a reader lists them: runs of three or more as one span ("Tue 1 – Thu 3 Oct"). */
function runsOf(days: string[], writer: Writer, year = false): string[] {
  const out: string[] = [];
  for (let i = 0; i < days.length;) {
    let j = i;
    while (j + 1 < days.length && daysBetween(days[j], days[j + 1]) === 1) j++;
    if (j - i >= 2) out.push(writer.period(days[i], days[j], { year }));
    else for (let k = i; k <= j; k++) out.push(writer.date(days[k], { weekday: true, year }));
    i = j + 1;
  }
  return out;
}

/**
 * The longest run of days a period chart lays out one by one: a year, leap day included. Longer
 * is refused with the figure's line: it is almost always a mistyped year (2004-11-24 for
 * 2024-11-24), which would otherwise lay out thousands of empty days.
 */
export const MAX_PERIOD_DAYS = 366;

interface PeriodDraw {
  mode: "total" | "daily";
  total?: Figure;
  days: Day[];
}

/**
 * A count over a run of days. With one total for the period (the usual first report) it draws a
 * single span across the days, labelled with the total and never split. When the dataset holds
 * one-day figures of the same metric, category and unit inside the period it draws a bar per day,
 * and says where days are missing or the days and the total disagree, instead of choosing one.
 * Without a total it draws the one-day figures it lists, and nothing else. A listed figure it
 * cannot draw is a problem, never dropped.
 */
export const period: ChartKind<PeriodDraw> = {
  prepare({ figures, dataset, choices, writer = defaultWriter() }) {
    const shown = (f: Figure) => writer.qualified(f);
    const problems: string[] = [
      ...fractionProblems(figures, "period"),
      ...negativeProblems(figures, "period", "totals over days"),
    ];
    // A period chart draws its days in the one colour: a colour choice would say nothing here.
    const colours = colourRoles(
      "period",
      figures.map((f) => f.id),
      choices,
      { highlight: false, groups: false },
      1,
    );
    for (const p of colours.problems) problems.push(p);
    const total = figures.find((f) => isPeriod(f) && !timeProblem(f, "period"));
    for (const f of figures) {
      const untimed = timeProblem(f, "period");
      if (untimed) {
        problems.push(untimed);
      } else if (isPeriod(f) && f !== total) {
        problems.push(
          `"${f.id}" covers ${formatPeriod(f.start, f.end)}, a second period beside the total "${total!.id}" (${formatPeriod(total!.start, total!.end)}); ` +
            `a period chart draws one total and its days: give "${f.id}" a chart of its own, or take it out of "figures"`,
        );
      }
    }
    const listedDays = figures.filter(isDay);
    // The figure every day must match: the total, else the first day listed.
    const reference = total ?? listedDays[0];
    if (!reference) {
      if (problems.length === 0)
        problems.push(
          "a period chart needs a figure with start and end dates (fill them in figures.csv, or name the period in the quote)",
        );
      return { problems };
    }
    const referenceName = total ? `the total "${total.id}"` : `"${reference.id}", the first day listed`;
    const drawn: Figure[] = [];
    for (const f of listedDays) {
      if (f === reference) {
        drawn.push(f);
        continue;
      }
      const differs = seriesDifferences(f, reference);
      if (differs.length > 0) {
        problems.push(
          `"${f.id}" is not a day of ${referenceName}: ${differs.join("; ")}; a period chart draws days of one metric, category and unit: ` +
            `correct "${f.id}" in figures.csv if it is such a day, else give it a chart of its own or take it out of "figures"`,
        );
      } else if (total && (f.start < total.start || f.start > total.end)) {
        problems.push(
          `"${f.id}" is for ${formatDate(f.start, { weekday: true })}, outside the period of the total "${total.id}" (${formatPeriod(total.start, total.end)}); ` +
            // Advise a new date only where the figure's words allow one inside the total (figure-period.ts).
            (f.periods.length === 0 ||
            f.periods.some((o) => o.start && o.start === o.end && o.start >= total.start && o.start <= total.end)
              ? `correct its date in figures.csv, or take it out of "figures"`
              : `its words give ${f.periods.map(describeOption).join(" or ")}: take it out of "figures"`),
        );
      } else drawn.push(f);
    }
    // Days of the total the chart was not given: same metric, category and unit, inside the period,
    // and not another wording of a figure (a restatement, or one a listed figure restates).
    const pulled = total
      ? sameKind(dataset, total).filter(
          (f) =>
            f.start >= total.start &&
            f.start <= total.end &&
            isDay(f) &&
            !figures.includes(f) &&
            !f.restates &&
            !figures.some((l) => l.restates === f.id),
        )
      : [];
    // A day the chart draws on its own is held to what the listed figures are.
    for (const p of negativeProblems(pulled, "period", "totals over days")) problems.push(p);
    const daily = new Map<string, Figure>();
    for (const f of [...drawn, ...pulled]) {
      const other = daily.get(f.start);
      if (other && other.id !== f.id)
        problems.push(
          `two figures give ${f.metric} for ${f.start}: "${other.id}" and "${f.id}"; correct or remove one`,
        );
      else daily.set(f.start, f);
    }
    const dates = [...daily.keys()].sort();
    const start = total?.start ?? dates[0];
    const end = total?.end ?? dates[dates.length - 1];
    const length = daysBetween(start, end) + 1;
    if (length > MAX_PERIOD_DAYS) {
      const ends = total ? [total] : [daily.get(start)!, daily.get(end)!];
      const where = listWords(ends.map((f) => `"${f.id}" (figures.csv line ${f.line})`));
      problems.push(
        `the chart would run ${formatNumber(length)} days, ${formatPeriod(start, end)}, more than the ${MAX_PERIOD_DAYS} a period chart lays out day by day; ` +
          `check the dates of ${where} (a mistyped year?), or chart ${total ? "it" : "them"} as bars or columns`,
      );
      return { problems };
    }
    const days: Day[] = eachDay(start, end).map((day) => ({ day, figure: daily.get(day) }));
    const span = writer.period(start, end);
    // Days across a year say their year in the notes and alt text ("Mon 1 Jan 2024").
    const year = crossesYear([{ start, end }]);
    const metric = reference.metric;
    const notes: string[] = [];
    const warnings: string[] = [];
    let summary: string;
    const reported = days.filter((d) => d.figure);

    if (daily.size === 0 && total) {
      notes.push(writer.phrase("period.oneTotal", { span }));
      summary = writer.capitalize(writer.phrase("period.oneTotalSummary", { total: totalWords(total, writer), span }));
    } else {
      const missing = days.filter((d) => !d.figure).map((d) => d.day);
      if (missing.length > 0)
        notes.push(writer.phrase("note.missing", { days: writer.list(runsOf(missing, writer, year)) }));
      if (total) {
        notes.push(writer.phrase("period.total", { span, value: shown(total) }));
        const sum = exactSum(reported.map((d) => d.figure!.value));
        const allExact = reported.every((d) => d.figure!.qualifier === "exact");
        const over = total.high !== null && allExact && sum > total.high;
        const under = total.low !== null && allExact && missing.length === 0 && sum < total.low;
        if (over || under) {
          notes.push(writer.phrase("period.disagree", { value: shown(total) }));
          warnings.push(
            `daily ${metric} add up to ${formatNumber(sum)}, but "${total.id}" says ${shown(total)} for ${span}; the chart says they disagree`,
          );
        }
      }
      summary = [
        writer.sentence(
          writer.phrase("period.byDay", {
            metric: writer.capitalize(metric),
            span,
            days: days
              .map((d) =>
                writer.phrase("summary.dated", {
                  label: writer.date(d.day, { weekday: true, year }),
                  value: d.figure ? shown(d.figure) : writer.phrase("summary.noFigure"),
                }),
              )
              .join(writer.phrase("separator.items")),
          }),
        ),
        ...(total ? [writer.phrase("period.totalSummary", { value: shown(total) })] : []),
        ...(warnings.length ? [writer.phrase("period.disagreeSummary")] : []),
      ].join(" ");
      // After the summary: a rising toll is an editor's warning, not a disagreement the alt text states.
      const toll = runningTollWarning(
        reported.map((d) => d.figure!),
        "daily bars",
      );
      if (toll) warnings.push(toll);
    }
    const used = [...(total ? [total] : []), ...reported.map((d) => d.figure!)];
    const position = new Map(figures.map((f, i) => [f, i]));
    const labelOf = (f: Figure) => (position.has(f) ? choices?.[position.get(f)!]?.label : undefined);
    const names = uniqueNames(used, (f) => nameByTime(f, labelOf(f), writer));
    const attribution = attributionNote(used, names, writer);
    if (attribution) notes.push(attribution);
    const row = (f: Figure, label: string): ShownRow => shownRow(f, label, writer.capitalize(shown(f)));
    const model: ChartModel<PeriodDraw> = {
      used,
      notes,
      names,
      warnings,
      summary,
      rows: [
        ...(total ? [row(total, writer.phrase("row.total", { span }))] : []),
        ...reported.map((d) => row(d.figure!, writer.date(d.day, { weekday: true }))),
      ],
      draw: { mode: daily.size === 0 ? "total" : "daily", total, days },
    };
    return { model, problems };
  },

  draw(model, context) {
    const data = model.draw;
    return data.mode === "total" ? { ...drawSpan(data, context), timeAcross: true } : drawDaily(data, context);
  },
};

/** One piece of text under the days: `line` 0 or 1 of the axis (a label may itself hold lines). */
interface DayLabel {
  x: number;
  line: number;
  text: string;
  anchor: "start" | "middle";
}

interface DayAxis {
  labels: DayLabel[];
  /** Lines of text the axis takes. */
  lines: number;
  /** Not every day carries a label: the chart marks each day with a tick instead. */
  sparse: boolean;
}

/** Clear space between two labels on the day axis, in pixels. */
const LABEL_GAP = 4;

/**
 * Each day's label on the axis or beside its row: "Sun 24 Nov"; across a year, the first day and
 * each 1 January say their year ("Mon 1 Jan 2024"), as a time axis marks where a year begins.
 */
function dayLabels(days: Day[], writer: Writer): string[] {
  const crossing = crossesYear([{ start: days[0].day, end: days[days.length - 1].day }]);
  return days.map(({ day }, i) =>
    writer.date(day, { weekday: true, year: crossing && (i === 0 || day.endsWith("-01-01")) }),
  );
}

/**
 * Labels under the days. Where every day's label fits its column, one form for every day: "Sun 24
 * Nov", else "Sun 24" over "Nov", else weekday, day and month on three lines. Where columns are too
 * narrow for that (a run of weeks, a phone), the day of the month alone ("24") under every n-th day
 * (every day, every 2nd, 3rd, then weekly), with the month ("Nov") beneath the first and wherever it
 * changes; the chart then ticks every day. Labels never leave the plot or touch each other.
 */
function dayAxis(days: Day[], width: number, size: number, writer: Writer): DayAxis {
  const column = width / days.length;
  const dayParts = days.map(({ day }) => writer.dayParts(day));
  const full = dayLabels(days, writer);
  // Across a year, the first day and each 1 January say their year: on a line of their own in the
  // narrower forms, beside the month where only some days are labelled.
  const crossing = crossesYear([{ start: days[0].day, end: days[days.length - 1].day }]);
  const yearOf = (i: number) => (full[i] !== dayParts[i].full ? days[i].day.slice(0, 4) : "");
  const fits = (labels: string[]) =>
    labels.every((l) => l.split("\n").every((line) => textWidth(line, size) <= column - LABEL_GAP));
  const lines = (parts: string[]) => parts.filter(Boolean).join("\n");
  const forms = [
    full,
    dayParts.map((d, i) => lines([...d.two, yearOf(i)])),
    dayParts.map((d, i) => lines([...d.three, yearOf(i)])),
  ];
  const form = forms.find(fits);
  if (form) {
    return {
      labels: form.map((text, i) => ({ x: column * (i + 0.5), line: 0, text, anchor: "middle" })),
      lines: max(form, (l) => l.split("\n").length) ?? 1,
      sparse: false,
    };
  }
  const parts = dayParts.map((d) => [d.day, d.month]); // ["24", "Nov"]
  const place = (step: number) =>
    days.flatMap((_, i) => {
      if (i % step !== 0) return [];
      const text = parts[i][0];
      const w = textWidth(text, size);
      return [{ i, text, w, x: Math.min(width - w / 2, Math.max(w / 2, column * (i + 0.5))) }];
    });
  let numbers = place(1);
  for (let step = 1; ; step = step < 3 ? step + 1 : step === 3 ? 7 : step * 2) {
    numbers = place(step);
    const clear = numbers.every(
      (b, k) => k === 0 || b.x - b.w / 2 - (numbers[k - 1].x + numbers[k - 1].w / 2) >= LABEL_GAP,
    );
    if (clear || numbers.length === 1) break;
  }
  const months: { x: number; w: number; text: string }[] = [];
  numbers.forEach((b, k) => {
    const month = parts[b.i][1];
    if (k > 0 && parts[numbers[k - 1].i][1] === month) return;
    const january = days[b.i].day.slice(5, 7) === "01";
    const text = crossing && (k === 0 || january) ? `${month} ${days[b.i].day.slice(0, 4)}` : month;
    const w = textWidth(text, size);
    const mark = { x: Math.min(width - w, Math.max(0, b.x - b.w / 2)), w, text };
    // Two months too close to both fit (a period starting on the 30th): the later one stays.
    while (months.length > 0 && mark.x < months[months.length - 1].x + months[months.length - 1].w + 2 * LABEL_GAP)
      months.pop();
    months.push(mark);
  });
  return {
    labels: [
      ...numbers.map((b): DayLabel => ({ x: b.x, line: 0, text: b.text, anchor: "middle" })),
      ...months.map((m): DayLabel => ({ x: m.x, line: 1, text: m.text, anchor: "start" })),
    ],
    lines: 2,
    sparse: numbers.length < days.length,
  };
}

/** Plot marks for a day axis whose first line starts at `top`. */
function axisMarks(axis: DayAxis, top: number, { sizes, theme, Plot }: DrawContext) {
  return (["middle", "start"] as const).map((anchor) =>
    Plot.text(
      axis.labels.filter((l) => l.anchor === anchor),
      {
        x: "x",
        y: (l: DayLabel) => top + l.line * sizes.label * sizes.leading,
        text: "text",
        textAnchor: anchor,
        lineAnchor: "top",
        fontSize: sizes.label,
        fill: theme.text,
        lineHeight: sizes.leading,
      },
    ),
  );
}

function drawSpan(data: PeriodDraw, context: DrawContext) {
  const { width, sizes, theme, document, Plot, writer = defaultWriter() } = context;
  const total = data.total!;
  const n = data.days.length;
  const column = width / n;
  const spanHeight = Math.round(sizes.bar * 2);
  const big = sizes.total;
  const label = writer.capitalize(totalWords(total, writer));
  const labelLines = wrap(label, width - 24, big, true);
  const spanH = Math.max(spanHeight, labelLines.length * big * sizes.leading + 16);
  const axis = dayAxis(data.days, width, sizes.label, writer);
  const height = Math.ceil(spanH + 10 + axis.lines * sizes.label * sizes.leading + 2);
  const node = Plot.plot({
    document,
    width,
    height,
    margin: 0,
    x: { type: "identity", axis: null },
    y: { type: "identity", axis: null },
    marks: [
      Plot.rect([total], { x1: 0, x2: width, y1: 0, y2: spanH, fill: theme.series[0] }),
      Plot.text([label], {
        x: width / 2,
        y: spanH / 2,
        text: () => labelLines.join("\n"),
        fontSize: big,
        fontWeight: "bold",
        fill: theme.onSeries,
        lineHeight: sizes.leading,
      }),
      // A tick between every two days, so the span reads as so many days even where few are labelled.
      Plot.ruleX(
        Array.from({ length: n + 1 }, (_, i) => i).map((i) => Math.min(width - 0.5, Math.max(0.5, column * i))),
        { x: (x) => x, y1: spanH, y2: spanH + 7, stroke: theme.rule },
      ),
      ...axisMarks(axis, spanH + 10, context),
    ],
  }) as SVGSVGElement;
  return { node, height };
}

/** "more than 120" set in a column: its words whole, on at most three lines; undefined if it cannot be. */
function inColumn(text: string, column: number, size: number, bold: boolean): string[] | undefined {
  return wrapWhole(text, column - 4, size, bold);
}

/**
 * A bar per day, in columns with the value above each, where every value (and "No figure") fits
 * its column in whole words; otherwise (many days, a narrow screen) a row per day, so no value is
 * ever broken up or left out.
 */
function drawDaily(data: PeriodDraw, context: DrawContext) {
  const { width, sizes, theme, document, Plot, writer = defaultWriter() } = context;
  const n = data.days.length;
  const column = width / n;
  // A value standing alone is capitalised by position, as bars label theirs: "Nearly 900".
  const labels = data.days.map((d) =>
    d.figure ? inColumn(writer.capitalize(writer.qualified(d.figure)), column, sizes.value, true) : [],
  );
  const missing = data.days.every((d) => d.figure)
    ? []
    : inColumn(writer.phrase("label.noFigure"), column, sizes.label, false);
  if (!missing || labels.some((l) => !l)) return drawRows(data, context);
  const barWidth = Math.min(72, column * 0.6);
  const valueLine = sizes.value * sizes.leading;
  const axis = dayAxis(data.days, width, sizes.label, writer);
  // Labels above the columns wrap to the column, so neighbours never collide on narrow screens or
  // long runs of days ("more than / 120"); the space above the tallest column grows to hold them.
  const valueLines = Math.max(1, max(labels, (l) => l!.length) ?? 0);
  const plotHeight = sizes.bar * 5;
  const top = valueLines * valueLine + 4;
  const baseline = top + plotHeight;
  const highest = max(data.days, (d) => d.figure?.value ?? 0) || 1;
  const cells = data.days.map((d, i) => {
    const x = column * (i + 0.5);
    const h = d.figure ? (d.figure.value / highest) * plotHeight : 0;
    return { x, x1: x - barWidth / 2, x2: x + barWidth / 2, y1: baseline - h, shown: labels[i]!.join("\n") };
  });
  const tick = axis.sparse ? 4 : 0;
  const height = Math.ceil(baseline + tick + 8 + axis.lines * sizes.label * sizes.leading + 2);
  const node = Plot.plot({
    document,
    width,
    height,
    margin: 0,
    x: { type: "identity", axis: null },
    y: { type: "identity", axis: null },
    marks: [
      Plot.rect(
        cells.filter((c) => c.shown),
        { x1: "x1", x2: "x2", y1: "y1", y2: baseline, fill: theme.series[0] },
      ),
      Plot.text(
        cells.filter((c) => c.shown),
        {
          x: "x",
          y: (c) => c.y1 - 6,
          text: "shown",
          lineAnchor: "bottom",
          fontSize: sizes.value,
          fontWeight: "bold",
          fill: theme.text,
          lineHeight: sizes.leading,
        },
      ),
      Plot.text(
        cells.filter((c) => !c.shown),
        {
          x: "x",
          y: baseline - 6,
          text: () => missing.join("\n"),
          lineAnchor: "bottom",
          fontSize: sizes.label,
          fill: theme.muted,
          lineHeight: sizes.leading,
        },
      ),
      Plot.ruleY([baseline], { x1: 0, x2: width, stroke: theme.rule }),
      // Where only some days are labelled, a tick under every day says where each one is.
      ...(axis.sparse ? [Plot.ruleX(cells, { x: "x", y1: baseline, y2: baseline + tick, stroke: theme.rule })] : []),
      ...axisMarks(axis, baseline + tick + 8, context),
    ],
  }) as SVGSVGElement;
  return { node, height, timeAcross: true };
}

/**
 * A row per day: the day on the left, its bar from a common zero line, the value (with its
 * qualifier) at the bar's end, "No figure" where none was reported. For runs of days too long for
 * columns at this width.
 */
function drawRows(data: PeriodDraw, { width, sizes, theme, document, Plot, writer = defaultWriter() }: DrawContext) {
  const labels = dayLabels(data.days, writer);
  const gutter = Math.ceil(max(labels, (l) => textWidth(l, sizes.label)) ?? 0) + 10;
  const values = data.days.map((d) => (d.figure ? writer.capitalize(writer.qualified(d.figure)) : ""));
  const valueRoom = Math.max(0, max(values, (v) => textWidth(v, sizes.value, true)) ?? 0) + 8;
  const barMax = Math.max(40, width - gutter - valueRoom);
  const highest = max(data.days, (d) => d.figure?.value ?? 0) || 1;
  const barH = Math.round(sizes.bar * 0.6);
  const pitch = Math.ceil(Math.max(barH, sizes.label * sizes.leading, sizes.value * sizes.leading)) + 6;
  const rows = data.days.map((d, i) => ({
    mid: i * pitch + pitch / 2,
    label: labels[i],
    value: values[i],
    end: gutter + (d.figure ? (d.figure.value / highest) * barMax : 0),
    reported: Boolean(d.figure),
  }));
  const height = data.days.length * pitch;
  const node = Plot.plot({
    document,
    width,
    height,
    margin: 0,
    x: { type: "identity", axis: null },
    y: { type: "identity", axis: null },
    marks: [
      Plot.rect(
        rows.filter((r) => r.reported),
        { x1: gutter, x2: "end", y1: (r) => r.mid - barH / 2, y2: (r) => r.mid + barH / 2, fill: theme.series[0] },
      ),
      Plot.ruleX([gutter], { x: (x) => x, y1: 0, y2: height, stroke: theme.rule }),
      Plot.text(rows, {
        x: gutter - 8,
        y: "mid",
        text: "label",
        textAnchor: "end",
        fontSize: sizes.label,
        fill: theme.text,
      }),
      Plot.text(
        rows.filter((r) => r.reported),
        {
          x: (r) => r.end + 6,
          y: "mid",
          text: "value",
          textAnchor: "start",
          fontSize: sizes.value,
          fontWeight: "bold",
          fill: theme.text,
        },
      ),
      Plot.text(
        rows.filter((r) => !r.reported),
        {
          x: gutter + 6,
          y: "mid",
          text: () => writer.phrase("label.noFigure"),
          textAnchor: "start",
          fontSize: sizes.label,
          fill: theme.muted,
        },
      ),
    ],
  }) as SVGSVGElement;
  return { node, height };
}

/** The total written across its span: "954 arrests" for a count, "Rainfall: 180 millimetres" for a measure. */
function totalWords(total: Figure, writer: Writer): string {
  return isCount(total.unit)
    ? writer.phrase("period.totalCount", { value: writer.qualified(total), metric: total.metric })
    : writer.phrase("period.totalMeasure", { metric: writer.capitalize(total.metric), value: writer.qualified(total) });
}
