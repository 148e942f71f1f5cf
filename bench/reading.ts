/**
 * `npm run bench -- --reading`: the reader against the reading corpus (tests/corpus/*.txt), each
 * field's accuracy by file, for the tuned part, the held-out part and overall. `--misread` also
 * lists every figure read wrong (the held-out files only with `--held-out`).
 */
import { misreadings, report, scoreCorpus } from "../tests/helpers/corpus.ts";

export function readingBench({ misread = false, heldOut = false } = {}): void {
  const started = performance.now();
  const result = scoreCorpus();
  const ms = performance.now() - started;
  for (const p of result.problems) console.log(`${p.file}:${p.line}: ${p.message}`);
  console.log(report(result));
  console.log(`(read and scored in ${Math.round(ms)} ms)`);
  if (misread) for (const line of misreadings(result, { heldOut })) console.log(line);
}
