/**
 * Buy and Hold
 * Buy 100 SPY with one market order on the first bar and keep them to the end.
 * @category order types
 */
import { TradingAlgorithm, order, type Context, type BarData } from "playground";

// Ported from the seed's "Simple Buy and Hold".
export default class BuyAndHold extends TradingAlgorithm {
  override initialize(context: Context): void {
    context.asset = this.symbol("SPY");
    context.ordered = false;
  }

  override handleData(context: Context, data: BarData): void {
    if (!context.ordered) {
      // Buy once at market price: fills at the next bar's open.
      order(context.asset, 100);
      context.ordered = true;
    }
    this.record({ price: data.current(context.asset, "price") });
  }
}
