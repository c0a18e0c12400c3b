import type { OrderBook } from "../broker-state";
import type { Order } from "./order";
import { isoDate, utcDay } from "../data/utc-day";

/**
 * Step 2 of the bar loop. IOC and FOK orders end after the first bar they were matched
 * on; a DAY order lives through the session of the first bar after it was placed (the last
 * bar of the data ends its session too); a GTD order expires after the last bar on or before
 * its date.
 */
export function expireOrders(b: OrderBook, t: number): void {
  for (const list of b.live) {
    // Ending an order can end others in the same list (an OCO leg, held children), so
    // start over after each; no copy of the list per bar when nothing ends.
    for (let i = 0; i < list.length; i++) {
      if (endIfDue(b, list[i]!, t)) i = -1;
    }
  }
}

function endIfDue(b: OrderBook, o: Order, t: number): boolean {
  const tif = o.tifSpec;
  if (tif.kind === "GTC" || o.status === "HELD" || o.placedBar >= t || !o.isOpen) return false; // GTC never expires
  const timeline = b.md.timeline;
  const now = timeline[t]!;
  const next = t + 1 < timeline.length ? timeline[t + 1]! : NaN;
  const left = Math.abs(o.openAmount);
  if (tif.kind === "IOC" && o.firstMatchBar === t) {
    b.cancel(o, `IOC_UNFILLED: ${left} of ${Math.abs(o.amount)} shares did not fill on the first bar`);
    return true;
  }
  if (tif.kind === "FOK" && o.firstMatchBar === t) {
    b.cancel(o, `FOK_UNFILLED: the order could not fill completely on the first bar`);
    return true;
  }
  if (tif.kind === "DAY") {
    const session = utcDay(timeline[o.placedBar + 1]!);
    // The session ends at its last bar. The end of the data ends it too (docs/fill-rules.md): with
    // daily bars the session is the bar, so an order whose session is the last bar expires on it.
    const ends = utcDay(now) > session || (utcDay(now) === session && utcDay(next) !== session);
    if (!ends) return false;
    const day = isoDate(now);
    expire(b, o, `EXPIRED_DAY: day order not filled by the end of ${day}'s session`);
    return true;
  }
  if (tif.kind === "GTD" && (now > tif.until || (Number.isFinite(next) && next > tif.until))) {
    expire(b, o, `EXPIRED_GTD: not filled by ${tif.label}`);
    return true;
  }
  return false;
}

function expire(b: OrderBook, o: Order, reason: string): void {
  b.transition(o, "OrderExpired", reason);
  b.afterDone(o, Infinity);
}
