import type { Asset } from "../data/asset";
import { money, type Money, ZERO } from "./money";

/** A holding as users see it (`context.portfolio.positions.get(asset)`). */
export class Position {
  amount = 0;
  /** Exact signed cost of the shares held (amount × average cost). Commissions are kept apart. */
  costExact: Money = ZERO;
  lastSalePrice: number;
  constructor(
    readonly asset: Asset,
    price: number,
  ) {
    this.lastSalePrice = price;
  }
  /** Average price paid per share held (zipline's average-cost method). */
  get costBasis(): number {
    return this.amount === 0 ? 0 : this.costExact.div(this.amount).toNumber();
  }
  get marketValue(): number {
    return this.amount * this.lastSalePrice;
  }
  get unrealizedPnl(): number {
    return this.marketValue - this.costExact.toNumber();
  }
}

/**
 * Cash and positions, exact. Every fill keeps
 * cash_before − amount × price − commission = cash_after, and at any time
 * startingCash + realized + unrealized − commissions = portfolio value.
 */
export class Ledger {
  cash: Money;
  /** `cash` as a float, refreshed on every fill, for the per-bar equity point. */
  cashNum: number;
  realized: Money = ZERO;
  commissions: Money = ZERO;
  readonly positions = new Map<Asset, Position>();

  constructor(public startingCash: Money) {
    this.cash = startingCash;
    this.cashNum = startingCash.toNumber();
  }

  /** `setCash` in initialize: start over with a different amount (before any fill). */
  resetCash(startingCash: Money): void {
    this.startingCash = startingCash;
    this.cash = startingCash;
    this.cashNum = startingCash.toNumber();
  }

  /** Apply a fill of `shares` (signed) at `price`; the P&L it realizes is added to `realized`. */
  applyFill(
    asset: Asset,
    shares: number,
    price: number,
    commission: Money,
    px: Money = money(price),
    notional: Money = px.times(shares),
  ): void {
    this.cash = this.cash.minus(notional.plus(commission));
    this.cashNum = this.cash.toNumber();
    this.commissions = this.commissions.plus(commission);
    let pos = this.positions.get(asset);
    if (!pos) {
      pos = new Position(asset, price);
      this.positions.set(asset, pos);
    }
    pos.lastSalePrice = price;
    const reduces = pos.amount !== 0 && Math.sign(shares) !== Math.sign(pos.amount);
    if (!reduces) {
      pos.amount += shares;
      pos.costExact = pos.costExact.plus(notional);
    } else {
      const closing = Math.abs(shares) <= Math.abs(pos.amount) ? shares : -pos.amount;
      // Average cost: the shares closed carry their proportional part of the cost.
      const closedCost = closing === -pos.amount ? pos.costExact : pos.costExact.times(-closing).div(pos.amount);
      const realized = px.times(-closing).minus(closedCost);
      pos.amount += closing;
      pos.costExact = pos.costExact.minus(closedCost);
      const opening = shares - closing;
      if (opening !== 0) {
        pos.amount += opening;
        pos.costExact = px.times(opening);
      }
      this.realized = this.realized.plus(realized);
    }
    if (pos.amount === 0) this.positions.delete(asset);
  }

  /** Σ amount × last price, as floats (the per-bar equity point). */
  positionsValue(): number {
    let v = 0;
    for (const p of this.positions.values()) v += p.amount * p.lastSalePrice;
    return v;
  }

  grossExposure(): number {
    let v = 0;
    for (const p of this.positions.values()) v += Math.abs(p.amount * p.lastSalePrice);
    return v;
  }

  portfolioValue(): number {
    return this.cashNum + this.positionsValue();
  }

  /** Exact portfolio value at the last prices. */
  portfolioValueExact(): Money {
    let v = this.cash;
    for (const p of this.positions.values()) v = v.plus(money(p.lastSalePrice).times(p.amount));
    return v;
  }

  unrealizedExact(): Money {
    let v = ZERO;
    for (const p of this.positions.values()) v = v.plus(money(p.lastSalePrice).times(p.amount).minus(p.costExact));
    return v;
  }
}
