import type { BrokerState } from "../broker-state";
import { Controls } from "./controls";
import type { BracketOrder } from "../orders/execution-styles";
import { isSecondOcoLeg, type Order } from "../orders/order";
import { placementAffordability } from "./affordability";
import { roundToTick } from "../orders/tick-rounding";
import { isoDate } from "../data/utc-day";
import { formatPrice } from "../price-text";

/**
 * Checks at placement, in the order the fill rules give: tradability, price validity,
 * long only, max order size, max position size, then what the account can afford (max
 * leverage, funds). Returns the rejection reason (code, colon, a sentence) or null when the
 * order may go in.
 */
export function placementRejection(s: BrokerState, o: Order, ref: number, bracket: BracketOrder | null): string | null {
  const { asset, amount } = o;
  const sym = asset.symbol;
  if (!Number.isFinite(ref)) {
    return `NOT_TRADABLE: ${sym} has no price yet on ${isoDate(s.clock.dt)}`;
  }

  const priceProblem = invalidPrice(o, bracket);
  if (priceProblem !== null) return `INVALID_PRICE: ${priceProblem}`;

  if (bracket) {
    const long = amount > 0;
    const entryRef = o.limit ?? ref;
    const stop = roundToTick(bracket.stopLossPrice, asset.tickSize, long);
    const target = roundToTick(bracket.takeProfitPrice, asset.tickSize, !long);
    const bad = long ? stop >= entryRef || target <= entryRef : stop <= entryRef || target >= entryRef;
    if (bad) {
      return (
        `INVALID_PRICE: a ${long ? "long" : "short"} bracket needs its stop-loss ${long ? "below" : "above"} ` +
        `and its take-profit ${long ? "above" : "below"} the entry reference ${formatPrice(entryRef, asset.tickSize)}; ` +
        `got stop-loss ${formatPrice(stop, asset.tickSize)}, take-profit ${formatPrice(target, asset.tickSize)}`
      );
    }
  }

  const position = s.ledger.positions.get(asset)?.amount ?? 0;
  const pending = pendingShares(s, o);
  const c = s.controls;
  if (c.longOnly && amount < 0 && position + pending.buys + amount < 0) {
    return `LONG_ONLY: selling ${-amount} ${sym} would go short (holding ${position}, long-only is set)`;
  }
  if (!Number.isSafeInteger(amount)) {
    return `ORDER_SIZE_LIMIT: ${Math.abs(amount)} shares is more than the engine counts exactly (${Number.MAX_SAFE_INTEGER})`;
  }
  const orderBreach = Controls.breach(c.maxOrderSize, asset, amount, ref);
  if (orderBreach) return `ORDER_SIZE_LIMIT: order for ${amount} ${sym}: ${orderBreach}`;

  const after = position + pending.net + amount;
  const posBreach = Controls.breach(c.maxPositionSize, asset, after, ref);
  if (posBreach) return `POSITION_LIMIT: ${sym} position would be ${after} shares counting open orders: ${posBreach}`;

  // The shares of a buy that buy back the short other open buys leave (they come first).
  const covering = amount > 0 ? Math.min(amount, Math.max(0, -position - pending.buys)) : 0;
  return placementAffordability(s, o, after, ref, covering);
}

/**
 * A price that is not a price once rounded to the tick: `LimitOrder(1e-9)` rounds to 0.00
 * and could never fill, a trailing stop trailing by more than the price starts below 0.
 */
function invalidPrice(o: Order, bracket: BracketOrder | null): string | null {
  const tick = o.asset.tickSize;
  if (o.limit !== null && o.limit <= 0)
    return `limit price rounds to ${o.limit} at the tick ${tick}; it must be above 0`;
  if (o.type === "trailingStop" && !(o.stop! > 0)) {
    return `the trailing stop's first level would be ${o.stop}, not above 0 (trail less than the price)`;
  } else if (o.stop !== null && o.stop <= 0) {
    return `stop price rounds to ${o.stop} at the tick ${tick}; it must be above 0`;
  }
  if (bracket) {
    const long = o.amount > 0;
    if (roundToTick(bracket.stopLossPrice, tick, long) <= 0 || roundToTick(bracket.takeProfitPrice, tick, !long) <= 0) {
      return `bracket levels round to 0 at the tick ${tick}; they must be above 0`;
    }
  }
  return null;
}

/** Remaining shares of the symbol's other live orders (held children and second OCO legs excluded). */
function pendingShares(s: BrokerState, self: Order): { net: number; buys: number } {
  let net = 0;
  let buys = 0;
  for (const x of s.live[self.asset.sid]!) {
    if (x === self || x.status === "HELD" || isSecondOcoLeg(x)) continue;
    net += x.openAmount;
    if (x.openAmount > 0) buys += x.openAmount;
  }
  return { net, buys };
}
