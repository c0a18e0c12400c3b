/**
 * The rows of `orders`, `fills` and `trades` in the results JSON, in both forms: as the object a
 * reader of the results gets (`orderJson`, `fillJson`, `tradeJson`), and written field by field
 * by the results writer without that object (`writeOrderRow`, …), the same bytes as
 * JSON.stringify of the object (the writer's tests compare the two on random rows).
 */
import type { FillRecord } from "../events";
import type { Order } from "../orders/order";
import { roundCents, roundPrice } from "../account/money";
import type { JsonBytes } from "./json-bytes";
import { writePiece } from "./byte-pieces";
import { putIso, putNumber, putNumberOrNull, putString, putStringOrNull, ROW_BYTES, stringBytes } from "./put-bytes";
import { isoTime } from "./iso-time";
import { moneyCents, orderAveragePrice, sumCents } from "./report-money";
import type { ResultsJson } from "./results-schema";
import type { RoundTrip } from "./round-trips";
import type { RowPieces } from "./row-pieces";

const price = (x: number | null): number | null => (x === null ? null : roundPrice(x));

/**
 * An order's final state as `orders[]` holds it: its snapshot's fields in the snapshot's order
 * (snapshotOrder), with ISO times and money from the exact sums. Written as one object rather than
 * the snapshot spread into another: the page's worker makes one per order of a finished run.
 */
export function orderJson(o: Order): ResultsJson["orders"][number] {
  return {
    id: o.id,
    symbol: o.asset.symbol,
    amount: o.amount,
    filled: o.filled,
    status: o.status,
    reason: o.reason,
    type: o.type,
    limit: o.limit,
    stop: price(o.stop),
    trailPercent: o.trailPercent,
    trailAmount: o.trailAmount,
    tif: o.tif,
    parentId: o.parentId,
    ocoId: o.ocoId,
    role: o.role,
    createdAt: isoTime(o.createdAtMs),
    updatedAt: isoTime(o.updatedAtMs),
    // Reports use the exact sums, not the float mirrors the run displays.
    avgFillPrice: o.filled === 0 ? null : orderAveragePrice(o),
    commission: sumCents(o.commissionSum),
  };
}

/** A fill as `fills[]` holds it; `reason` is its order's label. */
export function fillJson(f: FillRecord, reason: string): ResultsJson["fills"][number] {
  return {
    orderId: f.orderId,
    symbol: f.symbol,
    dt: isoTime(f.dt),
    amount: f.amount,
    price: roundPrice(f.price),
    commission: moneyCents(f.commission),
    reason,
  };
}

/** A round trip as `trades[]` holds it: ISO times, prices to 1e-6, money to the cent. */
export function tradeJson(t: RoundTrip): ResultsJson["trades"][number] {
  // RoundTrip's fields in its order, written out rather than the trip spread (a spread of a class
  // instance takes V8's slow path, and this runs for every trade of a run, cold).
  return {
    symbol: t.symbol,
    side: t.side,
    entryOrderId: t.entryOrderId,
    entryDt: isoTime(t.entryDt),
    entryPrice: roundPrice(t.entryPrice),
    exitDt: isoTime(t.exitDt),
    exitPrice: roundPrice(t.exitPrice),
    exitOrderId: t.exitOrderId,
    exitReason: t.exitReason,
    amount: t.amount,
    pnl: roundCents(t.pnl),
    returnPct: t.returnPct,
    bars: t.bars,
    mae: roundCents(t.mae),
    mfe: roundCents(t.mfe),
  };
}

/** orderJson(o) at depth 2, after `open` (the row's opening; with its separator in an array). */
export function writeOrderRow(out: JsonBytes, k: RowPieces, o: Order, open = k.openId): void {
  const next = k.next;
  const strings =
    stringBytes(o.id) +
    stringBytes(o.asset.symbol) +
    stringBytes(o.status) +
    stringBytes(o.type) +
    stringBytes(o.tif) +
    nullableBytes(o.reason) +
    nullableBytes(o.parentId) +
    nullableBytes(o.ocoId) +
    nullableBytes(o.role);
  let p = out.reserve(ROW_BYTES + strings);
  const view = out.dataView;
  const iso = out.iso;
  p = writePiece(view, p, open);
  p = putString(view, p, o.id);
  p = writePiece(view, p, k.symbolThenAmount.of(o.asset.symbol));
  p = putNumber(view, p, o.amount);
  p = writePiece(view, p, next.filled);
  p = putNumber(view, p, o.filled);
  p = writePiece(view, p, next.status);
  p = writePiece(view, p, k.statusThenReason.of(o.status));
  p = putStringOrNull(view, p, o.reason);
  p = writePiece(view, p, k.typeThenLimit.of(o.type));
  p = putNumberOrNull(view, p, o.limit);
  p = writePiece(view, p, next.stop);
  p = putNumberOrNull(view, p, price(o.stop));
  p = writePiece(view, p, next.trailPercent);
  p = putNumberOrNull(view, p, o.trailPercent);
  p = writePiece(view, p, next.trailAmount);
  p = putNumberOrNull(view, p, o.trailAmount);
  p = writePiece(view, p, k.tifThenParentId.of(o.tif));
  p = putStringOrNull(view, p, o.parentId);
  p = writePiece(view, p, next.ocoId);
  p = putStringOrNull(view, p, o.ocoId);
  p = writePiece(view, p, next.role);
  p = putStringOrNull(view, p, o.role);
  p = writePiece(view, p, k.nextTime.createdAt);
  p = putIso(view, p, iso, o.createdAtMs);
  p = writePiece(view, p, k.createdThenUpdated);
  p = putIso(view, p, iso, o.updatedAtMs);
  p = writePiece(view, p, k.updatedThenAvgFillPrice);
  p = putNumberOrNull(view, p, o.filled === 0 ? null : orderAveragePrice(o));
  p = writePiece(view, p, next.commission);
  p = putNumber(view, p, sumCents(o.commissionSum));
  out.advance(writePiece(view, p, k.close));
}

/** fillJson(f, reason) at depth 2, after `open` (as writeOrderRow). */
export function writeFillRow(out: JsonBytes, k: RowPieces, f: FillRecord, reason: string, open = k.openOrderId): void {
  const next = k.next;
  let p = out.reserve(ROW_BYTES + stringBytes(f.orderId) + stringBytes(f.symbol) + stringBytes(reason));
  const view = out.dataView;
  p = writePiece(view, p, open);
  p = putString(view, p, f.orderId);
  p = writePiece(view, p, k.symbolThenDt.of(f.symbol));
  p = putIso(view, p, out.iso, f.dt);
  p = writePiece(view, p, k.dtThenAmount);
  p = putNumber(view, p, f.amount);
  p = writePiece(view, p, next.price);
  p = putNumber(view, p, roundPrice(f.price));
  p = writePiece(view, p, next.commission);
  p = putNumber(view, p, moneyCents(f.commission));
  out.advance(writePiece(view, p, k.reasonThenClose.of(reason)));
}

/** tradeJson(t) at depth 2, after `open` (as writeOrderRow). */
export function writeTradeRow(out: JsonBytes, k: RowPieces, t: RoundTrip, open = k.openSymbol): void {
  const next = k.next;
  const strings =
    stringBytes(t.symbol) +
    stringBytes(t.side) +
    stringBytes(t.entryOrderId) +
    stringBytes(t.exitOrderId) +
    stringBytes(t.exitReason);
  let p = out.reserve(ROW_BYTES + strings);
  const view = out.dataView;
  const iso = out.iso;
  p = writePiece(view, p, open);
  p = putString(view, p, t.symbol);
  p = writePiece(view, p, next.side);
  p = putString(view, p, t.side);
  p = writePiece(view, p, next.entryOrderId);
  p = putString(view, p, t.entryOrderId);
  p = writePiece(view, p, k.nextTime.entryDt);
  p = putIso(view, p, iso, t.entryDt);
  p = writePiece(view, p, k.entryDtThenPrice);
  p = putNumber(view, p, roundPrice(t.entryPrice));
  p = writePiece(view, p, k.nextTime.exitDt);
  p = putIso(view, p, iso, t.exitDt);
  p = writePiece(view, p, k.exitDtThenPrice);
  p = putNumber(view, p, roundPrice(t.exitPrice));
  p = writePiece(view, p, next.exitOrderId);
  p = putString(view, p, t.exitOrderId);
  p = writePiece(view, p, next.exitReason);
  p = putString(view, p, t.exitReason);
  p = writePiece(view, p, next.amount);
  p = putNumber(view, p, t.amount);
  p = writePiece(view, p, next.pnl);
  p = putNumber(view, p, roundCents(t.pnl));
  p = writePiece(view, p, next.returnPct);
  p = putNumber(view, p, t.returnPct);
  p = writePiece(view, p, next.bars);
  p = putNumber(view, p, t.bars);
  p = writePiece(view, p, next.mae);
  p = putNumber(view, p, roundCents(t.mae));
  p = writePiece(view, p, next.mfe);
  p = putNumber(view, p, roundCents(t.mfe));
  out.advance(writePiece(view, p, k.close));
}

/** What `putStringOrNull(s)` takes at most, beyond ROW_BYTES. */
const nullableBytes = (s: string | null): number => (s === null ? 0 : stringBytes(s));
