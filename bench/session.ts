/**
 * The run worker's side of a browser run, in Node: `runSession` (what the worker does for a run)
 * on B1's 200,000 bars with the page's default settings, each message structured-cloned with its
 * buffers transferred (what postMessage does), and the page's check of each message
 * (readWorkerMessage), against the bare run (`runStrategy`, no listener). Prints one JSON line per
 * scenario: best and median ms and CPU ms of `BENCH_RUNS` runs (default 7) after a warm-up run.
 * `node scripts/bench-session.mjs`.
 */
import { cpuUsage } from "node:process";
import { DEFAULT_SETTINGS } from "../src/engine/settings";
import { ensureLockdown } from "../src/runtime/lockdown";
import {
  readWorkerMessage,
  transferablesOf,
  type WorkerMessage,
  type WorkerRequest,
  PROTOCOL_VERSION,
} from "../src/runtime/protocol";
import { runSession } from "../src/runtime/run-session";
import { runStrategy } from "../src/runtime/run-strategy";
import { B1_SMA_CROSS, B3_BRACKET } from "./peer-scenarios";
import { singleSeries } from "./peer-data";

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const now = () => performance.now();
const bars = singleSeries().bars;
ensureLockdown();

function request(source: string): WorkerRequest {
  return {
    type: "run",
    protocolVersion: PROTOCOL_VERSION,
    runId: 1,
    source,
    fileName: "strategy.ts",
    settings: { ...DEFAULT_SETTINGS },
    data: [],
  };
}

/** One run through the session: what the worker does and what the page receives, checked. */
function sessionRun(source: string): { messages: number; clonedMs: number } {
  let messages = 0;
  let clonedMs = 0;
  runSession(
    request(source),
    bars,
    [],
    (m: WorkerMessage) => {
      const t = now();
      const copy = structuredClone(m, { transfer: transferablesOf(m) });
      clonedMs += now() - t;
      const read = readWorkerMessage(copy);
      if ("problem" in read) throw new Error(read.problem);
      if (read.message.type === "error") throw new Error(read.message.error.message);
      messages++;
    },
    now,
  );
  return { messages, clonedMs };
}

function bareRun(source: string): void {
  runStrategy({ source, fileName: "strategy.ts", bars, settings: { ...DEFAULT_SETTINGS }, now });
}

function measure(name: string, run: () => unknown): void {
  run();
  const ms: number[] = [];
  const cpu: number[] = [];
  let last: unknown;
  for (let i = 0; i < RUNS; i++) {
    const c = cpuUsage();
    const t = now();
    last = run();
    ms.push(now() - t);
    const d = cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  const sorted = (a: number[]) => [...a].sort((x, y) => x - y);
  const round = (v: number) => Math.round(v * 10) / 10;
  console.log(
    JSON.stringify({
      scenario: name,
      bestMs: round(sorted(ms)[0]!),
      medianMs: round(sorted(ms)[RUNS >> 1]!),
      bestCpuMs: round(sorted(cpu)[0]!),
      ...(typeof last === "object" ? last : {}),
    }),
  );
}

const only = process.argv[2];
for (const [name, source] of [
  ["B1", B1_SMA_CROSS],
  ["B3", B3_BRACKET],
] as const) {
  if (only && !name.includes(only)) continue;
  measure(`${name} bare run`, () => bareRun(source));
  measure(`${name} session (cloned)`, () => sessionRun(source));
}
