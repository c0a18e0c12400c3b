import type { SymbolBars } from "../engine/data/symbol-bars";
import { DAY_MS } from "../engine/data/utc-day";
import { DEFAULT_SETTINGS } from "../engine/settings";
import { PROTOCOL_VERSION, type WorkerMessage } from "./protocol";
import { runSession } from "./run-session";
import { makeWhereBuffer } from "./where-cells";

/**
 * What a user's strategy is made of (types, an import from "playground", a class, a loop, a
 * function, a history window, sizing by percent and target, a limit order, a log line), trading
 * often: so a short run of it goes through what a run spends its time in.
 */
const WARM_UP_SOURCE = `import { TradingAlgorithm, order, orderPercent, orderTarget, getOpenOrders, LimitOrder, type Context, type BarData } from "playground";
const half = (x: number): number => x / 2;
export default class WarmUp extends TradingAlgorithm {
  override initialize(context: Context): void { context.asset = this.symbol("WARM"); context.above = null; }
  override handleData(context: Context, data: BarData): void {
    let n = 0;
    for (let i = 0; i < 2; i++) n += half(i);
    const slow = data.history(context.asset, "close", 12);
    if (slow.length < 12) return;
    const above = data.history(context.asset, "close", 4).mean() + n > slow.mean();
    const was = context.above;
    context.above = above;
    if (context.barIndex % 97 === 0) this.log.info(\`bar \${context.barIndex}\`);
    if (context.barIndex % 41 === 0 && getOpenOrders(context.asset).length === 0)
      order(context.asset, 1, new LimitOrder(Math.round(data.current(context.asset, "close") * 99) / 100));
    if (was === null || above === was) return;
    const held = context.portfolio.positions.get(context.asset)?.amount ?? 0;
    if (above && held === 0) orderPercent(context.asset, 0.9);
    else if (!above && held > 0) orderTarget(context.asset, 0);
  }
}`;

/** Bars of the warm-up run: enough for V8 to compile the bar loop's hot functions, few enough to take tens of ms. */
export const WARM_UP_BARS = 6_000;

/** A smooth, wavy daily series on a cent grid (no randomness: the same run every time). */
function warmUpBars(n: number): SymbolBars {
  const col = () => new Float64Array(n);
  const [time, open, high, low, close, volume] = [col(), col(), col(), col(), col(), col()];
  const cents = (x: number) => Math.round(x * 100) / 100;
  const start = Date.UTC(2000, 0, 3);
  for (let i = 0; i < n; i++) {
    const c = cents(100 + 8 * Math.sin(i / 17) + 3 * Math.sin(i / 3.3));
    const o = cents(c - 0.5 * Math.cos(i / 2.1));
    time[i] = start + i * DAY_MS;
    open[i] = o;
    close[i] = c;
    high[i] = cents(Math.max(o, c) + 0.4);
    low[i] = cents(Math.min(o, c) - 0.4);
    volume[i] = 1_000_000;
  }
  return { symbol: "WARM", time, open, high, low, close, volume, tickSize: 0.01 };
}

/** What the warm-up run did: batches posted, and its fills and log lines (0 when it failed: `ok` false). */
export interface WarmUp {
  ok: boolean;
  batches: number;
  fills: number;
}

/**
 * Runs a small strategy through the run's own path, so that what a run spends its time in is
 * compiled by V8 in the spare run worker before Run is pressed, not during the run: sucrase, the
 * line probes and a SES Compartment (their first use builds tables and compiles parsers), then a
 * short backtest streamed as a session (the bar loop, matching, fills, the event log, the batches'
 * encoder), its results built and split for the final message. A fresh worker ran all of that
 * for the first time inside the user's run. What the session posts is dropped; nothing of the run
 * is kept (each run compiles its own code into a compartment of its own, and makes its own
 * backtest).
 */
export function warmUpRunPath(bars = WARM_UP_BARS): WarmUp {
  const did: WarmUp = { ok: false, batches: 0, fills: 0 };
  const drop = (m: WorkerMessage) => {
    if (m.type === "batch") did.batches++;
    if (m.type !== "done") return;
    did.ok = true;
    did.fills = m.results.summary.fills;
  };
  try {
    runSession(
      {
        type: "run",
        protocolVersion: PROTOCOL_VERSION,
        runId: 0,
        source: WARM_UP_SOURCE,
        fileName: "warm-up.ts",
        settings: { ...DEFAULT_SETTINGS },
        data: [],
        // The page's runs write where they are into shared memory (where-cells.ts): so does this one.
        ...(typeof SharedArrayBuffer === "function" ? { where: makeWhereBuffer() } : {}),
      },
      [warmUpBars(bars)],
      [],
      drop,
      () => performance.now(),
    );
  } catch {
    // Only a head start: a run that follows meets any failure itself and reports it.
  }
  return did;
}
