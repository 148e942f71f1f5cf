import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { startNotebook } from "./notebook-server.ts";
import { runIfMain } from "./run-command.ts";

/** `npm run notebook`: the story's live notebook on 127.0.0.1, rebuilt on every save. */

const USAGE = `usage: npm run notebook -- [--data DIR] [--out DIR] [--port N]
  --data DIR   the story folder (default: data)
  --out DIR    where the charts go (default: output)
  --port N     the port on 127.0.0.1 (default: 4321; 0 picks a free one)`;

async function main(argv: string[]): Promise<number> {
  let options: { data: string; out: string; port: number };
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        data: { type: "string", default: "data" },
        out: { type: "string", default: "output" },
        port: { type: "string", default: "4321" },
        help: { type: "boolean", default: false },
      },
      strict: true,
    });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    const port = /^\d{1,5}$/.test(values.port!) ? Number(values.port) : NaN;
    if (!(port <= 65535)) throw new Error(`--port ${JSON.stringify(values.port)} must be a number from 0 to 65535`);
    options = { data: values.data!, out: values.out!, port };
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!existsSync(options.data)) {
    console.error(
      `${options.data}: the story folder does not exist; pass the folder that holds figures.csv with --data`,
    );
    return 1;
  }
  console.log(`Building ${options.data}/ into ${options.out}/ …`);
  try {
    const notebook = await startNotebook(options);
    console.log(
      `Notebook for ${options.data}/ at ${notebook.url} (this computer only). It rebuilds on every save and the page follows; Ctrl-C to stop.`,
    );
    await new Promise<void>((resolve) => {
      process.once("SIGINT", resolve);
      process.once("SIGTERM", resolve);
    });
    await notebook.close();
    return 0;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") {
      console.error(`port ${options.port} is in use (another notebook?); pass --port with another number, or 0`);
      return 1;
    }
    if (code === "EACCES") {
      console.error(`port ${options.port} needs privileges; pass --port with a number above 1023`);
      return 1;
    }
    throw error;
  }
}

runIfMain(import.meta.url, main, "notebook");
