import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstIndexAtOrAfter, firstIndexWhere, lastIndexAtOrBefore } from "../../../src/engine/data/sorted-search";

describe("binary search", () => {
  it("finds the first element at or after, and the last at or before, a time", () => {
    const t = [10, 20, 20, 30];
    expect([5, 10, 20, 25, 31].map((x) => firstIndexAtOrAfter(t, x))).toEqual([0, 0, 1, 3, 4]);
    expect([5, 10, 20, 25, 31].map((x) => lastIndexAtOrBefore(t, x))).toEqual([-1, 0, 2, 2, 3]);
  });

  it("agrees with a linear scan on any sorted array", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 })), fc.integer({ min: -5, max: 55 }), (xs, t) => {
        const a = [...xs].sort((x, y) => x - y);
        const linear = a.findIndex((x) => x >= t);
        expect(firstIndexAtOrAfter(a, t)).toBe(linear < 0 ? a.length : linear);
        expect(firstIndexWhere(a.length, (i) => a[i]! >= t)).toBe(linear < 0 ? a.length : linear);
        expect(lastIndexAtOrBefore(a, t)).toBe(a.filter((x) => x <= t).length - 1);
      }),
    );
  });
});
