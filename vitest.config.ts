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
    // As npm run build runs Node (README, "Choices and limits"): the reader's patterns compiled once, not interpreted first.
    execArgv: ["--no-regexp-tier-up"],
  },
});
