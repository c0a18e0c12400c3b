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
 * of the call (by default the backtest running now). Each is its own function literal: closures
 * made from one literal in a loop share V8's feedback, so every call looked the method up by a
 * name the call site had seen 20 of and called it through a site that had seen 20 targets
 * (neither cached nor inlined); here each call site sees one method, which V8 inlines.
 */
export function strategyFunctions(host: () => StrategyHost = activeHost): StrategyApi {
  // Reflect.apply, not a spread: after SES's lockdown a spread call walks an array iterator.
  const api: { [K in StrategyFunctionName]: (...args: unknown[]) => unknown } = {
    symbol: (...a) => {
      const h = host();
      return Reflect.apply(h.symbol, h, a);
    },
    order: (...a) => {
      const h = host();
      return Reflect.apply(h.order, h, a);
    },
    orderValue: (...a) => {
      const h = host();
      return Reflect.apply(h.orderValue, h, a);
    },
    orderPercent: (...a) => {
      const h = host();
      return Reflect.apply(h.orderPercent, h, a);
    },
    orderTarget: (...a) => {
      const h = host();
      return Reflect.apply(h.orderTarget, h, a);
    },
    orderTargetValue: (...a) => {
      const h = host();
      return Reflect.apply(h.orderTargetValue, h, a);
    },
    orderTargetPercent: (...a) => {
      const h = host();
      return Reflect.apply(h.orderTargetPercent, h, a);
    },
    getOpenOrders: (...a) => {
      const h = host();
      return Reflect.apply(h.getOpenOrders, h, a);
    },
    getOrder: (...a) => {
      const h = host();
      return Reflect.apply(h.getOrder, h, a);
    },
    cancelOrder: (...a) => {
      const h = host();
      return Reflect.apply(h.cancelOrder, h, a);
    },
    setCommission: (...a) => {
      const h = host();
      return Reflect.apply(h.setCommission, h, a);
    },
    setSlippage: (...a) => {
      const h = host();
      return Reflect.apply(h.setSlippage, h, a);
    },
    setMaxPositionSize: (...a) => {
      const h = host();
      return Reflect.apply(h.setMaxPositionSize, h, a);
    },
    setMaxOrderSize: (...a) => {
      const h = host();
      return Reflect.apply(h.setMaxOrderSize, h, a);
    },
    setLongOnly: (...a) => {
      const h = host();
      return Reflect.apply(h.setLongOnly, h, a);
    },
    setMaxLeverage: (...a) => {
      const h = host();
      return Reflect.apply(h.setMaxLeverage, h, a);
    },
    setCash: (...a) => {
      const h = host();
      return Reflect.apply(h.setCash, h, a);
    },
    setBenchmark: (...a) => {
      const h = host();
      return Reflect.apply(h.setBenchmark, h, a);
    },
    scheduleFunction: (...a) => {
      const h = host();
      return Reflect.apply(h.scheduleFunction, h, a);
    },
    record: (...a) => {
      const h = host();
      return Reflect.apply(h.record, h, a);
    },
  };
  return api as unknown as StrategyApi;
}

/** The free functions of "playground" and the methods of TradingAlgorithm: the same functions. */
export const PLAYGROUND_FUNCTIONS: StrategyApi = strategyFunctions();
