/**
 * The rows of `events` and `logs` written field by field without an event object: the fields of
 * eventJson and logLineJson, the same bytes as JSON.stringify of them (the tests compare the two
 * on random events). Each row makes room once and writes its fields straight into the writer's
 * bytes (put-bytes.ts), the position in a local.
 */
import { roundCents, roundPrice } from "../account/money";
import type { EngineEvent } from "../events";
import { writePiece, type BytePiece } from "./byte-pieces";
import { writeJsonValue } from "./json-value";
import type { JsonBytes } from "./json-bytes";
import { putIso, putNumber, putString, putStringOrNull, ROW_BYTES, stringBytes } from "./put-bytes";
import { eventJson } from "./results";
import type { RowPieces } from "./row-pieces";

type LogEvent = Extract<EngineEvent, { type: "log" }>;
type OrderEvent = Extract<EngineEvent, { type: "order" }>;
type FillEvent = Extract<EngineEvent, { type: "fill" }>;
type StopMovedEvent = Extract<EngineEvent, { type: "stopMoved" }>;

/** A log line at depth 2 (a row of `logs`, or of `events` with its `type`). */
export function writeLogRow(out: JsonBytes, k: RowPieces, e: LogEvent, withType: boolean): void {
  let p = out.reserve(ROW_BYTES + stringBytes(e.level) + stringBytes(e.message));
  const view = out.dataView;
  p = writePiece(view, p, k.openDt);
  p = putIso(view, p, out.iso, e.dt);
  p = writePiece(view, p, withType ? k.logEvent : k.dtThenLevel);
  p = putString(view, p, e.level);
  p = writePiece(view, p, k.next.message);
  p = putString(view, p, e.message);
  out.advance(writePiece(view, p, k.close));
}

/** An order event at depth 2: eventJson's fields. */
function orderRow(out: JsonBytes, k: RowPieces, e: OrderEvent): void {
  const o = e.order;
  const next = k.next;
  const strings = stringBytes(e.event) + stringBytes(o.id) + stringBytes(o.symbol) + stringBytes(o.status);
  let p = out.reserve(ROW_BYTES + strings + (o.reason === null ? 0 : stringBytes(o.reason)));
  const view = out.dataView;
  p = writePiece(view, p, k.openDt);
  p = putIso(view, p, out.iso, e.dt);
  p = writePiece(view, p, k.orderEvent);
  p = putString(view, p, e.event);
  p = writePiece(view, p, next.orderId);
  p = putString(view, p, o.id);
  p = writePiece(view, p, next.symbol);
  p = putString(view, p, o.symbol);
  p = writePiece(view, p, next.status);
  p = putString(view, p, o.status);
  p = writePiece(view, p, next.reason);
  p = putStringOrNull(view, p, o.reason);
  p = writePiece(view, p, next.filled);
  p = putNumber(view, p, o.filled);
  p = writePiece(view, p, next.amount);
  p = putNumber(view, p, o.amount);
  out.advance(writePiece(view, p, k.close));
}

/**
 * The start of a fill's or a stop move's row, the same in both: `{ dt, type, orderId, symbol`,
 * with room made for the whole row; the position after the symbol.
 */
function putOrderEventHead(out: JsonBytes, k: RowPieces, e: FillEvent | StopMovedEvent, kind: BytePiece): number {
  let p = out.reserve(ROW_BYTES + stringBytes(e.orderId) + stringBytes(e.symbol));
  const view = out.dataView;
  p = writePiece(view, p, k.openDt);
  p = putIso(view, p, out.iso, e.dt);
  p = writePiece(view, p, kind);
  p = putString(view, p, e.orderId);
  p = writePiece(view, p, k.next.symbol);
  return putString(view, p, e.symbol);
}

/** A fill event at depth 2: eventJson's fields. */
function fillRow(out: JsonBytes, k: RowPieces, e: FillEvent): void {
  const next = k.next;
  let p = putOrderEventHead(out, k, e, k.fillEvent);
  const view = out.dataView;
  p = writePiece(view, p, next.amount);
  p = putNumber(view, p, e.amount);
  p = writePiece(view, p, next.price);
  p = putNumber(view, p, roundPrice(e.price));
  p = writePiece(view, p, next.commission);
  p = putNumber(view, p, roundCents(e.commission));
  if (e.basePrice !== undefined) {
    p = writePiece(view, p, next.basePrice);
    p = putNumber(view, p, roundPrice(e.basePrice));
  }
  out.advance(writePiece(view, p, k.close));
}

/** A trailing stop's move at depth 2: eventJson's fields. */
function stopMovedRow(out: JsonBytes, k: RowPieces, e: StopMovedEvent): void {
  const next = k.next;
  let p = putOrderEventHead(out, k, e, k.stopMovedEvent);
  const view = out.dataView;
  p = writePiece(view, p, next.stop);
  p = putNumber(view, p, roundPrice(e.stop));
  p = writePiece(view, p, next.hwm);
  p = putNumber(view, p, roundPrice(e.hwm));
  out.advance(writePiece(view, p, k.close));
}

/** An event at depth 2, as JSON.stringify writes eventJson(e). */
export function writeEventRow(out: JsonBytes, k: RowPieces, e: EngineEvent): void {
  if (e.type === "order") orderRow(out, k, e);
  else if (e.type === "fill") fillRow(out, k, e);
  else if (e.type === "stopMoved") stopMovedRow(out, k, e);
  else if (e.type === "log") writeLogRow(out, k, e, true);
  else writeJsonValue(out, eventJson(e), 2);
}
