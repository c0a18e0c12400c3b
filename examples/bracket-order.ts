/**
 * Bracket Order
 * Enter TSLA when its RSI is oversold, with a 5% stop-loss and a 10% take-profit attached as one BracketOrder.
 * @category order types
 */
import {
  TradingAlgorithm,
  order,
  BracketOrder,
  MarketOrder,
  type Context,
  type BarData,
  type Series,
} from "playground";

/**
 * Relative Strength Index over the last `window` price changes, with simple averages
 * (the seed leaves compute_rsi to the user): 100 − 100 / (1 + average gain / average loss).
 * Needs `window + 1` prices; NaN with fewer.
 */
function computeRsi(prices: Series, window: number): number {
  if (prices.length < window + 1) return NaN;
  const changes = prices.diff().values.slice(-window);
  let gains = 0;
  let losses = 0;
  for (const c of changes) {
    if (c > 0) gains += c;
    else losses -= c;
  }
  if (losses === 0) return 100;
  const rs = gains / window / (losses / window);
  return 100 - 100 / (1 + rs);
}

// Ported from the seed's "Bracket Order (Complete Risk Management)".
export default class BracketStrategy extends TradingAlgorithm {
  override initialize(context: Context): void {
    context.asset = this.symbol("TSLA");
    context.riskRewardRatio = 2.0; // 2:1 reward:risk
  }

  override handleData(context: Context, data: BarData): void {
    const currentPrice = data.current(context.asset, "close");
    const position = context.portfolio.positions.get(context.asset);

    if (position === undefined || position.amount === 0) {
      if (this.entrySignal(context, data)) {
        // Calculate stop and target prices
        const riskAmount = currentPrice * 0.05; // 5% risk
        const stopPrice = currentPrice - riskAmount;
        const targetPrice = currentPrice + riskAmount * context.riskRewardRatio;

        // Enter with automatic risk management: the entry fills at the next open, then the
        // stop-loss and take-profit go live as a pair; the first to fill cancels the other.
        order(context.asset, 100, {
          style: new BracketOrder({
            entryStyle: new MarketOrder(),
            stopLossPrice: stopPrice,
            takeProfitPrice: targetPrice,
          }),
        });

        this.log.info(
          `Bracket order: Entry $${currentPrice.toFixed(2)}, ` +
            `Stop $${stopPrice.toFixed(2)}, Target $${targetPrice.toFixed(2)}`,
        );
      }
    }
  }

  entrySignal(context: Context, data: BarData): boolean {
    // Example: RSI oversold signal. The seed asks for 14 prices, but a 14-bar RSI needs
    // 15 (14 changes between them), so we ask for window + 1.
    const window = 14;
    const prices = data.history(context.asset, "close", window + 1, "1d");
    const rsi = computeRsi(prices, window);
    return rsi < 30; // Oversold condition (false while NaN at the start)
  }
}
