// The CPU profile (CDP Profiler, 200 µs samples) of a page's main thread that the two profilers
// take, and, with PROFILE_TRACE=1, a Chromium trace beside it (tasks, calls, GC, paint; for DevTools).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "@playwright/test";

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
      categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "blink.user_timing"],
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
