import { describe, expect, it } from "vitest";
import { clusterMarkers, markerMode } from "../../src/ui/charts/marker-thinning";
import { markerText } from "../../src/ui/charts/order-style";

describe("markers at any zoom", () => {
  it("full labels while each marker has 64 px, short ones down to 20 px, then arrows", () => {
    expect([markerMode(10, 640), markerMode(11, 640), markerMode(32, 640), markerMode(33, 640)]).toEqual([
      "full",
      "short",
      "short",
      "arrows",
    ]);
  });
  it("an exit says which leg it was; a plain market fill says buy or sell", () => {
    expect(markerText({ role: "TP", amount: -10, price: 105 }, "full")).toBe("TP S 10 @ 105.00");
    expect(markerText({ role: "TP", amount: -10, price: 105 }, "short")).toBe("TP");
    expect(markerText({ role: "signal", amount: 100, price: 12.345 }, "full")).toBe("B 100 @ 12.35");
    expect(markerText({ role: "signal", amount: 100, price: 1 }, "short")).toBe("B");
    expect(markerText({ role: "SL", amount: -10, price: 95 }, "arrows")).toBe("");
  });
  it("arrows of one side within the gap merge into a count at the extreme price", () => {
    const p = (x: number, y: number, amount: number) => ({ x, y, m: { amount } });
    // buys at x 0, 5, 11 (gap 12 from the first) and 20; a sell at 3 stays apart
    const c = clusterMarkers([p(0, 50, 1), p(3, 10, -1), p(5, 60, 1), p(11, 55, 1), p(20, 40, 1)], 12);
    expect(c.map((k) => [k.x, k.y, k.items.length])).toEqual([
      [0, 60, 3],
      [3, 10, 1],
      [20, 40, 1],
    ]);
  });
  it("a gap of 0 keeps every marker apart", () => {
    const p = (x: number) => ({ x, y: 0, m: { amount: 1 } });
    expect(clusterMarkers([p(0), p(0), p(1)], 0)).toHaveLength(3);
  });
});
