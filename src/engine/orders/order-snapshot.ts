import type { OrderSnapshot } from "../events";
import type { Order } from "./order";

export function snapshotOrder(o: Order): OrderSnapshot {
  return {
    id: o.id,
    symbol: o.asset.symbol,
    amount: o.amount,
    filled: o.filled,
    status: o.status,
    reason: o.reason,
    type: o.type,
    limit: o.limit,
    stop: o.stop,
    trailPercent: o.trailPercent,
    trailAmount: o.trailAmount,
    tif: o.tif,
    parentId: o.parentId,
    ocoId: o.ocoId,
    role: o.role,
    createdAt: o.createdAtMs,
    updatedAt: o.updatedAtMs,
    avgFillPrice: o.avgFillPrice,
    commission: o.commission,
  };
}
