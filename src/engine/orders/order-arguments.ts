import type { Asset } from "../data/asset";
import { describeValue } from "../excerpt";
import {
  BracketOrder,
  type ExecutionStyle,
  type LegStyle,
  LimitOrder,
  MarketOrder,
  OCOOrder,
  StopLimitOrder,
  StopOrder,
  TrailingStopOrder,
} from "./execution-styles";
import { StrategyError } from "../strategy-error";
import { normalizeTif, type Tif } from "./time-in-force";

/**
 * The order API's boundary: what a strategy passes to `order(...)` is checked here and
 * copied into engine-owned, frozen values, so nothing the strategy keeps a hand on (a
 * style object it built, or forged) can change an order after it was placed.
 */

const STYLE_NAMES = "MarketOrder, LimitOrder, StopOrder, StopLimitOrder, TrailingStopOrder, OCOOrder or BracketOrder";

/** A whole, finite number of shares; anything else is a programming mistake. */
export function checkAmount(amount: unknown): number {
  if (typeof amount !== "number" || !Number.isFinite(amount)) {
    throw new StrategyError(`order amount must be a finite number of shares, got ${describeValue(amount)}`);
  }
  if (!Number.isInteger(amount)) {
    throw new StrategyError(`order amount must be a whole number of shares, got ${amount} (use Math.trunc)`);
  }
  return amount;
}

/** The asset, when it is one of this run's (the object `this.symbol(...)` returned). */
export function checkAsset(assets: readonly Asset[], asset: unknown, what = "order"): Asset {
  const sid = typeof asset === "object" && asset !== null ? (asset as { sid?: unknown }).sid : undefined;
  if (typeof sid === "number" && assets[sid] === asset) return asset as Asset;
  throw notAnAsset(asset, what);
}

/** The message is built in a function of its own: checkAsset runs on every order and every getOpenOrders, and stays small enough to inline. */
function notAnAsset(asset: unknown, what: string): StrategyError {
  const got =
    typeof asset === "string"
      ? `${describeValue(asset)} (call this.symbol(${JSON.stringify(asset.slice(0, 12))}) first)`
      : describeValue(asset);
  return new StrategyError(`${what} takes an Asset from this.symbol(...), got ${got}`);
}

/** `{ style, tif }`, checked: a fresh frozen style and the normalized time in force. */
export function checkOrderOptions(opts: unknown): { style: ExecutionStyle; tif: Tif } {
  if (opts === undefined || opts === null) return { style: MARKET, tif: normalizeTif(undefined) };
  if (typeof opts !== "object") {
    throw new StrategyError(`order options must be an object like { style, tif }, got ${describeValue(opts)}`);
  }
  const { style, tif } = opts as { style?: unknown; tif?: unknown };
  // null is "no style" like undefined: zipline's order(..., style=None) is a market order, and
  // a port keeps a `style = null` default.
  return { style: style === undefined || style === null ? MARKET : checkStyle(style), tif: normalizeTif(tif) };
}

const MARKET: MarketOrder = Object.freeze(new MarketOrder());

/**
 * A style rebuilt through its constructor from the fields it has, so every number is
 * checked again (a forged `{ kind: "limit", limitPrice: NaN }` fails like `new LimitOrder(NaN)`)
 * and an unknown kind is an error instead of an order that never fills.
 */
export function checkStyle(style: unknown): ExecutionStyle {
  if (style === null || typeof style !== "object") {
    throw new StrategyError(`order style must be a ${STYLE_NAMES}, got ${describeValue(style)}`);
  }
  const s = style as Record<string, unknown>;
  switch (s.kind) {
    case "oco":
      return Object.freeze(
        new OCOOrder(checkLeg("OCOOrder first leg", s.first), checkLeg("OCOOrder second leg", s.second)),
      );
    case "bracket": {
      const entry = s.entryStyle === undefined ? undefined : checkLeg("BracketOrder entryStyle", s.entryStyle);
      // The params literal written out, not spread from another object (a spread copies through the slow path).
      return Object.freeze(
        new BracketOrder({
          stopLossPrice: s.stopLossPrice as number,
          takeProfitPrice: s.takeProfitPrice as number,
          entryStyle: entry as BracketOrder["entryStyle"] | undefined,
        }),
      );
    }
    default:
      return checkLeg("order style", style);
  }
}

function checkLeg(what: string, style: unknown): LegStyle {
  const s = (style !== null && typeof style === "object" ? style : {}) as Record<string, unknown>;
  const num = (k: string) => s[k] as number;
  switch (s.kind) {
    case "market":
      return MARKET;
    case "limit":
      return Object.freeze(new LimitOrder(num("limitPrice")));
    case "stop":
      return Object.freeze(new StopOrder(num("stopPrice")));
    case "stopLimit":
      return Object.freeze(new StopLimitOrder(num("limitPrice"), num("stopPrice")));
    case "trailingStop":
      return Object.freeze(
        new TrailingStopOrder({
          trailPercent: s.trailPercent === null ? undefined : num("trailPercent"),
          trailAmount: s.trailAmount === null ? undefined : num("trailAmount"),
        }),
      );
  }
  const kind = typeof s.kind === "string" ? ` with kind ${describeValue(s.kind).replace("the string ", "")}` : "";
  const got = style !== null && typeof style === "object" ? `an object${kind}` : describeValue(style);
  throw new StrategyError(
    `${what} must be a ${what === "order style" ? STYLE_NAMES : "MarketOrder, LimitOrder, StopOrder, StopLimitOrder or TrailingStopOrder"} made with new (for example new LimitOrder(101.5)), got ${got}`,
  );
}
