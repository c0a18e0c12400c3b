import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BarExtremes } from "../../../src/engine/results/bar-extremes";

/** Daily bars from day 0 with the given lows; each high is its low + 5. */
function barsOf(lows: number[]) {
  return {
    time: Float64Array.from(lows, (_, i) => i * 86_400_000),
    low: Float64Array.from(lows),
    high: Float64Array.from(lows, (x) => x + 5),
  };
}

/** The lowest low and highest high of the bars from `from` to `to`, walked one by one. */
function walked(b: ReturnType<typeof barsOf>, from: number, to: number) {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < b.time.length; i++) {
    if (b.time[i]! < from || b.time[i]! > to) continue;
    lo = Math.min(lo, b.low[i]!);
    hi = Math.max(hi, b.high[i]!);
  }
  return { lo, hi };
}

describe("a trade's lowest low and highest high", () => {
  it("a trade held 500 bars sees the one low bar in the middle of its span and not one a bar after it", () => {
    const lows = Array.from({ length: 1000 }, () => 100);
    lows[300] = 42;
    lows[601] = 7;
    const b = barsOf(lows);
    const x = new BarExtremes(b);
    x.between(b.time[100]!, b.time[600]!, 501);
    expect({ lo: x.lo, hi: x.hi }).toEqual({ lo: 42, hi: 105 });
    x.between(b.time[100]!, b.time[601]!, 502);
    expect(x.lo).toBe(7);
  });

  it("are those of every bar between its entry and exit, however long it was held", () => {
    const price = fc.integer({ min: 1, max: 100_000 }).map((k) => k / 100);
    fc.assert(
      fc.property(
        fc.array(price, { minLength: 1, maxLength: 700, size: "max" }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 20 }),
        (lows, spans) => {
          const b = barsOf(lows);
          const x = new BarExtremes(b);
          for (const [p, q] of spans) {
            const from = Math.min(p, q) % lows.length;
            const to = Math.max(p, q) % lows.length;
            // Times between bars too: a trade's times are the run's, which other symbols' bars may hold.
            const t0 = b.time[from]! - (p % 2) * 1000;
            const t1 = b.time[to]! + (q % 2) * 1000;
            x.between(t0, t1, to - from + 1);
            expect({ lo: x.lo, hi: x.hi }).toEqual(walked(b, t0, t1));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
