import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ExactPrice } from "../../../src/engine/account/exact-sum";
import { Money, ZERO } from "../../../src/engine/account/money";
import { MarketOrder } from "../../../src/engine/orders/execution-styles";
import { Order } from "../../../src/engine/orders/order";
import { GTC } from "../../../src/engine/orders/time-in-force";

const asset = { sid: 0, symbol: "A", tickSize: 0.01 } as never;
const order = (amount: number) => new Order("o1", asset, amount, "market", new MarketOrder(), GTC, 0, 0, 1);

/** Books a fill as the broker does: the price as the exact sums take it, no commission. */
function fill(o: Order, shares: number, price: number): void {
  o.recordFill(shares, price, ZERO, 0, new ExactPrice(price));
}

describe("an order's filled notional and average price", () => {
  it("is zero before the first fill", () => {
    const o = order(10);
    expect(o.filledNotional.toString()).toBe("0");
    expect(o.notionalNum).toBe(0);
    expect(o.avgFillPrice).toBeNull();
  });

  it("is the price times the shares after one fill", () => {
    const o = order(-10);
    fill(o, -10, 10.1);
    expect(o.filledNotional.toString()).toBe("101");
    expect(o.avgFillPrice).toBe(10.1);
  });

  it("adds both parts of an order filled in two (3 at 10.10, then 7 at 10.25: 102.05, 10.205 a share)", () => {
    const o = order(10);
    fill(o, 3, 10.1);
    fill(o, 7, 10.25);
    expect(o.filledNotional.toString()).toBe("102.05");
    expect(o.avgFillPrice).toBeCloseTo(10.205, 12);
  });

  it("is the same when it was read between the two fills", () => {
    const o = order(10);
    fill(o, 3, 10.1);
    expect(o.filledNotional.toString()).toBe("30.3");
    fill(o, 7, 10.25);
    expect(o.filledNotional.toString()).toBe("102.05");
  });

  it("equals the exact sum of price × shares over any fills, read at any point", () => {
    const price = fc.integer({ min: 1, max: 10_000_000 }).map((k) => k / 10_000);
    const part = fc.record({ shares: fc.integer({ min: 1, max: 100_000 }), price, readAfter: fc.boolean() });
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 5 }), (parts) => {
        const o = order(1e9);
        let exact = new Money(0);
        let float = 0;
        for (const p of parts) {
          fill(o, p.shares, p.price);
          exact = exact.plus(new Money(p.price).times(p.shares));
          float += p.price * p.shares;
          if (p.readAfter) expect(o.filledNotional.eq(exact)).toBe(true);
        }
        expect(o.filledNotional.eq(exact)).toBe(true);
        expect(o.notionalNum).toBe(float);
      }),
    );
  });
});

describe("an order's trailing and bracket state", () => {
  it("has no watermark until one is set, then keeps it", () => {
    const o = order(-10);
    expect(o.watermark).toBe(0);
    o.watermark = 101.25;
    o.watermark = 102.5;
    expect(o.watermark).toBe(102.5);
  });

  it("keeps released-between-bars apart from triggered", () => {
    const o = order(-10);
    o.releasedBetweenBars = true;
    expect(o.triggered).toBe(false);
    o.triggered = true;
    o.releasedBetweenBars = false;
    expect(o.triggered).toBe(true);
    expect(o.releasedBetweenBars).toBe(false);
  });
});
