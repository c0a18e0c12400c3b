/*
 * Declarations of the "playground" module: the free functions.
 * One of the files listed in playground-dts-files.ts, whose `declare module "playground"`
 * blocks merge into one module; everything that checks strategies loads them all.
 *
 * The free functions are declared as `const f: TradingAlgorithm["f"]` on purpose: they then
 * share the methods' signatures and docs (hovering a call shows the method's docs, so those
 * examples use the free form), and the engine, whose parameters carry engine-only members
 * (Asset's index, Order's state), can be checked against a method type.
 */
declare module "playground" {
  // ---------------------------------------------------------------------------------------
  // The free functions: the same as the TradingAlgorithm methods of the same name
  // ---------------------------------------------------------------------------------------

  /**
   * The asset for a ticker, the same object on every call; an unknown ticker throws a
   * StrategyError listing the loaded symbols. Same as `this.symbol`.
   * @example
   * ```ts
   * context.asset = symbol("AAPL");
   * ```
   */
  export const symbol: TradingAlgorithm["symbol"];
  /**
   * Buys (amount > 0) or sells or shorts (amount < 0) whole shares. Returns the order id
   * always, also when the order is rejected, and null for amount 0. Not in initialize or analyze.
   * @example
   * ```ts
   * const id = order(context.asset, 100, { style: new LimitOrder(price) });
   * if (getOrder(id)?.status === ORDER_STATUS.REJECTED) this.log.warn(getOrder(id)!.reason);
   * ```
   */
  export const order: TradingAlgorithm["order"];
  /**
   * Orders `trunc(value / last price)` shares; negative sells. Returns the id, or null for 0 shares.
   * @example
   * ```ts
   * orderValue(context.asset, 10_000);
   * ```
   */
  export const orderValue: TradingAlgorithm["orderValue"];
  /**
   * Orders a fraction of the portfolio value (0.1 = 10%); negative sells. Returns the id, or
   * null for 0 shares.
   * @example
   * ```ts
   * orderPercent(context.asset, 0.1);
   * ```
   */
  export const orderPercent: TradingAlgorithm["orderPercent"];
  /**
   * Orders the difference to a target number of shares, counting open orders. Returns the id,
   * or null when already there.
   * @example
   * ```ts
   * orderTarget(context.asset, 0); // flatten
   * ```
   */
  export const orderTarget: TradingAlgorithm["orderTarget"];
  /**
   * Orders the difference to a target position value in dollars, counting open orders.
   * @example
   * ```ts
   * orderTargetValue(context.asset, 25_000);
   * ```
   */
  export const orderTargetValue: TradingAlgorithm["orderTargetValue"];
  /**
   * Orders the difference to a target weight of the portfolio value (0.25 = 25%), counting
   * open orders.
   * @example
   * ```ts
   * for (const a of context.assets) orderTargetPercent(a, 0.25);
   * ```
   */
  export const orderTargetPercent: TradingAlgorithm["orderTargetPercent"];
  /**
   * Open orders (OPEN, PARTIALLY_FILLED, TRIGGERED, HELD): for one asset as an array, or for
   * all as a `Map<Asset, Order[]>` when called without an asset.
   * @example
   * ```ts
   * for (const o of getOpenOrders(context.asset)) if (o.limit !== null) cancelOrder(o);
   * ```
   */
  export const getOpenOrders: TradingAlgorithm["getOpenOrders"];
  /**
   * The order with this id, or undefined.
   * @example
   * ```ts
   * const o = getOrder(context.orderId);
   * ```
   */
  export const getOrder: TradingAlgorithm["getOrder"];
  /**
   * Cancels what is left of an order; a bracket entry takes its held children along, an OCO
   * leg its partner.
   * @example
   * ```ts
   * cancelOrder(context.orderId);
   * ```
   */
  export const cancelOrder: TradingAlgorithm["cancelOrder"];
  /**
   * Sets the commission model (only in initialize).
   * @example
   * ```ts
   * setCommission(new commission.PerShare({ cost: 0.005, minTradeCost: 1 }));
   * ```
   */
  export const setCommission: TradingAlgorithm["setCommission"];
  /**
   * Sets the slippage model (only in initialize).
   * @example
   * ```ts
   * setSlippage(new slippage.FixedSlippage({ spread: 0.02 }));
   * ```
   */
  export const setSlippage: TradingAlgorithm["setSlippage"];
  /**
   * Limits positions (counting open orders); breaking orders are rejected with `POSITION_LIMIT` (only in initialize).
   * @example
   * ```ts
   * setMaxPositionSize({ asset: context.asset, maxNotional: 50_000 });
   * ```
   */
  export const setMaxPositionSize: TradingAlgorithm["setMaxPositionSize"];
  /**
   * Limits each order; larger orders are rejected with `ORDER_SIZE_LIMIT` (only in initialize).
   * @example
   * ```ts
   * setMaxOrderSize({ maxShares: 500 });
   * ```
   */
  export const setMaxOrderSize: TradingAlgorithm["setMaxOrderSize"];
  /**
   * Forbids shorts; a sell that would go short is rejected with `LONG_ONLY` (only in initialize).
   * @example
   * ```ts
   * setLongOnly();
   * ```
   */
  export const setLongOnly: TradingAlgorithm["setLongOnly"];
  /**
   * Allows borrowing up to `x` × portfolio value of gross exposure (only in initialize).
   * @example
   * ```ts
   * setMaxLeverage(1.5);
   * ```
   */
  export const setMaxLeverage: TradingAlgorithm["setMaxLeverage"];
  /**
   * Sets the starting cash (only in initialize).
   * @example
   * ```ts
   * setCash(50_000);
   * ```
   */
  export const setCash: TradingAlgorithm["setCash"];
  /**
   * Compares the run with this asset in the results (only in initialize).
   * @example
   * ```ts
   * setBenchmark(symbol("SPY"));
   * ```
   */
  export const setBenchmark: TradingAlgorithm["setBenchmark"];
  /**
   * Runs `fn(context, data)` on the sessions and at the bar the rules pick (default: every
   * day at the open), after that bar's handleData. Pass an arrow function: `fn` gets no `this`.
   * @example
   * ```ts
   * scheduleFunction((context, data) => this.rebalance(context, data), dateRules.monthStart(), timeRules.marketOpen());
   * ```
   */
  export const scheduleFunction: TradingAlgorithm["scheduleFunction"];
  /**
   * Records values for this bar, one line per name under the price chart: `record({ a, b })`
   * or `record("a", a)`.
   * @example
   * ```ts
   * record({ price, sma: prices.mean() });
   * record("zscore", z);
   * ```
   */
  export const record: TradingAlgorithm["record"];
}
