import type { Asset } from "../data/asset";
import type { BrokerState } from "../broker-state";
import { isSecondOcoLeg } from "./order";
import { StrategyError } from "../strategy-error";
import { describeValue } from "../excerpt";

/**
 * Whole shares, as zipline's round_order: a count within 0.0001 of a whole number is that number
 * (float dust: 0.57 × 100,000 / 100 is 569.9999999999999, and means 570), anything else is
 * truncated towards zero.
 */
export function wholeShares(x: number): number {
  const nearest = Math.round(x);
  return Math.abs(x - nearest) <= 1e-4 ? nearest : Math.trunc(x);
}

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
