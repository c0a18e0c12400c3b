// Minor page faults (pages touched for the first time) per thread of the page's renderer, from
// /proc: on this VM each costs tens of µs, so a run that touches fresh memory pays for it.
import type { Page } from "@playwright/test";
import { rendererPid } from "./process-memory";
import { threadsOf } from "./thread-cpu";

/** Minor faults by thread name (threads of one name summed; the main thread is `main`). */
function faultsByThread(pid: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const [tid, t] of threadsOf(pid)) {
    const name = Number(tid) === pid ? "main" : t.name;
    out.set(name, (out.get(name) ?? 0) + t.faults);
  }
  return out;
}

/** Starts counting; the function returned gives the faults since, per thread name (those with any). */
export async function threadFaults(page: Page): Promise<() => Record<string, number>> {
  const pid = await rendererPid(page);
  const start = faultsByThread(pid);
  return () => {
    const end = faultsByThread(pid);
    const diff: Record<string, number> = {};
    for (const [name, n] of end) if (n - (start.get(name) ?? 0) > 0) diff[name] = n - (start.get(name) ?? 0);
    return diff;
  };
}
