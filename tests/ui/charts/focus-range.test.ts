import { describe, expect, it } from "vitest";
import { focusRange } from "../../../src/ui/charts/focus-range";

describe("the bars a click on an order or a log line shows", () => {
  it("are 60 each side of the bar in the middle of the data", () => {
    expect(focusRange(1000, 60, 2768)).toEqual({ from: 940, to: 1060 });
  });

  it("near the first bar, start 2 bars before it instead of leaving the left half empty", () => {
    // The run's first order, placed on bar 0: bars -2 to 118, not -60 to 60.
    expect(focusRange(0, 60, 2768)).toEqual({ from: -2, to: 118 });
    expect(focusRange(10, 60, 2768)).toEqual({ from: -2, to: 118 });
  });

  it("near the last bar, end 2 bars after it", () => {
    // Bar 2,767 of 2,768: bars 2,649 to 2,769.
    expect(focusRange(2767, 60, 2768)).toEqual({ from: 2649, to: 2769 });
  });

  it("of a symbol shorter than the window, start at its first bar", () => {
    expect(focusRange(30, 60, 50)).toEqual({ from: -2, to: 118 });
  });
});
