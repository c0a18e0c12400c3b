import type { Backtest } from "../backtest";
import type { EngineEvent, FillRecord } from "../events";
import { benchmarkMetrics, buyAndHoldReturn, computeMetrics, type Metrics, type SideStats } from "./metrics";
import { orderLabel } from "../orders/order-label";
import { roundCents, roundPrice, toCents } from "../account/money";
import { fillsHash } from "./fills-hash";
import { isoTime } from "./iso-time";
import { roundTrips, tradeOutcomes, type TradeOutcome } from "./round-trips";
import { orderFinder } from "./order-finder";
import { fillJson, orderJson, tradeJson } from "./report-rows";
import type { ResultsJson } from "./results-schema";
import { resultsSettings } from "../settings";
import { countSessions } from "../data/utc-day";
import { forwardFill } from "../data/forward-fill";
import { attachSeries, defineView, logLineJson, type ResultsSeries } from "./results-series";
import { EventLog } from "../event-log";

export type { ResultsJson } from "./results-schema";

const iso = isoTime;
type LogEvent = Extract<EngineEvent, { type: "log" }>;
/** Float money (equity points) to the cent without a Decimal per point: they are floats already. */
export const cents = (x: number): number => Math.round(x * 100) / 100;

/** The results' `run` and `summary`: all the CLI's summary table prints. */
export type RunSummary = Pick<ResultsJson, "run" | "summary">;

/** The results JSON of docs/cli.md (schemaVersion 1) for a finished (or stopped) run. */
export function buildResults(bt: Backtest, meta: { strategy: string; elapsedMs: number }): ResultsJson {
  const { md, ledger, broker } = bt;
  const n = bt.barsDone;
  const time = md.timeline.subarray(0, n);
  const equity = bt.equityValue.subarray(0, n);
  const orders = broker.orders.list();
  const findOrder = orderFinder(orders, broker.orders);
  const trips = roundTrips(broker.fills, md, { get: findOrder });
  const { run, summary } = runSummary(bt, meta, trips);
  const results: ResultsJson = {
    schemaVersion: 1,
    run,
    summary,
    orders: [],
    fills: [],
    ambiguous: broker.ambiguous.map((a) => ({ dt: iso(a.dt), symbol: a.symbol, orderIds: a.orderIds })),
    events: [],
    equity: [],
    positions: [...ledger.positions.values()].map((p) => ({
      symbol: p.asset.symbol,
      amount: p.amount,
      costBasis: roundPrice(p.costBasis),
      lastSalePrice: p.lastSalePrice,
    })),
    trades: [],
    logs: [],
    records: Object.fromEntries(
      [...bt.host.records].map(([k, v]) => [k, v.map(([dt, x]) => [iso(dt), x] as [string, number])]),
    ),
  };
  // The long parts stay views of what the engine holds (results-series.ts): each line and point once.
  const series: ResultsSeries = {
    events: bt.events,
    eventCount: bt.events.length,
    time,
    value: equity,
    cash: bt.equityCash,
    orders,
    fills: broker.fills.slice(),
    trades: trips,
    fillReason: (id) => orderLabel(findOrder(id)!),
  };
  attachSeries(results, series);
  defineView(results, "events", () => eventRows(series, 0, series.eventCount));
  defineView(results, "logs", () => logRows(series, 0, series.eventCount));
  defineView(results, "equity", () => equityRows(series, 0, n));
  defineView(results, "orders", () => series.orders.map(orderJson));
  defineView(results, "fills", () => series.fills.map((f) => fillJson(f, series.fillReason(f.orderId))));
  defineView(results, "trades", () => series.trades.map(tradeJson));
  return results;
}

/**
 * The results' `run` and `summary` alone, equal to those of `buildResults`: the trades without
 * their exit reasons, MAE and MFE, and none of the long parts (for a caller that prints the metrics only).
 */
export function buildRunSummary(bt: Backtest, meta: { strategy: string; elapsedMs: number }): RunSummary {
  return runSummary(bt, meta, tradeOutcomes(bt.broker.fills));
}

function runSummary(
  bt: Backtest,
  meta: { strategy: string; elapsedMs: number },
  trades: readonly TradeOutcome[],
): RunSummary {
  const { md, ledger, broker } = bt;
  const n = bt.barsDone;
  const time = md.timeline.subarray(0, n);
  const equity = bt.equityValue.subarray(0, n);
  const m = computeMetrics({
    startingCash: ledger.startingCash.toNumber(),
    time,
    equity,
    inMarket: bt.inMarket.subarray(0, n),
    trades,
    tradedNotional: tradedNotional(broker.fills),
    sessions: countSessions(time),
  });
  let bench = {};
  if (bt.host.benchmark) {
    const b = md.bars[bt.host.benchmark.sid]!;
    const closes = forwardFill(time, n, { time: b.time, value: b.close });
    bench = { benchmark: bt.host.benchmark.symbol, ...benchmarkMetrics(equity, closes, m.periodsPerYear) };
  }
  // Buy and hold of the symbol the run traded first (TradingView's "buy & hold return").
  const heldSid = broker.fills[0]?.sid;
  const buyAndHold =
    heldSid === undefined || n === 0
      ? { buyAndHoldSymbol: null, buyAndHoldReturn: null }
      : {
          buyAndHoldSymbol: md.assets[heldSid]!.symbol,
          buyAndHoldReturn: buyAndHoldReturn(md.bars[heldSid]!, time[0]!, time[n - 1]!),
        };
  const s = bt.settings;
  return {
    run: {
      strategy: meta.strategy,
      start: n > 0 ? iso(time[0]!) : null,
      end: n > 0 ? iso(time[n - 1]!) : null,
      bars: n,
      symbols: md.assets.map((a) => a.symbol),
      settings: resultsSettings({
        cash: ledger.startingCash.toNumber(),
        fillModel: s.fillModel,
        sameBarPolicy: s.sameBarPolicy,
        commission: broker.commission.describe(),
        slippage: broker.slippage.describe(),
        start: s.start ?? null,
        end: s.end ?? null,
      }),
      fillsHash: fillsHash(broker.fills),
      elapsedMs: Math.round(meta.elapsedMs),
      stopped: bt.stopped,
    },
    summary: {
      startingCash: toCents(ledger.startingCash),
      endingValue: toCents(ledger.portfolioValueExact()),
      ...m,
      ...moneyOfTrades(m),
      commissions: toCents(ledger.commissions),
      realizedPnl: toCents(ledger.realized),
      unrealizedPnl: toCents(ledger.unrealizedExact()),
      ambiguousBars: broker.ambiguousBars,
      orders: broker.orders.size,
      fills: broker.fills.length,
      ...buyAndHold,
      ...bench,
    },
  };
}

/**
 * Σ |shares × price| of the fills, in fill order. A loop of its own: runSummary runs once a run,
 * never long enough for V8 to optimize it, and there each step made a heap number.
 */
function tradedNotional(fills: readonly FillRecord[]): number {
  let traded = 0;
  for (let i = 0; i < fills.length; i++) traded += Math.abs(fills[i]!.amount * fills[i]!.price);
  return traded;
}

/** `events[from, to)` of the results JSON. */
export function eventRows(s: ResultsSeries, from: number, to: number): ResultsJson["events"] {
  const rows: ResultsJson["events"] = new Array(to - from);
  for (let i = from; i < to; i++) rows[i - from] = eventJson(s.events.at(i)!);
  return rows;
}

/** The log lines among `events[from, to)`. */
export function logRows(s: ResultsSeries, from: number, to: number): ResultsJson["logs"] {
  const rows: ResultsJson["logs"] = [];
  for (let i = from; i < to; i++) {
    if (s.events.typeAt(i) === "log") rows.push(logLineJson(s.events.at(i) as LogEvent));
  }
  return rows;
}

/** Equity points `[from, to)`. */
export function equityRows(s: ResultsSeries, from: number, to: number): ResultsJson["equity"] {
  const rows: ResultsJson["equity"] = new Array(to - from);
  for (let i = from; i < to; i++) rows[i - from] = equityPointJson(s.time[i]!, s.value[i]!, s.cash[i]!);
  return rows;
}

/**
 * Make `equity` of `results` a view of three columns (the page's equity buffers, for its export):
 * the results writer then writes the rows straight from them, as it does a run's own, without an
 * object per point. Reading `equity` makes the points as `equityRows` does.
 */
export function viewEquityColumns(
  results: ResultsJson,
  time: Float64Array,
  value: Float64Array,
  cash: Float64Array,
): void {
  const series: ResultsSeries = {
    events: new EventLog(),
    eventCount: 0,
    time,
    value,
    cash,
    orders: [],
    fills: [],
    trades: [],
    fillReason: () => "",
  };
  attachSeries(results, series);
  defineView(results, "equity", () => equityRows(series, 0, time.length));
}

/** The trade statistics in money, to the cent (float sums of trade P&L carry dust). */
function moneyOfTrades(
  m: Metrics,
): Pick<
  Metrics,
  | "grossProfit"
  | "grossLoss"
  | "largestWin"
  | "largestLoss"
  | "averageWin"
  | "averageLoss"
  | "expectancy"
  | "long"
  | "short"
> {
  const c = (x: number | null) => (x === null ? null : cents(x));
  const side = (s: SideStats): SideStats => ({
    ...s,
    pnl: cents(s.pnl),
    grossProfit: cents(s.grossProfit),
    grossLoss: cents(s.grossLoss),
  });
  return {
    grossProfit: cents(m.grossProfit),
    grossLoss: cents(m.grossLoss),
    largestWin: c(m.largestWin),
    largestLoss: c(m.largestLoss),
    averageWin: c(m.averageWin),
    averageLoss: c(m.averageLoss),
    expectancy: c(m.expectancy),
    long: side(m.long),
    short: side(m.short),
  };
}

/** One equity point as the results JSON writes it (the page's export rebuilds equity from its buffers). */
export function equityPointJson(ms: number, value: number, cash: number): ResultsJson["equity"][number] {
  return { dt: iso(ms), value: cents(value), cash: cents(cash) };
}

/** One engine event as the results JSON writes it (also the page's export of the streamed events). */
export function eventJson(e: EngineEvent): ResultsJson["events"][number] {
  const dt = iso(e.dt);
  switch (e.type) {
    case "order": {
      const o = e.order;
      return {
        dt,
        type: "order",
        event: e.event,
        orderId: o.id,
        symbol: o.symbol,
        status: o.status,
        reason: o.reason,
        filled: o.filled,
        amount: o.amount,
      };
    }
    case "fill":
      return {
        dt,
        type: "fill",
        orderId: e.orderId,
        symbol: e.symbol,
        amount: e.amount,
        price: roundPrice(e.price),
        commission: roundCents(e.commission),
        ...(e.basePrice === undefined ? {} : { basePrice: roundPrice(e.basePrice) }),
      };
    case "stopMoved":
      return {
        dt,
        type: "stopMoved",
        orderId: e.orderId,
        symbol: e.symbol,
        stop: roundPrice(e.stop),
        hwm: roundPrice(e.hwm),
      };
    case "log":
      return { dt, type: "log", level: e.level, message: e.message };
    case "record":
      return { dt, type: "record", values: e.values };
  }
}
