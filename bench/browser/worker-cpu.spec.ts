// The run worker's CPU time during the browser B1 run (Run pressed → the final run drawn), from a
// Chromium trace (its tasks' thread time), beside the page's run phases. Skipped unless
// WORKER_TRACE names a folder (the trace is written there as run.trace.json); serve a
// `vite build --minify false` build to read the function names in it.
//   WORKER_TRACE=/tmp/wt PW_PORT=… npx playwright test -c bench/browser/playwright.config.ts worker-cpu
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "../../tests/e2e/helpers/playground";
import { DEFAULT_SETTINGS } from "../../src/engine/settings";
import { parseBarsCsv } from "../../src/engine/data/csv/csv-parser";
import { B1_SMA_CROSS } from "../peer-scenarios";
import { threadMeter } from "./thread-cpu";
import {
  benchFiles,
  cpuMeter,
  csvText,
  importCsv,
  openWithB1,
  nodeEngineRun,
  pageNow,
  runOnImportAlone,
  runPhases,
  runToTheEnd,
} from "./b1-page";

const OUT = process.env.WORKER_TRACE;
const ALONE_RUNS = Number(process.env.WORKER_ALONE_RUNS ?? 0);
const JIT = process.env.WORKER_TRACE_JIT === "1" ? ["v8.compile", "disabled-by-default-v8.compile"] : [];

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

function readTrace(path: string): TraceEvent[] {
  const raw = JSON.parse(readFileSync(path, "utf8")) as TraceEvent[] | { traceEvents: TraceEvent[] };
  return Array.isArray(raw) ? raw : raw.traceEvents;
}

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
  const events = readTrace(path);
  // Whether anything on the page read the final results' rows (sent as JSON bytes after the
  // results, read when first needed).
  await app.resultsReady();
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

/**
 * The run worker with nothing else to do on the page: B1 on the same 200,000 bars in a run worker
 * started by hand on the opened page (the page's own worker bundle, readied as the spare is and
 * sent the import's columns ahead as the page sends them to its spare; the run request names them
 * and carries a where buffer, as the page's does), the page drawing nothing meanwhile.
 * Against the UI's run (streaming.spec.ts) it tells a slower worker from a worker starved of a core
 * by the page's drawing. `rendererCpuMs` is the renderer process's CPU from the request to the final
 * message: on the idle page, nearly all of it the worker's. `WORKER_ALONE_RUNS` runs, each in a fresh worker.
 */
test("the run worker alone on an idle page", async ({ app, page, browser }) => {
  test.skip(!ALONE_RUNS, "set WORKER_ALONE_RUNS to the number of runs");
  const csv = csvText();
  await openWithB1(app);
  const url = await page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .map((e) => e.name)
      .find((n) => /\/run-worker[^/]*\.(js|ts)/.test(n)),
  );
  expect(url, "the spare run worker's bundle was loaded").toBeTruthy();
  // The import's columns, parsed here as the page's import parses them, sent to the worker ahead of
  // the run as the page offers an import to its spare (so the run reads no CSV, as in the UI).
  const [a] = parseBarsCsv(csv, "A.csv").bars;
  const columns = Object.fromEntries(
    (["time", "open", "high", "low", "close", "volume"] as const).map((k) => [k, Array.from(a![k])]),
  );
  await page.evaluate(
    ({ symbol, tickSize, columns }) => {
      const bars = {
        symbol,
        tickSize,
        ...Object.fromEntries(Object.entries(columns).map(([k, v]) => [k, Float64Array.from(v)])),
      };
      (window as unknown as { __bars: unknown }).__bars = bars;
    },
    { symbol: a!.symbol, tickSize: a!.tickSize, columns },
  );
  for (let i = 0; i < ALONE_RUNS; i++) {
    // Readied as the spare is (its realm locked down, the strategy path warmed up), before the
    // clock starts.
    const readyMs = await page.evaluate(
      (u) =>
        new Promise<number>((ready) => {
          const t0 = performance.now();
          const w = new Worker(u, { type: "module" });
          (window as unknown as { __w: Worker }).__w = w;
          const bars = (window as unknown as { __bars: unknown }).__bars;
          const imports = [{ key: "import-1", name: "A.csv", bars: [bars], warnings: [] }];
          // Told once the spare has warmed up.
          const warmed = new MessageChannel();
          warmed.port1.onmessage = () => ready(performance.now() - t0);
          w.postMessage({ type: "prepare", protocolVersion: 2, files: [], imports, warmed: warmed.port2 }, [
            warmed.port2,
          ]);
        }),
      url!,
    );
    // WORKER_TRACE: each run traced (alone-<i>.trace.json), for the run worker's own CPU time.
    const trace = OUT === undefined ? null : join(OUT, `alone-${i}.trace.json`);
    if (trace)
      await browser.startTracing(page, {
        path: trace,
        // WORKER_TRACE_JIT=1 adds V8's compile jobs (which thread asked for them, on which thread they ran).
        categories: ["disabled-by-default-v8.cpu_profiler", "v8", "devtools.timeline", "toplevel", ...JIT],
      });
    const cpu = await cpuMeter(page);
    const threads = await threadMeter(page);
    const r = await page.evaluate(
      ({ source, settings }) =>
        new Promise<{ elapsedMs: number; wallMs: number; messages: number; firstMs: number; fills: number }>(
          (done, fail) => {
            const w = (window as unknown as { __w: Worker }).__w;
            let messages = 0;
            let start = 0;
            let firstMs = NaN;
            w.onmessage = (
              ev: MessageEvent<{
                type: string;
                results?: { run: { elapsedMs: number; fillsHash: string }; summary: { fills?: number } };
                error?: { message: string };
              }>,
            ) => {
              messages++;
              if (ev.data.type === "started") firstMs = performance.now() - start;
              if (ev.data.type === "error") fail(new Error(ev.data.error!.message));
              if (ev.data.type !== "done") return;
              const wallMs = performance.now() - start;
              done({ elapsedMs: ev.data.results!.run.elapsedMs, wallMs, messages, firstMs, fills: -1 });
            };
            start = performance.now();
            w.postMessage({
              type: "run",
              protocolVersion: 2,
              runId: 1,
              source,
              fileName: "strategy.ts",
              settings,
              data: [{ name: "A.csv", prepared: "import-1" }],
              where: globalThis.crossOriginIsolated ? new SharedArrayBuffer(24) : undefined,
              // As the page asks: the orders, fills and log lines follow the finished run.
              rowsLater: true,
            });
          },
        ),
      { source: B1_SMA_CROSS, settings: { ...DEFAULT_SETTINGS } },
    );
    const used = await cpu();
    // Read before the worker ends (an ended thread's figures are gone).
    const perThread = threads();
    await page.evaluate(() => (window as unknown as { __w: Worker }).__w.terminate());
    if (trace) await browser.stopTracing();
    const workerCpuMs = trace ? taskCpu(readTrace(trace), (u) => u.endsWith("strategy.ts")) : undefined;
    console.log(
      JSON.stringify({
        run: i,
        // New worker → warmed up (the module loaded, the realm locked down, the compile path warmed).
        readyMs: Math.round(readyMs),
        workerAloneEngineMs: Math.round(r.elapsedMs),
        requestToDoneMs: Math.round(r.wallMs),
        requestToStartedMs: Math.round(r.firstMs),
        messages: r.messages,
        ...used,
        ...perThread,
        workerCpuMs,
      }),
    );
  }
  console.log(JSON.stringify({ nodeEngineMs: Math.round(nodeEngineRun(benchFiles(csv)).ms) }));
});
