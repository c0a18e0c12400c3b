/**
 * Declarations of the "playground" module: the results `analyze` receives (the results JSON of
 * docs/cli.md, schemaVersion 1). Times are ISO strings; money is rounded to the cent; ratios are
 * fractions (0.05, not 5).
 */
declare module "playground" {
  /**
   * The run's results, as `analyze(context, results)` gets them: a copy of the results JSON the
   * command line writes and the page exports.
   * @example
   * ```ts
   * override analyze(context: Context, results: Results) {
   *   this.log.info(`Sharpe ${results.summary.sharpe?.toFixed(2)} over ${results.summary.trades} trades`);
   * }
   * ```
   */
  export interface Results {
    /**
     * Always 1 for this layout of the results.
     * @example
     * ```ts
     * if (results.schemaVersion !== 1) this.log.warn("results of another layout");
     * ```
     */
    schemaVersion: 1;
    /**
     * What ran: the strategy's name, the period, the symbols, the settings used and the fills hash.
     * @example
     * ```ts
     * this.log.info(`${results.run.bars} bars of ${results.run.symbols.join(", ")}, fills hash ${results.run.fillsHash}`);
     * ```
     */
    run: {
      strategy: string;
      /** The first and last bar's time. */
      start: string | null;
      end: string | null;
      bars: number;
      symbols: string[];
      /** The settings the run used, by their results-JSON names (`samePolicy` for the same-bar policy). */
      settings: { [name: string]: unknown };
      /** 16 hex digits over every fill: two runs with the same hash made the same fills. */
      fillsHash: string;
      elapsedMs: number;
      stopped: boolean;
    };
    /**
     * The performance metrics (docs/metrics.md). Ratios are fractions; a ratio that cannot be
     * computed (no losing bar, no trade) is null.
     * @example
     * ```ts
     * const s = results.summary;
     * this.log.info(`return ${(s.totalReturn * 100).toFixed(1)}%, Sharpe ${s.sharpe?.toFixed(2)}, max drawdown ${(s.maxDrawdown * 100).toFixed(1)}%`);
     * ```
     */
    summary: {
      startingCash: number;
      endingValue: number;
      totalReturn: number;
      cagr: number;
      annualVolatility: number;
      sharpe: number | null;
      sortino: number | null;
      /** A negative fraction: −0.2 is 20% below the peak. */
      maxDrawdown: number;
      /** In bars. */
      maxDrawdownDuration: number;
      calmar: number | null;
      /** The fraction of bars that ended holding a position. */
      exposure: number;
      trades: number;
      winRate: number | null;
      averageWin: number | null;
      averageLoss: number | null;
      profitFactor: number | null;
      expectancy: number | null;
      turnover: number;
      commissions: number;
      realizedPnl: number;
      unrealizedPnl: number;
      ambiguousBars: number;
      orders: number;
      fills: number;
      /** With `setBenchmark(asset)` only. */
      benchmark?: string;
      benchmarkReturn?: number;
      alpha?: number | null;
      beta?: number | null;
    };
    /**
     * Every order in its final state, in placement order; bracket and OCO legs are separate
     * orders linked by `parentId` / `ocoId`.
     * @example
     * ```ts
     * const rejected = results.orders.filter((o) => o.status === ORDER_STATUS.REJECTED).length;
     * ```
     */
    orders: {
      id: string;
      symbol: string;
      amount: number;
      filled: number;
      status: OrderStatus;
      reason: string | null;
      type: OrderType;
      limit: number | null;
      stop: number | null;
      trailPercent: number | null;
      trailAmount: number | null;
      tif: string;
      parentId: string | null;
      ocoId: string | null;
      createdAt: string;
      updatedAt: string;
      avgFillPrice: number | null;
      commission: number;
    }[];
    /**
     * Every fill, in time order.
     * @example
     * ```ts
     * const paid = results.fills.reduce((sum, f) => sum + f.commission, 0);
     * ```
     */
    fills: {
      orderId: string;
      symbol: string;
      dt: string;
      /** Signed shares: above 0 bought, below 0 sold. */
      amount: number;
      price: number;
      commission: number;
    }[];
    /**
     * Bars where both legs of a live bracket or OCO pair could fill, so the same-bar policy decided.
     * @example
     * ```ts
     * for (const a of results.ambiguous) this.log.warn(`${a.dt}: ${a.orderIds.join(" or ")}`);
     * ```
     */
    ambiguous: { dt: string; symbol: string; orderIds: [string, string] }[];
    /**
     * Every event of the run: order transitions, fills, stop moves, log lines and records.
     * @example
     * ```ts
     * const stopMoves = results.events.filter((e) => e.type === "stopMoved").length;
     * ```
     */
    events: { dt: string; type: "order" | "fill" | "stopMoved" | "log" | "record"; [key: string]: unknown }[];
    /**
     * The portfolio value and cash at every bar's close.
     * @example
     * ```ts
     * const peak = Math.max(...results.equity.map((p) => p.value));
     * ```
     */
    equity: { dt: string; value: number; cash: number }[];
    /**
     * The positions held at the end.
     * @example
     * ```ts
     * for (const p of results.positions) this.log.info(`${p.symbol}: ${p.amount} @ ${p.costBasis}`);
     * ```
     */
    positions: { symbol: string; amount: number; costBasis: number; lastSalePrice: number }[];
    /**
     * Round trips per symbol (FIFO), with entry and exit, P&L after commissions, return and bars held.
     * @example
     * ```ts
     * const best = results.trades.reduce((a, t) => Math.max(a, t.returnPct), -Infinity);
     * ```
     */
    trades: {
      symbol: string;
      side: "long" | "short";
      entryDt: string;
      entryPrice: number;
      exitDt: string;
      exitPrice: number;
      /** Shares closed, always positive. */
      amount: number;
      /** After the commissions of both sides. */
      pnl: number;
      /** pnl ÷ (entry price × shares), a fraction. */
      returnPct: number;
      /** Bars from the first entry fill to the last exit fill. */
      bars: number;
    }[];
    /**
     * The log lines of the bars, stamped with their bar time (not what `analyze` logs).
     * @example
     * ```ts
     * const warnings = results.logs.filter((l) => l.level === "warning").length;
     * ```
     */
    logs: { dt: string; level: string; message: string }[];
    /**
     * Each `record()` name's values, as [time, value] pairs.
     * @example
     * ```ts
     * const spread = results.records["spread"] ?? [];
     * ```
     */
    records: Record<string, [string, number][]>;
  }
}
