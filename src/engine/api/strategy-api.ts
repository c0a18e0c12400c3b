import { activeHost, type StrategyHost } from "./strategy-host";

/**
 * The functions of the "playground" module, named once. Each is a free function of the
 * module (`order(asset, 10)`, acting on the running strategy) and a method of every strategy
 * (`this.order(asset, 10)`); both call the StrategyHost method of the same name.
 *
 * Adding a function to the API: its name here, its implementation in StrategyHost
 * (strategy-host.ts), its declaration with hover docs in src/playground/ (a method of
 * TradingAlgorithm and a `const` free function). The types check
 * (src/playground/playground-types-check.ts) fails until all three agree.
 */
export const STRATEGY_FUNCTIONS = [
  "symbol",
  "order",
  "orderValue",
  "orderPercent",
  "orderTarget",
  "orderTargetValue",
  "orderTargetPercent",
  "getOpenOrders",
  "getOrder",
  "cancelOrder",
  "setCommission",
  "setSlippage",
  "setMaxPositionSize",
  "setMaxOrderSize",
  "setLongOnly",
  "setMaxLeverage",
  "setCash",
  "setBenchmark",
  "scheduleFunction",
  "record",
] as const satisfies readonly (keyof StrategyHost)[];

export type StrategyFunctionName = (typeof STRATEGY_FUNCTIONS)[number];

/** The API as functions: each has the signature of the StrategyHost method of its name. */
export type StrategyApi = Pick<StrategyHost, StrategyFunctionName>;

/**
 * One function per name, each calling that method on the host `host()` returns at the time
 * of the call (by default the backtest running now).
 */
export function strategyFunctions(host: () => StrategyHost = activeHost): StrategyApi {
  const api: Partial<Record<StrategyFunctionName, (...args: unknown[]) => unknown>> = {};
  for (const name of STRATEGY_FUNCTIONS) {
    const f = (...args: unknown[]): unknown => {
      const h = host();
      return Reflect.apply(h[name], h, args);
    };
    Object.defineProperty(f, "name", { value: name });
    api[name] = f;
  }
  return api as StrategyApi;
}

/** The free functions of "playground" and the methods of TradingAlgorithm: the same functions. */
export const PLAYGROUND_FUNCTIONS: StrategyApi = strategyFunctions();
