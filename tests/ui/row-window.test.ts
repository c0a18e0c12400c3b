import { describe, expect, it } from "vitest";
import { rowOffsets, windowOf } from "../../src/ui/panels/use-row-window";

describe("rendering only the rows in view", () => {
  const offsets = rowOffsets(1000, () => 20);

  it("at the top, renders the rows that fit plus the overscan below", () => {
    expect(windowOf(offsets, 0, 100, 2)).toEqual({ start: 0, end: 7, padTop: 0, padBottom: (1000 - 7) * 20 });
  });

  it("scrolled down, the space above stands in for the rows skipped", () => {
    const w = windowOf(offsets, 2000, 100, 0);
    expect(w).toMatchObject({ start: 100, end: 105, padTop: 2000 });
    expect(w.padTop + (w.end - w.start) * 20 + w.padBottom).toBe(20_000);
  });

  it("rows of different heights (an expanded order) are found by their offsets", () => {
    const mixed = rowOffsets(5, (i) => (i === 1 ? 100 : 20)); // 0, 20, 120, 140, 160, 180
    expect(windowOf(mixed, 50, 10, 0)).toMatchObject({ start: 1, end: 2, padTop: 20, padBottom: 60 });
  });

  it("an empty table renders nothing", () => {
    expect(
      windowOf(
        rowOffsets(0, () => 20),
        0,
        100,
        5,
      ),
    ).toEqual({ start: 0, end: 0, padTop: 0, padBottom: 0 });
  });
});
