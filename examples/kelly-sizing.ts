/**
 * Kelly Criterion Position Sizing
 * Hold AAPL at half the Kelly fraction of the portfolio (16.25% for a 55% win rate and a 2:1 win/loss ratio).
 * @category sizing
 */
import { TradingAlgorithm, order, type Context, type BarData } from "playground";

// Ported from the seed's "Kelly Criterion Position Sizing".
export default class KellyPosition extends TradingAlgorithm {
  override initialize(context: Context): void {
    context.asset = this.symbol("AAPL");
    context.winRate = 0.55; // 55% win rate
    context.avgWin = 0.1; // 10% average win
    context.avgLoss = 0.05; // 5% average loss
  }

  calculateKellyFraction(context: Context): number {
    // Kelly formula: f = (p*b - q) / b
    // p = win probability
    // q = loss probability
    // b = win/loss ratio
    const p = context.winRate;
    const q = 1 - p;
    const b = context.avgWin / context.avgLoss;

    const kelly = (p * b - q) / b;
    // Use fractional Kelly for safety
    return kelly * 0.5; // Half Kelly
  }

  override handleData(context: Context, data: BarData): void {
    const currentPrice = data.current(context.asset, "close");
    const portfolioValue = context.portfolio.portfolioValue;

    // Calculate position size using Kelly
    const kellyFraction = this.calculateKellyFraction(context);
    const targetValue = portfolioValue * kellyFraction;
    const targetShares = Math.trunc(targetValue / currentPrice);

    const position = context.portfolio.positions.get(context.asset);
    const currentShares = position ? position.amount : 0;

    order(context.asset, targetShares - currentShares);
  }
}
