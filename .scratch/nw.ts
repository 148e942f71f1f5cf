import { findNumbers } from "../pipeline/facts/numbers.ts";
for (const n of [120000, 130000, 150000, 200000]) {
  const text = "one ".repeat(n);
  try { const t0=Date.now(); const r = findNumbers(text); console.log(n, "ok", r.length, Date.now()-t0); } catch (e) { console.log(n, "fail", (e as Error).message); }
}
