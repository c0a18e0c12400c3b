/**
 * The rows of `orders`, `fills` and `trades` in the results JSON, in both forms: as the object a
 * reader of the results gets (`orderJson`, `fillJson`, `tradeJson`), and written field by field
 * by the results writer without that object (`writeOrderRow`, …), the same bytes as
 * JSON.stringify of the object (the writer's tests compare the two on random rows).
 */
import type { FillRecord } from "../events";
import type { Order } from "../orders/order";
import { snapshotOrder } from "../orders/order-snapshot";
import { roundCents, roundPrice } from "../account/money";
import type { JsonBytes } from "./json-bytes";
import { isoTime } from "./iso-time";
import { averagePrice, moneyCents, sumCents } from "./report-money";
import type { ResultsJson } from "./results-schema";
import type { RoundTrip } from "./round-trips";
import type { RowPieces } from "./row-pieces";

const price = (x: number | null): number | null => (x === null ? null : roundPrice(x));

/** An order's final state as `orders[]` holds it: its snapshot with ISO times and money from the exact sums. */
export function orderJson(o: Order): ResultsJson["orders"][number] {
  return {
    ...snapshotOrder(o),
    stop: price(o.stop),
    createdAt: isoTime(o.createdAtMs),
    updatedAt: isoTime(o.updatedAtMs),
    // Reports use the exact sums, not the float mirrors the run displays.
    avgFillPrice: o.filled === 0 ? null : averagePrice(o.notionalSum, o.filled),
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
  return {
    ...t,
    entryDt: isoTime(t.entryDt),
    exitDt: isoTime(t.exitDt),
    entryPrice: roundPrice(t.entryPrice),
    exitPrice: roundPrice(t.exitPrice),
    pnl: roundCents(t.pnl),
    mae: roundCents(t.mae),
    mfe: roundCents(t.mfe),
  };
}

function stringOrNull(out: JsonBytes, s: string | null): void {
  if (s === null) out.literal(null);
  else out.string(s);
}

function numberOrNull(out: JsonBytes, x: number | null): void {
  if (x === null) out.literal(null);
  else out.number(x);
}

/** orderJson(o) at depth 2. */
export function writeOrderRow(out: JsonBytes, k: RowPieces, o: Order): void {
  const next = k.next;
  out.piece(k.openId);
  out.string(o.id);
  out.piece(next.symbol);
  out.string(o.asset.symbol);
  out.piece(next.amount);
  out.number(o.amount);
  out.piece(next.filled);
  out.number(o.filled);
  out.piece(next.status);
  out.string(o.status);
  out.piece(next.reason);
  stringOrNull(out, o.reason);
  out.piece(next.type);
  out.string(o.type);
  out.piece(next.limit);
  numberOrNull(out, o.limit);
  out.piece(next.stop);
  numberOrNull(out, price(o.stop));
  out.piece(next.trailPercent);
  numberOrNull(out, o.trailPercent);
  out.piece(next.trailAmount);
  numberOrNull(out, o.trailAmount);
  out.piece(next.tif);
  out.string(o.tif);
  out.piece(next.parentId);
  stringOrNull(out, o.parentId);
  out.piece(next.ocoId);
  stringOrNull(out, o.ocoId);
  out.piece(next.role);
  stringOrNull(out, o.role);
  out.piece(next.createdAt);
  out.isoString(o.createdAtMs);
  out.piece(next.updatedAt);
  out.isoString(o.updatedAtMs);
  out.piece(next.avgFillPrice);
  if (o.filled === 0) out.literal(null);
  else out.number(averagePrice(o.notionalSum, o.filled));
  out.piece(next.commission);
  out.number(sumCents(o.commissionSum));
  out.piece(k.close);
}

/** fillJson(f, reason) at depth 2. */
export function writeFillRow(out: JsonBytes, k: RowPieces, f: FillRecord, reason: string): void {
  const next = k.next;
  out.piece(k.openOrderId);
  out.string(f.orderId);
  out.piece(next.symbol);
  out.string(f.symbol);
  out.piece(next.dt);
  out.isoString(f.dt);
  out.piece(next.amount);
  out.number(f.amount);
  out.piece(next.price);
  out.number(roundPrice(f.price));
  out.piece(next.commission);
  out.number(moneyCents(f.commission));
  out.piece(next.reason);
  out.string(reason);
  out.piece(k.close);
}

/** tradeJson(t) at depth 2. */
export function writeTradeRow(out: JsonBytes, k: RowPieces, t: RoundTrip): void {
  const next = k.next;
  out.piece(k.openSymbol);
  out.string(t.symbol);
  out.piece(next.side);
  out.string(t.side);
  out.piece(next.entryOrderId);
  out.string(t.entryOrderId);
  out.piece(next.entryDt);
  out.isoString(t.entryDt);
  out.piece(next.entryPrice);
  out.number(roundPrice(t.entryPrice));
  out.piece(next.exitDt);
  out.isoString(t.exitDt);
  out.piece(next.exitPrice);
  out.number(roundPrice(t.exitPrice));
  out.piece(next.exitOrderId);
  out.string(t.exitOrderId);
  out.piece(next.exitReason);
  out.string(t.exitReason);
  out.piece(next.amount);
  out.number(t.amount);
  out.piece(next.pnl);
  out.number(roundCents(t.pnl));
  out.piece(next.returnPct);
  out.number(t.returnPct);
  out.piece(next.bars);
  out.number(t.bars);
  out.piece(next.mae);
  out.number(roundCents(t.mae));
  out.piece(next.mfe);
  out.number(roundCents(t.mfe));
  out.piece(k.close);
}
