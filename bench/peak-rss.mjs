/* global process */
/**
 * Loaded with --import into every process the benchmark starts: on exit, appends the process's
 * peak resident memory (kilobytes, all threads) to the file named by BENCH_RSS_FILE.
 */
import { appendFileSync } from "node:fs";

const file = process.env.BENCH_RSS_FILE;
if (file) process.on("exit", () => appendFileSync(file, `${process.resourceUsage().maxRSS}\n`));
