import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoTime } from "../../../src/engine/results/iso-time";

describe("ISO times in the results", () => {
  it("read as toISOString writes them, for any millisecond from year 0 to 9999 and beyond", () => {
    fc.assert(
      fc.property(fc.integer({ min: -70_000_000_000_000, max: 260_000_000_000_000 }), (ms) => {
        expect(isoTime(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 5000 },
    );
  });

  it("keep the date right across consecutive days, leap days and the epoch", () => {
    expect(isoTime(Date.UTC(2000, 1, 29, 23, 59, 59, 999))).toBe("2000-02-29T23:59:59.999Z");
    expect(isoTime(Date.UTC(2000, 2, 1))).toBe("2000-03-01T00:00:00.000Z");
    expect(isoTime(-1)).toBe("1969-12-31T23:59:59.999Z");
    expect(isoTime(Date.UTC(1680, 0, 1, 9, 30))).toBe("1680-01-01T09:30:00.000Z");
    expect(isoTime(253_402_300_800_000)).toBe("+010000-01-01T00:00:00.000Z");
  });
});
