/**
 * Stop-Limit Breakout
 * Buy SPY on a break of its 20-day high with a StopLimitOrder that pays at most 0.5% above the breakout level.
 * @category order types
 */
import { TradingAlgorithm, order, getOpenOrders, StopLimitOrder, type Context, type BarData } from "playground";

// Not in the seed: the gallery's stop-limit demo, written in the seed's style.
export default class StopLimitBreakout extends TradingAlgorithm {
  override initialize(context: Context): void {
    context.asset = this.symbol("SPY");
    context.channel = 20; // bars in the breakout channel
    context.maxChase = 0.005; // pay at most 0.5% above the breakout level
    context.shares = 100;
  }

  override handleData(context: Context, data: BarData): void {
    const highs = data.history(context.asset, "high", context.channel, "1d");
    const closes = data.history(context.asset, "close", context.channel, "1d");
    if (closes.length < context.channel) return; // wait for a full channel
    if (getOpenOrders(context.asset).length > 0) return; // one order at a time

    const position = context.portfolio.positions.get(context.asset);

    if (position === undefined) {
      // Flat: place a buy stop-limit at the top of the channel (note the argument order,
      // as in zipline: limit first, then stop). When a bar trades up to the stop the order
      // is TRIGGERED and becomes a limit at stop × 1.005: it fills at once if the price
      // there is within the limit; after a gap far above the level it does not chase, but
      // waits for the price to come back down to the limit.
      const stopPrice = highs.max();
      const limitPrice = stopPrice * (1 + context.maxChase);
      order(context.asset, context.shares, { style: new StopLimitOrder(limitPrice, stopPrice) });
      this.log.info(`Breakout entry: stop $${stopPrice.toFixed(2)}, limit $${limitPrice.toFixed(2)}`);
    } else if (position.amount > 0 && closes.at(-1) < closes.mean()) {
      // Long: leave at market once the close falls below the channel's mean.
      order(context.asset, -position.amount);
    }
  }
}
