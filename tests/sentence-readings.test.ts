/**
 * Sentence readings kept between builds never give a reading a cold read would not: a sentence is
 * kept by its text and everything it is read against (dateline, fiscal year, whether its paragraph
 * spoke of a toll before it), and what a paragraph or the whole text adds to it (a toll's count
 * start, a day's deaths read as the toll so far, tolls elsewhere in the text) is worked out afresh.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDateline, parseFiscalStart, parseSourceName } from "../pipeline/facts/dates.ts";
import { readText, type ReadContext, type SentenceReading } from "../pipeline/facts/reader.ts";
import { SentenceReadings } from "../pipeline/facts/sentence-readings.ts";
import { FIXTURES } from "./helpers/story.ts";

const KULA = readFileSync(join(FIXTURES, "kula-fire/article.txt"), "utf8");
/** Days' deaths that add up to more than a later toll in another paragraph are the toll so far (tolls.test.ts). */
const FLOOD = `date 2025-03-19
The death toll from flooding in the south rose to at least 41 on Tuesday, officials said.

Rivers burst their banks after days of rain. Officials reported 9 deaths on Friday, 17 on Saturday, 28 on Sunday and 35 on Monday.

Hospitals reported 30 deaths on Saturday and 45 on Sunday.
`;
/** A source whose figures are credited by who spoke before them: a pronoun, a title, the source's own name. */
const BRIEFING = `date 2025-03-19 source: County statement
Interior Minister Anil Rao said 954 people were arrested on Tuesday.

He said 120 officers were injured on Monday. The minister said 40 vehicles burned on Sunday.

Shelters held 300 people on Tuesday.
`;
/** A transcript: each figure is its speaker label's until the next label. */
const TRANSCRIPT = `date 2025-08-19 source: Briefing transcript
GOVERNOR GREEN: We have confirmed 14 deaths on Monday.
Crews cleared 30 roads on Monday.
CHIEF MORIYAMA: Search teams covered 25 percent of the area on Tuesday.
`;
const contextOf = (text: string): ReadContext => {
  const source = parseSourceName(text);
  return {
    dateline: parseDateline(text) ?? "2025-01-01",
    fiscalStart: parseFiscalStart(text),
    ...(source ? { source } : {}),
  };
};

/** The text read with the memo as it stands, after it read `before`: what a watch's next build does. */
function warmAndCold(memo: SentenceReadings, before: string, after: string) {
  memo.turn();
  readText(before, contextOf(before), memo.read);
  memo.turn();
  const warm = readText(after, contextOf(after), memo.read);
  return { warm, cold: readText(after, contextOf(after)), misses: memo.misses };
}

describe("a sentence's kept reading", () => {
  // The toll's paragraph: "The toll has climbed every day since the fire swept into Pukalani on the
  // afternoon of Aug. 12. Officials confirmed 14 deaths on Wednesday and 27 on Thursday. By Friday
  // the count had reached 38, and it stood at 52 on Sunday and 58 on Monday."
  const edits: [string, string, string, string][] = [
    // The day the count began goes: the next sentences' tolls lose their start.
    ["the count's start removed", KULA, " since the fire swept into Pukalani on the afternoon of Aug. 12", ""],
    // The paragraph split: "14 deaths on Wednesday" is no longer in a toll's paragraph.
    ["the paragraph split", KULA, "Aug. 12. Officials", "Aug. 12.\n\nOfficials"],
    // A day's deaths added that make them no longer rise day by day: each day's own, not the toll.
    [
      "a day's deaths added",
      KULA,
      "Officials confirmed 14",
      "Officials confirmed 30 deaths on Aug. 12. Officials confirmed 14",
    ],
    // The first sentence no longer speaks of a toll: "it stood at 52" is told so.
    ["the toll's words removed", KULA, "The toll has climbed", "The fire has spread"],
    // The toll in another paragraph, that the days' deaths are weighed against: 9 + 17 + 28 + 35
    // deaths by Monday are more than 41 by Tuesday, not more than 100.
    ["another paragraph's toll corrected", FLOOD, "at least 41", "at least 100"],
    // Who spoke before: "He said 120 officers…" and "The minister said…" are credited to another speaker.
    ["the speaker before renamed", BRIEFING, "Interior Minister Anil Rao", "Finance Minister Sara Khan"],
    ["the speaker before removed", BRIEFING, "Interior Minister Anil Rao said 954", "Police said 954"],
    // A transcript's label: the lines after it are its speaker's.
    ["a speaker label changed", TRANSCRIPT, "GOVERNOR GREEN:", "MAYOR BISSEN:"],
  ];

  it.each(edits)(
    "is the cold reading after %s, where a sentence's reading changes though its words do not",
    (_, text, from, to) => {
      const edited = text.replace(from, to);
      expect(edited).not.toBe(text);
      const memo = new SentenceReadings();
      const { warm, cold, misses } = warmAndCold(memo, text, edited);
      expect(warm).toEqual(cold);
      expect(misses).toBeLessThan(cold.length); // most sentences were kept…
      // …and what the edit changed reaches sentences whose text it did not touch.
      const original = readText(text, contextOf(text));
      const changed = cold.filter((s) => {
        const same = original.find((o) => o.text === s.text);
        return same && JSON.stringify(s.readings.map(strip)) !== JSON.stringify(same.readings.map(strip));
      });
      expect(changed.length).toBeGreaterThan(0);
      // And back: the memo now holds the edited story's readings too, and still reads the original right.
      expect(warmAndCold(memo, edited, text).warm).toEqual(original);
    },
  );

  it("is the cold reading after the source is renamed: figures nobody in the text gives are the source's", () => {
    const edited = BRIEFING.replace("source: County statement", "source: State statement");
    const { warm, cold } = warmAndCold(new SentenceReadings(), BRIEFING, edited);
    expect(warm).toEqual(cold);
    const shelters = (read: SentenceReading[]) => read.flatMap((s) => s.readings).find((r) => r.value === 300)?.saidBy;
    expect([shelters(readText(BRIEFING, contextOf(BRIEFING))), shelters(warm)]).toEqual([
      "County statement",
      "State statement",
    ]);
  });

  it("is frozen: a change to it where it is used fails instead of changing a later build's reading", () => {
    const memo = new SentenceReadings();
    const [reading] = memo.read("Officials confirmed 14 deaths on Wednesday.", { dateline: "2025-08-19" });
    expect(() => reading.alternatives.push(reading.alternatives[0])).toThrow(TypeError);
    expect(() => Object.assign(reading, { value: 15 })).toThrow(TypeError);
  });

  it("is the cold reading after any run of edits to the fixture stories' texts (property)", () => {
    const texts = [
      FLOOD,
      ...readdirSync(FIXTURES).flatMap((story) => {
        const dir = join(FIXTURES, story);
        if (!existsSync(join(dir, "article.txt"))) return [];
        const sources = existsSync(join(dir, "sources"))
          ? readdirSync(join(dir, "sources"), { withFileTypes: true }).filter((e) => e.isFile())
          : [];
        return [
          readFileSync(join(dir, "article.txt"), "utf8"),
          ...sources.map((e) => readFileSync(join(dir, "sources", e.name), "utf8")),
        ];
      }),
    ];
    // An edit at a place in the text: a sentence or paragraph break made or removed, words of a toll
    // added, a digit changed, a span deleted or moved.
    const edit = fc.oneof(
      fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), words: fc.constantFrom(...INSERTS) }),
      fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 120 }) }),
      fc.record({ kind: fc.constant("digit" as const), at: fc.nat(), digit: fc.integer({ min: 0, max: 9 }) }),
      fc.record({
        kind: fc.constant("move" as const),
        at: fc.nat(),
        to: fc.nat(),
        length: fc.integer({ min: 1, max: 200 }),
      }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.array(edit, { minLength: 1, maxLength: 6 }), (text, steps) => {
        const memo = new SentenceReadings();
        let before = text;
        for (const step of steps) {
          const after = applyEdit(before, step);
          const { warm, cold } = warmAndCold(memo, before, after);
          expect(warm).toEqual(cold);
          before = after;
        }
      }),
      { numRuns: 60 },
    );
  });
});

const INSERTS = [
  "\n\n",
  ". ",
  " The death toll rose to 70 on Monday. ",
  " since the storm struck on Aug. 10",
  " Officials confirmed 90 deaths on Tuesday. ",
  " and it stood at 75 on Wednesday",
  " 12 more bodies were found on Thursday. ",
  " The number of dead reached 101 by Friday. ",
  " Governor Josh Green said 12 people died on Monday. ",
  " He said ",
  "\nMAYOR BISSEN: ",
];

type Edit =
  | { kind: "insert"; at: number; words: string }
  | { kind: "delete"; at: number; length: number }
  | { kind: "digit"; at: number; digit: number }
  | { kind: "move"; at: number; to: number; length: number };

/** An edit somewhere after the dateline line (it stays the file's first line). */
function applyEdit(text: string, edit: Edit): string {
  const head = text.indexOf("\n") + 1;
  const place = (n: number) => head + (n % Math.max(1, text.length - head));
  const at = place(edit.at);
  switch (edit.kind) {
    case "insert":
      return text.slice(0, at) + edit.words + text.slice(at);
    case "delete":
      return text.slice(0, at) + text.slice(at + edit.length);
    case "digit": {
      const digit = text.slice(at).search(/\d/);
      return digit < 0 ? text : text.slice(0, at + digit) + edit.digit + text.slice(at + digit + 1);
    }
    case "move": {
      const cut = text.slice(at, at + edit.length);
      const rest = text.slice(0, at) + text.slice(at + edit.length);
      const to = head + (edit.to % Math.max(1, rest.length - head));
      return rest.slice(0, to) + cut + rest.slice(to);
    }
  }
}

/** A reading without its offsets, to compare a sentence's readings wherever it stands. */
const strip = (r: SentenceReading["readings"][number]) => ({
  ...r,
  start: 0,
  end: 0,
  numberStart: 0,
  numberEnd: 0,
  sentenceStart: 0,
  sentenceEnd: 0,
});
