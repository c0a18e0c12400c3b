/**
 * Partial Fill Handling
 * Trade AAPL in sizes that fill only partly on thin days; cancel the rest of any order less than 75% filled.
 * @category order management
 */
import {
  TradingAlgorithm,
  order,
  getOpenOrders,
  cancelOrder,
  ORDER_STATUS,
  type Context,
  type BarData,
} from "playground";

// Ported from the seed's "Partial Fill Handling". Under the default slippage model at most
// 10% of a bar's volume fills per bar; the sample data has about ten days a year when only
// 300 to 2,000 AAPL shares trade, so an order of a few hundred shares fills partly there.
export default class PartialFillHandler extends TradingAlgorithm {
  override initialize(context: Context): void {
    context.asset = this.symbol("AAPL");
    context.minFillPct = 0.75; // Require 75% fill
    // Added for the trading rule below.
    context.lookback = 10;
    context.targetPct = 0.5; // half of the portfolio: several hundred shares or more
  }

  override handleData(context: Context, data: BarData): void {
    const openOrders = getOpenOrders(context.asset);

    // The seed's loop variable `order` shadowed the order() function; we name it `o`.
    for (const o of openOrders) {
      if (o.status === ORDER_STATUS.PARTIALLY_FILLED) {
        const fillPct = o.filled / o.amount; // both negative for a sell: still a fraction

        if (fillPct < context.minFillPct) {
          // Not enough filled, cancel remainder
          this.log.warning(`Order ${o.id}: Only ${(fillPct * 100).toFixed(1)}% filled, cancelling remainder`);
          cancelOrder(o);
        } else {
          // Acceptable fill, let it continue
          this.log.info(`Order ${o.id}: ${(fillPct * 100).toFixed(1)}% filled, waiting for remainder`);
        }
      }
    }

    // Added: the seed only shows the monitoring. A simple trend rule supplies the orders:
    // hold AAPL (half the portfolio) while the close is above its 10-day mean, else none.
    // A cancelled remainder is not chased; the next signal change trades what is held.
    if (getOpenOrders(context.asset).length > 0) return;
    const prices = data.history(context.asset, "close", context.lookback, "1d");
    const currentPrice = prices.at(-1);
    const held = context.portfolio.positions.get(context.asset)?.amount ?? 0;
    if (currentPrice > prices.mean() && held === 0) {
      order(context.asset, Math.trunc((context.portfolio.portfolioValue * context.targetPct) / currentPrice));
    } else if (currentPrice < prices.mean() && held > 0) {
      order(context.asset, -held);
    }
  }
}
