import type { SymbolBars } from "../src/engine/data/symbol-bars";

export interface Scenario {
  name: string;
  source: string;
  bars: () => SymbolBars[];
  /** The same signal as a bare loop over the arrays: the floor. */
  floor?: (bars: SymbolBars[]) => number;
}

/** Does nothing: what a run costs before the strategy does anything (compile, load, set-up, the bar loop). */
export const NO_OP = `
import { TradingAlgorithm, type Context, type BarData } from "playground";
export default class NoOp extends TradingAlgorithm {
  override handleData(_context: Context, _data: BarData) {}
}`;

export const SMA_CROSS = `
import { TradingAlgorithm, orderTarget, type Context, type BarData } from "playground";
export default class SmaCross extends TradingAlgorithm {
  override initialize(context: Context) { context.asset = this.symbol("BENCH"); context.side = 0; }
  override handleData(context: Context, data: BarData) {
    const fast = data.history(context.asset, "close", 10).mean();
    const slow = data.history(context.asset, "close", 30).mean();
    const side = fast > slow ? 1 : -1;
    if (side !== context.side) { orderTarget(context.asset, 100 * side); context.side = side; }
  }
}`;

/** The same cross on slower averages: far fewer orders, so the bar loop itself dominates. */
export const SMA_CROSS_SLOW = SMA_CROSS.replace('"close", 10)', '"close", 50)').replace(
  '"close", 30)',
  '"close", 200)',
);

export const BRACKETS = `
import { TradingAlgorithm, order, getOpenOrders, BracketOrder, type Context, type BarData } from "playground";
export default class Brackets extends TradingAlgorithm {
  override initialize(context: Context) { context.asset = this.symbol("BENCH"); }
  override handleData(context: Context, data: BarData) {
    if (context.portfolio.positions.size > 0 || getOpenOrders(context.asset).length > 0) return;
    const p = data.current(context.asset, "close");
    order(context.asset, 100, { style: new BracketOrder({ stopLossPrice: p * 0.98, takeProfitPrice: p * 1.03 }) });
  }
}`;

export const REBALANCE = `
import { TradingAlgorithm, orderTargetPercent, scheduleFunction, dateRules, timeRules, type Context, type BarData } from "playground";
export default class Rebalance extends TradingAlgorithm {
  override initialize(context: Context) {
    context.assets = ["SPY", "QQQ", "IWM", "TLT", "AAPL", "TSLA", "PEP", "KO"].map((s) => this.symbol(s));
    scheduleFunction((c: Context) => { for (const a of c.assets) orderTargetPercent(a, 0.12); }, dateRules.monthStart(), timeRules.marketOpen());
  }
  override handleData(_context: Context, _data: BarData) {}
}`;

/** SMA(10)/SMA(30) cross over the closes, with running sums: the fastest honest loop. */
export function smaCrossFloor(bars: SymbolBars[]): number {
  const c = bars[0]!.close;
  let crosses = 0;
  let side = 0;
  let f = 0;
  let s = 0;
  for (let i = 0; i < c.length; i++) {
    f += c[i]! - (i >= 10 ? c[i - 10]! : 0);
    s += c[i]! - (i >= 30 ? c[i - 30]! : 0);
    const fast = f / Math.min(i + 1, 10);
    const slow = s / Math.min(i + 1, 30);
    const next = fast > slow ? 1 : -1;
    if (next !== side) {
      crosses++;
      side = next;
    }
  }
  return crosses;
}

/** Close above the highest high of the previous 20 bars: the breakout signal of B2 as a bare loop. */
export function breakoutFloor(bars: SymbolBars[]): number {
  const { high, close } = bars[0]!;
  let signals = 0;
  for (let i = 20; i < close.length; i++) {
    let highest = -Infinity;
    for (let k = i - 20; k < i; k++) highest = Math.max(highest, high[k]!);
    if (close[i]! > highest) signals++;
  }
  return signals;
}
