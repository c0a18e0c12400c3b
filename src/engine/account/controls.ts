import type { Asset } from "../data/asset";
import { StrategyError } from "../strategy-error";
import { formatMoney } from "./format-money";

/** Size limits set with setMaxOrderSize / setMaxPositionSize; an unset asset applies to all. */
export interface SizeLimit {
  asset?: Asset;
  maxShares?: number;
  maxNotional?: number;
}

/** Trading controls set in `initialize`, checked at placement (docs/fill-rules.md, "Checks when you place an order"). */
export class Controls {
  longOnly = false;
  maxLeverage: number | null = null;
  readonly maxOrderSize: SizeLimit[] = [];
  readonly maxPositionSize: SizeLimit[] = [];

  static checkLimit(what: string, limit: SizeLimit): SizeLimit {
    for (const key of ["maxShares", "maxNotional"] as const) {
      const v = limit?.[key];
      if (v !== undefined && (!Number.isFinite(v) || v < 0)) {
        throw new StrategyError(`${what} ${key} must be a number of at least 0, got ${v}`);
      }
    }
    return { ...limit };
  }

  /** The first limit the size breaks, described for a reason string, or null. */
  static breach(limits: readonly SizeLimit[], asset: Asset, shares: number, price: number): string | null {
    for (const l of limits) {
      if (l.asset && l.asset !== asset) continue;
      if (l.maxShares !== undefined && Math.abs(shares) > l.maxShares) {
        return `${Math.abs(shares)} shares is over the limit of ${l.maxShares}`;
      }
      if (l.maxNotional !== undefined && Math.abs(shares) * price > l.maxNotional) {
        return `$${formatMoney(Math.abs(shares) * price)} is over the limit of $${formatMoney(l.maxNotional)}`;
      }
    }
    return null;
  }
}
