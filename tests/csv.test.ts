import { describe, expect, it } from "vitest";
import { parseCsv, unsafeCharacter } from "../pipeline/facts/csv.ts";

const COLUMNS = ["id", "value"];
const parse = (text: string) => {
  const table = parseCsv("f.csv", text, COLUMNS);
  return {
    rows: table.rows.map((r) => (r.broken ? [r.line, r.cells, "broken"] : [r.line, r.cells])),
    problems: table.problems.map((p) => `${p.file}:${p.line}: ${p.message}`),
  };
};

describe("a CSV file's rows", () => {
  it("remember the line they are on, counting blank lines", () => {
    expect(parse("id,value\na,1\n\nb,2").rows).toEqual([
      [2, { id: "a", value: "1" }],
      [4, { id: "b", value: "2" }],
    ]);
  });

  it("read the same with a byte-order mark and CRLF, LF or CR line ends", () => {
    const rows = [
      [2, { id: "a", value: "1" }],
      [3, { id: "b", value: "2" }],
    ];
    expect(parse("\uFEFFid,value\r\na,1\r\nb,2\r\n").rows).toEqual(rows);
    expect(parse("id,value\ra,1\rb,2").rows).toEqual(rows);
  });

  it("are trimmed, quoted or not, and take quoted commas and doubled quote marks as text", () => {
    expect(parse(' ID , Value \n  a , "1, 2" \n"b ""x""",  3  ,,\n').rows).toEqual([
      [2, { id: "a", value: "1, 2" }],
      [3, { id: 'b "x"', value: "3" }],
    ]);
  });
});

describe("a CSV file a spreadsheet or a hand broke", () => {
  it("reports an unclosed quote mark at its line, and still reads the rows below it", () => {
    const { rows, problems } = parse('id,value\na,"1\nb,2\nc,x"y\n');
    expect(problems).toEqual([
      'f.csv:2: a quote mark (") opens the cell in column "value" and is not closed on this line; close it at the end of the cell, or double it ("") if it is part of the text',
    ]);
    expect(rows).toEqual([
      [2, { id: "a" }, "broken"],
      [3, { id: "b", value: "2" }],
      [4, { id: "c", value: 'x"y' }],
    ]);
  });

  it("reports text after a closing quote mark, showing it", () => {
    expect(parse('id,value\na,"Nearly 1,000" protesters\n').problems).toEqual([
      'f.csv:2: the cell in column "value" has text after its closing quote mark ("\\"Nearly 1,000\\" protesters"); a cell with quote marks inside must be quoted whole, each inner quote mark doubled: "He said ""no"""',
    ]);
  });

  it("reports a cell that runs over lines, and numbers the lines after it right", () => {
    const { rows, problems } = parse('id,value\na,"one\ntwo"\nb,2\n');
    expect(problems).toEqual([
      'f.csv:2: the cell in column "value" runs over lines 2–3: a quote mark (") is not closed where it should be, or the cell holds a line break; close the quote, or put the cell on one line',
    ]);
    expect(rows).toEqual([
      [2, { id: "a" }, "broken"],
      [4, { id: "b", value: "2" }],
    ]);
  });

  it("reports more cells than columns, but accepts empty cells a spreadsheet pads rows with", () => {
    const { rows, problems } = parse("id,value\na,1,,\nb,2,3\n");
    expect(problems).toEqual([
      'f.csv:3: 3 cells but the header has 2 columns; a comma inside a cell needs the cell in quotes ("…, …")',
    ]);
    expect(rows).toEqual([
      [2, { id: "a", value: "1" }],
      [3, { id: "b" }, "broken"],
    ]);
  });

  it("says a cell in curly quotes is not quoted, when its commas split it", () => {
    expect(parse("id,value\na,“one, two”\n").problems).toEqual([
      'f.csv:2: 3 cells but the header has 2 columns; a comma inside a cell needs the cell in quotes ("…, …"), straight ones: a cell in curly quotes (“…”), as a word processor writes them, is not quoted',
    ]);
  });

  it("reports a header that is empty, misses a column or repeats one", () => {
    expect(parse("").problems).toEqual(["f.csv:1: the file is empty; it needs a header row: id,value"]);
    expect(parse("\uFEFF\r\n").problems).toEqual(["f.csv:1: the file is empty; it needs a header row: id,value"]);
    expect(parse("id,vlaue\na,1\n").problems).toEqual([
      'f.csv:1: missing column "value"; the header must name at least: id,value',
    ]);
    expect(parse("id,value,id\na,1,b\n").problems).toEqual([
      'f.csv:1: column "id" appears twice in the header; delete or rename one',
    ]);
  });

  it("reports columns separated by semicolons or tabs, which a European spreadsheet writes", () => {
    expect(parse("id;value\na;1,5\n").problems).toEqual([
      'f.csv:1: the columns are separated by semicolons, not commas (a spreadsheet saving in a European or "text" format); save the file as "CSV UTF-8 (comma-delimited)"',
    ]);
    expect(parse("id\tvalue\na\t1\n").problems[0]).toMatch(/^f\.csv:1: the columns are separated by tabs/);
  });

  it("reports a character no chart can show, naming its column", () => {
    expect(parse("id,value\na,1\u0000\n").problems).toEqual([
      'f.csv:2: the cell in column "value" holds an invisible control character (U+0000); delete it',
    ]);
  });
});

describe("a character that cannot appear in a chart", () => {
  it("is a control character, a noncharacter or half a surrogate pair; tabs, line breaks and emoji are fine", () => {
    expect(unsafeCharacter("a\tb\nc\r😀 é ’")).toBeUndefined();
    expect(unsafeCharacter("a\u0007")).toBe("an invisible control character (U+0007)");
    expect(unsafeCharacter("a\u0085")).toBe("an invisible control character (U+0085)");
    expect(unsafeCharacter("\uFFFE")).toBe("an invisible control character (U+FFFE)");
    expect(unsafeCharacter("x\uD83D")).toBe("half of a character (a lone surrogate, U+D83D)");
    expect(unsafeCharacter("\uDE00x")).toBe("half of a character (a lone surrogate, U+DE00)");
  });
});
