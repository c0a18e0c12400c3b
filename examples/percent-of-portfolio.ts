/**
 * Percentage of Portfolio
 * Hold QQQ at 10% of the portfolio's value, ordering the difference in shares on every bar.
 * @category sizing
 */
import { TradingAlgorithm, order, type Context, type BarData } from "playground";

// Ported from the seed's "Percentage of Portfolio". (orderTargetPercent(context.asset, 0.1)
// does the same in one call, and counts open orders too.)
export default class PercentagePosition extends TradingAlgorithm {
  override initialize(context: Context): void {
    context.asset = this.symbol("QQQ");
    context.targetPct = 0.1; // 10% of portfolio
  }

  override handleData(context: Context, data: BarData): void {
    const currentPrice = data.current(context.asset, "close");
    const portfolioValue = context.portfolio.portfolioValue;

    // Calculate target position value
    const targetValue = portfolioValue * context.targetPct;
    const targetShares = Math.trunc(targetValue / currentPrice);

    const position = context.portfolio.positions.get(context.asset);
    const currentShares = position ? position.amount : 0;

    // Rebalance to target (order() places nothing and returns null for 0 shares)
    order(context.asset, targetShares - currentShares);
  }
}
