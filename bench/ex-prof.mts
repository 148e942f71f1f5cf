import { loadStory } from "../pipeline/story.ts";
import { createRenderer } from "../pipeline/publish/render.ts";
const story = loadStory("tests/fixtures/islamabad");
const render = createRenderer();
const c = story.charts.find((c) => c.entry.id === "where-islamabad")!;
for (let i = 0; i < 2; i++) { const t = performance.now(); const r = render(c.entry, c.model, c.words); console.log("render", performance.now() - t, [...r.svgs.values()].map(s=>s.length)); }
