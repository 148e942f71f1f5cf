import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Span } from "../pipeline/facts/periods.ts";
import { readSentence, readText, type Reading } from "../pipeline/facts/reader.ts";
import { growth } from "./helpers/growth.ts";

/** Datelines: Wednesday 27 November 2024 (Islamabad), Monday 3 July 2023 (the French riots), Friday 14 March 2025 (the floods). */
const W = "2024-11-27";
const R = "2023-07-03";
const F = "2025-03-14";

const span = (s: Span | null) =>
  !s
    ? ""
    : `${s.nights ? (s.start === s.end ? "night " : "nights ") : ""}${s.start === s.end ? s.start : `${s.start}..${s.end}`}`;

/**
 * A reading as a copy editor would write it down: the words, the value (a fraction n/d, a range
 * low-high), the qualifier unless exact, the unit, what is counted, the period (a night is dated
 * by its evening), who says so, and any other reading the words allow. Numbers that are not
 * figures are named by kind.
 */
function written(r: Reading): string {
  if (r.kind !== "figure") return `${r.kind} "${r.text}"`;
  const value = r.fraction
    ? `${r.fraction.numerator}/${r.fraction.denominator}`
    : r.range
      ? `${r.range.low}-${r.range.high}`
      : String(r.value);
  const parts = [`"${r.text}" = ${value}`];
  if (r.qualifier !== "exact") parts.push(String(r.qualifier));
  if (r.unit) parts.push(`unit ${r.unit}`);
  if (r.noun) parts.push(`of ${r.noun}`);
  if (r.span) parts.push(span(r.span));
  if (r.endsOn) parts.push(`..${r.endsOn}, start not stated`);
  if (r.periodProblem) parts.push(`no period: ${r.periodProblem}`);
  if (r.saidBy) parts.push(`by ${r.saidBy}`);
  for (const a of r.alternatives) parts.push(`or ${a.qualifier} ${span(a.span)}`.trim());
  return parts.join(", ");
}

/**
 * Real-world-shaped sentences (wire copy, police statements, South Asian and European papers),
 * each with what it states. Grouped: lists with a day or night each, nights, a qualifier's scope
 * over a list, fractions and percentages, ranges, suffixes and scales, South Asian grouping, words
 * and digits, signs, numbers that are not figures, periods, speakers.
 */
const SENTENCES: [string, string, string[]][] = [
  [
    "412 people were arrested on Sunday, 301 on Monday and 241 on Tuesday.",
    W,
    ['"412" = 412, of people, 2024-11-24', '"301" = 301, of people, 2024-11-25', '"241" = 241, of people, 2024-11-26'],
  ],
  [
    "The interior ministry said 875 people were arrested on Thursday night, 1,311 on Friday night and 719 on Saturday night.",
    R,
    [
      '"875" = 875, of people, night 2023-06-29, by The interior ministry',
      '"1,311" = 1311, of people, night 2023-06-30, by The interior ministry',
      '"719" = 719, of people, night 2023-07-01, by The interior ministry',
    ],
  ],
  [
    "Some 45,000 police officers and gendarmes were deployed across France on Friday and Saturday nights as the country faced a fifth night of unrest.",
    R,
    ['"Some 45,000" = 45000, about, of police officers and gendarmes, nights 2023-06-30..2023-07-01'],
  ],
  ["Police made 300 arrests on the night of Friday to Saturday.", R, ['"300" = 300, of arrests, night 2023-06-30']],
  [
    "Officers arrested 120 people overnight Saturday.",
    R,
    ['"120" = 120, of people, night 2023-06-30, or exact night 2023-07-01'],
  ],
  [
    "At least 79 police officers were injured on Friday night, according to the ministry.",
    R,
    // "the ministry" alone names nobody a chart can credit: the nearest speaker before it, here none.
    ['"At least 79" = 79, at_least, of police officers, night 2023-06-30'],
  ],
  [
    "At least one police officer and four paramilitary personnel were killed, the government said.",
    W,
    [
      '"At least one" = 1, at_least, of police officer, by the government',
      '"four" = 4, at_least, of paramilitary personnel, by the government, or exact',
    ],
  ],
  [
    "More than 2,500 buildings have been damaged since Tuesday, and nearly 5,000 vehicles were set on fire, officials said.",
    R,
    [
      '"More than 2,500" = 2500, more_than, of buildings, 2023-06-27..2023-07-03, by officials',
      '"nearly 5,000" = 5000, nearly, of vehicles, by officials',
    ],
  ],
  [
    "About a third of those arrested were minors, the justice minister said.",
    R,
    ['"About a third" = 1/3, about, of those arrested, by the justice minister'],
  ],
  ["Half of the vehicles were burned.", W, ['"Half" = 1/2, of the vehicles']],
  ["One in five of those detained was a student.", W, ['"One in five" = 1/5, of those detained']],
  ["Two-thirds of the buildings were schools.", W, ['"Two-thirds" = 2/3, of the buildings']],
  ["Nearly half of those injured were police officers.", W, ['"Nearly half" = 1/2, nearly, of those injured']],
  [
    "Turnout was 12% in Islamabad and about 8.5 per cent in Lahore.",
    W,
    ['"12%" = 12, unit %', '"about 8.5 per cent" = 8.5, about, unit %'],
  ],
  ["Support fell by 12% in a month.", W, ['"12%" = 12, unit %']],
  ["Support fell by -12% in a month.", W, ['"-12%" = -12, unit %']],
  ["Temperatures dropped to −5 degrees on Tuesday night.", W, ['"−5" = -5, unit degrees, night 2024-11-26']],
  ["Between 900 and 1,200 people marched on Sunday.", W, ['"Between 900 and 1,200" = 900-1200, of people, 2024-11-24']],
  ["Organisers said 300 to 400 people attended.", W, ['"300 to 400" = 300-400, of people, by Organisers']],
  ["Police estimated the crowd at 20k-25k.", W, ['"20k-25k" = 20000-25000, by Police']],
  ["Four or five shops were looted.", W, ['"Four or five" = 4-5, of shops']],
  ["Arrests rose from 300 to 400 over the week.", W, ['"300" = 300', '"400" = 400']],
  ["Some 20k protesters gathered in the capital.", W, ['"Some 20k" = 20000, about, of protesters']],
  ["The damage was estimated at $2.5m.", W, ['"$2.5m" = 2500000, unit $']],
  ["2.5m people were displaced by the floods.", W, ['"2.5m" = 2500000, of people']],
  ["The government approved a $3bn aid package.", W, ['"$3bn" = 3000000000, unit $, of aid package']],
  ["Half a million people joined the march.", W, ['"Half a million" = 500000, of people']],
  ["A quarter of a million people signed the petition.", W, ['"A quarter of a million" = 250000, of people']],
  ["One and a half million people voted.", W, ['"One and a half million" = 1500000, of people']],
  ["20 000 security personnel were deployed.", W, ['"20 000" = 20000, of security personnel']],
  ["More than 10,00,000 people were affected.", W, ['"More than 10,00,000" = 1000000, more_than, of people']],
  ["Police said 1.5 lakh people attended the rally.", W, ['"1.5 lakh" = 150000, of people, by Police']],
  ["The state spent Rs 2 crore on security.", W, ['"Rs 2 crore" = 20000000, unit Rs']],
  ["Two lakh people were evacuated.", W, ['"Two lakh" = 200000, of people']],
  ["Twenty-five thousand people marched.", W, ['"Twenty-five thousand" = 25000, of people']],
  [
    "One hundred and twelve people were injured and 3,000 were detained.",
    W,
    ['"One hundred and twelve" = 112, of people', '"3,000" = 3000'],
  ],
  ["A dozen officers were hurt.", W, ['"A dozen" = 12, of officers']],
  [
    "Turnout was 62%, the National Election Commission said on Monday.",
    W,
    ['"62%" = 62, unit %, by the National Election Commission'],
  ],
  [
    "Spending fell to 900 crore, said finance minister Anil Rao on Saturday.",
    W,
    ['"900 crore" = 9000000000, by finance minister Anil Rao'],
  ],
  ["We counted 400 people, he said.", W, ['"400" = 400, of people']],
  [
    "Gauges recorded 180 millimetres of rain on Sunday and 4 centimetres on Monday.",
    W,
    ['"180" = 180, unit millimetres, 2024-11-24', '"4" = 4, unit centimetres, 2024-11-25'],
  ],
  ["Nearly 1,000 protesters were arrested in Islamabad.", W, ['"Nearly 1,000" = 1000, nearly, of protesters']],
  [
    "Islamabad Police Inspector General Ali Nasir Rizvi confirmed that 954 individuals had been arrested between Sunday and Tuesday, as protesters came within 1.6 kilometers of their intended target.",
    W,
    [
      '"954" = 954, of individuals, 2024-11-24..2024-11-26, by Islamabad Police Inspector General Ali Nasir Rizvi',
      '"within 1.6" = 1.6, up_to, unit kilometers, by Islamabad Police Inspector General Ali Nasir Rizvi',
    ],
  ],
  [
    "Islamabad police said on Thursday that 960 people had been arrested between Sunday and Tuesday.",
    "2024-11-28",
    ['"960" = 960, of people, 2024-11-24..2024-11-26, by Islamabad police'],
  ],
  ["On Sunday, 412 people were arrested.", W, ['"412" = 412, of people, 2024-11-24']],
  [
    "Between Sunday and Tuesday, 954 people were arrested and 20 were injured.",
    W,
    ['"954" = 954, of people, 2024-11-24..2024-11-26', '"20" = 20, 2024-11-24..2024-11-26'],
  ],
  [
    "Calm returned on Monday night, when 72 people were arrested.",
    "2023-07-05",
    ['"72" = 72, of people, night 2023-07-03'],
  ],
  [
    "More than 3,000 people have been arrested since Friday.",
    W,
    ['"More than 3,000" = 3000, more_than, of people, 2024-11-22..2024-11-27'],
  ],
  ["A 17-year-old was shot dead in Nanterre on Tuesday.", R, ['age "17-year-old"']],
  ["Imran Khan was ousted from office in 2022.", W, ['year "2022"']],
  ["He has been imprisoned since August 2023.", W, ['date "August 2023"']],
  ["The car hit his home at 1:30 a.m. on Sunday.", R, ['time "1:30 a.m."']],
  ["The protest on 24 November drew 5,000 people.", W, ['date "24 November"', '"5,000" = 5000, of people, 2024-11-24']],
  ["Article 370 was revoked in 2019.", W, ['label "370"', 'year "2019"']],
  ["The 2019 elections drew 2000 observers.", W, ['year "2019"', '"2000" = 2000, of observers']],
  ["No one was hurt, but 12 people were detained.", W, ['"12" = 12, of people']],
  ["Fewer than 100 people turned out.", W, ['"Fewer than 100" = 100, null, of people']],
  ["~500 vehicles were towed.", W, ['"~500" = 500, about, of vehicles']],
  ["As many as 300 people may have died.", W, ['"As many as 300" = 300, up_to, of people']],
  ["10,000 or more people were expected.", W, ['"10,000 or more" = 10000, at_least, of people']],
  ["An estimated 40,000 people fled.", W, ['"An estimated 40,000" = 40000, about, of people']],
  ["Police counted 1,000-plus marchers.", W, ['"1,000-plus" = 1000, at_least, of marchers, by Police']],
  ["Over 9,000 people signed up.", W, ['"Over 9,000" = 9000, more_than, of people']],
  ["Almost 900 people were evacuated.", W, ['"Almost 900" = 900, nearly, of people']],
  ["The march stretched over 2 km.", W, ['"over 2" = 2, more_than, unit km']],
  ["The crowd of 5,000 waited for five hours.", W, ['"5,000" = 5000', '"five" = 5, unit hours']],
  ["Rain fell for 3 days.", W, ['"3" = 3, unit days']],
  ["His wife and one of his two children were injured.", W, ['"one" = 1', '"two" = 2, of children']],
  [
    "On 24-26 November, 954 people were arrested.",
    W,
    ['date "24-26 November"', '"954" = 954, of people, 2024-11-24..2024-11-26'],
  ],
  [
    "Police arrested 120 people on Friday and Sunday.",
    W,
    [
      '"120" = 120, of people, no period: "Friday and Sunday" names 2 days that do not follow each other, not one period',
    ],
  ],
  ["Protests continued over the weekend, with 200 arrests.", W, ['"200" = 200, of arrests, 2024-11-23..2024-11-24']],
  ["Yesterday 30 people were hurt.", W, ['"30" = 30, of people, 2024-11-26']],
  ["Police said 40 people were arrested overnight.", W, ['"40" = 40, of people, night 2024-11-26, by Police']],
  ["In the night to Saturday, 50 cars burned.", R, ['"50" = 50, of cars, night 2023-06-30']],
  ["At least 10 people died and 20 were injured.", W, ['"At least 10" = 10, at_least, of people', '"20" = 20']],
  [
    "At least 10 people were killed and 20 injured.",
    W,
    ['"At least 10" = 10, at_least, of people', '"20" = 20, at_least, of injured, or exact'],
  ],
  [
    "Officials put the toll at 1,200 dead and 3,400 wounded.",
    W,
    ['"1,200" = 1200, of dead, by Officials', '"3,400" = 3400, of wounded, by Officials'],
  ],
  ["The fine was £2.5m.", W, ['"£2.5m" = 2500000, unit £']],
  ["The wall was 2.5m high.", W, ['"2.5" = 2.5, unit m']],
  [
    "Police said 3,625 people were arrested between Tuesday and Sunday.",
    "2023-07-05",
    ['"3,625" = 3625, of people, 2023-06-27..2023-07-02, by Police'],
  ],
  ["Turnout rose 3 percentage points.", W, ['"3 percentage points" = 3, unit percentage points']],
  ["Some 1.2 billion people watched.", W, ['"Some 1.2 billion" = 1200000000, about, of people']],
  ["Nine out of 10 residents stayed home.", W, ['"Nine out of 10" = 9/10, of residents']],
  [
    "Police said at least 1,350 people were detained across the country, including 500 in Paris.",
    R,
    ['"at least 1,350" = 1350, at_least, of people, by Police', '"500" = 500, by Police'],
  ],
  // Running counts (a flood story datelined Fri 14 Mar 2025): "by" ends a count, "since" starts
  // it, a toll's day is the day it was counted to; never a one-day count.
  ["By Wednesday, 31 people had died since Sunday.", F, ['"31" = 31, of people, 2025-03-09..2025-03-12']],
  ["31 people had died by Wednesday.", F, ['"31" = 31, of people, ..2025-03-12, start not stated']],
  [
    "As of 12 March, 31 people had died.",
    F,
    ['date "12 March"', '"31" = 31, of people, ..2025-03-12, start not stated'],
  ],
  ["52 people had died since the floods began on Sunday.", F, ['"52" = 52, of people, 2025-03-09..2025-03-14']],
  [
    "By Wednesday, 31 people had died since the floods began on Sunday.",
    F,
    ['"31" = 31, of people, 2025-03-09..2025-03-12'],
  ],
  ["Since Sunday, when the floods began, 52 people have died.", F, ['"52" = 52, of people, 2025-03-09..2025-03-14']],
  ["52 people have died since Sunday, when the floods began.", F, ['"52" = 52, of people, 2025-03-09..2025-03-14']],
  [
    "The agency counted 12 dead on Monday and 31 on Wednesday, all since the rains began on Sunday.",
    F,
    ['"12" = 12, of dead, 2025-03-09..2025-03-10', '"31" = 31, of dead, 2025-03-09..2025-03-12'],
  ],
  ["The death toll rose to 12 on Monday.", F, ['"12" = 12, ..2025-03-10, start not stated']],
  [
    "The toll rose to 12 on Monday and 31 on Wednesday.",
    F,
    ['"12" = 12, ..2025-03-10, start not stated', '"31" = 31, ..2025-03-12, start not stated'],
  ],
  ["The number of people killed since Sunday reached 20 on Tuesday.", F, ['"20" = 20, 2025-03-09..2025-03-11']],
  // Not running counts: a comparison, a clause of its own, a landslide's day.
  ["Police arrested 300 people on Monday, the most since Friday.", F, ['"300" = 300, of people, 2025-03-10']],
  [
    "A curfew has been in place since Sunday, and 40 people were arrested on Monday.",
    F,
    ['"40" = 40, of people, 2025-03-10'],
  ],
  ["Three people were killed by Wednesday's landslide.", F, ['"Three" = 3, of people, 2025-03-12']],
];

describe("the sentence reader", () => {
  it(`reads ${SENTENCES.length} sentences as a copy editor would`, () => {
    expect(SENTENCES.length).toBeGreaterThanOrEqual(60);
  });

  it.each(SENTENCES)("%s", (sentence, dateline, expected) => {
    expect(readSentence(sentence, { dateline }).map(written)).toEqual(expected);
  });
});

/** Any text at all, and text made of the pieces numbers, dates and qualifiers are written with. */
const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 120 }),
  fc.string({ maxLength: 120 }),
  fc
    .array(
      fc.constantFrom(
        ..."0 1 12 1,000 20 000 10,00,000 2.5 −5 -3 % k m bn lakh crore half a third one in five two-thirds between and to or at least some more than nearly about under Sunday Monday night nights overnight on since the night of Friday to Saturday 24 November 2023 17-year-old 1:30 a.m. , . ; said according police people".split(
          " ",
        ),
      ),
      { maxLength: 30 },
    )
    .map((words) => words.join(" ")),
);

describe("the reader, on any text", () => {
  it("never throws, and every reading points at its own words", () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom(W, R, "2024-02-29", "not a date"), (text, dateline) => {
        for (const sentence of readText(text, { dateline })) {
          expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
          for (const r of sentence.readings) {
            expect(text.slice(r.start, r.end)).toBe(r.text);
            expect(r.numberStart >= r.start && r.numberEnd <= r.end).toBe(true);
            expect(Number.isFinite(r.value)).toBe(true);
            if (r.fraction) expect(r.fraction.numerator < r.fraction.denominator).toBe(true);
            if (r.range) expect(r.range.low < r.range.high).toBe(true);
            if (r.span) expect(r.span.start <= r.span.end).toBe(true);
          }
        }
      }),
      { numRuns: 600 },
    );
  });

  it("leaves the dateline alone: its year is not a number of the article", () => {
    const text = "date 2024-11-27\nPolice said 954 people were arrested on Sunday.";
    expect(readText(text, { dateline: W }).flatMap((s) => s.readings.map(written))).toEqual([
      '"954" = 954, of people, 2024-11-24, by Police',
    ]);
  });
});

describe("the reader on a long sentence", () => {
  // Five-digit numbers at every size, so no size reads numbers another does not (1000 to 2099 may be
  // years); CPU time, fastest of three, sizes sixteen times apart, as linear.test.ts measures:
  // linear work is sixteenfold, numbers × clauses 256-fold.
  /** One sentence with no full stop: `n` runs of three numbers, each with a day, a qualifier and a clause break. */
  const sentence = (n: number) =>
    Array.from(
      { length: n },
      (_, i) =>
        `at least ${10000 + i} people on Sunday, ${20000 + i} on Monday and ${30000 + i} on Tuesday night as police said; `,
    ).join("");

  it("reads running counts (by, since an event began, a toll's day) in linear time too", () => {
    const toll = (n: number) =>
      Array.from(
        { length: n },
        (_, i) =>
          `By Wednesday ${10000 + i} people had died since the rains began on Sunday, the toll rose to ${20000 + i} on Monday and ${30000 + i} on Tuesday, all since Sunday and `,
      ).join("");
    const read = (n: number) => readText(toll(n), { dateline: F });
    expect(read(100).flatMap((s) => s.readings)).toHaveLength(300);
    expect(growth([200, 800, 3200], read, 3)[2]).toBeLessThan(64);
  }, 120_000);

  it("grows linearly with its numbers, periods and clauses (ratio over three sizes)", () => {
    const read = (n: number) => readText(sentence(n), { dateline: W });
    expect(read(100).flatMap((s) => s.readings)).toHaveLength(300);
    expect(growth([200, 800, 3200], read, 3)[2]).toBeLessThan(64);
  }, 120_000);
});

describe("who gives it, across a text (issue 18 item 3, issue 22 item 4)", () => {
  const speakers = (text: string, context: { dateline?: string; source?: string } = { dateline: F }) =>
    readText(text, context).flatMap((s) =>
      s.readings.filter((r) => r.kind === "figure").map((r) => `${r.value}: ${r.saidBy}`),
    );

  it("reads a transcript's speaker labels for everything said under them", () => {
    const transcript = [
      "GOVERNOR GREEN: I'm sorry to report that the death toll stands at 93.",
      "",
      "REPORTER: How many are missing?",
      "",
      "GOVERNOR GREEN: About 1,000 people. Around 2,200 structures were lost.",
      "",
      "FINANCE MINISTER RAO: The outlay is Rs 3.2 lakh crore.",
    ].join("\n");
    expect(speakers(transcript)).toEqual([
      "93: Governor Green",
      "1000: Governor Green",
      "2200: Governor Green",
      "3200000000000: Finance Minister Rao",
    ]);
  });

  it("credits a source file's own statements to its name, and a quoted speaker to the speaker", () => {
    const text = "The fire is 85% contained. Firefighters said 2,900 crews were at work.";
    expect(speakers(text, { dateline: F, source: "County of Maui statement" })).toEqual([
      "85: County of Maui statement",
      "2900: Firefighters",
    ]);
  });

  it("resolves a pronoun or 'the agency' to the nearest speaker before it that it can stand for, else nobody", () => {
    expect(
      speakers(
        "The Federal Emergency Management Agency said it had approved $2.3m in aid. The agency said 3,000 households had applied. He said 40 teams were deployed.",
      ),
    ).toEqual([
      "2300000: The Federal Emergency Management Agency",
      "3000: The Federal Emergency Management Agency",
      "40: The Federal Emergency Management Agency",
    ]);
    expect(speakers("The agency said 9,000 people had registered. He said 12 had died.")).toEqual(["9000: ", "12: "]);
    expect(
      speakers("Finance Minister Anil Rao said the deficit was 3.1%. He claimed that revenue had grown by 14%."),
    ).toEqual(["3.1: Finance Minister Anil Rao", "14: Finance Minister Anil Rao"]);
  });

  it("reads each clause's speaker, and never a fragment of the sentence", () => {
    expect(speakers("Organisers put the turnout at 250,000, while police estimated it at 60,000.")).toEqual([
      "250000: Organisers",
      "60000: police",
    ]);
    expect(
      speakers(
        "The toll rose to 99 on Tuesday, county officials said, making it the deadliest US wildfire in a century.",
      ),
    ).toEqual(["99: county officials"]);
    expect(speakers("Real Madrid paid a reported €100 million for the midfielder.")).toEqual(["100000000: "]);
    expect(speakers("The minister, a former banker, told the House that 2.5 lakh posts were vacant.")).toEqual([
      "250000: The minister",
    ]);
    expect(speakers("Revenue rose 18 per cent, the minister said on Wednesday, presenting the budget.")).toEqual([
      "18: the minister",
    ]);
  });
});

describe("what is counted (issue 18 item 4)", () => {
  const metrics = (text: string) =>
    readText(text, { dateline: F }).flatMap((s) =>
      s.readings
        .filter((r) => r.kind === "figure")
        .map((r) => `${r.value}: ${r.metric}${r.label ? ` (${r.label})` : ""}`),
    );

  it("names what each number counts, never a function word", () => {
    expect(metrics("Officials confirmed 36 deaths on Wednesday and 53 on Thursday. It stood at 93 on Sunday.")).toEqual(
      ["36: deaths", "53: deaths", "93: deaths"],
    );
    expect(metrics("Some 1,418 people stayed in five emergency shelters, the Red Cross said.")).toEqual([
      "1418: people in shelters",
      "5: emergency shelters",
    ]);
    expect(metrics("Lahaina and Kihei lost 2,207 and 14 buildings, respectively.")).toEqual([
      "2207: buildings (Lahaina)",
      "14: buildings (Kihei)",
    ]);
    expect(metrics("Turnout was 62%, up from 58% in 2019.")).toEqual(["62: turnout", "58: turnout"]);
    expect(metrics("The quake killed at least 2,100 people and injured more than 5,000.")).toEqual([
      "2100: deaths",
      "5000: people injured",
    ]);
  });
});

describe("who gives it and what is counted, on a long sentence", () => {
  it("grow linearly with its clauses, speakers, lists and commas (ratio over three sizes)", () => {
    // One sentence without a full stop: clauses with speakers, lists, respectively, labels and pronouns.
    const sentence = (n: number) =>
      `GOVERNOR GREEN: ${Array.from(
        { length: n },
        (_, i) =>
          `Lahaina and Kihei lost ${10000 + i} and ${20000 + i} buildings, respectively, county officials said, while police estimated it at ${30000 + i}, according to the Red Cross, and he said the toll rose to ${40000 + i}, `,
      ).join("")}`;
    const read = (n: number) => readText(sentence(n), { dateline: F, source: "County statement" });
    expect(read(100).flatMap((s) => s.readings)).toHaveLength(400);
    // Five-digit numbers at every size, so no size reads numbers another does not (1000 to 2099 may
    // be years); CPU time, fastest of three, sizes sixteen times apart, as linear.test.ts measures.
    const ratios = growth([200, 800, 3200], read, 3);
    // Linear is 16, clauses × speakers 256.
    expect(ratios[2]).toBeLessThan(64);
  }, 120_000);
});
