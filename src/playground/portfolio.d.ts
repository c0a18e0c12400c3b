/*
 * Declarations of the "playground" module: the portfolio, the account, the blotter and the context.
 * One of the files listed in playground-dts-files.ts, whose `declare module "playground"`
 * blocks merge into one module; everything that checks strategies loads them all.
 */
declare module "playground" {
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
    readonly orders: OrderBook;
  }

  /**
   * `context.blotter.orders`: a read-only Map of every order by id, whose `get` and `has` also take
   * what `order()` returns when it placed nothing (`null`), as zipline's `blotter.orders.get` does.
   * @example
   * ```ts
   * const id = order(context.asset, 100);
   * if (context.blotter.orders.get(id)?.status === ORDER_STATUS.REJECTED) this.log.warn("rejected");
   * ```
   */
  export interface OrderBook extends ReadonlyMap<string, Order> {
    /**
     * The order with this id (the same object `getOrder(id)` returns), or undefined, also for `null`.
     * @example
     * ```ts
     * const o = context.blotter.orders.get(context.orderId);
     * ```
     */
    get(id: string | null | undefined): Order | undefined;
    /**
     * Whether an order with this id was placed (false for `null`).
     * @example
     * ```ts
     * if (!context.blotter.orders.has(context.orderId)) context.orderId = order(context.asset, 100);
     * ```
     */
    has(id: string | null | undefined): boolean;
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
}
