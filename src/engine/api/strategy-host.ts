import type { Asset } from "../data/asset";
import type { BarData } from "../data/bar-data";
import type { Broker, OrderOptions } from "../broker";
import type { CommissionModel } from "../matching/commission";
import type { Context } from "./context";
import { Controls, type SizeLimit } from "../account/controls";
import type { EventLog } from "../event-log";
import { Logger } from "./logger";
import { money } from "../account/money";
import { orderView, type OrderView } from "../orders/order-view";
import { checkAsset } from "../orders/order-arguments";
import { describeValue, excerpt } from "../excerpt";
import { sharesForValue, targetShares } from "../orders/order-sizing";
import { checkDateRule, checkTimeRule, type DateRule, type TimeRule } from "./schedule";
import type { SlippageModel } from "../matching/slippage";
import type { Order } from "../orders/order";
import { StrategyError } from "../strategy-error";
import { CASH } from "../settings/cash-setting";
import { checkNumber as inRange, rangeText } from "../settings/setting-kinds";
import { checkedCommission, checkedSlippage } from "../matching/checked-models";

/** A function given to scheduleFunction, with when it runs. */
export interface ScheduledJob {
  readonly fn: (context: Context, data: BarData) => void;
  readonly date: DateRule;
  readonly time: TimeRule;
}

/**
 * What a running backtest offers the strategy: the implementation of every "playground"
 * function (the names are listed in strategy-api.ts, which makes them free functions and
 * TradingAlgorithm methods). It checks what the strategy passes, then acts on the broker,
 * and keeps what the strategy asked for: recorded series, scheduled functions, the benchmark.
 */
export class StrategyHost {
  readonly log: Logger;
  /** `record(...)` series by name, as [time, value] points. */
  readonly records = new Map<string, Array<[number, number]>>();
  readonly scheduled: ScheduledJob[] = [];
  benchmark: Asset | null = null;

  /**
   * @param events where events (records, log lines) go
   * @param hook the hook running now ("initialize", "handleData", ...)
   */
  constructor(
    private readonly broker: Broker,
    private readonly events: EventLog,
    private readonly hook: () => string,
  ) {
    this.log = new Logger((level, message) => events.log(broker.clock.dt, level, message));
  }

  /**
   * Settings and trading controls belong to initialize, as in zipline (SetCommissionPostInit,
   * RegisterTradingControlPostInit, SetBenchmarkOutsideInitialize): one model for the whole
   * run, which is also the one run.settings reports.
   */
  private inInitialize(what: string): void {
    if (this.hook() !== "initialize") throw new StrategyError(`${what} works only inside initialize`);
  }

  /**
   * Orders are placed while bars run: zipline refuses them in initialize (OrderDuringInitialize),
   * when no bar has been seen, and after the last bar no order could ever fill.
   */
  private whileTrading(what: string): void {
    const hook = this.hook();
    if (hook === "initialize" || hook === "analyze" || hook === "end")
      throw new StrategyError(
        `${what}() cannot be called in ${hook === "initialize" ? "initialize, before the first bar" : "analyze, after the last bar"}: place orders from handleData, beforeTradingStart or a scheduled function`,
      );
  }

  symbol(symbol: string): Asset {
    if (typeof symbol !== "string")
      throw new StrategyError(`symbol() takes a ticker string like "SPY", got ${typeof symbol}`);
    return this.broker.md.symbol(symbol);
  }
  order(asset: Asset, amount: number, opts?: OrderOptions): string | null {
    this.whileTrading("order");
    return this.broker.place(asset, amount, opts);
  }
  orderValue(asset: Asset, value: number, opts?: OrderOptions): string | null {
    this.whileTrading("orderValue");
    return this.order(asset, sharesForValue(this.broker, asset, value, "orderValue"), opts);
  }
  orderPercent(asset: Asset, percent: number, opts?: OrderOptions): string | null {
    this.whileTrading("orderPercent");
    const value = this.broker.ledger.portfolioValue() * checkNumber("orderPercent percent", percent);
    return this.orderValue(asset, value, opts);
  }
  orderTarget(asset: Asset, shares: number, opts?: OrderOptions): string | null {
    this.whileTrading("orderTarget");
    return this.order(asset, targetShares(this.broker, asset, checkNumber("orderTarget shares", shares)), opts);
  }
  orderTargetValue(asset: Asset, value: number, opts?: OrderOptions): string | null {
    this.whileTrading("orderTargetValue");
    return this.orderTarget(asset, sharesForValue(this.broker, asset, value, "orderTargetValue"), opts);
  }
  orderTargetPercent(asset: Asset, percent: number, opts?: OrderOptions): string | null {
    this.whileTrading("orderTargetPercent");
    const value = this.broker.ledger.portfolioValue() * checkNumber("orderTargetPercent percent", percent);
    return this.orderTargetValue(asset, value, opts);
  }
  getOpenOrders(): Map<Asset, OrderView[]>;
  getOpenOrders(asset: Asset): OrderView[];
  getOpenOrders(asset?: Asset): OrderView[] | Map<Asset, OrderView[]> {
    const { md, live } = this.broker;
    if (asset !== undefined) return openOrdersOf(live[checkAsset(md.assets, asset, "getOpenOrders").sid]!);
    return allOpenOrders(md.assets, live);
  }
  getOrder(id: string | null | undefined): OrderView | undefined {
    const o = typeof id === "string" ? this.broker.orders.get(id) : undefined;
    return o === undefined ? undefined : orderView(o);
  }
  /** By id, or by the order object getOrder / getOpenOrders / the blotter handed out. */
  cancelOrder(orderOrId: OrderView | string): void {
    const id: unknown = typeof orderOrId === "string" ? orderOrId : (orderOrId as { id?: unknown } | null)?.id;
    const o = typeof id === "string" ? this.broker.orders.get(id) : undefined;
    if (o === undefined || (typeof orderOrId !== "string" && orderView(o) !== orderOrId)) {
      throw new StrategyError(
        `cancelOrder: no order ${typeof id === "string" ? excerpt(id) : describeValue(orderOrId)}`,
      );
    }
    this.broker.cancelByUser(o);
  }
  setCommission(model: CommissionModel): void {
    this.inInitialize("setCommission");
    this.broker.commission = checkedCommission(model);
  }
  setSlippage(model: SlippageModel): void {
    this.inInitialize("setSlippage");
    this.broker.slippage = checkedSlippage(model);
  }
  setMaxPositionSize(limit: SizeLimit): void {
    this.inInitialize("setMaxPositionSize");
    this.broker.controls.maxPositionSize.push(this.checkLimit("setMaxPositionSize", limit));
  }
  setMaxOrderSize(limit: SizeLimit): void {
    this.inInitialize("setMaxOrderSize");
    this.broker.controls.maxOrderSize.push(this.checkLimit("setMaxOrderSize", limit));
  }
  /** A size limit, checked; its asset (when it names one) must be one of the run's, or the limit would match nothing. */
  private checkLimit(what: string, limit: SizeLimit): SizeLimit {
    const checked = Controls.checkLimit(what, limit);
    if (checked.asset !== undefined && checked.asset !== null) checkAsset(this.broker.md.assets, checked.asset, what);
    return checked;
  }
  setLongOnly(): void {
    this.inInitialize("setLongOnly");
    this.broker.controls.longOnly = true;
  }
  setMaxLeverage(x: number): void {
    this.inInitialize("setMaxLeverage");
    if (!Number.isFinite(x) || x <= 0) throw new StrategyError(`setMaxLeverage takes a number above 0, got ${x}`);
    this.broker.controls.maxLeverage = x;
  }
  setCash(x: number): void {
    if (!inRange("setCash", CASH, x).ok)
      throw new StrategyError(`setCash takes an amount ${rangeText(CASH)}, got ${describeValue(x)}`);
    this.inInitialize("setCash");
    this.broker.ledger.resetCash(money(x));
  }
  setBenchmark(asset: Asset): void {
    this.inInitialize("setBenchmark");
    this.benchmark = checkAsset(this.broker.md.assets, asset, "setBenchmark");
  }
  scheduleFunction(fn: (context: Context, data: BarData) => void, dateRule?: DateRule, timeRule?: TimeRule): void {
    if (typeof fn !== "function") throw new StrategyError("scheduleFunction takes a function first");
    this.scheduled.push({ fn, date: checkDateRule(dateRule), time: checkTimeRule(timeRule) });
  }
  record(values: Record<string, number>): void;
  record(name: string, value: number): void;
  record(a: Record<string, number> | string, b?: number): void {
    // Each value is read once, into a copy that both the series and the event get: a getter read
    // again could hand the event log something else than the number checked here.
    const entries = Object.entries(typeof a === "string" ? { [a]: b as number } : a);
    const dt = this.broker.clock.dt;
    for (const [name, v] of entries)
      if (typeof v !== "number") throw new StrategyError(`record: ${name} must be a number, got ${typeof v}`);
    for (const [name, v] of entries) {
      let s = this.records.get(name);
      if (!s) this.records.set(name, (s = []));
      s.push([dt, v as number]);
    }
    // fromEntries, not assignment: a series named "__proto__" stays a series.
    this.events.record(dt, Object.fromEntries(entries) as Record<string, number>);
  }
}

/**
 * The views of a symbol's live orders, in a new list. A strategy may call this every bar, mostly
 * when there are none: an empty literal then, which V8 does not make at all when the strategy's
 * code it is inlined into only reads its `length`.
 */
function openOrdersOf(live: readonly Order[]): OrderView[] {
  return live.length === 0 ? [] : live.map(orderView);
}

/** `getOpenOrders()` without an asset, in a function of its own: the method stays small enough for V8 to inline into a strategy. */
function allOpenOrders(assets: readonly Asset[], live: readonly (readonly Order[])[]): Map<Asset, OrderView[]> {
  const out = new Map<Asset, OrderView[]>();
  live.forEach((list, sid) => {
    if (list.length > 0) out.set(assets[sid]!, list.map(orderView));
  });
  return out;
}

function checkNumber(what: string, x: number): number {
  if (typeof x !== "number" || !Number.isFinite(x))
    throw new StrategyError(`${what} must be a finite number, got ${describeValue(x)}`);
  return x;
}

let active: StrategyHost | null = null;

/** The backtest running now (one at a time per thread), for the free functions of "playground". */
export function activeHost(): StrategyHost {
  if (!active) throw new Error("no backtest is running: the playground functions work only inside a strategy's hooks");
  return active;
}

export function setActiveHost(host: StrategyHost | null): void {
  active = host;
}
