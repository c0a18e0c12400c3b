import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { money, type Money } from "../../../src/engine/account/money";
import { perShare } from "../../../src/engine/results/per-share";

/** The definition: the Decimal quotient (40 digits), as the float nearest it. */
const byDecimal = (m: Money, shares: number) => m.div(Math.abs(shares)).toNumber();

/** Commissions as the models charge them: a cost per share × shares, a share of a notional, flat fees, odd and huge ones. */
const commission: fc.Arbitrary<Money> = fc.oneof(
  fc
    .tuple(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 10_000_000 }))
    .map(([c, n]) => money(c / 100_000).times(n)),
  fc
    .tuple(fc.double({ min: 0.01, max: 1e5, noNaN: true }), fc.integer({ min: 1, max: 1_000_000 }))
    .map(([p, n]) => money(p).times(n).times("0.0015")),
  fc.integer({ min: 1, max: 1e9 }).map((c) => money(c).div(100)),
  fc.double({ min: 1e-12, max: 1e12, noNaN: true }).map((x) => money(x)),
  fc.double({ min: 1e-12, max: 1e12, noNaN: true }).map((x) => money(x).neg()),
  fc.bigInt({ min: 1n, max: 10n ** 30n }).map((k) => money(k.toString()).div("1e15")),
  fc.constantFrom("1e-30", "123456789012345678901234567890", "0.1", "7", "1e21", "3e-7").map((s) => money(s)),
);

const shares = fc.oneof(
  fc.integer({ min: -10_000_000, max: 10_000_000 }).filter((n) => n !== 0),
  fc.integer({ min: 1, max: 2 ** 53 - 1 }),
  fc.constantFrom(1, 3, 7, 1024, 2 ** 40 + 1),
  fc.double({ min: 0.001, max: 1e6, noNaN: true }),
);

describe("commission per share", () => {
  it("is the float nearest the exact quotient, as the Decimal division gives it", () => {
    fc.assert(
      fc.property(commission, shares, (m, n) => {
        expect(Object.is(perShare(m, n), byDecimal(m, n))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });
  it("agrees on quotients that are floats, on quotients with long decimals, and on signs", () => {
    for (const [m, n] of [
      ["0.1", 100],
      ["0.3", 3],
      ["1", 3],
      ["2", -3],
      ["-0.7", 7],
      ["123456.789", 1000],
      ["0.000001", 7],
      ["9007199254740991", 1],
      ["9007199254740993", 1],
      ["0.123456789012345678901", 9],
    ] as const)
      expect(perShare(money(m), n)).toBe(byDecimal(money(m), n));
  });
});
