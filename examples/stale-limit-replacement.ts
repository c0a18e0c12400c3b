/**
 * Monitor and Adjust Orders
 * Trade AAPL with patient limit orders; cancel any still open after 5 bars and resubmit the rest at market.
 * @category order management
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

// Ported from the seed's "Monitor and Adjust Orders". The seed only shows the monitoring;
// the limit orders it monitors come from a small added rule at the end of handleData.
export default class MonitoringStrategy extends TradingAlgorithm {
  override initialize(context: Context): void {
    context.asset = this.symbol("AAPL");
    context.orderTimeoutBars = 5;
    // order id -> bar index when first seen. The seed keeps datetimes and counts calendar
    // days ((now - then).days) although it calls them bars; we count bars.
    context.orderTimestamps = new Map<string, number>();
    // Added for the entry/exit rule below: how far from the close the limits are placed.
    context.entryDiscount = 0.02; // bid 2% below the close
    context.exitPremium = 0.03; // offer 3% above the cost basis
  }

  override handleData(context: Context, data: BarData): void {
    const currentPrice = data.current(context.asset, "close");
    const openOrders = getOpenOrders(context.asset);

    // The seed's loop variable `order` shadowed the order() function it calls to
    // re-submit; we name it `o`.
    for (const o of openOrders) {
      // Track order age
      if (!context.orderTimestamps.has(o.id)) {
        context.orderTimestamps.set(o.id, context.barIndex);
      }

      const barsSinceOrder = context.barIndex - context.orderTimestamps.get(o.id);

      // Cancel stale limit orders and replace with market
      if (barsSinceOrder >= context.orderTimeoutBars) {
        if (o.limit !== null) {
          this.log.info(`Cancelling stale limit order ${o.id}`);
          // openAmount is what is still unfilled: the whole order, or the rest of a
          // partly filled one.
          const remaining = o.openAmount;
          cancelOrder(o);

          // Re-submit as market order
          order(context.asset, remaining);
        }
      }
    }

    // Added: a patient entry and exit, so that there are limit orders to monitor. Flat:
    // bid 2% below the close. Long: offer 3% above the cost basis. Many fill within five
    // bars; the others go stale and are replaced above.
    if (getOpenOrders(context.asset).length > 0) return;
    const position = context.portfolio.positions.get(context.asset);
    if (position === undefined) {
      order(context.asset, 100, { style: new LimitOrder(currentPrice * (1 - context.entryDiscount)) });
    } else {
      order(context.asset, -position.amount, {
        style: new LimitOrder(position.costBasis * (1 + context.exitPremium)),
      });
    }
  }
}
