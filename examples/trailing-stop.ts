/**
 * Trailing Stop for Profit Protection
 * Hold AAPL behind a fixed stop until it is 5% up, then swap it for a 3% TrailingStopOrder that follows the high.
 * @category order types
 */
import {
  TradingAlgorithm,
  order,
  getOpenOrders,
  cancelOrder,
  StopOrder,
  TrailingStopOrder,
  type Context,
  type BarData,
} from "playground";

// Ported from the seed's "Trailing Stop for Profit Protection".
export default class TrailingStopStrategy extends TradingAlgorithm {
  override initialize(context: Context): void {
    context.asset = this.symbol("AAPL");
    context.entryPrice = null;
    context.profitThreshold = 0.05; // 5% profit to activate trailing
    context.trailPercent = 0.03; // 3% trail
    context.stopLossPct = 0.05; // added: the initial stop, see the entry below
  }

  override handleData(context: Context, data: BarData): void {
    const currentPrice = data.current(context.asset, "close");
    const position = context.portfolio.positions.get(context.asset);

    if (position && position.amount > 0) {
      // Calculate profit percentage
      const profitPct = (currentPrice - context.entryPrice) / context.entryPrice;

      // Fixed: the seed runs this block on every bar above the threshold, so each bar it
      // cancels the trailing stop it placed the bar before (its `stop` is set too) and
      // places a new one whose high-water mark restarts at the last close: the stop never
      // trails. We activate once, when no trailing stop is open yet.
      const openOrders = getOpenOrders(context.asset);
      const trailing = openOrders.some((o) => o.trailPercent !== null);

      if (profitPct >= context.profitThreshold && !trailing) {
        // Cancel existing stop orders (the seed's loop variable `order` shadowed the
        // order() function it then calls; we name it `o`).
        for (const o of openOrders) {
          if (o.stop !== null) {
            cancelOrder(o);
          }
        }

        // Place trailing stop
        order(context.asset, -position.amount, {
          style: new TrailingStopOrder({ trailPercent: context.trailPercent }),
        });

        this.log.info(`Activated trailing stop at ${(profitPct * 100).toFixed(1)}% profit`);
      }
    } else if (position === undefined || position.amount === 0) {
      // Entry logic
      if (this.entrySignal(context, data)) {
        order(context.asset, 100);
        context.entryPrice = currentPrice;
        // Added: the seed cancels "existing stop orders" but its entry never places one.
        // We protect the entry with the stop-loss of the seed's "Entry with Stop-Loss"
        // until the trailing stop takes over.
        order(context.asset, -100, { style: new StopOrder(currentPrice * (1 - context.stopLossPct)) });
      }
    }
  }

  entrySignal(context: Context, data: BarData): boolean {
    // The seed leaves entry_signal to the user. Here: the close is above its 20-day mean
    // (the momentum signal of the stop-loss example).
    const prices = data.history(context.asset, "close", 20, "1d");
    return prices.at(-1) > prices.mean();
  }
}
