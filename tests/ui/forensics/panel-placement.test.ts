import { describe, expect, it } from "vitest";
import { placement } from "../../../src/ui/forensics/forensics-input";

describe("where the forensics panel opens", () => {
  it("a bar in the middle of a narrow chart keeps the panel left of it, narrowed to end before the bar", () => {
    // 740 px chart, bar at 375: 375 − 8 − 16 = 351 px on the left, 740 − 72 − 375 − 16 = 277 on the right
    expect(placement(375, 740)).toEqual({ side: "left", width: 351 });
  });

  it("a bar near the left edge puts the panel on the right at its full width, clear of the price axis", () => {
    expect(placement(100, 740)).toEqual({ side: "right", width: 372 });
  });

  it("a chart too narrow for both keeps the panel readable at its minimum width", () => {
    expect(placement(200, 400)).toEqual({ side: "left", width: 280 });
  });
});
