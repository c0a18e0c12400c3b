import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { explainBar, type ForensicsOrderRow } from "../../../src/engine/matching/bar-forensics";
import {
  BracketOrder,
  type ExecutionStyle,
  LimitOrder,
  StopLimitOrder,
  StopOrder,
} from "../../../src/engine/orders/execution-styles";
import type { SameBarPolicy } from "../../../src/engine/settings/same-bar-setting";
import { bars } from "../helpers/bars";
import { eventsOfType, run } from "../helpers/run";

/** A bar on a cent grid between 90 and 110: four prices, the lowest the low, the highest the high. */
const barArb = fc.tuple(...[0, 1, 2, 3].map(() => fc.integer({ min: 9000, max: 11000 }))).map(([a, b, c, d]) => {
  const [lo, x, y, hi] = [a, b, c, d].sort((p, q) => p - q).map((v) => v / 100);
  return [x!, hi!, lo!, y!] as const;
});
const level = fc.integer({ min: 9000, max: 11000 }).map((v) => v / 100);
const styleArb: fc.Arbitrary<{ amount: number; style: ExecutionStyle }> = fc.oneof(
  fc.tuple(fc.boolean(), level).map(([buy, l]) => ({ amount: buy ? 10 : -10, style: new LimitOrder(l) })),
  fc.tuple(fc.boolean(), level).map(([buy, s]) => ({ amount: buy ? 10 : -10, style: new StopOrder(s) })),
  fc
    .tuple(fc.boolean(), level, level)
    .map(([buy, s, l]) => ({ amount: buy ? 10 : -10, style: new StopLimitOrder(l, s) })),
  fc.tuple(fc.integer({ min: 9000, max: 9990 }), fc.integer({ min: 10010, max: 11000 })).map(([sl, tp]) => ({
    amount: 10,
    style: new BracketOrder({ stopLossPrice: sl / 100, takeProfitPrice: tp / 100 }),
  })),
);

describe("bar forensics agrees with the matcher", () => {
  it("every order the engine filled on a bar is explained as filling there, at the price the path reached", () => {
    fc.assert(
      fc.property(
        barArb,
        styleArb,
        fc.constantFrom<SameBarPolicy>("path", "stopFirst", "targetFirst"),
        (row, { amount, style }, samePolicy) => {
          const bt = run(
            bars("A", [[100, 100, 100, 100], row]),
            { 0: (b) => b.order(b.symbol("A"), amount, { style }) },
            { settings: { sameBarPolicy: samePolicy } },
          );
          const orders: Record<string, ForensicsOrderRow> = {};
          for (const e of eventsOfType(bt, "order")) {
            const step = { dt: e.dt, event: e.event, status: e.order.status, filled: e.order.filled };
            orders[e.order.id] = { order: e.order, history: [...(orders[e.order.id]?.history ?? []), step] };
          }
          const fills = eventsOfType(bt, "fill");
          const [open, high, low, close] = row;
          const f = explainBar({
            symbol: "A",
            bar: { dt: bt.md.timeline[1]!, open, high, low, close, volume: 1_000_000 },
            fillModel: "ohlc",
            samePolicy,
            volumeLimit: null,
            orders,
            fills,
            stopMoves: [],
          });
          for (const fill of fills) {
            const o = f.orders.find((x) => x.orderId === fill.orderId);
            expect(o, `order ${fill.orderId} is explained`).toBeDefined();
            expect(o!.reach, `${fill.orderId} reached`).not.toBeNull();
            expect(o!.reach!.price).toBeCloseTo(fill.price, 9);
            expect(o!.filled).toBe(fill.amount);
          }
          // Without slippage, caps or cash limits, an order the path reached filled, unless its OCO sibling did first.
          for (const o of f.orders) {
            if (o.reach && o.filled === 0) expect(o.why, `${o.orderId}: ${o.text}`).toContain("oco");
          }
          for (const p of f.ambiguous) {
            expect(
              fills.some((x) => x.orderId === p.chosen),
              p.text,
            ).toBe(true);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
