import type { BrokerState } from "../broker-state";
import { estimateCommission } from "../matching/commission";
import { formatMoney } from "./format-money";
import { money } from "./money";
import { isSecondOcoLeg, type Order } from "../orders/order";

/**
 * What the account can afford, in one place: the estimate at placement (funds and gross
 * leverage, counting other open buys) and the exact cut at fill time. Without a leverage
 * limit there is no borrowing: buys are paid from cash. With `setMaxLeverage(x)` the gross
 * exposure may reach x times the portfolio value.
 */

/** The estimate the funds check uses: last close × shares × (1 + bp), plus commission. */
function estimateBuy(s: BrokerState, shares: number, price: number): number {
  const cost = price * shares * s.slippage.estimateFactor;
  return cost + estimateCommission(s.commission, shares, price, 0, 0);
}

/**
 * At placement: MAX_LEVERAGE when the position would be `after` shares, then
 * INSUFFICIENT_FUNDS for a buy, counting the other open buys. The reason, or null.
 */
export function placementAffordability(s: BrokerState, o: Order, after: number, ref: number): string | null {
  const { asset, amount } = o;
  const c = s.controls;
  const pv = s.ledger.portfolioValue();
  if (c.maxLeverage !== null) {
    const mine = s.ledger.positions.get(asset);
    const gross = s.ledger.grossExposure() - Math.abs(mine?.marketValue ?? 0) + Math.abs(after * ref);
    if (gross > c.maxLeverage * pv) {
      return `MAX_LEVERAGE: gross exposure would be ${(gross / pv).toFixed(2)}x the portfolio value, the limit is ${c.maxLeverage}x`;
    }
  }
  if (amount <= 0) return null;
  const need = estimateBuy(s, amount, ref);
  let others = 0;
  for (const list of s.live) {
    for (const x of list) {
      if (x === o || x.openAmount <= 0 || x.status === "HELD" || isSecondOcoLeg(x)) continue;
      others += estimateBuy(s, x.openAmount, s.md.lastClose(x.asset.sid));
    }
  }
  const available = pv * (c.maxLeverage ?? 1) - others;
  if (need > available) {
    return `INSUFFICIENT_FUNDS: buying ${amount} ${asset.symbol} needs ~$${formatMoney(need)}, available $${formatMoney(available)}`;
  }
  return null;
}

/**
 * At fill time: how many of `shares` cash (no borrowing by default) or the leverage limit
 * allows at `price`. What cannot be afforded is cut, with the reason in `cut`.
 */
export function affordableShares(
  s: BrokerState,
  o: Order,
  shares: number,
  price: number,
): { shares: number; cut: string | null } {
  const sign = Math.sign(o.openAmount);
  if (sign < 0 && s.controls.longOnly) {
    // Long only holds at fill time too: a sell accepted against buys that never filled
    // would otherwise go short. Selling what is held only reduces, so nothing else applies.
    const held = Math.max(0, s.ledger.positions.get(o.asset)?.amount ?? 0);
    if (shares <= held) return { shares, cut: null };
    return {
      shares: held,
      cut: `LONG_ONLY: holding ${held} ${o.asset.symbol}, so ${held} of ${shares} shares could sell without going short`,
    };
  }
  const lev = s.controls.maxLeverage;
  let ok: (n: number) => boolean;
  let code: string;
  if (lev === null) {
    if (sign < 0) return { shares, cut: null };
    const cash = s.ledger.cashNum;
    const estimate = (n: number) => n * price + estimateCommission(s.commission, n, price, o.filled, o.commissionNum);
    // Floats decide the clear cases; near the edge the exact cost decides, so cash never goes below 0.
    const exact = (n: number) =>
      money(price)
        .times(n)
        .plus(s.commission.charge(n, price, o.filled, o.commissionExact))
        .lte(s.ledger.cash);
    ok = (n) => {
      const e = estimate(n);
      return e < cash - 1e-6 * Math.abs(cash) - 0.01
        ? true
        : e > cash + 1e-6 * Math.abs(cash) + 0.01
          ? false
          : exact(n);
    };
    code = `INSUFFICIENT_FUNDS: cash $${cash.toFixed(2)} covers`;
  } else {
    const pos = s.ledger.positions.get(o.asset);
    const amt = pos?.amount ?? 0;
    const others = s.ledger.grossExposure() - Math.abs(pos?.marketValue ?? 0);
    const limit = lev * s.ledger.portfolioValue();
    ok = (n) => others + Math.abs((amt + sign * n) * price) <= limit || Math.abs(amt + sign * n) <= Math.abs(amt);
    code = `MAX_LEVERAGE: the ${lev}x gross exposure limit allows`;
  }
  if (ok(shares)) return { shares, cut: null };
  let lo = 0;
  let hi = shares;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ok(mid)) lo = mid;
    else hi = mid - 1;
  }
  return { shares: lo, cut: `${code} ${lo} of ${shares} ${o.asset.symbol} shares at ${price.toFixed(2)}` };
}
