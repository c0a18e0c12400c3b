/*
 * Declarations of the "playground" module: size limits and the commission models.
 * One of the files listed in playground-dts-files.ts, whose `declare module "playground"`
 * blocks merge into one module; everything that checks strategies loads them all.
 */
declare module "playground" {
  // ---------------------------------------------------------------------------------------
  // Settings: size limits and commission models
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
}
