import { parseDateline, parseFiscalStart, parseSourceName } from "./dates.ts";
import { indexSource, type SourceIndex } from "./quote.ts";
import { readText, type SentenceReading } from "./reader.ts";
import { sentenceReadings } from "./sentence-readings.ts";

/**
 * A story file read once for the whole build: indexed for quotes, and its sentences read (lazily,
 * the first time a row or the coverage count needs them). The check and the coverage count share
 * one cache, so no source is read twice.
 */
export interface ReadSource {
  name: string;
  index: SourceIndex;
  /** The file's own dateline, else the article's: relative days resolve against it. */
  dateline: string | undefined;
  sentences(): SentenceReading[];
  /** The sentences overlapping [at, end) of index.text. */
  sentencesAt(at: number, end: number): SentenceReading[];
}

export type SourceCache = Map<string, ReadSource>;

export function readSource(
  cache: SourceCache,
  name: string,
  text: string,
  published: string | undefined,
  storyFiscalStart?: number,
): ReadSource {
  const cached = cache.get(name);
  if (cached) return cached;
  const dateline = parseDateline(text) ?? published;
  // A source's own fiscal year, else the article's: fiscal years are the story's country's.
  const fiscalStart = parseFiscalStart(text) ?? storyFiscalStart;
  const known = recent(text, `${dateline ?? ""}/${fiscalStart ?? ""}`);
  const index = (known.index ??= indexSource(text));
  // A source's own statements are credited to its name; the article's (no name) to nobody.
  const source = parseSourceName(text);
  // Read sentence by sentence through the process's memo, so what this build used is what it keeps.
  let sentences: SentenceReading[] | undefined;
  const all = () =>
    (sentences ??= readText(
      index.text,
      { dateline, fiscalStart, ...(source ? { source } : {}) },
      sentenceReadings.read,
    ));
  const read: ReadSource = {
    name,
    index,
    dateline,
    sentences: all,
    sentencesAt(at, end) {
      const list = all();
      // Binary search for the first sentence ending after `at`.
      let low = 0;
      let high = list.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (list[mid].end <= at) low = mid + 1;
        else high = mid;
      }
      const found: SentenceReading[] = [];
      for (let i = low; i < list.length && list[i].start < Math.max(end, at + 1); i++) found.push(list[i]);
      return found;
    },
  };
  cache.set(name, read);
  return read;
}

interface Known {
  index?: SourceIndex;
}

/**
 * What the last builds of this process made of each file's text: a watch or notebook rebuild after
 * a save indexes only the files that changed (and reads only the sentences that changed, see
 * sentence-readings.ts).
 */
const known = new Map<string, Known>();
const KEEP = 256;

function recent(text: string, dateline: string): Known {
  const key = `${dateline}\u0000${text}`;
  let entry = known.get(key);
  if (entry) known.delete(key);
  else entry = {};
  known.set(key, entry);
  if (known.size > KEEP) known.delete(known.keys().next().value!);
  return entry;
}
