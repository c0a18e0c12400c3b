import type { OrderSnapshot } from "../../src/engine/events";

/** An open 100-share SPY market order as the worker streams it; override what a test is about. */
export function orderSnapshot(over: Partial<OrderSnapshot> = {}): OrderSnapshot {
  return {
    id: "o1",
    symbol: "SPY",
    amount: 100,
    filled: 0,
    status: "OPEN",
    reason: null,
    type: "market",
    limit: null,
    stop: null,
    trailPercent: null,
    trailAmount: null,
    tif: "GTC",
    parentId: null,
    ocoId: null,
    role: null,
    createdAt: 0,
    updatedAt: 0,
    avgFillPrice: null,
    commission: 0,
    ...over,
  };
}
