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

/** A strategy's hook as the loop calls it: a function, or undefined when optional and absent (falsy, as before). */
function hook<F>(f: F, name: string, optional: boolean): F | undefined {
  if (optional && !f) return undefined;
  if (typeof f !== "function") throw new StrategyError(`${name} must be a method of the strategy, got ${typeof f}`);
  return f;
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
  #analyze: { hook: TradingAlgorithm["analyze"] } | null = null;
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
    const analyze = this.analyzeHook();
    if (!analyze) return;
    const copy = copyJson(results);
    setActiveHost(this.host);
    try {
      this.call("analyze", () => analyze.call(this.algo, this.context, copy));
    } catch (e) {
      throw new StrategyRuntimeError(e, "analyze", this.clock.dt, this.clock.t);
    } finally {
      setActiveHost(null);
    }
  }

  /**
   * The strategy's `analyze`, or undefined without one; read once. The read is user code (a
   * getter): what it throws stops the run as an error in analyze, like the hook itself.
   */
  analyzeHook(): TradingAlgorithm["analyze"] {
    if (this.#analyze === null) {
      try {
        this.#analyze = { hook: hook(this.algo.analyze, "analyze", true) };
      } catch (e) {
        throw new StrategyRuntimeError(e, "analyze", this.clock.dt, this.clock.t);
      }
    }
    return this.#analyze.hook;
  }

  /**
   * The bar loop. Each step of a bar is a small method of its own: a run starts in V8's
   * interpreter, and a small function called every bar is compiled to optimized code after a
   * few hundred calls, where this loop as a whole is only when V8 replaces it mid-run (later,
   * and again in each run of a process, since every run's strategy is a new class). Loops here
   * index their arrays: `for...of` makes an iterator object in unoptimized code.
   */
  private loop(): void {
    const { md, clock, listener } = this;
    const timeline = md.timeline;
    let session = -1;
    let lastDay = NaN;
    const algo = this.algo;
    // The hooks are read once, after initialize (zipline too takes them when the algorithm is
    // made): a lookup on the strategy at every bar would cost this loop its optimized code at
    // the start of every later run in a process, each run's strategy being a class of its own.
    this.phase = "handleData";
    const handleData = hook(algo.handleData, "handleData", false)!;
    const beforeTradingStart = hook(algo.beforeTradingStart, "beforeTradingStart", true);
    const { batch, events } = this;
    for (let t = 0; t < timeline.length; t++) {
      if ((t & 1023) === 1023 && listener.shouldStop?.()) {
        this.stopped = true;
        break;
      }
      clock.t = t;
      clock.dt = timeline[t]!;
      md.advance(t);
      // 1. Match orders placed before this bar against it; 2. expire.
      if (this.matchLive(t)) expireOrders(this.broker, t);
      // 3. Mark to market at this bar's close (the last known close without a bar).
      this.markToMarket(t);
      // 4. The strategy.
      const day = utcDay(clock.dt);
      if (day !== lastDay) {
        lastDay = day;
        session++;
        if (beforeTradingStart)
          this.call("beforeTradingStart", () => beforeTradingStart.call(algo, this.context, this.data));
      }
      this.phase = "handleData";
      listener.onHook?.("handleData", t, clock.dt);
      const r: unknown = handleData.call(algo, this.context, this.data);
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

  /** Match each symbol's live orders against bar `t`; whether any symbol had live orders. */
  private matchLive(t: number): boolean {
    const { broker, md } = this;
    const live = broker.live;
    let anyLive = false;
    for (let sid = 0; sid < live.length; sid++) {
      if (live[sid]!.length === 0) continue;
      anyLive = true;
      if (md.hasBar[sid] === 1) broker.matcher.matchSymbol(sid, t);
    }
    return anyLive;
  }

  /** Value the positions at the last known closes and write bar `t`'s equity point. */
  private markToMarket(t: number): void {
    const { ledger, md } = this;
    const held = ledger.held;
    let positionsValue = 0;
    for (let i = 0; i < held.length; i++) {
      const p = held[i]!;
      p.lastSalePrice = md.lastClose(p.asset.sid);
      positionsValue += p.amount * p.lastSalePrice;
    }
    ledger.marked(positionsValue);
    this.#equityValueSlots[t] = ledger.cashNum + positionsValue;
    this.#equityCashSlots[t] = ledger.cashNum;
    this.#inMarketSlots[t] = held.length > 0 ? 1 : 0;
  }

  private runScheduled(s: Session, t: number): void {
    const jobs = this.host.scheduled;
    for (let i = 0; i < jobs.length; i++) {
      const job = jobs[i]!;
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
