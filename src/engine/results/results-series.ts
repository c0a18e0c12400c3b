/**
 * The long parts of the results JSON — `events`, `logs`, `equity`, `orders`, `fills` and
 * `trades` — kept as views of what the engine and the results builder hold instead of as arrays
 * of row objects: the engine already holds every event (log lines among them), every equity point
 * (Float64Arrays), every order and fill, so the results hold them once. A view becomes a real
 * array the first time someone reads it (`analyze`'s copy, the page's message, `JSON.stringify`);
 * the results writer (results-writer.ts) never reads it and streams the rows from the source
 * instead. Nothing changes the source once the results are built: the run is over, and `analyze`
 * gets a copy made before it is called (reading every view).
 */
import type { EngineEvent, FillRecord } from "../events";
import type { EventLog } from "../event-log";
import type { Order } from "../orders/order";
import type { RoundTrip } from "./round-trips";
import { isoTime as isoOf } from "./iso-time";
import type { ResultsJson } from "./results-schema";

/** What the long parts are made from, fixed when the results were built. */
export interface ResultsSeries {
  /** The run's events; only the first `eventCount` belong to these results (`analyze` may log more). */
  events: EventLog;
  eventCount: number;
  time: Float64Array;
  value: Float64Array;
  cash: Float64Array;
  /** Every order, in placement order; every fill; the round trips. */
  orders: readonly Order[];
  fills: readonly FillRecord[];
  trades: readonly RoundTrip[];
  /** A fill's `reason`: the label of its order. */
  fillReason: (orderId: string) => string;
}

export type SeriesKey = "events" | "logs" | "equity" | "orders" | "fills" | "trades";

/** Whether the results' `key` may be a view. */
export const isSeriesKey = (key: string): key is SeriesKey =>
  key === "events" || key === "logs" || key === "equity" || key === "orders" || key === "fills" || key === "trades";

const sources = new WeakMap<object, ResultsSeries>();

/**
 * Make `key` of `results` a view: its array is built by `make` on first read and kept (so it is
 * built at most once), and assigning to it replaces it like any property. The key keeps its place.
 */
export function defineView<K extends SeriesKey>(results: ResultsJson, key: K, make: () => ResultsJson[K]): void {
  const settle = (value: ResultsJson[K]) =>
    Object.defineProperty(results, key, { value, writable: true, enumerable: true, configurable: true });
  Object.defineProperty(results, key, {
    enumerable: true,
    configurable: true,
    get() {
      const value = make();
      settle(value);
      return value;
    },
    set: settle,
  });
}

export function attachSeries(results: ResultsJson, series: ResultsSeries): void {
  sources.set(results, series);
}

/** The source of `key` when it is still an unread view (so it can be streamed), else undefined. */
export function unreadSeries(results: ResultsJson, key: SeriesKey): ResultsSeries | undefined {
  const series = sources.get(results);
  if (series === undefined) return undefined;
  return Object.getOwnPropertyDescriptor(results, key)?.get !== undefined ? series : undefined;
}

/** The last `n` log lines of the results, without building the whole `logs` array when it is a view. */
export function lastLogLines(results: ResultsJson, n: number): ResultsJson["logs"] {
  const series = unreadSeries(results, "logs");
  if (series === undefined) return n > 0 ? results.logs.slice(-n) : [];
  return lastLogLinesOf(series.events, series.eventCount, n);
}

/** The last `n` log lines among the first `count` events of a run, as `logs[]` writes them. */
export function lastLogLinesOf(events: EventLog, count: number, n: number): ResultsJson["logs"] {
  const out: ResultsJson["logs"] = [];
  for (let i = count - 1; i >= 0 && out.length < n; i--) {
    if (events.typeAt(i) === "log") out.push(logLineJson(events.at(i) as LogEvent));
  }
  return out.reverse();
}

type LogEvent = Extract<EngineEvent, { type: "log" }>;

/** One log line as `logs[]` writes it. */
export function logLineJson(e: LogEvent): ResultsJson["logs"][number] {
  return { dt: isoOf(e.dt), level: e.level, message: e.message };
}
