/**
 * Every property test runs with one fixed seed, so a run of `npm test` is the same run every time:
 * a failure is a bug, never a bad draw. `FC_SEED=n` explores another seed (`npm run test:stress`
 * sets a fresh one each run); a failure prints the seed and the path that replays it, and
 * `FC_SEED=n FC_PATH=p npx vitest run tests/x.test.ts -t "its name"` replays that one case.
 */
import fc from "fast-check";

export const SEED = 20241127;

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : SEED;
if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer, not "${process.env.FC_SEED}"`);
fc.configureGlobal({ seed, ...(process.env.FC_PATH ? { path: process.env.FC_PATH } : {}) });
