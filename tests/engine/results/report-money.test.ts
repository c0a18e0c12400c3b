import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ExactPrice, ExactSum } from "../../../src/engine/account/exact-sum";
import { money, roundPrice, toCents, ZERO } from "../../../src/engine/account/money";
import { averagePrice, moneyCents, orderAveragePrice, sumCents } from "../../../src/engine/results/report-money";
import { MarketOrder } from "../../../src/engine/orders/execution-styles";
import { Order } from "../../../src/engine/orders/order";
import { GTC } from "../../../src/engine/orders/time-in-force";

const ASSET = { sid: 0, symbol: "A", tickSize: 0.01 } as never;

/** Σ price × shares, exact, as an order's fills add it up. */
function notional(fills: [number, number][]): ExactSum {
  const s = new ExactSum();
  for (const [price, shares] of fills) s.addPrice(new ExactPrice(price), shares);
  return s;
}

const price = fc.integer({ min: 1, max: 10_000_000 }).map((k) => k / 10_000);
const shares = fc.integer({ min: 1, max: 100_000 });

describe("money in the results", { timeout: 60_000 }, () => {
  it("an order's average fill price is the exact notional ÷ shares, to 1e-6", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(price, shares), { minLength: 1, maxLength: 6 }), (fills) => {
        const s = notional(fills);
        const total = fills.reduce((a, [, n]) => a + n, 0);
        expect(averagePrice(s, total)).toBe(roundPrice(s.value.div(total).toNumber()));
        expect(averagePrice(s, -total)).toBe(roundPrice(s.value.div(total).toNumber()));
      }),
      { numRuns: 3000 },
    );
  });

  it("an order filled once reports the average its exact sum gives, without that sum being made", () => {
    // Prices with up to 14 decimals (a trailing stop's level is not rounded), halves of a micro among them.
    const anyPrice = fc.oneof(
      price,
      fc.integer({ min: 1, max: 10_000_000 }).map((k) => k / 1e6 + 5e-7),
      fc.double({ min: 0.01, max: 10_000, noNaN: true }).map((x) => Number(x.toPrecision(15))),
    );
    fc.assert(
      fc.property(anyPrice, shares, fc.boolean(), (px, n, sell) => {
        const o = new Order("o1", ASSET, sell ? -n : n, "market", new MarketOrder(), GTC, 0, 0, 1);
        o.recordFill(sell ? -n : n, px, ZERO, 0, new ExactPrice(px));
        expect(o.onlyFillPrice).toBe(px);
        const once = orderAveragePrice(o);
        expect(once).toBe(averagePrice(o.notionalSum, o.filled));
        expect(o.onlyFillPrice).toBeNull(); // the exact sum, once read, is kept
        expect(orderAveragePrice(o)).toBe(once);
      }),
      { numRuns: 3000 },
    );
  });

  it("rounds the half micro of an average price as the exact quotient does", () => {
    // 0.0000005 over one share: exactly half a micro.
    expect(averagePrice(notional([[0.0000005, 1]]), 1)).toBe(roundPrice(money("0.0000005").toNumber()));
    expect(averagePrice(notional([[1.0000015, 2]]), 2)).toBe(roundPrice(money("1.0000015").toNumber()));
  });

  it("commissions to the cent are the exact sums rounded half away from zero, −0 included", () => {
    const amount = fc.integer({ min: -10_000_000, max: 10_000_000 }).map((k) => k / 1000);
    fc.assert(
      fc.property(fc.array(fc.tuple(amount, fc.integer({ min: 1, max: 3 })), { maxLength: 5 }), (parts) => {
        const s = notional(parts);
        expect(Object.is(sumCents(s), toCents(s.value))).toBe(true);
        expect(Object.is(moneyCents(s.value), toCents(s.value))).toBe(true);
      }),
      { numRuns: 3000 },
    );
    for (const text of ["0.005", "-0.005", "-0.004", "2.675", "1.005", "0"])
      expect(Object.is(moneyCents(money(text)), toCents(money(text))), text).toBe(true);
  });
});
