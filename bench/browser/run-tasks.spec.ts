// The page's main-thread tasks during the B1 run, each with its CPU time and what ran it: on a
// loaded 2-core machine the long tasks (over 50 ms of wall time) are mostly the page waiting for
// a core, and what a change of the page can shrink is each task's CPU time. One fresh page per
// run (the first run's code is cold, as a user's is). Skipped unless RUN_TASKS says how many runs.
//   RUN_TASKS=3 RUN_TASKS_MS=15 PW_PORT=… npx playwright test -c bench/browser/playwright.config.ts run-tasks
import { join } from "node:path";
import { TASK_CATEGORIES } from "../../tests/e2e/helpers/trace-tasks";
import { test } from "../../tests/e2e/helpers/playground";
import {
  benchFiles,
  csvText,
  finalDrawnAt,
  importCsv,
  openWithB1,
  pageNow,
  runOnImportAlone,
  runToTheEnd,
  traced,
} from "./b1-page";
import { kindedTasks, taskFigures } from "./task-kinds";

const RUNS = Number(process.env.RUN_TASKS ?? 0);
/** The CPU (and wall) time over which a task is listed. */
const MS = Number(process.env.RUN_TASKS_MS ?? 15);

for (let i = 0; i < RUNS; i++)
  test(`the page's tasks during the B1 run, by CPU time (${i + 1} of ${RUNS})`, async ({ app, page, browser }) => {
    await openWithB1(app);
    await importCsv(app, join(benchFiles(csvText()), "A.csv"));
    await runOnImportAlone(app);
    // "toplevel" has the continuations of a yield (the microtask checkpoint that runs them).
    const { events, value: start } = await traced(browser, page, [...TASK_CATEGORIES, "toplevel"], async () => {
      const start = await pageNow(app);
      await runToTheEnd(app);
      return start;
    });
    const end = await finalDrawnAt(app);
    const tasks = kindedTasks(events, "run-pressed", "run: final drawn");
    if (!tasks) throw new Error("the trace has no run-pressed or run: final drawn mark");
    const f = taskFigures(tasks, MS);
    const long = taskFigures(tasks, 50);
    console.log(
      JSON.stringify({
        runMs: Math.round(end - start),
        tasks: tasks.length,
        mainCpuMs: f.cpuMs,
        longTasks: long.overWall,
        worstWallMs: f.worstWallMs,
        [`overCpu${MS}`]: f.overCpu,
        worstCpuMs: f.worstCpuMs,
      }),
    );
    console.log(`  tasks over ${MS} ms (at+wall/cpu, ms from Run): ${f.listed.join(" | ")}`);
  });
