/**
 * Robust Order Placement
 * Retry rejected AAPL orders at half the size when a 1,000-share entry breaks a $50,000 position limit.
 * @category advanced
 */
import {
  TradingAlgorithm,
  order,
  getOpenOrders,
  setMaxPositionSize,
  ORDER_STATUS,
  type Asset,
  type Context,
  type BarData,
  type OrderOptions,
} from "playground";

// Ported from the seed's "Robust Order Placement". The seed shows the retry helper only;
// the position limit and the trend rule that supply rejections are added.
export default class RobustOrdering extends TradingAlgorithm {
  override initialize(context: Context): void {
    context.asset = this.symbol("AAPL");
    context.maxRetries = 3;
    // Fixed: the seed reads and writes self.retry_count in the helper but creates
    // context.retry_count here; we use context.retryCount throughout.
    context.retryCount = new Map<Asset, number>();

    // Added: a risk limit in dollars. Orders are sized in shares (1,000), so once AAPL
    // trades above $50 a full-size entry would break the limit and is rejected with
    // POSITION_LIMIT; the retry halves it until it fits.
    setMaxPositionSize({ asset: context.asset, maxNotional: 50_000 });
  }

  override handleData(context: Context, data: BarData): void {
    // Added: the seed leaves when to order to the user. Hold AAPL while the close is
    // above its 20-day mean; no new order while one is still open.
    if (getOpenOrders(context.asset).length > 0) return;
    const prices = data.history(context.asset, "close", 20, "1d");
    const held = context.portfolio.positions.get(context.asset)?.amount ?? 0;
    if (held === 0 && prices.at(-1) > prices.mean()) {
      this.placeOrderWithRetry(context, context.asset, 1000);
    } else if (held > 0 && prices.at(-1) < prices.mean()) {
      this.placeOrderWithRetry(context, context.asset, -held);
    }
  }

  /** Place order with automatic retry on rejection. */
  placeOrderWithRetry(context: Context, asset: Asset, amount: number, style?: OrderOptions["style"]): string | null {
    try {
      const orderId = order(asset, amount, { style });
      if (orderId === null) return null; // amount 0: nothing placed

      // Check if order was rejected (checks at placement run at once, so the status is
      // already known here)
      const orderObj = context.blotter.orders.get(orderId);
      if (orderObj && orderObj.status === ORDER_STATUS.REJECTED) {
        const retryCount: number = context.retryCount.get(asset) ?? 0;

        if (retryCount < context.maxRetries) {
          this.log.warning(`Order rejected: ${orderObj.reason}, retrying (${retryCount + 1}/${context.maxRetries})`);

          // Adjust order based on rejection reason
          const adjustedAmount = this.adjustOrder(orderObj.reason ?? "", amount, context);

          context.retryCount.set(asset, retryCount + 1);
          return this.placeOrderWithRetry(context, asset, adjustedAmount, style);
        } else {
          this.log.error("Max retries reached, giving up");
          context.retryCount.set(asset, 0); // added: the next signal starts afresh
          return null;
        }
      } else {
        // Order accepted, reset retry count
        context.retryCount.set(asset, 0);
        return orderId;
      }
    } catch (e) {
      this.log.error(`Order placement error: ${e instanceof Error ? e.message : String(e)}`);
      return null;
    }
  }

  /** Adjust order based on rejection reason. */
  adjustOrder(rejectionReason: string, amount: number, _context: Context): number {
    // Python's `amount // 2` floors; Math.trunc rounds toward zero, so a halved sell never
    // grows. For the buys here the two agree.
    if (rejectionReason.includes("INSUFFICIENT_FUNDS")) {
      // Reduce order size by 50%
      return Math.trunc(amount / 2);
    } else if (rejectionReason.includes("POSITION_LIMIT")) {
      // Reduce to fit within limit
      return Math.trunc(amount / 2);
    } else {
      // No adjustment possible
      return amount;
    }
  }
}
