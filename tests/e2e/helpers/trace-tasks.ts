import type { Page } from "@playwright/test";

// A page's main-thread tasks from a Chromium trace, each with its wall time and the CPU time its
// thread really ran (`tdur`). On a machine with more runnable processes than cores a task's wall
// time is mostly the thread waiting for a core; its CPU time is what the page's code cost.

export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** One main-thread task: ms from the mark to its start (0 if it began before), wall and CPU ms. */
export interface TraceTask {
  at: number;
  wallMs: number;
  cpuMs: number;
}

/** Tasks (with their thread time) and the page's `performance.mark`s: what `tasksFromMark` reads. */
export const TASK_CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "blink.user_timing"];

/**
 * Starts a trace of the browser that holds `page` (CDP `Tracing`); the function returned ends it
 * and gives the trace's events.
 */
export async function startTrace(page: Page): Promise<() => Promise<TraceEvent[]>> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on("Tracing.dataCollected", ({ value }) => {
    for (const e of value) events.push(e as unknown as TraceEvent);
  });
  await cdp.send("Tracing.start", {
    transferMode: "ReportEvents",
    traceConfig: { includedCategories: TASK_CATEGORIES, recordMode: "recordAsMuchAsPossible" },
  });
  return async () => {
    const complete = new Promise<void>((done) => cdp.once("Tracing.tracingComplete", () => done()));
    await cdp.send("Tracing.end");
    await complete;
    await cdp.detach();
    return events;
  };
}

/**
 * The main-thread tasks of the page that made the mark `from` (`performance.mark`), from the mark
 * to the trace's end, a task that began before it clipped to it (its CPU time kept whole); null
 * when the trace has no such mark.
 */
export function tasksFromMark(events: readonly TraceEvent[], from: string): TraceTask[] | null {
  const mark = events.find((e) => e.name === from && e.cat?.includes("blink.user_timing"));
  if (!mark) return null;
  const main = events.find(
    (e) => e.ph === "M" && e.name === "thread_name" && e.pid === mark.pid && e.args?.name === "CrRendererMain",
  );
  if (!main) return null;
  return events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.name === "RunTask" && e.ph === "X")
    .filter((e) => e.ts + (e.dur ?? 0) > mark.ts)
    .map((e) => ({
      at: Math.max(0, e.ts - mark.ts) / 1000,
      wallMs: (e.ts + (e.dur ?? 0) - Math.max(e.ts, mark.ts)) / 1000,
      cpuMs: (e.tdur ?? 0) / 1000,
    }));
}
