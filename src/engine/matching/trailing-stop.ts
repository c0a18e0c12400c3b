import type { OrderBook } from "../broker-state";
import type { Order } from "../orders/order";

/** A trailing stop's level from its watermark; computed, not rounded to the tick. */
export function trailingLevel(o: Order): number {
  const sell = o.amount < 0;
  if (o.trailPercent !== null) return o.watermark * (sell ? 1 - o.trailPercent : 1 + o.trailPercent);
  return sell ? o.watermark - o.trailAmount! : o.watermark + o.trailAmount!;
}

/**
 * After matching: trailing stops ratchet their watermark with the bar's high (sell) or low
 * (buy), under every fill model: the close model only limits where orders are checked, not
 * what the bar's range was. The stop only ever moves toward the price.
 */
export function ratchetTrailingStops(b: OrderBook, sid: number, t: number, high: number, low: number): void {
  for (const o of b.live[sid]!) {
    // One that filled in part was hit: the rest is a market order, its level stays where it was hit.
    if (o.type !== "trailingStop" || o.placedBar >= t || o.status === "HELD" || o.filled !== 0) continue;
    const w = o.amount < 0 ? Math.max(o.watermark, high) : Math.min(o.watermark, low);
    if (w === o.watermark) continue;
    o.watermark = w;
    o.stop = trailingLevel(o);
    b.emitStopMoved(o);
  }
}
