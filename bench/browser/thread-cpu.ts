// The CPU time and first-touch page faults of each thread of the page's renderer, read from
// /proc/<pid>/task/<tid>/stat (Linux): no trace, no profiler, so nothing is added to what is
// measured. Ticks are 10 ms; a thread that ended between the two reads is not counted.
import { readdirSync, readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { rendererPid } from "./process-memory";

export interface ThreadStat {
  name: string;
  cpuMs: number;
  faults: number;
}

const TICK_MS = 10;

/** Each thread of `pid` by its id: its name, CPU time (user + system) and minor page faults. */
export function threadsOf(pid: number): Map<string, ThreadStat> {
  const out = new Map<string, ThreadStat>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
      // "tid (name) state ...": the name may hold spaces; the fields after it are space-separated.
      const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // After the name: state(0) ppid pgrp session tty tpgid flags minflt(7) cminflt majflt cmajflt utime(11) stime(12)
      out.set(tid, { name, cpuMs: (Number(f[11]) + Number(f[12])) * TICK_MS, faults: Number(f[7]) });
    } catch {
      // The thread ended while we read.
    }
  }
  return out;
}

/**
 * Starts measuring the renderer's threads; the function returned reads them again and gives, over
 * the time between: the busiest web worker thread's CPU and page faults (the run worker, on a page
 * whose other workers are idle), the pool's foreground threads' CPU together (V8's compilers and
 * collector helpers, the raster), and the page's
 * main thread's CPU.
 */
export async function threadMeter(page: Page) {
  const pid = await rendererPid(page);
  const before = threadsOf(pid);
  return () => {
    const after = threadsOf(pid);
    const delta = [...after].map(([tid, a]) => {
      const b = before.get(tid);
      // The main thread is named for the process; its id is the process's.
      const name = tid === String(pid) ? "main" : a.name;
      return { name, cpuMs: a.cpuMs - (b?.cpuMs ?? 0), faults: a.faults - (b?.faults ?? 0) };
    });
    const workers = delta.filter((t) => t.name.startsWith("DedicatedWorker")).sort((x, y) => y.cpuMs - x.cpuMs);
    const sum = (prefix: string) => delta.filter((t) => t.name.startsWith(prefix)).reduce((s, t) => s + t.cpuMs, 0);
    return {
      workerThreadCpuMs: workers[0]?.cpuMs ?? 0,
      workerThreadFaults: workers[0]?.faults ?? 0,
      poolCpuMs: sum("ThreadPoolForeg"),
      mainThreadCpuMs: sum("main"),
    };
  };
}
