// `npm run bench`: engine throughput per scenario, with a bare-loop floor for comparison.
import { fileURLToPath } from "node:url";
import { loadDataPath } from "../src/cli/load-data";
import { runStrategy } from "../src/runtime/run-strategy";
import { BRACKETS, REBALANCE, SMA_CROSS, SMA_CROSS_SLOW, type Scenario, smaCrossFloor } from "./scenarios";
import { syntheticBars } from "./synthetic-bars";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SETTINGS = { cash: 1_000_000_000, fillModel: "ohlc", sameBarPolicy: "path" } as const;
const sample = () => loadDataPath(fileURLToPath(new URL("../sample-data", import.meta.url))).bars;

const scenarios: Scenario[] = [
  { name: "sma-cross-200k", source: SMA_CROSS, bars: () => [syntheticBars("BENCH", 200_000)], floor: smaCrossFloor },
  { name: "sma-50-200-200k", source: SMA_CROSS_SLOW, bars: () => [syntheticBars("BENCH", 200_000)] },
  { name: "bracket-200k", source: BRACKETS, bars: () => [syntheticBars("BENCH", 200_000)] },
  { name: "sample-8-symbols", source: REBALANCE, bars: sample },
];

/** Best of RUNS after a warm-up, timed by the callback itself. */
function bestOf(f: () => number): number {
  f();
  let ms = Infinity;
  for (let i = 0; i < RUNS; i++) ms = Math.min(ms, f());
  return ms;
}

function best(f: () => void): number {
  f(); // warm-up: JIT and caches, as a long-lived worker would have
  let ms = Infinity;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    f();
    ms = Math.min(ms, performance.now() - t0);
  }
  return ms;
}

const filter = process.argv[2];
for (const sc of scenarios) {
  if (filter && !sc.name.includes(filter)) continue;
  const bars = sc.bars();
  let stats = { bars: 0, orders: 0, fills: 0 };
  let resultsMs = Infinity;
  const ms = bestOf(() => {
    const { results, timings } = runStrategy({
      source: sc.source,
      fileName: `${sc.name}.ts`,
      bars,
      settings: SETTINGS,
    });
    stats = { bars: results.run.bars, orders: results.summary.orders, fills: results.summary.fills };
    resultsMs = Math.min(resultsMs, timings.resultsMs);
    return timings.runMs;
  });
  // ms: compile + load + bar loop (what bars/s measures); resultsMs: building the results JSON after it.
  const line = {
    scenario: sc.name,
    ...stats,
    ms: round(ms),
    barsPerSec: Math.round((stats.bars / ms) * 1000),
    resultsMs: round(resultsMs),
  };
  console.log(JSON.stringify(line));
  if (sc.floor) {
    const floor = sc.floor;
    const fms = best(() => void floor(bars));
    const n = bars[0]!.time.length;
    console.log(
      JSON.stringify({
        scenario: `${sc.name}/floor`,
        bars: n,
        orders: 0,
        fills: 0,
        ms: round(fms),
        barsPerSec: Math.round((n / fms) * 1000),
        engineOverFloor: round(ms / fms),
      }),
    );
  }
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
