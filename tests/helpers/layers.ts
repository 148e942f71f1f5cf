import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative, sep } from "node:path";

/** The layers, bottom first: a module may import from its own layer and those below, never above. */
export const LAYERS = [
  { name: "language", folder: "pipeline/language/" },
  { name: "facts", folder: "pipeline/facts/" },
  { name: "chart kinds", folder: "charts/" },
  { name: "chart words", folder: "pipeline/words/" },
  { name: "publishing", folder: "pipeline/publish/" },
  { name: "commands", folder: "pipeline/" },
] as const;

/** The layer a project path belongs to (the most specific folder wins), or -1 outside them. */
export function layerOf(path: string): number {
  let best = -1;
  LAYERS.forEach((layer, i) => {
    if (path.startsWith(layer.folder) && (best < 0 || layer.folder.length > LAYERS[best].folder.length)) best = i;
  });
  return best;
}

/** Relative imports of a module, static and dynamic, as written. */
export function importsOf(source: string): string[] {
  const found = source.matchAll(
    /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g,
  );
  return [...found].map((m) => m[1] ?? m[2]).filter((spec) => spec.startsWith("."));
}

/** Every import that points up the layers: "charts/bars.ts imports pipeline/words/template.ts (chart words above chart kinds)". */
export function layerViolations(modules: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [path, source] of modules) {
    const from = layerOf(path);
    if (from < 0) continue;
    for (const spec of importsOf(source)) {
      const target = normalize(join(dirname(path), spec))
        .split(sep)
        .join("/");
      const to = layerOf(target);
      if (to > from) out.push(`${path} imports ${target} (${LAYERS[to].name} is above ${LAYERS[from].name})`);
    }
  }
  return out.sort();
}

/** The project's modules under charts/ and pipeline/, by path relative to the root. */
export function projectModules(root: string): Map<string, string> {
  const modules = new Map<string, string>();
  for (const folder of ["charts", "pipeline"]) {
    for (const name of readdirSync(join(root, folder), { recursive: true, encoding: "utf8" })) {
      if (!name.endsWith(".ts")) continue;
      const path = relative(root, join(root, folder, name))
        .split(sep)
        .join("/");
      modules.set(path, readFileSync(join(root, path), "utf8"));
    }
  }
  return modules;
}
