/**
 * Pairs Trading
 * Trade the PEP − KO spread's 30-day z-score: short the rich leg, buy the cheap one beyond ±2, close inside ±0.5.
 * @category multi-asset
 */
import { TradingAlgorithm, order, type Context, type BarData } from "playground";

// Ported from the seed's "Pairs Trading". In the sample data PEP = KO + $42 + a
// mean-reverting spread, so the pair does drift apart and come back.
export default class PairsTrading extends TradingAlgorithm {
  override initialize(context: Context): void {
    context.asset1 = this.symbol("PEP");
    context.asset2 = this.symbol("KO");
    context.lookback = 30;
    context.entryZscore = 2.0;
    context.exitZscore = 0.5;
  }

  override handleData(context: Context, data: BarData): void {
    // Get price history
    const prices1 = data.history(context.asset1, "close", context.lookback, "1d");
    const prices2 = data.history(context.asset2, "close", context.lookback, "1d");
    if (prices1.length < context.lookback) return; // added: wait for a full window

    // Calculate spread and z-score
    const spread = prices1.sub(prices2);
    const zscore = (spread.at(-1) - spread.mean()) / spread.std();

    const pos1 = context.portfolio.positions.get(context.asset1);
    const pos2 = context.portfolio.positions.get(context.asset2);

    // Entry logic
    if (Math.abs(zscore) > context.entryZscore) {
      // Fixed: the seed orders another 100/100 on every bar the z-score stays beyond ±2,
      // and a jump from +2 to −2 would order the opposite pair on top of the open one.
      // We enter only when flat, as its own advice says: check existing positions first.
      if (pos1 === undefined && pos2 === undefined) {
        if (zscore > 0) {
          // Asset1 overpriced, asset2 underpriced
          // Short asset1, long asset2
          order(context.asset1, -100);
          order(context.asset2, 100);
        } else {
          // Asset1 underpriced, asset2 overpriced
          // Long asset1, short asset2
          order(context.asset1, 100);
          order(context.asset2, -100);
        }
      }
    }
    // Exit logic
    else if (Math.abs(zscore) < context.exitZscore) {
      // Close positions
      if (pos1 && pos1.amount !== 0) {
        order(context.asset1, -pos1.amount);
      }
      if (pos2 && pos2.amount !== 0) {
        order(context.asset2, -pos2.amount);
      }
    }
  }
}
