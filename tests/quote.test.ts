import { describe, expect, it } from "vitest";
import { matchQuote } from "../pipeline/facts/quote.ts";

const SOURCE =
  "date 2024-11-27 Nearly 1,000 protesters were arrested in Islamabad after a large rally.\n\n" +
  "Islamabad Police Inspector General Ali Nasir Rizvi confirmed that 954 individuals had been arrested between Sunday and Tuesday, as protesters came within 1.6 kilometers of their intended target.\n" +
  "Khan’s Pakistan Tehreek-e-Insaf (PTI) party has continued to stage regular protests. Amnesty said law enforcement had used “unlawful and excessive force”.";

const hint = (quote: string) => {
  const match = matchQuote(quote, SOURCE);
  return match.found ? "found" : match.hint;
};

describe("a quote pasted from its source", () => {
  it("is found verbatim", () => {
    expect(hint("Nearly 1,000 protesters were arrested in Islamabad")).toBe("found");
  });

  it("is found whatever copy-paste did to its white space", () => {
    expect(hint("Nearly  1,000\nprotesters were\u00A0arrested")).toBe("found");
    expect(hint("after a large rally. Islamabad Police")).toBe("found");
    expect(hint("  954 individuals\r\nhad been arrested  ")).toBe("found");
  });

  it("is found with straight quotes and apostrophes for typographic ones", () => {
    expect(hint("Khan's Pakistan Tehreek-e-Insaf")).toBe("found");
    expect(hint('had used "unlawful and excessive force"')).toBe("found");
  });

  it("is found with invisible characters a web page leaves in (zero-width space, soft hyphen, BOM)", () => {
    expect(hint("Nearly 1,000 protesters were arrested in Islam\u200Babad")).toBe("found");
    expect(hint("Nearly 1,000 pro\u00ADtesters were arrested")).toBe("found");
    expect(hint("\uFEFFNearly 1,000 protesters")).toBe("found");
  });

  it("is found whether an accent is one character or two", () => {
    const source = "Le caf\u00E9 a fermé ses portes.";
    expect(matchQuote("Le cafe\u0301 a fermé", source)).toMatchObject({ found: true });
  });

  it("is found with the quote marks a reporter pasted around it", () => {
    expect(hint("“Nearly 1,000 protesters were arrested in Islamabad”")).toBe("found");
    expect(hint('"954 individuals had been arrested"')).toBe("found");
  });
});

describe("a quote that is not in its source", () => {
  it("is refused when it differs in anything but white space and quote marks", () => {
    expect(hint("Nearly 1,000 protesters were detained in Islamabad")).toMatch(
      /^it matches up to "…Nearly 1,000 protesters were ", then the quote says "detained in Islamabad…" where the source says "arrested in Islamabad after a …"; copy it exactly$/,
    );
    expect(hint("Nearly 1000 protesters were arrested")).not.toBe("found");
    expect(hint("Nearly 1,000 protesters were arrested in Islamabad...")).not.toBe("found");
  });

  it("says so when only capital letters differ", () => {
    expect(hint("nearly 1,000 protesters were arrested")).toBe(
      "it differs from the source only in capital letters; copy it exactly",
    );
  });

  it("points to the closest sentence when the words differ early", () => {
    expect(hint("954 people had been arrested between Sunday and Tuesday")).toMatch(
      /^the closest sentence in the source is "Islamabad Police Inspector General .* intended target\."; copy the words exactly from it$/,
    );
  });

  it("says when the source ends before the quote does", () => {
    expect(hint("had used “unlawful and excessive force”. Amnesty added")).toMatch(
      /where the source ends, then the quote goes on/,
    );
  });

  it("says when nothing of it is in the source, and when it is empty", () => {
    expect(hint("The weather was fine")).toMatch(
      /no part of it appears in the source; check the source column names the right file/,
    );
    expect(hint(" \u200B ")).toBe("the quote is empty");
  });
});
