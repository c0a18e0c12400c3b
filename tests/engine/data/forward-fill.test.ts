import { describe, expect, it } from "vitest";
import { forwardFill } from "../../../src/engine/data/forward-fill";

describe("forward fill", () => {
  it("each time takes the last value at or before it, NaN before the first", () => {
    const out = forwardFill([1, 2, 3, 5, 9], 4, { time: [2, 4, 5], value: [100, 110, 120] });
    expect(Array.from(out)).toEqual([NaN, 100, 100, 120]);
  });
});
