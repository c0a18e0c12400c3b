import { describe, expect, it } from "vitest";
import { labelCenter } from "../../../src/ui/charts/order-style";

describe("a fill marker's label on the price chart", () => {
  it("is centred over its marker in the middle of the pane", () => {
    expect(labelCenter(300, 80, 660)).toBe(300);
  });

  it("on the first bar in view, moves right until its left end is 2 px inside the pane", () => {
    // "B 100 @ 180.19", 80 px wide, over a marker 10 px from the edge: centred at 40 + 2.
    expect(labelCenter(10, 80, 660)).toBe(42);
  });

  it("on the last bar, moves left to stay clear of the price axis", () => {
    expect(labelCenter(655, 80, 660)).toBe(618);
  });

  it("stays over its marker in a pane too narrow to hold it", () => {
    expect(labelCenter(10, 80, 60)).toBe(10);
  });
});
