/*
 * Declarations of the "playground" module: the global `console` strategies have (lib ES2022 has
 * none without the DOM). One of the files listed in playground-dts-files.ts.
 */
declare module "playground" {
  /**
   * What strategies find in the global scope besides ES2022: a `console` into the Log panel.
   * @example
   * ```ts
   * console.info("rebalancing", context.portfolio.portfolioValue);
   * ```
   */
  global {
    /**
     * Writes a line to the Log panel (and the CLI's log), at the bar being run: `log` and `info`
     * at info level, `warn` at warning, `error` at error, `debug` at debug. Its arguments are joined
     * with spaces: strings as they are, errors as their message, the rest as JSON.
     * @example
     * ```ts
     * console.log("price", data.current(context.asset, "close"));
     * ```
     */
    var console: PlaygroundConsole;

    /**
     * The console a strategy has: its lines go to the Log panel.
     * @example
     * ```ts
     * console.warn("no data for", context.asset.symbol);
     * ```
     */
    interface PlaygroundConsole {
      /**
       * A line at info level in the Log panel.
       * @example
       * ```ts
       * console.log("bar", data.current(context.asset, "close"));
       * ```
       */
      log(...data: unknown[]): void;
      /**
       * A line at info level in the Log panel.
       * @example
       * ```ts
       * console.info("bar", data.current(context.asset, "close"));
       * ```
       */
      info(...data: unknown[]): void;
      /**
       * A line at warning level in the Log panel.
       * @example
       * ```ts
       * console.warn("bar", data.current(context.asset, "close"));
       * ```
       */
      warn(...data: unknown[]): void;
      /**
       * A line at error level in the Log panel.
       * @example
       * ```ts
       * console.error("bar", data.current(context.asset, "close"));
       * ```
       */
      error(...data: unknown[]): void;
      /**
       * A line at debug level in the Log panel.
       * @example
       * ```ts
       * console.debug("bar", data.current(context.asset, "close"));
       * ```
       */
      debug(...data: unknown[]): void;
    }
  }
}
