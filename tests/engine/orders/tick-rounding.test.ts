import { describe, expect, it } from "vitest";
import { roundToTick } from "../../../src/engine/orders/tick-rounding";

// preferDown: a buy limit or a sell stop; otherwise a sell limit or a buy stop.
describe("rounding to the tick the zipline way", () => {
  it("a buy limit rounds down", () => expect(roundToTick(10.017, 0.01, true)).toBe(10.01));
  it("a buy limit within 0.05 tick of the tick above rounds up", () =>
    expect(roundToTick(10.0196, 0.01, true)).toBe(10.02));
  it("exactly 0.05 tick below the next tick rounds up, as in zipline", () =>
    expect(roundToTick(10.0195, 0.01, true)).toBe(10.02));
  it("a buy limit 0.06 tick below the next tick rounds down", () =>
    expect(roundToTick(10.0194, 0.01, true)).toBe(10.01));
  it("a sell limit rounds up", () => expect(roundToTick(10.013, 0.01, false)).toBe(10.02));
  it("a sell limit within 0.05 tick above a tick rounds down", () =>
    expect(roundToTick(10.0104, 0.01, false)).toBe(10.01));
  it("a price already on a tick stays put either way", () => {
    for (const p of [0.01, 1.1, 10.01, 99.99, 100, 1234.56]) {
      expect(roundToTick(p, 0.01, true)).toBe(p);
      expect(roundToTick(p, 0.01, false)).toBe(p);
    }
  });
  it("works with a tick of 0.05", () => {
    expect(roundToTick(10.03, 0.05, true)).toBe(10);
    expect(roundToTick(10.03, 0.05, false)).toBe(10.05);
    expect(roundToTick(10.0476, 0.05, true)).toBe(10.05); // 200.952 ticks: within 0.05 of 201
  });
  it("keeps a quarter tick's two decimals: a buy limit at 10.30 rounds down to 10.25, a sell limit up to 10.50", () => {
    expect(roundToTick(10.3, 0.25, true)).toBe(10.25);
    expect(roundToTick(10.3, 0.25, false)).toBe(10.5);
  });
  it("keeps an eighth tick's three decimals and a 2.5 tick's one", () => {
    expect(roundToTick(5.2, 0.125, true)).toBe(5.125);
    expect(roundToTick(5.2, 0.125, false)).toBe(5.25);
    expect(roundToTick(101, 2.5, false)).toBe(102.5);
  });
  it("puts every price on a whole number of ticks, whatever the tick", () => {
    for (const tick of [0.25, 0.125, 0.05, 2.5, 0.5, 0.0625, 0.2]) {
      for (let cents = 1; cents < 50_000; cents += 37) {
        for (const preferDown of [true, false]) {
          const n = roundToTick(cents / 100, tick, preferDown) / tick;
          expect(Math.abs(n - Math.round(n))).toBeLessThan(1e-9);
        }
      }
    }
  });
  it("works with a whole-unit tick", () => {
    expect(roundToTick(101.5, 1, true)).toBe(101);
    expect(roundToTick(101.5, 1, false)).toBe(102);
  });
});

describe("rounding to a decimal tick without printing the price", () => {
  // The rule as first written: the tick price printed to the tick's decimals and read back.
  const printed = (price: number, tick: number, preferDown: boolean): number => {
    const decimals = Math.max(0, Math.ceil(-Math.log10(tick) - 1e-9));
    const x = price / tick;
    const ticks = preferDown ? Math.floor(x + 0.05 + 1e-9) : Math.ceil(x - 0.05 - 1e-9);
    return Number((ticks * tick).toFixed(decimals));
  };
  it("gives the very same price as printing it, for every decimal tick and many prices", () => {
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (const tick of [1, 0.1, 0.01, 0.001, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8]) {
      for (let i = 0; i < 3000; i++) {
        const price = 10 ** (random() * 12 - 4) * (i % 7 === 0 ? -1 : 1);
        for (const preferDown of [true, false]) {
          expect(roundToTick(price, tick, preferDown)).toBe(printed(price, tick, preferDown));
        }
      }
    }
  });
  it("rounds a stop loss below a close the way printing does, at the tick of a cent", () => {
    for (let cents = 1; cents < 200_000; cents += 7) {
      const close = cents / 100;
      expect(roundToTick(close * 0.98, 0.01, false)).toBe(printed(close * 0.98, 0.01, false));
      expect(roundToTick(close * 1.04, 0.01, true)).toBe(printed(close * 1.04, 0.01, true));
    }
  });
});
