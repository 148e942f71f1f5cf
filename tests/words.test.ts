/**
 * The chart-words layer on its own: the chart list (charts.json → entries), templates, correction
 * notes, source names, and the wrap of titles and deks. Pure: values in, values out.
 */
import { describe, expect, it } from "vitest";
import { textWidth, wrapHeadline, wrapList } from "../charts/measure.ts";
import { DEVICES } from "../charts/style.ts";
import { parseSourceName } from "../pipeline/facts/dates.ts";
import type { Correction, Figure } from "../pipeline/facts/figure.ts";
import { parseChartList } from "../pipeline/words/chart-list.ts";
import { correctionNotes, describeSource, figureChoices } from "../pipeline/words/chart-words.ts";
import { droppedQualifiers, fillTemplate, type TemplateContext, templateProblems } from "../pipeline/words/template.ts";
import { day, figure } from "./helpers/figures.ts";

const figures = [
  day("arrests_thu", "2023-06-29", 917, { attributed_to: "the interior ministry" }),
  day("arrests_fri", "2023-06-30", 1311, { attributed_to: "the interior ministry" }),
  figure({ id: "deployed", value: 45000, qualifier: "about", qualifier_words: "some", category: "Officers" }),
  figure({
    id: "minors",
    value: 1 / 3,
    fraction: { numerator: 1, denominator: 3 },
    qualifier: "about",
    unit: "",
    value_words: "a third",
  }),
];
const context: TemplateContext = {
  figures: new Map(figures.map((f) => [f.id, f])),
  published: "2023-07-03",
  failed: new Set(["broken"]),
};

describe("templates", () => {
  it("fill references with the dataset's words, capitalised at a sentence start", () => {
    expect(fillTemplate("{deployed} officers", context)).toBe("Some 45,000 officers");
    expect(fillTemplate("Officers: {deployed}", context)).toBe("Officers: Some 45,000");
    expect(fillTemplate("with {deployed} officers", context)).toBe("with some 45,000 officers");
    expect(fillTemplate("{minors} of those arrested", context)).toBe("About a third of those arrested");
    expect(fillTemplate("{minors.value}, {minors.qualifier}", context)).toBe("A third, about");
    expect(fillTemplate("Arrests on {arrests_thu.period}; published {published}", context)).toBe(
      "Arrests on Thu 29 Jun 2023; published 3 Jul 2023",
    );
  });

  it("refuse typed numbers, unknown references and doubled qualifiers, but not a figure whose row failed", () => {
    expect(templateProblems("Arrests on 29 June", context)).toEqual([
      expect.stringMatching(/^the number "29" is typed into the text; reference the figure instead/),
    ]);
    expect(templateProblems("{nobody} arrested", context)).toEqual([
      "{nobody} names no figure; figure ids are in figures.csv",
    ]);
    expect(templateProblems("{deployed.colour}", context)[0]).toMatch(/^\{deployed\.colour\}: a figure offers/);
    expect(templateProblems("about {deployed} officers", context)).toEqual([
      '"about {deployed}": the reference already carries its qualifier; drop "about"',
    ]);
    expect(templateProblems("{broken} arrested", context)).toEqual([]);
    expect(templateProblems("G7 leaders and {deployed} officers", context)).toEqual([]);
  });
});

describe("templates of measures and money", () => {
  const measures: TemplateContext = {
    figures: new Map(
      [
        figure({ id: "turnout", value: 62, qualifier: "nearly", unit: "%" }),
        figure({ id: "cost", value: 2.5e9, qualifier: "more_than", unit: "$" }),
        figure({ id: "budget", value: 12e9, unit: "Rs" }),
        figure({ id: "distance", value: 1.6, qualifier: "up_to", qualifier_words: "within", unit: "kilometres" }),
      ].map((f) => [f.id, f]),
    ),
    published: "2025-03-10",
  };

  it("write the unit with the number, as the chart's labels do: never 'nearly 62' for nearly 62%", () => {
    expect(fillTemplate("Turnout rose to {turnout}", measures)).toBe("Turnout rose to nearly 62%");
    expect(fillTemplate("The election cost {cost}", measures)).toBe("The election cost more than $2,500,000,000");
    expect(fillTemplate("{budget} for schools", measures)).toBe("Rs 12,000,000,000 for schools");
    expect(fillTemplate("Protesters came {distance} of the target", measures)).toBe(
      "Protesters came within 1.6 kilometres of the target",
    );
    // The number alone stays alone, for words that write the unit themselves.
    expect(fillTemplate("{turnout.value} per cent", measures)).toBe("62 per cent");
  });

  it("refuse a unit written again beside a reference that writes it", () => {
    expect(templateProblems("Turnout: {turnout}%", measures)).toEqual([
      '"{turnout}%": the reference already writes its unit ("nearly 62%"); drop "%"',
    ]);
    expect(templateProblems("It cost ${cost}", measures)).toEqual([
      '"${cost}": the reference already writes its unit ("more than $2,500,000,000"); drop "$"',
    ]);
    expect(templateProblems("{distance} kilometres away", measures)[0]).toMatch(/drop "kilometres"/);
    expect(templateProblems("{turnout.value}% of voters", measures)).toEqual([]);
  });

  it("warn when {id.value} leaves out the qualifier the source put on the number", () => {
    expect(droppedQualifiers("Turnout: {turnout.value} per cent", measures)).toEqual([
      '{turnout.value} shows 62 without its qualifier "nearly"; write {turnout} ("nearly 62%") unless the words around it say it',
    ]);
    expect(droppedQualifiers("Cost: {budget.value}", measures)).toEqual([]);
  });
});

describe("the chart list", () => {
  const list = (charts: unknown[], extra: Record<string, unknown> = {}) =>
    parseChartList(JSON.stringify({ ...extra, charts }, null, 2), context);

  it("takes a figure as an id or as { id, label, highlight, group }, labels being templates", () => {
    const { charts, problems, story } = list(
      [
        {
          id: "nights",
          kind: "column",
          title: "Arrests each night",
          figures: [{ id: "arrests_thu", label: "{arrests_thu.period}", highlight: true }, "arrests_fri"],
        },
      ],
      { story: "Unrest in France" },
    );
    expect(problems).toEqual([]);
    expect(story).toBe("Unrest in France");
    expect(charts[0]).toMatchObject({
      kind: "columns",
      figures: ["arrests_thu", "arrests_fri"],
      choices: [{ id: "arrests_thu", label: "{arrests_thu.period}", highlight: true }, { id: "arrests_fri" }],
    });
    expect(figureChoices(charts[0], context)).toEqual([{ label: "Thu 29 Jun 2023", highlight: true }, {}]);
  });

  it("refuses what a figure cannot be, at the figure's own line", () => {
    const text = `{
  "charts": [
    {
      "id": "nights",
      "kind": "bars",
      "title": "Arrests",
      "figures": [
        { "id": "arrests_thu", "label": "Night 4" },
        { "id": "arrests_fri", "colour": "red" },
        { "label": "Friday" },
        { "id": "deployed", "highlight": "yes", "group": "" },
        42
      ]
    }
  ]
}`;
    const { charts, problems } = parseChartList(text, context);
    expect(charts).toEqual([]);
    expect(problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '8: label: the number "4" is typed into the text; reference the figure instead, e.g. {figure_id}, so a correction updates it',
      '9: a figure takes "id", "label", "highlight", "group", not "colour"',
      '10: the figure needs its "id", e.g. { "id": "arrests_fri", "label": "Friday night" }',
      '11: "group" must be text; write it, or leave it out',
      '11: "highlight" is true or false',
      '12: each figure is an id ("arrests") or an object like { "id": "arrests_fri", "label": "Friday night" }',
    ]);
  });

  it("names every kind when one is unknown, and takes a story name only as text", () => {
    const { problems } = list([{ id: "x", kind: "pie", title: "X", figures: ["deployed"] }], { story: 7 });
    expect(problems.map((p) => p.message)).toEqual([
      `"story" must be the story's name as text, e.g. "Unrest in France"; or leave it out`,
      'unknown chart kind "pie"; the kinds are bars, period, line, columns, share, locator',
    ]);
  });
});

describe("correction notes", () => {
  const corrected = (f: Figure, corrections: Omit<Correction, "id" | "line" | "reason">[]): Figure => ({
    ...f,
    corrections: corrections.map((c, i) => ({ ...c, id: f.id, line: i + 2, reason: "The ministry revised it" })),
  });

  it("give one short line per figure and date, naming the figure as the chart does, crediting who gives it", () => {
    const thu = corrected(figures[0], [
      { date: "2023-07-05", field: "value", from: "875", to: "917" },
      { date: "2023-07-05", field: "quote", from: "875 people", to: "917 people" },
      { date: "2023-07-05", field: "source", from: "article.txt", to: "sources/interior-ministry.txt" },
    ]);
    const deployed = corrected({ ...figures[2], source: "sources/briefings.txt" }, [
      { date: "2023-07-04", field: "qualifier", from: "exact", to: "about" },
    ]);
    const notes = correctionNotes(
      [thu, deployed],
      { arrests_thu: "people arrested on Thursday night" },
      new Map([["sources/briefings.txt", "date 2023-07-03 source: Interior ministry briefings\n"]]),
    );
    expect(notes).toEqual([
      "Corrected 4 Jul 2023: officers revised from 45,000 to about 45,000, per Interior ministry briefings.",
      "Corrected 5 Jul 2023: people arrested on Thursday night revised from 875 to 917, per the interior ministry.",
    ]);
    for (const note of notes) expect(note).not.toMatch(/quote|source|revised it/);
  });

  it("say what changed when the number did not, and keep a fraction in words", () => {
    const moved = corrected(figures[1], [{ date: "2023-07-05", field: "start", from: "2023-06-29", to: "2023-06-30" }]);
    const minors = corrected(figures[3], [{ date: "2023-07-05", field: "value", from: "1/4", to: "1/3" }]);
    expect(correctionNotes([moved, minors])).toEqual([
      "Corrected 5 Jul 2023: people arrested on Fri 30 Jun re-dated (it was for Thu 29 – Fri 30 Jun 2023), per the interior ministry.",
      "Corrected 5 Jul 2023: people arrested revised from about a quarter to about a third.",
    ]);
  });
});

describe("source names", () => {
  it("come from the first line, shown as written, with the dateline's date", () => {
    const text = "date 2023-07-05 source: Interior ministry statement\nIn all, 3,625 people…";
    expect(parseSourceName(text)).toBe("Interior ministry statement");
    expect(describeSource("sources/interior-ministry.txt", text)).toBe("Interior ministry statement, 5 Jul 2023");
    expect(parseSourceName("\uFEFFsource: AFP wire \nbody")).toBe("AFP wire");
    expect(parseSourceName("date 2023-07-05\nsource: not on the first line")).toBeUndefined();
    expect(describeSource("sources/police-statement.txt", "date 2024-11-28\n")).toBe("police statement, 28 Nov 2024");
  });
});

describe("titles and deks", () => {
  const { width, pad, title } = DEVICES.desktop;
  const inner = width - 2 * pad;

  it("fill the desktop width rather than wrapping at half of it", () => {
    const text = "Arrests across France, Tue 27 Jun – Sun 2 Jul 2023, by the night they were reported for";
    const lines = wrapHeadline(text, inner, 16);
    expect(lines).toHaveLength(2);
    expect(textWidth(lines[0], 16)).toBeGreaterThan(inner * 0.8);
  });

  it("never leave one word alone on the last line, nor split a date or a period", () => {
    const text = "Security forces deployed in their thousands against the marchers on the capital this week";
    for (let w = 200; w <= inner; w += 7) {
      const lines = wrapHeadline(text, w, title, true);
      if (lines.length > 1) expect(lines[lines.length - 1], `${w}px`).toMatch(/\s/);
      for (const l of lines) expect(textWidth(l, title, true), `${w}px`).toBeLessThanOrEqual(w);
    }
    const dek = "Arrests across France, Tue 27 Jun – Sun 2 Jul 2023, by the night they were reported for";
    for (let w = 260; w <= inner; w += 5) {
      const joined = wrapHeadline(dek, w, 15).join("\n");
      expect(joined, `${w}px`).toContain("Tue 27 Jun – Sun 2 Jul 2023");
    }
  });
});

describe("source lines", () => {
  it("break between sources, never inside a source's name and date, unless one is wider than the line", () => {
    const text =
      "Source: wire report, 3 Jul 2023; Interior ministry morning briefings, 4 Jul 2023; Interior ministry statement, 5 Jul 2023";
    expect(wrapList(text, 600, 13)).toEqual([
      "Source: wire report, 3 Jul 2023; Interior ministry morning briefings, 4 Jul 2023;",
      "Interior ministry statement, 5 Jul 2023",
    ]);
    const narrow = wrapList(text, 200, 13);
    for (const l of narrow) expect(textWidth(l, 13)).toBeLessThanOrEqual(200);
    expect(narrow.join(" ")).toBe(text);
  });
});
