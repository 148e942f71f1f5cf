import { describe, expect, it } from "vitest";
import { dateFix, isIsoDate, parseDateline, wireDateline } from "../pipeline/facts/dates.ts";
import { findPeriod } from "../pipeline/facts/periods.ts";

/** The dateline of the story: Wednesday 27 November 2024. */
const PUBLISHED = "2024-11-27";
const period = (text: string, anchor = PUBLISHED) => {
  const found = findPeriod(text, anchor);
  return found && [found.start, found.end];
};

describe("a date cell", () => {
  it("is a real calendar day written YYYY-MM-DD", () => {
    expect(isIsoDate("2024-11-24")).toBe(true);
    expect(isIsoDate("2024-02-29")).toBe(true);
  });

  it.each([
    "2023-02-29",
    "2024-11-31",
    "2024-13-01",
    "2024-00-10",
    "24/11/2024",
    "11/24/2024",
    "2024-11-24T00:00",
    " 2024-11-24",
    "2024-1-5",
    "",
  ])("%j is not one", (cell) => expect(isIsoDate(cell)).toBe(false));
});

describe("the fix for a date cell a spreadsheet reformatted", () => {
  it("reads it back where only one reading is a real date", () => {
    expect(dateFix("24/11/2024")).toBe("write it as YYYY-MM-DD: 2024-11-24");
    expect(dateFix("11/24/2024")).toBe("write it as YYYY-MM-DD: 2024-11-24");
    expect(dateFix("24.11.2024")).toBe("write it as YYYY-MM-DD: 2024-11-24");
  });

  it("offers both readings where both are dates, and an example otherwise", () => {
    expect(dateFix("05/11/2024")).toBe("write it as YYYY-MM-DD: 2024-11-05 or 2024-05-11, whichever was meant");
    expect(dateFix("5/5/2024")).toBe("write it as YYYY-MM-DD: 2024-05-05");
    expect(dateFix("2024-11-31")).toBe("write it as YYYY-MM-DD, e.g. 2024-11-24");
    expect(dateFix("last Tuesday", "2024-11-28")).toBe("write it as YYYY-MM-DD, e.g. 2024-11-28");
  });
});

describe("the dateline", () => {
  it("is read from the first line, after a byte-order mark or white space", () => {
    expect(parseDateline("date 2024-11-27 Nearly 1,000 protesters")).toBe(PUBLISHED);
    expect(parseDateline("\uFEFF date 2024-11-27\r\nText")).toBe(PUBLISHED);
  });

  it("is missing when the first line does not start with it, or names no real day", () => {
    expect(parseDateline("Nearly 1,000 protesters\ndate 2024-11-27")).toBeUndefined();
    expect(parseDateline("date 2024-02-30 text")).toBeUndefined();
  });
});

describe("a wire dateline in an article without its date line", () => {
  it("is offered with its line when it states a day with its year, in the forms wires use", () => {
    const headline = "Floods kill at least 41 in Vietnam\n\n";
    expect(wireDateline(`${headline}HANOI, Wednesday 15 October 2025 (Reuters) - The death toll rose`)).toEqual({
      iso: "2025-10-15",
      line: 3,
      words: "15 October 2025",
    });
    expect(wireDateline("WASHINGTON, Oct. 15, 2025 (AP) — Lawmakers voted")?.iso).toBe("2025-10-15");
    expect(wireDateline("NEW DELHI, Feb 1 2025 (PTI) - The budget")?.iso).toBe("2025-02-01");
    expect(wireDateline("Paris, 3 June 2023 — Police said")?.iso).toBe("2023-06-03");
  });

  it("is never guessed: no year, no real day, or a date in the story's body is not a dateline", () => {
    expect(wireDateline("WASHINGTON, Oct. 15 (Reuters) - Lawmakers voted")).toBeUndefined();
    expect(wireDateline("CAIRO, 30 February 2025 (AFP) - Text")).toBeUndefined();
    expect(wireDateline("Police said on 3 June 2023 that 41 people had died.")).toBeUndefined();
  });
});

describe("a period named in a quote, resolved against the dateline", () => {
  it('"between Sunday and Tuesday" in a story of Wed 27 Nov 2024 is 24 to 26 November', () => {
    expect(findPeriod("954 individuals had been arrested between Sunday and Tuesday", PUBLISHED)).toEqual({
      start: "2024-11-24",
      end: "2024-11-26",
      text: "between Sunday and Tuesday",
    });
  });

  it.each([
    ["from Sunday to Tuesday", ["2024-11-24", "2024-11-26"]],
    ["Sunday through Tuesday", ["2024-11-24", "2024-11-26"]],
    ["Sunday–Tuesday", ["2024-11-24", "2024-11-26"]],
    ["between Saturday and Monday", ["2024-11-23", "2024-11-25"]],
    ["between 24 and 26 November", ["2024-11-24", "2024-11-26"]],
    ["from 24 to 26 November", ["2024-11-24", "2024-11-26"]],
    ["on November 24-26", ["2024-11-24", "2024-11-26"]],
    ["between Nov. 24 and 26", ["2024-11-24", "2024-11-26"]],
    ["from 24 November to 2 December 2023", ["2023-11-24", "2023-12-02"]],
    ["from 30 December to 2 January", ["2023-12-30", "2024-01-02"]],
    ["since Sunday", ["2024-11-24", "2024-11-27"]],
    ["on Monday", ["2024-11-25", "2024-11-25"]],
    ["on Wednesday", ["2024-11-27", "2024-11-27"]],
    ["on 24 November", ["2024-11-24", "2024-11-24"]],
    ["on November 24th", ["2024-11-24", "2024-11-24"]],
    ["on 24 November 2023", ["2023-11-24", "2023-11-24"]],
    ["on 28 November", ["2023-11-28", "2023-11-28"]],
    ["yesterday", ["2024-11-26", "2024-11-26"]],
    ["today", ["2024-11-27", "2024-11-27"]],
  ])("%j is %j", (text, expected) => {
    expect(period(text)).toEqual(expected);
  });

  it("prefers a range over a day inside it, and skips words that only look like dates", () => {
    expect(period("on Sunday and between Sunday and Tuesday")).toEqual(["2024-11-24", "2024-11-26"]);
    expect(period("20 marches were held on Sunday")).toEqual(["2024-11-24", "2024-11-24"]);
  });

  it("names no period where the words are not dates", () => {
    for (const text of [
      "954 individuals had been arrested",
      "10 march towards the city",
      "police may 20 times",
      "on Sundays",
      "on 31 November",
      "since August 2023",
    ]) {
      expect(period(text), text).toBeUndefined();
    }
  });

  it("resolves 29 February in the latest leap year on or before the dateline", () => {
    expect(period("on 29 February", "2023-05-01")).toEqual(["2020-02-29", "2020-02-29"]);
  });
});
