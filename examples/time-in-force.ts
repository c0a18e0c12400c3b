/**
 * Time in Force
 * Enter SPY with DAY limit orders, take profit with a two-week GTD limit, then exit with FOK and IOC limits.
 * @category order management
 */
import { TradingAlgorithm, order, getOpenOrders, LimitOrder, type Context, type BarData } from "playground";

const DAY_MS = 86_400_000;

// Not in the seed: the gallery's time-in-force demo, written in the seed's style.
export default class TimeInForceDemo extends TradingAlgorithm {
  override initialize(context: Context): void {
    context.asset = this.symbol("SPY");
    context.entryDiscount = 0.005; // DAY bid 0.5% below the close
    context.takeProfitPct = 0.03; // GTD offer 3% above the cost basis...
    context.takeProfitDays = 14; // ...good for 14 calendar days
    context.takeProfitTried = false; // has the GTD offer been tried for this position?
    context.fokTried = false; // has the all-or-nothing FOK exit been tried?
  }

  override handleData(context: Context, data: BarData): void {
    if (getOpenOrders(context.asset).length > 0) return; // one order at a time
    const currentPrice = data.current(context.asset, "close");
    const position = context.portfolio.positions.get(context.asset);

    if (position === undefined) {
      // DAY: bid a little below the close. With daily bars the order can fill only on the
      // next bar; otherwise it ends EXPIRED (reason EXPIRED_DAY) and we bid again.
      order(context.asset, 100, { style: new LimitOrder(currentPrice * (1 - context.entryDiscount)), tif: "DAY" });
      context.takeProfitTried = false;
      context.fokTried = false;
    } else if (!context.takeProfitTried) {
      // GTD: offer the position 3% above its cost until a date two weeks away; after the
      // last bar on or before that date it ends EXPIRED (reason EXPIRED_GTD).
      const until = new Date(context.datetime.getTime() + context.takeProfitDays * DAY_MS);
      order(context.asset, -position.amount, {
        style: new LimitOrder(position.costBasis * (1 + context.takeProfitPct)),
        tif: { gtd: until },
      });
      context.takeProfitTried = true;
    } else if (!context.fokTried) {
      // The take-profit expired: offer the whole position at today's close, all or nothing (FOK).
      // If the next bar cannot fill every share at that limit, nothing fills and the order ends
      // CANCELLED (reason FOK_UNFILLED).
      order(context.asset, -position.amount, { style: new LimitOrder(currentPrice), tif: "FOK" });
      context.fokTried = true;
    } else {
      // Then get out with IOC at today's close. Whatever does not fill on the next bar is
      // cancelled (reason IOC_UNFILLED), and we try again.
      order(context.asset, -position.amount, { style: new LimitOrder(currentPrice), tif: "IOC" });
    }
  }
}
