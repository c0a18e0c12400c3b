import type { Asset } from "./asset";
import type { BarField } from "./symbol-bars";
import type { MarketData } from "./market-data";
import { Series } from "./series";
import { describeValue } from "../excerpt";
import { StrategyError } from "../strategy-error";

export type CurrentField = BarField | "price";

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
    // Kept small, as `history` is: one asset here, read in place; a list of assets or a bad one
    // in a method of its own (the list form's callback would make this one allocate a context at
    // every call, and a larger method is not inlined into a strategy's handleData, where a number
    // it returns is then boxed into a new heap number at every call).
    const md = this.#md;
    const sid = (asset as Asset | undefined)?.sid;
    if (sid === undefined || md.assets[sid] !== asset) return this.#otherCurrent(asset, field);
    const c = md.cursor[sid]!;
    const col = checkField(field);
    return c < 0 ? Number.NaN : md.bars[sid]![col][c]!;
  }

  /** `current` of a list of assets, or of something that is not one of the run's assets (it throws). */
  #otherCurrent(asset: Asset | readonly Asset[], field: CurrentField): number | number[] {
    if (Array.isArray(asset)) return this.#values(asset as readonly Asset[], checkField(field));
    return this.#value(asset as Asset, checkField(field));
  }

  #values(assets: readonly Asset[], col: BarField): number[] {
    return assets.map((a: Asset) => this.#value(a, col));
  }

  /** The last `barCount` values including the current bar, oldest first; shorter at the start. */
  history(asset: Asset, field: CurrentField, barCount: number, frequency?: string): Series;
  history(assets: readonly Asset[], field: CurrentField, barCount: number, frequency?: string): Map<Asset, Series>;
  history(
    asset: Asset | readonly Asset[],
    field: CurrentField,
    barCount: number,
    frequency?: string,
  ): Series | Map<Asset, Series> {
    // Kept small: a strategy calls this several times a bar, and V8 inlines only so much into its
    // handleData (about 900 bytes of bytecode in all), where the compiler can then do without the
    // Series a `.mean()` reads at once. One asset and good arguments here; the rest (a list of
    // assets, a bad argument) in a method of its own, which checks them in the documented order.
    const md = this.#md;
    const sid = (asset as Asset | undefined)?.sid;
    if (
      sid === undefined ||
      md.assets[sid] !== asset ||
      !Number.isInteger(barCount) ||
      barCount < 1 ||
      (frequency !== undefined && typeof frequency !== "string")
    )
      return this.#otherHistory(asset, field, barCount, frequency);
    const end = md.cursor[sid]! + 1;
    const start = end > barCount ? end - barCount : 0;
    return Series.view(md.bars[sid]![checkField(field)], start, end - start);
  }

  /** `history` of a list of assets, or with an argument it refuses (in the order of its checks). */
  #otherHistory(
    asset: Asset | readonly Asset[],
    field: CurrentField,
    barCount: number,
    frequency = "1d",
  ): Series | Map<Asset, Series> {
    const col = checkField(field);
    if (!Number.isInteger(barCount) || barCount < 1) throw badBarCount(barCount);
    if (typeof frequency !== "string") throw badFrequency();
    if (Array.isArray(asset)) return this.#windows(asset as readonly Asset[], col, barCount);
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
    return c < 0 ? Number.NaN : this.#md.bars[sid]![col][c]!;
  }

  #window(asset: Asset, col: BarField, n: number): Series {
    const sid = this.#sid(asset);
    const end = this.#md.cursor[sid]! + 1;
    const start = end > n ? end - n : 0;
    return Series.view(this.#md.bars[sid]![col], start, end - start);
  }

  #windows(assets: readonly Asset[], col: BarField, n: number): Map<Asset, Series> {
    const out = new Map<Asset, Series>();
    for (const a of assets) out.set(a, this.#window(a, col, n));
    return out;
  }

  #sid(asset: Asset): number {
    const sid = (asset as Asset | undefined)?.sid;
    if (sid === undefined || this.#md.assets[sid] !== asset) throw notAnAsset(asset);
    return sid;
  }
}

/** The column a field reads ("price" is the close). A switch: a `Set` lookup cost more than the rest of `history`. */
function checkField(field: string): BarField {
  switch (field) {
    case "close":
    case "price":
      return "close";
    case "open":
    case "high":
    case "low":
    case "volume":
      return field;
  }
  throw new StrategyError(`unknown field ${describeValue(field)}: use open, high, low, close, volume or price`);
}

function badBarCount(barCount: unknown): StrategyError {
  return new StrategyError(`history barCount must be a whole number of at least 1, got ${describeValue(barCount)}`);
}

function badFrequency(): StrategyError {
  return new StrategyError(`history frequency must be a string like "1d"`);
}

function notAnAsset(x: unknown): StrategyError {
  const what = typeof x === "string" ? `${describeValue(x)} (call this.symbol(...) first)` : describeValue(x);
  return new StrategyError(`expected an Asset from this.symbol(...), got ${what}`);
}
