/**
 * `npm run notebook`: the live notebook on 127.0.0.1. It rebuilds on save and tells the open page;
 * a failed build shows its problems over the last good charts and leaves output/ alone; it serves
 * nothing but the output's own files and never writes. (The page in Chromium: notebook-browser.test.ts.)
 */
import { spawn } from "node:child_process";
import { readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { JSDOM } from "jsdom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../pipeline/build.ts";
import { type NotebookServer, startNotebook } from "../pipeline/notebook-server.ts";
import { snapshot } from "./helpers/files.ts";
import { type DatasetFigure, provenanceFailures } from "./helpers/notebook.ts";
import { copyStory, edit, ROOT } from "./helpers/story.ts";
import { until } from "./helpers/until.ts";

const TSX = join(ROOT, "node_modules/tsx/dist/cli.mjs");

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request sent as written: the path is not normalized by the client, the host is whatever is given. */
function send(url: string, path: string, { method = "GET", host }: { method?: string; host?: string } = {}) {
  const { hostname, port } = new URL(url);
  return new Promise<Reply>((resolve, reject) => {
    const req = request({ hostname, port, path, method, agent: false, headers: host ? { host } : {} }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end(method === "GET" ? undefined : "x=1");
  });
}

/** The server-sent events of /events, as they arrive. */
function listen(url: string) {
  const events: string[] = [];
  const { hostname, port } = new URL(url);
  const req = request({ hostname, port, path: "/events" }, (res) => {
    res.setEncoding("utf8");
    let buffer = "";
    res.on("data", (chunk: string) => {
      buffer += chunk;
      for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
        const data = /^data: (.*)$/m.exec(buffer.slice(0, end))?.[1];
        if (data !== undefined) events.push(data);
        buffer = buffer.slice(end + 2);
      }
    });
  });
  req.end();
  return { events, close: () => req.destroy() };
}

const dom = (html: string) => new JSDOM(html).window.document;

describe("the live notebook", () => {
  let story: ReturnType<typeof copyStory>;
  let notebook: NotebookServer;
  beforeAll(async () => {
    story = copyStory("riots");
    notebook = await startNotebook({ data: story.data, out: story.out, port: 0, settleMs: 50 });
  });
  afterAll(async () => {
    await notebook?.close();
    rmSync(story.dir, { recursive: true, force: true });
  });

  it("serves the notebook on 127.0.0.1 only, with a policy that lets only its own script and style run", async () => {
    expect(notebook.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await send(notebook.url, "/");
    expect(page.status).toBe(200);
    expect(page.headers["content-security-policy"]).toMatch(/default-src 'none'; script-src 'sha256-[^']+'; style-src/);
    expect(page.headers["x-content-type-options"]).toBe("nosniff");
    const doc = dom(page.body);
    expect(doc.body.getAttribute("data-events")).toBe("/events");
    const figures = (JSON.parse(readFileSync(join(story.out, "figures.json"), "utf8")) as { figures: DatasetFigure[] })
      .figures;
    expect(provenanceFailures(doc, figures)).toEqual([]);
    // Images carry their version, so a redrawn chart is fetched again; the file behind it is the output's.
    const src = doc.querySelector("#chart-damage img")!.getAttribute("src")!;
    expect(src).toMatch(/^damage\.svg\?v=[0-9a-f]{12}$/);
    const svg = await send(notebook.url, `/${src}`);
    expect(svg.status).toBe(200);
    expect(svg.headers["content-type"]).toBe("image/svg+xml");
    expect(svg.body).toBe(readFileSync(join(story.out, "damage.svg"), "utf8"));
    expect(doc.getElementById("build")!.textContent).toMatch(/Last build/);
  });

  it("refuses every path outside the output's own files: traversal, encoded dots, links, names not built", async () => {
    writeFileSync(join(story.out, "notes.svg"), "<svg/>");
    rmSync(join(story.out, "police.csv"));
    symlinkSync(join(story.data, "figures.csv"), join(story.out, "police.csv"));
    const paths = [
      "/../data/figures.csv",
      "/..%2fdata%2ffigures.csv",
      "/%2e%2e/data/figures.csv",
      "/%2E%2E%2Fdata%2Ffigures.csv",
      "/%252e%252e%252fdata%252ffigures.csv",
      "/..\\data\\figures.csv",
      "/%5c..%5cdata%5cfigures.csv",
      "//etc/passwd",
      "/etc/passwd",
      "/%2fetc%2fpasswd",
      `/${encodeURIComponent(join(story.data, "figures.csv"))}`,
      "/figures.csv%00.svg",
      "/damage.svg/../../data/article.txt",
      "/data/article.txt",
      "/article.txt",
      "/.lock",
      "/notes.svg",
      "/police.csv",
    ];
    for (const path of paths) {
      const reply = await send(notebook.url, path);
      expect([400, 404], path).toContain(reply.status);
      expect(reply.body, path).not.toMatch(/id,metric|root:|date 2023/);
    }
    // The link and the stray file are not the build's; the next build puts the folder right.
    rmSync(join(story.out, "notes.svg"));
    rmSync(join(story.out, "police.csv"));
  });

  it("only reads: other methods are refused, and so is a page reaching it under another name", async () => {
    for (const method of ["POST", "PUT", "DELETE", "PATCH"]) {
      const reply = await send(notebook.url, "/figures.csv", { method });
      expect(reply.status, method).toBe(405);
      expect(reply.headers.allow).toBe("GET, HEAD");
    }
    const rebound = await send(notebook.url, "/", { host: "attacker.example:80" });
    expect(rebound.status).toBe(421);
    expect(rebound.body).not.toMatch(/<html/);
  });

  it("tells the open page about every build, and serves the new notebook", async () => {
    const stream = listen(notebook.url);
    try {
      const version = async () => dom((await send(notebook.url, "/")).body).body.getAttribute("data-version");
      await until(() => stream.events.length > 0, "the first event of the stream");
      // On connecting, the page hears the version it should be showing.
      expect(stream.events).toEqual([await version()]);
      // Three saves: one build or two, whichever way the saves fall; the last one builds the story as saved.
      edit(story.data, "figures.csv", "2500,more_than", "2500,at_least");
      edit(story.data, "article.txt", "More than 2,500 buildings", "At least 2,500 buildings");
      edit(story.data, "figures.csv", '"More than 2,500 buildings', '"At least 2,500 buildings');
      // The text and fact sheet show the save before the charts are drawn; the last build lists the redrawn chart.
      const shows = async () => {
        const html = (await send(notebook.url, "/")).body;
        return (
          html.includes(">At least 2,500</a>") &&
          /Changed[\s\S]*damage\.svg/.test(dom(html).getElementById("build")!.textContent!)
        );
      };
      for (let i = 0; i < 5; i++) {
        const next = notebook.nextBuild();
        if (await shows()) break;
        await next;
      }
      // Every new page was announced: the text and facts first, then the built charts.
      const now = await version();
      await until(() => stream.events.at(-1) === now, `the event announcing version ${now}`);
      expect(stream.events.at(-1)).toBe(now);
      expect(stream.events.length).toBeGreaterThan(2);
      const doc = dom((await send(notebook.url, "/")).body);
      expect(doc.querySelector("#fig-buildings .qualifier")!.textContent).toBe("at least");
      expect(doc.querySelector('[data-figure="buildings"]')!.textContent).toBe("At least 2,500");
      expect(doc.getElementById("build")!.textContent).toMatch(/Changed[\s\S]*damage\.svg/);
    } finally {
      stream.close();
    }
  });

  it("shows a failed build's problems over the last good charts, and leaves the output alone", async () => {
    const before = snapshot(story.out);
    const good = dom((await send(notebook.url, "/")).body);
    const built = notebook.nextBuild();
    edit(story.data, "figures.csv", "1311,exact", "1311,exactly-ish");
    await built;
    const doc = dom((await send(notebook.url, "/")).body);
    const problems = Array.from(doc.querySelectorAll("#problems .stopped li"));
    expect(problems.length).toBe(1);
    const link = problems[0].querySelector("a")!;
    expect(link.textContent).toBe("figures.csv:4");
    expect(problems[0].textContent).toMatch(/unknown qualifier "exactly-ish"/);
    // The link leads to the line as it is now, marked.
    const line = doc.querySelector(link.getAttribute("href")!.replace(/\./g, "\\."))!;
    expect(line.classList.contains("problem")).toBe(true);
    expect(doc.getElementById("src-figures.csv")!.nextElementSibling!.textContent).toContain("exactly-ish");
    // The charts stay: the same sections, the same images.
    const images = (d: Document) => Array.from(d.querySelectorAll(".variant img")).map((i) => i.getAttribute("src"));
    expect(images(doc)).toEqual(images(good));
    expect(doc.querySelectorAll("table.facts tbody tr")).toHaveLength(
      good.querySelectorAll("table.facts tbody tr").length,
    );
    expect(doc.getElementById("build-status")!.textContent).toMatch(/Build stopped at .*: 1 problem/);
    expect(snapshot(story.out)).toEqual(before);
    for (const src of images(doc)) expect((await send(notebook.url, `/${src}`)).status).toBe(200);

    const fixed = notebook.nextBuild();
    edit(story.data, "figures.csv", "1311,exactly-ish", "1311,exact");
    await fixed;
    expect(dom((await send(notebook.url, "/")).body).querySelector("#problems .stopped")).toBeNull();
  });
});

describe("a notebook started on a story that does not build", () => {
  it("shows the problems, and points to the output's own notebook for the last good charts", async () => {
    const story = copyStory();
    await build({ data: story.data, out: story.out });
    const before = snapshot(story.out);
    edit(story.data, "charts.json", '"kind": "bars"', '"kind": "pie"');
    const notebook = await startNotebook({ data: story.data, out: story.out, port: 0 });
    try {
      const doc = dom((await send(notebook.url, "/")).body);
      expect(doc.querySelector("#problems .stopped li")!.textContent).toMatch(/^charts\.json:\d+: .*pie/);
      expect(doc.querySelector("h1")!.textContent).toMatch(/^Nearly 1,000 protesters/);
      const link = doc.querySelector("#charts a")!;
      expect(link.getAttribute("href")).toBe("index.html");
      const last = await send(notebook.url, "/index.html");
      expect(last.status).toBe(200);
      expect(last.body).toBe(before.get("index.html")!.toString("utf8"));
      expect(snapshot(story.out)).toEqual(before);
    } finally {
      await notebook.close();
      rmSync(story.dir, { recursive: true, force: true });
    }
  });
});

describe("npm run notebook", () => {
  it("prints its address on 127.0.0.1, and says what is wrong with a mistyped port", async () => {
    const story = copyStory();
    const child = spawn(
      process.execPath,
      [TSX, join(ROOT, "pipeline/notebook.ts"), "--data", story.data, "--out", story.out, "--port", "0"],
      { cwd: ROOT, env: { ...process.env, NODE_NO_WARNINGS: "1" } },
    );
    let log = "";
    child.stdout.on("data", (chunk) => (log += chunk));
    child.stderr.on("data", (chunk) => (log += chunk));
    try {
      await until(() => /at http/.test(log) || child.exitCode !== null, "the notebook to print its address");
      const url = /at (http:\/\/127\.0\.0\.1:\d+\/) /.exec(log)?.[1];
      expect(url, log).toBeDefined();
      expect((await send(url!, "/")).status).toBe(200);
    } finally {
      child.kill("SIGINT");
      await new Promise((resolve) => child.once("exit", resolve));
    }
    expect(child.exitCode).toBe(0);

    const wrong = spawn(
      process.execPath,
      [TSX, join(ROOT, "pipeline/notebook.ts"), "--data", story.data, "--out", story.out, "--port", "http"],
      { cwd: ROOT },
    );
    let said = "";
    wrong.stderr.on("data", (chunk) => (said += chunk));
    const code = await new Promise((resolve) => wrong.once("exit", resolve));
    expect(code).toBe(2);
    expect(said).toMatch(/--port "http" must be a number from 0 to 65535/);
    rmSync(story.dir, { recursive: true, force: true });
  });
});
