/**
 * The results JSON as UTF-8 bytes, written out in chunks instead of built as one string: the
 * bytes are exactly `JSON.stringify(results)` (compact) or `JSON.stringify(results, null, 2)`
 * (pretty) in UTF-8, handed out about CHUNK_BYTES at a time (json-bytes.ts), and the long parts
 * (`events`, `logs`, `equity`, `orders`, `fills`, `trades`) that are still views of the engine's
 * record (results-series.ts) are written straight from it, without building their arrays. Their
 * rows are written field by field without a row object, punctuation and keys as prepared pieces
 * (row-pieces.ts); their fields are those of equityPointJson, eventJson, logLineJson and
 * report-rows.ts (the writer's tests compare the two).
 */
import type { EngineEvent } from "../events";
import { CHUNK_BYTES, JsonBytes } from "./json-bytes";
import { isSkipped, jsonOf, writeJsonValue } from "./json-value";
import type { ResultsJson } from "./results-schema";
import { roundCents, roundPrice } from "../account/money";
import { eventJson } from "./results";
import { type RowPieces, rowPieces } from "./row-pieces";
import { isSeriesKey, type ResultsSeries, type SeriesKey, unreadSeries } from "./results-series";
import { writeFillRow, writeOrderRow, writeTradeRow } from "./report-rows";
import { writeEquityRows } from "./equity-rows";

export { CHUNK_BYTES };

export interface WriteOptions {
  /** Two-space indentation, as `JSON.stringify(results, null, 2)`. */
  pretty: boolean;
}

type LogEvent = Extract<EngineEvent, { type: "log" }>;

/** A log line at depth 2 (a row of `logs`, or of `events` with its `type`). */
function logRow(out: JsonBytes, k: RowPieces, e: LogEvent, withType: boolean): void {
  out.piece(k.openDt);
  out.isoText(e.dt);
  out.piece(withType ? k.logEvent : k.dtThenLevel);
  out.string(e.level);
  out.piece(k.next.message);
  out.string(e.message);
  out.piece(k.close);
}

type OrderEvent = Extract<EngineEvent, { type: "order" }>;
type FillEvent = Extract<EngineEvent, { type: "fill" }>;

/** An order event at depth 2: eventJson's fields. */
function orderRow(out: JsonBytes, k: RowPieces, e: OrderEvent): void {
  const o = e.order;
  out.piece(k.openDt);
  out.isoText(e.dt);
  out.piece(k.orderEvent);
  out.string(e.event);
  out.piece(k.next.orderId);
  out.string(o.id);
  out.piece(k.next.symbol);
  out.string(o.symbol);
  out.piece(k.next.status);
  out.string(o.status);
  out.piece(k.next.reason);
  if (o.reason === null) out.literal(null);
  else out.string(o.reason);
  out.piece(k.next.filled);
  out.number(o.filled);
  out.piece(k.next.amount);
  out.number(o.amount);
  out.piece(k.close);
}

/** A fill event at depth 2: eventJson's fields. */
function fillRow(out: JsonBytes, k: RowPieces, e: FillEvent): void {
  out.piece(k.openDt);
  out.isoText(e.dt);
  out.piece(k.fillEvent);
  out.string(e.orderId);
  out.piece(k.next.symbol);
  out.string(e.symbol);
  out.piece(k.next.amount);
  out.number(e.amount);
  out.piece(k.next.price);
  out.number(roundPrice(e.price));
  out.piece(k.next.commission);
  out.number(roundCents(e.commission));
  if (e.basePrice !== undefined) {
    out.piece(k.next.basePrice);
    out.number(roundPrice(e.basePrice));
  }
  out.piece(k.close);
}

type StopMovedEvent = Extract<EngineEvent, { type: "stopMoved" }>;

/** A trailing stop's move at depth 2: eventJson's fields. */
function stopMovedRow(out: JsonBytes, k: RowPieces, e: StopMovedEvent): void {
  out.piece(k.openDt);
  out.isoText(e.dt);
  out.piece(k.stopMovedEvent);
  out.string(e.orderId);
  out.piece(k.next.symbol);
  out.string(e.symbol);
  out.piece(k.next.stop);
  out.number(roundPrice(e.stop));
  out.piece(k.next.hwm);
  out.number(roundPrice(e.hwm));
  out.piece(k.close);
}

/** An event at depth 2, as JSON.stringify writes eventJson(e). */
export function writeEventRow(out: JsonBytes, k: RowPieces, e: EngineEvent): void {
  if (e.type === "order") orderRow(out, k, e);
  else if (e.type === "fill") fillRow(out, k, e);
  else if (e.type === "stopMoved") stopMovedRow(out, k, e);
  else if (e.type === "log") logRow(out, k, e, true);
  else writeJsonValue(out, eventJson(e), 2);
}

/** A streamed long array, at depth 1: its rows straight from the engine's record. */
function writeSeries(out: JsonBytes, key: SeriesKey, s: ResultsSeries): void {
  const k = rowPieces(out.pretty);
  out.byte(0x5b);
  let rows = 0;
  switch (key) {
    case "equity":
      rows = writeEquityRows(out, k, s.time, s.value, s.cash);
      if (rows > 0) return out.close(0x5d, 1);
      break;
    case "orders":
      for (; rows < s.orders.length; rows++) {
        out.member(rows === 0, 2);
        writeOrderRow(out, k, s.orders[rows]!);
      }
      break;
    case "fills":
      for (; rows < s.fills.length; rows++) {
        out.member(rows === 0, 2);
        const f = s.fills[rows]!;
        writeFillRow(out, k, f, s.fillReason(f.orderId));
      }
      break;
    case "trades":
      for (; rows < s.trades.length; rows++) {
        out.member(rows === 0, 2);
        writeTradeRow(out, k, s.trades[rows]!);
      }
      break;
    default:
      for (let i = 0; i < s.eventCount; i++) {
        if (key !== "events" && s.events.typeAt(i) !== "log") continue;
        const e = s.events.at(i)!;
        if (e.type === "log") {
          out.member(rows++ === 0, 2);
          logRow(out, k, e, key === "events");
        } else if (key === "events") {
          out.member(rows++ === 0, 2);
          writeEventRow(out, k, e);
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
    const series = isSeriesKey(key) ? unreadSeries(results, key) : undefined;
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
  out.finish();
}
