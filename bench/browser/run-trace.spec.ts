// What each long main-thread task of the B1 run did inside (task-insides.ts): a Chromium trace
// with V8's samples and the compositor's commits, one line per task over RUN_TRACE_MS of CPU
// (15 unless told). Skipped unless RUN_TRACE says how many runs; TRACE_OUT=<dir> keeps the traces
// (for DevTools). Build with `vite build --minify false` to read the page's own function names.
//   RUN_TRACE=2 PW_PORT=… npx playwright test -c bench/browser/playwright.config.ts run-trace
import { join } from "node:path";
import { TASK_CATEGORIES } from "../../tests/e2e/helpers/trace-tasks";
import { test } from "../../tests/e2e/helpers/playground";
import { benchFiles, csvText, importCsv, openWithB1, runOnImportAlone, runToTheEnd, traced } from "./b1-page";
import { kindedTasks } from "./task-kinds";
import { taskInsides } from "./task-insides";

const RUNS = Number(process.env.RUN_TRACE ?? 0);
const MS = Number(process.env.RUN_TRACE_MS ?? 15);
const OUT = process.env.TRACE_OUT;

for (let i = 0; i < RUNS; i++)
  test(`inside the page's long tasks of the B1 run (${i + 1} of ${RUNS})`, async ({ app, page, browser }) => {
    await openWithB1(app);
    await importCsv(app, join(benchFiles(csvText()), "A.csv"));
    await runOnImportAlone(app);
    const categories = [...TASK_CATEGORIES, "toplevel", "cc", "disabled-by-default-v8.cpu_profiler"];
    const keep = OUT === undefined ? undefined : join(OUT, `run-trace-${i + 1}.json`);
    const { events } = await traced(browser, page, categories, () => runToTheEnd(app), keep);
    const tasks = kindedTasks(events, "run-pressed", "run: final drawn");
    if (!tasks) throw new Error("the trace has no run-pressed or run: final drawn mark");
    console.log(`  tasks over ${MS} ms of CPU (at wall/cpu ms kind | steps' CPU | samples):`);
    for (const line of taskInsides(events, "run-pressed", tasks, MS)) console.log(`  ${line}`);
  });
