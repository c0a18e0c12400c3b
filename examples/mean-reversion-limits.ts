/**
 * Mean Reversion with Limits
 * Buy AAPL with a limit at the close 2 standard deviations below its 20-day mean; sell at market at the mean.
 * @category order types
 */
import {
  TradingAlgorithm,
  order,
  getOpenOrders,
  cancelOrder,
  LimitOrder,
  type Context,
  type BarData,
} from "playground";

// Ported from the seed's "Mean Reversion with Limits".
export default class MeanReversion extends TradingAlgorithm {
  override initialize(context: Context): void {
    context.asset = this.symbol("AAPL");
    context.lookback = 20;
  }

  override handleData(context: Context, data: BarData): void {
    // Get price data
    const prices = data.history(context.asset, "close", context.lookback, "1d");
    const currentPrice = data.current(context.asset, "close");

    // Calculate mean and std
    const meanPrice = prices.mean();
    const stdPrice = prices.std();

    const position = context.portfolio.positions.get(context.asset);
    // Added: the seed imports get_open_orders and cancel_order without using them. We use
    // them the way its "DON'T place duplicate orders" advice asks: no second entry while
    // one is still waiting, and no second exit while one is still open.
    const openOrders = getOpenOrders(context.asset);

    // Entry: Price 2 std below mean
    if (currentPrice < meanPrice - 2 * stdPrice) {
      if ((position === undefined || position.amount === 0) && openOrders.length === 0) {
        // Buy at current price (limit order for better fill): it fills when a later bar
        // trades at or below today's close, and never above it.
        order(context.asset, 100, { style: new LimitOrder(currentPrice) });
      }
    }
    // Exit: Price returns to mean
    else if (currentPrice > meanPrice) {
      // Added: an entry limit that has not filled by now is no longer wanted.
      for (const o of openOrders) {
        if (o.amount > 0) cancelOrder(o);
      }
      if (position && position.amount > 0 && getOpenOrders(context.asset).length === 0) {
        // Sell at market to exit quickly
        order(context.asset, -position.amount);
      }
    }
  }
}
