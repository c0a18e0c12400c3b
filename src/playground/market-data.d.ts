/*
 * Declarations of the "playground" module: assets and market data: Asset and BarData.
 * One of the files listed in playground-dts-files.ts, whose `declare module "playground"`
 * blocks merge into one module; everything that checks strategies loads them all.
 */
declare module "playground" {
  // ---------------------------------------------------------------------------------------
  // Assets and market data
  // ---------------------------------------------------------------------------------------

  /**
   * A tradable instrument. `this.symbol("AAPL")` returns the same object on every call, so
   * assets can be compared with `===` and used as Map keys.
   * @example
   * ```ts
   * context.asset = this.symbol("AAPL");
   * const position = context.portfolio.positions.get(context.asset);
   * ```
   */
  export interface Asset {
    /**
     * The ticker as it appears in the loaded data.
     * @example
     * ```ts
     * this.log.info(`trading ${context.asset.symbol}`);
     * ```
     */
    readonly symbol: string;
    /**
     * The exchange: undefined, because the data files the playground loads (CSV bars) name no
     * exchange. Declared, optional, so that code reading zipline's `asset.exchange` type-checks.
     * @example
     * ```ts
     * const venue = context.asset.exchange ?? "unknown exchange";
     * ```
     */
    readonly exchange?: string;
    /**
     * The smallest price increment, read from the data: 0.01, or finer when the symbol's prices
     * are quoted finer (EURUSD at 1.07346: 0.00001). Limit and stop prices are rounded to it.
     * @example
     * ```ts
     * const limit = price - 2 * context.asset.tickSize;
     * ```
     */
    readonly tickSize: number;
  }

  /**
   * A bar column for `data.current` and `data.history`. `"price"` is the close,
   * forward-filled.
   * @example
   * ```ts
   * const field: BarField = "close";
   * const price = data.current(context.asset, field);
   * ```
   */
  export type BarField = "open" | "high" | "low" | "close" | "volume" | "price";

  /**
   * The `data` argument of `handleData`: the market as it stands at the current bar, never
   * beyond it (no look-ahead).
   * @example
   * ```ts
   * handleData(context: Context, data: BarData) {
   *   const price = data.current(context.asset, "price");
   * }
   * ```
   */
  export interface BarData {
    /**
     * The field's value at the current bar. Every field comes from the symbol's latest bar at
     * or before now (check `data.isStale` for a symbol without a bar now); NaN before its
     * first bar.
     * @param asset An asset from `this.symbol(...)`.
     * @param field `open`, `high`, `low`, `close`, `volume` or `price` (the close, forward-filled).
     * @example
     * ```ts
     * const price = data.current(context.asset, "close");
     * ```
     */
    current(asset: Asset, field: BarField): number;
    /**
     * The field's value at the current bar for several assets, in the same order.
     * @param assets Assets from `this.symbol(...)`.
     * @param field `open`, `high`, `low`, `close`, `volume` or `price` (the close, forward-filled).
     * @example
     * ```ts
     * const [pep, ko] = data.current([context.pep, context.ko], "price");
     * ```
     */
    current(assets: readonly Asset[], field: BarField): number[];
    /**
     * The last `barCount` values of the field, oldest first, **including the current bar**.
     * Shorter near the start of the data (no padding).
     * @param asset An asset from `this.symbol(...)`.
     * @param field `open`, `high`, `low`, `close`, `volume` or `price`.
     * @param barCount How many bars, a whole number of at least 1.
     * @param frequency Accepted for zipline compatibility (`"1d"`); the loaded bars are used as they are.
     * @example
     * ```ts
     * const prices = data.history(context.asset, "close", 20, "1d");
     * if (prices.length === 20 && prices.last() < prices.mean() - 2 * prices.std()) order(context.asset, 100);
     * ```
     */
    history(asset: Asset, field: BarField, barCount: number, frequency?: string): Series;
    /**
     * The last `barCount` values of the field for several assets, each including the
     * current bar, keyed by asset.
     * @param assets Assets from `this.symbol(...)`.
     * @param field `open`, `high`, `low`, `close`, `volume` or `price`.
     * @param barCount How many bars, a whole number of at least 1.
     * @param frequency Accepted for zipline compatibility (`"1d"`); the loaded bars are used as they are.
     * @example
     * ```ts
     * const closes = data.history([context.pep, context.ko], "close", 60, "1d");
     * const spread = closes.get(context.pep)!.sub(closes.get(context.ko)!);
     * ```
     */
    history(assets: readonly Asset[], field: BarField, barCount: number, frequency?: string): Map<Asset, Series>;
    /**
     * True when the symbol has a bar at the current time, so an order placed now can fill
     * on its next bar.
     * @example
     * ```ts
     * if (data.canTrade(context.asset)) order(context.asset, 100);
     * ```
     */
    canTrade(asset: Asset): boolean;
    /**
     * True when the symbol has traded before but has no bar at the current time (its
     * `data.current` values are from an earlier bar).
     * @example
     * ```ts
     * if (data.isStale(context.asset)) return;
     * ```
     */
    isStale(asset: Asset): boolean;
  }
}
