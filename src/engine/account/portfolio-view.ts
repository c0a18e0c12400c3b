import type { Asset } from "../data/asset";
import type { Ledger, Position } from "./ledger";
import type { Order } from "../orders/order";

/** `context.portfolio`: read-only numbers derived from the ledger at the latest marks. */
export class PortfolioView {
  constructor(private readonly ledger: Ledger) {}
  get cash(): number {
    return this.ledger.cashNum;
  }
  get positionsValue(): number {
    return this.ledger.positionsValue();
  }
  get portfolioValue(): number {
    return this.ledger.portfolioValue();
  }
  get startingCash(): number {
    return this.ledger.startingCash.toNumber();
  }
  /** Profit and loss since the start, commissions included. */
  get pnl(): number {
    return this.portfolioValue - this.startingCash;
  }
  /** pnl as a fraction of the starting cash. */
  get returns(): number {
    return this.pnl / this.startingCash;
  }
  get positions(): ReadonlyMap<Asset, Position> {
    return this.ledger.positions;
  }
}

/** `context.account`: exposure measures. */
export class AccountView {
  constructor(
    private readonly ledger: Ledger,
    private readonly maxLeverage: () => number | null,
  ) {}
  /** Gross exposure ÷ portfolio value. */
  get leverage(): number {
    return this.ledger.grossExposure() / this.ledger.portfolioValue();
  }
  /** Net exposure ÷ portfolio value. */
  get netLeverage(): number {
    return this.ledger.positionsValue() / this.ledger.portfolioValue();
  }
  /** Cash available for buys without borrowing, or up to the leverage limit when one is set. */
  get buyingPower(): number {
    const lev = this.maxLeverage();
    if (lev === null) return Math.max(0, this.ledger.cashNum);
    return Math.max(0, lev * this.ledger.portfolioValue() - this.ledger.grossExposure());
  }
}

/** `context.blotter`: the order book by id, the same objects as getOrder returns. */
export interface BlotterView {
  readonly orders: ReadonlyMap<string, Order>;
}
