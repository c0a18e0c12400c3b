import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { money, roundCents, toCents } from "../../../src/engine/account/money";

describe("a float amount rounded to the cent", () => {
  it("rounds as the decimal it prints as, half away from zero", () => {
    expect(roundCents(1.005)).toBe(1.01);
    expect(roundCents(-1.005)).toBe(-1.01);
    expect(roundCents(2.675)).toBe(2.68);
    expect(roundCents(0.125)).toBe(0.13);
    expect(roundCents(0.0049999)).toBe(0);
    expect(roundCents(123456789.125)).toBe(123456789.13);
  });

  it("gives what the exact Decimal rounding gives, for any amount", () => {
    const amount = fc.oneof(
      fc.double({ min: -1e12, max: 1e12, noNaN: true }),
      fc.integer({ min: -1e9, max: 1e9 }).map((k) => (k + 0.5) / 100),
      fc.integer({ min: -1e9, max: 1e9 }).map((k) => k / 1000),
    );
    fc.assert(
      fc.property(amount, (x) => {
        expect(roundCents(x) + 0).toBe(toCents(money(x)) + 0);
      }),
      { numRuns: 20_000 },
    );
  });

  it("rounds an amount that prints as a half cent as the Decimal does, read from its digits", () => {
    // x × 100 is within float error of a half here: the digits of String(x) decide, not the float.
    const halfCent = fc.integer({ min: -1e13, max: 1e13 }).map((k) => (k * 10 + 5) / 1000);
    fc.assert(
      fc.property(halfCent, (x) => {
        expect(Object.is(roundCents(x), toCents(money(x)))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });
});
