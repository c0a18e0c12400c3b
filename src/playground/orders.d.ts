/*
 * Declarations of the "playground" module: orders: their statuses, the Order, time in force and order options.
 * One of the files listed in playground-dts-files.ts, whose `declare module "playground"`
 * blocks merge into one module; everything that checks strategies loads them all.
 */
declare module "playground" {
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
   * Read-only for strategies (assigning to a field throws a TypeError): the engine updates it
   * as the order fills, and you change it only through `cancelOrder`.
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
     * The execution style; a market order when omitted or `null` (zipline's `style=None`).
     * @example
     * ```ts
     * order(context.asset, 100, { style: new LimitOrder(price * 0.99) });
     * ```
     */
    style?: ExecutionStyle | null;
    /**
     * Time in force; `"GTC"` when omitted.
     * @example
     * ```ts
     * order(context.asset, 100, { tif: "IOC" });
     * ```
     */
    tif?: TimeInForce;
  }
}
