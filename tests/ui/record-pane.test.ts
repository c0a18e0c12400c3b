import { describe, expect, it } from "vitest";
import { recordPaneShare } from "../../src/ui/charts/record-pane";

describe("the record() pane is tall enough to read", () => {
  it("takes 30% of a tall chart (600 px: 180 px)", () => expect(recordPaneShare(600)).toBeCloseTo(0.3));
  it("takes at least 120 px of a short one (300 px: 40%)", () => expect(recordPaneShare(300)).toBeCloseTo(0.4));
  it("never more than half, however short (160 px: 80 px)", () => expect(recordPaneShare(160)).toBe(0.5));
  it("falls back to 30% before the chart has a height", () => expect(recordPaneShare(0)).toBeCloseTo(0.3));
});
