import type { Asset } from "./asset";
import type { BarField } from "./symbol-bars";
import type { MarketData } from "./market-data";
import { Series } from "./series";
import { describeValue } from "../excerpt";
import { StrategyError } from "../strategy-error";

export type CurrentField = BarField | "price";

const FIELDS = new Set<string>(["open", "high", "low", "close", "volume", "price"]);

/**
 * The `data` argument of handleData: what the strategy may see at the current bar,
 * never beyond it. One object for the whole run, so no allocation per bar.
 */
export class BarData {
  // A private field, not TS `private`: the market data holds every bar, future ones too,
  // and user code must not reach it at run time.
  readonly #md: MarketData;
  constructor(md: MarketData) {
    this.#md = md;
  }

  /**
   * The field's value at the current bar. `price` is the close, forward-filled; the other
   * fields are the symbol's latest bar at or before now (NaN before its first bar).
   */
  current(asset: Asset, field: CurrentField): number;
  current(assets: readonly Asset[], field: CurrentField): number[];
  current(asset: Asset | readonly Asset[], field: CurrentField): number | number[] {
    const col = checkField(field);
    if (Array.isArray(asset)) return asset.map((a: Asset) => this.#value(a, col));
    return this.#value(asset as Asset, col);
  }

  /** The last `barCount` values including the current bar, oldest first; shorter at the start. */
  history(asset: Asset, field: CurrentField, barCount: number, frequency?: string): Series;
  history(assets: readonly Asset[], field: CurrentField, barCount: number, frequency?: string): Map<Asset, Series>;
  history(
    asset: Asset | readonly Asset[],
    field: CurrentField,
    barCount: number,
    frequency = "1d",
  ): Series | Map<Asset, Series> {
    const col = checkField(field);
    if (!Number.isInteger(barCount) || barCount < 1) {
      throw new StrategyError(`history barCount must be a whole number of at least 1, got ${describeValue(barCount)}`);
    }
    if (typeof frequency !== "string") throw new StrategyError(`history frequency must be a string like "1d"`);
    if (Array.isArray(asset)) {
      const out = new Map<Asset, Series>();
      for (const a of asset as readonly Asset[]) out.set(a, this.#window(a, col, barCount));
      return out;
    }
    return this.#window(asset as Asset, col, barCount);
  }

  /** True when the symbol has a bar at the current time (an order placed now can fill next bar). */
  canTrade(asset: Asset): boolean {
    return this.#md.hasBar[this.#sid(asset)] === 1;
  }

  /** True when the symbol has traded before but has no bar at the current time. */
  isStale(asset: Asset): boolean {
    const sid = this.#sid(asset);
    return this.#md.cursor[sid]! >= 0 && this.#md.hasBar[sid] === 0;
  }

  #value(asset: Asset, col: BarField): number {
    const sid = this.#sid(asset);
    const c = this.#md.cursor[sid]!;
    return c < 0 ? NaN : this.#md.bars[sid]![col][c]!;
  }

  #window(asset: Asset, col: BarField, n: number): Series {
    const sid = this.#sid(asset);
    const end = this.#md.cursor[sid]! + 1;
    const start = Math.max(0, end - n);
    return Series.view(this.#md.bars[sid]![col], start, end - start);
  }

  #sid(asset: Asset): number {
    const sid = (asset as Asset | undefined)?.sid;
    if (sid === undefined || this.#md.assets[sid] !== asset) {
      throw new StrategyError(`expected an Asset from this.symbol(...), got ${describe(asset)}`);
    }
    return sid;
  }
}

function checkField(field: string): BarField {
  if (!FIELDS.has(field)) {
    throw new StrategyError(`unknown field ${describeValue(field)}: use open, high, low, close, volume or price`);
  }
  return (field === "price" ? "close" : field) as BarField;
}

function describe(x: unknown): string {
  return typeof x === "string" ? `${describeValue(x)} (call this.symbol(...) first)` : describeValue(x);
}
