import { Backtest } from "../../../src/engine/backtest";
import type { BarData } from "../../../src/engine/data/bar-data";
import type { Context } from "../../../src/engine/api/context";
import type { SymbolBars } from "../../../src/engine/data/symbol-bars";
import type { EngineEvent } from "../../../src/engine/events";
import type { Order } from "../../../src/engine/orders/order";
import { buildResults, type ResultsJson } from "../../../src/engine/results/results";
import { DEFAULT_SETTINGS, type RunSettings } from "../../../src/engine/settings";
import { TradingAlgorithm } from "../../../src/engine/api/trading-algorithm";
import { type StrategyApi, strategyFunctions } from "../../../src/engine/api/strategy-api";

/** A backtest with its "playground" functions as methods (`bt.order(...)`), also after the run. */
export type TestRun = Backtest & StrategyApi;

/** `bt` with every "playground" function of its run as a method, as a script step sees them. */
export function withApi(bt: Backtest): TestRun {
  return Object.assign(
    bt,
    strategyFunctions(() => bt.host),
  );
}

/** What a scripted step gets: the running backtest (the whole "playground" API), context, data, bar index. */
export type Step = (bt: TestRun, context: Context, data: BarData, t: number) => unknown;

const returned = new WeakMap<Backtest, Map<number, unknown>>();

/** What the script's step at bar `t` returned (typically an order id), the last time it ran. */
export function idAt(bt: Backtest, t: number): string | null {
  const v = returned.get(bt)?.get(t);
  if (v === undefined) throw new Error(`the step at bar ${t} returned nothing`);
  return v as string | null;
}

/** The orders of the ids the step at bar `t` returned as an array. */
export function ordersAt(bt: Backtest, t: number): Order[] {
  const v = returned.get(bt)?.get(t);
  if (!Array.isArray(v)) throw new Error(`the step at bar ${t} did not return an array of ids`);
  return v.map((id: string | null) => orderOf(bt, id));
}

export interface RunOptions {
  /** Run settings over the test defaults (NoSlippage, NoCommission, ohlc, $100,000). */
  settings?: Partial<RunSettings>;
  /** Called in initialize (set commission, controls, cash...). */
  init?: (bt: TestRun, context: Context) => void;
}

/** Clean numbers by default: no slippage, no commission. */
export const TEST_SETTINGS: RunSettings = {
  ...DEFAULT_SETTINGS,
  slippage: { model: "NoSlippage" },
  commission: { model: "NoCommission" },
};

/**
 * Run a scripted strategy: `script[t]` runs in handleData of bar `t` (a function runs on
 * every bar). Returns the finished Backtest to inspect.
 */
export function run(
  data: SymbolBars | readonly SymbolBars[],
  script: Record<number, Step> | Step,
  opts: RunOptions = {},
): TestRun {
  class Scripted extends TradingAlgorithm {
    override initialize(context: Context): void {
      opts.init?.(bt, context);
    }
    override handleData(context: Context, d: BarData): void {
      const t = context.barIndex;
      const step = typeof script === "function" ? script : script[t];
      const out = step?.(bt, context, d, t);
      if (out !== undefined) returned.get(bt)!.set(t, out);
    }
  }
  const list = Array.isArray(data) ? data : [data as SymbolBars];
  const bt: TestRun = withApi(new Backtest(list, { ...TEST_SETTINGS, ...opts.settings }, new Scripted()));
  returned.set(bt, new Map());
  bt.run();
  return bt;
}

export function results(bt: Backtest): ResultsJson {
  return buildResults(bt, { strategy: "test", elapsedMs: 0 });
}

/** The order with this id (throws when missing, so a typo fails loudly). */
export function orderOf(bt: Backtest, id: string | null): Order {
  const o = id === null ? undefined : bt.broker.orders.get(id);
  if (!o) throw new Error(`no order ${id}`);
  return o;
}

/** Fills of one order as [bar index, shares, price]. */
export function fillsOf(bt: Backtest, id: string | null): Array<[number, number, number]> {
  return bt.broker.fills.filter((f) => f.orderId === id).map((f) => [f.bar, f.amount, f.price]);
}

/** The order events of one order, as "Event@bar" strings, in order. */
export function trail(bt: Backtest, id: string | null): string[] {
  const timeline = bt.md.timeline;
  return [...bt.events]
    .filter((e): e is Extract<EngineEvent, { type: "order" }> => e.type === "order" && e.order.id === id)
    .map((e) => `${e.event}@${timeline.indexOf(e.dt)}`);
}

export function eventsOfType<T extends EngineEvent["type"]>(
  bt: Backtest,
  type: T,
): Array<Extract<EngineEvent, { type: T }>> {
  return [...bt.events].filter((e): e is Extract<EngineEvent, { type: T }> => e.type === type);
}
