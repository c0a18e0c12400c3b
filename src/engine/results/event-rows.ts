/**
 * The rows of `events` and `logs` written field by field without an event object: the fields of
 * eventJson and logLineJson, the same bytes as JSON.stringify of them (the tests compare the two
 * on random events). Each row makes room once and writes its fields straight into the writer's
 * bytes (put-bytes.ts), the position in a local.
 */
import { roundCents, roundPrice } from "../account/money";
import type { EngineEvent, LogLevel } from "../events";
import type { EventLog, EventVisitor } from "../event-log";
import type { Order } from "../orders/order";
import { writePiece, type BytePiece } from "./byte-pieces";
import { writeJsonValue } from "./json-value";
import type { JsonBytes } from "./json-bytes";
import { putIso, putNumber, putString, ROW_BYTES, stringBytes } from "./put-bytes";
import { eventJson } from "./results";
import type { RowPieces, ValuePieces } from "./row-pieces";

/** A log line at depth 2 (a row of `logs`, or of `events` with its `type`). */
function logRow(
  out: JsonBytes,
  k: RowPieces,
  open: BytePiece,
  dt: number,
  level: string,
  message: string,
  withType: boolean,
): void {
  let p = out.reserve(ROW_BYTES + stringBytes(level) + stringBytes(message));
  const view = out.dataView;
  p = writePiece(view, p, open);
  p = putIso(view, p, out.iso, dt);
  p = writePiece(view, p, withType ? k.logEvent : k.dtThenLevel);
  p = putString(view, p, level);
  p = writePiece(view, p, k.next.message);
  p = putString(view, p, message);
  out.advance(writePiece(view, p, k.close));
}

/** An order event at depth 2: eventJson's fields. */
function orderParts(
  out: JsonBytes,
  k: RowPieces,
  open: BytePiece,
  dt: number,
  event: string,
  id: string,
  symbol: string,
  status: string,
  reason: string | null,
  filled: number,
  amount: number,
): void {
  const next = k.next;
  const strings = stringBytes(event) + stringBytes(id) + stringBytes(symbol) + stringBytes(status);
  let p = out.reserve(ROW_BYTES + strings + (reason === null ? 0 : stringBytes(reason)));
  const view = out.dataView;
  p = writePiece(view, p, open);
  p = putIso(view, p, out.iso, dt);
  p = writePiece(view, p, k.orderEventOf.of(event));
  p = putString(view, p, id);
  p = writePiece(view, p, k.symbolThenStatus.of(symbol));
  p = writePiece(view, p, k.statusThenReason.of(status));
  if (reason === null) p = writePiece(view, p, k.nullThenFilled);
  else {
    p = putString(view, p, reason);
    p = writePiece(view, p, next.filled);
  }
  p = putNumber(view, p, filled);
  p = writePiece(view, p, next.amount);
  p = putNumber(view, p, amount);
  out.advance(writePiece(view, p, k.close));
}

/**
 * The start of a fill's or a stop move's row, the same in both: `{ dt, type, orderId, symbol` and
 * the key after it (`symbolThen`'s piece), with room made for the whole row; the position after it.
 */
function putOrderEventHead(
  out: JsonBytes,
  k: RowPieces,
  open: BytePiece,
  dt: number,
  orderId: string,
  symbol: string,
  kind: BytePiece,
  symbolThen: ValuePieces,
): number {
  let p = out.reserve(ROW_BYTES + stringBytes(orderId) + stringBytes(symbol));
  const view = out.dataView;
  p = writePiece(view, p, open);
  p = putIso(view, p, out.iso, dt);
  p = writePiece(view, p, kind);
  p = putString(view, p, orderId);
  return writePiece(view, p, symbolThen.of(symbol));
}

/** A fill event at depth 2: eventJson's fields. */
function fillParts(
  out: JsonBytes,
  k: RowPieces,
  open: BytePiece,
  dt: number,
  orderId: string,
  symbol: string,
  amount: number,
  price: number,
  commission: number,
  basePrice: number | undefined,
): void {
  const next = k.next;
  let p = putOrderEventHead(out, k, open, dt, orderId, symbol, k.fillEvent, k.symbolThenAmount);
  const view = out.dataView;
  p = putNumber(view, p, amount);
  p = writePiece(view, p, next.price);
  p = putNumber(view, p, roundPrice(price));
  p = writePiece(view, p, next.commission);
  p = putNumber(view, p, roundCents(commission));
  if (basePrice !== undefined) {
    p = writePiece(view, p, next.basePrice);
    p = putNumber(view, p, roundPrice(basePrice));
  }
  out.advance(writePiece(view, p, k.close));
}

/** A trailing stop's move at depth 2: eventJson's fields. */
function stopMovedParts(
  out: JsonBytes,
  k: RowPieces,
  open: BytePiece,
  dt: number,
  orderId: string,
  symbol: string,
  stop: number,
  hwm: number,
): void {
  const next = k.next;
  let p = putOrderEventHead(out, k, open, dt, orderId, symbol, k.stopMovedEvent, k.symbolThenStop);
  const view = out.dataView;
  p = putNumber(view, p, roundPrice(stop));
  p = writePiece(view, p, next.hwm);
  p = putNumber(view, p, roundPrice(hwm));
  out.advance(writePiece(view, p, k.close));
}

/**
 * The rows of `events` at depth 2, told by the log's `visit`: the same bytes as writeEventRow of
 * each event, without the event object (and the order snapshot) `EventLog.at` makes for each
 * one. `rows` counts the rows written.
 */
export class EventRowWriter implements EventVisitor {
  rows = 0;
  constructor(
    private readonly out: JsonBytes,
    private readonly k: RowPieces,
  ) {}

  /** The next row's opening, with its separator. */
  private open(): BytePiece {
    return this.rows++ === 0 ? this.k.rowOpenDt.first : this.k.rowOpenDt.next;
  }

  order(o: Order, event: string, dt: number, status: string, reason: string | null, amount: number, filled: number) {
    orderParts(this.out, this.k, this.open(), dt, event, o.id, o.asset.symbol, status, reason, filled, amount);
  }

  fill(o: Order, dt: number, amount: number, price: number, commission: number, basePrice: number) {
    fillParts(this.out, this.k, this.open(), dt, o.id, o.asset.symbol, amount, price, commission, basePrice);
  }

  stopMoved(o: Order, dt: number, stop: number, hwm: number) {
    stopMovedParts(this.out, this.k, this.open(), dt, o.id, o.asset.symbol, stop, hwm);
  }

  log(dt: number, level: LogLevel, message: string) {
    logRow(this.out, this.k, this.open(), dt, level, message, true);
  }

  record(dt: number, values: Record<string, number>) {
    this.out.member(this.rows++ === 0, 2);
    writeJsonValue(this.out, eventJson({ type: "record", dt, values }), 2);
  }
}

/**
 * The rows of `logs` at depth 2: the log lines among the first `count` events. Only the events'
 * kinds are read until a line is found (most runs log nothing, or little, beside their orders):
 * no call per order event, no time passed for each. The number of rows.
 */
export function writeLogRows(out: JsonBytes, k: RowPieces, events: EventLog, count: number): number {
  let rows = 0;
  for (let i = 0; i < count; i++) {
    if (events.typeAt(i) !== "log") continue;
    const e = events.at(i) as Extract<EngineEvent, { type: "log" }>;
    logRow(out, k, rows++ === 0 ? k.rowOpenDt.first : k.rowOpenDt.next, e.dt, e.level, e.message, false);
  }
  return rows;
}

/**
 * An event object at depth 2, as JSON.stringify writes eventJson(e): the same row writers
 * EventRowWriter uses, fed from the object (the tests hold them against JSON.stringify this way).
 */
export function writeEventRow(out: JsonBytes, k: RowPieces, e: EngineEvent): void {
  if (e.type === "order") {
    const o = e.order;
    orderParts(out, k, k.openDt, e.dt, e.event, o.id, o.symbol, o.status, o.reason, o.filled, o.amount);
  } else if (e.type === "fill")
    fillParts(out, k, k.openDt, e.dt, e.orderId, e.symbol, e.amount, e.price, e.commission, e.basePrice);
  else if (e.type === "stopMoved") stopMovedParts(out, k, k.openDt, e.dt, e.orderId, e.symbol, e.stop, e.hwm);
  else if (e.type === "log") logRow(out, k, k.openDt, e.dt, e.level, e.message, true);
  else writeJsonValue(out, eventJson(e), 2);
}
