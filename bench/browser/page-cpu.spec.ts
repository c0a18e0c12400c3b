// The page's CPU during the B1 run, several runs on one page after one import: to compare two
// builds of the page back to back on a loaded machine, where one run's figures move too much.
// Skipped unless PAGE_CPU_RUNS says how many runs; PAGE_CPU_TRACE=<file.json> writes a Chromium
// trace of the last run (tasks with their CPU time, V8 samples of every thread) to read in DevTools.
//   PAGE_CPU_RUNS=5 PW_PORT=… npx playwright test -c bench/browser/playwright.config.ts page-cpu
import { join } from "node:path";
import { test } from "../../tests/e2e/helpers/playground";
import {
  benchFiles,
  cpuMeter,
  csvText,
  importCsv,
  runOnImportAlone,
  longTaskFigures,
  longTasks,
  openWithB1,
  pageNow,
  runToTheEnd,
} from "./b1-page";
import { threadFaults } from "./thread-faults";

const RUNS = Number(process.env.PAGE_CPU_RUNS ?? 0);
const TRACE = process.env.PAGE_CPU_TRACE;
const TRACE_CATEGORIES = [
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "blink.user_timing",
  "toplevel",
  "v8",
  // PAGE_CPU_SAMPLES=0 leaves V8's samples out (starting the sampler costs the page hundreds of ms).
  ...(process.env.PAGE_CPU_SAMPLES === "0" ? [] : ["disabled-by-default-v8.cpu_profiler"]),
  // PAGE_CPU_JIT=1 adds V8's compiler jobs (Maglev, TurboFan) of the page and of the run worker.
  ...(process.env.PAGE_CPU_JIT === "1" ? ["v8.compile", "disabled-by-default-v8.compile"] : []),
];

test("the page's CPU over several B1 runs", async ({ app, page, browser }) => {
  test.skip(!RUNS, "set PAGE_CPU_RUNS to the number of runs");
  await openWithB1(app);
  await importCsv(app, join(benchFiles(csvText()), "A.csv"));
  await runOnImportAlone(app);
  for (let i = 0; i < RUNS; i++) {
    const traced = TRACE !== undefined && i === RUNS - 1;
    if (traced) await browser.startTracing(page, { path: TRACE, categories: TRACE_CATEGORIES });
    const cpu = await cpuMeter(page);
    const faults = await threadFaults(page);
    const start = await pageNow(app);
    await runToTheEnd(app);
    const end = await pageNow(app);
    const used = await cpu();
    const faulted = faults();
    if (traced) await browser.stopTracing();
    const lt = longTaskFigures(await longTasks(app), start, end);
    console.log(
      JSON.stringify({
        run: i,
        runMs: Math.round(end - start),
        ...used,
        longTasks: lt.count,
        worstMs: lt.worstMs,
        faults: faulted,
      }),
    );
  }
});
