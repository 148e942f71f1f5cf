/**
 * Each chart kind's prepare(): figures in, content out (notes, names, alt text, the chart's rows,
 * drawing data), or problems. Pure: no files, no DOM.
 */
import { describe, expect, it } from "vitest";
import { bars } from "../charts/bars.ts";
import { columns } from "../charts/columns.ts";
import { KIND_NAMES } from "../charts/index.ts";
import type { FigureChoice } from "../charts/kind.ts";
import { line } from "../charts/line.ts";
import { MAX_PERIOD_DAYS, period } from "../charts/period.ts";
import { share } from "../charts/share.ts";
import type { Figure } from "../pipeline/facts/figure.ts";
import { day, figure } from "./helpers/figures.ts";

const prepare = <D>(
  kind: { prepare: (i: { figures: Figure[]; choices?: FigureChoice[]; dataset: Figure[] }) => unknown },
  figures: Figure[],
  choices?: FigureChoice[],
  dataset: Figure[] = figures,
) =>
  kind.prepare({ figures, choices, dataset }) as { model?: { draw: D } & Record<string, unknown>; problems: string[] };

/** Every number a model would show a reader: alt text, notes, rows as shown. */
function numbersIn(model: { summary: string; notes: string[]; rows: { shown_as: string; label: string }[] }): string[] {
  const text = [model.summary, ...model.notes, ...model.rows.flatMap((r) => [r.shown_as, r.label])].join(" ");
  return text.match(/\d[\d,.]*/g)?.map((n) => n.replace(/[.,]$/, "")) ?? [];
}

type Model = {
  summary: string;
  notes: string[];
  names: Record<string, string>;
  rows: { shown_as: string; label: string; figure_id: string }[];
};

const nights = [
  day("thu", "2023-06-29", 917, { attributed_to: "the interior ministry" }),
  day("fri", "2023-06-30", 1311, { attributed_to: "the interior ministry" }),
  day("sat", "2023-07-01", 719, { attributed_to: "the interior ministry" }),
];

describe("every kind", () => {
  it("is registered under its name", () => {
    expect([...KIND_NAMES].sort()).toEqual(["bars", "columns", "line", "locator", "period", "share"]);
  });
});

describe("bars", () => {
  it("labels each bar from the entry, else its category, and names figures of one category by their labels", () => {
    const { model, problems } = prepare<{ label: string }[]>(bars, nights, [
      { label: "Thursday night" },
      {},
      { label: "Saturday night" },
    ]);
    expect(problems).toEqual([]);
    const m = model as unknown as Model & { draw: { label: string }[] };
    expect(m.draw.map((b) => b.label)).toEqual(["Thursday night", "People arrested", "Saturday night"]);
    expect(m.summary).toBe("Thursday night: 917; People arrested: 1,311; Saturday night: 719.");
    expect(m.names).toEqual({
      thu: "people arrested on Thursday night",
      fri: "people arrested on Fri 30 Jun",
      sat: "people arrested on Saturday night",
    });
  });

  it("draws in one colour unless the entry highlights a figure or groups them", () => {
    const roles = (choices?: FigureChoice[]) =>
      (prepare<{ colour: unknown }[]>(bars, nights, choices).model!.draw as { colour: unknown }[]).map((b) => b.colour);
    expect(roles()).toEqual([{ role: "one" }, { role: "one" }, { role: "one" }]);
    expect(roles([{}, { highlight: true }, {}])).toEqual([{ role: "one" }, { role: "highlight" }, { role: "one" }]);
    expect(roles([{ group: "North" }, { group: "South" }, { group: "North" }])).toEqual([
      { role: "group", index: 0 },
      { role: "group", index: 1 },
      { role: "group", index: 0 },
    ]);
  });

  it("refuses colour that would say nothing or two things", () => {
    const problems = (choices: FigureChoice[]) => prepare(bars, nights, choices).problems;
    expect(problems([{ group: "A" }, { group: "B" }, {}])).toEqual([
      expect.stringMatching(/^once figures are grouped, every figure needs its "group".*"sat"/),
    ]);
    expect(problems([{ group: "A" }, { group: "A" }, { group: "A" }])).toEqual([
      expect.stringMatching(/one group needs no colour/),
    ]);
    expect(problems([{ group: "A", highlight: true }, { group: "B" }, { group: "B" }])).toContainEqual(
      expect.stringMatching(/"highlight" a figure or sort figures into "group"s, not both/),
    );
    expect(problems([{ highlight: true }, { highlight: true }, { highlight: true }])).toEqual([
      expect.stringMatching(/every figure is highlighted/),
    ]);
  });

  it("marks a minimum and a maximum each its own way, and explains both", () => {
    const { model } = prepare<{ bound: string }[]>(bars, [
      figure({ id: "buildings", value: 2500, qualifier: "more_than", category: "Buildings damaged" }),
      figure({ id: "vehicles", value: 5000, qualifier: "nearly", category: "Vehicles set on fire" }),
      figure({ id: "deployed", value: 45000, qualifier: "about", category: "Officers" }),
    ]);
    const m = model as unknown as Model & { draw: { bound: string }[] };
    expect(m.draw.map((b) => b.bound)).toEqual(["minimum", "maximum", "none"]);
    expect(m.notes).toEqual([
      "A dashed end marks a minimum: the true figure may be higher.",
      "A bar capped by a cross-line marks a maximum: the true figure may be lower.",
    ]);
    expect(m.rows.map((r) => r.shown_as)).toEqual(["More than 2,500", "Nearly 5,000", "About 45,000"]);
  });

  it("shows the source's own qualifier word", () => {
    const { model } = prepare(bars, [
      figure({ id: "deployed", value: 45000, qualifier: "about", qualifier_words: "some", category: "Officers" }),
    ]);
    expect((model as unknown as Model).rows[0].shown_as).toBe("Some 45,000");
  });

  it("refuses a fraction, pointing to share", () => {
    const minors = figure({
      id: "minors",
      value: 1 / 3,
      fraction: { numerator: 1, denominator: 3 },
      qualifier: "about",
      unit: "",
    });
    expect(prepare(bars, [minors, nights[0]]).problems).toContainEqual(
      expect.stringMatching(/^"minors" is a share of a whole \("about a third"\).*chart it as share$/),
    );
  });
});

describe("period", () => {
  const total = figure({
    id: "total",
    value: 3625,
    start: "2023-06-27",
    end: "2023-07-02",
    attributed_to: "the interior ministry",
    line: 6,
  });

  it(`refuses a period longer than ${MAX_PERIOD_DAYS} days with the figure's line, before laying out a day`, () => {
    const typo = { ...total, start: "2003-06-27" };
    // Before the fix this laid out 7,311 days (53 s, 4.6 GB); the test's own time limit would fail it.
    const { model, problems } = prepare(period, [typo]);
    expect(model).toBeUndefined();
    expect(problems).toEqual([
      `the chart would run 7,311 days, Fri 27 Jun 2003 – Sun 2 Jul 2023, more than the ${MAX_PERIOD_DAYS} a period chart lays out day by day; ` +
        'check the dates of "total" (figures.csv line 6) (a mistyped year?), or chart it as bars or columns',
    ]);
  });

  it("draws a year of days, the longest it takes", () => {
    const year = { ...total, start: "2023-01-01", end: "2023-12-31" };
    expect(prepare(period, [year]).problems).toEqual([]);
  });

  it("names the total and each day apart when attributions differ, never 'Total for … and Fri 30 Jun'", () => {
    const days = [nights[0], { ...nights[1], attributed_to: "the justice ministry" }, nights[2]];
    const { model } = prepare(period, [total], undefined, [total, ...days]);
    const note = (model as unknown as Model).notes.find((n) => n.includes("as reported by"))!;
    expect(note).toBe(
      "People arrested for Tue 27 Jun – Sun 2 Jul 2023, people arrested on Thu 29 Jun and people arrested on Sat 1 Jul as reported by the interior ministry; " +
        "people arrested on Fri 30 Jun as reported by the justice ministry.",
    );
    expect(note).not.toMatch(/Total for/);
  });

  it("refuses a colour it would not draw, rather than ignore it", () => {
    expect(prepare(period, [total], [{ highlight: true }]).problems).toEqual([
      'a period chart cannot highlight a figure ("total"); take out "highlight"',
    ]);
  });

  it("refuses a fraction", () => {
    const minors = day("minors", "2023-06-29", 0.5, { fraction: { numerator: 1, denominator: 2 } });
    expect(prepare(period, [minors]).problems[0]).toMatch(/^"minors" is a share of a whole \("half"\)/);
  });
});

describe("columns", () => {
  it("stands one column a period in date order, labelled by the entry with the date beneath, and says which days have no figure", () => {
    const mon = day("mon", "2023-07-03", 72, { attributed_to: "the interior ministry" });
    const { model, problems } = prepare<{ slots: { label: string; date?: string; gap?: boolean }[] }>(
      columns,
      [mon, ...nights],
      [{ label: "Monday night" }, { label: "Thursday night" }, {}, { label: "Saturday night" }],
    );
    expect(problems).toEqual([]);
    const m = model as unknown as Model & { draw: { slots: { label: string; date?: string; gap?: boolean }[] } };
    expect(m.draw.slots).toEqual([
      expect.objectContaining({ label: "Thursday night", date: "Thu 29 Jun" }),
      expect.objectContaining({ label: "Fri 30 Jun" }),
      expect.objectContaining({ label: "Saturday night", date: "Sat 1 Jul" }),
      { gap: true, label: "Sun 2 Jul" },
      expect.objectContaining({ label: "Monday night", date: "Mon 3 Jul" }),
    ]);
    expect(m.draw.slots[1]).not.toHaveProperty("date");
    expect(m.notes).toEqual(["No figure was reported for Sun 2 Jul.", "Figures as reported by the interior ministry."]);
    expect(m.summary).toBe(
      "People arrested: Thursday night, 917; Fri 30 Jun, 1,311; Saturday night, 719; Monday night, 72. No figure was reported for Sun 2 Jul.",
    );
    expect(m.names.thu).toBe("people arrested on Thursday night");
    expect(numbersIn(m).every((n) => ["917", "1,311", "719", "72", "29", "30", "1", "2", "3"].includes(n))).toBe(true);
  });

  it("labels nights as nights", () => {
    const asNights = nights.map((f) => ({ ...f, nights: true }));
    const { model } = prepare<{ slots: { label: string }[] }>(columns, asNights);
    const m = model as unknown as Model & { draw: { slots: { label: string }[] } };
    expect(m.draw.slots.map((s) => s.label)).toEqual(["Thu 29 Jun night", "Fri 30 Jun night", "Sat 1 Jul night"]);
    expect(m.names.fri).toBe("people arrested on the night of Fri 30 Jun");
  });

  it("refuses what it cannot place or compare: undated, overlapping, another quantity, groups", () => {
    const problems = (figures: Figure[], choices?: FigureChoice[]) => prepare(columns, figures, choices).problems;
    expect(problems([figure({ id: "deployed", value: 45000 })])).toEqual([
      expect.stringMatching(/^"deployed" has no dates, so a columns chart cannot place it; .*or chart it as bars$/),
    ]);
    const weekend = figure({ id: "weekend", value: 2030, start: "2023-06-30", end: "2023-07-01" });
    expect(problems([...nights, weekend])).toContainEqual(
      expect.stringMatching(
        /^"sat" \(Sat 1 Jul\) and "weekend" \(Fri 30 Jun – Sat 1 Jul\) overlap|overlap; a columns chart shows one figure a period/,
      ),
    );
    const injured = day("injured", "2023-07-02", 79, { metric: "injured", category: "Officers injured" });
    expect(problems([...nights, injured])).toEqual([
      expect.stringMatching(
        /^"injured" does not count what "thu" counts: its metric is "injured", not "arrests"; its category is "Officers injured", not "People arrested"/,
      ),
    ]);
    expect(problems(nights, [{ group: "A" }, { group: "B" }, { group: "A" }])).toEqual([
      expect.stringMatching(/^a columns chart draws one series, so it cannot colour figures by "group"/),
    ]);
  });
});

describe("line", () => {
  const toll = [
    day("thu", "2023-06-29", 170, { category: "Officers injured in all", metric: "injured" }),
    day("fri", "2023-06-30", 249, { category: "Officers injured in all", metric: "injured" }),
    day("sat", "2023-07-01", 700, { category: "Officers injured in all", metric: "injured", qualifier: "more_than" }),
    day("mon", "2023-07-03", 808, { category: "Officers injured in all", metric: "injured" }),
  ];
  type Line = {
    series: { name?: string; points: { id: string; afterGap: boolean; bound: string }[] }[];
    gaps: { start: string; label: string }[];
  };

  it("joins points in date order, dotted across a day with no figure, and says so", () => {
    const { model, problems } = prepare<Line>(line, [toll[3], toll[1], toll[0], toll[2]]);
    expect(problems).toEqual([]);
    const m = model as unknown as Model & { draw: Line };
    const [series] = m.draw.series;
    expect(series.points.map((p) => [p.id, p.afterGap])).toEqual([
      ["thu", false],
      ["fri", false],
      ["sat", false],
      ["mon", true],
    ]);
    expect(m.draw.gaps).toEqual([{ start: "2023-07-02", end: "2023-07-02", label: "Sun 2 Jul" }]);
    expect(m.notes).toEqual([
      "No figure was reported for Sun 2 Jul; a dotted line joins the figures either side and says nothing of the days between.",
      "A dashed tick towards higher values marks a minimum: the true figure may be higher.",
    ]);
    expect(m.summary).toBe(
      "Officers injured in all: Thu 29 Jun, 170; Fri 30 Jun, 249; Sat 1 Jul, more than 700; Mon 3 Jul, 808. No figure was reported for Sun 2 Jul.",
    );
  });

  it("draws a line a group, each named", () => {
    const police = toll.slice(0, 2);
    const protesters = toll
      .slice(0, 2)
      .map((f) => ({ ...f, id: `p_${f.id}`, category: "Protesters injured", value: f.value * 2 }));
    const { model, problems } = prepare<Line>(
      line,
      [...police, ...protesters],
      [{ group: "Police" }, { group: "Police" }, { group: "Protesters" }, { group: "Protesters" }],
    );
    expect(problems).toEqual([]);
    const m = model as unknown as Model & { draw: Line };
    expect(m.draw.series.map((s) => [s.name, s.points.map((p) => p.id)])).toEqual([
      ["Police", ["thu", "fri"]],
      ["Protesters", ["p_thu", "p_fri"]],
    ]);
    expect(m.summary).toBe("Police: Thu 29 Jun, 170; Fri 30 Jun, 249. Protesters: Thu 29 Jun, 340; Fri 30 Jun, 498.");
  });

  it("refuses two points on one day, unlike periods, another quantity, and undated figures", () => {
    const problems = (figures: Figure[]) => prepare(line, figures).problems;
    expect(problems([toll[0], { ...toll[1], id: "again", start: toll[0].start, end: toll[0].end }])).toEqual([
      expect.stringMatching(/^"thu" and "again" are both for Thu 29 Jun 2023; a line has one point a day/),
    ]);
    const week = figure({ ...toll[0], id: "week", start: "2023-06-19", end: "2023-06-25" });
    expect(problems([week, toll[0]])).toEqual([
      expect.stringMatching(
        /^"thu" covers Thu 29 Jun but "week" covers Mon 19 – Sun 25 Jun; a line joins a running total/,
      ),
    ]);
    expect(problems([toll[0], nights[1]])[0]).toMatch(/^"fri" does not count what "thu" counts/);
    // A running total with one figure that does not count from its day: that figure is named.
    const since = (id: string, end: string, value: number) =>
      figure({ ...toll[0], id, value, start: "2023-06-27", end });
    expect(
      problems([since("mon", "2023-06-27", 12), since("wed", "2023-06-29", 31), since("fri", "2023-07-01", 47)]),
    ).toEqual([]);
    expect(
      problems([
        since("wed", "2023-06-29", 31),
        since("fri", "2023-07-01", 47),
        figure({ ...toll[0], id: "sun", value: 52, start: "2023-07-02", end: "2023-07-02" }),
      ]),
    ).toEqual([
      '"sun" (Sun 2 Jul) does not count from Tue 27 Jun 2023 as the running total of "wed" and "fri" do; a line joins one running total: if the source counts "sun" from Tue 27 Jun 2023 too, set its start 2023-06-27 and end 2023-07-02 in figures.csv, otherwise chart it apart',
    ]);
    expect(problems([figure({ id: "x", value: 1 })])[0]).toMatch(/^"x" has no dates, so a line chart cannot place it/);
  });

  it("reads a running total: every figure counting from one day", () => {
    const since = [
      figure({ id: "a", value: 2500, start: "2023-06-27", end: "2023-06-30", qualifier: "more_than" }),
      figure({ id: "b", value: 3400, start: "2023-06-27", end: "2023-07-02", qualifier: "nearly" }),
    ];
    const { model, problems } = prepare<Line>(line, since);
    expect(problems).toEqual([]);
    const m = model as unknown as Model & { draw: Line };
    expect(m.notes).toEqual([
      "Each point is the running total since Tue 27 Jun, as reported that day.",
      "No figure was reported for Sat 1 Jul; a dotted line joins the figures either side and says nothing of the days between.",
      "A dashed tick towards higher values marks a minimum: the true figure may be higher.",
      "A dashed tick towards lower values marks a maximum: the true figure may be lower.",
    ]);
  });
});

describe("share", () => {
  const third = figure({
    id: "minors",
    value: 1 / 3,
    fraction: { numerator: 1, denominator: 3 },
    qualifier: "about",
    unit: "",
    category: "Minors",
    attributed_to: "the justice minister",
    quote: "About a third of those arrested were minors",
  });
  const turnout = figure({ id: "turnout", value: 12, unit: "%", category: "Turnout" });
  const total = figure({ id: "total", value: 3625, category: "People arrested" });
  const counted = figure({ id: "minors_n", value: 1124, category: "Minors" });
  type Bars = { label: string; share: number; shown: string; whole: boolean }[];

  it("fills a fraction and a percentage as far as the share, in the source's words, never as digits it does not state", () => {
    const { model, problems } = prepare<Bars>(share, [third, turnout]);
    expect(problems).toEqual([]);
    const m = model as unknown as Model & { draw: Bars };
    expect(m.draw.map((b) => [b.label, b.shown, b.whole])).toEqual([
      ["Minors", "About a third", false],
      ["Turnout", "12%", false],
    ]);
    expect(m.draw[0].share).toBeCloseTo(1 / 3, 12);
    expect(m.draw[1].share).toBeCloseTo(0.12, 12);
    expect(m.summary).toBe("Minors: about a third; Turnout: 12%.");
    expect(numbersIn(m)).toEqual(["12", "12"]);
    expect(m.rows.map((r) => (r as unknown as { value: unknown }).value)).toEqual(["1/3", 12]);
    expect(JSON.stringify(m.rows)).not.toMatch(/0\.33|33\.3/);
  });

  it("sets a count against its whole, listed last, drawn full length first", () => {
    const { model, problems } = prepare<Bars>(share, [counted, total]);
    expect(problems).toEqual([]);
    const m = model as unknown as Model & { draw: Bars };
    expect(m.draw.map((b) => [b.label, b.shown, b.whole])).toEqual([
      ["People arrested", "3,625", true],
      ["Minors", "1,124", false],
    ]);
    expect(m.draw[1].share).toBeCloseTo(1124 / 3625, 12);
    expect(m.summary).toBe("Of 3,625 (people arrested): Minors: 1,124.");
    // No share is computed into a number: 31% is nowhere.
    expect(numbersIn(m).sort()).toEqual(["1,124", "1,124", "3,625", "3,625", "3,625"].sort());
  });

  it("refuses a count whose whole is unknown, a part bigger than its whole, a measure and a percentage past 100", () => {
    expect(prepare(share, [counted]).problems).toEqual([
      expect.stringMatching(
        /^"minors_n" is a count, and a share needs the whole it is part of: list the whole .* after it in "figures", or chart the count as bars$/,
      ),
    ]);
    expect(prepare(share, [total, counted]).problems).toEqual([
      expect.stringMatching(
        /^"total" \(3,625\) is more than "minors_n" \(1,124\), the whole listed last; a part cannot exceed its whole/,
      ),
    ]);
    const km = figure({ id: "km", value: 1.6, unit: "kilometres" });
    expect(prepare(share, [km]).problems[0]).toMatch(/^"km" is in "kilometres", but a share is a fraction/);
    expect(prepare(share, [{ ...turnout, value: 112 }]).problems[0]).toMatch(
      /^"turnout" is 112%, not a share of a whole/,
    );
  });
});

describe("work grows with the figures, not their square", () => {
  const series = (n: number) =>
    Array.from({ length: n }, (_, i) => {
      const date = new Date(Date.UTC(2000, 0, 1 + i)).toISOString().slice(0, 10);
      return day(`d${i}`, date, 100 + (i % 50), { attributed_to: i % 2 ? "the police" : "the ministry" });
    });
  const time = (kind: Parameters<typeof prepare>[0], n: number) => {
    const figures = series(n);
    // CPU time, not the clock: on a machine busy with other tests, waiting for a core is not work.
    const before = process.cpuUsage();
    const { problems } = prepare(kind, figures);
    const used = process.cpuUsage(before);
    const ms = (used.user + used.system) / 1000;
    expect(problems).toEqual([]);
    return ms;
  };

  for (const [name, kind] of [
    ["line", line],
    ["columns", columns],
    ["bars", bars],
  ] as const) {
    it(`${name}: 1,000, 2,000 and 4,000 figures`, () => {
      time(kind, 200); // warm up
      const sizes = [1000, 2000, 4000];
      // The fastest of three runs each, interleaved, so a busy machine does not decide the ratio.
      const best = sizes.map(() => Infinity);
      for (let run = 0; run < 3; run++) sizes.forEach((n, i) => (best[i] = Math.min(best[i], time(kind, n))));
      const [small, , large] = best;
      // Linear work quadruples over two doublings; a square would grow sixteenfold.
      expect(large / small).toBeLessThan(10);
    });
  }
});
