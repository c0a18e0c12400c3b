/**
 * Portfolio Rebalancing
 * Every 21 trading days, trade SPY, QQQ, IWM and TLT back to 40/30/20/10 target weights.
 * @category multi-asset
 */
import { TradingAlgorithm, order, type Asset, type Context, type BarData } from "playground";

// Ported from the seed's "Portfolio Rebalancing".
export default class Rebalancing extends TradingAlgorithm {
  override initialize(context: Context): void {
    // Define target portfolio weights
    context.targetWeights = new Map<Asset, number>([
      [this.symbol("SPY"), 0.4], // 40% S&P 500
      [this.symbol("QQQ"), 0.3], // 30% Nasdaq
      [this.symbol("IWM"), 0.2], // 20% Small cap
      [this.symbol("TLT"), 0.1], // 10% Bonds
    ]);
    context.rebalanceFrequency = 21; // Monthly (trading days)
    context.daysSinceRebalance = 0;

    // Alternative: rebalance on the first trading day of every calendar month instead of
    // counting bars (then drop the counting in handleData):
    //   scheduleFunction((ctx, data) => this.rebalancePortfolio(ctx, data), dateRules.monthStart());
    // (import scheduleFunction and dateRules from "playground").
  }

  override handleData(context: Context, data: BarData): void {
    context.daysSinceRebalance += 1;

    if (context.daysSinceRebalance >= context.rebalanceFrequency) {
      this.rebalancePortfolio(context, data);
      context.daysSinceRebalance = 0;
    }
  }

  rebalancePortfolio(context: Context, data: BarData): void {
    const portfolioValue = context.portfolio.portfolioValue;
    const targetWeights: Map<Asset, number> = context.targetWeights;

    for (const [asset, targetWeight] of targetWeights) {
      const currentPrice = data.current(asset, "close");

      // Calculate target position
      const targetValue = portfolioValue * targetWeight;
      const targetShares = Math.trunc(targetValue / currentPrice);

      // Get current position
      const position = context.portfolio.positions.get(asset);
      const currentShares = position ? position.amount : 0;

      // Order difference. Buys may be placed before the sells that pay for them: the
      // placement check counts the portfolio's value, and at the next open the sells fill
      // first. The weights add up to 100% and the account does not borrow, so when prices
      // rise overnight a buy can come up a few shares short: the rest is cancelled with
      // INSUFFICIENT_FUNDS.
      const sharesToOrder = targetShares - currentShares;
      if (sharesToOrder !== 0) {
        order(asset, sharesToOrder);
        // (The seed's f-string lost its arrow between the two numbers.)
        this.log.info(`Rebalancing ${asset.symbol}: ${currentShares} → ${targetShares} shares`);
      }
    }
  }
}
