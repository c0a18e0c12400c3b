import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { money } from "../../../src/engine/account/money";
import type { FillRecord } from "../../../src/engine/events";
import { Order, type OrderType } from "../../../src/engine/orders/order";
import type { OrderStatus } from "../../../src/engine/orders/order-status";
import { snapshotOrder } from "../../../src/engine/orders/order-snapshot";
import {
  fillJson,
  orderJson,
  tradeJson,
  writeFillRow,
  writeOrderRow,
  writeTradeRow,
} from "../../../src/engine/results/report-rows";
import type { RoundTrip } from "../../../src/engine/results/round-trips";
import { price, stringified, text, time, written } from "./row-text";

const shares = fc.integer({ min: -1e7, max: 1e7 });
const orNull = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });

const order = fc
  .record({
    n: fc.integer({ min: 1, max: 1e6 }),
    symbol: text,
    amount: shares.filter((x) => x !== 0),
    type: fc.constantFrom<OrderType>("market", "limit", "stop", "stopLimit", "trailingStop"),
    tif: fc.constantFrom("GTC", "DAY", "IOC", "FOK", "GTD"),
    status: fc.constantFrom<OrderStatus>("OPEN", "FILLED", "CANCELLED", "REJECTED", "EXPIRED"),
    reason: orNull(text),
    limit: orNull(price),
    stop: orNull(price),
    trailPercent: orNull(fc.double({ min: 0.001, max: 0.5, noNaN: true })),
    trailAmount: orNull(price),
    parentId: orNull(text),
    ocoId: orNull(text),
    role: fc.constantFrom(null, "entry", "stopLoss", "takeProfit", "ocoLeg"),
    createdAt: time,
    later: fc.integer({ min: 0, max: 1e10 }),
    fills: fc.array(fc.record({ price, shares: fc.integer({ min: 1, max: 1e6 }), commission: price }), {
      maxLength: 3,
    }),
  })
  .map((r) => {
    const tif = r.tif === "GTD" ? { kind: "GTD" as const, until: r.createdAt, label: "2024-01-02" } : { kind: r.tif };
    const asset = { symbol: r.symbol, tickSize: 0.01, sid: 0 };
    const o = new Order(`o${r.n}`, asset, r.amount, r.type, { kind: r.type } as never, tif as never, r.createdAt, 0, 0);
    Object.assign(o, {
      status: r.status,
      reason: r.reason,
      limit: r.limit,
      stop: r.stop,
      trailPercent: r.trailPercent,
      trailAmount: r.trailAmount,
      parentId: r.parentId,
      ocoId: r.ocoId,
      role: r.role,
      updatedAtMs: r.createdAt + r.later,
    });
    for (const f of r.fills) {
      o.recordFill(Math.sign(r.amount) * f.shares, f.price, money(f.commission), f.commission);
    }
    return o;
  });

const fill = fc.record({
  orderId: fc.integer({ min: 1, max: 1e6 }).map((n) => `o${n}`),
  symbol: text,
  sid: fc.constant(0),
  bar: fc.nat(),
  dt: time,
  amount: shares,
  price,
  commission: fc.oneof(fc.constant(0), price, fc.double({ min: -1, max: 1, noNaN: true })).map((c) => money(c)),
}) satisfies fc.Arbitrary<FillRecord>;

const trade = fc.record({
  symbol: text,
  side: fc.constantFrom<"long" | "short">("long", "short"),
  entryOrderId: text,
  entryDt: time,
  entryPrice: price,
  exitDt: time,
  exitPrice: price,
  exitOrderId: text,
  exitReason: text,
  amount: fc.integer({ min: 1, max: 1e7 }),
  pnl: fc.double({ min: -1e9, max: 1e9, noNaN: true }),
  returnPct: fc.double({ noNaN: false }),
  bars: fc.nat(),
  mae: fc.double({ min: -1e9, max: 0, noNaN: true }),
  mfe: fc.double({ min: 0, max: 1e9, noNaN: true }),
}) satisfies fc.Arbitrary<RoundTrip>;

describe("an order's row in the results", () => {
  it("has its snapshot's fields, in the snapshot's order, with the same ids, amounts and statuses", () => {
    fc.assert(
      fc.property(order, (o) => {
        const row = orderJson(o);
        const snapshot = snapshotOrder(o);
        expect(Object.keys(row)).toEqual(Object.keys(snapshot));
        const { stop, createdAt, updatedAt, avgFillPrice, commission, ...fixed } = row;
        const { stop: _s, createdAt: _c, updatedAt: _u, avgFillPrice: _a, commission: _m, ...same } = snapshot;
        expect(fixed).toEqual(same);
        expect([stop, createdAt, updatedAt]).toEqual([
          snapshot.stop === null ? null : Math.round(snapshot.stop * 1e6) / 1e6,
          new Date(snapshot.createdAt).toISOString(),
          new Date(snapshot.updatedAt).toISOString(),
        ]);
        expect(avgFillPrice === null).toBe(o.filled === 0);
        expect(typeof commission).toBe("number");
      }),
    );
  });
});

describe("orders, fills and trades written field by field", { timeout: 60_000 }, () => {
  for (const pretty of [false, true]) {
    const layout = pretty ? "indented" : "compact";

    it(`an order's row is the bytes JSON.stringify writes of orderJson (${layout})`, () => {
      fc.assert(
        fc.property(order, (o) => {
          expect(written((out, k) => writeOrderRow(out, k, o), pretty)).toBe(stringified(orderJson(o), pretty));
        }),
        { numRuns: 300 },
      );
    });

    it(`a fill's row is the bytes JSON.stringify writes of fillJson (${layout})`, () => {
      fc.assert(
        fc.property(fill, text, (f, reason) => {
          expect(written((out, k) => writeFillRow(out, k, f, reason), pretty)).toBe(
            stringified(fillJson(f, reason), pretty),
          );
        }),
        { numRuns: 300 },
      );
    });

    it(`a trade's row is the bytes JSON.stringify writes of tradeJson (${layout})`, () => {
      fc.assert(
        fc.property(trade, (t) => {
          expect(written((out, k) => writeTradeRow(out, k, t), pretty)).toBe(stringified(tradeJson(t), pretty));
        }),
        { numRuns: 300 },
      );
    });
  }
});
