import { describe, expect, it } from "vitest";
import { drawdown } from "../../../src/engine/results/drawdown";

describe("drawdown", () => {
  it("from a start of 100: 120 then 90 is 25% below the peak, and the fall lasts until the end", () => {
    const out = new Float64Array(4);
    expect(drawdown([100, 120, 90, 110], 4, 100, out)).toEqual({ max: -0.25, duration: 2 });
    expect(Array.from(out).map((x) => +x.toFixed(4))).toEqual([0, 0, -0.25, -0.0833]);
  });

  it("a first point below the starting cash is already a drawdown", () => {
    expect(drawdown([90, 100], 2, 100).max).toBeCloseTo(-0.1, 12);
    expect(drawdown([90, 100], 2, -Infinity).max).toBe(0);
  });
});
