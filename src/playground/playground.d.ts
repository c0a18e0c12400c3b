/*
 * Type declarations of the "playground" module: what users' strategies are checked against,
 * in the editor (Monaco's TypeScript worker, via addExtraLib) and by the CLI's type check.
 *
 * This file is a global script (no top-level import or export) and refers to nothing outside
 * itself except ES2022 library types, because it is loaded as-is into both. Its doc comments
 * are the editor's hover help: every declaration has a sentence and an @example.
 *
 * src/playground/playground-types-check.ts proves that src/engine/api/playground.ts satisfies it,
 * both ways. The free functions are declared as `const f: TradingAlgorithm["f"]` on purpose:
 * they then share the methods' signatures and docs (hovering a call shows the method's docs,
 * so those examples use the free form), and the engine, whose parameters carry engine-only
 * members (Asset's index, Order's state), can be checked against a method type.
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
     * The exchange, when the data names one; otherwise undefined.
     * @example
     * ```ts
     * const venue = context.asset.exchange ?? "unknown exchange";
     * ```
     */
    readonly exchange?: string;
    /**
     * The smallest price increment (0.01 unless the data says otherwise). Limit and stop
     * prices are rounded to it.
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

  /**
   * A read-only run of numbers, oldest first, like a one-column pandas Series.
   * `data.history` returns one; every method returns a new Series and never changes the one
   * it is called on.
   * @example
   * ```ts
   * const prices = data.history(context.asset, "close", 20);
   * const z = (prices.last() - prices.mean()) / prices.std();
   * ```
   */
  export class Series {
    /**
     * Wraps the numbers (no copy). Mostly for tests and indicators of your own.
     * @example
     * ```ts
     * const s = new Series(new Float64Array([1, 2, 3]));
     * s.mean(); // 2
     * ```
     */
    constructor(values: Float64Array);
    /**
     * The numbers themselves, oldest first. For `data.history` this is a view on the
     * engine's bars: read it, never write into it (use `toArray()` for a copy).
     * @example
     * ```ts
     * const closes = data.history(context.asset, "close", 5).values;
     * ```
     */
    readonly values: Float64Array;
    /**
     * How many values the Series holds (fewer than asked for near the start of the data).
     * @example
     * ```ts
     * const prices = data.history(context.asset, "close", 20);
     * if (prices.length < 20) return; // not enough history yet
     * ```
     */
    get length(): number;
    /**
     * The value at position `i`; negative counts from the end (`at(-1)` is the latest).
     * NaN when out of range.
     * @example
     * ```ts
     * const yesterday = prices.at(-2);
     * ```
     */
    at(i: number): number;
    /**
     * The latest value, the same as `at(-1)`.
     * @example
     * ```ts
     * if (prices.last() > prices.mean()) order(context.asset, 10);
     * ```
     */
    last(): number;
    /**
     * The sum of the values (0 when empty).
     * @example
     * ```ts
     * const volume5 = data.history(context.asset, "volume", 5).sum();
     * ```
     */
    sum(): number;
    /**
     * The arithmetic mean; NaN when empty.
     * @example
     * ```ts
     * const sma20 = data.history(context.asset, "close", 20).mean();
     * ```
     */
    mean(): number;
    /**
     * The sample standard deviation (ddof = 1, like pandas); NaN with fewer than two values.
     * @example
     * ```ts
     * const band = prices.mean() - 2 * prices.std();
     * ```
     */
    std(): number;
    /**
     * The smallest value; NaN when empty.
     * @example
     * ```ts
     * const low20 = data.history(context.asset, "low", 20).min();
     * ```
     */
    min(): number;
    /**
     * The largest value; NaN when empty.
     * @example
     * ```ts
     * const high20 = data.history(context.asset, "high", 20).max();
     * ```
     */
    max(): number;
    /**
     * The change from the previous value as a fraction (0.01 = +1%); the first element is NaN,
     * as in pandas.
     * @example
     * ```ts
     * const returns = prices.pctChange();
     * const lastReturn = returns.last();
     * ```
     */
    pctChange(): Series;
    /**
     * The difference from the previous value; the first element is NaN, as in pandas.
     * @example
     * ```ts
     * const changes = prices.diff();
     * ```
     */
    diff(): Series;
    /**
     * Every value as (x − mean) / std, with the sample standard deviation.
     * @example
     * ```ts
     * const z = spread.zscore().last();
     * ```
     */
    zscore(): Series;
    /**
     * Windowed statistics over the last `window` values at each position; NaN until a window
     * is full, as in pandas.
     * @param window A whole number of at least 1.
     * @example
     * ```ts
     * const sma5 = prices.rolling(5).mean();
     * ```
     */
    rolling(window: number): Rolling;
    /**
     * Elementwise sum with a number or another Series (aligned on their latest values; the
     * result is as long as the shorter one).
     * @example
     * ```ts
     * const upper = prices.rolling(20).mean().add(2);
     * ```
     */
    add(other: Series | number): Series;
    /**
     * Elementwise difference with a number or another Series (aligned on their latest values).
     * @example
     * ```ts
     * const spread = pepCloses.sub(koCloses.mul(hedgeRatio));
     * ```
     */
    sub(other: Series | number): Series;
    /**
     * Elementwise product with a number or another Series (aligned on their latest values).
     * @example
     * ```ts
     * const hedged = koCloses.mul(1.5);
     * ```
     */
    mul(other: Series | number): Series;
    /**
     * Elementwise quotient with a number or another Series (aligned on their latest values).
     * @example
     * ```ts
     * const ratio = pepCloses.div(koCloses);
     * ```
     */
    div(other: Series | number): Series;
    /**
     * A plain array copy of the values, safe to change.
     * @example
     * ```ts
     * const sorted = prices.toArray().sort((a, b) => a - b);
     * ```
     */
    toArray(): number[];
  }

  /**
   * What `series.rolling(n)` returns: statistics over a moving window of `n` values. Each
   * result is a Series as long as the original, NaN until the first window is full.
   * @example
   * ```ts
   * const fast = prices.rolling(10).mean().last();
   * const slow = prices.rolling(30).mean().last();
   * ```
   */
  export interface Rolling {
    /**
     * The mean of each window.
     * @example
     * ```ts
     * const sma = prices.rolling(20).mean();
     * ```
     */
    mean(): Series;
    /**
     * The sample standard deviation (ddof = 1) of each window.
     * @example
     * ```ts
     * const vol = prices.pctChange().rolling(20).std();
     * ```
     */
    std(): Series;
    /**
     * The sum of each window.
     * @example
     * ```ts
     * const volume5 = data.history(context.asset, "volume", 30).rolling(5).sum();
     * ```
     */
    sum(): Series;
    /**
     * The smallest value of each window.
     * @example
     * ```ts
     * const low10 = prices.rolling(10).min();
     * ```
     */
    min(): Series;
    /**
     * The largest value of each window.
     * @example
     * ```ts
     * const high10 = prices.rolling(10).max();
     * ```
     */
    max(): Series;
  }

  // ---------------------------------------------------------------------------------------
  // Orders
  // ---------------------------------------------------------------------------------------

  /**
   * The statuses an order can be in. Compare `order.status` with these.
   * `HELD` is a bracket child waiting for its entry; `TRIGGERED` is a stop-limit whose stop
   * was hit (now working as a limit).
   * @example
   * ```ts
   * const o = getOrder(context.orderId);
   * if (o?.status === ORDER_STATUS.REJECTED) this.log.warn(o.reason);
   * ```
   */
  export const ORDER_STATUS: {
    /**
     * Accepted and waiting to fill.
     * @example
     * ```ts
     * if (o.status === ORDER_STATUS.OPEN) cancelOrder(o);
     * ```
     */
    readonly OPEN: "OPEN";
    /**
     * Some shares filled; the rest is still working.
     * @example
     * ```ts
     * if (o.status === ORDER_STATUS.PARTIALLY_FILLED) this.log.info(`${o.filled} of ${o.amount} filled`);
     * ```
     */
    readonly PARTIALLY_FILLED: "PARTIALLY_FILLED";
    /**
     * Completely filled.
     * @example
     * ```ts
     * if (o.status === ORDER_STATUS.FILLED) context.entryPrice = o.avgFillPrice;
     * ```
     */
    readonly FILLED: "FILLED";
    /**
     * Cancelled by you (reason `USER`) or by the engine (`OCO`, `PARENT_CANCELLED`,
     * `IOC_UNFILLED`, `FOK_UNFILLED`, or `INSUFFICIENT_FUNDS` / `MAX_LEVERAGE` for the rest of
     * an order that cash or the leverage limit could not cover at fill time).
     * @example
     * ```ts
     * if (o.status === ORDER_STATUS.CANCELLED && o.reason?.startsWith("OCO")) context.exited = true;
     * ```
     */
    readonly CANCELLED: "CANCELLED";
    /**
     * Refused at placement; `reason` starts with the code (`INSUFFICIENT_FUNDS`, `POSITION_LIMIT`,
     * `ORDER_SIZE_LIMIT`, `LONG_ONLY`, `MAX_LEVERAGE`, `INVALID_PRICE`, `NOT_TRADABLE`).
     * @example
     * ```ts
     * if (o.status === ORDER_STATUS.REJECTED) this.log.warn(o.reason);
     * ```
     */
    readonly REJECTED: "REJECTED";
    /**
     * A bracket's stop-loss or take-profit, waiting for its entry to fill.
     * @example
     * ```ts
     * const held = getOpenOrders(context.asset).filter((o) => o.status === ORDER_STATUS.HELD);
     * ```
     */
    readonly HELD: "HELD";
    /**
     * A stop-limit order whose stop was touched; it now works as a limit order.
     * @example
     * ```ts
     * if (o.status === ORDER_STATUS.TRIGGERED) this.log.info(`stop hit, limit ${o.limit} working`);
     * ```
     */
    readonly TRIGGERED: "TRIGGERED";
    /**
     * A DAY or GTD order whose time ran out (reason `EXPIRED_DAY` or `EXPIRED_GTD`).
     * @example
     * ```ts
     * if (o.status === ORDER_STATUS.EXPIRED) context.orderId = order(context.asset, 100);
     * ```
     */
    readonly EXPIRED: "EXPIRED";
  };

  /**
   * One of the values of `ORDER_STATUS`.
   * @example
   * ```ts
   * const done: OrderStatus[] = [ORDER_STATUS.FILLED, ORDER_STATUS.CANCELLED];
   * ```
   */
  export type OrderStatus = (typeof ORDER_STATUS)[keyof typeof ORDER_STATUS];

  /**
   * The kind of a single order: `"market"`, `"limit"`, `"stop"`, `"stopLimit"` or
   * `"trailingStop"`.
   * @example
   * ```ts
   * const stops = getOpenOrders(context.asset).filter((o) => o.type === "stop");
   * ```
   */
  export type OrderType = "market" | "limit" | "stop" | "stopLimit" | "trailingStop";

  /**
   * One order, as `getOrder(id)`, `getOpenOrders()` and `context.blotter.orders` return it.
   * Read-only for strategies: the engine updates it as the order fills, and you change it
   * only through `cancelOrder`.
   * @example
   * ```ts
   * const o = getOrder(context.orderId);
   * if (o && o.status === ORDER_STATUS.PARTIALLY_FILLED) this.log.info(`${o.filled}/${o.amount} filled`);
   * ```
   */
  export interface Order {
    /**
     * The order's id, the string `order()` returned (such as `"o12"`).
     * @example
     * ```ts
     * const same = getOrder(o.id) === o; // true
     * ```
     */
    readonly id: string;
    /**
     * The asset the order trades.
     * @example
     * ```ts
     * for (const o of getOpenOrders(context.asset)) this.log.info(o.asset.symbol);
     * ```
     */
    readonly asset: Asset;
    /**
     * Signed shares: above 0 buys, below 0 sells. A bracket child is resized to what its
     * entry filled.
     * @example
     * ```ts
     * const side = o.amount > 0 ? "buy" : "sell";
     * ```
     */
    readonly amount: number;
    /**
     * Signed shares filled so far, with the same sign as `amount`.
     * @example
     * ```ts
     * const fillRatio = o.filled / o.amount;
     * ```
     */
    readonly filled: number;
    /**
     * Signed shares still to fill: `amount − filled`.
     * @example
     * ```ts
     * if (o.openAmount !== 0) cancelOrder(o);
     * ```
     */
    readonly openAmount: number;
    /**
     * Where the order stands; see `ORDER_STATUS`.
     * @example
     * ```ts
     * if (o.status === ORDER_STATUS.FILLED) context.filled = true;
     * ```
     */
    readonly status: OrderStatus;
    /**
     * Null unless the order was rejected, cancelled or expired; then a code, a colon and a
     * sentence. Rejections: `INSUFFICIENT_FUNDS`, `POSITION_LIMIT`, `ORDER_SIZE_LIMIT`,
     * `LONG_ONLY`, `MAX_LEVERAGE`, `INVALID_PRICE`, `NOT_TRADABLE`. Cancellations and expiries:
     * `OCO`, `PARENT_CANCELLED`, `IOC_UNFILLED`, `FOK_UNFILLED`, `EXPIRED_DAY`, `EXPIRED_GTD`,
     * `USER`, and `INSUFFICIENT_FUNDS` / `MAX_LEVERAGE` for the rest of an order that cash or
     * the leverage limit could not cover at fill time.
     * @example
     * ```ts
     * if (o.reason?.startsWith("INSUFFICIENT_FUNDS")) orderValue(o.asset, context.portfolio.cash * 0.9);
     * ```
     */
    readonly reason: string | null;
    /**
     * The limit price, rounded to the tick; null when the order has none.
     * @example
     * ```ts
     * if (o.limit !== null && o.limit < price * 0.98) cancelOrder(o); // stale limit
     * ```
     */
    readonly limit: number | null;
    /**
     * The stop price, rounded to the tick; null when the order has none. For a trailing stop
     * it is the current level, updated as the price moves.
     * @example
     * ```ts
     * const stops = getOpenOrders(context.asset).filter((o) => o.stop !== null);
     * ```
     */
    readonly stop: number | null;
    /**
     * A trailing stop's trail as a fraction (0.03 = 3%); null otherwise.
     * @example
     * ```ts
     * if (o.trailPercent !== null) this.log.info(`trailing ${o.trailPercent * 100}% at ${o.stop}`);
     * ```
     */
    readonly trailPercent: number | null;
    /**
     * A trailing stop's trail as a price distance; null otherwise.
     * @example
     * ```ts
     * if (o.trailAmount !== null) this.log.info(`trailing $${o.trailAmount} at ${o.stop}`);
     * ```
     */
    readonly trailAmount: number | null;
    /**
     * The execution style this order works with: for a bracket's entry its `entryStyle`, for
     * an OCO leg that leg's style.
     * @example
     * ```ts
     * if (o.style instanceof LimitOrder) this.log.info(`limit at ${o.style.limitPrice}`);
     * ```
     */
    readonly style: ExecutionStyle;
    /**
     * Time in force: `"GTC"`, `"DAY"`, `"IOC"`, `"FOK"` or `"GTD:YYYY-MM-DD"`.
     * @example
     * ```ts
     * if (o.tif === "DAY") this.log.info("expires at the end of the session");
     * ```
     */
    readonly tif: string;
    /**
     * The time of the bar during which the order was placed.
     * @example
     * ```ts
     * const ageDays = (context.datetime.getTime() - o.createdAt.getTime()) / 86_400_000;
     * ```
     */
    readonly createdAt: Date;
    /**
     * The time of the order's last status change.
     * @example
     * ```ts
     * if (o.status === ORDER_STATUS.FILLED) this.log.info(`filled on ${o.updatedAt.toISOString()}`);
     * ```
     */
    readonly updatedAt: Date;
    /**
     * For a bracket's stop-loss or take-profit: the id of its entry order; null otherwise.
     * @example
     * ```ts
     * const entry = o.parentId !== null ? getOrder(o.parentId) : undefined;
     * ```
     */
    readonly parentId: string | null;
    /**
     * For a bracket's entry: the ids of its stop-loss and take-profit; empty otherwise.
     * @example
     * ```ts
     * const [stopLossId, takeProfitId] = getOrder(entryId)!.children;
     * ```
     */
    readonly children: readonly string[];
    /**
     * The id shared by the two legs of an OCO pair (also a bracket's two children); null
     * otherwise. The first fill of one leg cancels the other.
     * @example
     * ```ts
     * const legs = getOpenOrders(context.asset).filter((x) => x.ocoId === o.ocoId);
     * ```
     */
    readonly ocoId: string | null;
    /**
     * Commission charged for this order so far, in dollars.
     * @example
     * ```ts
     * context.totalCommission += o.commission;
     * ```
     */
    readonly commission: number;
    /**
     * The average price of the fills so far; null before the first fill.
     * @example
     * ```ts
     * if (o.avgFillPrice !== null) context.entryPrice = o.avgFillPrice;
     * ```
     */
    readonly avgFillPrice: number | null;
    /**
     * The kind of order: `"market"`, `"limit"`, `"stop"`, `"stopLimit"` or `"trailingStop"`.
     * @example
     * ```ts
     * const limits = getOpenOrders(context.asset).filter((o) => o.type === "limit");
     * ```
     */
    readonly type: OrderType;
    /**
     * True while the order can still fill or be cancelled: OPEN, PARTIALLY_FILLED, TRIGGERED
     * or HELD.
     * @example
     * ```ts
     * if (o.isOpen) cancelOrder(o);
     * ```
     */
    readonly isOpen: boolean;
    /**
     * True for a buy (`amount > 0`).
     * @example
     * ```ts
     * const buys = getOpenOrders(context.asset).filter((o) => o.isBuy);
     * ```
     */
    readonly isBuy: boolean;
  }

  /**
   * Time in force, optional on every order; `"GTC"` (good till cancelled) by default.
   * `"DAY"` lives for the first session after placement, `"IOC"` cancels whatever does not
   * fill on its first bar, `"FOK"` fills completely on its first bar or not at all, and
   * `{ gtd: date }` lives through the last bar on or before that date.
   * @example
   * ```ts
   * order(context.asset, 100, { style: new LimitOrder(price), tif: "DAY" });
   * order(context.asset, 100, { tif: { gtd: "2024-06-28" } });
   * ```
   */
  export type TimeInForce = "GTC" | "DAY" | "IOC" | "FOK" | { gtd: Date | string };

  /**
   * Options of every order function: how it executes and how long it lives.
   * @example
   * ```ts
   * const opts: OrderOptions = { style: new StopOrder(price * 0.95), tif: "GTC" };
   * order(context.asset, -100, opts);
   * ```
   */
  export interface OrderOptions {
    /**
     * The execution style; a market order when omitted.
     * @example
     * ```ts
     * order(context.asset, 100, { style: new LimitOrder(price * 0.99) });
     * ```
     */
    style?: ExecutionStyle;
    /**
     * Time in force; `"GTC"` when omitted.
     * @example
     * ```ts
     * order(context.asset, 100, { tif: "IOC" });
     * ```
     */
    tif?: TimeInForce;
  }

  /**
   * Any execution style an order may use (`opts.style`).
   * @example
   * ```ts
   * const style: ExecutionStyle = price > sma ? new MarketOrder() : new LimitOrder(sma);
   * order(context.asset, 100, { style });
   * ```
   */
  export type ExecutionStyle =
    MarketOrder | LimitOrder | StopOrder | StopLimitOrder | TrailingStopOrder | OCOOrder | BracketOrder;

  /**
   * The single-leg styles: the ones an OCO leg may use.
   * @example
   * ```ts
   * const exit: LegStyle = new StopOrder(price * 0.95);
   * order(context.asset, -100, { style: new OCOOrder(exit, new LimitOrder(price * 1.1)) });
   * ```
   */
  export type LegStyle = MarketOrder | LimitOrder | StopOrder | StopLimitOrder | TrailingStopOrder;

  /**
   * A market order: fills at the next bar's open (`ohlc` fill model) or close (`close` model).
   * The default style.
   * @example
   * ```ts
   * order(context.asset, 100, { style: new MarketOrder() });
   * ```
   */
  export class MarketOrder {
    /**
     * Creates a market order style.
     * @example
     * ```ts
     * const style = new MarketOrder();
     * ```
     */
    constructor();
    /**
     * Always `"market"`.
     * @example
     * ```ts
     * if (o.style.kind === "market") this.log.info("at market");
     * ```
     */
    readonly kind: "market";
  }

  /**
   * A limit order: buys at or below, or sells at or above, `limitPrice` (rounded to the tick;
   * never fills worse than the limit).
   * @example
   * ```ts
   * order(context.asset, 100, { style: new LimitOrder(price * 0.99) });
   * ```
   */
  export class LimitOrder {
    /**
     * @param limitPrice A finite price above 0; anything else throws a StrategyError.
     * @example
     * ```ts
     * const style = new LimitOrder(101.5);
     * ```
     */
    constructor(limitPrice: number);
    /**
     * Always `"limit"`.
     * @example
     * ```ts
     * if (o.style.kind === "limit") this.log.info(`limit ${o.style.limitPrice}`);
     * ```
     */
    readonly kind: "limit";
    /**
     * The limit price as given (the order's `limit` holds it rounded to the tick).
     * @example
     * ```ts
     * const style = new LimitOrder(101.5);
     * style.limitPrice; // 101.5
     * ```
     */
    readonly limitPrice: number;
  }

  /**
   * A stop order: becomes a market order when the price touches `stopPrice`. A sell stop
   * gapped through fills at the (worse) open.
   * @example
   * ```ts
   * order(context.asset, -100, { style: new StopOrder(price * 0.95) });
   * ```
   */
  export class StopOrder {
    /**
     * @param stopPrice A finite price above 0; anything else throws a StrategyError.
     * @example
     * ```ts
     * const stopLoss = new StopOrder(context.entryPrice * 0.95);
     * ```
     */
    constructor(stopPrice: number);
    /**
     * Always `"stop"`.
     * @example
     * ```ts
     * if (o.style.kind === "stop") this.log.info(`stop ${o.style.stopPrice}`);
     * ```
     */
    readonly kind: "stop";
    /**
     * The stop price as given (the order's `stop` holds it rounded to the tick).
     * @example
     * ```ts
     * const style = new StopOrder(95);
     * style.stopPrice; // 95
     * ```
     */
    readonly stopPrice: number;
  }

  /**
   * A stop-limit order: when the price touches `stopPrice` (status TRIGGERED) it becomes a
   * limit order at `limitPrice`.
   * @example
   * ```ts
   * order(context.asset, -100, { style: new StopLimitOrder(94, 95) });
   * ```
   */
  export class StopLimitOrder {
    /**
     * Note the order of the arguments: the limit first, as in zipline.
     * @param limitPrice A finite price above 0.
     * @param stopPrice A finite price above 0.
     * @example
     * ```ts
     * const style = new StopLimitOrder(price * 0.94, price * 0.95);
     * ```
     */
    constructor(limitPrice: number, stopPrice: number);
    /**
     * Always `"stopLimit"`.
     * @example
     * ```ts
     * if (o.style.kind === "stopLimit") this.log.info(`stop ${o.style.stopPrice}, limit ${o.style.limitPrice}`);
     * ```
     */
    readonly kind: "stopLimit";
    /**
     * The limit price as given.
     * @example
     * ```ts
     * new StopLimitOrder(94, 95).limitPrice; // 94
     * ```
     */
    readonly limitPrice: number;
    /**
     * The stop price as given.
     * @example
     * ```ts
     * new StopLimitOrder(94, 95).stopPrice; // 95
     * ```
     */
    readonly stopPrice: number;
  }

  /**
   * Either a trail as a fraction or a trail as a price distance, never both.
   * @example
   * ```ts
   * const params: TrailingStopParams = { trailPercent: 0.03 };
   * order(context.asset, -100, { style: new TrailingStopOrder(params) });
   * ```
   */
  export type TrailingStopParams =
    | {
        /**
         * Trail as a fraction of the high-water mark (sell) or low-water mark (buy): 0.03 = 3%.
         * @example
         * ```ts
         * new TrailingStopOrder({ trailPercent: 0.03 });
         * ```
         */
        trailPercent: number;
        trailAmount?: undefined;
      }
    | {
        trailPercent?: undefined;
        /**
         * Trail as a price distance from the high-water mark (sell) or low-water mark (buy).
         * @example
         * ```ts
         * new TrailingStopOrder({ trailAmount: 2.5 });
         * ```
         */
        trailAmount: number;
      };

  /**
   * A stop that follows the price. A sell trailing stop sits at `hwm × (1 − trailPercent)` or
   * `hwm − trailAmount`, where the high-water mark starts at the last close and rises with
   * each bar's high; `order.stop` shows the current level. Buy trailing stops mirror it.
   * @example
   * ```ts
   * order(context.asset, -position.amount, { style: new TrailingStopOrder({ trailPercent: 0.05 }) });
   * ```
   */
  export class TrailingStopOrder {
    /**
     * @param params `{ trailPercent }` (a fraction between 0 and 1) or `{ trailAmount }` (a price above 0).
     * @example
     * ```ts
     * const style = new TrailingStopOrder({ trailAmount: 2 });
     * ```
     */
    constructor(params: TrailingStopParams);
    /**
     * Always `"trailingStop"`.
     * @example
     * ```ts
     * const trailing = getOpenOrders(context.asset).filter((o) => o.style.kind === "trailingStop");
     * ```
     */
    readonly kind: "trailingStop";
    /**
     * The trail as a fraction; null when the trail is an amount.
     * @example
     * ```ts
     * new TrailingStopOrder({ trailPercent: 0.03 }).trailPercent; // 0.03
     * ```
     */
    readonly trailPercent: number | null;
    /**
     * The trail as a price distance; null when the trail is a percent.
     * @example
     * ```ts
     * new TrailingStopOrder({ trailAmount: 2 }).trailAmount; // 2
     * ```
     */
    readonly trailAmount: number | null;
  }

  /**
   * One-cancels-other: two live orders for the same amount, linked by `ocoId`; the first
   * fill of either, even a partial one, cancels the other. `order()` returns the first leg's id.
   * @example
   * ```ts
   * order(context.asset, -100, { style: new OCOOrder(new StopOrder(price * 0.95), new LimitOrder(price * 1.1)) });
   * ```
   */
  export class OCOOrder {
    /**
     * @param first The first leg (its id is what `order()` returns).
     * @param second The second leg.
     * @example
     * ```ts
     * const exit = new OCOOrder(new StopOrder(95), new LimitOrder(110));
     * ```
     */
    constructor(first: LegStyle, second: LegStyle);
    /**
     * Always `"oco"`.
     * @example
     * ```ts
     * const style = new OCOOrder(new StopOrder(95), new LimitOrder(110));
     * style.kind; // "oco"
     * ```
     */
    readonly kind: "oco";
    /**
     * The first leg's style.
     * @example
     * ```ts
     * new OCOOrder(new StopOrder(95), new LimitOrder(110)).first; // the StopOrder
     * ```
     */
    readonly first: LegStyle;
    /**
     * The second leg's style.
     * @example
     * ```ts
     * new OCOOrder(new StopOrder(95), new LimitOrder(110)).second; // the LimitOrder
     * ```
     */
    readonly second: LegStyle;
  }

  /**
   * What a bracket is made of: how to enter, and the stop-loss and take-profit prices.
   * @example
   * ```ts
   * const params: BracketParams = { entryStyle: new MarketOrder(), stopLossPrice: 95, takeProfitPrice: 110 };
   * ```
   */
  export interface BracketParams {
    /**
     * How to enter; a market order when omitted. A trailing stop is not allowed here.
     * @example
     * ```ts
     * new BracketOrder({ entryStyle: new LimitOrder(100), stopLossPrice: 95, takeProfitPrice: 110 });
     * ```
     */
    entryStyle?: MarketOrder | LimitOrder | StopOrder | StopLimitOrder;
    /**
     * The stop-loss level: below the entry for a long, above it for a short.
     * @example
     * ```ts
     * new BracketOrder({ stopLossPrice: price * 0.95, takeProfitPrice: price * 1.1 });
     * ```
     */
    stopLossPrice: number;
    /**
     * The take-profit level: above the entry for a long, below it for a short.
     * @example
     * ```ts
     * new BracketOrder({ stopLossPrice: price * 0.95, takeProfitPrice: price * 1.1 });
     * ```
     */
    takeProfitPrice: number;
  }

  /**
   * An entry plus a stop-loss and a take-profit. The two exits wait (HELD) until the entry
   * fills, then work as an OCO pair. `order()` returns the entry's id; levels on the wrong
   * side of the entry reject the order with `INVALID_PRICE`.
   * @example
   * ```ts
   * order(context.asset, 100, {
   *   style: new BracketOrder({ entryStyle: new MarketOrder(), stopLossPrice: price * 0.95, takeProfitPrice: price * 1.1 }),
   * });
   * ```
   */
  export class BracketOrder {
    /**
     * @param params The entry style (market when omitted), `stopLossPrice` and `takeProfitPrice`.
     * @example
     * ```ts
     * const style = new BracketOrder({ stopLossPrice: 95, takeProfitPrice: 110 });
     * ```
     */
    constructor(params: BracketParams);
    /**
     * Always `"bracket"`.
     * @example
     * ```ts
     * new BracketOrder({ stopLossPrice: 95, takeProfitPrice: 110 }).kind; // "bracket"
     * ```
     */
    readonly kind: "bracket";
    /**
     * How the entry executes (a MarketOrder when none was given).
     * @example
     * ```ts
     * new BracketOrder({ stopLossPrice: 95, takeProfitPrice: 110 }).entryStyle; // a MarketOrder
     * ```
     */
    readonly entryStyle: MarketOrder | LimitOrder | StopOrder | StopLimitOrder;
    /**
     * The stop-loss level as given.
     * @example
     * ```ts
     * new BracketOrder({ stopLossPrice: 95, takeProfitPrice: 110 }).stopLossPrice; // 95
     * ```
     */
    readonly stopLossPrice: number;
    /**
     * The take-profit level as given.
     * @example
     * ```ts
     * new BracketOrder({ stopLossPrice: 95, takeProfitPrice: 110 }).takeProfitPrice; // 110
     * ```
     */
    readonly takeProfitPrice: number;
  }

  // ---------------------------------------------------------------------------------------
  // Portfolio, account, blotter, context
  // ---------------------------------------------------------------------------------------

  /**
   * A holding, from `context.portfolio.positions.get(asset)`. Positions of amount 0 are
   * removed, so `get` returns undefined for them.
   * @example
   * ```ts
   * const position = context.portfolio.positions.get(context.asset);
   * if (position && position.amount > 0) order(context.asset, -position.amount);
   * ```
   */
  export interface Position {
    /**
     * The asset held.
     * @example
     * ```ts
     * for (const p of context.portfolio.positions.values()) this.log.info(p.asset.symbol);
     * ```
     */
    readonly asset: Asset;
    /**
     * Signed shares held: below 0 is a short.
     * @example
     * ```ts
     * const isShort = (context.portfolio.positions.get(context.asset)?.amount ?? 0) < 0;
     * ```
     */
    readonly amount: number;
    /**
     * The average price paid per share held (commissions not included).
     * @example
     * ```ts
     * if (price < position.costBasis * 0.9) order(context.asset, -position.amount);
     * ```
     */
    readonly costBasis: number;
    /**
     * The latest price the position is marked at (the last close).
     * @example
     * ```ts
     * const change = position.lastSalePrice / position.costBasis - 1;
     * ```
     */
    readonly lastSalePrice: number;
    /**
     * `amount × lastSalePrice` (negative for a short).
     * @example
     * ```ts
     * const weight = position.marketValue / context.portfolio.portfolioValue;
     * ```
     */
    readonly marketValue: number;
    /**
     * Profit or loss of the shares held at the latest price, commissions not included.
     * @example
     * ```ts
     * if (position.unrealizedPnl > 1_000) orderTarget(context.asset, 0);
     * ```
     */
    readonly unrealizedPnl: number;
  }

  /**
   * `context.portfolio`: cash, value and positions at the latest prices.
   * @example
   * ```ts
   * const shares = Math.trunc((context.portfolio.portfolioValue * 0.1) / price);
   * ```
   */
  export interface Portfolio {
    /**
     * Cash available (negative only when borrowing under setMaxLeverage; short proceeds count).
     * @example
     * ```ts
     * if (context.portfolio.cash > 10_000) orderValue(context.asset, 10_000);
     * ```
     */
    readonly cash: number;
    /**
     * Cash plus the market value of every position.
     * @example
     * ```ts
     * record({ equity: context.portfolio.portfolioValue });
     * ```
     */
    readonly portfolioValue: number;
    /**
     * The summed market value of every position (shorts negative).
     * @example
     * ```ts
     * const invested = context.portfolio.positionsValue / context.portfolio.portfolioValue;
     * ```
     */
    readonly positionsValue: number;
    /**
     * The cash the run started with (the run setting or `setCash`).
     * @example
     * ```ts
     * const budget = context.portfolio.startingCash * 0.25;
     * ```
     */
    readonly startingCash: number;
    /**
     * Profit and loss since the start, commissions included.
     * @example
     * ```ts
     * if (context.portfolio.pnl < -5_000) context.halted = true;
     * ```
     */
    readonly pnl: number;
    /**
     * `pnl` as a fraction of the starting cash (0.05 = +5%).
     * @example
     * ```ts
     * record({ returnPct: context.portfolio.returns * 100 });
     * ```
     */
    readonly returns: number;
    /**
     * The open positions by asset; assets with no position are absent.
     * @example
     * ```ts
     * const held = context.portfolio.positions.get(context.asset)?.amount ?? 0;
     * ```
     */
    readonly positions: ReadonlyMap<Asset, Position>;
  }

  /**
   * `context.account`: exposure measures.
   * @example
   * ```ts
   * if (context.account.leverage > 1.5) orderTargetPercent(context.asset, 0.5);
   * ```
   */
  export interface Account {
    /**
     * Gross exposure (Σ |market value|) divided by the portfolio value.
     * @example
     * ```ts
     * record({ leverage: context.account.leverage });
     * ```
     */
    readonly leverage: number;
    /**
     * Net exposure (Σ market value, shorts negative) divided by the portfolio value.
     * @example
     * ```ts
     * const netLong = context.account.netLeverage > 0;
     * ```
     */
    readonly netLeverage: number;
    /**
     * What buys may spend: the cash, or with setMaxLeverage the room left up to the limit.
     * @example
     * ```ts
     * orderValue(context.asset, context.account.buyingPower * 0.5);
     * ```
     */
    readonly buyingPower: number;
  }

  /**
   * `context.blotter`: every order of the run by id.
   * @example
   * ```ts
   * const rejected = [...context.blotter.orders.values()].filter((o) => o.status === ORDER_STATUS.REJECTED);
   * ```
   */
  export interface Blotter {
    /**
     * Every order placed so far, by id; the same objects `getOrder` returns.
     * @example
     * ```ts
     * const o = context.blotter.orders.get(context.orderId);
     * ```
     */
    readonly orders: ReadonlyMap<string, Order>;
  }

  /**
   * The `context` passed to every hook: the built-ins below plus any field you set on it,
   * as in zipline.
   * @example
   * ```ts
   * initialize(context: Context) {
   *   context.asset = this.symbol("AAPL");
   *   context.lookback = 20;
   * }
   * ```
   */
  export interface Context {
    /**
     * Your own fields: any name you like (they are typed `any`).
     * @example
     * ```ts
     * context.lookback = 20;
     * ```
     */
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- user fields are untyped, as in zipline
    [key: string]: any;
    /**
     * Cash, value and positions.
     * @example
     * ```ts
     * const cash = context.portfolio.cash;
     * ```
     */
    readonly portfolio: Portfolio;
    /**
     * Leverage and buying power.
     * @example
     * ```ts
     * const room = context.account.buyingPower;
     * ```
     */
    readonly account: Account;
    /**
     * Every order of the run by id.
     * @example
     * ```ts
     * const o = context.blotter.orders.get(id);
     * ```
     */
    readonly blotter: Blotter;
    /**
     * The current bar's time (a new Date on each read).
     * @example
     * ```ts
     * if (context.datetime.getUTCDay() === 1) this.log.info("Monday");
     * ```
     */
    readonly datetime: Date;
    /**
     * The current bar's position in the run, from 0.
     * @example
     * ```ts
     * if (context.barIndex < context.lookback) return; // warming up
     * ```
     */
    readonly barIndex: number;
  }

  // ---------------------------------------------------------------------------------------
  // Settings, scheduling, output
  // ---------------------------------------------------------------------------------------

  /**
   * A limit for setMaxOrderSize or setMaxPositionSize, in shares and/or dollars; without
   * `asset` it applies to every asset.
   * @example
   * ```ts
   * setMaxPositionSize({ asset: context.asset, maxShares: 1_000, maxNotional: 50_000 });
   * ```
   */
  export interface SizeLimit {
    /**
     * The asset the limit is for; every asset when omitted.
     * @example
     * ```ts
     * setMaxOrderSize({ asset: this.symbol("TSLA"), maxShares: 200 });
     * ```
     */
    asset?: Asset;
    /**
     * The most shares (absolute) allowed.
     * @example
     * ```ts
     * setMaxOrderSize({ maxShares: 500 });
     * ```
     */
    maxShares?: number;
    /**
     * The most dollars (absolute shares × last close) allowed.
     * @example
     * ```ts
     * setMaxPositionSize({ maxNotional: 25_000 });
     * ```
     */
    maxNotional?: number;
  }

  /**
   * A commission model for setCommission: one of `commission.PerShare`, `PerTrade`,
   * `PerDollar` or `NoCommission` (other objects are refused at run time).
   * @example
   * ```ts
   * const model: CommissionModel = new commission.PerShare({ cost: 0.005, minTradeCost: 1 });
   * setCommission(model);
   * ```
   */
  export interface CommissionModel {
    /**
     * The model's class name, such as `"PerShare"`.
     * @example
     * ```ts
     * new commission.PerTrade({ cost: 1 }).name; // "PerTrade"
     * ```
     */
    readonly name: string;
    /**
     * The model and its settings, as the results report them.
     * @example
     * ```ts
     * this.log.info(new commission.PerShare().describe()); // {"model":"PerShare","cost":0.001,"minTradeCost":0}
     * ```
     */
    describe(): Record<string, number | string>;
  }

  /**
   * Commission models for setCommission (zipline's `commission` module). The default is
   * `PerShare({ cost: 0.001, minTradeCost: 0 })`.
   * @example
   * ```ts
   * setCommission(new commission.PerShare({ cost: 0.005, minTradeCost: 1 }));
   * ```
   */
  export namespace commission {
    /**
     * Per share, with a minimum paid once per order: an order's total is
     * max(minTradeCost, cost × shares filled so far).
     * @example
     * ```ts
     * setCommission(new commission.PerShare({ cost: 0.005, minTradeCost: 1 }));
     * ```
     */
    export class PerShare implements CommissionModel {
      /**
       * @param opts `cost` per share (default 0.001) and `minTradeCost` per order (default 0).
       * @example
       * ```ts
       * const model = new commission.PerShare({ cost: 0.0075 });
       * ```
       */
      constructor(opts?: { cost?: number; minTradeCost?: number });
      /**
       * Always `"PerShare"`.
       * @example
       * ```ts
       * new commission.PerShare().name; // "PerShare"
       * ```
       */
      readonly name: "PerShare";
      /**
       * Dollars per share.
       * @example
       * ```ts
       * new commission.PerShare({ cost: 0.005 }).cost; // 0.005
       * ```
       */
      readonly cost: number;
      /**
       * The minimum an order pays, charged once per order.
       * @example
       * ```ts
       * new commission.PerShare({ minTradeCost: 1 }).minTradeCost; // 1
       * ```
       */
      readonly minTradeCost: number;
      /**
       * The model and its settings, as the results report them.
       * @example
       * ```ts
       * new commission.PerShare().describe(); // { model: "PerShare", cost: 0.001, minTradeCost: 0 }
       * ```
       */
      describe(): { model: string; cost: number; minTradeCost: number };
    }

    /**
     * A flat cost per order, charged on its first fill.
     * @example
     * ```ts
     * setCommission(new commission.PerTrade({ cost: 1 }));
     * ```
     */
    export class PerTrade implements CommissionModel {
      /**
       * @param opts `cost` in dollars per order (default 0).
       * @example
       * ```ts
       * const model = new commission.PerTrade({ cost: 4.95 });
       * ```
       */
      constructor(opts?: { cost?: number });
      /**
       * Always `"PerTrade"`.
       * @example
       * ```ts
       * new commission.PerTrade().name; // "PerTrade"
       * ```
       */
      readonly name: "PerTrade";
      /**
       * Dollars per order.
       * @example
       * ```ts
       * new commission.PerTrade({ cost: 1 }).cost; // 1
       * ```
       */
      readonly cost: number;
      /**
       * The model and its settings, as the results report them.
       * @example
       * ```ts
       * new commission.PerTrade({ cost: 1 }).describe(); // { model: "PerTrade", cost: 1 }
       * ```
       */
      describe(): { model: string; cost: number };
    }

    /**
     * A fraction of each fill's dollar value: 0.0015 = 15 basis points.
     * @example
     * ```ts
     * setCommission(new commission.PerDollar({ cost: 0.0015 }));
     * ```
     */
    export class PerDollar implements CommissionModel {
      /**
       * @param opts `cost` as a fraction of the fill's notional (default 0.0015).
       * @example
       * ```ts
       * const model = new commission.PerDollar({ cost: 0.001 });
       * ```
       */
      constructor(opts?: { cost?: number });
      /**
       * Always `"PerDollar"`.
       * @example
       * ```ts
       * new commission.PerDollar().name; // "PerDollar"
       * ```
       */
      readonly name: "PerDollar";
      /**
       * The fraction of each fill's notional charged.
       * @example
       * ```ts
       * new commission.PerDollar({ cost: 0.001 }).cost; // 0.001
       * ```
       */
      readonly cost: number;
      /**
       * The model and its settings, as the results report them.
       * @example
       * ```ts
       * new commission.PerDollar().describe(); // { model: "PerDollar", cost: 0.0015 }
       * ```
       */
      describe(): { model: string; cost: number };
    }

    /**
     * No commission at all.
     * @example
     * ```ts
     * setCommission(new commission.NoCommission());
     * ```
     */
    export class NoCommission implements CommissionModel {
      /**
       * Creates the free model.
       * @example
       * ```ts
       * const model = new commission.NoCommission();
       * ```
       */
      constructor();
      /**
       * Always `"NoCommission"`.
       * @example
       * ```ts
       * new commission.NoCommission().name; // "NoCommission"
       * ```
       */
      readonly name: "NoCommission";
      /**
       * The model, as the results report it.
       * @example
       * ```ts
       * new commission.NoCommission().describe(); // { model: "NoCommission" }
       * ```
       */
      describe(): { model: string };
    }
  }

  /**
   * A slippage model for setSlippage: one of the `slippage.*` classes (other objects are
   * refused at run time).
   * @example
   * ```ts
   * const model: SlippageModel = new slippage.VolumeShareSlippage({ volumeLimit: 0.025, priceImpact: 0.1 });
   * setSlippage(model);
   * ```
   */
  export interface SlippageModel {
    /**
     * The model's class name, such as `"FixedSlippage"`.
     * @example
     * ```ts
     * new slippage.NoSlippage().name; // "NoSlippage"
     * ```
     */
    readonly name: string;
    /**
     * The fraction of a bar's volume that may fill per bar (across all orders of the symbol),
     * or null for no cap.
     * @example
     * ```ts
     * new slippage.FixedSlippage({ spread: 0.02 }).volumeLimit; // null
     * ```
     */
    readonly volumeLimit: number | null;
    /**
     * The model and its settings, as the results report them.
     * @example
     * ```ts
     * this.log.info(new slippage.FixedSlippage({ spread: 0.02 }).describe());
     * ```
     */
    describe(): Record<string, number | string>;
  }

  /**
   * Slippage models for setSlippage (zipline's `slippage` module). Slippage never pushes a
   * fill outside the bar's range or past a limit. The default is
   * `FixedBasisPointsSlippage({ basisPoints: 5, volumeLimit: 0.1 })`.
   * @example
   * ```ts
   * setSlippage(new slippage.FixedBasisPointsSlippage({ basisPoints: 10, volumeLimit: 0.05 }));
   * ```
   */
  export namespace slippage {
    /**
     * The price moves `basisPoints` against the order, and at most `volumeLimit` of the bar's
     * volume fills per bar.
     * @example
     * ```ts
     * setSlippage(new slippage.FixedBasisPointsSlippage({ basisPoints: 5, volumeLimit: 0.1 }));
     * ```
     */
    export class FixedBasisPointsSlippage implements SlippageModel {
      /**
       * @param opts `basisPoints` (default 5) and `volumeLimit` (a fraction above 0 and at most 1, default 0.1).
       * @example
       * ```ts
       * const model = new slippage.FixedBasisPointsSlippage({ basisPoints: 2 });
       * ```
       */
      constructor(opts?: { basisPoints?: number; volumeLimit?: number });
      /**
       * Always `"FixedBasisPointsSlippage"`.
       * @example
       * ```ts
       * new slippage.FixedBasisPointsSlippage().name; // "FixedBasisPointsSlippage"
       * ```
       */
      readonly name: "FixedBasisPointsSlippage";
      /**
       * How far the price moves against the order, in basis points (5 = 0.05%).
       * @example
       * ```ts
       * new slippage.FixedBasisPointsSlippage().basisPoints; // 5
       * ```
       */
      readonly basisPoints: number;
      /**
       * The fraction of the bar's volume that may fill per bar.
       * @example
       * ```ts
       * new slippage.FixedBasisPointsSlippage().volumeLimit; // 0.1
       * ```
       */
      readonly volumeLimit: number;
      /**
       * The model and its settings, as the results report them.
       * @example
       * ```ts
       * new slippage.FixedBasisPointsSlippage().describe(); // { model: "FixedBasisPointsSlippage", basisPoints: 5, volumeLimit: 0.1 }
       * ```
       */
      describe(): { model: string; basisPoints: number; volumeLimit: number };
    }

    /**
     * zipline's volume-share model: at most `volumeLimit × bar volume` shares fill per bar, and
     * the price moves by `price × priceImpact × share²`, where share is the fill's part of the
     * bar's volume. The rest stays open as PARTIALLY_FILLED.
     * @example
     * ```ts
     * setSlippage(new slippage.VolumeShareSlippage({ volumeLimit: 0.025, priceImpact: 0.1 }));
     * ```
     */
    export class VolumeShareSlippage implements SlippageModel {
      /**
       * @param opts `volumeLimit` (default 0.025) and `priceImpact` (default 0.1).
       * @example
       * ```ts
       * const model = new slippage.VolumeShareSlippage({ volumeLimit: 0.01 });
       * ```
       */
      constructor(opts?: { volumeLimit?: number; priceImpact?: number });
      /**
       * Always `"VolumeShareSlippage"`.
       * @example
       * ```ts
       * new slippage.VolumeShareSlippage().name; // "VolumeShareSlippage"
       * ```
       */
      readonly name: "VolumeShareSlippage";
      /**
       * The fraction of the bar's volume that may fill per bar.
       * @example
       * ```ts
       * new slippage.VolumeShareSlippage().volumeLimit; // 0.025
       * ```
       */
      readonly volumeLimit: number;
      /**
       * The impact coefficient of the squared volume share.
       * @example
       * ```ts
       * new slippage.VolumeShareSlippage().priceImpact; // 0.1
       * ```
       */
      readonly priceImpact: number;
      /**
       * The model and its settings, as the results report them.
       * @example
       * ```ts
       * new slippage.VolumeShareSlippage().describe(); // { model: "VolumeShareSlippage", volumeLimit: 0.025, priceImpact: 0.1 }
       * ```
       */
      describe(): { model: string; volumeLimit: number; priceImpact: number };
    }

    /**
     * Half the spread against the order; no volume cap.
     * @example
     * ```ts
     * setSlippage(new slippage.FixedSlippage({ spread: 0.02 }));
     * ```
     */
    export class FixedSlippage implements SlippageModel {
      /**
       * @param opts `spread` in dollars (default 0).
       * @example
       * ```ts
       * const model = new slippage.FixedSlippage({ spread: 0.05 });
       * ```
       */
      constructor(opts?: { spread?: number });
      /**
       * Always `"FixedSlippage"`.
       * @example
       * ```ts
       * new slippage.FixedSlippage().name; // "FixedSlippage"
       * ```
       */
      readonly name: "FixedSlippage";
      /**
       * Always null: no volume cap.
       * @example
       * ```ts
       * new slippage.FixedSlippage().volumeLimit; // null
       * ```
       */
      readonly volumeLimit: null;
      /**
       * The full spread in dollars (half of it moves each fill).
       * @example
       * ```ts
       * new slippage.FixedSlippage({ spread: 0.02 }).spread; // 0.02
       * ```
       */
      readonly spread: number;
      /**
       * The model and its settings, as the results report them.
       * @example
       * ```ts
       * new slippage.FixedSlippage({ spread: 0.02 }).describe(); // { model: "FixedSlippage", spread: 0.02 }
       * ```
       */
      describe(): { model: string; spread: number };
    }

    /**
     * Fills at the fill model's price with no cap: for teaching and tests.
     * @example
     * ```ts
     * setSlippage(new slippage.NoSlippage());
     * ```
     */
    export class NoSlippage implements SlippageModel {
      /**
       * Creates the frictionless model.
       * @example
       * ```ts
       * const model = new slippage.NoSlippage();
       * ```
       */
      constructor();
      /**
       * Always `"NoSlippage"`.
       * @example
       * ```ts
       * new slippage.NoSlippage().name; // "NoSlippage"
       * ```
       */
      readonly name: "NoSlippage";
      /**
       * Always null: no volume cap.
       * @example
       * ```ts
       * new slippage.NoSlippage().volumeLimit; // null
       * ```
       */
      readonly volumeLimit: null;
      /**
       * The model, as the results report it.
       * @example
       * ```ts
       * new slippage.NoSlippage().describe(); // { model: "NoSlippage" }
       * ```
       */
      describe(): { model: string };
    }
  }

  /**
   * Which sessions (days) a scheduled function runs on; made by `dateRules`.
   * @example
   * ```ts
   * const rule: DateRule = dateRules.monthStart();
   * scheduleFunction((context, data) => this.rebalance(context, data), rule);
   * ```
   */
  export interface DateRule {
    /**
     * Always `"dateRule"`.
     * @example
     * ```ts
     * dateRules.everyDay().kind; // "dateRule"
     * ```
     */
    readonly kind: "dateRule";
    /**
     * A readable description, such as `"month start + 0"`.
     * @example
     * ```ts
     * this.log.info(dateRules.weekStart(1).label); // "week start + 1"
     * ```
     */
    readonly label: string;
  }

  /**
   * When within a session a scheduled function runs; made by `timeRules`. With daily bars
   * every rule means the day's one bar.
   * @example
   * ```ts
   * const rule: TimeRule = timeRules.marketClose({ minutes: 30 });
   * ```
   */
  export interface TimeRule {
    /**
     * Always `"timeRule"`.
     * @example
     * ```ts
     * timeRules.marketOpen().kind; // "timeRule"
     * ```
     */
    readonly kind: "timeRule";
    /**
     * Anchored at the session's first bar (`"open"`), its last bar (`"close"`), or every bar.
     * @example
     * ```ts
     * timeRules.marketClose().at; // "close"
     * ```
     */
    readonly at: "open" | "close" | "every";
    /**
     * How many bars after the open (or before the close) it runs.
     * @example
     * ```ts
     * timeRules.marketOpen({ hours: 1 }).offsetBars; // 60
     * ```
     */
    readonly offsetBars: number;
  }

  /**
   * Date rules for scheduleFunction, as zipline's `date_rules`. Sessions are UTC days;
   * weeks start on Monday.
   * @example
   * ```ts
   * scheduleFunction((context, data) => this.rebalance(context, data), dateRules.monthStart(), timeRules.marketOpen());
   * ```
   */
  export namespace dateRules {
    /**
     * Every session.
     * @example
     * ```ts
     * scheduleFunction((context) => this.log.info(context.datetime), dateRules.everyDay());
     * ```
     */
    export function everyDay(): DateRule;
    /**
     * The first session of each week, or `daysOffset` sessions after it.
     * @param daysOffset A whole number of at least 0 (default 0).
     * @example
     * ```ts
     * scheduleFunction((context, data) => this.rebalance(context, data), dateRules.weekStart());
     * ```
     */
    export function weekStart(daysOffset?: number): DateRule;
    /**
     * The last session of each week, or `daysOffset` sessions before it.
     * @param daysOffset A whole number of at least 0 (default 0).
     * @example
     * ```ts
     * scheduleFunction((context) => this.flatten(context), dateRules.weekEnd());
     * ```
     */
    export function weekEnd(daysOffset?: number): DateRule;
    /**
     * The first session of each month, or `daysOffset` sessions after it.
     * @param daysOffset A whole number of at least 0 (default 0).
     * @example
     * ```ts
     * scheduleFunction((context, data) => this.rebalance(context, data), dateRules.monthStart(2));
     * ```
     */
    export function monthStart(daysOffset?: number): DateRule;
    /**
     * The last session of each month, or `daysOffset` sessions before it.
     * @param daysOffset A whole number of at least 0 (default 0).
     * @example
     * ```ts
     * scheduleFunction((context) => this.report(context), dateRules.monthEnd());
     * ```
     */
    export function monthEnd(daysOffset?: number): DateRule;
  }

  /**
   * Time rules for scheduleFunction, as zipline's `time_rules`. Offsets count bars, so they
   * matter only with minute data.
   * @example
   * ```ts
   * scheduleFunction((context, data) => this.rebalance(context, data), dateRules.everyDay(), timeRules.marketClose());
   * ```
   */
  export namespace timeRules {
    /**
     * At the session's first bar, or `hours × 60 + minutes` bars after it (minute data).
     * @param opts `minutes` and `hours` after the open (default 0).
     * @example
     * ```ts
     * scheduleFunction((context, data) => this.rebalance(context, data), dateRules.everyDay(), timeRules.marketOpen({ minutes: 30 }));
     * ```
     */
    export function marketOpen(opts?: { minutes?: number; hours?: number }): TimeRule;
    /**
     * At the session's last bar, or `hours × 60 + minutes` bars before it (minute data).
     * @param opts `minutes` and `hours` before the close (default 0).
     * @example
     * ```ts
     * scheduleFunction((context) => orderTarget(context.asset, 0), dateRules.everyDay(), timeRules.marketClose({ minutes: 5 }));
     * ```
     */
    export function marketClose(opts?: { minutes?: number; hours?: number }): TimeRule;
    /**
     * Every bar of the session.
     * @example
     * ```ts
     * scheduleFunction((context, data) => this.check(context, data), dateRules.everyDay(), timeRules.everyMinute());
     * ```
     */
    export function everyMinute(): TimeRule;
  }

  /**
   * `this.log`: messages for the Log panel, stamped with the bar time. Values that are not
   * strings are shown as JSON; errors as their message. `console.log` goes there too.
   * @example
   * ```ts
   * this.log.info(`bought at ${price.toFixed(2)}`);
   * ```
   */
  export interface Logger {
    /**
     * A debug-level message.
     * @example
     * ```ts
     * this.log.debug({ z, price });
     * ```
     */
    debug(message: unknown): void;
    /**
     * An info-level message.
     * @example
     * ```ts
     * this.log.info(`entered ${context.asset.symbol} at ${price}`);
     * ```
     */
    info(message: unknown): void;
    /**
     * A warning.
     * @example
     * ```ts
     * this.log.warning(`order ${id} rejected: ${getOrder(id)?.reason}`);
     * ```
     */
    warning(message: unknown): void;
    /**
     * A warning (alias of `warning`).
     * @example
     * ```ts
     * this.log.warn("not enough history yet");
     * ```
     */
    warn(message: unknown): void;
    /**
     * An error-level message (the run goes on; throw to stop it).
     * @example
     * ```ts
     * this.log.error("spread model diverged");
     * ```
     */
    error(message: unknown): void;
  }

  /**
   * A programming mistake in a strategy (a NaN or fractional amount, an unknown symbol, a
   * price that is not a finite number above 0...). The engine throws it, the run stops and the
   * editor marks the line; you may throw it too.
   * @example
   * ```ts
   * if (context.lookback < 2) throw new StrategyError("lookback must be at least 2");
   * ```
   */
  export class StrategyError extends Error {
    /**
     * @param message What went wrong, in a sentence a person understands.
     * @example
     * ```ts
     * throw new StrategyError("no data for PEP");
     * ```
     */
    constructor(message: string);
  }

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
     * fill on a later bar, never this one.
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
     * Optional: called once after the last bar with the run's results (the results JSON).
     * @example
     * ```ts
     * analyze(context: Context, results: unknown) {
     *   this.log.info(`final value ${context.portfolio.portfolioValue}`);
     * }
     * ```
     */
    analyze?(context: Context, results: unknown): void;

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
     * NaN, infinite or fractional amount throws a StrategyError.
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
     * Orders `trunc(value / last price)` shares: a dollar amount, negative to sell. Returns the
     * id, or null when that is 0 shares.
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
     * kept up to date by the engine.
     * @param id An id returned by an order function.
     * @example
     * ```ts
     * const o = getOrder(context.orderId);
     * if (o?.status === ORDER_STATUS.FILLED) context.entryPrice = o.avgFillPrice;
     * ```
     */
    getOrder(id: string): Order | undefined;
    /**
     * Cancels what is left of an order (reason `USER`); nothing happens for an order that is
     * already done. Cancelling a bracket's entry cancels its held children; cancelling one OCO
     * leg cancels the other. An unknown id throws a StrategyError.
     * @param orderOrId An Order or its id.
     * @example
     * ```ts
     * for (const o of getOpenOrders(context.asset)) cancelOrder(o);
     * ```
     */
    cancelOrder(orderOrId: Order | string): void;

    /**
     * Sets the commission model (call it in initialize). Default
     * `commission.PerShare({ cost: 0.001, minTradeCost: 0 })`.
     * @param model A `commission.*` model.
     * @example
     * ```ts
     * setCommission(new commission.PerTrade({ cost: 1 }));
     * ```
     */
    setCommission(model: CommissionModel): void;
    /**
     * Sets the slippage model (call it in initialize). Default
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
     * `MAX_LEVERAGE`, and at fill). Without it the account does not borrow.
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
     * Compares the run with this asset (benchmark return, alpha and beta in the results).
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
   * always, also when the order is rejected, and null for amount 0.
   * @example
   * ```ts
   * const id = order(context.asset, 100, { style: new LimitOrder(price) });
   * if (getOrder(id!)?.status === ORDER_STATUS.REJECTED) this.log.warn(getOrder(id!)!.reason);
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
   * Sets the commission model (in initialize).
   * @example
   * ```ts
   * setCommission(new commission.PerShare({ cost: 0.005, minTradeCost: 1 }));
   * ```
   */
  export const setCommission: TradingAlgorithm["setCommission"];
  /**
   * Sets the slippage model (in initialize).
   * @example
   * ```ts
   * setSlippage(new slippage.FixedSlippage({ spread: 0.02 }));
   * ```
   */
  export const setSlippage: TradingAlgorithm["setSlippage"];
  /**
   * Limits positions (counting open orders); breaking orders are rejected with `POSITION_LIMIT`.
   * @example
   * ```ts
   * setMaxPositionSize({ asset: context.asset, maxNotional: 50_000 });
   * ```
   */
  export const setMaxPositionSize: TradingAlgorithm["setMaxPositionSize"];
  /**
   * Limits each order; larger orders are rejected with `ORDER_SIZE_LIMIT`.
   * @example
   * ```ts
   * setMaxOrderSize({ maxShares: 500 });
   * ```
   */
  export const setMaxOrderSize: TradingAlgorithm["setMaxOrderSize"];
  /**
   * Forbids shorts; a sell that would go short is rejected with `LONG_ONLY`.
   * @example
   * ```ts
   * setLongOnly();
   * ```
   */
  export const setLongOnly: TradingAlgorithm["setLongOnly"];
  /**
   * Allows borrowing up to `x` × portfolio value of gross exposure.
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
   * Compares the run with this asset in the results.
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
