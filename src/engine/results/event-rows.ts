/**
 * The rows of `events` and `logs` written field by field without an event object: the fields of
 * eventJson and logLineJson, the same bytes as JSON.stringify of them (the tests compare the two
 * on random events). Each row makes room once and writes its fields straight into the writer's
 * bytes (put-bytes.ts), the position in a local.
 */
import { roundCents, roundPrice } from "../account/money";
import type { EngineEvent } from "../events";
import { type EventLog, FILL, LEVELS, LOG, ORDER, STOP_MOVED } from "../event-log";
import { EVENT_KINDS, STATUSES } from "../orders/order-event-codes";
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

/**
 * An order event at depth 2: eventJson's fields. The pieces of its event kind (`event`: the `type`
 * and `event` members and the `orderId` key), its symbol and its status (k.orderEventOf,
 * k.symbolThenStatus, k.statusThenReason).
 */
function orderParts(
  out: JsonBytes,
  k: RowPieces,
  open: BytePiece,
  dt: number,
  event: BytePiece,
  id: string,
  symbol: BytePiece,
  status: BytePiece,
  reason: string | null,
  filled: number,
  amount: number,
): void {
  const next = k.next;
  const pieces = event.length + symbol.length + status.length;
  let p = out.reserve(ROW_BYTES + pieces + stringBytes(id) + (reason === null ? 0 : stringBytes(reason)));
  const view = out.dataView;
  p = writePiece(view, p, open);
  p = putIso(view, p, out.iso, dt);
  p = writePiece(view, p, event);
  p = putString(view, p, id);
  p = writePiece(view, p, symbol);
  p = writePiece(view, p, status);
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
 * The rows of `events` at depth 2, the first `count` events of the log read in place (its columns,
 * `kindAt`, `dtAt`, ...): the same bytes as writeEventRow of each event, without the event object
 * (and the order snapshot) `EventLog.at` makes for each one, and without a visitor's call per event
 * that works out what a row does not write (a stop, an average price, a commission). An order
 * event's kind and status pieces are kept by their code. The number of rows.
 */
export function writeEventRows(out: JsonBytes, k: RowPieces, log: EventLog, count: number): number {
  const events: BytePiece[] = [];
  const statuses: BytePiece[] = [];
  for (let i = 0; i < count; i++) {
    const open = i === 0 ? k.rowOpenDt.first : k.rowOpenDt.next;
    const dt = log.dtAt(i);
    const kind = log.kindAt(i);
    if (kind === ORDER) {
      const o = log.orderAt(i);
      const code = log.codeAt(i);
      const event = (events[code >> 4] ??= k.orderEventOf.of(EVENT_KINDS[code >> 4]!));
      const status = (statuses[code & 15] ??= k.statusThenReason.of(STATUSES[code & 15]!));
      const symbol = k.symbolThenStatus.of(o.asset.symbol);
      orderParts(out, k, open, dt, event, o.id, symbol, status, log.textAt(i), log.numberAt(i, 0), log.numberAt(i, 1));
    } else if (kind === FILL) {
      const o = log.orderAt(i);
      const amount = log.numberAt(i, 0);
      const price = log.numberAt(i, 1);
      fillParts(out, k, open, dt, o.id, o.asset.symbol, amount, price, log.numberAt(i, 2), log.numberAt(i, 3));
    } else if (kind === STOP_MOVED) {
      const o = log.orderAt(i);
      stopMovedParts(out, k, open, dt, o.id, o.asset.symbol, log.numberAt(i, 0), log.numberAt(i, 1));
    } else if (kind === LOG) logRow(out, k, open, dt, LEVELS[log.codeAt(i)]!, log.textAt(i)!, true);
    else {
      out.member(i === 0, 2);
      writeJsonValue(out, eventJson(log.at(i)!), 2);
    }
  }
  return count;
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
    const event = k.orderEventOf.of(e.event);
    const status = k.statusThenReason.of(o.status);
    const symbol = k.symbolThenStatus.of(o.symbol);
    orderParts(out, k, k.openDt, e.dt, event, o.id, symbol, status, o.reason, o.filled, o.amount);
  } else if (e.type === "fill")
    fillParts(out, k, k.openDt, e.dt, e.orderId, e.symbol, e.amount, e.price, e.commission, e.basePrice);
  else if (e.type === "stopMoved") stopMovedParts(out, k, k.openDt, e.dt, e.orderId, e.symbol, e.stop, e.hwm);
  else if (e.type === "log") logRow(out, k, k.openDt, e.dt, e.level, e.message, true);
  else writeJsonValue(out, eventJson(e), 2);
}
