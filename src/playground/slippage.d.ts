/*
 * Declarations of the "playground" module: the slippage models.
 * One of the files listed in playground-dts-files.ts, whose `declare module "playground"`
 * blocks merge into one module; everything that checks strategies loads them all.
 */
declare module "playground" {
  // ---------------------------------------------------------------------------------------
  // Settings: slippage models
  // ---------------------------------------------------------------------------------------

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
}
