import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { FULL_FRAME, FrameAxis, FramePick, pickFrame, picksCover } from "../../src/ui/charts/equity-lod";
import { drawdownOf } from "../../src/store/series-buffer";

/** A frame of `n` bars whose equity is `f(i)`, NaN from `reached` on (the run has not got there). */
function frame(n: number, f: (i: number) => number, reached = n) {
  const value = Float64Array.from({ length: n }, (_, i) => (i < reached ? f(i) : NaN));
  const dd = drawdownOf(value.subarray(0, reached), reached);
  const drawdown = new Float64Array(n).fill(NaN);
  drawdown.set(dd);
  return { value, drawdown };
}

describe("which bars of the equity curve the chart draws", () => {
  it("a frame of a few thousand bars is drawn bar by bar, whatever is in view", () => {
    const { value, drawdown } = frame(2768, (i) => 100_000 + i);
    const picks = pickFrame(value, drawdown, { from: 100, to: 200 });
    expect(picks.index.length).toBe(2768);
    expect(picks.index[2767]).toBe(2767);
    expect(picksCover(picks, { from: 0, to: 50 }, 2768)).toBe(true);
  });

  it("a 200,000-bar frame seen whole is drawn in a few thousand points that keep every bucket's extremes", () => {
    // A flat curve with one crash of a single bar at 123,457 and one spike at 7: thinning must keep both.
    const { value, drawdown } = frame(200_000, (i) => (i === 123_457 ? 50_000 : i === 7 ? 150_000 : 100_000));
    const picks = pickFrame(value, drawdown, { from: 0, to: 200_000 });
    expect(picks.index.length).toBeLessThan(5000);
    const values = Array.from(picks.value);
    expect(values).toContain(50_000);
    expect(values).toContain(150_000);
    // The crash is 50 % below the peak of 150,000 reached at bar 7: the drawdown drawn reaches it.
    expect(Math.min(...picks.drawdown)).toBeCloseTo(-2 / 3, 9);
    const drawn = Array.from(picks.index);
    expect(drawn[0]).toBe(0);
    // Ascending, no bar twice.
    expect(drawn.every((v, k) => k === 0 || v > drawn[k - 1]!)).toBe(true);
  });

  it("a pick stopped by the clock again and again ends with the points of the pick made at once", () => {
    const { value, drawdown } = frame(200_000, (i) => 100_000 + ((i * 7919) % 1000) - (i % 3001), 150_000);
    const view = { from: 20_000, to: 90_000 };
    const want = pickFrame(value, drawdown, view);
    const pick = new FramePick(value, drawdown, view);
    let slices = 1;
    let got = pick.next(value, drawdown, 0);
    for (; got === null; slices++) got = pick.next(value, drawdown, 0);
    // Every slice picks a few buckets at least, so a clock already past still gets to the end.
    expect(slices).toBeGreaterThan(50);
    expect(Array.from(got.index)).toEqual(Array.from(want.index));
    expect(Array.from(got.value)).toEqual(Array.from(want.value));
    expect(Array.from(got.drawdown)).toEqual(Array.from(want.drawdown));
    expect(pick.isFor({ ...view }, 200_000)).toBe(true);
    expect(pick.isFor({ from: 20_000, to: 90_001 }, 200_000)).toBe(false);
  });

  it("the drawn points stand evenly on the bars, two per bucket, so both charts' dates line up", () => {
    const { value, drawdown } = frame(200_000, (i) => 100_000 + ((i * 7919) % 1000));
    const picks = pickFrame(value, drawdown, { from: 0, to: 200_000 });
    const gaps = new Set<number>();
    for (let k = 1; k < picks.index.length; k++) gaps.add(picks.index[k]! - picks.index[k - 1]!);
    // Stride 267 (400,000 / 1,500 rounded up): gaps of 133 and 134 bars, nothing else but the last bucket's.
    expect([...gaps].filter((g) => g !== 133 && g !== 134).length).toBeLessThanOrEqual(1);
  });

  it("zoomed in on 300 bars of 200,000, every one of them is drawn", () => {
    const { value, drawdown } = frame(200_000, (i) => 100_000 + Math.sin(i / 10) * 1000);
    const picks = pickFrame(value, drawdown, { from: 150_000, to: 150_300 });
    expect(picks.stride).toBe(1);
    const drawn = new Set(picks.index);
    for (let i = 150_000; i < 150_300; i++) expect(drawn.has(i)).toBe(true);
    // Panning a little stays within what was drawn; zooming out to all of it does not.
    expect(picksCover(picks, { from: 150_100, to: 150_400 }, 200_000)).toBe(true);
    expect(picksCover(picks, { from: 0, to: 200_000 }, 200_000)).toBe(false);
  });

  it("bars the run has not reached are drawn as gaps, one per bucket, so the time axis spans the whole period", () => {
    const { value, drawdown } = frame(200_000, () => 100_000, 50_000);
    const picks = pickFrame(value, drawdown, null);
    const after = Array.from(picks.index).filter((i) => i >= 50_000);
    expect(after.length).toBeGreaterThan(100);
    expect(after.length).toBeLessThan(FULL_FRAME);
    expect(after[after.length - 1]).toBeGreaterThan(199_000);
  });

  it("the deepest drawdown of a bucket is kept even where it is not the bucket's lowest equity", () => {
    // The first bucket (267 bars): equity starts at 100 (its lowest), rises to a peak of 200 at
    // bar 100, falls to 150 at bar 101 (drawdown −25 %), then sits at 190 (−5 %).
    const { value, drawdown } = frame(200_000, (i) =>
      i === 0 ? 100 : i < 100 ? 110 : i === 100 ? 200 : i === 101 ? 150 : 190,
    );
    const picks = pickFrame(value, drawdown, null);
    expect(picks.index.slice(0, 2)).toEqual(Int32Array.from([0, 133]));
    // Lowest (bar 0) before highest (bar 100); shallowest (0 at bar 0) before deepest (bar 101).
    expect(Array.from(picks.value.slice(0, 2))).toEqual([100, 200]);
    expect(picks.drawdown[0]).toBe(0);
    expect(picks.drawdown[1]).toBeCloseTo(-0.25, 9);
  });
});

describe("the equity chart's points against the price chart's bars", () => {
  it("maps drawn points to their bars and back, between them in proportion, beyond the ends at the last spacing", () => {
    const axis = new FrameAxis(Int32Array.from([0, 10, 20, 30]));
    expect(axis.toFrame(1)).toBe(10);
    expect(axis.toFrame(1.5)).toBe(15);
    expect(axis.fromFrame(25)).toBe(2.5);
    expect(axis.toFrame(4)).toBe(40);
    expect(axis.fromFrame(-20)).toBe(-2);
  });

  it("with every bar drawn, a point is its bar", () => {
    const axis = new FrameAxis(Int32Array.from({ length: 50 }, (_, i) => i));
    for (const l of [-3, 0, 7.25, 49, 60]) {
      expect(axis.toFrame(l)).toBeCloseTo(l, 9);
      expect(axis.fromFrame(l)).toBeCloseTo(l, 9);
    }
  });

  it("going to the bars and back returns where it started, for any thinning", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 10_000 }), { minLength: 2, maxLength: 200 }),
        fc.double({ min: -50, max: 300, noNaN: true }),
        (raw, l) => {
          const axis = new FrameAxis(Int32Array.from(raw.sort((a, b) => a - b)));
          expect(axis.fromFrame(axis.toFrame(l))).toBeCloseTo(l, 6);
        },
      ),
    );
  });
});
