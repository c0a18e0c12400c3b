import { BarData } from "./data/bar-data";
import { Broker } from "./broker";
import type { Clock } from "./broker-state";
import { Context } from "./api/context";
import type { SymbolBars } from "./data/symbol-bars";
import type { BarEvents } from "./events";
import { EventLog, EventRange } from "./event-log";
import { fillModelByName } from "./matching/fill-model";
import { Ledger } from "./account/ledger";
import { MarketData } from "./data/market-data";
import { money } from "./account/money";
import { expireOrders } from "./orders/order-expiry";
import { AccountView, BlotterView, PortfolioView } from "./account/portfolio-view";
import { type Session, sessionsOf } from "./api/schedule";
import { commissionFromSpec, dateBound, type RunSettings, slippageFromSpec } from "./settings";
import { StrategyError } from "./strategy-error";
import { copyJson } from "./results/copy-json";
import { setActiveHost, StrategyHost } from "./api/strategy-host";
import type { TradingAlgorithm } from "./api/trading-algorithm";
import { utcDay } from "./data/utc-day";
import { type Slots, storeView } from "./data/store-view";

export interface BacktestListener {
  /** Step 5: the bar's events in one batch (read them before the next bar: the batch is reused). */
  onBar?(t: number, events: BarEvents): void;
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

/**
 * One backtest: the bar loop over the loaded data, calling the strategy's hooks (the fill
 * rules in docs/fill-rules.md give its steps). What the strategy calls lives in `host`
 * (api/strategy-host.ts). Construct, then `run()`; everything it produced stays readable
 * afterwards.
 */
export class Backtest {
  readonly md: MarketData;
  readonly ledger: Ledger;
  readonly broker: Broker;
  readonly clock: Clock = { t: 0, dt: 0 };
  readonly context: Context;
  readonly data: BarData;
  /** The "playground" functions of this run, and what the strategy asked for through them. */
  readonly host: StrategyHost;
  /** Every event of the run, in order (event-log.ts: kept in columns, objects when read). */
  readonly events = new EventLog();
  readonly equityValue: Float64Array;
  readonly equityCash: Float64Array;
  /** 1 for bars that ended holding a position (for the exposure metric). */
  readonly inMarket: Uint8Array;
  // The three columns above, for writing (store-view.ts: typed-array stores are slow under SES).
  readonly #equityValueSlots: Slots;
  readonly #equityCashSlots: Slots;
  readonly #inMarketSlots: Slots;
  private sessionList: Session[] | null = null;
  /** Bars processed (less than the timeline when stopped early). */
  barsDone = 0;
  stopped = false;
  /** The current bar's events: those logged since the last bar's onBar. */
  private readonly batch = new EventRange(this.events);
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
      this.events,
    );
    const blotter = new BlotterView(this.broker.orders);
    this.context = new Context(
      new PortfolioView(this.ledger),
      new AccountView(this.ledger, () => this.broker.controls.maxLeverage),
      blotter,
      this.clock,
    );
    this.data = new BarData(this.md);
    this.host = new StrategyHost(this.broker, this.events, () => this.phase);
    this.equityValue = new Float64Array(this.md.timeline.length);
    this.equityCash = new Float64Array(this.md.timeline.length);
    this.inMarket = new Uint8Array(this.md.timeline.length);
    this.#equityValueSlots = storeView(this.equityValue);
    this.#equityCashSlots = storeView(this.equityCash);
    this.#inMarketSlots = storeView(this.inMarket);
  }

  /** The timeline cut into sessions (days), placed in their weeks and months; built on first use. */
  get sessions(): Session[] {
    return (this.sessionList ??= sessionsOf(this.md.timeline));
  }

  run(): void {
    setActiveHost(this.host);
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

  /**
   * Let `analyze` see the results, with the free functions still bound to this run. It gets
   * a deep copy: the caller keeps the results it built from the engine's own state, so what
   * analyze writes into its copy (`results.summary.endingValue = 1e12`) changes nothing.
   */
  callAnalyze(results: unknown): void {
    if (!this.algo.analyze) return;
    const copy = copyJson(results);
    setActiveHost(this.host);
    try {
      this.call("analyze", () => this.algo.analyze!(this.context, copy));
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
    const equityValue = this.#equityValueSlots;
    const equityCash = this.#equityCashSlots;
    const inMarket = this.#inMarketSlots;
    const { batch, events } = this;
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
        if (md.hasBar[sid] === 1) broker.matcher.matchSymbol(sid, t);
      }
      // 2. Expire.
      if (anyLive) expireOrders(broker, t);
      // 3. Mark to market at this bar's close (the last known close without a bar).
      let positionsValue = 0;
      if (ledger.held.length > 0) {
        for (const p of ledger.held) {
          p.lastSalePrice = md.lastClose(p.asset.sid);
          positionsValue += p.amount * p.lastSalePrice;
        }
      }
      equityValue[t] = ledger.cashNum + positionsValue;
      equityCash[t] = ledger.cashNum;
      inMarket[t] = ledger.held.length > 0 ? 1 : 0;
      // 4. The strategy.
      const day = utcDay(clock.dt);
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
      if (this.host.scheduled.length > 0) this.runScheduled(this.sessions[session]!, t);
      // 5. Emit the bar's events in one batch.
      if (listener.onBar) {
        batch.to = events.length;
        listener.onBar(t, batch);
        batch.from = batch.to;
      }
      this.barsDone = t + 1;
    }
  }

  private runScheduled(s: Session, t: number): void {
    for (const job of this.host.scheduled) {
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
}
