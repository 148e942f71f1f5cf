/**
 * Reading a story, drafting its fact sheet and showing it in the notebook grow linearly with the
 * story, shown as ratios over three sizes (each four times the last), as in linear.test.ts: a
 * hostile or careless story (one long line of numbers, a run of dots, thousands of unrecorded
 * figures, a thousand quotes that are not in their source) must not hang a command.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { figuresReport } from "../pipeline/figures.ts";
import { parseCsv } from "../pipeline/facts/csv.ts";
import { draftRows } from "../pipeline/facts/draft.ts";
import { FIGURE_COLUMNS } from "../pipeline/facts/figure.ts";
import { listStoryNumbers } from "../pipeline/facts/coverage.ts";
import { findPeriods } from "../pipeline/facts/periods.ts";
import { FIGURES } from "../pipeline/facts/story-files.ts";
import { indexSource, matchQuote } from "../pipeline/facts/quote.ts";
import { readText } from "../pipeline/facts/reader.ts";
import { splitSentences } from "../pipeline/facts/sentences.ts";
import { numbersInStory } from "../pipeline/publish/notebook-numbers.ts";
import { textView } from "../pipeline/publish/notebook-text.ts";
import { growth } from "./helpers/growth.ts";

/** Sixteen times the input may cost up to 64 times the time: linear is 16, quadratic 256. */
const LINEAR = 64;
const SLOW_MACHINE = { timeout: 120_000 };
const root = mkdtempSync(join(tmpdir(), "linear-story-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("the notebook's text view is linear in the text", () => {
  /** An article of one line holding n numbers, none recorded. */
  const article = (n: number) =>
    `date 2024-11-27 ${Array.from({ length: n }, (_, i) => `${i + 10} people`).join(" and ")} were arrested.`;

  it("marks the numbers of a one-line article", SLOW_MACHINE, () => {
    const view = (text: string) => {
      const files = new Map([["article.txt", text]]);
      // The story's one reading (facts), then the notebook's marks over it.
      const numbers = numbersInStory(listStoryNumbers({ files, rows: [], history: new Map() }), new Set());
      return textView("article.txt", text, numbers, { chartsOf: new Map(), problemLines: new Set() });
    };
    const html = view(article(50));
    expect(html.match(/class="num unrecorded"/g)).toHaveLength(50);
    const ratios = growth([250, 1000, 4000], (n) => view(article(n)), 3);
    expect(ratios[2]).toBeLessThan(LINEAR);
  });
});

describe("the sentence reader is linear in the text", () => {
  it("splits a run of full stops, and of ! and ?", SLOW_MACHINE, () => {
    for (const run of [".", "!?", "?!.”"]) {
      const ratios = growth([3000, 12000, 48000], (n) => splitSentences(`A ${run.repeat(n / run.length)}b`), 3);
      expect(ratios[2], run).toBeLessThan(LINEAR);
    }
  });

  it("reads a run of days, Friday and Friday and …", SLOW_MACHINE, () => {
    const run = (n: number) => `12 people died on ${"Friday and ".repeat(n / 11)}Saturday.`;
    expect(findPeriods("on Friday and Saturday nights", "2024-11-27").map((p) => p.span)).toEqual([
      { start: "2024-11-22", end: "2024-11-23", nights: true },
    ]);
    const periods = growth([4000, 16000, 64000], (n) => findPeriods(run(n), "2024-11-27"), 3);
    expect(periods[2]).toBeLessThan(LINEAR);
    const reader = growth([4000, 16000, 64000], (n) => readText(run(n), { dateline: "2024-11-27" }), 3);
    expect(reader[2]).toBeLessThan(LINEAR);
  });
});

describe("npm run figures is linear in the figures it drafts", () => {
  /** A story of n sentences, each a figure of the same verb and day (so every drafted id collides), n/2 recorded. */
  function story(n: number): string {
    const dir = join(root, `figures-${n}`);
    mkdirSync(dir, { recursive: true });
    const sentences = Array.from({ length: n }, (_, i) => `Police said ${i + 10} people were arrested on Monday.`);
    writeFileSync(join(dir, "article.txt"), `date 2024-11-27\n${sentences.join("\n\n")}\n`);
    const recorded = sentences
      .slice(0, n / 2)
      .map((s, i) => `people_arrested_mon_${i},people arrested,,${i + 10},exact,,2024-11-25,2024-11-25,,"${s}",,`);
    writeFileSync(
      join(dir, "figures.csv"),
      `id,metric,category,value,qualifier,unit,start,end,attributed_to,quote,source,restates\n${recorded.join("\n")}\n`,
    );
    writeFileSync(join(dir, "charts.json"), '{ "charts": [] }\n');
    return dir;
  }

  it("drafts thousands of figures whose ids collide, against thousands of rows", SLOW_MACHINE, () => {
    const sizes = [500, 2000, 8000];
    // What the draft is made from, read once a size: the timing is the drafting's own.
    const inputs = new Map(
      sizes.map((n) => {
        const dir = story(n);
        const report = figuresReport(dir);
        if ("problem" in report) throw new Error(report.problem);
        const rows = parseCsv(FIGURES, readFileSync(join(dir, FIGURES), "utf8"), FIGURE_COLUMNS).rows;
        return [n, { missing: report.numbers.filter((x) => x.recordedBy.length === 0), rows }];
      }),
    );
    const small = inputs.get(500)!;
    const draft = draftRows(small.missing, small.rows);
    expect(draft).toHaveLength(250);
    expect(new Set(draft.map((r) => r.id)).size).toBe(250);
    expect(draft.slice(0, 2).map((r) => r.id)).toEqual(["people_arrested_mon", "people_arrested_mon_250"]);
    const ratios = growth(sizes, (n) => draftRows(inputs.get(n)!.missing, inputs.get(n)!.rows), 3);
    expect(ratios[2]).toBeLessThan(LINEAR);
  });
});

describe("quote matching is linear in the quotes and the source", () => {
  it(
    "tells each of a thousand quotes not in a long source why, without reading the source again for each",
    SLOW_MACHINE,
    () => {
      const source = (n: number) =>
        Array.from({ length: n }, (_, i) => `Officials in district ${i} said ${i + 100} homes were damaged.`).join(" ");
      const check = (n: number) => {
        const index = indexSource(source(n));
        const hints: string[] = [];
        for (let i = 0; i < n; i++) {
          const match = matchQuote(`Officials in region ${i} said ${i + 100} homes were destroyed`, index);
          if (!match.found) hints.push(match.hint);
        }
        return hints;
      };
      const ratios = growth([400, 1600, 6400], check, 2);
      expect(ratios[2]).toBeLessThan(LINEAR);
      const hints = check(100);
      expect(hints).toHaveLength(100);
      expect(hints[0]).toMatch(/closest sentence|matches up to/);
      expect(hints.at(-1)).toBe(
        'the source has no word "region" (as written, capitals included); copy the quote exactly from the source',
      );
    },
  );
});
