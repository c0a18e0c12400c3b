import type { Asset } from "../data/asset";
import { ExactPrice, ExactSum } from "./exact-sum";
import { money, type Money, ZERO } from "./money";
import { PositionBook } from "./position-book";

/** A holding as users see it (`context.portfolio.positions.get(asset)`). */
export class Position {
  amount = 0;
  /** Exact signed cost of the shares held (amount × average cost). Commissions are kept apart. */
  readonly cost = new ExactSum();
  // Written by the ledger at a fill and by the bar loop's marks (`Ledger.marked`) only: the
  // ledger's sums over positions are kept between those.
  // A number from the start (not a bare declaration, which starts it as `undefined`): V8 then
  // keeps the field as a double it updates in place, where the mark to market's store every
  // bar otherwise made a new heap number per position.
  lastSalePrice = NaN;
  /** The read-only view user code gets (position-view.ts), made on first use. */
  view: object | null = null;
  constructor(
    readonly asset: Asset,
    price: number,
  ) {
    this.lastSalePrice = price;
  }
  get costExact(): Money {
    return this.cost.value;
  }
  /** Average price paid per share held (zipline's average-cost method). */
  get costBasis(): number {
    return this.amount === 0 ? 0 : this.cost.value.div(this.amount).toNumber();
  }
  get marketValue(): number {
    return this.amount * this.lastSalePrice;
  }
  /** Exact, then one rounding (as floats, 3 × 10.1 − 30.3 came out −3.6e-15, not 0). */
  get unrealizedPnl(): number {
    return money(this.lastSalePrice).times(this.amount).minus(this.cost.value).toNumber();
  }
}

/**
 * Cash and positions, exact. Every fill keeps
 * cash_before − amount × price − commission = cash_after, and at any time
 * startingCash + realized + unrealized − commissions = portfolio value.
 * The sums are ExactSums (exact-sum.ts): whole units in floats while they fit, Decimals
 * otherwise; each update below does what the Decimal expression beside it says.
 */
export class Ledger {
  readonly #cash: ExactSum;
  /** `cash` as a float, refreshed on every fill, for the per-bar equity point. */
  cashNum: number;
  readonly #realized = new ExactSum();
  readonly #commissions = new ExactSum();
  readonly positions = new PositionBook<Position>();
  /**
   * The same positions in the same order (when opened), for the loops that run every bar: an
   * iterator is an object made at each loop, an array's indexes are not.
   */
  readonly held: Position[] = this.positions.held;
  /**
   * `positionsValue()` and `grossExposure()` as last summed, NaN until summed again: they change
   * only with a fill or the bar's new prices (`marked`), and a rebalance asks for them for each
   * of its hundreds of orders, which summed every position each time (quadratic in the symbols).
   */
  #positionsValue = NaN;
  #grossExposure = NaN;
  /** Positions held short: `hasShort` without a walk over the positions. */
  #shorts = 0;

  constructor(public startingCash: Money) {
    this.#cash = new ExactSum(startingCash);
    this.cashNum = this.#cash.toNumber();
  }

  get cash(): Money {
    return this.#cash.value;
  }
  get realized(): Money {
    return this.#realized.value;
  }
  get commissions(): Money {
    return this.#commissions.value;
  }

  /** `setCash` in initialize: start over with a different amount (before any fill). */
  resetCash(startingCash: Money): void {
    this.startingCash = startingCash;
    this.#cash.set(startingCash);
    this.cashNum = this.#cash.toNumber();
  }

  /**
   * Apply a fill of `shares` (signed) at `price`; the P&L it realizes is added to `realized`.
   * `px` is the price as the exact sums take it (the order books the same fill with it).
   */
  applyFill(asset: Asset, shares: number, price: number, commission: Money, px = new ExactPrice(price)): void {
    const free = commission.isZero();
    // cash = cash − (price × shares + commission)
    if (!(free && this.#cash.tryAddPrice(px, -shares))) {
      this.#cash.setDecimal(this.#cash.value.minus(free ? px.times(shares) : px.times(shares).plus(commission)));
    }
    this.cashNum = this.#cash.toNumber();
    // commissions = commissions + commission
    if (!free) this.#commissions.addMoney(commission);
    let pos = this.positions.get(asset);
    const wasShort = pos !== undefined && pos.amount < 0;
    this.#positionsValue = this.#grossExposure = NaN;
    if (!pos) {
      pos = new Position(asset, price);
      this.positions.open(pos);
    }
    pos.lastSalePrice = price;
    const cost = pos.cost;
    const reduces = pos.amount !== 0 && Math.sign(shares) !== Math.sign(pos.amount);
    if (!reduces) {
      pos.amount += shares;
      cost.addPrice(px, shares); // cost = cost + price × shares
    } else {
      const closing = Math.abs(shares) <= Math.abs(pos.amount) ? shares : -pos.amount;
      const opening = shares - closing;
      if (closing === -pos.amount) {
        // Closes it all: the whole cost goes. realized = realized + (price × −closing − cost)
        if (!this.#realized.tryAddPriceLess(px, -closing, cost)) {
          this.#realized.addMoney(px.times(-closing).minus(cost.value));
        }
        cost.clear();
      } else {
        // Average cost: the shares closed carry their proportional part of the cost.
        if (!cost.tryClosePart(px, closing, pos.amount, this.#realized)) {
          const closedCost = cost.value.times(-closing).div(pos.amount);
          this.#realized.addMoney(px.times(-closing).minus(closedCost));
          cost.setDecimal(cost.value.minus(closedCost));
        }
      }
      pos.amount += closing;
      if (opening !== 0) {
        pos.amount += opening;
        cost.addPrice(px, opening); // cost = price × opening (it was cleared above)
      }
    }
    this.#shorts += (pos.amount < 0 ? 1 : 0) - (wasShort ? 1 : 0);
    if (pos.amount === 0) this.positions.close(pos);
  }

  /**
   * The bar loop marked every position to `lastSalePrice` and summed `amount × lastSalePrice`
   * over them in `held` order from 0, as `positionsValue` sums: that sum is kept.
   */
  marked(positionsValue: number): void {
    this.#positionsValue = positionsValue;
    this.#grossExposure = NaN;
  }

  /** Whether any position is short. */
  hasShort(): boolean {
    return this.#shorts > 0;
  }

  /** Σ amount × last price, as floats (the per-bar equity point). */
  positionsValue(): number {
    // NaN: not summed since the last change (or a NaN price, summed again each time).
    if (this.#positionsValue !== this.#positionsValue) {
      let v = 0;
      for (const p of this.held) v += p.amount * p.lastSalePrice;
      this.#positionsValue = v;
    }
    return this.#positionsValue;
  }

  grossExposure(): number {
    if (this.#grossExposure !== this.#grossExposure) {
      let v = 0;
      for (const p of this.held) v += Math.abs(p.amount * p.lastSalePrice);
      this.#grossExposure = v;
    }
    return this.#grossExposure;
  }

  portfolioValue(): number {
    return this.cashNum + this.positionsValue();
  }

  /** Exact portfolio value at the last prices. */
  portfolioValueExact(): Money {
    let v = this.#cash.value;
    for (const p of this.held) v = v.plus(money(p.lastSalePrice).times(p.amount));
    return v;
  }

  unrealizedExact(): Money {
    let v = ZERO;
    for (const p of this.held) v = v.plus(money(p.lastSalePrice).times(p.amount).minus(p.cost.value));
    return v;
  }
}
