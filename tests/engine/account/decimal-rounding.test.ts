import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addUnits,
  digitsOf,
  divUnits,
  mulUnits,
  roundUnits,
  subUnits,
  type Units,
  unitsText,
} from "../../../src/engine/account/decimal-rounding";
import { money } from "../../../src/engine/account/money";

/** A value of up to 48 digits, at a scale from −5 to 45, sometimes ending in 5 followed by zeros (a tie once rounded). */
const units: fc.Arbitrary<Units> = fc
  .tuple(
    fc.bigInt({ min: -(10n ** 48n), max: 10n ** 48n }),
    fc.integer({ min: -5, max: 45 }),
    fc.integer({ min: 0, max: 12 }),
    fc.boolean(),
  )
  .map(([m, scale, zeros, tie]) => ({ m: tie ? (m * 10n + 5n) * 10n ** BigInt(zeros) : m, scale }));
const whole = fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer()).filter((n) => n !== 0);

const asMoney = (u: Units) => money(unitsText(u.m, u.scale));
const same = (u: Units, want: ReturnType<typeof money>) =>
  expect(asMoney(u).eq(want) && asMoney(u).toString()).toBe(want.toString());

describe("decimal.js's rounding on bigint units", () => {
  it("counts the digits of a bigint", () => {
    expect([0n, 9n, 10n, -99n, 10n ** 40n, 10n ** 40n - 1n, 10n ** 250n].map(digitsOf)).toEqual([
      0, 1, 2, 2, 41, 40, 251,
    ]);
  });

  it("keeps 40 significant digits, half to even, as a Decimal result does", () => {
    const tie = roundUnits(10n ** 40n + 5n * 10n ** 0n, 0); // 41 digits ending in 5: to the even neighbour
    expect(unitsText(tie.m, tie.scale)).toBe(`${10n ** 39n}e1`);
    fc.assert(
      fc.property(units, (u) => {
        same(roundUnits(u.m, u.scale), asMoney(u).plus(0));
      }),
      { numRuns: 2_000 },
    );
  });

  it("adds, subtracts and multiplies by whole numbers as Decimal plus, minus and times do", () => {
    fc.assert(
      fc.property(units, units, whole, (a, b, n) => {
        same(addUnits(a, b), asMoney(a).plus(asMoney(b)));
        same(subUnits(a, b), asMoney(a).minus(asMoney(b)));
        same(mulUnits(a, n), asMoney(a).times(n));
      }),
      { numRuns: 2_000 },
    );
  });

  it("divides by a whole number as Decimal div does, ties and exact quotients included", () => {
    const exact = divUnits(3n, 0, 8); // 0.375, no rounding
    expect(asMoney(exact).toString()).toBe("0.375");
    fc.assert(
      fc.property(units, whole, (a, n) => {
        same(divUnits(a.m, a.scale, n), asMoney(a).div(n));
      }),
      { numRuns: 3_000 },
    );
    // A quotient whose 41st digit is a 5 with nothing after it: exactly half way.
    const half = { m: 10n ** 40n * 2n + 1n, scale: 0 };
    same(divUnits(half.m, half.scale, 2), asMoney(half).div(2));
  });
});
