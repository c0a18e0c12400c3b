/**
 * Fixed Dollar Amount
 * Keep about $10,000 of SPY: buy or sell the difference in shares whenever the holding drifts 5% away from that.
 * @category sizing
 */
import { TradingAlgorithm, order, type Context, type BarData } from "playground";

// Ported from the seed's "Fixed Dollar Amount".
export default class FixedDollarPosition extends TradingAlgorithm {
  override initialize(context: Context): void {
    context.asset = this.symbol("SPY");
    context.targetPositionValue = 10000; // $10,000 per position
    context.driftTolerance = 0.05; // added: see shouldRebalance
  }

  override handleData(context: Context, data: BarData): void {
    const currentPrice = data.current(context.asset, "close");

    // Calculate shares for target dollar amount (Math.trunc, like Python's int())
    const shares = Math.trunc(context.targetPositionValue / currentPrice);

    const position = context.portfolio.positions.get(context.asset);
    const currentShares = position ? position.amount : 0;

    if (this.shouldRebalance(context, shares, currentShares)) {
      // Order difference to reach target
      order(context.asset, shares - currentShares);
    }
  }

  shouldRebalance(context: Context, targetShares: number, currentShares: number): boolean {
    // The seed leaves should_rebalance to the user. Here: trade only when the holding is
    // more than 5% away from the target (or empty), so a rising SPY is trimmed now and
    // then instead of by one share every day.
    if (currentShares === 0) return targetShares > 0;
    return Math.abs(targetShares - currentShares) / currentShares > context.driftTolerance;
  }
}
