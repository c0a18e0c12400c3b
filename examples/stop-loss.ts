/**
 * Entry with Stop-Loss
 * Buy AAPL at market above its 20-day mean and protect it at once with a StopOrder 5% below the entry.
 * @category order types
 */
import { TradingAlgorithm, order, MarketOrder, StopOrder, type Context, type BarData } from "playground";

// Ported from the seed's "Entry with Stop-Loss".
export default class StopLossStrategy extends TradingAlgorithm {
  override initialize(context: Context): void {
    context.asset = this.symbol("AAPL");
    context.entryPrice = null;
    context.stopLossPct = 0.05; // 5% stop
  }

  override handleData(context: Context, data: BarData): void {
    const currentPrice = data.current(context.asset, "close");
    const position = context.portfolio.positions.get(context.asset);

    // Entry logic
    if (position === undefined || position.amount === 0) {
      if (this.shouldEnter(context, data)) {
        // Enter at market
        order(context.asset, 100, { style: new MarketOrder() });
        context.entryPrice = currentPrice;

        // Place stop-loss immediately. Both orders wait for the next bar: the buy fills at
        // its open, the stop whenever the price touches stopPrice after that.
        const stopPrice = currentPrice * (1 - context.stopLossPct);
        order(context.asset, -100, { style: new StopOrder(stopPrice) });
      }
    }
  }

  shouldEnter(context: Context, data: BarData): boolean {
    // Example: Simple price momentum signal
    const prices = data.history(context.asset, "close", 20, "1d");
    return prices.at(-1) > prices.mean(); // Price above 20-day MA
  }
}
