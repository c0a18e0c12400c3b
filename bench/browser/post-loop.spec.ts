// The run worker's work after the bar loop of a B1 run, read from a light Chromium trace of the
// page: the parts the worker puts on its performance timeline (run-worker.ts: the results built,
// `analyze`, the last batch, the `done` message posted) and, on the page, `done` received → the
// finished run drawn, with the page's main-thread tasks over RUN_TASKS_MS (default 15) ms of wall
// or CPU time from the loop's end to the finished run drawn. One fresh page per run (the worker's
// code is cold, as a user's is). Skipped unless POST_LOOP says how many runs.
//   POST_LOOP=3 PW_PORT=… npx playwright test -c bench/browser/playwright.config.ts post-loop
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TASK_CATEGORIES, type TraceEvent } from "../../tests/e2e/helpers/trace-tasks";
import { test } from "../../tests/e2e/helpers/playground";
import {
  benchFiles,
  csvText,
  finalDrawnAt,
  importCsv,
  openWithB1,
  pageNow,
  runOnImportAlone,
  runPhases,
  runToTheEnd,
} from "./b1-page";
import { kindedTasks } from "./task-kinds";

const RUNS = Number(process.env.POST_LOOP ?? 0);
const MS = Number(process.env.RUN_TASKS_MS ?? 15);
/** The worker's measures after its bar loop, in order (runSession's `measure`). */
const PARTS = ["worker: results built", "worker: analyze", "worker: last batch", "worker: done posted"];

/** Start and end (trace µs) of the last measure or mark called `name`, or null. */
function span(events: readonly TraceEvent[], name: string): { start: number; end: number } | null {
  const mine = events.filter((e) => e.name === name && e.cat?.includes("blink.user_timing"));
  const begin = mine.filter((e) => e.ph === "b" || e.ph === "R" || e.ph === "I" || e.ph === "X").at(-1);
  if (!begin) return null;
  const end = mine.filter((e) => e.ph === "e" && e.ts >= begin.ts).at(0);
  return { start: begin.ts, end: end?.ts ?? begin.ts + (begin.dur ?? 0) };
}

for (let i = 0; i < RUNS; i++)
  test(`the run worker after its bar loop (${i + 1} of ${RUNS})`, async ({ app, page, browser }) => {
    await openWithB1(app);
    await importCsv(app, join(benchFiles(csvText()), "A.csv"));
    await runOnImportAlone(app);
    const dir = mkdtempSync(join(tmpdir(), "post-loop-"));
    const file = join(dir, "trace.json");
    await browser.startTracing(page, { path: file, categories: [...TASK_CATEGORIES, "toplevel"] });
    const start = await pageNow(app);
    await runToTheEnd(app);
    const end = await finalDrawnAt(app);
    await browser.stopTracing();
    const events = (JSON.parse(readFileSync(file, "utf8")) as { traceEvents: TraceEvent[] }).traceEvents;
    rmSync(dir, { recursive: true, force: true });
    const parts = PARTS.map((name) => span(events, name));
    const drawn = span(events, "run: final drawn");
    const pressed = span(events, "run-pressed");
    if (parts.some((p) => p === null) || !drawn || !pressed)
      throw new Error("the trace lacks the worker's measures or the page's marks (a build without them?)");
    const ms = (us: number) => Math.round(us / 100) / 10;
    const loopEnd = parts[0]!.start;
    const donePosted = parts[3]!.end;
    const figures = Object.fromEntries(
      PARTS.map((name, k) => [name.replace("worker: ", ""), ms(parts[k]!.end - parts[k]!.start)]),
    );
    // The page's tasks from the loop's end to the finished run drawn (the kinds as run-tasks lists them).
    const tasks = (kindedTasks(events, "run-pressed", "run: final drawn") ?? []).filter(
      (t) => t.at * 1000 >= loopEnd - pressed.start,
    );
    const over = tasks.filter((t) => t.wallMs > MS || t.cpuMs > MS);
    console.log(
      JSON.stringify({
        runMs: Math.round(end - start),
        ...(await runPhases(app, end)),
        postLoopMs: ms(donePosted - loopEnd),
        ...figures,
        loopEndToDrawnMs: ms(drawn.start - loopEnd),
        pageCpuAfterLoopMs: Math.round(tasks.reduce((s, t) => s + t.cpuMs, 0)),
        pageWallOver50: tasks.filter((t) => t.wallMs > 50).length,
      }),
    );
    const at = (t: { at: number }) => Math.round(t.at - (loopEnd - pressed.start) / 1000);
    console.log(
      `  page tasks over ${MS} ms after the loop (ms from its end +wall/cpu): ` +
        over.map((t) => `@${at(t)}+${Math.round(t.wallMs)}/${Math.round(t.cpuMs)} ${t.kind}`).join(" | "),
    );
  });
