/**
 * Scale-Out Strategy
 * Buy 300 AAPL and sell it in three parts as the profit reaches 5%, 10% and 15%.
 * @category advanced
 */
import { TradingAlgorithm, order, type Context, type BarData } from "playground";

// Ported from the seed's "Scale-Out Strategy".
export default class ScaleOut extends TradingAlgorithm {
  override initialize(context: Context): void {
    context.asset = this.symbol("AAPL");
    context.profitLevels = [0.05, 0.1, 0.15]; // 5%, 10%, 15% profit
    context.scalePercentages = [0.33, 0.33, 0.34]; // Scale out portions
    context.entryPrice = null;
    context.entryAmount = 300; // added: the size the portions are taken of (see below)
    context.exitsMade = 0;
  }

  override handleData(context: Context, data: BarData): void {
    const currentPrice = data.current(context.asset, "close");
    const position = context.portfolio.positions.get(context.asset);

    // Entry logic
    if (position === undefined || position.amount === 0) {
      if (this.entrySignal(context, data)) {
        order(context.asset, context.entryAmount);
        context.entryPrice = currentPrice;
        context.exitsMade = 0;
      }
    }
    // Scale-out logic
    else if (context.entryPrice !== null) {
      const profitPct = (currentPrice - context.entryPrice) / context.entryPrice;

      if (context.exitsMade < context.profitLevels.length) {
        const targetProfit = context.profitLevels[context.exitsMade];

        if (profitPct >= targetProfit) {
          // Calculate shares to sell. Fixed: the seed takes each percentage of the shares
          // still held (position.amount), so 300 becomes 201, 135 and then 90 shares that
          // are never sold, and the strategy never enters again. The portions (33/33/34%)
          // are of the entry size; the last exit sells whatever is left.
          const lastExit = context.exitsMade === context.profitLevels.length - 1;
          const exitPct = context.scalePercentages[context.exitsMade];
          const sharesToSell = lastExit
            ? position.amount
            : Math.min(position.amount, Math.trunc(context.entryAmount * exitPct));

          order(context.asset, -sharesToSell);
          context.exitsMade += 1;

          this.log.info(
            `Scale-out exit ${context.exitsMade}: ${sharesToSell} shares at ${(profitPct * 100).toFixed(1)}% profit`,
          );
        }
      }
    }
  }

  entrySignal(context: Context, data: BarData): boolean {
    // The seed leaves entry_signal to the user. Here: the close is above its 20-day mean.
    const prices = data.history(context.asset, "close", 20, "1d");
    return prices.at(-1) > prices.mean();
  }
}
