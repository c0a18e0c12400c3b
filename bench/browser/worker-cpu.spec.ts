// The run worker's CPU time during the browser B1 run (Run pressed → the final run drawn), from a
// Chromium trace (its tasks' thread time), beside the page's run phases. Skipped unless
// WORKER_TRACE names a folder (the trace is written there as run.trace.json); serve a
// `vite build --minify false` build to read the function names in it.
//   WORKER_TRACE=/tmp/wt PW_PORT=… npx playwright test -c bench/browser/playwright.config.ts worker-cpu
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "../../tests/e2e/helpers/playground";
import {
  benchFiles,
  csvText,
  importCsv,
  openWithB1,
  pageNow,
  runOnImportAlone,
  runPhases,
  runToTheEnd,
} from "./b1-page";

const OUT = process.env.WORKER_TRACE;

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  id?: string;
  tdur?: number;
  args: {
    name?: string;
    data?: { cpuProfile?: { nodes?: ProfileNode[] } };
  };
}
interface ProfileNode {
  callFrame: { url?: string };
}

const threadOf = (e: TraceEvent) => `${e.pid}:${e.tid}`;

/**
 * The CPU time (ms) of each thread's tasks (the thread time, `tdur`, of its top-level tasks: a
 * profile's samples count the time a thread waited for a core too), for the threads that ran
 * a script whose URL passes `ran`.
 */
function taskCpu(events: readonly TraceEvent[], script: (url: string) => boolean): number[] {
  const profiles = new Map<string, string>();
  const ran = new Set<string>();
  for (const e of events) {
    if (e.name === "Profile" && e.id) profiles.set(e.id, threadOf(e));
    if (e.name !== "ProfileChunk" || !e.id) continue;
    const urls = (e.args.data?.cpuProfile?.nodes ?? []).map((n) => n.callFrame.url ?? "");
    if (urls.some(script)) ran.add(profiles.get(e.id) ?? "");
  }
  const cpu = new Map<string, number>();
  for (const e of events)
    if (e.ph === "X" && e.name === "ThreadControllerImpl::RunTask" && ran.has(threadOf(e)))
      cpu.set(threadOf(e), (cpu.get(threadOf(e)) ?? 0) + (e.tdur ?? 0) / 1000);
  return [...cpu.values()].map(Math.round);
}

test("the run worker's CPU during the B1 run", async ({ app, page, browser }) => {
  test.skip(!OUT, "set WORKER_TRACE to a folder to trace");
  await openWithB1(app);
  await importCsv(app, join(benchFiles(csvText()), "A.csv"));
  await runOnImportAlone(app);
  const path = join(OUT!, "run.trace.json");
  await browser.startTracing(page, {
    path,
    categories: ["disabled-by-default-v8.cpu_profiler", "v8", "devtools.timeline", "toplevel"],
  });
  const start = await pageNow(app);
  await runToTheEnd(app);
  const end = await pageNow(app);
  await browser.stopTracing();
  const raw = JSON.parse(readFileSync(path, "utf8")) as TraceEvent[] | { traceEvents: TraceEvent[] };
  const events = Array.isArray(raw) ? raw : raw.traceEvents;
  // Whether anything on the page read the final results' rows (sent as JSON bytes, read when first needed).
  const rowsRead = await page.evaluate(() => {
    const final = (window as unknown as { playground: { results(): object | null } }).playground.results();
    return final !== null && Object.getOwnPropertyDescriptor(final, "fills")?.get === undefined;
  });
  console.log(
    JSON.stringify({
      runMs: Math.round(end - start),
      ...(await runPhases(app, end)),
      // The run's worker: the thread that ran the user's file (a spare started after the run has its own).
      runWorkerCpuMs: taskCpu(events, (u) => u.endsWith("strategy.ts")),
      // Monaco's TypeScript worker, when it is still busy during the run.
      editorWorkerCpuMs: taskCpu(events, (u) => /\bts\.worker\b/.test(u)),
      rowsRead,
    }),
  );
});
