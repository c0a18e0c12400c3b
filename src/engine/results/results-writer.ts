/**
 * The results JSON as UTF-8 bytes, written out in chunks instead of built as one string: the
 * bytes are exactly `JSON.stringify(results)` (compact) or `JSON.stringify(results, null, 2)`
 * (pretty) in UTF-8, handed out about CHUNK_BYTES at a time (json-bytes.ts), and the long parts
 * (`events`, `logs`, `equity`) that are still views of the engine's record (results-series.ts)
 * are written straight from it, without building their arrays. Equity points, log lines, order
 * and fill events, the rows there are hundreds of thousands of, are written field by field
 * without a row object; their fields are those of equityPointJson, eventJson and logLineJson
 * (the writer's tests compare the two).
 */
import type { EngineEvent } from "../events";
import { CHUNK_BYTES, JsonBytes } from "./json-bytes";
import { isSkipped, jsonOf, writeJsonValue } from "./json-value";
import type { ResultsJson } from "./results-schema";
import { roundCents, roundPrice } from "../account/money";
import { eventJson } from "./results";
import { type ResultsSeries, type SeriesKey, unreadSeries } from "./results-series";

export { CHUNK_BYTES };

export interface WriteOptions {
  /** Two-space indentation, as `JSON.stringify(results, null, 2)`. */
  pretty: boolean;
}

type LogEvent = Extract<EngineEvent, { type: "log" }>;

/** The keys of the rows written field by field, encoded once per write. */
function rowKeys(out: JsonBytes) {
  const k = (name: string) => out.keyOf(name);
  return {
    dt: k("dt"),
    type: k("type"),
    level: k("level"),
    message: k("message"),
    value: k("value"),
    cash: k("cash"),
    event: k("event"),
    orderId: k("orderId"),
    symbol: k("symbol"),
    status: k("status"),
    reason: k("reason"),
    filled: k("filled"),
    amount: k("amount"),
    price: k("price"),
    commission: k("commission"),
    basePrice: k("basePrice"),
  };
}
type RowKeys = ReturnType<typeof rowKeys>;

/** A log line at depth 2 (a row of `logs`, or of `events` with its `type`). */
function logRow(out: JsonBytes, k: RowKeys, e: LogEvent, withType: boolean): void {
  out.byte(0x7b);
  out.keyBytes(k.dt, true, 3);
  out.isoString(e.dt);
  if (withType) {
    out.keyBytes(k.type, false, 3);
    out.string("log");
  }
  out.keyBytes(k.level, false, 3);
  out.string(e.level);
  out.keyBytes(k.message, false, 3);
  out.string(e.message);
  out.close(0x7d, 2);
}

type OrderEvent = Extract<EngineEvent, { type: "order" }>;
type FillEvent = Extract<EngineEvent, { type: "fill" }>;

/** An order event at depth 2: eventJson's fields. */
function orderRow(out: JsonBytes, k: RowKeys, e: OrderEvent): void {
  const o = e.order;
  out.byte(0x7b);
  out.keyBytes(k.dt, true, 3);
  out.isoString(e.dt);
  out.keyBytes(k.type, false, 3);
  out.string("order");
  out.keyBytes(k.event, false, 3);
  out.string(e.event);
  out.keyBytes(k.orderId, false, 3);
  out.string(o.id);
  out.keyBytes(k.symbol, false, 3);
  out.string(o.symbol);
  out.keyBytes(k.status, false, 3);
  out.string(o.status);
  out.keyBytes(k.reason, false, 3);
  if (o.reason === null) out.literal(null);
  else out.string(o.reason);
  out.keyBytes(k.filled, false, 3);
  out.number(o.filled);
  out.keyBytes(k.amount, false, 3);
  out.number(o.amount);
  out.close(0x7d, 2);
}

/** A fill event at depth 2: eventJson's fields. */
function fillRow(out: JsonBytes, k: RowKeys, e: FillEvent): void {
  out.byte(0x7b);
  out.keyBytes(k.dt, true, 3);
  out.isoString(e.dt);
  out.keyBytes(k.type, false, 3);
  out.string("fill");
  out.keyBytes(k.orderId, false, 3);
  out.string(e.orderId);
  out.keyBytes(k.symbol, false, 3);
  out.string(e.symbol);
  out.keyBytes(k.amount, false, 3);
  out.number(e.amount);
  out.keyBytes(k.price, false, 3);
  out.number(roundPrice(e.price));
  out.keyBytes(k.commission, false, 3);
  out.number(roundCents(e.commission));
  if (e.basePrice !== undefined) {
    out.keyBytes(k.basePrice, false, 3);
    out.number(roundPrice(e.basePrice));
  }
  out.close(0x7d, 2);
}

/** An equity point at depth 2: equityPointJson's fields, its money to the cent as `cents` rounds it. */
function equityRow(out: JsonBytes, k: RowKeys, ms: number, value: number, cash: number): void {
  out.byte(0x7b);
  out.keyBytes(k.dt, true, 3);
  out.isoString(ms);
  out.keyBytes(k.value, false, 3);
  out.cents(Math.round(value * 100));
  out.keyBytes(k.cash, false, 3);
  out.cents(Math.round(cash * 100));
  out.close(0x7d, 2);
}

/** A streamed long array, at depth 1: its rows straight from the engine's record. */
function writeSeries(out: JsonBytes, key: SeriesKey, s: ResultsSeries): void {
  const k = rowKeys(out);
  out.byte(0x5b);
  let rows = 0;
  if (key === "equity") {
    for (let i = 0; i < s.time.length; i++, rows++) {
      out.member(rows === 0, 2);
      equityRow(out, k, s.time[i]!, s.value[i]!, s.cash[i]!);
    }
  } else {
    for (let i = 0; i < s.eventCount; i++) {
      const type = s.events.typeAt(i);
      if (type !== "log" && key !== "events") continue;
      const e = s.events.at(i)!;
      if (e.type === "log") {
        out.member(rows++ === 0, 2);
        logRow(out, k, e, key === "events");
      } else {
        out.member(rows++ === 0, 2);
        if (e.type === "order") orderRow(out, k, e);
        else if (e.type === "fill") fillRow(out, k, e);
        else writeJsonValue(out, eventJson(e), 2);
      }
    }
  }
  if (rows === 0) out.byte(0x5d);
  else out.close(0x5d, 1);
}

/**
 * Writes the results JSON through `write`, in order, in chunks (see the file comment). A chunk is
 * only good until `write` returns (the writer reuses its buffer): write it out or copy it.
 */
export function writeResultsJson(results: ResultsJson, write: (chunk: Uint8Array) => void, opts: WriteOptions): void {
  const out = new JsonBytes(write, opts.pretty);
  out.byte(0x7b);
  let first = true;
  for (const key of Object.keys(results) as (keyof ResultsJson)[]) {
    const series = key === "events" || key === "logs" || key === "equity" ? unreadSeries(results, key) : undefined;
    if (series !== undefined) {
      out.key(key, first, 1);
      first = false;
      writeSeries(out, key as SeriesKey, series);
      continue;
    }
    const value = jsonOf(results[key], key);
    if (isSkipped(value)) continue; // as JSON.stringify leaves out undefined values
    out.key(key, first, 1);
    first = false;
    writeJsonValue(out, value, 1);
  }
  if (first) out.byte(0x7d);
  else out.close(0x7d, 0);
  out.flush();
}
