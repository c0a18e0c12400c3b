// The page's main-thread tasks in a Chromium trace, each with its wall and CPU time and what ran
// it (a timer, a worker's message, a frame's callbacks, a yield's continuation, layout, a
// collection...): on a loaded 2-core machine a task's wall time is mostly the wait for a core,
// its CPU time is what the page's code cost, and a task of 15–20 ms of CPU is already a long
// task (over 50 ms) when three threads take turns on the two cores.
import type { TraceEvent } from "../../tests/e2e/helpers/trace-tasks";

interface Timed extends TraceEvent {
  dur: number;
  args?: { name?: string; data?: { functionName?: string } };
}

/** One main-thread task: ms from `from` to its start, wall and CPU ms, what ran it. */
export interface KindedTask {
  at: number;
  wallMs: number;
  cpuMs: number;
  kind: string;
}

/** The events that say what a task was, when one of them takes a fifth of it or more. */
const KINDS: Record<string, string> = {
  TimerFire: "timer",
  HandlePostMessage: "message",
  FireAnimationFrame: "frame callbacks",
  FireIdleCallback: "idle callback",
  EventDispatch: "event",
  BlinkScheduler_PerformMicrotaskCheckpoint: "yield continuation / microtasks",
  Layout: "layout",
  Paint: "paint",
  Commit: "commit",
  MinorGC: "minor GC",
  MajorGC: "major GC",
};

/**
 * The main-thread tasks of the page that made the mark `from`, between it and the mark `to` (the
 * last of that name after it), with what ran each; null without the marks.
 */
export function kindedTasks(events: readonly TraceEvent[], from: string, to: string): KindedTask[] | null {
  const mark = (name: string) => events.filter((e) => e.name === name && e.cat?.includes("blink.user_timing"));
  const start = mark(from).at(-1);
  const end = start && mark(to).filter((e) => e.ts >= start.ts && e.pid === start.pid)[0];
  if (!start || !end) return null;
  const main = events.find(
    (e) => e.ph === "M" && e.name === "thread_name" && e.pid === start.pid && e.args?.name === "CrRendererMain",
  );
  if (!main) return null;
  const onMain = (events as Timed[])
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X" && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts);
  const tasks = onMain.filter((e) => e.name === "RunTask" && e.ts >= start.ts && e.ts <= end.ts);
  let i = 0;
  return tasks.map((t) => {
    while (i < onMain.length && onMain[i]!.ts < t.ts) i++;
    let kind = "other";
    for (let j = i; j < onMain.length && onMain[j]!.ts <= t.ts + t.dur; j++) {
      const e = onMain[j]!;
      const k = KINDS[e.name];
      if (e === t || !k || e.dur < 0.2 * t.dur) continue;
      const fn = e.name === "FunctionCall" ? "" : (onMain[j + 2]?.args?.data?.functionName ?? "");
      kind = fn && k !== "layout" && k !== "paint" ? `${k} (${fn})` : k;
      break;
    }
    return { at: (t.ts - start.ts) / 1000, wallMs: t.dur / 1000, cpuMs: (t.tdur ?? 0) / 1000, kind };
  });
}

/** Count and worst of the tasks over `ms` of wall time and of CPU time, and those tasks listed. */
export function taskFigures(tasks: readonly KindedTask[], ms: number) {
  const r = (x: number) => Math.round(x);
  const overWall = tasks.filter((t) => t.wallMs > ms);
  const overCpu = tasks.filter((t) => t.cpuMs > ms);
  return {
    overWall: overWall.length,
    worstWallMs: r(Math.max(0, ...tasks.map((t) => t.wallMs))),
    overCpu: overCpu.length,
    worstCpuMs: r(Math.max(0, ...tasks.map((t) => t.cpuMs))),
    cpuMs: r(tasks.reduce((s, t) => s + t.cpuMs, 0)),
    listed: tasks
      .filter((t) => t.wallMs > ms || t.cpuMs > ms)
      .map((t) => `@${r(t.at)} ${r(t.wallMs)}/${r(t.cpuMs)} ${t.kind}`),
  };
}
