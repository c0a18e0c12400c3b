import type { Broker } from "../broker";
import { Controls } from "./controls";
import { formatMoney } from "./format-money";
import type { BracketOrder } from "../orders/execution-styles";
import { estimateCommission } from "../matching/commission";
import type { Order } from "../orders/order";
import { roundToTick } from "../orders/tick-rounding";
import { isoDate } from "../data/utc-day";

/**
 * Checks at placement, in the order execution.md gives: tradability, price validity,
 * long only, max order size, max position size, max leverage, then funds. Returns the
 * rejection reason (code, colon, a sentence) or null when the order may go in.
 */
export function placementRejection(b: Broker, o: Order, ref: number, bracket: BracketOrder | null): string | null {
  const { asset, amount } = o;
  const sym = asset.symbol;
  if (!Number.isFinite(ref)) {
    return `NOT_TRADABLE: ${sym} has no price yet on ${isoDate(b.clock.dt)}`;
  }

  if (bracket) {
    const long = amount > 0;
    const entryRef = o.limit ?? ref;
    const stop = roundToTick(bracket.stopLossPrice, asset.tickSize, long);
    const target = roundToTick(bracket.takeProfitPrice, asset.tickSize, !long);
    const bad = long ? stop >= entryRef || target <= entryRef : stop <= entryRef || target >= entryRef;
    if (bad) {
      return (
        `INVALID_PRICE: a ${long ? "long" : "short"} bracket needs its stop-loss ${long ? "below" : "above"} ` +
        `and its take-profit ${long ? "above" : "below"} the entry reference ${entryRef.toFixed(2)}; ` +
        `got stop-loss ${stop.toFixed(2)}, take-profit ${target.toFixed(2)}`
      );
    }
  }

  const position = b.ledger.positions.get(asset)?.amount ?? 0;
  const pending = pendingShares(b, o);
  const c = b.controls;
  if (c.longOnly && amount < 0 && position + pending.buys + amount < 0) {
    return `LONG_ONLY: selling ${-amount} ${sym} would go short (holding ${position}, long-only is set)`;
  }
  const orderBreach = Controls.breach(c.maxOrderSize, asset, amount, ref);
  if (orderBreach) return `ORDER_SIZE_LIMIT: order for ${amount} ${sym}: ${orderBreach}`;

  const after = position + pending.net + amount;
  const posBreach = Controls.breach(c.maxPositionSize, asset, after, ref);
  if (posBreach) return `POSITION_LIMIT: ${sym} position would be ${after} shares counting open orders: ${posBreach}`;

  const pv = b.ledger.portfolioValue();
  if (c.maxLeverage !== null) {
    const mine = b.ledger.positions.get(asset);
    const gross = b.ledger.grossExposure() - Math.abs(mine?.marketValue ?? 0) + Math.abs(after * ref);
    if (gross > c.maxLeverage * pv) {
      return `MAX_LEVERAGE: gross exposure would be ${(gross / pv).toFixed(2)}x the portfolio value, the limit is ${c.maxLeverage}x`;
    }
  }

  if (amount > 0) {
    const need = estimateBuy(b, amount, ref);
    let others = 0;
    for (const list of b.live) {
      for (const x of list) {
        if (x === o || x.openAmount <= 0 || x.status === "HELD" || isSecondOcoLeg(x)) continue;
        others += estimateBuy(b, x.openAmount, b.md.lastClose(x.asset.sid));
      }
    }
    const available = pv * (c.maxLeverage ?? 1) - others;
    if (need > available) {
      return `INSUFFICIENT_FUNDS: buying ${amount} ${sym} needs ~$${formatMoney(need)}, available $${formatMoney(available)}`;
    }
  }
  return null;
}

/** The estimate the funds check uses: last close × shares × (1 + bp), plus commission. */
function estimateBuy(b: Broker, shares: number, price: number): number {
  const cost = price * shares * b.slippage.estimateFactor;
  return cost + estimateCommission(b.commission, shares, price, 0, 0);
}

/** Remaining shares of the symbol's other live orders (held children and second OCO legs excluded). */
function pendingShares(b: Broker, self: Order): { net: number; buys: number } {
  let net = 0;
  let buys = 0;
  for (const x of b.live[self.asset.sid]!) {
    if (x === self || x.status === "HELD" || isSecondOcoLeg(x)) continue;
    net += x.openAmount;
    if (x.openAmount > 0) buys += x.openAmount;
  }
  return { net, buys };
}

/** OCO legs share one amount; count the group once, by its first leg. */
export function isSecondOcoLeg(o: Order): boolean {
  return o.ocoId !== null && o.ocoId !== o.id;
}
