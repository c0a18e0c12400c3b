// Resident memory of the browser's processes, read from /proc by the process ids the browser
// itself reports (SystemInfo.getProcessInfo): the page's renderer holds the page's main thread and
// its workers (the run worker, the editor's TypeScript worker), so its resident set is the tab's.
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";

/** The browser's processes, as it reports them: their type ("renderer", "gpu", …) and process id. */
async function browserProcesses(page: Page): Promise<Array<{ type: string; id: number }>> {
  const browser = page.context().browser();
  if (!browser) throw new Error("no browser");
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = (await cdp.send("SystemInfo.getProcessInfo")) as {
    processInfo: Array<{ type: string; id: number }>;
  };
  await cdp.detach();
  return processInfo;
}

/** The page's renderer: the renderer process with the most resident memory. */
export async function rendererPid(page: Page): Promise<number> {
  const renderers = (await browserProcesses(page)).filter((p) => p.type === "renderer");
  const rss = (pid: number) => residentOf(pid)?.rssMB ?? 0;
  const best = renderers.reduce<number | null>((a, p) => (a === null || rss(p.id) > rss(a) ? p.id : a), null);
  if (best === null) throw new Error("no renderer process");
  return best;
}

/** VmRSS and VmHWM (the peak) of a process, in MB; null when the process is gone or not ours to read. */
function residentOf(pid: number): { rssMB: number; peakMB: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
    return { rssMB: Math.round(kb("VmRSS") / 1024), peakMB: Math.round(kb("VmHWM") / 1024) };
  } catch {
    return null;
  }
}

/**
 * The renderers' resident memory now and at their peak (the largest renderer: the page's), and
 * every process of the browser together, in MB.
 */
export async function browserMemory(page: Page) {
  const processInfo = await browserProcesses(page);
  let renderer = { rssMB: 0, peakMB: 0 };
  let allRssMB = 0;
  for (const p of processInfo) {
    const m = residentOf(p.id);
    if (!m) continue;
    allRssMB += m.rssMB;
    if (p.type === "renderer" && m.peakMB > renderer.peakMB) renderer = m;
  }
  return { rendererRssMB: renderer.rssMB, rendererPeakMB: renderer.peakMB, browserRssMB: allRssMB };
}
