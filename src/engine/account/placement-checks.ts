import type { BrokerState } from "../broker-state";
import { Controls } from "./controls";
import type { BracketOrder } from "../orders/execution-styles";
import { isSecondOcoLeg, type Order } from "../orders/order";
import { placementAffordability } from "./affordability";
import { roundToTick } from "../orders/tick-rounding";

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
    return `NOT_TRADABLE: ${sym} has no price yet on ${new Date(s.clock.dt).toISOString().slice(0, 10)}`;
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

  const position = s.ledger.positions.get(asset)?.amount ?? 0;
  const pending = pendingShares(s, o);
  const c = s.controls;
  if (c.longOnly && amount < 0 && position + pending.buys + amount < 0) {
    return `LONG_ONLY: selling ${-amount} ${sym} would go short (holding ${position}, long-only is set)`;
  }
  const orderBreach = Controls.breach(c.maxOrderSize, asset, amount, ref);
  if (orderBreach) return `ORDER_SIZE_LIMIT: order for ${amount} ${sym}: ${orderBreach}`;

  const after = position + pending.net + amount;
  const posBreach = Controls.breach(c.maxPositionSize, asset, after, ref);
  if (posBreach) return `POSITION_LIMIT: ${sym} position would be ${after} shares counting open orders: ${posBreach}`;

  return placementAffordability(s, o, after, ref);
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
