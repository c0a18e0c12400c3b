// Minor page faults (pages touched for the first time) per thread of the page's renderer, from
// /proc: on this VM each costs tens of µs, so a run that touches fresh memory pays for it.
import { readdirSync, readFileSync } from "node:fs";
import type { Page } from "@playwright/test";

/** The renderer with the largest resident set: the page's (the process ids the browser reports). */
async function rendererPid(page: Page): Promise<number> {
  const cdp = await page.context().browser()!.newBrowserCDPSession();
  const { processInfo } = (await cdp.send("SystemInfo.getProcessInfo")) as {
    processInfo: Array<{ type: string; id: number }>;
  };
  await cdp.detach();
  let best = { pid: 0, rss: -1 };
  for (const p of processInfo.filter((q) => q.type === "renderer")) {
    try {
      const rss = Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${p.id}/status`, "utf8"))?.[1] ?? 0);
      if (rss > best.rss) best = { pid: p.id, rss };
    } catch {
      // gone
    }
  }
  return best.pid;
}

/** Minor faults by thread name (threads of one name summed; the main thread is `main`). */
function faultsByThread(pid: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
      const close = stat.lastIndexOf(")");
      const name = Number(tid) === pid ? "main" : stat.slice(stat.indexOf("(") + 1, close);
      const minflt = Number(stat.slice(close + 2).split(" ")[7]);
      out.set(name, (out.get(name) ?? 0) + minflt);
    } catch {
      // the thread ended
    }
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
