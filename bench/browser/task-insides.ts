// What a main-thread task of a Chromium trace did inside: the CPU of the renderer's steps in it
// (frame callbacks, commit, paint, layout, collections, microtasks...) and the functions V8's
// samples found running (self time, by sample count). task-kinds.ts says only what started it.
import type { TraceEvent } from "../../tests/e2e/helpers/trace-tasks";
import type { KindedTask } from "./task-kinds";

interface Timed extends TraceEvent {
  dur: number;
  args?: { name?: string; data?: { startTime?: number; cpuProfile?: CpuChunk; timeDeltas?: number[] } };
  id?: string;
}
interface CpuChunk {
  nodes?: Array<{ id: number; callFrame: { functionName: string; lineNumber?: number } }>;
  samples?: number[];
}

/** The steps whose CPU is listed (the short names printed). */
const STEPS: Record<string, string> = {
  FireAnimationFrame: "frame",
  HandlePostMessage: "message",
  TimerFire: "timer",
  BlinkScheduler_PerformMicrotaskCheckpoint: "microtasks",
  "LayerTreeHost::DoUpdateLayers": "commit:canvases",
  Commit: "commit",
  Paint: "paint",
  Layout: "layout",
  UpdateLayoutTree: "style",
  MinorGC: "minorGC",
  MajorGC: "majorGC",
};

/** The main thread's samples: [time µs, function name:line]. */
function samplesOf(events: readonly Timed[], pid: number, tid: number): Array<[number, string]> {
  const profiles = new Map<string, { t: number; names: Map<number, string>; out: Array<[number, string]> }>();
  for (const e of events)
    if (e.name === "Profile" && e.pid === pid && e.tid === tid && e.id)
      profiles.set(e.id, { t: e.args?.data?.startTime ?? 0, names: new Map(), out: [] });
  for (const e of events) {
    const p = e.name === "ProfileChunk" && e.id ? profiles.get(e.id) : undefined;
    const d = e.args?.data;
    if (!p || !d) continue;
    for (const n of d.cpuProfile?.nodes ?? [])
      p.names.set(n.id, `${n.callFrame.functionName}:${n.callFrame.lineNumber}`);
    const deltas = d.timeDeltas ?? [];
    (d.cpuProfile?.samples ?? []).forEach((s, i) => p.out.push([(p.t += deltas[i] ?? 0), p.names.get(s) ?? "?"]));
  }
  return [...profiles.values()].flatMap((p) => p.out).sort((a, b) => a[0] - b[0]);
}

/**
 * One line per task of `tasks` over `ms` of CPU: its start (ms from the mark `from`), wall/CPU,
 * the CPU of the steps inside it and its most sampled functions. The trace needs the categories
 * "disabled-by-default-v8.cpu_profiler" (samples) and "cc" (the commit's canvases) to say it all.
 */
export function taskInsides(events: readonly TraceEvent[], from: string, tasks: readonly KindedTask[], ms: number) {
  const all = events as Timed[];
  const mark = all.filter((e) => e.name === from && e.cat?.includes("blink.user_timing")).at(-1);
  const main = mark && all.find((e) => e.ph === "M" && e.pid === mark.pid && e.args?.name === "CrRendererMain");
  if (!mark || !main) return [];
  const onMain = all.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X");
  const samples = samplesOf(all, main.pid, main.tid);
  const r = (x: number) => Math.round(x);
  return tasks
    .filter((t) => t.cpuMs > ms)
    .map((t) => {
      const a = mark.ts + t.at * 1000;
      const b = a + t.wallMs * 1000;
      const inside = onMain.filter((e) => e.ts >= a && e.ts + e.dur <= b);
      const steps = Object.entries(STEPS)
        .map(
          ([name, short]) =>
            [short, inside.filter((e) => e.name === name).reduce((s, e) => s + (e.tdur ?? 0), 0) / 1000] as const,
        )
        .filter(([, cpu]) => cpu >= 0.5)
        .map(([short, cpu]) => `${short} ${cpu.toFixed(1)}`);
      const counts = new Map<string, number>();
      for (const [ts, fn] of samples)
        if (ts >= a && ts <= b && !fn.startsWith("(program)") && !fn.startsWith("(idle)"))
          counts.set(fn, (counts.get(fn) ?? 0) + 1);
      const fns = [...counts]
        .sort((x, y) => y[1] - x[1])
        .slice(0, 5)
        .map(([fn, n]) => `${fn}×${n}`);
      return `@${r(t.at)} ${r(t.wallMs)}/${r(t.cpuMs)} ${t.kind} | ${steps.join(", ")} | ${fns.join(" ")}`;
    });
}
