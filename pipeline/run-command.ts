import { pathToFileURL } from "node:url";

/**
 * Runs a command's `main` when its module is the one node was started with (not when a test
 * imports it), and exits with its code. An exception is a bug in the tool, never in the data:
 * exit 70 with the stack, as sysexits' EX_SOFTWARE.
 */
export function runIfMain(moduleUrl: string, main: (argv: string[]) => number | Promise<number>, tool = "tool"): void {
  if (moduleUrl !== pathToFileURL(process.argv[1] ?? "").href) return;
  Promise.resolve()
    .then(() => main(process.argv.slice(2)))
    .then(
      (code) => process.exit(code),
      (error: unknown) => {
        console.error(`Internal error (a bug in the ${tool}, not in the data):`, error);
        process.exit(70);
      },
    );
}
