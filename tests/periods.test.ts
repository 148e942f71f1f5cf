import { describe, expect, it } from "vitest";
import { calendarWords, parseFiscalStart } from "../pipeline/facts/dates.ts";
import { proposedPeriod } from "../pipeline/facts/figure-period.ts";
import { findPeriod } from "../pipeline/facts/periods.ts";
import { readText } from "../pipeline/facts/reader.ts";
import { describeTally, parseCorpus, periodCorpusFiles, periodOf, scorePassages } from "./helpers/period-corpus.ts";

/** Wednesday 27 November 2024. */
const W = "2024-11-27";

/** The period each number of a text owns, as the corpus writes it ("A..B", "..B", "night A", "" for none). */
const periods = (text: string, dateline = W) =>
  readText(text, { dateline })
    .flatMap((s) => s.readings)
    .filter((r) => r.kind === "figure")
    .map((r) => `${r.text}: ${periodOf(r)}`);

const named = (text: string, anchor = W) => {
  const p = findPeriod(text, anchor);
  return p ? `${p.start}..${p.end}` : "";
};

describe("every date form wire copy uses", () => {
  it.each([
    ["in October", "2024-10-01..2024-10-31"],
    ["in July 2024", "2024-07-01..2024-07-31"],
    ["last month", "2024-10-01..2024-10-31"],
    ["earlier this month", "2024-11-01..2024-11-26"],
    ["last week", "2024-11-18..2024-11-24"],
    ["this week", "2024-11-25..2024-11-27"],
    ["in the week to Sunday", "2024-11-18..2024-11-24"],
    ["in 2023", "2023-01-01..2023-12-31"],
    ["last year", "2023-01-01..2023-12-31"],
    ["so far this year", "2024-01-01..2024-11-27"],
    ["between January and March", "2024-01-01..2024-03-31"],
    ["from June to August 2023", "2023-06-01..2023-08-31"],
    ["in the third quarter", "2024-07-01..2024-09-30"],
    ["in the three months to September", "2024-07-01..2024-09-30"],
    ["in the year to June 2023", "2022-07-01..2023-06-30"],
    ["on Nov. 24", "2024-11-24..2024-11-24"],
    ["on 24 November", "2024-11-24..2024-11-24"],
    ["on 3 June 2023", "2023-06-03..2023-06-03"],
    ["on Monday, Nov. 25", "2024-11-25..2024-11-25"],
    ["last Tuesday", "2024-11-26..2024-11-26"],
    ["on Christmas Eve", "2023-12-24..2023-12-24"],
    ["on Thanksgiving", "2023-11-23..2023-11-23"],
  ])("%s, in a story of Wed 27 Nov 2024, is %s", (words, expected) => {
    expect(named(`Police arrested 40 people ${words}.`)).toBe(expected);
  });

  it('"last Tuesday" is the week before the dateline, never the dateline\'s own day', () => {
    // A Tuesday story: a week back.
    expect(named("Gusts reached 67 mph last Tuesday afternoon.", "2023-08-15")).toBe("2023-08-08..2023-08-08");
  });

  it('"overnight into Wednesday, Aug. 9" is Tuesday\'s night', () => {
    expect(
      periods("The fires spread overnight into Wednesday, Aug. 9, destroying 2,200 structures.", "2023-08-15"),
    ).toEqual(["2,200: night 2023-08-08"]);
  });

  it("reads the future ahead of the dateline: the coming Friday, next Monday, from April 1, by March 2026", () => {
    expect(periods("Temperatures are expected to reach 18 degrees by Friday.")).toEqual(["18: ..2024-11-29"]);
    expect(periods("Airlines will cancel 1,300 flights on Friday and 900 on Saturday.")).toEqual([
      "1,300: 2024-11-29",
      "900: 2024-11-30",
    ]);
    expect(periods("Gusts reached 90 km/h on Sunday and are forecast to reach 110 km/h on Friday.")).toEqual([
      "90: 2024-11-24",
      "110: 2024-11-29",
    ]);
    expect(periods("The standard deduction will rise to Rs 75,000 from April 1.", "2025-02-01")).toEqual([
      "Rs 75,000: 2025-04-01",
    ]);
    expect(periods("The state aims to give piped water to 45 lakh homes by March 2026.", "2025-02-01")).toEqual([
      "45 lakh: ..2026-03-31",
    ]);
    // In the past tense, a date without its year is the one before the dateline.
    expect(periods("Police arrested 40 people on April 1.", "2025-02-01")).toEqual(["40: 2024-04-01"]);
  });

  it("gives a comparison no period: the most since January 2012", () => {
    expect(periods("Unemployment rose to 4.3% in July 2024, the highest since October 2021.")).toEqual([
      "4.3%: 2024-07-01..2024-07-31",
    ]);
    expect(periods("Inflation hit 7.5%, the highest since January 2012.")).toEqual(["7.5%: "]);
  });

  it("makes the day of a statement nobody's period, whatever the verb", () => {
    for (const verb of [
      "said on Monday",
      "warned on Monday",
      "told reporters on Monday",
      "announced on Monday",
      "confirmed on Monday",
      "acknowledged on Monday",
      "estimated on Monday",
      "said in a press note on Monday",
    ])
      expect(periods(`The ministry ${verb} that 19 soldiers were killed.`), verb).toEqual(["19: "]);
    expect(periods("The budget presented on Saturday raises the allocation to Rs 86,000 crore.")).toEqual([
      "Rs 86,000 crore: ",
    ]);
    expect(periods("In her budget speech on Saturday, the minister set aside Rs 2,000 crore for roads.")).toEqual([
      "Rs 2,000 crore: ",
    ]);
  });

  it('reads "overnight" in a dated statement as the night before it was made', () => {
    expect(
      periods("Maui County said on Saturday that 1,418 people stayed in shelters overnight.", "2023-08-15"),
    ).toEqual(["1,418: night 2023-08-11"]);
  });
});

describe("Indian English dates and fiscal years", () => {
  const BUDGET = "2025-02-01";
  it.each([
    ["The government has allocated Rs 50,000 crore for 2025-26.", "Rs 50,000 crore: 2025-04-01..2026-03-31"],
    ["Revenue receipts for the fiscal 2025-26 are Rs 34,200 crore.", "Rs 34,200 crore: 2025-04-01..2026-03-31"],
    ["The company expects revenue of Rs 1,200 crore in FY26.", "Rs 1,200 crore: 2025-04-01..2026-03-31"],
    ["The deficit was 4.8% in the current fiscal.", "4.8%: 2024-04-01..2025-03-31"],
    ["Last fiscal, the deficit was Rs 9,000 crore.", "Rs 9,000 crore: 2023-04-01..2024-03-31"],
    ["Tax collections stood at Rs 12,400 crore as on 31 December.", "Rs 12,400 crore: ..2024-12-31"],
    ["The state collected Rs 8,420 crore by the end of December.", "Rs 8,420 crore: ..2024-12-31"],
    [
      "The state borrowed Rs 42,000 crore in the first nine months of the fiscal.",
      "Rs 42,000 crore: 2024-04-01..2024-12-31",
    ],
  ])("%s", (sentence, expected) => {
    expect(periods(sentence, BUDGET)).toEqual([expected]);
  });

  it("reads a fiscal year from the month the dateline line names", () => {
    expect(parseFiscalStart("date 2024-06-12 fiscal-year: July source: Finance ministry")).toBe(6);
    expect(parseFiscalStart("date 2024-06-12 source: Finance ministry")).toBeUndefined();
    const [r] = readText("Spending was Rs 900 crore in 2023-24.", { dateline: "2024-06-12", fiscalStart: 6 })
      .flatMap((s) => s.readings)
      .filter((x) => x.kind === "figure");
    expect(proposedPeriod(r)).toEqual({ kind: "span", start: "2023-07-01", end: "2024-06-30", nights: false });
  });

  it("writes calendar periods as the desk does: 2025-26, FY2025, 2024, Oct 2024", () => {
    expect(calendarWords("2025-04-01", "2026-03-31")).toBe("2025-26");
    expect(calendarWords("2024-07-01", "2025-06-30")).toBe("2024-25");
    expect(calendarWords("2024-10-01", "2025-09-30")).toBe("FY2025");
    expect(calendarWords("2024-01-01", "2024-12-31")).toBe("2024");
    expect(calendarWords("2024-10-01", "2024-10-31")).toBe("Oct 2024");
    expect(calendarWords("2024-07-01", "2024-09-30")).toBe("Jul – Sep 2024");
    // Twelve months from March are not a fiscal year: written as days.
    expect(calendarWords("2024-03-01", "2025-02-28")).toBeUndefined();
    expect(calendarWords("2024-11-24", "2024-11-26")).toBeUndefined();
  });
});

describe("running tolls across a paragraph", () => {
  it("dates a day's deaths under 'since the fire swept in' as the toll so far, that day's own count the other reading", () => {
    const [a, b] = readText(
      "The toll has climbed every day since the fire swept into Lahaina on the afternoon of Aug. 8. Officials confirmed 36 deaths on Wednesday and 53 on Thursday.",
      { dateline: "2023-08-15" },
    )
      .flatMap((s) => s.readings)
      .filter((r) => r.kind === "figure");
    expect([periodOf(a), periodOf(b)]).toEqual(["2023-08-08..2023-08-09", "2023-08-08..2023-08-10"]);
    expect(a.alternatives.map((x) => [x.reason, x.span])).toEqual([
      ["toll", { start: "2023-08-09", end: "2023-08-09", nights: false }],
    ]);
  });

  it("keeps a day's own count where the words say so, or the counts do not rise", () => {
    expect(
      periods(
        "The death toll has climbed to 112 since the storm made landfall on Thursday. Fourteen people died on Monday alone.",
        "2024-10-09",
      ),
    ).toEqual(["112: 2024-10-03..2024-10-09", "Fourteen: 2024-10-07"]);
    expect(
      periods(
        "The toll has risen since the rains began. The agency reported 9 deaths on Friday and 4 on Saturday.",
        "2025-03-19",
      ),
    ).toEqual(["9: 2025-03-14", "4: 2025-03-15"]);
    // Another paragraph is another story.
    expect(
      periods("The toll has risen since the rains began.\n\nThe agency reported 9 deaths on Friday.", "2025-03-19"),
    ).toEqual(["9: 2025-03-14"]);
  });
});

describe("the period corpus (tests/corpus/periods-*, tolls-*)", () => {
  const files = periodCorpusFiles();
  const tuned = scorePassages(files.filter((f) => !f.includes("heldout")).flatMap(parseCorpus));
  const held = scorePassages(files.filter((f) => f.includes("heldout")).flatMap(parseCorpus));

  it(`has at least 120 passages (${describeTally("tuned", tuned)}; ${describeTally("held out", held)})`, () => {
    const passages = files.flatMap(parseCorpus);
    expect(passages.length).toBeGreaterThanOrEqual(120);
    expect(files.filter((f) => f.includes("heldout")).flatMap(parseCorpus).length).toBeGreaterThanOrEqual(30);
  });

  it("dates at least 95% of the figures the words date, on the tuned and the held-out passages", () => {
    expect(tuned.datedRight / tuned.dated).toBeGreaterThanOrEqual(0.95);
    expect(held.datedRight / held.dated).toBeGreaterThanOrEqual(0.95);
    expect(tuned.period / tuned.figures).toBeGreaterThanOrEqual(0.95);
  });
});
