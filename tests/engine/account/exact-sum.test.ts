import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decimalsOf, ExactPrice, ExactSum, mantissaOf } from "../../../src/engine/account/exact-sum";
import { money, type Money, ZERO } from "../../../src/engine/account/money";

const price = fc.oneof(
  fc.integer({ min: 1, max: 10_000_000 }).map((k) => k / 100), // a cent grid
  fc.integer({ min: 1, max: 10_000_000 }).map((k) => k / 10_000), // four decimals, as the peers' CSV
  fc.double({ min: 0.0001, max: 1e6, noNaN: true }), // anything, slippage-like
  fc.double({ min: 1e9, max: 1e15, noNaN: true }),
);
const shares = fc.integer({ min: -1_000_000, max: 1_000_000 });

describe("the decimals of a price", () => {
  it("are those decimal.js reads the number with", () => {
    expect(decimalsOf(99.4675)).toBe(4);
    expect(mantissaOf(99.4675, 4)).toBe(994675);
    expect(decimalsOf(0.1)).toBe(1);
    expect(decimalsOf(100)).toBe(0);
    expect(decimalsOf(99.4675 * 1.0005)).toBe(8); // 99.51723375
    expect(decimalsOf(123.4567 * 1.0013)).toBe(-1); // 123.61719371000001: too many decimals
    expect(decimalsOf(NaN)).toBe(-1);
    fc.assert(
      fc.property(price, (x) => {
        const d = decimalsOf(x);
        if (d < 0) return;
        expect(
          money(mantissaOf(x, d))
            .div(10 ** d)
            .eq(money(x)),
        ).toBe(true);
        expect(money(x).decimalPlaces()).toBe(d);
      }),
      { numRuns: 2_000 },
    );
  }, 30_000);

  it("in the big form are the shortest decimal of the number (123.4567 × 1.0013 has 14), none with an exponent", () => {
    const big = new ExactPrice(123.4567 * 1.0013); // 123.61719371000001
    expect(big.bigDecimals()).toBe(14);
    expect(big.bigMantissa).toBe(12361719371000001n);
    const negative = new ExactPrice(-12.5);
    expect(negative.bigDecimals()).toBe(1);
    expect(negative.bigMantissa).toBe(-125n);
    expect(new ExactPrice(1e-7).bigDecimals()).toBe(-1);
    expect(new ExactPrice(1e21).bigDecimals()).toBe(-1);
    expect(new ExactPrice(Infinity).bigDecimals()).toBe(-1);
    const any = fc.oneof(
      price,
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.double({ min: -1e6, max: 1e6 }),
    );
    fc.assert(
      fc.property(any, (x) => {
        const p = new ExactPrice(x);
        const d = p.bigDecimals();
        if (!Number.isFinite(x) || String(x).includes("e")) return void expect(d).toBe(-1);
        expect(d).toBe(money(x).decimalPlaces());
        expect(money(p.bigMantissa.toString()).div(money(10).pow(d)).eq(money(x))).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });
});

type Step = { kind: "product"; price: number; n: number } | { kind: "less" } | { kind: "money"; m: string };
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("product" as const), price, n: shares }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("less" as const) }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 7 }))
      .map(([a, b]) => ({ kind: "money" as const, m: money(a).div(b).toString() })), // 40 digits when b = 3 or 7
  },
);

describe("an exact sum", () => {
  it("holds the value plain Decimal arithmetic gives, whichever path each step takes", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.array(step, { maxLength: 40 }), (start, steps) => {
        const sum = new ExactSum(money(start));
        const other = new ExactSum(money("12.34"));
        let want: Money = money(start);
        for (const s of steps) {
          if (s.kind === "product") {
            sum.addPrice(new ExactPrice(s.price), s.n);
            want = want.plus(money(s.price).times(s.n));
          } else if (s.kind === "less") {
            if (!sum.tryAddPriceLess(new ExactPrice(19.99), 3, other))
              sum.addMoney(money("19.99").times(3).minus(other.value));
            want = want.plus(money("19.99").times(3).minus(money("12.34")));
          } else {
            sum.addMoney(money(s.m));
            want = want.plus(money(s.m));
          }
          expect(sum.value.eq(want)).toBe(true);
          expect(sum.toNumber()).toBe(want.toNumber());
        }
      }),
      { numRuns: 300 },
    );
  }, 30_000);

  it("passes 2^53 units in a bigint; past 38 digits it rounds as Decimal does, or, asked to stay exact, changes nothing", () => {
    const sum = new ExactSum(money(9e15));
    expect(sum.tryAddScaled(1, 0, 1e15)).toBe(true);
    expect(sum.tryAddScaled(5, 1, 1)).toBe(true); // + 0.5: 10^17 units of 0.1
    expect(sum.value.toString()).toBe("10000000000000000.5");
    expect(sum.toNumber()).toBe(1e16);
    expect(sum.tryAddPrice(new ExactPrice(0.1 + 0.2), 3)).toBe(true); // 0.30000000000000004 × 3, exactly
    expect(sum.value.toString()).toBe("10000000000000001.40000000000000012");
    expect(sum.tryAddScaled(1, 0, 1e15 * 1e7, true)).toBe(false); // would need 39 digits
    expect(sum.tryAddPriceLess(new ExactPrice(Math.PI * 1e-7), 1, new ExactSum())).toBe(false); // String() gives 3.1415926535897934e-7
    expect(sum.value.toString()).toBe("10000000000000001.40000000000000012");
    const want = sum.value.plus(money(1e22).times(700));
    expect(want.toString()).toBe("7.0000000100000000000000014e+24"); // the exact sum has 42 digits: ...1.40000000000000012
    expect(sum.tryAddScaled(1e22, 0, 700)).toBe(true);
    expect(sum.value.toString()).toBe(want.toString());
    expect(sum.toNumber()).toBe(want.toNumber());
  });

  it("closes part of a position as the Decimal average-cost expressions do, however many digits the cost has", () => {
    const held = fc.integer({ min: 2, max: 1_000_000 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(price, held, fc.double({ min: 0.01, max: 0.99, noNaN: true })), { maxLength: 12 }),
        (closes) => {
          const cost = new ExactSum();
          const realized = new ExactSum(money("0.5"));
          let wantCost = money(0);
          let wantRealized = money("0.5");
          for (const [p, amount, part] of closes) {
            // Buy `amount` at p, then sell part of what is held at 1.01 p.
            cost.addPrice(new ExactPrice(p), amount);
            wantCost = wantCost.plus(money(p).times(amount));
            const closing = -Math.max(1, Math.floor(amount * part));
            const sell = new ExactPrice(p * 1.01);
            expect(cost.tryClosePart(sell, closing, amount, realized)).toBe(sell.d >= 0 || sell.bigDecimals() >= 0);
            if (sell.d < 0 && sell.bigDecimals() < 0) return;
            const closedCost = wantCost.times(-closing).div(amount);
            const gain = money(p * 1.01)
              .times(-closing)
              .minus(closedCost);
            if (!gain.isZero()) wantRealized = wantRealized.plus(gain);
            wantCost = wantCost.minus(closedCost);
            expect(cost.value.toString()).toBe(wantCost.toString());
            expect(realized.value.toString()).toBe(wantRealized.toString());
            expect(cost.toNumber()).toBe(wantCost.toNumber());
            // The rest of the position goes on: sell it all, as a full close does.
            if (!realized.tryAddPriceLess(sell, -(amount + closing), cost)) throw new Error("no exact full close");
            wantRealized = wantRealized.plus(
              money(p * 1.01)
                .times(-(amount + closing))
                .minus(wantCost),
            );
            expect(realized.value.toString()).toBe(wantRealized.toString());
            cost.clear();
            wantCost = money(0);
          }
        },
      ),
      { numRuns: 400 },
    );
  }, 60_000);

  it("reads 0 after clear, and a Decimal it was set to", () => {
    const sum = new ExactSum(money("0.1"));
    expect(sum.tryAddScaled(2, 1, 1)).toBe(true);
    expect(sum.value.toString()).toBe("0.3"); // 0.1 + 0.2 exactly, not 0.30000000000000004
    sum.setDecimal(money(1).div(3));
    expect(sum.tryAddScaled(1, 0, 1)).toBe(false);
    sum.clear();
    expect(sum.value).toBe(ZERO);
    expect(sum.isZero()).toBe(true);
  });
});
