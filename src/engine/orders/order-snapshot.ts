import type { OrderSnapshot } from "../events";
import type { Order } from "./order";

/** What changes in an order between two of its events; the rest is fixed when it is placed. */
export type OrderState = Pick<
  OrderSnapshot,
  "amount" | "filled" | "status" | "reason" | "stop" | "updatedAt" | "avgFillPrice" | "commission"
>;

/** The order as it is now. */
export function snapshotOrder(o: Order): OrderSnapshot {
  return snapshotWith(o, {
    amount: o.amount,
    filled: o.filled,
    status: o.status,
    reason: o.reason,
    stop: o.stop,
    updatedAt: o.updatedAtMs,
    avgFillPrice: o.avgFillPrice,
    commission: o.commission,
  });
}

/** The order with `s` as its changing part (the event log's record of an earlier moment). */
export function snapshotWith(o: Order, s: OrderState): OrderSnapshot {
  return {
    id: o.id,
    symbol: o.asset.symbol,
    amount: s.amount,
    filled: s.filled,
    status: s.status,
    reason: s.reason,
    type: o.type,
    limit: o.limit,
    stop: s.stop,
    trailPercent: o.trailPercent,
    trailAmount: o.trailAmount,
    tif: o.tif,
    parentId: o.parentId,
    ocoId: o.ocoId,
    role: o.role,
    createdAt: o.createdAtMs,
    updatedAt: s.updatedAt,
    avgFillPrice: s.avgFillPrice,
    commission: s.commission,
  };
}
