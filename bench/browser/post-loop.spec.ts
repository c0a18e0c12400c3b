// The run worker's work after the bar loop of a B1 run, read from a light Chromium trace of the
// page: the parts the worker puts on its performance timeline (run-worker.ts: the last batch
// posted, the results built, `analyze`, the `done` message posted) and, on the page, `done` received → the
// finished run drawn, with the page's main-thread tasks over RUN_TASKS_MS (default 15) ms of wall
// or CPU time from the loop's end to the finished run drawn. One fresh page per run (the worker's
// code is cold, as a user's is). The worker thread's CPU time over the parts is read from /proc
// every 2 ms meanwhile (the trace's clock and the test's `hrtime` are both the system's monotonic
// clock; ticks of 10 ms, so each figure is ±10 ms): on a loaded machine the parts' wall times
// mostly measure the wait for a core. Skipped unless POST_LOOP says how many runs.
//   POST_LOOP=3 PW_PORT=… npx playwright test -c bench/browser/playwright.config.ts post-loop
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
  traced,
} from "./b1-page";
import { kindedTasks } from "./task-kinds";
import { rendererPid } from "./process-memory";
import { threadsOf } from "./thread-cpu";

const RUNS = Number(process.env.POST_LOOP ?? 0);
const MS = Number(process.env.RUN_TASKS_MS ?? 15);
/** The worker's measures after its bar loop, in order (runSession's `measure`). */
const PARTS = ["worker: last batch", "worker: results built", "worker: analyze", "worker: done posted"];

/** One read of the renderer's web worker threads: when (µs, monotonic) and each one's CPU ms by thread id. */
type CpuRead = { at: number; cpu: Map<string, number> };

/** Reads the worker threads of `pid` every 2 ms until the function returned is called; it gives the reads. */
function pollWorkers(pid: number): () => CpuRead[] {
  const reads: CpuRead[] = [];
  const read = () => {
    const cpu = new Map<string, number>();
    for (const [tid, t] of threadsOf(pid)) if (t.name.startsWith("DedicatedWorker")) cpu.set(tid, t.cpuMs);
    reads.push({ at: Number(process.hrtime.bigint() / 1000n), cpu });
  };
  read();
  const timer = setInterval(read, 2);
  return () => {
    clearInterval(timer);
    read();
    return reads;
  };
}

/**
 * The CPU ms between two times (µs), from the reads nearest them, of the thread that spent the most
 * over the reads (the run worker: it ends once its rows are posted, so it is not in the last reads).
 */
function busiestCpuBetween(reads: readonly CpuRead[], from: number, to: number): number {
  const seen = new Map<string, { first: number; last: number }>();
  for (const r of reads)
    for (const [id, ms] of r.cpu) {
      const s = seen.get(id);
      if (s) s.last = ms;
      else seen.set(id, { first: ms, last: ms });
    }
  const [tid] = [...seen].sort((a, b) => b[1].last - b[1].first - (a[1].last - a[1].first))[0]!;
  const near = (t: number) =>
    reads.filter((r) => r.cpu.has(tid)).reduce((a, b) => (Math.abs(b.at - t) < Math.abs(a.at - t) ? b : a));
  return near(to).cpu.get(tid)! - near(from).cpu.get(tid)!;
}

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
    const { events, value } = await traced(browser, page, [...TASK_CATEGORIES, "toplevel"], async () => {
      const stopPolling = pollWorkers(await rendererPid(page));
      const start = await pageNow(app);
      await runToTheEnd(app);
      const end = await finalDrawnAt(app);
      return { start, end, reads: stopPolling() };
    });
    const { start, end, reads } = value;
    const parts = PARTS.map((name) => span(events, name));
    const drawn = span(events, "run: final drawn");
    const pressed = span(events, "run-pressed");
    if (parts.some((p) => p === null) || !drawn || !pressed)
      throw new Error("the trace lacks the worker's measures or the page's marks (a build without them?)");
    const ms = (us: number) => Math.round(us / 100) / 10;
    // The first part's start (a build before 7 December 2026 posted the last batch after the results).
    const loopEnd = Math.min(...parts.map((p) => p!.start));
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
        // The run worker thread's CPU over the same spans (±10 ms).
        workerCpuPostLoopMs: busiestCpuBetween(reads, loopEnd, donePosted),
        workerCpuResultsMs: busiestCpuBetween(reads, parts[1]!.start, parts[1]!.end),
        workerCpuRunMs: busiestCpuBetween(reads, pressed.start, donePosted),
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
