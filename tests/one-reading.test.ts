/**
 * The story is read once, in the facts layer: the notebook (static and live) renders that reading
 * and never reads a sentence, matches a quote or proves a row again.
 */
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as proof from "../pipeline/facts/proof.ts";
import * as quote from "../pipeline/facts/quote.ts";
import * as reader from "../pipeline/facts/reader.ts";
import { notebookHtml, notebookInput, staticNotebook } from "../pipeline/publish/notebook-page.ts";
import { loadStory } from "../pipeline/story.ts";
import { FIXTURES } from "./helpers/story.ts";

vi.mock("../pipeline/facts/reader.ts", async (original) => {
  const actual = await original<typeof reader>();
  return { ...actual, readText: vi.fn(actual.readText), readSentence: vi.fn(actual.readSentence) };
});
vi.mock("../pipeline/facts/quote.ts", async (original) => {
  const actual = await original<typeof quote>();
  return { ...actual, matchQuote: vi.fn(actual.matchQuote), indexSource: vi.fn(actual.indexSource) };
});
vi.mock("../pipeline/facts/proof.ts", async (original) => {
  const actual = await original<typeof proof>();
  return { ...actual, proveClaim: vi.fn(actual.proveClaim) };
});

const calls = () =>
  [reader.readText, reader.readSentence, quote.matchQuote, quote.indexSource, proof.proveClaim].map(
    (f) => vi.mocked(f).mock.calls.length,
  );

afterEach(() => vi.clearAllMocks());

describe.each(["islamabad", "riots"])("the %s story", (fixture) => {
  it("is read, its quotes matched and its rows proven by the facts layer only", () => {
    const story = loadStory(join(FIXTURES, fixture));
    expect(calls()[4]).toBeGreaterThanOrEqual(story.figures.length); // the check proved every row
    expect(story.numbers.length).toBeGreaterThan(story.figures.length);
    vi.clearAllMocks();
    const page = staticNotebook(
      story,
      () => ({}),
      () => "",
    );
    const live = notebookHtml({
      ...notebookInput(
        story,
        () => ({}),
        () => "",
      ),
      live: { events: "/events", version: 1, problems: [], build: { at: "12:00:00", ms: 1 }, asset: (f) => f },
    });
    expect(calls()).toEqual([0, 0, 0, 0, 0]);
    // …and shows every figure where its proof found it.
    for (const f of story.figures) expect(page).toContain(`data-figure="${f.id}"`);
    expect(live.length).toBeGreaterThan(page.length);
  });
});
