import { csvFormatRows } from "d3-dsv";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../pipeline/facts/csv.ts";
import { addDays, isIsoDate, toDate } from "../pipeline/facts/dates.ts";
import { findPeriod } from "../pipeline/facts/periods.ts";
import { formatNumber } from "../pipeline/facts/format.ts";
import { readSentence } from "../pipeline/facts/reader.ts";
import { parseValue } from "../pipeline/facts/value-cell.ts";

const findMentions = (text: string) =>
  readSentence(text)
    .filter((r) => r.kind === "figure")
    .map((r) => ({ ...r, index: r.start }));
import { parseQualifier, QUALIFIER_PHRASE, QUALIFIERS } from "../pipeline/facts/qualifiers.ts";
import { matchQuote } from "../pipeline/facts/quote.ts";

/** Any text at all: every code point, control characters and lone surrogates included. */
const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.string({ maxLength: 80 }),
  fc.string({ unit: fc.constantFrom(..."0123456789,. -+aeno\u00A0\u200B\"'“”"), maxLength: 30 }),
);

/** English words for a whole number below a billion, the way a reporter might write them. */
function words(n: number, and: boolean, hyphen: boolean): string {
  const units = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
  ];
  const tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
  const below100 = (k: number) =>
    k < 20 ? units[k] : `${tens[Math.floor(k / 10)]}${k % 10 ? `${hyphen ? "-" : " "}${units[k % 10]}` : ""}`;
  const below1000 = (k: number) => {
    const h = Math.floor(k / 100);
    const rest = k % 100;
    if (!h) return below100(rest);
    return `${units[h]} hundred${rest ? `${and ? " and" : ""} ${below100(rest)}` : ""}`;
  };
  if (n === 0) return "zero";
  const parts: string[] = [];
  for (const [scale, name] of [
    [1e6, "million"],
    [1e3, "thousand"],
    [1, ""],
  ] as const) {
    const k = Math.floor(n / scale) % 1000;
    if (k) parts.push(`${below1000(k)}${name ? ` ${name}` : ""}`);
  }
  return parts.join(" ");
}

const qualifier = fc.constantFrom(...QUALIFIERS);

describe("the number parser", () => {
  it("never throws, and every mention it finds is in the text at its index", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        for (const m of findMentions(text)) {
          expect(text.slice(m.index, m.index + m.text.length)).toBe(m.text);
          expect(Number.isFinite(m.value)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("reads back any number written in digits with its qualifier, in a sentence", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.nat({ max: 2_000_000_000 }),
          fc.integer({ min: 0, max: 99_999 }).map((n) => n / 10),
        ),
        qualifier,
        fc.constantFrom("", "Police said ", "("),
        (value, q, before) => {
          const phrase = QUALIFIER_PHRASE[q];
          const text = `${before}${phrase ? `${phrase} ` : ""}${formatNumber(value)} people were there.`;
          expect(findMentions(text).map((m) => [m.value, m.qualifier])).toEqual([[value, q]]);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("reads back any whole number below a billion written in words, with or without 'and' and hyphens", () => {
    fc.assert(
      fc.property(fc.nat({ max: 999_999_999 }), fc.boolean(), fc.boolean(), qualifier, (value, and, hyphen, q) => {
        const phrase = QUALIFIER_PHRASE[q];
        const text = `Officials said ${phrase ? `${phrase} ` : ""}${words(value, and, hyphen)} people came.`;
        expect(findMentions(text).map((m) => [m.value, m.qualifier])).toEqual([[value, q]]);
      }),
      { numRuns: 400 },
    );
  });
});

describe("the value cell parser", () => {
  it("never throws: a finite number (a fraction between 0 and 1) or a message saying what to write", () => {
    fc.assert(
      fc.property(anyText, (cell) => {
        const parsed = parseValue(cell);
        if (parsed.ok) {
          expect(Number.isFinite(parsed.value) && !Object.is(parsed.value, -0)).toBe(true);
          if (parsed.fraction) expect(parsed.value > 0 && parsed.value < 1).toBe(true);
        } else expect(parsed.message).toMatch(/^value .*; /);
      }),
      { numRuns: 500 },
    );
  });

  it("reads back any number as a spreadsheet writes it, grouped or not, padded or not", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.nat(),
          fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 100),
        ),
        fc.boolean(),
        fc.constantFrom("", " ", "  \t"),
        (value, grouped, pad) => {
          const cell = `${pad}${grouped ? formatNumber(value) : String(value)}${pad}`;
          expect(parseValue(cell)).toEqual({ ok: true, value, fraction: null });
        },
      ),
    );
  });
});

describe("the qualifier cell parser", () => {
  it("never throws, and reads each qualifier back from its name or its words", () => {
    fc.assert(
      fc.property(anyText, (cell) => void parseQualifier(cell)),
      { numRuns: 300 },
    );
    for (const q of QUALIFIERS) {
      expect(parseQualifier(q)).toBe(q);
      expect(parseQualifier(q.toUpperCase().replace("_", "-"))).toBe(q);
      if (QUALIFIER_PHRASE[q]) expect(parseQualifier(QUALIFIER_PHRASE[q])).toBe(q);
    }
  });
});

describe("the quote matcher", () => {
  it("never throws, whatever the quote and the source", () => {
    fc.assert(
      fc.property(anyText, anyText, (quote, source) => void matchQuote(quote, source)),
      { numRuns: 300 },
    );
  });

  it("finds any stretch of whole words of a source, however its white space and quote marks were changed by copy-paste", () => {
    const word = /^[\p{L}\p{N}]/u;
    const joins = /^[\p{L}\p{N}.,]/u;
    const unit = fc.oneof(
      fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }),
      fc.constantFrom(" ", "\n", "’", "“", "”", "'", '"', "\u00A0", "é"),
    );
    const space = fc.constantFrom(" ", "  ", "\n", "\r\n", "\u00A0", "\t", "\u2009");
    fc.assert(
      fc.property(
        fc.array(unit, { minLength: 1, maxLength: 60 }),
        fc.nat(),
        fc.nat(),
        space,
        fc.boolean(),
        (graphemes, a, b, gap, straighten) => {
          const source = graphemes.join("");
          let [from, to] = [a % graphemes.length, b % graphemes.length].sort((x, y) => x - y);
          // A quote never starts or ends inside a word or a number ("54" is not a quote of "954").
          while (from > 0 && word.test(graphemes[from]) && joins.test(graphemes[from - 1])) from--;
          while (to < graphemes.length - 1 && word.test(graphemes[to]) && joins.test(graphemes[to + 1])) to++;
          let quote = graphemes
            .slice(from, to + 1)
            .join("")
            .replace(/\s+/g, gap);
          if (straighten) quote = quote.replace(/[’‘]/g, "'").replace(/[“”]/g, '"');
          if (quote.replace(/[\s\u00A0\u200B-\u200D\u2060\uFEFF\u00AD]/g, "") === "") return;
          expect(matchQuote(quote, source)).toMatchObject({ found: true });
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe("the period finder", () => {
  const anchor = fc
    .date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2060-12-31T00:00:00Z"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

  it("never throws, and any period it names is two real days in order", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anyText,
          fc.constantFrom(
            "between Sunday and Tuesday",
            "from 30 December to 2 January",
            "on 29 February",
            "since Monday",
          ),
        ),
        anchor,
        (text, day) => {
          const period = findPeriod(text, day);
          if (period) expect(isIsoDate(period.start) && isIsoDate(period.end) && period.start <= period.end).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('resolves "between X and Y" to the last Y on or before the dateline and the X before it, within a week', () => {
    const weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
    fc.assert(
      fc.property(fc.nat(6), fc.nat(6), anchor, (x, y, day) => {
        const period = findPeriod(`arrested between ${weekdays[x]} and ${weekdays[y]}`, day)!;
        expect(toDate(period.end).getUTCDay()).toBe(y);
        expect(toDate(period.start).getUTCDay()).toBe(x);
        expect(period.end <= day && addDays(period.end, 7) > day).toBe(true);
        expect(period.start <= period.end && addDays(period.start, 7) > period.end).toBe(true);
      }),
    );
  });
});

describe("the CSV reader", () => {
  it("never throws, and numbers every row within the file", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const table = parseCsv("f.csv", `id,value\n${text}`, ["id", "value"]);
        const lines = `id,value\n${text}`.split(/\r\n|\r|\n/).length;
        for (const row of table.rows) expect(row.line >= 2 && row.line <= lines).toBe(true);
        for (const problem of table.problems) expect(problem.line >= 1 && problem.line <= lines).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("reads back any table a spreadsheet writes, with a BOM and CRLF or without, at the right lines", () => {
    const cell = fc.string({ unit: fc.constantFrom(..."ab ,\"'é’<&>;\t"), maxLength: 12 });
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 8 }), fc.boolean(), (rows, windows) => {
        let text = csvFormatRows([["id", "value"], ...rows]);
        if (windows) text = `\uFEFF${text.replace(/\n/g, "\r\n")}\r\n`;
        const table = parseCsv("f.csv", text, ["id", "value"]);
        expect(table.problems).toEqual([]);
        // A leading apostrophe before a formula character is the escape spreadsheet-safe CSVs write
        // (figures.draft.csv, the output CSVs): read as the text it escapes (README).
        const kept = rows
          .map((cells, i) => [i + 2, cells.map((c) => c.trim().replace(/^'(?=[=+\-@\t\r])/, ""))] as const)
          .filter(([, cells]) => cells.some((c) => c !== ""));
        expect(table.rows.map((r) => [r.line, [r.cells.id, r.cells.value]])).toEqual(kept);
      }),
      { numRuns: 300 },
    );
  });
});
