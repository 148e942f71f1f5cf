import { max } from "d3-array";
import { daysBetween, formatDate } from "../pipeline/facts/dates.ts";
import type { Figure } from "../pipeline/facts/figure.ts";
import { defaultWriter } from "../pipeline/language/writer.ts";
import { attributionNote, listWords } from "./attribution.ts";
import { unitProblems } from "./bars.ts";
import { type Bound, boundNotes, boundOf } from "./bounds.ts";
import { colourOf, colourRoles } from "./colour.ts";
import { type ChartKind, type ChartModel, type ColourRole, type DrawContext, type Drawing, shownRow } from "./kind.ts";
import { textWidth } from "./measure.ts";
import { nameByTime, uniqueNames, whatOf } from "./names.ts";
import {
  crossesYear,
  gapsBetween,
  gapWords,
  periodLabel,
  runningAdvice,
  runningTollWarning,
  seriesDifferences,
  timeLabel,
  timeProblem,
} from "./series.ts";
import { signedBoundProblems, signedExtent } from "./signs.ts";
import { fractionProblems } from "./units.ts";

interface Point {
  id: string;
  /** The day the point stands at: the last day its figure covers. */
  date: string;
  /** What the axis says under it: the entry's label, else its period ("Fri 30 Jun"). */
  label: string;
  value: number;
  shown: string;
  /** What `shown` says inside a sentence: "more than 700", never "More than 700". */
  written: string;
  bound: Bound;
  /** Joined to the point before it by a dotted line: days lie between them that no figure covers. */
  afterGap: boolean;
  /** Picked out by the entry: drawn in the highlight colour. */
  highlight?: boolean;
}

interface Series {
  /** The group's name when the entry draws several series; written beside the series. */
  name?: string;
  colour: ColourRole;
  points: Point[];
}

interface Gap {
  start: string;
  end: string;
}

interface LineDraw {
  series: Series[];
  /** Runs of days between points that no figure covers, over every series (a row each when time runs down). */
  gaps: (Gap & { label: string })[];
}

/** Length of the dashed tick that marks a minimum (up) or a maximum (down) at a point, in pixels. */
const TICK = 16;
const RADIUS = 4.5;

/**
 * Figures at dates, joined in date order: a toll reported day after day. Each point is placed at
 * the last day its figure covers and labelled with its value and qualifier; a minimum gets a dashed
 * tick upwards, a maximum one downwards. Points days apart are joined by a dotted line and the days
 * between named in a note, never interpolated silently. A series is either a running total (every
 * figure counting from the same day) or counts for periods of one length that do not overlap; one
 * colour, or one a group when the entry groups figures (two sides, each named at its line). Time
 * runs across where every label fits; otherwise down, a row a date, so no value is dropped.
 */
export const line: ChartKind<LineDraw> = {
  prepare({ figures, choices, writer = defaultWriter() }) {
    const problems: string[] = figures.flatMap((f) => timeProblem(f, "line", { running: true }) ?? []);
    if (problems.length > 0) return { problems };
    // Figures across a year say their years wherever they give a date.
    const year = crossesYear(figures);
    for (const p of [
      ...fractionProblems(figures, "line"),
      ...unitProblems(figures, "line charts"),
      ...signedBoundProblems(figures, "point"),
    ])
      problems.push(p);
    const colours = colourRoles(
      "line",
      figures.map((f) => f.id),
      choices,
      { highlight: true, groups: true },
      4,
    );
    for (const p of colours.problems) problems.push(p);
    const labelOf = (i: number) => choices?.[i]?.label?.trim();
    const members = (g: string | undefined) =>
      figures.map((f, i) => ({ f, i })).filter(({ i }) => colours.groups.length < 2 || choices?.[i]?.group === g);
    const groups = colours.groups.length > 1 ? colours.groups : [undefined];
    const notes: string[] = [];
    const series: Series[] = [];
    let running = false;
    let periods = false;
    const runningStarts = new Set<string>();
    const warnings: string[] = [];
    const spans: Gap[] = [];
    for (const group of groups) {
      const list = members(group).sort((a, b) => (a.f.end < b.f.end ? -1 : a.f.end > b.f.end ? 1 : 0));
      const [first] = list;
      for (const { f } of list.slice(1)) {
        const differs = seriesDifferences(f, first.f);
        if (differs.length > 0 && unitProblems([f, first.f], "line charts").length === 0)
          problems.push(
            `"${f.id}" does not count what "${first.f.id}" counts: ${differs.join("; ")}; a line joins figures of one quantity${group ? ` (group ${JSON.stringify(group)})` : ""}: ` +
              `correct it in figures.csv, ${group ? "put it in another group" : 'give the figures "group"s for two lines'}, or chart it apart`,
          );
      }
      const before = problems.length;
      for (let k = 1; k < list.length; k++)
        if (list[k].f.end === list[k - 1].f.end)
          problems.push(
            `"${list[k - 1].f.id}" and "${list[k].f.id}" are both for ${formatDate(list[k].f.end, { weekday: true })}; a line has one point a day: correct one, or chart them apart`,
          );
      const shape = seriesShape(list.map(({ f }) => f));
      if (shape.problem && problems.length === before) problems.push(shape.problem);
      running ||= shape.running && list.some(({ f }) => f.start !== f.end);
      if (shape.running) runningStarts.add(shape.start);
      periods ||= !shape.running && list.some(({ f }) => f.start !== f.end);
      if (!shape.running) {
        const toll = runningTollWarning(
          list.map(({ f }) => f),
          "a line of daily counts",
        );
        if (toll) warnings.push(toll);
      }
      // A running total is known only on the days reported; counts for periods cover their days.
      const covered = list.map(({ f }) =>
        shape.running ? { start: f.end, end: f.end } : { start: f.start, end: f.end },
      );
      for (const span of covered) spans.push(span);
      const points: Point[] = list.map(({ f, i }, k) => ({
        id: f.id,
        date: f.end,
        label: labelOf(i) || timeLabel(shape.running ? { ...f, start: f.end } : f, writer, year),
        value: f.value,
        shown: writer.capitalize(writer.qualified(f)),
        written: writer.qualified(f),
        bound: boundOf(f),
        afterGap: k > 0 && daysBetween(covered[k - 1].end, covered[k].start) > 1,
      }));
      series.push({
        ...(group ? { name: group } : {}),
        colour: group && list[0] ? colours.roles[list[0].i] : { role: "one" },
        points,
      });
    }
    if (problems.length > 0) return { problems };
    // Highlighting picks out one point; the series stays in the one colour.
    const highlighted = new Set(figures.filter((_, i) => choices?.[i]?.highlight).map((f) => f.id));
    const gaps = mergedGaps(spans);
    const nights = figures.every((f) => f.nights);
    if (running) {
      // One start for every series, said once; a start no source gives is said so, never guessed.
      const starts = [...runningStarts];
      const known = starts.filter(Boolean);
      const since = (day: string) => writer.date(day, { weekday: true, year });
      notes.push(
        known.length === 0
          ? writer.phrase("line.runningOpen")
          : known.length === 1 && starts.length === 1
            ? writer.phrase("line.running", { day: since(known[0]) })
            : known.length === 1
              ? writer.phrase("line.runningPartly", { day: since(known[0]) })
              : writer.phrase("line.runningEach"),
      );
    }
    if (periods) notes.push(writer.phrase("line.periods"));
    const gapDays = writer.list(gapWords(gaps, nights, writer, year));
    if (series.some((s) => s.points.some((p) => p.afterGap))) notes.push(writer.phrase("line.gaps", { days: gapDays }));
    const all = series.flatMap((s) => s.points);
    for (const note of boundNotes(
      all.map((p) => p.bound),
      { minimum: writer.phrase("note.minimum.line"), maximum: writer.phrase("note.maximum.line") },
    ))
      notes.push(note);
    const drawn = new Set(all.map((p) => p.id));
    const used = figures.filter((f) => drawn.has(f.id));
    const position = new Map(figures.map((f, i) => [f, i]));
    const groupOf = (f: Figure) => (colours.groups.length > 1 ? choices?.[position.get(f)!]?.group : undefined);
    const names = uniqueNames(
      used,
      (f) => nameByTime(f, labelOf(position.get(f)!), writer, running && f.start !== f.end),
      (f) => groupOf(f),
    );
    // Where each group has one source, the groups name the figures: "Police as reported by …".
    const bySeries =
      colours.groups.length > 1 &&
      colours.groups.every((g) => new Set(used.filter((f) => groupOf(f) === g).map((f) => f.attributed_to)).size === 1);
    const attribution = attributionNote(
      used,
      bySeries ? Object.fromEntries(used.map((f) => [f.id, groupOf(f)!])) : names,
      writer,
    );
    if (attribution) notes.push(attribution);
    const byId = new Map(figures.map((f) => [f.id, f]));
    const summary = series
      .map((s) =>
        writer.sentence(
          writer.phrase("summary.series", {
            name: s.name ?? writer.capitalize(whatOf(byId.get(s.points[0].id)!, writer)),
            items: s.points
              .map((p) => writer.phrase("summary.dated", { label: p.label, value: p.written }))
              .join(writer.phrase("separator.items")),
          }),
        ),
      )
      .join(" ");
    const model: ChartModel<LineDraw> = {
      used,
      notes,
      names,
      warnings,
      summary: gaps.length > 0 ? `${summary} ${writer.phrase("note.missing", { days: gapDays })}` : summary,
      rows: series.flatMap((s) =>
        s.points.map((p) => {
          const f = byId.get(p.id)!;
          return shownRow(
            f,
            s.name ? writer.phrase("label.dated", { label: s.name, date: p.label }) : p.label,
            p.shown,
          );
        }),
      ),
      draw: {
        series: series.map((s) => ({
          ...s,
          points: s.points.map((p) => (highlighted.has(p.id) ? { ...p, highlight: true } : p)),
        })),
        gaps: gaps.map((g) => ({ ...g, label: timeLabel({ ...g, nights }, writer, year) })),
      },
    };
    return { model, problems };
  },

  draw(model, context) {
    return across(model.draw, context) ?? down(model.draw, context);
  },
};

/**
 * A running total (every figure counts from one day, or from a day its source does not say) or
 * counts for periods that do not overlap and are all as long: anything else on one line would join
 * unlike things. A figure that does not fit gets advice its words allow (series.ts `runningAdvice`),
 * never a date the check would refuse.
 */
function seriesShape(figures: Figure[]): { running: boolean; start: string; problem?: string } {
  if (figures.length === 0) return { running: false, start: "" };
  const open = figures.filter((f) => !f.start);
  const multi = figures.filter((f) => f.start && f.start !== f.end);
  const shared = runningStart(multi);
  const common = shared ?? (new Set(multi.map((f) => f.start)).size === 1 ? multi[0].start : undefined);
  const fits = (f: Figure) => !f.start || f.start === common || (f.start === f.end && f.end === common);
  if ((open.length > 0 || common) && figures.every(fits)) return { running: true, start: common ?? "" };
  // Most figures count from one day, or from a day no source gives, and some do not: name those.
  if (shared || open.length > 0) {
    const off = figures.filter((f) => !fits(f));
    const total = figures.filter(fits);
    const from = common ? ` from ${formatDate(common, { weekday: true })}` : "";
    return {
      running: false,
      start: "",
      problem:
        `${listWords(off.map((f) => `"${f.id}" (${periodLabel(f.start || f.end, f.end)})`))} ${off.length === 1 ? "does" : "do"} not count${from} as the running total of ` +
        `${listWords(total.map((f) => `"${f.id}"`))} ${total.length === 1 ? "does" : "do"}; a line joins one running total: ${off.map((f) => runningAdvice(f, common ?? "")).join("; ")}`,
    };
  }
  const length = (f: Figure) => daysBetween(f.start, f.end);
  const odd = figures.find((f) => length(f) !== length(figures[0]));
  if (odd)
    return {
      running: false,
      start: "",
      problem:
        `"${odd.id}" covers ${periodLabel(odd.start, odd.end)} but "${figures[0].id}" covers ${periodLabel(figures[0].start, figures[0].end)}; ` +
        "a line joins a running total (every figure counting from the same day) or counts for periods of one length: chart them apart, or correct the dates in figures.csv",
    };
  for (let k = 1; k < figures.length; k++)
    if (figures[k].start <= figures[k - 1].end)
      return {
        running: false,
        start: "",
        problem: `"${figures[k].id}" (${periodLabel(figures[k].start, figures[k].end)}) overlaps "${figures[k - 1].id}" (${periodLabel(figures[k - 1].start, figures[k - 1].end)}); a line joins counts for periods that do not overlap`,
      };
  return { running: false, start: "" };
}

/** The day two or more multi-day figures count from (the earliest such day), if any. */
function runningStart(multi: Figure[]): string | undefined {
  const counts = new Map<string, number>();
  for (const f of multi) counts.set(f.start, (counts.get(f.start) ?? 0) + 1);
  return [...counts].filter(([, n]) => n >= 2).sort(([a], [b]) => (a < b ? -1 : 1))[0]?.[0];
}

/** Days no series covers, between the first and last day any covers. */
function mergedGaps(spans: Gap[]): Gap[] {
  const sorted = [...spans].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const merged: Gap[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = s.end > last.end ? s.end : last.end;
    else merged.push({ ...s });
  }
  return gapsBetween(merged);
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Room kept clear around every label, in pixels. */
const CLEAR = 4;

/**
 * Time across: a proportional day scale, values up from a zero line, each value above its point
 * (below when a neighbour's label is in the way), dates under the axis, group names at the end of
 * their lines. Undefined when any label would touch another or leave the frame: time then runs down.
 */
function across(data: LineDraw, { width, sizes, theme, document, Plot }: DrawContext): Drawing | undefined {
  const all = data.series.flatMap((s) => s.points);
  const dates = [...new Set(all.map((p) => p.date))].sort();
  const first = dates[0];
  const span = Math.max(1, daysBetween(first, dates[dates.length - 1]));
  // Text boxes for collisions: the letters' height (ascender to descender, 1.12 em in Liberation
  // Sans) with a little room, not the line's leading.
  const valueH = sizes.value * 1.2;
  const labelH = sizes.label * 1.2;
  const valueW = (p: Point) => textWidth(p.shown, sizes.value, true);
  const axisLabel = new Map<string, string>();
  for (const p of all) if (!axisLabel.has(p.date)) axisLabel.set(p.date, p.label);
  const half = (date: string) =>
    Math.max(
      textWidth(axisLabel.get(date)!, sizes.label) / 2,
      max(
        all.filter((p) => p.date === date),
        (p) => valueW(p) / 2,
      ) ?? 0,
    );
  const nameRoom = max(data.series, (s) => (s.name ? textWidth(s.name, sizes.label, true) + 10 : 0)) ?? 0;
  const left = half(first) + 1;
  const right = width - Math.max(half(dates[dates.length - 1]) + 1, nameRoom + RADIUS);
  if (right - left < width / 3) return undefined;
  const x = (date: string) =>
    dates.length === 1 ? (left + right) / 2 : left + (daysBetween(first, date) / span) * (right - left);
  const hasMin = all.some((p) => p.bound === "minimum");
  const top = valueH + CLEAR + RADIUS + (hasMin ? TICK + 1 : 0) + 2;
  const plotHeight = sizes.bar * 5;
  // Zero stands as high as the values below it need (a value below zero is never qualified: see
  // signedBoundProblems); under the lowest point, room for its label, then the dates.
  const { low, high } = signedExtent(all.map((p) => p.value));
  const zero = top + (high / (high - low)) * plotHeight;
  const baseline = top + plotHeight + (low < 0 ? valueH + CLEAR + RADIUS + 2 : 0);
  const y = (p: Point) => zero - (p.value / (high - low)) * plotHeight;

  // Dates under the axis, one a reported day; checked first, as the cheapest to fail.
  const axis = dates.map((d) => ({ text: axisLabel.get(d)!, x: x(d) }));
  for (let k = 1; k < axis.length; k++) {
    const gap = axis[k].x - axis[k - 1].x;
    if (gap < (textWidth(axis[k].text, sizes.label) + textWidth(axis[k - 1].text, sizes.label)) / 2 + CLEAR * 2)
      return undefined;
  }
  // Value labels: above the point (past a minimum's tick), else below it (past a maximum's tick),
  // else to its right or left; clear of every other label, point, tick and line.
  const placed: Box[] = data.series.flatMap((s) =>
    s.points.flatMap((p): Box[] => {
      const dot = { x: x(p.date) - RADIUS - 1, y: y(p) - RADIUS - 1, w: 2 * RADIUS + 2, h: 2 * RADIUS + 2 };
      if (p.bound === "none") return [dot];
      const up = p.bound === "minimum";
      return [dot, { x: x(p.date) - 2, y: up ? y(p) - RADIUS - TICK - 1 : y(p) + RADIUS, w: 4, h: TICK + 1 }];
    }),
  );
  // The zero line crosses the plot where values go below it: no label sits on it.
  if (low < 0) placed.push({ x: 0, y: zero - 1, w: width, h: 2 });
  // Group names beside each line's last point.
  const names: { text: string; x: number; y: number; fill: string }[] = [];
  for (const s of data.series) {
    if (!s.name) continue;
    const last = s.points[s.points.length - 1];
    // Beside the point, else just below or above it, leaving the corners to the value labels.
    const w = textWidth(s.name, sizes.label, true);
    const box = [0, 0.8, -0.8]
      .map((shift) => ({ x: x(last.date) + RADIUS + 6, y: y(last) - labelH / 2 + shift * labelH, w, h: labelH }))
      .find(
        (b) =>
          b.x + b.w <= width &&
          b.y >= 0 &&
          b.y + b.h <= baseline - 2 &&
          !placed.some((o) => overlaps(b, o)) &&
          !crossesLine(b, data, x, y),
      );
    if (!box) return undefined;
    // The line box already holds leading above and below the letters: room at the sides only.
    placed.push({ ...box, x: box.x - CLEAR, w: box.w + 2 * CLEAR });
    names.push({ text: s.name, x: box.x, y: box.y + labelH / 2, fill: colourOf(s.colour, theme) });
  }
  const labels: { text: string; x: number; y: number }[] = [];
  for (const s of data.series) {
    for (const p of s.points) {
      const w = valueW(p);
      const px = x(p.date);
      const upTo = y(p) - RADIUS - (p.bound === "minimum" ? TICK + 1 : 0) - CLEAR;
      const downFrom = y(p) + RADIUS + (p.bound === "maximum" ? TICK + 1 : 0) + CLEAR;
      const options = [
        { x: px - w / 2, y: upTo - valueH, w, h: valueH },
        { x: px - w / 2, y: downFrom, w, h: valueH },
        // Corners: a rising line leaves the upper left of a point free, a falling one the upper right.
        { x: px - RADIUS - 2 - w, y: upTo - valueH + CLEAR, w, h: valueH },
        { x: px + RADIUS + 2, y: upTo - valueH + CLEAR, w, h: valueH },
        { x: px + RADIUS + 2, y: downFrom - CLEAR, w, h: valueH },
        { x: px - RADIUS - 2 - w, y: downFrom - CLEAR, w, h: valueH },
        { x: px + RADIUS + CLEAR + 2, y: y(p) - valueH / 2, w, h: valueH },
        { x: px - RADIUS - CLEAR - 2 - w, y: y(p) - valueH / 2, w, h: valueH },
      ].filter((b) => b.y >= 0 && b.y + b.h <= baseline - 2 && b.x >= 0 && b.x + b.w <= width);
      const clear = options.find((b) => !placed.some((o) => overlaps(b, o)) && !crossesLine(b, data, x, y));
      if (!clear) return undefined;
      placed.push(inflate(clear));
      labels.push({ text: p.shown, x: clear.x, y: clear.y + valueH / 2 });
    }
  }
  const height = Math.ceil(baseline + 8 + sizes.label * sizes.leading + 2);
  const segments = data.series.flatMap((s) =>
    s.points.slice(1).map((p, k) => ({
      x1: x(s.points[k].date),
      y1: y(s.points[k]),
      x2: x(p.date),
      y2: y(p),
      dotted: p.afterGap,
      stroke: colourOf(s.colour, theme),
    })),
  );
  const dots = data.series.flatMap((s) =>
    s.points.map((p) => ({
      ...p,
      cx: x(p.date),
      cy: y(p),
      fill: p.highlight ? theme.highlight : colourOf(s.colour, theme),
    })),
  );
  const node = Plot.plot({
    document,
    width,
    height,
    margin: 0,
    x: { type: "identity", axis: null },
    y: { type: "identity", axis: null },
    color: { type: "identity" },
    marks: [
      // The one line across is zero: where values go below it, the dates keep their ticks but no line.
      Plot.ruleY([low < 0 ? zero : baseline], { x1: 0, x2: width, stroke: theme.rule }),
      Plot.ruleX(axis, { x: "x", y1: baseline, y2: baseline + 4, stroke: theme.rule }),
      ...segmentMarks(segments, Plot),
      ...tickMarks(dots, "x", theme, Plot),
      Plot.dot(dots, { x: "cx", y: "cy", r: RADIUS, fill: "fill", stroke: theme.background, strokeWidth: 1.5 }),
      Plot.text(labels, {
        x: "x",
        y: "y",
        text: "text",
        textAnchor: "start",
        fontSize: sizes.value,
        fontWeight: "bold",
        fill: theme.text,
      }),
      Plot.text(names, {
        x: "x",
        y: "y",
        text: "text",
        textAnchor: "start",
        fontSize: sizes.label,
        fontWeight: "bold",
        fill: "fill",
      }),
      Plot.text(axis, {
        x: "x",
        y: baseline + 8,
        text: "text",
        lineAnchor: "top",
        fontSize: sizes.label,
        fill: theme.text,
      }),
    ],
  }) as SVGSVGElement;
  return { node, height, timeAcross: true };
}

/** Whether a label's box would sit on a line between two points of any series. */
function crossesLine(box: Box, data: LineDraw, x: (date: string) => number, y: (p: Point) => number): boolean {
  for (const s of data.series) {
    for (let k = 1; k < s.points.length; k++) {
      const [a, b] = [s.points[k - 1], s.points[k]];
      if (segmentHitsBox(x(a.date), y(a), x(b.date), y(b), box)) return true;
    }
  }
  return false;
}

/** Liang–Barsky: does the segment from (x1, y1) to (x2, y2) enter the box? */
function segmentHitsBox(x1: number, y1: number, x2: number, y2: number, b: Box): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const edges: [number, number][] = [
    [-dx, x1 - b.x],
    [dx, b.x + b.w - x1],
    [-dy, y1 - b.y],
    [dy, b.y + b.h - y1],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return false;
    }
  }
  return true;
}

function inflate(b: Box): Box {
  return { x: b.x - CLEAR, y: b.y - CLEAR / 2, w: b.w + 2 * CLEAR, h: b.h + CLEAR };
}

type PlotModule = DrawContext["Plot"];

/** Solid lines between neighbouring points; dotted across days without a figure. */
function segmentMarks(
  segments: { x1: number; y1: number; x2: number; y2: number; dotted: boolean; stroke: string }[],
  Plot: PlotModule,
) {
  return [false, true].map((dotted) =>
    Plot.link(
      segments.filter((s) => s.dotted === dotted),
      {
        x1: "x1",
        y1: "y1",
        x2: "x2",
        y2: "y2",
        stroke: "stroke",
        strokeWidth: dotted ? 2 : 2.5,
        ...(dotted ? { strokeDasharray: "1,5", strokeLinecap: "round" } : {}),
      },
    ),
  );
}

/** The dashed ticks of bounds: up (across) or right (down) for a minimum, the other way for a maximum. */
function tickMarks(
  dots: { cx: number; cy: number; bound: Bound }[],
  axis: "x" | "y",
  theme: DrawContext["theme"],
  Plot: PlotModule,
) {
  const sign = (d: { bound: Bound }) => (d.bound === "minimum" ? 1 : -1);
  const ticks = dots.filter((d) => d.bound !== "none");
  // From the dot's edge outwards, so the whole tick shows.
  const from = RADIUS + 1;
  return [
    Plot.link(ticks, {
      x1: (d) => (axis === "x" ? d.cx : d.cx + sign(d) * from),
      y1: (d) => (axis === "x" ? d.cy - sign(d) * from : d.cy),
      x2: (d) => (axis === "x" ? d.cx : d.cx + sign(d) * (from + TICK)),
      y2: (d) => (axis === "x" ? d.cy - sign(d) * (from + TICK) : d.cy),
      stroke: theme.open,
      strokeWidth: 3,
      strokeDasharray: "4,3",
    }),
  ];
}

/**
 * Time down: a row a reported date (and a row for each run of days without a figure), the date on
 * the left, values across from a zero line, each value beside its point, lines joining the points
 * down the rows. Used where time across would crowd its labels: phones, many dates.
 */
function down(data: LineDraw, { width, sizes, theme, document, Plot, writer = defaultWriter() }: DrawContext): Drawing {
  const all = data.series.flatMap((s) => s.points);
  const several = data.series.length > 1;
  const dates = [...new Set(all.map((p) => p.date))].sort();
  const rowLabel = new Map<string, string>();
  for (const p of all) if (!rowLabel.has(p.date)) rowLabel.set(p.date, p.label);
  type Row = { date: string; label: string; gap: boolean };
  const rows: Row[] = [
    ...dates.map((d) => ({ date: d, label: rowLabel.get(d)!, gap: false })),
    ...data.gaps.map((g) => ({ date: g.start, label: g.label, gap: true })),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const valueText = (s: Series, p: Point) =>
    several && s.name ? writer.phrase("summary.item", { label: s.name, value: p.shown }) : p.shown;
  const gutter = Math.min(width * 0.4, Math.ceil(max(rows, (r) => textWidth(r.label, sizes.label)) ?? 0) + 12);
  // Values stand in a column of their own at the right, clear of every line between the points.
  // "No figure" stands in the same column: room for it too.
  const valueRoom =
    (max(
      [
        ...data.series.flatMap((s) => s.points.map((p) => textWidth(valueText(s, p), sizes.value, true))),
        data.gaps.length > 0 ? textWidth(writer.phrase("label.noFigure"), sizes.label) : 0,
      ],
      (w) => w,
    ) ?? 0) + 12;
  const valueX = width - valueRoom + 12;
  const plotLeft = gutter + RADIUS + 2 + (all.some((p) => p.bound === "maximum") ? TICK + 1 : 0);
  const plotWidth = Math.max(
    40,
    width - valueRoom - plotLeft - RADIUS - (all.some((p) => p.bound === "minimum") ? TICK + 1 : 0),
  );
  // Values across from zero, which stands as far right as the values below it need.
  const { low, high } = signedExtent(all.map((p) => p.value));
  const zero = plotLeft + (-low / (high - low)) * plotWidth;
  const sub = Math.ceil(Math.max(sizes.label, sizes.value) * sizes.leading) + 6;
  const pitch = sub * data.series.length;
  const rowTop = new Map<string, number>();
  rows.forEach((r, i) => rowTop.set(`${r.gap ? "gap:" : ""}${r.date}`, i * pitch));
  const cx = (p: Point) => zero + (p.value / (high - low)) * plotWidth;
  const cy = (p: Point, k: number) => rowTop.get(p.date)! + k * sub + sub / 2;
  const dots = data.series.flatMap((s, k) =>
    s.points.map((p) => ({
      ...p,
      cx: cx(p),
      cy: cy(p, k),
      text: valueText(s, p),
      fill: p.highlight ? theme.highlight : colourOf(s.colour, theme),
    })),
  );
  const segments = data.series.flatMap((s, k) =>
    s.points.slice(1).map((p, j) => ({
      x1: cx(s.points[j]),
      y1: cy(s.points[j], k),
      x2: cx(p),
      y2: cy(p, k),
      dotted: p.afterGap,
      stroke: colourOf(s.colour, theme),
    })),
  );
  const height = rows.length * pitch;
  const node = Plot.plot({
    document,
    width,
    height,
    margin: 0,
    x: { type: "identity", axis: null },
    y: { type: "identity", axis: null },
    color: { type: "identity" },
    marks: [
      Plot.ruleX([zero], { x: (v) => v, y1: 0, y2: height, stroke: theme.rule }),
      ...segmentMarks(segments, Plot),
      ...tickMarks(dots, "y", theme, Plot),
      Plot.dot(dots, { x: "cx", y: "cy", r: RADIUS, fill: "fill", stroke: theme.background, strokeWidth: 1.5 }),
      Plot.text(
        rows.map((r) => ({ ...r, y: rowTop.get(`${r.gap ? "gap:" : ""}${r.date}`)! + pitch / 2 })),
        {
          x: gutter - 10,
          y: "y",
          text: "label",
          textAnchor: "end",
          fontSize: sizes.label,
          fill: (r: Row) => (r.gap ? theme.muted : theme.text),
        },
      ),
      Plot.text(
        rows.filter((r) => r.gap).map((r) => ({ y: rowTop.get(`gap:${r.date}`)! + pitch / 2 })),
        {
          x: valueX,
          y: "y",
          text: () => writer.phrase("label.noFigure"),
          textAnchor: "start",
          fontSize: sizes.label,
          fill: theme.muted,
        },
      ),
      Plot.text(dots, {
        x: valueX,
        y: "cy",
        text: "text",
        textAnchor: "start",
        fontSize: sizes.value,
        fontWeight: "bold",
        fill: theme.text,
      }),
    ],
  }) as SVGSVGElement;
  return { node, height };
}
