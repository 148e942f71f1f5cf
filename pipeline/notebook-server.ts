import { closeSync, constants, existsSync, fstatSync, openSync, readSync, realpathSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import type { BuildResult } from "./build.ts";
import { parseDateline } from "./facts/dates.ts";
import type { Problem } from "./facts/problem.ts";
import { ARTICLE } from "./facts/story-files.ts";
import { MANIFEST, type Manifest } from "./publish/manifest.ts";
import { cspHash, NOTEBOOK_SCRIPT, NOTEBOOK_STYLE } from "./publish/notebook-assets.ts";
import { type LiveState, notebookHtml, notebookInput, storyName } from "./publish/notebook-page.ts";
import { realDisk } from "./publish/disk.ts";
import { readManifest, storyFolderOf } from "./publish/output-folder.ts";
import { readStory } from "./read.ts";
import { loadStory } from "./story.ts";
import type { Story } from "./words/story.ts";
import { followStory } from "./follow-story.ts";
import { oneAtATime, rebuildAndReport } from "./story-watch.ts";
import { embedName } from "./words/output-names.ts";

/**
 * The live notebook: builds the story, serves the notebook on 127.0.0.1 and rebuilds on every
 * save; the open page hears of each build over server-sent events and fetches itself again. It
 * only reads: nothing the page sends can write, and it serves no file but the output's own, by
 * the names the output's manifest lists.
 */
export interface NotebookOptions {
  data: string;
  out: string;
  /** 0 picks a free port. */
  port?: number;
  /** Milliseconds a burst of saves must be quiet before the rebuild. */
  settleMs?: number;
}

export interface NotebookServer {
  url: string;
  /** How many builds have finished. */
  readonly builds: number;
  /** Resolves when the build after this call has finished and the page is updated. */
  nextBuild(): Promise<void>;
  close(): Promise<void>;
}

const EVENTS = "/events";
const TYPES: Record<string, string> = {
  html: "text/html; charset=utf-8",
  svg: "image/svg+xml",
  png: "image/png",
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
};
/** A file name the output may hold: one plain name, nothing a path could abuse (as swap.ts writes them). */
const OUTPUT_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

const CSP = [
  "default-src 'none'",
  `script-src ${cspHash(NOTEBOOK_SCRIPT)}`,
  `style-src ${cspHash(NOTEBOOK_STYLE)}`,
  "img-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

export async function startNotebook({
  data,
  out: given,
  port = 0,
  settleMs = 150,
}: NotebookOptions): Promise<NotebookServer> {
  let out = resolve(given);
  let version = 0;
  let builds = 0;
  let good: { result: BuildResult; embeds: Map<string, string>; at: string } | undefined;
  let page = "";
  const clients = new Set<ServerResponse>();
  let waiting: (() => void)[] = [];

  const stamp = () => new Date().toTimeString().slice(0, 8);
  // Before a good build, the output folder's own manifest, unless it is another story's: that
  // story's files are never served as this one's.
  const othersOutput = (m: Manifest | undefined) =>
    m?.storyFolder !== undefined && m.storyFolder !== storyFolderOf(data, out);
  const manifest = (): Manifest | undefined => {
    if (good) return good.result.manifest;
    const found = readManifest(out, realDisk);
    return othersOutput(found) ? undefined : found;
  };
  const asset = (file: string) => {
    const hash = manifest()?.files[file]?.sha256;
    return hash ? `${file}?v=${hash.slice(0, 12)}` : file;
  };

  /**
   * The page for what is known: the last good build; a story just proven whose charts are being
   * drawn (its text and fact sheet, the last build's charts); or a failed build's problems over
   * the last good build, with the story files as they are now.
   */
  const render = (state: {
    failure?: { problems: Problem[]; at: string; files: Map<string, string> };
    proven?: { story: Story; at: string };
  }) => {
    const { failure, proven } = state;
    const live: LiveState = {
      events: EVENTS,
      version,
      problems: failure?.problems ?? [],
      build: {
        at: failure?.at ?? proven?.at ?? good?.at ?? "",
        ms: good?.result.ms ?? 0,
        changes: good?.result.changes,
        good: good?.at,
        drawing: Boolean(proven),
      },
      asset,
      noGoodBuild: !good,
      othersOutput: !good && othersOutput(readManifest(out, realDisk)),
    };
    const built = good
      ? notebookInput(
          good.result.story,
          (id) => good!.result.manifest.charts[id]?.variants ?? {},
          (id) => good!.embeds.get(id) ?? "",
        )
      : undefined;
    if (proven) {
      const input = notebookInput(
        proven.story,
        () => ({}),
        () => "",
      );
      return notebookHtml({ ...input, charts: built?.charts ?? [], live });
    }
    if (built) return notebookHtml({ ...built, files: failure?.files ?? built.files, live });
    const files = failure?.files ?? new Map<string, string>();
    return notebookHtml({
      name: storyName(files),
      published: parseDateline(files.get(ARTICLE) ?? "") ?? "",
      files,
      figures: [],
      charts: [],
      corrections: [],
      warnings: [],
      live,
    });
  };

  /** A new page: rendered with its version, and the open pages told to fetch it. */
  let served = 0;
  const publish = (state: Parameters<typeof render>[0]) => {
    version += 1;
    page = render(state);
    served = 0;
    for (const client of clients) client.write(`event: build\ndata: ${version}\n\n`);
  };
  /** Resolves once every open page has fetched the page just published, or after `ms`. */
  const fetched = async (ms: number) => {
    for (const until = Date.now() + ms; served < clients.size && Date.now() < until;)
      await new Promise((resolve) => setTimeout(resolve, 10));
  };

  const rebuild = oneAtATime(async (reason) => {
    // The text and fact sheet follow a save at once, proven as the build proves them; the charts
    // follow when drawn. (A story that does not prove goes straight to the build, which says why.)
    if (good) {
      let proven: Story | undefined;
      try {
        proven = loadStory(data);
      } catch {
        // Reported by the build below, with every problem.
      }
      if (proven) {
        publish({ proven: { story: proven, at: stamp() } });
        // Drawing holds the event loop; the open pages fetch the new text and fact sheet first.
        await fetched(1000);
      }
    }
    const outcome = await rebuildAndReport(data, out, reason);
    builds += 1;
    if (outcome.ok) {
      const { result } = outcome;
      if (existsSync(out)) out = realpathSync(out); // as build() does: a link is served where it points
      const embeds = new Map(
        result.story.charts.map(({ entry }) => [
          entry.id,
          readOutput(out, embedName(entry.id))?.toString("utf8") ?? "",
        ]),
      );
      good = { result, embeds, at: stamp() };
      publish({});
    } else {
      // The story as it is now, so each problem links to the line it names; the charts stay the last good build's.
      publish({ failure: { problems: outcome.problems, at: stamp(), files: readStory(data).files } });
    }
    const done = waiting;
    waiting = [];
    for (const resolve of done) resolve();
  });

  const first = new Promise<void>((resolve) => waiting.push(resolve));
  rebuild("start");
  await first;

  const server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const watcher = followStory(
    data,
    (names, replaced) => rebuild(replaced ? `${data}/ replaced` : `${names.join(", ")} saved`),
    settleMs,
  );
  const actual = (server.address() as AddressInfo).port;
  const hosts = new Set([`127.0.0.1:${actual}`, `localhost:${actual}`]);

  function handle(req: IncomingMessage, res: ServerResponse): void {
    req.resume(); // Whatever a request sends is never read, only drained.
    const headers = {
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
      "cross-origin-resource-policy": "same-origin",
      "x-frame-options": "DENY",
    };
    const refuse = (status: number, message: string): void =>
      void res.writeHead(status, { ...headers, "content-type": "text/plain; charset=utf-8" }).end(`${message}\n`);
    // Another site's page reaching 127.0.0.1 under its own name (DNS rebinding) is refused.
    if (!hosts.has(String(req.headers.host ?? "").toLowerCase()))
      return refuse(421, `open the notebook at http://127.0.0.1:${actual}/`);
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("allow", "GET, HEAD");
      return refuse(405, "the notebook only reads");
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? "/", "http://notebook").pathname);
    } catch {
      return refuse(400, "not a path");
    }
    if (path === "/") {
      res.writeHead(200, { ...headers, "content-type": TYPES.html, "content-security-policy": CSP });
      res.end(req.method === "HEAD" ? undefined : page);
      served += 1;
      return;
    }
    if (path === EVENTS) {
      res.writeHead(200, { ...headers, "content-type": "text/event-stream" });
      if (req.method === "HEAD") return void res.end();
      res.write(`retry: 1000\nevent: build\ndata: ${version}\n\n`);
      clients.add(res);
      res.on("close", () => clients.delete(res));
      return;
    }
    // Only a file the output's manifest lists, by its plain name, never through a link.
    const name = path.slice(1);
    if (!OUTPUT_NAME.test(name) || !(name === MANIFEST || Object.hasOwn(manifest()?.files ?? {}, name)))
      return refuse(404, "not a file of the output");
    const bytes = readOutput(out, name);
    if (!bytes) return refuse(404, "not a file of the output");
    const type = TYPES[name.slice(name.lastIndexOf(".") + 1)] ?? "application/octet-stream";
    res.writeHead(200, {
      ...headers,
      "content-type": type,
      ...(type === TYPES.html ? { "content-security-policy": CSP } : {}),
    });
    res.end(req.method === "HEAD" ? undefined : bytes);
  }

  return {
    url: `http://127.0.0.1:${actual}/`,
    get builds() {
      return builds;
    },
    nextBuild: () => new Promise<void>((resolve) => waiting.push(resolve)),
    close: async () => {
      watcher.close();
      for (const client of clients) client.end();
      clients.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

/** A regular file directly in the output folder, opened without following a link; undefined otherwise. */
function readOutput(out: string, name: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(join(out, name), constants.O_RDONLY | constants.O_NOFOLLOW);
    const stat = fstatSync(fd);
    if (!stat.isFile()) return undefined;
    const bytes = Buffer.alloc(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, bytes, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return bytes.subarray(0, read);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
