/*
 * Declarations of the "playground" module: the strategy base class, TradingAlgorithm.
 * One of the files listed in playground-dts-files.ts, whose `declare module "playground"`
 * blocks merge into one module; everything that checks strategies loads them all.
 */
declare module "playground" {
  // ---------------------------------------------------------------------------------------
  // The strategy base class
  // ---------------------------------------------------------------------------------------

  /**
   * The base class of every strategy: a strategy module's default export extends it and
   * overrides `initialize` and `handleData`. Every function of "playground" is also a method
   * here (`this.order(...)`).
   * @example
   * ```ts
   * export default class BuyAndHold extends TradingAlgorithm {
   *   initialize(context: Context) { context.asset = this.symbol("SPY"); }
   *   handleData(context: Context, data: BarData) {
   *     if (!context.portfolio.positions.get(context.asset)) order(context.asset, 100);
   *   }
   * }
   * ```
   */
  export class TradingAlgorithm {
    /**
     * Called once before the first bar: pick assets, set commission, slippage and controls.
     * @example
     * ```ts
     * initialize(context: Context) {
     *   context.asset = this.symbol("AAPL");
     *   setCommission(new commission.PerShare({ cost: 0.005 }));
     * }
     * ```
     */
    initialize(context: Context): void;
    /**
     * Called on every bar; `data` sees bars up to and including this one. Orders placed here
     * fill on a later bar, never this one. The run reads it (and `beforeTradingStart`) once,
     * after `initialize`: one assigned during the run is not called.
     * @example
     * ```ts
     * handleData(context: Context, data: BarData) {
     *   if (data.current(context.asset, "price") > 100) order(context.asset, -10);
     * }
     * ```
     */
    handleData(context: Context, data: BarData): void;
    /**
     * Optional: called at the start of each new session day, before that bar's handleData.
     * @example
     * ```ts
     * beforeTradingStart(context: Context, data: BarData) {
     *   context.tradedToday = false;
     * }
     * ```
     */
    beforeTradingStart?(context: Context, data: BarData): void;
    /**
     * Optional: called once after the last bar with a copy of the run's results (the results JSON).
     * What it logs is printed in the command line's summary; it is not in the results.
     * @example
     * ```ts
     * analyze(context: Context, results: Results) {
     *   this.log.info(`final value ${context.portfolio.portfolioValue}, Sharpe ${results.summary.sharpe}`);
     * }
     * ```
     */
    analyze?(context: Context, results: Results): void;

    /**
     * The strategy's logger: debug, info, warning (alias warn) and error go to the Log panel,
     * stamped with the bar time.
     * @example
     * ```ts
     * this.log.info(`bought ${context.asset.symbol}`);
     * ```
     */
    get log(): Logger;

    /**
     * The asset for a ticker, the same object on every call. An unknown ticker throws a
     * StrategyError that lists the symbols the loaded data has.
     * @param symbol A ticker of the loaded data, such as `"AAPL"`.
     * @example
     * ```ts
     * context.asset = this.symbol("AAPL");
     * ```
     */
    symbol(symbol: string): Asset;

    /**
     * Buys (amount > 0) or sells or shorts (amount < 0) whole shares. Returns the order id
     * always, also when the order is rejected (check its status), and null for amount 0. A
     * NaN, infinite or fractional amount throws a StrategyError, as does ordering in
     * `initialize` or `analyze` (orders belong to handleData, beforeTradingStart and scheduled functions).
     * @param asset An asset from `this.symbol(...)`.
     * @param amount Signed whole shares.
     * @param opts `style` (market by default) and `tif` (GTC by default).
     * @example
     * ```ts
     * const id = order(context.asset, 100, { style: new LimitOrder(price) });
     * ```
     */
    order(asset: Asset, amount: number, opts?: OrderOptions): string | null;
    /**
     * Orders `trunc(value / last price)` shares: a dollar amount, negative to sell (a count within
     * 0.0001 of a whole number is that number, as zipline's round_order). Returns the id, or null
     * when that is 0 shares.
     * @param asset An asset from `this.symbol(...)`.
     * @param value Dollars; negative sells.
     * @param opts `style` and `tif`.
     * @example
     * ```ts
     * orderValue(context.asset, 10_000);
     * ```
     */
    orderValue(asset: Asset, value: number, opts?: OrderOptions): string | null;
    /**
     * Orders a fraction of the current portfolio value (0.1 = 10%), negative to sell. Returns
     * the id, or null when that is 0 shares.
     * @param asset An asset from `this.symbol(...)`.
     * @param percent A fraction of the portfolio value.
     * @param opts `style` and `tif`.
     * @example
     * ```ts
     * orderPercent(context.asset, 0.1);
     * ```
     */
    orderPercent(asset: Asset, percent: number, opts?: OrderOptions): string | null;
    /**
     * Orders the difference to a target number of shares, counting the position and the
     * remaining amounts of open orders (as zipline does). Returns the id, or null when
     * already there.
     * @param asset An asset from `this.symbol(...)`.
     * @param shares The signed shares to end up with.
     * @param opts `style` and `tif`.
     * @example
     * ```ts
     * orderTarget(context.asset, 0); // close the position
     * ```
     */
    orderTarget(asset: Asset, shares: number, opts?: OrderOptions): string | null;
    /**
     * Orders the difference to a target position value in dollars, counting open orders.
     * Returns the id, or null when already there.
     * @param asset An asset from `this.symbol(...)`.
     * @param value The dollar value to end up with (negative for a short).
     * @param opts `style` and `tif`.
     * @example
     * ```ts
     * orderTargetValue(context.asset, 25_000);
     * ```
     */
    orderTargetValue(asset: Asset, value: number, opts?: OrderOptions): string | null;
    /**
     * Orders the difference to a target weight of the portfolio value (0.25 = 25%), counting
     * open orders. Returns the id, or null when already there.
     * @param asset An asset from `this.symbol(...)`.
     * @param percent The fraction of the portfolio value to end up with.
     * @param opts `style` and `tif`.
     * @example
     * ```ts
     * for (const a of context.assets) orderTargetPercent(a, 0.25);
     * ```
     */
    orderTargetPercent(asset: Asset, percent: number, opts?: OrderOptions): string | null;

    /**
     * Every open order (OPEN, PARTIALLY_FILLED, TRIGGERED, HELD), grouped by asset; assets
     * without open orders are absent. The lists are copies.
     * @example
     * ```ts
     * for (const [asset, orders] of getOpenOrders()) for (const o of orders) cancelOrder(o);
     * ```
     */
    getOpenOrders(): Map<Asset, Order[]>;
    /**
     * The asset's open orders (OPEN, PARTIALLY_FILLED, TRIGGERED, HELD) in placement order;
     * an empty array when none. The list is a copy.
     * @param asset An asset from `this.symbol(...)`.
     * @example
     * ```ts
     * if (getOpenOrders(context.asset).length === 0) order(context.asset, 100);
     * ```
     */
    getOpenOrders(asset: Asset): Order[];
    /**
     * The order with this id, or undefined. The same object as `context.blotter.orders.get(id)`,
     * kept up to date by the engine and read-only: assigning to a field throws a TypeError.
     * @param id An id returned by an order function (`null`, what `order` returns when it placed nothing, gives undefined).
     * @example
     * ```ts
     * const o = getOrder(context.orderId);
     * if (o?.status === ORDER_STATUS.FILLED) context.entryPrice = o.avgFillPrice;
     * ```
     */
    getOrder(id: string | null | undefined): Order | undefined;
    /**
     * Cancels what is left of an order (reason `USER`); nothing happens for an order that is
     * already done. Cancelling a bracket's entry cancels its held children; cancelling one OCO
     * leg cancels the other, and the id `order()` returned for an OCO cancels every live leg,
     * also after that first leg was cancelled by its sibling's partial fill. An unknown id
     * throws a StrategyError.
     * @param orderOrId An Order or its id.
     * @example
     * ```ts
     * for (const o of getOpenOrders(context.asset)) cancelOrder(o);
     * ```
     */
    cancelOrder(orderOrId: Order | string): void;

    /**
     * Sets the commission model (only in initialize). Default
     * `commission.PerShare({ cost: 0.001, minTradeCost: 0 })`.
     * @param model A `commission.*` model.
     * @example
     * ```ts
     * setCommission(new commission.PerTrade({ cost: 1 }));
     * ```
     */
    setCommission(model: CommissionModel): void;
    /**
     * Sets the slippage model (only in initialize). Default
     * `slippage.FixedBasisPointsSlippage({ basisPoints: 5, volumeLimit: 0.1 })`.
     * @param model A `slippage.*` model.
     * @example
     * ```ts
     * setSlippage(new slippage.VolumeShareSlippage({ volumeLimit: 0.025, priceImpact: 0.1 }));
     * ```
     */
    setSlippage(model: SlippageModel): void;
    /**
     * Limits the position (counting open orders) in shares and/or dollars; an order that
     * would break it is rejected with `POSITION_LIMIT`. Without `asset` it applies to all.
     * Only in initialize, like every setting.
     * @param limit `asset?`, `maxShares?`, `maxNotional?`.
     * @example
     * ```ts
     * setMaxPositionSize({ asset: context.asset, maxShares: 1_000 });
     * ```
     */
    setMaxPositionSize(limit: SizeLimit): void;
    /**
     * Limits each order in shares and/or dollars; a larger order is rejected with
     * `ORDER_SIZE_LIMIT`. Without `asset` it applies to all.
     * @param limit `asset?`, `maxShares?`, `maxNotional?`.
     * @example
     * ```ts
     * setMaxOrderSize({ maxNotional: 20_000 });
     * ```
     */
    setMaxOrderSize(limit: SizeLimit): void;
    /**
     * Forbids short positions: a sell that would go short is rejected with `LONG_ONLY`.
     * @example
     * ```ts
     * setLongOnly();
     * ```
     */
    setLongOnly(): void;
    /**
     * Allows borrowing up to a gross exposure of `x` × portfolio value (checked at placement,
     * `MAX_LEVERAGE`, and at fill). Without it the account does not borrow and gross exposure
     * (longs plus |shorts|) may not exceed 1 × portfolio value, so a short is limited like a buy.
     * @param x A number above 0, such as 1.5.
     * @example
     * ```ts
     * setMaxLeverage(2);
     * ```
     */
    setMaxLeverage(x: number): void;
    /**
     * Sets the starting cash, overriding the run setting. Only inside initialize.
     * @param x An amount above 0.
     * @example
     * ```ts
     * setCash(50_000);
     * ```
     */
    setCash(x: number): void;
    /**
     * Compares the run with this asset (benchmark return, alpha and beta in the results); only in initialize.
     * @param asset An asset from `this.symbol(...)`.
     * @example
     * ```ts
     * setBenchmark(this.symbol("SPY"));
     * ```
     */
    setBenchmark(asset: Asset): void;
    /**
     * Runs `fn(context, data)` on the sessions the date rule picks, at the bar the time rule
     * picks, after that bar's handleData. Defaults: every day, at the open. `fn` is called
     * without `this`: pass an arrow function.
     * @param fn The function to run.
     * @param dateRule From `dateRules` (default `dateRules.everyDay()`).
     * @param timeRule From `timeRules` (default `timeRules.marketOpen()`).
     * @example
     * ```ts
     * scheduleFunction((context, data) => this.rebalance(context, data), dateRules.monthStart(), timeRules.marketOpen());
     * ```
     */
    scheduleFunction(fn: (context: Context, data: BarData) => void, dateRule?: DateRule, timeRule?: TimeRule): void;
    /**
     * Records values for this bar: one line per name under the price chart.
     * @param values Names and numbers.
     * @example
     * ```ts
     * record({ price, sma: prices.mean() });
     * ```
     */
    record(values: Record<string, number>): void;
    /**
     * Records one value for this bar: a line under the price chart.
     * @param name The line's name.
     * @param value A number.
     * @example
     * ```ts
     * record("zscore", z);
     * ```
     */
    record(name: string, value: number): void;
  }
}
