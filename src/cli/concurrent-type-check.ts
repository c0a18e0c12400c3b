/**
 * The type check beside the run instead of before it: a verdict kept in the cache answers at
 * once (type-check-cache.ts); otherwise the check runs in its own thread while the strategy runs
 * in another, and the caller waits for both. The check is the same either way, never skipped.
 */
import { Worker } from "node:worker_threads";
import { messageOf } from "../runtime/thrown-value";
import type { TypeDiagnostic } from "./type-check";
import { cachedVerdict } from "./type-check-cache";
import { threadEntry } from "./thread-entry";

export type TypeVerdict =
  { settled: true; diagnostics: TypeDiagnostic[] } | { settled: false; diagnostics: Promise<TypeDiagnostic[]> };

/** Start checking `source` (as the file `fileName`); see the file comment. */
export function startTypeCheck(fileName: string, source: string, cacheDir?: string): TypeVerdict {
  const known = cachedVerdict(fileName, source, { cacheDir });
  if (known !== undefined) return { settled: true, diagnostics: known };
  const entry = threadEntry("type-check-thread");
  const worker = new Worker(entry.code, {
    eval: entry.eval,
    workerData: { fileName, source, cacheDir },
    stdout: false,
    stderr: false,
  });
  worker.unref();
  const diagnostics = new Promise<TypeDiagnostic[]>((resolve, reject) => {
    worker.once("message", (d: TypeDiagnostic[]) => resolve(d));
    worker.once("error", (e) => reject(new Error(`the type check failed: ${messageOf(e)}`)));
    worker.once("exit", (code) => reject(new Error(`the type check stopped without a verdict (exit code ${code})`)));
  }).finally(() => void worker.terminate());
  return { settled: false, diagnostics };
}
