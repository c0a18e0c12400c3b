/*
 * Declarations of the "playground" module: scheduling (date and time rules), the logger and StrategyError.
 * One of the files listed in playground-dts-files.ts, whose `declare module "playground"`
 * blocks merge into one module; everything that checks strategies loads them all.
 */
declare module "playground" {
  // ---------------------------------------------------------------------------------------
  // Scheduling and output: date and time rules, the logger, StrategyError
  // ---------------------------------------------------------------------------------------

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
}
