/**
 * The peer benchmark's scenarios (B1–B4) and rebalance-500, written for our engine from the
 * scenario rules in bench/README.md. Settings as the peers: cash 1,000,000, no commission, no
 * slippage, market orders at the next open, "all-in" = 95 % of equity sized at the signal close.
 */

/** B1: SMA(10) crosses above SMA(30) while flat → buy 95 %; crosses below → close. */
export const B1_SMA_CROSS = `
import { TradingAlgorithm, orderPercent, orderTarget, type Context, type BarData } from "playground";
export default class SmaCross extends TradingAlgorithm {
  override initialize(context: Context) { context.asset = this.symbol("A"); context.above = null; }
  override handleData(context: Context, data: BarData) {
    const slow = data.history(context.asset, "close", 30);
    if (slow.length < 30) return;
    const above = data.history(context.asset, "close", 10).mean() > slow.mean();
    const was = context.above;
    context.above = above;
    if (was === null || above === was) return;
    const held = context.portfolio.positions.get(context.asset)?.amount ?? 0;
    if (above && held === 0) orderPercent(context.asset, 0.95);
    else if (!above && held > 0) orderTarget(context.asset, 0);
  }
}`;

/**
 * B2: close above the highest high of the previous 20 bars while flat → buy 95 %; when the buy has
 * filled, a 5 % trailing stop for the whole position.
 */
export const B2_TRAILING = `
import { TradingAlgorithm, order, orderPercent, getOpenOrders, TrailingStopOrder, type Context, type BarData } from "playground";
export default class Breakout extends TradingAlgorithm {
  override initialize(context: Context) { context.asset = this.symbol("A"); }
  override handleData(context: Context, data: BarData) {
    const a = context.asset;
    const highs = data.history(a, "high", 21);
    if (highs.length < 21) return;
    if (getOpenOrders(a).length > 0) return;
    const held = context.portfolio.positions.get(a)?.amount ?? 0;
    if (held > 0) order(a, -held, { style: new TrailingStopOrder({ trailPercent: 0.05 }) });
    else {
      let highest = -Infinity;
      for (let i = 0; i < 20; i++) highest = Math.max(highest, highs.at(i));
      if (data.current(a, "close") > highest) orderPercent(a, 0.95);
    }
  }
}`;

/** B3: every 50th bar, flat and with no live orders → market bracket, stop 0.98×, take-profit 1.04× the close. */
export const B3_BRACKET = `
import { TradingAlgorithm, order, getOpenOrders, BracketOrder, type Context, type BarData } from "playground";
export default class Brackets extends TradingAlgorithm {
  override initialize(context: Context) { context.asset = this.symbol("A"); context.bar = 0; }
  override handleData(context: Context, data: BarData) {
    context.bar += 1;
    const a = context.asset;
    if (context.bar % 50 !== 0 || context.portfolio.positions.size > 0 || getOpenOrders(a).length > 0) return;
    const c = data.current(a, "close");
    const shares = Math.trunc((0.95 * context.portfolio.portfolioValue) / c);
    order(a, shares, { style: new BracketOrder({ stopLossPrice: c * 0.98, takeProfitPrice: c * 1.04 }) });
  }
}`;

/**
 * B4 and rebalance-500: every 21 bars from the first, each asset to an equal weight of
 * 0.98 / N with orderTargetPercent; over-weight assets first, so sells free cash before buys use it.
 */
export function rebalanceSource(symbols: readonly string[]): string {
  return `
import { TradingAlgorithm, orderTargetPercent, type Context, type BarData } from "playground";
const SYMBOLS = ${JSON.stringify(symbols)};
export default class Rebalance extends TradingAlgorithm {
  override initialize(context: Context) { context.assets = SYMBOLS.map((s) => this.symbol(s)); context.bar = 0; }
  override handleData(context: Context, data: BarData) {
    if (context.bar++ % 21 !== 0) return;
    const weight = 0.98 / context.assets.length;
    const target = weight * context.portfolio.portfolioValue;
    const gap = (a) => target - (context.portfolio.positions.get(a)?.amount ?? 0) * data.current(a, "close");
    const order = context.assets.map((a) => [gap(a), a]).sort((x, y) => x[0] - y[0]);
    for (const [, a] of order) orderTargetPercent(a, weight);
  }
}`;
}
