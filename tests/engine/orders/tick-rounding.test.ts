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
  it("works with a whole-unit tick", () => {
    expect(roundToTick(101.5, 1, true)).toBe(101);
    expect(roundToTick(101.5, 1, false)).toBe(102);
  });
});
