/*
 * Declarations of the "playground" module: the execution styles (market, limit, stop, stop-limit, trailing stop, OCO, bracket).
 * One of the files listed in playground-dts-files.ts, whose `declare module "playground"`
 * blocks merge into one module; everything that checks strategies loads them all.
 */
declare module "playground" {
  // ---------------------------------------------------------------------------------------
  // Orders: the execution styles
  // ---------------------------------------------------------------------------------------

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
}
