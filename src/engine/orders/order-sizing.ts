import type { Asset } from "../data/asset";
import type { BrokerState } from "../broker-state";
import { isSecondOcoLeg } from "./order";
import { StrategyError } from "../strategy-error";
import { describeValue } from "../excerpt";
import { wholeShares } from "./whole-shares";

/** shares = trunc(value / last price), as zipline's order_value (through wholeShares). */
export function sharesForValue(s: BrokerState, asset: Asset, value: number, what: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new StrategyError(`${what} value must be a finite number, got ${describeValue(value)}`);
  }
  const price = s.md.lastClose(s.md.symbol(asset?.symbol).sid);
  if (!Number.isFinite(price)) return 0;
  return wholeShares(value / price);
}

/**
 * Shares to order to reach `target`, counting the position and the remaining amounts
 * of open orders (not held bracket children, an OCO group once), as zipline does.
 */
export function targetShares(s: BrokerState, asset: Asset, target: number): number {
  const sid = s.md.symbol(asset?.symbol).sid;
  let have = s.ledger.positions.get(s.md.assets[sid]!)?.amount ?? 0;
  for (const o of s.live[sid]!) {
    if (o.status !== "HELD" && !isSecondOcoLeg(o)) have += o.openAmount;
  }
  return wholeShares(target) - have;
}
