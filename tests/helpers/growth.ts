/**
 * How the cost of `run` grows with the size of its input: the time at each size divided by the
 * time at the first. Time is the process's CPU time (waiting for a core on a shared machine does
 * not count), and each size runs several times, the sizes taking turns, the fastest run counting. Sizes a factor of
 * four apart make linear and quadratic work far apart: 4 and 16 against 16 and 256.
 */
export function growth(sizes: number[], run: (n: number) => unknown, repeat = 7): number[] {
  for (const n of sizes) run(n); // warm up: compile, caches
  const best = sizes.map(() => Infinity);
  for (let r = 0; r < repeat; r++) {
    sizes.forEach((n, i) => {
      const before = process.cpuUsage();
      run(n);
      const used = process.cpuUsage(before);
      best[i] = Math.min(best[i], (used.user + used.system) / 1000);
    });
  }
  return best.map((t) => t / Math.max(best[0], 0.01));
}
