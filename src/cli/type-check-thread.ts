// The CLI's type-check thread: checks one strategy (loading TypeScript here, not in the main
// thread), keeps the verdict in the cache, and posts the diagnostics. It runs while the strategy
// runs in its own thread (concurrent-type-check.ts).
import { parentPort, workerData } from "node:worker_threads";
import { cachedTypeCheck } from "./type-check-cache";

const { fileName, source, cacheDir } = workerData as { fileName: string; source: string; cacheDir?: string };
parentPort!.postMessage(cachedTypeCheck(fileName, source, { cacheDir }));
