import type { Asset } from "./data/asset";
import { BarData } from "./data/bar-data";
import { Broker, type Clock, type OrderOptions } from "./broker";
import type { CommissionModel } from "./matching/commission";
import { Context } from "./api/context";
import { Controls, type SizeLimit } from "./account/controls";
import type { SymbolBars } from "./data/symbol-bars";
import type { EngineEvent, LogLevel } from "./events";
import { fillModelByName } from "./matching/fill-model";
import { Ledger } from "./account/ledger";
import { Logger } from "./api/logger";
import { MarketData } from "./data/market-data";
import { money } from "./account/money";
import type { Order } from "./orders/order";
import { expireOrders } from "./orders/order-expiry";
import { matchSymbol } from "./matching/order-matcher";
import { targetShares, sharesForValue } from "./orders/order-sizing";
import { AccountView, PortfolioView } from "./account/portfolio-view";
import { type DateRule, dateRules, type Session, sessionsOf, type TimeRule, timeRules } from "./api/schedule";
import { commissionFromSpec, dateBound, type RunSettings, slippageFromSpec } from "./settings";
import type { SlippageModel } from "./matching/slippage";
import { StrategyError } from "./strategy-error";
import { setActiveHost, type StrategyHost } from "./api/strategy-host";
import type { TradingAlgorithm } from "./api/trading-algorithm";

export interface BacktestListener {
  /** Step 5: the bar's events in one batch (the array is reused: copy what you keep). */
  onBar?(t: number, events: readonly EngineEvent[]): void;
  /** Polled every 1,024 bars; returning true ends the run early (Stop). */
  shouldStop?(): boolean;
  /** A strategy hook is about to run at bar `t` (Unix ms `dt`): where a run is, if it never returns. */
  onHook?(hook: string, t: number, dt: number): void;
}

/** A strategy hook threw: the original error plus where in the run it happened. */
export class StrategyRuntimeError extends Error {
  constructor(
    readonly original: unknown,
    readonly hook: string,
    readonly dt: number,
    readonly barIndex: number,
  ) {
    // What user code threw may be of any shape (a getter that throws, no prototype): the
    // runtime reads it carefully; this message is only for a stack trace.
    super(plainMessage(original) ?? `${hook} threw`);
    this.name = "StrategyRuntimeError";
  }
}

const DAY_MS = 86_400_000;

function plainMessage(e: unknown): string | undefined {
  try {
    return e instanceof Error && typeof e.message === "string" ? e.message : undefined;
  } catch {
    return undefined;
  }
}

function isThenable(r: unknown): boolean {
  return (
    (typeof r === "object" || typeof r === "function") &&
    r !== null &&
    typeof (r as { then?: unknown }).then === "function"
  );
}

interface Scheduled {
  fn: (c: unknown, d: unknown) => void;
  date: DateRule;
  time: TimeRule;
}

/**
 * One backtest: the bar loop of execution.md over the loaded data, calling the strategy's
 * hooks. Construct, then `run()`; everything it produced stays readable afterwards.
 */
export class Backtest implements StrategyHost {
  readonly md: MarketData;
  readonly ledger: Ledger;
  readonly broker: Broker;
  readonly clock: Clock = { t: 0, dt: 0 };
  readonly context: Context;
  readonly data: BarData;
  readonly log: Logger;
  readonly events: EngineEvent[] = [];
  readonly equityValue: Float64Array;
  readonly equityCash: Float64Array;
  /** 1 for bars that ended holding a position (for the exposure metric). */
  readonly inMarket: Uint8Array;
  readonly records = new Map<string, Array<[number, number]>>();
  private sessionList: Session[] | null = null;
  benchmark: Asset | null = null;
  /** Bars processed (less than the timeline when stopped early). */
  barsDone = 0;
  stopped = false;
  private readonly batch: EngineEvent[] = [];
  private readonly scheduled: Scheduled[] = [];
  private phase = "initialize";

  constructor(
    bars: readonly SymbolBars[],
    readonly settings: RunSettings,
    readonly algo: TradingAlgorithm,
    private readonly listener: BacktestListener = {},
  ) {
    this.md = new MarketData(bars, dateBound(settings.start, "start"), dateBound(settings.end, "end"));
    if (this.md.timeline.length === 0)
      throw new StrategyError("no bars to run on: the data is empty or outside the start/end dates");
    this.clock.dt = this.md.timeline[0]!;
    this.ledger = new Ledger(money(settings.cash));
    this.broker = new Broker(
      this.md,
      this.ledger,
      fillModelByName(settings.fillModel),
      settings.sameBarPolicy,
      commissionFromSpec(settings.commission),
      slippageFromSpec(settings.slippage),
      this.clock,
      (e) => this.emit(e),
    );
    const blotter = { orders: this.broker.orders };
    this.context = new Context(
      new PortfolioView(this.ledger),
      new AccountView(this.ledger, () => this.broker.controls.maxLeverage),
      blotter,
      this.clock,
    );
    this.data = new BarData(this.md);
    this.log = new Logger((level, message) => this.logLine(level, message));
    this.equityValue = new Float64Array(this.md.timeline.length);
    this.equityCash = new Float64Array(this.md.timeline.length);
    this.inMarket = new Uint8Array(this.md.timeline.length);
  }

  /** The timeline cut into sessions (days), placed in their weeks and months; built on first use. */
  get sessions(): Session[] {
    return (this.sessionList ??= sessionsOf(this.md.timeline));
  }

  run(): void {
    setActiveHost(this);
    try {
      this.call("initialize", () => this.algo.initialize(this.context));
      this.loop();
      this.phase = "end";
    } catch (e) {
      throw new StrategyRuntimeError(e, this.phase, this.clock.dt, this.clock.t);
    } finally {
      setActiveHost(null);
    }
  }

  /** Let `analyze` see the results, with the free functions still bound to this run. */
  callAnalyze(results: unknown): void {
    if (!this.algo.analyze) return;
    setActiveHost(this);
    try {
      this.call("analyze", () => this.algo.analyze!(this.context, results));
    } catch (e) {
      throw new StrategyRuntimeError(e, "analyze", this.clock.dt, this.clock.t);
    } finally {
      setActiveHost(null);
    }
  }

  private loop(): void {
    const { md, broker, ledger, clock, listener } = this;
    const timeline = md.timeline;
    let session = -1;
    let lastDay = NaN;
    const algo = this.algo;
    for (let t = 0; t < timeline.length; t++) {
      if ((t & 1023) === 1023 && listener.shouldStop?.()) {
        this.stopped = true;
        break;
      }
      clock.t = t;
      clock.dt = timeline[t]!;
      md.advance(t);
      // 1. Match orders placed before this bar against it.
      let anyLive = false;
      for (let sid = 0; sid < broker.live.length; sid++) {
        if (broker.live[sid]!.length === 0) continue;
        anyLive = true;
        if (md.hasBar[sid] === 1) matchSymbol(broker, sid, t);
      }
      // 2. Expire.
      if (anyLive) expireOrders(broker, t);
      // 3. Mark to market at this bar's close (the last known close without a bar).
      let held = 0;
      if (ledger.positions.size > 0) {
        for (const p of ledger.positions.values()) {
          p.lastSalePrice = md.lastClose(p.asset.sid);
          held += p.amount * p.lastSalePrice;
        }
      }
      this.equityValue[t] = ledger.cashNum + held;
      this.equityCash[t] = ledger.cashNum;
      this.inMarket[t] = ledger.positions.size > 0 ? 1 : 0;
      // 4. The strategy.
      const day = Math.floor(clock.dt / DAY_MS);
      if (day !== lastDay) {
        lastDay = day;
        session++;
        if (algo.beforeTradingStart)
          this.call("beforeTradingStart", () => algo.beforeTradingStart!(this.context, this.data));
      }
      this.phase = "handleData";
      listener.onHook?.("handleData", t, clock.dt);
      const r: unknown = algo.handleData(this.context, this.data);
      if (r !== undefined) this.call("handleData", () => r);
      if (this.scheduled.length > 0) this.runScheduled(this.sessions[session]!, t);
      // 5. Emit the bar's events in one batch.
      listener.onBar?.(t, this.batch);
      if (this.batch.length > 0) this.batch.length = 0;
      this.barsDone = t + 1;
    }
  }

  private runScheduled(s: Session, t: number): void {
    for (const job of this.scheduled) {
      if (!job.date.matches(s.place)) continue;
      const { at, offsetBars } = job.time;
      const due =
        at === "every" ||
        (at === "open" && t === Math.min(s.firstBar + offsetBars, s.lastBar)) ||
        (at === "close" && t === Math.max(s.lastBar - offsetBars, s.firstBar));
      if (due) this.call("scheduled function", () => job.fn(this.context, this.data));
    }
  }

  private call(hook: string, f: () => unknown): void {
    this.phase = hook;
    this.listener.onHook?.(hook, this.clock.t, this.clock.dt);
    const r = f();
    if (isThenable(r)) {
      // An async hook would place its orders after the bar it was called for: refuse it.
      if (r instanceof Promise) r.catch(() => {});
      throw new StrategyError(
        `${hook} returned a Promise: strategies are synchronous (remove \`async\` and \`await\`)`,
      );
    }
  }

  /** Which hook was running when a user error escaped (for the error message). */
  get currentHook(): string {
    return this.phase;
  }

  private emit(e: EngineEvent): void {
    this.events.push(e);
    this.batch.push(e);
  }

  private logLine(level: LogLevel, message: string): void {
    this.emit({ type: "log", dt: this.clock.dt, level, message });
  }

  // ----- StrategyHost: the "playground" API -----
  symbol(symbol: string): Asset {
    if (typeof symbol !== "string")
      throw new StrategyError(`symbol() takes a ticker string like "SPY", got ${typeof symbol}`);
    return this.md.symbol(symbol);
  }
  order(asset: Asset, amount: number, opts?: OrderOptions): string | null {
    return this.broker.place(asset, amount, opts);
  }
  orderValue(asset: Asset, value: number, opts?: OrderOptions): string | null {
    return this.order(asset, sharesForValue(this, asset, value, "orderValue"), opts);
  }
  orderPercent(asset: Asset, percent: number, opts?: OrderOptions): string | null {
    return this.orderValue(asset, this.ledger.portfolioValue() * checkNumber("orderPercent percent", percent), opts);
  }
  orderTarget(asset: Asset, shares: number, opts?: OrderOptions): string | null {
    return this.order(asset, targetShares(this, asset, checkNumber("orderTarget shares", shares)), opts);
  }
  orderTargetValue(asset: Asset, value: number, opts?: OrderOptions): string | null {
    return this.orderTarget(asset, sharesForValue(this, asset, value, "orderTargetValue"), opts);
  }
  orderTargetPercent(asset: Asset, percent: number, opts?: OrderOptions): string | null {
    const value = this.ledger.portfolioValue() * checkNumber("orderTargetPercent percent", percent);
    return this.orderTargetValue(asset, value, opts);
  }
  getOpenOrders(): Map<Asset, Order[]>;
  getOpenOrders(asset: Asset): Order[];
  getOpenOrders(asset?: Asset): Order[] | Map<Asset, Order[]> {
    if (asset !== undefined) return [...(this.broker.live[this.md.symbol(asset.symbol).sid] ?? [])];
    const out = new Map<Asset, Order[]>();
    this.broker.live.forEach((list, sid) => {
      if (list.length > 0) out.set(this.md.assets[sid]!, [...list]);
    });
    return out;
  }
  getOrder(id: string): Order | undefined {
    return this.broker.orders.get(id);
  }
  cancelOrder(orderOrId: Order | string): void {
    const o = typeof orderOrId === "string" ? this.broker.orders.get(orderOrId) : orderOrId;
    if (!o || this.broker.orders.get(o.id) !== o)
      throw new StrategyError(
        `cancelOrder: no order ${String(typeof orderOrId === "string" ? orderOrId : orderOrId?.id)}`,
      );
    this.broker.cancelByUser(o);
  }
  setCommission(model: CommissionModel): void {
    if (typeof model?.charge !== "function")
      throw new StrategyError("setCommission takes a model such as new commission.PerShare({ cost: 0.005 })");
    this.broker.commission = model;
  }
  setSlippage(model: SlippageModel): void {
    if (typeof model?.slip !== "function")
      throw new StrategyError("setSlippage takes a model such as new slippage.FixedBasisPointsSlippage()");
    this.broker.slippage = model;
  }
  setMaxPositionSize(limit: SizeLimit): void {
    this.broker.controls.maxPositionSize.push(Controls.checkLimit("setMaxPositionSize", limit));
  }
  setMaxOrderSize(limit: SizeLimit): void {
    this.broker.controls.maxOrderSize.push(Controls.checkLimit("setMaxOrderSize", limit));
  }
  setLongOnly(): void {
    this.broker.controls.longOnly = true;
  }
  setMaxLeverage(x: number): void {
    if (!Number.isFinite(x) || x <= 0) throw new StrategyError(`setMaxLeverage takes a number above 0, got ${x}`);
    this.broker.controls.maxLeverage = x;
  }
  setCash(x: number): void {
    if (!Number.isFinite(x) || x <= 0) throw new StrategyError(`setCash takes an amount above 0, got ${x}`);
    if (this.phase !== "initialize") throw new StrategyError("setCash works only inside initialize");
    this.ledger.resetCash(money(x));
  }
  setBenchmark(asset: Asset): void {
    this.benchmark = this.md.symbol(asset?.symbol);
  }
  scheduleFunction(fn: (c: unknown, d: unknown) => void, date?: DateRule, time?: TimeRule): void {
    if (typeof fn !== "function") throw new StrategyError("scheduleFunction takes a function first");
    this.scheduled.push({ fn, date: date ?? dateRules.everyDay(), time: time ?? timeRules.marketOpen() });
  }
  record(a: Record<string, number> | string, b?: number): void {
    const values = typeof a === "string" ? { [a]: b as number } : a;
    const dt = this.clock.dt;
    for (const [name, v] of Object.entries(values)) {
      if (typeof v !== "number") throw new StrategyError(`record: ${name} must be a number, got ${typeof v}`);
      let s = this.records.get(name);
      if (!s) this.records.set(name, (s = []));
      s.push([dt, v]);
    }
    this.emit({ type: "record", dt, values: { ...values } });
  }
}

function checkNumber(what: string, x: number): number {
  if (typeof x !== "number" || !Number.isFinite(x))
    throw new StrategyError(`${what} must be a finite number, got ${String(x)}`);
  return x;
}
