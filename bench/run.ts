// `npm run bench [filter]`: engine throughput per scenario, a bare-loop floor beside some, and the
// peers (backtrader, backtesting.py) run right after ours when their sources are present.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { GCProfiler, getHeapStatistics } from "node:v8";
import { loadDataPath } from "../src/cli/load-data";
import type { SymbolBars } from "../src/engine/data/symbol-bars";
import type { RunSettings } from "../src/engine/settings";
import type { ResultsJson } from "../src/engine/results/results";
import { writeResultsJson } from "../src/engine/results/results-writer";
import { runStrategy } from "../src/runtime/run-strategy";
import { B1_SMA_CROSS, B2_TRAILING, B3_BRACKET, rebalanceSource } from "./peer-scenarios";
import { multiSeries, peersDir, singleSeries } from "./peer-data";
import { availablePeers, runPeers } from "./peer-runner";
import { BRACKETS, NO_OP, REBALANCE, SMA_CROSS, SMA_CROSS_SLOW, breakoutFloor, smaCrossFloor } from "./scenarios";
import { syntheticBars } from "./synthetic-bars";
import { walkUniverse } from "./walk-bars";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const WIDE: RunSettings = { cash: 1_000_000_000, fillModel: "ohlc", sameBarPolicy: "path" };
/** The peers' settings: cash 1,000,000, no commission, no slippage. */
const PEER: RunSettings = {
  cash: 1_000_000,
  fillModel: "ohlc",
  sameBarPolicy: "path",
  commission: { model: "NoCommission" },
  slippage: { model: "NoSlippage" },
};

interface Entry {
  name: string;
  source: string | ((bars: SymbolBars[]) => string);
  bars: () => SymbolBars[];
  settings: RunSettings;
  floor?: (bars: SymbolBars[]) => number;
  /** The peer benchmark this scenario is. */
  peer?: string;
}

const once = <T>(f: () => T): (() => T) => {
  let v: T | undefined;
  return () => (v ??= f());
};
const single = once(() => singleSeries().bars);
const multi = once(() => multiSeries().bars);
const synthetic = once(() => [syntheticBars("BENCH", 200_000)]);
const symbolsOf = (bars: SymbolBars[]) => rebalanceSource(bars.map((b) => b.symbol));
const sliceBars = (b: SymbolBars, n: number): SymbolBars => ({
  ...b,
  time: b.time.slice(0, n),
  open: b.open.slice(0, n),
  high: b.high.slice(0, n),
  low: b.low.slice(0, n),
  close: b.close.slice(0, n),
  volume: b.volume.slice(0, n),
});

const scenarios: Entry[] = [
  { name: "B1-sma-cross", source: B1_SMA_CROSS, bars: single, settings: PEER, floor: smaCrossFloor, peer: "B1" },
  { name: "B2-breakout-trailing", source: B2_TRAILING, bars: single, settings: PEER, floor: breakoutFloor, peer: "B2" },
  { name: "B3-bracket", source: B3_BRACKET, bars: single, settings: PEER, peer: "B3" },
  { name: "B4-rebalance-20", source: symbolsOf, bars: multi, settings: PEER, peer: "B4" },
  { name: "no-op-200k", source: NO_OP, bars: single, settings: PEER },
  { name: "no-op-10", source: NO_OP, bars: () => single().map((b) => sliceBars(b, 10)), settings: PEER },
  { name: "rebalance-500", source: symbolsOf, bars: () => walkUniverse(500, 2520, "S"), settings: PEER },
  { name: "sma-cross-200k", source: SMA_CROSS, bars: synthetic, settings: WIDE, floor: smaCrossFloor },
  { name: "sma-50-200-200k", source: SMA_CROSS_SLOW, bars: synthetic, settings: WIDE },
  { name: "bracket-200k", source: BRACKETS, bars: synthetic, settings: WIDE },
  {
    name: "sample-8-symbols",
    source: REBALANCE,
    bars: () => loadDataPath(fileURLToPath(new URL("../sample-data", import.meta.url))).bars,
    settings: WIDE,
  },
];

/** The results JSON written as the CLI's `--json <file>` writes it (indented, in chunks) to a sink that drops the text. */
const writeOnce = (results: ResultsJson) => writeResultsJson(results, () => {}, { pretty: true });

/**
 * `writeOnce`: `writeMs`, the best of RUNS + 1; and building plus writing over the run. Also what
 * one write allocates (`writeAllocMB`, the last write's: the process is warm by then).
 */
function writeFigures(results: ResultsJson, buildMs: number, runMs: number): Record<string, number> {
  let writeMs = Infinity;
  let writeCpuMs = Infinity;
  let writeAllocMB = NaN;
  for (let i = 0; i <= RUNS; i++) {
    const cpu = process.cpuUsage();
    const heap = heapAllocation();
    heap.start();
    writeMs = Math.min(
      writeMs,
      time(() => writeOnce(results)),
    );
    writeAllocMB = heap.stop();
    writeCpuMs = Math.min(writeCpuMs, cpuMsSince(cpu));
  }
  return {
    writeMs: round(writeMs),
    writeCpuMs: round(writeCpuMs),
    writeAllocMB: round(writeAllocMB),
    resultsOverRun: round((buildMs + writeMs) / runMs),
  };
}

/**
 * The first write of the process (the first run's results, written before any other run): what
 * the CLI and the page's run worker do once, with the writer's code not compiled yet.
 */
function firstWrite(results: ResultsJson): { firstWriteMs: number; firstWriteCpuMs: number } {
  const cpu = process.cpuUsage();
  const ms = time(() => writeOnce(results));
  return { firstWriteMs: round(ms), firstWriteCpuMs: round(cpuMsSince(cpu)) };
}

function time(f: () => void): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

const round = (x: number) => Math.round(x * 100) / 100;

const minorPageFaults = () => process.resourceUsage().minorPageFault;

/**
 * MB the JavaScript heap allocated between `start()` and `stop()`: what it holds at the end less
 * what it held at the start, plus what each garbage collection in between freed. Unlike `ms`,
 * it does not move with the machine's load.
 */
function heapAllocation(): { start(): void; stop(): number } {
  let profiler: GCProfiler | null = null;
  let used = 0;
  return {
    start() {
      profiler = new GCProfiler();
      profiler.start();
      used = getHeapStatistics().used_heap_size;
    },
    stop() {
      const end = getHeapStatistics().used_heap_size;
      let freed = 0;
      for (const gc of profiler!.stop()?.statistics ?? [])
        freed += gc.beforeGC.heapStatistics.usedHeapSize - gc.afterGC.heapStatistics.usedHeapSize;
      return (end - used + freed) / 1e6;
    },
  };
}

/** CPU time of the process (every thread: the GC's helpers too) since `from`, in ms. */
function cpuMsSince(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
}
const filter = process.argv[2];
/** Set for a child process: the one scenario (its exact name) it runs. */
const only = process.env.BENCH_SCENARIO;
const peers = process.env.BENCH_PEERS === "0" ? undefined : peersDir();
if (peers && !only) console.error(`peers from ${peers}: ${availablePeers(peers).join(", ") || "none"}`);

// Each scenario runs in a fresh process of its own, as each peer does: in one process a scenario
// inherited the heap the ones before it left (B2 after B1 took about 1.3× its time alone).
// BENCH_ONE_PROCESS=1 runs them all in this one, as before round 11.
const oneProcess = process.env.BENCH_ONE_PROCESS === "1";
for (const sc of scenarios) {
  if (only !== undefined ? sc.name !== only : filter && !sc.name.includes(filter)) continue;
  if (only === undefined && !oneProcess) {
    // argv[1] is the bundle this process runs (its import.meta.url is bench/run.ts, for its files).
    const child = spawnSync(process.execPath, [process.argv[1]!], {
      stdio: "inherit",
      env: { ...process.env, BENCH_SCENARIO: sc.name },
    });
    if (child.status !== 0) process.exit(child.status ?? 1);
    continue;
  }
  const bars = sc.bars();
  const source = typeof sc.source === "string" ? sc.source : sc.source(bars);
  const run = () => {
    // What elapsedMs times runs from the first call of `now` to the second (the third is after the results).
    let calls = 0;
    let cpu = process.cpuUsage();
    let faults = 0;
    let cpuMs = NaN;
    let pageFaults = NaN;
    let allocMB = NaN;
    const heap = heapAllocation();
    let resultsCpuMs = NaN;
    let resultsAllocMB = NaN;
    const now = () => {
      calls++;
      // The run ends at this call's first instruction; what is counted after it is not in `ms`.
      const at = performance.now();
      if (calls === 1) {
        faults = minorPageFaults();
        heap.start();
        cpu = process.cpuUsage();
      } else if (calls === 2) {
        cpuMs = cpuMsSince(cpu);
        pageFaults = minorPageFaults() - faults;
        allocMB = heap.stop();
        heap.start();
        cpu = process.cpuUsage();
      } else if (calls === 3) {
        resultsCpuMs = cpuMsSince(cpu);
        resultsAllocMB = heap.stop();
      }
      return calls === 1 ? performance.now() : at;
    };
    const r = runStrategy({ source, fileName: `${sc.name}.ts`, bars, settings: sc.settings, now });
    return { ...r, cpuMs, pageFaults, allocMB, resultsCpuMs, resultsAllocMB };
  };
  // The first run is what a fresh CLI process measures; the best of the next RUNS is the warm figure.
  const first = run();
  const cold = firstWrite(first.results);
  let best = first;
  const warm: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = run();
    warm.push(r.results.run.elapsedMs);
    if (r.results.run.elapsedMs < best.results.run.elapsedMs) best = r;
  }
  const { results } = best;
  const ms = results.run.elapsedMs;
  // The best run is the one the collector and fresh memory cost least (README: why B1 moves
  // between 40 and 70 ms); the median says what a warm run usually takes.
  warm.sort((a, b) => a - b);
  const medianMs = warm.length > 0 ? warm[warm.length >> 1]! : ms;
  const nBars = bars.reduce((n, b) => n + b.time.length, 0);
  const line: Record<string, unknown> = {
    scenario: sc.name,
    bars: nBars,
    orders: results.summary.orders,
    fills: results.summary.fills,
    ms: round(ms),
    barsPerSec: Math.round((nBars / ms) * 1000),
    medianMs: round(medianMs),
    firstMs: round(first.results.run.elapsedMs),
    cpuMs: round(best.cpuMs),
    pageFaults: best.pageFaults,
    allocMB: round(best.allocMB),
    resultsMs: round(best.timings.resultsMs),
    resultsCpuMs: round(best.resultsCpuMs),
    resultsAllocMB: round(best.resultsAllocMB),
    ...writeFigures(best.results, best.timings.resultsMs, ms),
    firstResultsMs: round(first.timings.resultsMs),
    firstResultsCpuMs: round(first.resultsCpuMs),
    ...cold,
    finalValue: results.summary.endingValue,
  };
  if (sc.floor) {
    const floor = sc.floor;
    let fms = Infinity;
    for (let i = 0; i <= RUNS; i++)
      fms = Math.min(
        fms,
        time(() => void floor(bars)),
      );
    line.floorMs = round(fms);
    line.engineOverFloor = round(ms / fms);
  }
  console.log(JSON.stringify(line));
  if (peers && sc.peer) {
    for (const p of runPeers(peers, sc.peer)) {
      console.log(
        JSON.stringify({
          scenario: sc.name,
          peer: p.engine,
          fills: p.fills,
          finalValue: p.final_value,
          runMs: round(p.run_s * 1000),
          procMs: round(p.proc_s * 1000),
          peerOverOurs: round((p.run_s * 1000) / ms),
          peerOverOursMedian: round((p.run_s * 1000) / medianMs),
          peerOverOursFirstRun: round((p.run_s * 1000) / first.results.run.elapsedMs),
        }),
      );
    }
  }
}
