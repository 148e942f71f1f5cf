import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config.ts";

/**
 * `npm run test:quick`, the edit loop: every test that runs in this process, without Chromium,
 * PHP or the real commands started as processes (those are `npm test`'s, and CI's, which runs
 * everything). 706 tests in 91 s on a 2-core machine, two files at a time (issue 19 aims at 30 s).
 */
export const SLOW = [
  // Chromium
  "tests/browser.test.ts",
  "tests/browser-scripts.test.ts",
  "tests/notebook-browser.test.ts",
  "tests/cms.test.ts",
  // PHP (WordPress's kses)
  "tests/sanitize.test.ts",
  // hostile input drawn as charts, a property test of hundreds of drawings
  "tests/escaping.test.ts",
  // the real commands as processes: killed mid-build, racing, faulty disks, the live server
  "tests/atomic.test.ts",
  "tests/faults.test.ts",
  "tests/incremental.test.ts",
  "tests/notebook-server.test.ts",
  "tests/up-to-date.test.ts",
  "tests/correct.test.ts",
  "tests/figures.test.ts",
  "tests/security.test.ts",
  "tests/errors.test.ts",
  "tests/correct-safety.test.ts",
  "tests/draft-safety.test.ts",
  "tests/other-story.test.ts",
];

export default mergeConfig(base, defineConfig({ test: { exclude: SLOW } }));
