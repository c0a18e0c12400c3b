/**
 * The run worker's side of a browser run, in Node: `runSession` (what the worker does for a run)
 * on B1's 200,000 bars with the page's default settings, each message structured-cloned with its
 * buffers transferred (what postMessage does), and the page's check of each message
 * (readWorkerMessage), against the bare run (`runStrategy`, no listener) and the run as the CLI's
 * strategy thread makes it (`runStrategy` writing where it is into shared cells). The session writes
 * those cells too, as on the page (which is cross-origin isolated). Prints one JSON line per
 * scenario: best and median ms and CPU ms of `BENCH_RUNS` runs (default 7) after a first run, the
 * run's own `run.elapsedMs` (`engineMs`: compile, load, the bar loop) best and median, and the
 * first run's figures (`first…`: cold, as in a fresh worker or a CLI process).
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
import { makeWhereBuffer, whereWriter } from "../src/runtime/where-cells";
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
    where: makeWhereBuffer(),
  };
}

/** What a run measured reports beside its wall and CPU time. */
interface Ran {
  engineMs: number;
  [k: string]: number;
}

/** One run through the session: what the worker does and what the page receives, checked. */
function sessionRun(source: string): Ran {
  let messages = 0;
  let clonedMs = 0;
  let engineMs = NaN;
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
      if (read.message.type === "done") engineMs = read.message.results.run.elapsedMs;
      messages++;
    },
    now,
  );
  return { engineMs, messages, clonedMs };
}

function bareRun(source: string): Ran {
  const { results } = runStrategy({ source, fileName: "strategy.ts", bars, settings: { ...DEFAULT_SETTINGS }, now });
  return { engineMs: results.run.elapsedMs };
}

/** As the CLI's strategy thread runs it (cli/run-worker-thread.ts): where it is written into shared cells. */
function cliLikeRun(source: string): Ran {
  const { listener, atLine } = whereWriter(makeWhereBuffer());
  const { results } = runStrategy({
    source,
    fileName: "strategy.ts",
    bars,
    settings: { ...DEFAULT_SETTINGS },
    now,
    listener,
    atLine,
  });
  return { engineMs: results.run.elapsedMs };
}

const round = (v: number) => Math.round(v * 10) / 10;

function timed(run: () => Ran): { ms: number; cpuMs: number; ran: Ran } {
  const c = cpuUsage();
  const t = now();
  const ran = run();
  const ms = now() - t;
  const d = cpuUsage(c);
  return { ms, cpuMs: (d.user + d.system) / 1000, ran };
}

function measure(name: string, run: () => Ran): void {
  const first = timed(run);
  const all = Array.from({ length: RUNS }, () => timed(run));
  const sorted = (f: (r: ReturnType<typeof timed>) => number) => all.map(f).sort((x, y) => x - y);
  const [ms, cpu, engine] = [sorted((r) => r.ms), sorted((r) => r.cpuMs), sorted((r) => r.ran.engineMs)];
  const { engineMs: _, ...rest } = all.at(-1)!.ran;
  console.log(
    JSON.stringify({
      scenario: name,
      bestMs: round(ms[0]!),
      medianMs: round(ms[RUNS >> 1]!),
      bestCpuMs: round(cpu[0]!),
      engineBestMs: round(engine[0]!),
      engineMedianMs: round(engine[RUNS >> 1]!),
      firstMs: round(first.ms),
      firstCpuMs: round(first.cpuMs),
      firstEngineMs: round(first.ran.engineMs),
      ...rest,
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
  measure(`${name} run as the CLI's thread`, () => cliLikeRun(source));
  measure(`${name} session (cloned)`, () => sessionRun(source));
}
