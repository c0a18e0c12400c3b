import type { Asset } from "../data/asset";
import type { Position } from "./ledger";

/**
 * A holding as user code sees it (`context.portfolio.positions.get(asset)`): read-only
 * getters over the ledger's position, kept in a private field, so `position.amount = 1e6`
 * throws a TypeError in strict mode and the exact cost the ledger keeps is not reachable.
 */
export class PositionView {
  readonly #p: Position;
  constructor(p: Position) {
    this.#p = p;
  }
  get asset(): Asset {
    return this.#p.asset;
  }
  get amount(): number {
    return this.#p.amount;
  }
  /** Average price paid per share held (zipline's average-cost method). */
  get costBasis(): number {
    return this.#p.costBasis;
  }
  get lastSalePrice(): number {
    return this.#p.lastSalePrice;
  }
  get marketValue(): number {
    return this.#p.marketValue;
  }
  get unrealizedPnl(): number {
    return this.#p.unrealizedPnl;
  }
  toJSON(): Record<string, unknown> {
    const p = this.#p;
    return { symbol: p.asset.symbol, amount: p.amount, costBasis: p.costBasis, lastSalePrice: p.lastSalePrice };
  }
}

/** The one view of a ledger position (a new one once a closed position opens again), kept on it. */
export function positionView(p: Position): PositionView {
  return (p.view ??= new PositionView(p)) as PositionView;
}
