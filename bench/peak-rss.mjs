/* global process */
/**
 * Loaded with --import into every process the benchmark starts: on exit, appends a line to the
 * file named by BENCH_RSS_FILE: the process's peak resident memory (kilobytes, all threads), its
 * CPU time (user + system, milliseconds, every thread) and its main thread's own CPU time (from
 * /proc; 0 where there is none). On a loaded machine CPU time is what a run costs; a quiet 2-core
 * machine would take at least the larger of the main thread's time and half the total.
 */
import { appendFileSync, readFileSync } from "node:fs";

const file = process.env.BENCH_RSS_FILE;

/** utime + stime of the main thread, in milliseconds (clock ticks of 10 ms). */
function mainThreadMs() {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

if (file)
  process.on("exit", () => {
    const usage = process.resourceUsage();
    const cpu = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000);
    appendFileSync(file, `${usage.maxRSS} ${cpu} ${mainThreadMs()}\n`);
  });
