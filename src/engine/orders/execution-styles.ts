import { requirePositivePrice, StrategyError } from "../strategy-error";

/**
 * Execution styles, constructed by users as in zipline (`new LimitOrder(101.5)`).
 * They only describe an order; src/engine/matching/order-matcher.ts gives them meaning.
 */
export type ExecutionStyle =
  MarketOrder | LimitOrder | StopOrder | StopLimitOrder | TrailingStopOrder | OCOOrder | BracketOrder;

/** Fills at the next bar's open (`ohlc` model) or close (`close` model). */
export class MarketOrder {
  readonly kind = "market" as const;
}

/** Buys at or below, or sells at or above, `limitPrice`. */
export class LimitOrder {
  readonly kind = "limit" as const;
  readonly limitPrice: number;
  constructor(limitPrice: number) {
    this.limitPrice = requirePositivePrice("LimitOrder limitPrice", limitPrice);
  }
}

/** Becomes a market order when the price touches `stopPrice`. */
export class StopOrder {
  readonly kind = "stop" as const;
  readonly stopPrice: number;
  constructor(stopPrice: number) {
    this.stopPrice = requirePositivePrice("StopOrder stopPrice", stopPrice);
  }
}

/** Becomes a limit order at `limitPrice` when the price touches `stopPrice`. */
export class StopLimitOrder {
  readonly kind = "stopLimit" as const;
  readonly limitPrice: number;
  readonly stopPrice: number;
  constructor(limitPrice: number, stopPrice: number) {
    this.limitPrice = requirePositivePrice("StopLimitOrder limitPrice", limitPrice);
    this.stopPrice = requirePositivePrice("StopLimitOrder stopPrice", stopPrice);
  }
}

export interface TrailingStopParams {
  /** Trail as a fraction of the high-water mark: 0.03 = 3%. */
  trailPercent?: number;
  /** Trail as a price distance from the high-water mark. */
  trailAmount?: number;
}

/** A stop that follows the price: `hwm × (1 − trailPercent)` or `hwm − trailAmount`. */
export class TrailingStopOrder {
  readonly kind = "trailingStop" as const;
  readonly trailPercent: number | null;
  readonly trailAmount: number | null;
  constructor(params: TrailingStopParams) {
    const { trailPercent, trailAmount } = params ?? {};
    if ((trailPercent === undefined) === (trailAmount === undefined)) {
      throw new StrategyError("TrailingStopOrder needs exactly one of trailPercent or trailAmount");
    }
    if (trailPercent !== undefined) {
      if (!Number.isFinite(trailPercent) || trailPercent <= 0 || trailPercent >= 1) {
        throw new StrategyError(
          `TrailingStopOrder trailPercent is a fraction between 0 and 1 (0.03 = 3%), got ${trailPercent}`,
        );
      }
    } else {
      requirePositivePrice("TrailingStopOrder trailAmount", trailAmount);
    }
    this.trailPercent = trailPercent ?? null;
    this.trailAmount = trailAmount ?? null;
  }
}

/** Single-leg styles: the ones an OCO leg or a bracket entry may use. */
export type LegStyle = MarketOrder | LimitOrder | StopOrder | StopLimitOrder | TrailingStopOrder;

function requireLeg(what: string, style: unknown): LegStyle {
  const kind = (style as { kind?: unknown } | null)?.kind;
  if (kind === "market" || kind === "limit" || kind === "stop" || kind === "stopLimit" || kind === "trailingStop") {
    return style as LegStyle;
  }
  throw new StrategyError(`${what} must be a MarketOrder, LimitOrder, StopOrder, StopLimitOrder or TrailingStopOrder`);
}

/** Two live orders for the same amount; the first fill of either cancels the other. */
export class OCOOrder {
  readonly kind = "oco" as const;
  readonly first: LegStyle;
  readonly second: LegStyle;
  constructor(first: LegStyle, second: LegStyle) {
    this.first = requireLeg("OCOOrder first leg", first);
    this.second = requireLeg("OCOOrder second leg", second);
  }
}

export interface BracketParams {
  /** How to enter; a market order when omitted. */
  entryStyle?: MarketOrder | LimitOrder | StopOrder | StopLimitOrder;
  stopLossPrice: number;
  takeProfitPrice: number;
}

/** An entry plus a stop-loss and a take-profit that become an OCO pair once the entry fills. */
export class BracketOrder {
  readonly kind = "bracket" as const;
  readonly entryStyle: MarketOrder | LimitOrder | StopOrder | StopLimitOrder;
  readonly stopLossPrice: number;
  readonly takeProfitPrice: number;
  constructor(params: BracketParams) {
    const entry = params?.entryStyle ?? new MarketOrder();
    if (requireLeg("BracketOrder entryStyle", entry).kind === "trailingStop") {
      throw new StrategyError("BracketOrder entryStyle cannot be a TrailingStopOrder");
    }
    this.entryStyle = entry as BracketOrder["entryStyle"];
    this.stopLossPrice = requirePositivePrice("BracketOrder stopLossPrice", params?.stopLossPrice);
    this.takeProfitPrice = requirePositivePrice("BracketOrder takeProfitPrice", params?.takeProfitPrice);
  }
}
