import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { csvParseRows } from "d3-dsv";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../pipeline/build.ts";
import { differences, snapshot } from "./helpers/files.ts";
import { csvCell } from "./helpers/problems.ts";
import { builtStory } from "./helpers/built.ts";
import { copyStory } from "./helpers/story.ts";

const TEXT_FILES = ["article.txt", "figures.csv", "corrections.csv", "charts.json"];

/** Rewrites a story file's text. */
function rewrite(data: string, file: string, change: (text: string) => string): void {
  writeFileSync(join(data, file), change(readFileSync(join(data, file), "utf8")));
}

describe("a story saved the way spreadsheets and Windows editors save it", () => {
  let plain: Map<string, Buffer>;
  beforeAll(async () => {
    const story = await builtStory(); // built once, copied
    plain = snapshot(story.out);
  });

  it("builds byte for byte the same output with a UTF-8 byte-order mark and CRLF line endings in every file", async () => {
    const story = copyStory();
    for (const file of TEXT_FILES) rewrite(story.data, file, (text) => `\uFEFF${text.replace(/\r?\n/g, "\r\n")}`);
    expect(readFileSync(join(story.data, "figures.csv")).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    await build({ data: story.data, out: story.out });
    expect(differences(plain, snapshot(story.out))).toEqual([]);
  });

  it("builds byte for byte the same output with padded cells, thousands separators and qualifiers in words", async () => {
    const story = copyStory();
    const words: Record<string, string> = {
      more_than: "More than",
      at_least: "At-Least",
      nearly: "nearly",
      exact: "Exact",
    };
    rewrite(story.data, "figures.csv", (text) => {
      const [header, ...rows] = csvParseRows(text);
      const value = header.indexOf("value");
      const qualifier = header.indexOf("qualifier");
      const padded = rows.map((cells) =>
        cells
          .map((cell, j) => {
            if (j === value && Number(cell) >= 1000)
              cell = Number(cell) === 10000 ? "10 000" : Number(cell).toLocaleString("en-US");
            if (j === qualifier) cell = words[cell] ?? cell;
            return `  ${csvCell(cell)} `;
          })
          .join(","),
      );
      expect(padded.join("\n")).toContain('"20,000"');
      return [` ${header.join(" , ")} `, ...padded, "", "  ,  ,  "].join("\n");
    });
    await build({ data: story.data, out: story.out });
    expect(differences(plain, snapshot(story.out))).toEqual([]);
  });
});
