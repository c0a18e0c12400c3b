import type { Asset } from "../data/asset";
import type { Ledger, Position } from "./ledger";
import type { Money } from "./money";
import type { Order } from "../orders/order";
import { orderView, type OrderView } from "../orders/order-view";
import { positionView, type PositionView } from "./position-view";
import { ReadOnlyMap } from "../read-only-map";

// The views below hold the engine's objects in private fields (`#ledger`), not TS `private`
// ones: user code gets these objects, and must reach nothing through them.

/** `context.portfolio`: read-only numbers derived from the ledger at the latest marks. */
export class PortfolioView {
  readonly #ledger: Ledger;
  readonly #positions: ReadOnlyMap<Asset, Position, PositionView>;
  constructor(ledger: Ledger) {
    this.#ledger = ledger;
    this.#positions = new ReadOnlyMap(ledger.positions, positionView, "context.portfolio.positions");
  }
  get cash(): number {
    return this.#ledger.cashNum;
  }
  get positionsValue(): number {
    return this.#ledger.positionsValue();
  }
  get portfolioValue(): number {
    return this.#ledger.portfolioValue();
  }
  get startingCash(): number {
    return this.#ledger.startingCash.toNumber();
  }
  /**
   * Profit and loss since the start, commissions included. Exact, then one rounding: the float
   * difference of two large values (portfolioValue − startingCash) turned −1.10 into
   * −1.1000000000058208.
   */
  get pnl(): number {
    return this.#pnlExact().toNumber();
  }
  /** pnl as a fraction of the starting cash. */
  get returns(): number {
    return this.#pnlExact().div(this.#ledger.startingCash).toNumber();
  }
  #pnlExact(): Money {
    return this.#ledger.portfolioValueExact().minus(this.#ledger.startingCash);
  }
  /** Open positions by asset: views, read-only (the same map object on every read). */
  get positions(): ReadonlyMap<Asset, PositionView> {
    return this.#positions;
  }
}

/** `context.account`: exposure measures. */
export class AccountView {
  readonly #ledger: Ledger;
  readonly #maxLeverage: () => number | null;
  constructor(ledger: Ledger, maxLeverage: () => number | null) {
    this.#ledger = ledger;
    this.#maxLeverage = maxLeverage;
  }
  /** Gross exposure ÷ portfolio value. */
  get leverage(): number {
    return this.#ledger.grossExposure() / this.#ledger.portfolioValue();
  }
  /** Net exposure ÷ portfolio value. */
  get netLeverage(): number {
    return this.#ledger.positionsValue() / this.#ledger.portfolioValue();
  }
  /** Cash available for buys without borrowing, or up to the leverage limit when one is set. */
  get buyingPower(): number {
    const lev = this.#maxLeverage();
    if (lev === null) return Math.max(0, this.#ledger.cashNum);
    return Math.max(0, lev * this.#ledger.portfolioValue() - this.#ledger.grossExposure());
  }
}

/** `context.blotter`: every order of the run by id, as the same views getOrder returns. */
export class BlotterView {
  readonly #orders: ReadOnlyMap<string, Order, OrderView>;
  constructor(orders: ReadonlyMap<string, Order>) {
    this.#orders = new ReadOnlyMap(orders, orderView, "context.blotter.orders");
  }
  get orders(): OrderBook {
    return this.#orders;
  }
}

/** `context.blotter.orders`: `get` and `has` also take `null` (what `order()` returns when it placed nothing), as undefined and false. */
export interface OrderBook extends ReadonlyMap<string, OrderView> {
  get(id: string | null | undefined): OrderView | undefined;
  has(id: string | null | undefined): boolean;
}
