import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // One fast-check seed for every property: the same run each time (tests/setup/fast-check.ts).
    setupFiles: ["tests/setup/fast-check.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
