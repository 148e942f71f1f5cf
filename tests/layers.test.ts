import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importsOf, layerOf, layerViolations, projectModules } from "./helpers/layers.ts";
import { ROOT } from "./helpers/story.ts";

describe("the layers", () => {
  it("import only downward: language ← facts ← chart kinds ← chart words ← publishing ← commands", () => {
    const modules = projectModules(ROOT);
    expect(modules.size).toBeGreaterThan(30);
    expect(layerViolations(modules)).toEqual([]);
  });

  it("catch an import that points up, static or dynamic", () => {
    const modules = new Map([
      [
        "charts/bars.ts",
        'import { fillTemplate } from "../pipeline/words/template.ts";\nimport type { Figure } from "../pipeline/facts/figure.ts";',
      ],
      ["pipeline/facts/check.ts", 'const { build } = await import("../build.ts");'],
      ["pipeline/words/template.ts", 'export { x } from "./other.ts";'],
    ]);
    expect(layerViolations(modules)).toEqual([
      "charts/bars.ts imports pipeline/words/template.ts (chart words is above chart kinds)",
      "pipeline/facts/check.ts imports pipeline/build.ts (commands is above facts)",
    ]);
  });

  it("place every module in a layer, the most specific folder first", () => {
    expect(layerOf("pipeline/language/writer.ts")).toBe(0);
    expect(layerOf("pipeline/facts/csv.ts")).toBe(1);
    expect(layerOf("charts/frame.ts")).toBe(2);
    expect(layerOf("pipeline/words/chart-list.ts")).toBe(3);
    expect(layerOf("pipeline/publish/outputs.ts")).toBe(4);
    expect(layerOf("pipeline/build.ts")).toBe(5);
    expect(
      importsOf('import a from "./a.ts";\nimport type { B } from "../b.ts";\nimport { x } from "node:fs";'),
    ).toEqual(["./a.ts", "../b.ts"]);
  });
});

describe("the tests", () => {
  it("never read the project's own data/ folder, so a reporter can replace it with the next story", () => {
    const files = readdirSync(join(ROOT, "tests"), { recursive: true, encoding: "utf8" }).filter((name) =>
      name.endsWith(".ts"),
    );
    const readers = files.filter((name) =>
      /join\(\s*ROOT\s*,\s*["']data["']|["']\.\.?\/(?:\.\.\/)*data\//.test(
        readFileSync(join(ROOT, "tests", name), "utf8"),
      ),
    );
    expect(readers).toEqual([]);
  });

  it("run every command with --data, never on its default data/", () => {
    const files = readdirSync(join(ROOT, "tests"), { recursive: true, encoding: "utf8" }).filter((name) =>
      name.endsWith(".ts"),
    );
    const bare: string[] = [];
    for (const name of files) {
      const text = readFileSync(join(ROOT, "tests", name), "utf8");
      // A command started as a process: its arguments follow the script's path in the same call.
      for (const m of text.matchAll(/join\(ROOT, "pipeline\/(?:cli|watch|notebook|figures|correct)\.ts"\)/g)) {
        const call = text.slice(m.index!, text.indexOf(")", text.indexOf("]", m.index!)) + 1);
        if (!call.includes('"--data"') && !/\.\.\.args\b/.test(call)) bare.push(`${name}: ${call.slice(0, 80)}`);
      }
    }
    expect(bare).toEqual([]);
  });
});
