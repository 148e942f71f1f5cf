import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // One fast-check seed for every property: the same run each time (tests/setup/fast-check.ts).
    setupFiles: ["tests/setup/fast-check.ts"],
    // The Islamabad story built once a run, for the files that only need a built story (tests/helpers/built.ts).
    globalSetup: ["tests/setup/built-stories.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Two test files at once even on two cores (vitest's default there is one): most of a file's time
    // is spent waiting on Chromium, PHP or a build's own worker threads, so a second file fills it.
    // The whole suite took 321 s one file at a time on this 2-core machine, 234 s two at a time.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // The reader's large patterns compiled at first use, not interpreted until hot (README, "Choices and limits").
    execArgv: ["--no-regexp-tier-up"],
  },
});
