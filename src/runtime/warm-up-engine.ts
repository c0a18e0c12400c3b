import type { SymbolBars } from "../engine/data/symbol-bars";
import { DEFAULT_SETTINGS } from "../engine/settings";
import { PROTOCOL_VERSION, type WorkerMessage } from "./protocol";
import { runSession } from "./run-session";

/**
 * A moving-average cross with market orders and a log line: what most strategies do
 * (history and its mean, order sizing, fills, order events), compiled and loaded as user code is.
 */
const WARM_UP_STRATEGY = `import { TradingAlgorithm, orderPercent, orderTarget, type Context, type BarData } from "playground";
export default class WarmUpCross extends TradingAlgorithm {
  override initialize(context: Context): void { context.asset = this.symbol("W"); context.above = null; }
  override handleData(context: Context, data: BarData): void {
    const slow = data.history(context.asset, "close", 30);
    if (slow.length < 30) return;
    const above = data.history(context.asset, "close", 10).mean() > slow.mean();
    const was = context.above;
    context.above = above;
    if (was === null || above === was) return;
    const held = context.portfolio.positions.get(context.asset)?.amount ?? 0;
    if (above && held === 0) orderPercent(context.asset, 0.95);
    else if (!above && held > 0) {
      orderTarget(context.asset, 0);
      this.log.info("flat");
    }
  }
}`;

/** `n` daily bars of a made-up symbol "W": a wave with noise from a fixed seed. */
export function warmUpBars(n: number): SymbolBars {
  const col = () => new Float64Array(n);
  const b = {
    symbol: "W",
    tickSize: 0.01,
    time: col(),
    open: col(),
    high: col(),
    low: col(),
    close: col(),
    volume: col(),
  };
  let seed = 12345;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff - 0.5;
  let close = 100;
  for (let i = 0; i < n; i++) {
    const open = close * (1 + rnd() * 0.01);
    close = Math.max(1, open * (1 + Math.sin(i / 15) * 0.01 + rnd() * 0.02));
    b.time[i] = Date.UTC(2000, 0, 3) + i * 86_400_000;
    b.open[i] = Math.round(open * 100) / 100;
    b.close[i] = Math.round(close * 100) / 100;
    b.high[i] = Math.max(b.open[i]!, b.close[i]!) + 0.5;
    b.low[i] = Math.min(b.open[i]!, b.close[i]!) - 0.5;
    b.volume[i] = 1_000_000;
  }
  return b;
}

/**
 * One slice of a spare run worker's warm-up: the built-in strategy through the whole session
 * (compile, load, the bar loop writing where it is, the batches, the results and their rows) on
 * `bars` made-up bars, every message dropped. A fresh worker's first real run then finds the
 * engine's code compiled by V8 and its heap grown. Nothing of it is kept (a run's state is its
 * own: the session, the backtest, the compartment). The number of fills it made (a warm-up that
 * never trades leaves the order path cold).
 */
export function warmUpEngine(bars: number, now: () => number, where?: SharedArrayBuffer): number {
  let fills = 0;
  const rows = runSession(
    {
      type: "run",
      protocolVersion: PROTOCOL_VERSION,
      runId: 0,
      source: WARM_UP_STRATEGY,
      fileName: "warm-up.ts",
      settings: { ...DEFAULT_SETTINGS },
      data: [],
      ...(where ? { where } : {}),
      rowsLater: true,
    },
    [warmUpBars(bars)],
    [],
    (m: WorkerMessage) => {
      if (m.type === "done") fills = m.results.summary.fills;
    },
    now,
  );
  rows?.();
  return fills;
}
