import type { BrokerState } from "../broker-state";
import { estimateCommission } from "../matching/commission";
import { formatMoney } from "./format-money";
import { formatPrice } from "../price-text";
import { money } from "./money";
import { isSecondOcoLeg, type Order } from "../orders/order";

/**
 * What the account can afford, in one place: the estimate at placement (funds and gross
 * leverage, counting other open buys) and the exact cut at fill time. Without a leverage
 * limit there is no borrowing: buys are paid from cash, and the gross exposure (longs plus
 * |shorts|) may not pass 1x the portfolio value, so a short is limited like a buy. With
 * `setMaxLeverage(x)` the gross exposure may reach x times the portfolio value.
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
export function placementAffordability(
  s: BrokerState,
  o: Order,
  after: number,
  ref: number,
  covering: number,
): string | null {
  const { asset, amount } = o;
  const c = s.controls;
  const pv = s.ledger.portfolioValue();
  if (c.maxLeverage !== null) {
    const mine = s.ledger.positions.get(asset);
    const gross = s.ledger.grossExposure() - Math.abs(mine?.marketValue ?? 0) + Math.abs(after * ref);
    if (gross > c.maxLeverage * pv) {
      return `MAX_LEVERAGE: gross exposure would be ${(gross / pv).toFixed(2)}x the portfolio value, the limit is ${c.maxLeverage}x`;
    }
  } else if (amount < 0 && after < 0 && -after * ref > pv) {
    // Without setMaxLeverage gross exposure may not pass 1x, shorts included. Buys are held to
    // it by the funds check below; a short that alone passes it is rejected here. The whole
    // book is checked at fill time, so a rebalance may still sell after it buys.
    return (
      `MAX_LEVERAGE: a short of ${-after} ${asset.symbol} counting open orders is ~$${formatMoney(-after * ref)}, ` +
      `over 1x the portfolio value $${formatMoney(pv)} (the default limit; setMaxLeverage raises it)`
    );
  }
  // Buying back a short only reduces, as selling a long does: the short's proceeds are in cash
  // and the fill-time cash check still holds. Only the shares beyond it need funds, else a
  // short that went against the account (its value over the portfolio value) could not be closed.
  const opening = amount - covering;
  if (opening <= 0) return null;
  const need = estimateBuy(s, opening, ref);
  // The other open buys (`o` is not live yet).
  const available = pv * (c.maxLeverage ?? 1) - s.openBuys.sum(s);
  if (need > available) {
    const beyond = covering > 0 ? ` (${opening} beyond the ${covering} that buy back the short)` : "";
    return `INSUFFICIENT_FUNDS: buying ${amount} ${asset.symbol}${beyond} needs ~$${formatMoney(need)}, available $${formatMoney(available)}`;
  }
  return null;
}

/**
 * The estimate summed over the open buys a new buy must leave room for: live, not held, not an
 * OCO's second leg (which fills only if the first does not). A rebalance places hundreds of
 * orders on one bar, and summing every live order for each of them made placement quadratic in
 * the symbols. So the sum is kept: the broker bumps `version` at every order transition and
 * fill and at a change of cost model, and the sum is made again (symbol by symbol, in placement order) when the bar or the
 * version moved, except that a buy placed since is added at the end of it (`placed`).
 */
export class OpenBuys {
  version = 0;
  #t = -1;
  /** The version the sum counts up to. */
  #at = -1;
  #sum = 0;

  sum(s: BrokerState): number {
    if (this.#t !== s.clock.t || this.#at !== this.version) {
      let sum = 0;
      for (let sid = 0; sid < s.live.length; sid++) {
        // The symbol's short, bought back by its open buys first in placement order, as at placement.
        let short = -Math.min(0, s.ledger.positions.get(s.md.assets[sid]!)?.amount ?? 0);
        for (const x of s.live[sid]!) {
          if (!counted(x)) continue;
          const covering = Math.min(short, x.openAmount);
          short -= covering;
          if (x.openAmount > covering) sum += estimateBuy(s, x.openAmount - covering, s.md.lastClose(x.asset.sid));
        }
      }
      this.#sum = sum;
      this.#t = s.clock.t;
      this.#at = this.version;
    }
    return this.#sum;
  }

  /** `o` went live (its transition made); `before` is the version before it did. */
  placed(s: BrokerState, o: Order, before: number): void {
    if (this.#t !== s.clock.t || this.#at !== before) return;
    // A buy into a short may buy part of it back: `sum` works that out again (rare).
    if (counted(o) && (s.ledger.positions.get(o.asset)?.amount ?? 0) < 0) return;
    if (counted(o)) this.#sum += estimateBuy(s, o.openAmount, s.md.lastClose(o.asset.sid));
    this.#at = this.version;
  }
}

function counted(x: Order): boolean {
  return x.openAmount > 0 && x.status !== "HELD" && !isSecondOcoLeg(x);
}

/**
 * At fill time: how many of `shares` cash (no borrowing by default) and the gross exposure
 * limit (1x the portfolio value by default, x with `setMaxLeverage(x)`) allow at `price`.
 * What cannot be afforded is cut, with the reason in `cut`. One per matcher, its fields reset
 * by each call: a fill makes no closure or result object.
 */
export class FillAffordability {
  /** Why the last call cut the order, or null. */
  cut: string | null = null;
  // The last call's inputs, for `cashOk` / `grossOk`.
  #s!: BrokerState;
  #o!: Order;
  #price = 0;
  #sign = 0;
  #amt = 0;
  /** Whether cash limits the fill (no leverage limit, a buy), and that cash as a float. */
  #checkCash = false;
  #cash = 0;
  /** Whether the gross exposure limits it, the other positions' exposure and the limit. */
  #checkGross = false;
  #others = 0;
  #limit = 0;

  /** The shares of `shares` that may fill now; `cut` says why when fewer. */
  shares(s: BrokerState, o: Order, shares: number, price: number): number {
    this.cut = null;
    const sign = Math.sign(o.openAmount);
    if (sign < 0 && s.controls.longOnly) {
      // Long only holds at fill time too: a sell accepted against buys that never filled
      // would otherwise go short. Selling what is held only reduces, so nothing else applies.
      const held = Math.max(0, s.ledger.positions.get(o.asset)?.amount ?? 0);
      if (shares <= held) return shares;
      this.cut = `LONG_ONLY: holding ${held} ${o.asset.symbol}, so ${held} of ${shares} shares could sell without going short`;
      return held;
    }
    const lev = s.controls.maxLeverage;
    const pos = s.ledger.positions.get(o.asset);
    const amt = pos?.amount ?? 0;
    this.#s = s;
    this.#o = o;
    this.#price = price;
    this.#sign = sign;
    this.#amt = amt;
    // Gross exposure: what only reduces the position always passes; the rest may take the
    // book's longs plus |shorts| up to the limit. Without setMaxLeverage a long-only book
    // cannot break 1x once cash covers the buy, so the sum over positions is skipped there.
    this.#checkGross = lev !== null || (sign < 0 ? amt - shares < 0 : s.ledger.hasShort());
    if (this.#checkGross) {
      this.#others = s.ledger.grossExposure() - Math.abs(pos?.marketValue ?? 0);
      this.#limit = (lev ?? 1) * s.ledger.portfolioValue();
    }
    this.#checkCash = lev === null && sign > 0;
    if (this.#checkCash) this.#cash = s.ledger.cashNum;
    if (this.#ok(shares)) return shares;
    let lo = 0;
    let hi = shares;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (this.#ok(mid)) lo = mid;
      else hi = mid - 1;
    }
    const code =
      this.#checkGross && !this.#grossOk(lo + 1)
        ? `MAX_LEVERAGE: the ${lev ?? 1}x gross exposure limit${lev === null ? " (the default; setMaxLeverage raises it)" : ""} allows`
        : `INSUFFICIENT_FUNDS: cash $${formatMoney(s.ledger.cashNum)} covers`;
    this.cut = `${code} ${lo} of ${shares} ${o.asset.symbol} shares at ${formatPrice(price, o.asset.tickSize)}`;
    return lo;
  }

  #ok(n: number): boolean {
    return (!this.#checkCash || this.#cashOk(n)) && (!this.#checkGross || this.#grossOk(n));
  }

  #grossOk(n: number): boolean {
    const after = this.#amt + this.#sign * n;
    return this.#others + Math.abs(after * this.#price) <= this.#limit || Math.abs(after) <= Math.abs(this.#amt);
  }

  /** Floats decide the clear cases; near the edge the exact cost decides, so cash never goes below 0. */
  #cashOk(n: number): boolean {
    const s = this.#s;
    const o = this.#o;
    const price = this.#price;
    const cash = this.#cash;
    const e = n * price + estimateCommission(s.commission, n, price, o.filled, o.commissionNum);
    if (e < cash - 1e-6 * Math.abs(cash) - 0.01) return true;
    if (e > cash + 1e-6 * Math.abs(cash) + 0.01) return false;
    return money(price)
      .times(n)
      .plus(s.commission.charge(n, price, o.filled, o.commissionExact))
      .lte(s.ledger.cash);
  }
}
