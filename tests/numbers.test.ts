import { describe, expect, it } from "vitest";
import { parseQualifier } from "../pipeline/facts/qualifiers.ts";
import { readSentence } from "../pipeline/facts/reader.ts";
import { parseValue } from "../pipeline/facts/value-cell.ts";

/** The figures a sentence states, as the reader reads them. */
const findMentions = (text: string) => readSentence(text).filter((r) => r.kind === "figure");
/** The numbers a sentence states, as [value, qualifier, words]. */
const stated = (text: string) => findMentions(text).map((m) => [m.value, m.qualifier, m.text]);

describe("a number stated in digits", () => {
  it("is read with its thousands separators and decimals", () => {
    expect(stated("Authorities deployed 20,000 security personnel")).toEqual([[20000, "exact", "20,000"]]);
    expect(stated("954 individuals had been arrested")).toEqual([[954, "exact", "954"]]);
    expect(stated("a distance of 1.6 kilometers")).toEqual([[1.6, "exact", "1.6"]]);
  });

  it("takes a scale word after it", () => {
    expect(stated("a budget of 1.6 million rupees")).toEqual([[1600000, "exact", "1.6 million"]]);
    expect(stated("20 thousand people")).toEqual([[20000, "exact", "20 thousand"]]);
  });

  it("is not read out of a malformed or longer token", () => {
    expect(stated("1,0000 people")).toEqual([]);
    expect(stated("version 1.6.2")).toEqual([]);
    expect(stated("2,5 km")).toEqual([]);
  });
});

describe("a number stated in words", () => {
  it("is read whole: units, tens, hundreds and scales", () => {
    expect(stated("at least one police officer")).toEqual([[1, "at_least", "at least one"]]);
    expect(stated("twenty-five thousand")).toEqual([[25000, "exact", "twenty-five thousand"]]);
    expect(stated("one hundred and twelve")).toEqual([[112, "exact", "one hundred and twelve"]]);
    expect(stated("one million two hundred thousand")).toEqual([
      [1200000, "exact", "one million two hundred thousand"],
    ]);
    expect(stated("nineteen hundred")).toEqual([[1900, "exact", "nineteen hundred"]]);
  });

  it("reads 'a' as one only before hundred, a scale or dozen", () => {
    expect(stated("more than a thousand")).toEqual([[1000, "more_than", "more than a thousand"]]);
    expect(stated("a dozen officers")).toEqual([[12, "exact", "a dozen"]]);
    expect(stated("two dozen officers")).toEqual([[24, "exact", "two dozen"]]);
    // A number in a compound adjective describes the strike; it counts nothing (issue 22).
    expect(stated("a five-day strike")).toEqual([]);
  });

  it("reads 'between four and five' as one range, and a qualifier as governing the list after it", () => {
    expect(findMentions("between four and five people").map((m) => [m.range, m.text])).toEqual([
      [{ low: 4, high: 5 }, "between four and five"],
    ]);
    expect(stated("at least one police officer and four paramilitary personnel")).toEqual([
      [1, "at_least", "at least one"],
      [4, "at_least", "four"],
    ]);
  });

  it("does not find numbers inside other words", () => {
    expect(stated("someone, anyone, often, tension")).toEqual([]);
  });
});

describe("the qualifier a sentence puts on a number", () => {
  it.each([
    ["Nearly 1,000 protesters were arrested", 1000, "nearly", "Nearly 1,000"],
    ["which saw more than 10,000 people marching", 10000, "more_than", "more than 10,000"],
    ["over 9,000 people", 9000, "more_than", "over 9,000"],
    ["no more than 50 people", 50, "up_to", "no more than 50"],
    ["as many as 300 people", 300, "up_to", "as many as 300"],
    ["no fewer than 12 people", 12, "at_least", "no fewer than 12"],
    ["an estimated 40,000 people", 40000, "about", "an estimated 40,000"],
    ["roughly two thousand", 2000, "about", "roughly two thousand"],
    ["10,000 or more people", 10000, "at_least", "10,000 or more"],
    ["a 1,000-plus crowd", 1000, "at_least", "1,000-plus"],
    ["500 or so people", 500, "about", "500 or so"],
  ])("%s: %s is %s", (text, value, qualifier, words) => {
    expect(stated(text)).toEqual([[value, qualifier, words]]);
  });

  it("is null where no qualifier can say what the words say, so no row can claim it", () => {
    expect(stated("fewer than 100 people")).toEqual([[100, null, "fewer than 100"]]);
    expect(stated("under 1,000 people")).toEqual([[1000, null, "under 1,000"]]);
  });
});

describe("a value cell", () => {
  it("accepts digits with thousands separators and stray spaces", () => {
    expect(parseValue("20000")).toEqual({ ok: true, value: 20000, fraction: null });
    expect(parseValue(" 20,000 ")).toEqual({ ok: true, value: 20000, fraction: null });
    expect(parseValue("20 000")).toEqual({ ok: true, value: 20000, fraction: null });
    expect(parseValue("1.6")).toEqual({ ok: true, value: 1.6, fraction: null });
    expect(parseValue("-0")).toEqual({ ok: true, value: 0, fraction: null });
  });

  it.each([
    ["", /value is empty; write the number in digits/],
    ["nine hundred", /"nine hundred" is not a number; write it in digits: 900/],
    ["more than 10,000", /write the number alone, 10000, and the qualifier in the qualifier column/],
    ["1,6", /write it with a decimal point/],
    ["1e5", /not a number; write a plain number in digits/],
    ["Infinity", /not a number/],
    ["NaN", /not a number/],
    ["9".repeat(400), /too large to be a number/],
    ["12%", /"12%" is a percentage; write the number alone, 12, and % in the unit column/],
    ["3-Jan", /is a date, as a spreadsheet writes a fraction it took for one; write the fraction as 1 in 3/],
    ["3/3", /is not a share of a whole/],
    ["a third", /write the fraction as 1\/3/],
    ["$5", /not a number/],
  ])("refuses %j, saying what to write", (cell, message) => {
    const parsed = parseValue(cell);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});

describe("a qualifier cell", () => {
  it.each([
    ["exact", "exact"],
    ["at_least", "at_least"],
    ["At-Least", "at_least"],
    ["more than", "more_than"],
    [" Nearly ", "nearly"],
    ["over", "more_than"],
    ["almost", "nearly"],
    ["exactly", "exact"],
  ])("reads %j as %s", (cell, qualifier) => {
    expect(parseQualifier(cell)).toBe(qualifier);
  });

  it.each(["approx", "sort of", "fewer than", "", "__proto__", "constructor"])("does not know %j", (cell) => {
    expect(parseQualifier(cell)).toBeUndefined();
  });
});

describe("signs and words around a number", () => {
  it("carry their qualifier: ~500, >300, ≥ 20, c. 1,000, within 1.6, 1,000-odd, 5 at most", () => {
    const read = (text: string) => findMentions(text).map((m) => [m.value, m.qualifier]);
    expect(read("Officials counted ~500 vehicles")).toEqual([[500, "about"]]);
    expect(read(">300 injured")).toEqual([[300, "more_than"]]);
    expect(read("≥ 20 dead")).toEqual([[20, "at_least"]]);
    expect(read("c. 1,000 people")).toEqual([[1000, "about"]]);
    expect(read("came within 1.6 kilometers")).toEqual([[1.6, "up_to"]]);
    expect(read("1,000-odd marchers")).toEqual([[1000, "about"]]);
    expect(read("5 at most")).toEqual([[5, "up_to"]]);
  });

  it("refuse a bound no qualifier states: <5", () => {
    expect(findMentions("<5 cases").map((m) => m.qualifier)).toEqual([null]);
  });
});

describe("a value cell with a fraction or a sign", () => {
  it("keeps a fraction exact, written 1/3 or 1 in 3", () => {
    expect(parseValue("1/3")).toEqual({ ok: true, value: 1 / 3, fraction: { numerator: 1, denominator: 3 } });
    expect(parseValue(" 1 in 5 ")).toEqual({ ok: true, value: 0.2, fraction: { numerator: 1, denominator: 5 } });
    expect(parseValue("2/3")).toMatchObject({ fraction: { numerator: 2, denominator: 3 } });
  });

  it("keeps a sign, ASCII or U+2212 (the check decides whether the unit allows it)", () => {
    expect(parseValue("-5")).toEqual({ ok: true, value: -5, fraction: null });
    expect(parseValue("\u22125")).toEqual({ ok: true, value: -5, fraction: null });
    expect(parseValue("-12.5")).toEqual({ ok: true, value: -12.5, fraction: null });
  });
});

describe("a value that cannot be shown exactly", () => {
  it("is refused rather than rounded: more than 15 significant digits, 1e21 and up, under 0.000001", () => {
    for (const cell of ["1234567890123456789", "0.123456789012345678", "1,000,000,000,000,000,000,000", "0.0000001"]) {
      const parsed = parseValue(cell);
      expect(parsed.ok, cell).toBe(false);
      if (!parsed.ok) expect(parsed.message).toMatch(/cannot be shown exactly/);
    }
    expect(parseValue("1234567.891")).toEqual({ ok: true, value: 1234567.891, fraction: null });
  });
});

describe("numbers as South Asian and European copy writes them", () => {
  it("read lakh grouping and scale words, and space-grouped thousands", () => {
    const read = (text: string) => findMentions(text).map((m) => [m.value, m.qualifier]);
    expect(read("more than 10,00,000 people")).toEqual([[1000000, "more_than"]]);
    expect(read("1.5 lakh people")).toEqual([[150000, "exact"]]);
    expect(read("Rs 2 crore")).toEqual([[20000000, "exact"]]);
    expect(read("two lakh")).toEqual([[200000, "exact"]]);
    expect(read("20 000 policiers")[0]).toEqual([20000, "exact"]);
    expect(parseValue("10,00,000")).toEqual({ ok: true, value: 1000000, fraction: null });
  });

  it("reads space-grouped digits as one number, never its groups: 20 000 is not 20 and 0", () => {
    expect(findMentions("20 000 security personnel").map((m) => [m.value, m.pieces])).toEqual([[20000, [20, 0]]]);
  });
});
