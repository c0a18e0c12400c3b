// The CPU profile (CDP Profiler, 200 µs samples) of a page's main thread that the two profilers
// take, and, with PROFILE_TRACE=1, a Chromium trace beside it (tasks, calls, GC, paint; for DevTools).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "@playwright/test";
import { TASK_CATEGORIES, tasksFromMark, type TraceEvent } from "../../tests/e2e/helpers/trace-tasks";

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
export interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Starts profiling `page`; the function returned stops it and writes `<name>.cpuprofile` into `out`. */
export async function startProfiler(
  browser: Browser,
  page: Page,
  out: string,
  name: string,
): Promise<() => Promise<Profile>> {
  const trace = process.env.PROFILE_TRACE === "1";
  if (trace)
    await browser.startTracing(page, {
      path: join(out, `${name}.trace.json`),
      categories: [...TASK_CATEGORIES, "v8"],
    });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  return async () => {
    const { profile } = (await cdp.send("Profiler.stop")) as unknown as { profile: Profile };
    if (trace) await browser.stopTracing();
    writeFileSync(join(out, `${name}.cpuprofile`), JSON.stringify(profile));
    return profile;
  };
}

/** Self time per function (ms), the largest first. */
export function selfTimes(p: Profile, top: number): Array<[string, number]> {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const total = new Map<string, number>();
  p.samples.forEach((id, i) => {
    const f = byId.get(id)!.callFrame;
    const key = `${f.functionName || "(anonymous)"} ${f.url.split("/").pop()}:${f.lineNumber + 1}`;
    total.set(key, (total.get(key) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
  });
  return [...total.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
}

/**
 * The page's main-thread tasks over 50 ms (wall) in a trace written with PROFILE_TRACE=1, from the
 * mark `from` on for `ms`: each one's wall time and the CPU time its thread really ran (`tdur`).
 */
export function longTaskCpu(
  traceFile: string,
  from: string,
  ms: number,
): Array<{ at: number; wallMs: number; cpuMs: number }> {
  const raw = JSON.parse(readFileSync(traceFile, "utf8")) as { traceEvents: TraceEvent[] } | TraceEvent[];
  return (tasksFromMark(Array.isArray(raw) ? raw : raw.traceEvents, from) ?? [])
    .filter((t) => t.at <= ms && t.wallMs > 50)
    .map((t) => ({ at: Math.round(t.at), wallMs: Math.round(t.wallMs), cpuMs: Math.round(t.cpuMs) }));
}
