/**
 * OCO Exit
 * Exit an AAPL position with one OCOOrder: a take-profit limit 8% up and a stop 4% down; one fill cancels the other.
 * @category order types
 */
import {
  TradingAlgorithm,
  order,
  getOpenOrders,
  LimitOrder,
  StopOrder,
  OCOOrder,
  type Context,
  type BarData,
} from "playground";

// Not in the seed: the gallery's one-cancels-other demo, written in the seed's style.
export default class OcoExit extends TradingAlgorithm {
  override initialize(context: Context): void {
    context.asset = this.symbol("AAPL");
    context.takeProfitPct = 0.08; // sell 8% above the cost basis...
    context.stopLossPct = 0.04; // ...or 4% below it, whichever comes first
  }

  override handleData(context: Context, data: BarData): void {
    if (getOpenOrders(context.asset).length > 0) return; // one order (or pair) at a time
    const position = context.portfolio.positions.get(context.asset);

    if (position === undefined) {
      // Entry: the close is above its 20-day mean (the stop-loss example's signal).
      const prices = data.history(context.asset, "close", 20, "1d");
      if (prices.at(-1) > prices.mean()) order(context.asset, 100);
    } else if (position.amount > 0) {
      // An existing position and no exit yet: both legs sell the whole position. They
      // are linked by ocoId; the first fill of either (even a partial one) cancels the
      // other with reason "OCO".
      const target = position.costBasis * (1 + context.takeProfitPct);
      const stop = position.costBasis * (1 - context.stopLossPct);
      order(context.asset, -position.amount, {
        style: new OCOOrder(new LimitOrder(target), new StopOrder(stop)),
      });
      this.log.info(`OCO exit for ${position.amount} shares: target $${target.toFixed(2)}, stop $${stop.toFixed(2)}`);
    }
  }
}
