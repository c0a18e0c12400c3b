import { describe, expect, it } from "vitest";
import {
  barIndexAt,
  benchmarkOnFrame,
  EquityOnFrame,
  equityOnFrame,
  equityValuesOnFrame,
} from "../../src/ui/charts/chart-data";
import { drawdownOf, writeEquity, emptyEquity } from "../../src/store/series-buffer";
import { pickFrame } from "../../src/ui/charts/equity-lod";

const DAY = 86_400_000;
const T0 = Date.UTC(2020, 0, 2);
describe("equity on the price chart's frame", () => {
  it("pads with whitespace where the run has no value, so bar i is the same time on both charts", () => {
    const frame = Float64Array.from([0, 1, 2, 3], (i) => T0 + i * DAY);
    const eq = writeEquity(emptyEquity(), 0, {
      time: Float64Array.from([T0 + DAY, T0 + 2 * DAY]),
      value: Float64Array.from([100, 90]),
      cash: Float64Array.from([0, 0]),
    });
    const out = equityOnFrame(eq, drawdownOf(eq.value, eq.length), frame);
    expect(out.equity).toEqual([
      { time: T0 / 1000 },
      { time: (T0 + DAY) / 1000, value: 100 },
      { time: (T0 + 2 * DAY) / 1000, value: 90 },
      { time: (T0 + 3 * DAY) / 1000 },
    ]);
    const dd = out.drawdown[2] as { time: number; value: number };
    expect(dd.time).toBe((T0 + 2 * DAY) / 1000);
    expect(dd.value).toBeCloseTo(-10, 9);
  });

  it("the benchmark is the starting cash put into it at the run's first point, carried over days it has no bar", () => {
    const frame = Float64Array.from([0, 1, 2, 3, 4], (i) => T0 + i * DAY);
    // The run has reached day 3 of 4; the benchmark has no bars on days 1 and 3.
    const eq = writeEquity(emptyEquity(), 0, {
      time: Float64Array.from([1, 2, 3], (i) => T0 + i * DAY),
      value: Float64Array.from([1000, 1010, 990]),
      cash: Float64Array.from([0, 0, 0]),
    });
    const spy = { time: Float64Array.from([0, 2, 4], (i) => T0 + i * DAY), close: Float64Array.from([50, 60, 70]) };
    expect(benchmarkOnFrame(eq, spy, 1000, frame)).toEqual([
      { time: T0 / 1000 },
      { time: (T0 + DAY) / 1000, value: 1000 },
      { time: (T0 + 2 * DAY) / 1000, value: 1200 },
      { time: (T0 + 3 * DAY) / 1000, value: 1200 },
      { time: (T0 + 4 * DAY) / 1000 },
    ]);
  });

  it("a benchmark that starts trading after the run starts is measured from its first close", () => {
    const eq = writeEquity(emptyEquity(), 0, {
      time: Float64Array.from([0, 1, 2], (i) => T0 + i * DAY),
      value: Float64Array.from([500, 500, 500]),
      cash: Float64Array.from([500, 500, 500]),
    });
    const ipo = { time: Float64Array.from([T0 + DAY, T0 + 2 * DAY]), close: Float64Array.from([20, 30]) };
    expect(benchmarkOnFrame(eq, ipo, 500, null)).toEqual([
      { time: T0 / 1000 },
      { time: (T0 + DAY) / 1000, value: 500 },
      { time: (T0 + 2 * DAY) / 1000, value: 750 },
    ]);
  });

  it("as the run streams, the curve on the frame is the same as aligning all its points again", () => {
    // A frame of 60 days; the run has points on most of them (none on every seventh), in chunks.
    const frame = Float64Array.from({ length: 60 }, (_, i) => T0 + i * DAY);
    const days = Array.from({ length: 60 }, (_, i) => i).filter((i) => i % 7 !== 3);
    const onFrame = new EquityOnFrame();
    let eq = emptyEquity(days.length);
    for (let from = 0; from < days.length; from += 9) {
      const part = days.slice(from, from + 9);
      eq = writeEquity(eq, from, {
        time: Float64Array.from(part, (d) => T0 + d * DAY),
        value: Float64Array.from(part, (d) => 1000 + ((d * 37) % 23) - d),
        cash: Float64Array.from(part, () => 0),
      });
      const again = equityValuesOnFrame(eq, drawdownOf(eq.value, eq.length), frame);
      const got = onFrame.values(eq, frame);
      expect(Array.from(got.value)).toEqual(Array.from(again.value));
      expect(Array.from(got.drawdown)).toEqual(Array.from(again.drawdown));
    }
    // A new run on the same frame starts afresh.
    const next = writeEquity(emptyEquity(), 0, {
      time: Float64Array.from([T0 + 5 * DAY]),
      value: Float64Array.from([7]),
      cash: Float64Array.from([0]),
    });
    const got = onFrame.values(next, frame);
    expect(got.value.filter((v) => !Number.isNaN(v))).toEqual(Float64Array.from([7]));
  });

  it("a growing long run re-picks only the buckets its new points reached, and draws what a fresh pick draws", () => {
    // 30,000 daily bars (drawn in buckets), a point on all but every eleventh, arriving in uneven chunks;
    // the view moves once halfway (other buckets: nothing is reused then).
    const n = 30_000;
    const frame = Float64Array.from({ length: n }, (_, i) => T0 + i * DAY);
    const days = Array.from({ length: n }, (_, i) => i).filter((i) => i % 11 !== 5);
    const onFrame = new EquityOnFrame();
    let eq = emptyEquity(days.length);
    let view = { from: 0, to: n };
    for (let from = 0, step = 1; from < days.length; from += step, step = (step * 7 + 3) % 2_900) {
      const part = days.slice(from, from + step);
      eq = writeEquity(eq, from, {
        time: Float64Array.from(part, (d) => T0 + d * DAY),
        value: Float64Array.from(part, (d) => 1000 + ((d * 37) % 23) - (d % 500)),
        cash: Float64Array.from(part, () => 0),
      });
      if (from > days.length / 2 && view.from === 0) view = { from: 20_000, to: 22_000 };
      const fresh = equityValuesOnFrame(eq, drawdownOf(eq.value, eq.length), frame);
      const want = pickFrame(fresh.value, fresh.drawdown, view);
      const got = onFrame.picks(eq, frame, view).picks;
      expect(Array.from(got.index)).toEqual(Array.from(want.index));
      expect(Array.from(got.value)).toEqual(Array.from(want.value));
      expect(Array.from(got.drawdown)).toEqual(Array.from(want.drawdown));
    }
  });

  it("a curve placed in slices cut short by the clock ends as the curve placed at once", () => {
    const n = 50_000;
    const frame = Float64Array.from({ length: n }, (_, i) => T0 + i * DAY);
    const eq = writeEquity(emptyEquity(n), 0, {
      time: frame,
      value: Float64Array.from(frame, (_, i) => 1000 + ((i * 37) % 23) - (i % 500)),
      cash: Float64Array.from(frame, () => 0),
    });
    const view = { from: 0, to: n };
    const want = new EquityOnFrame().picks(eq, frame, view).picks;
    const sliced = new EquityOnFrame();
    let got = sliced.picks(eq, frame, view, 0);
    let slices = 1;
    for (; sliced.behind; slices++) got = sliced.picks(eq, frame, view, 0);
    expect(slices).toBeGreaterThan(5);
    expect(Array.from(got.picks.index)).toEqual(Array.from(want.index));
    expect(Array.from(got.picks.value)).toEqual(Array.from(want.value));
    expect(Array.from(got.picks.drawdown)).toEqual(Array.from(want.drawdown));
  });

  it("a pick cut short by the clock while points keep coming ends drawing what a fresh pick of them all draws", () => {
    const n = 120_000;
    const frame = Float64Array.from({ length: n }, (_, i) => T0 + i * DAY);
    const value = Float64Array.from(frame, (_, i) => 1000 + ((i * 37) % 23) - (i % 700));
    const view = { from: 0, to: n };
    const sliced = new EquityOnFrame();
    let eq = emptyEquity(n);
    let got = null;
    // A batch of points between every two slices, then slices alone until nothing is left behind.
    for (let from = 0, slices = 0; from < n || sliced.behind; slices++) {
      if (from < n) {
        const to = Math.min(n, from + 7_000);
        eq = writeEquity(eq, from, {
          time: frame.subarray(from, to),
          value: value.subarray(from, to),
          cash: new Float64Array(to - from),
        });
        from = to;
      }
      got = sliced.picks(eq, frame, view, 0);
      expect(slices).toBeLessThan(10_000);
    }
    const fresh = equityValuesOnFrame(eq, drawdownOf(eq.value, eq.length), frame);
    const want = pickFrame(fresh.value, fresh.drawdown, view);
    expect(Array.from(got!.picks.index)).toEqual(Array.from(want.index));
    expect(Array.from(got!.picks.value)).toEqual(Array.from(want.value));
    expect(Array.from(got!.picks.drawdown)).toEqual(Array.from(want.drawdown));
  });

  it("the arrays prepared for the chart's bars before a run are the ones the run's curve is drawn from", () => {
    const frame = Float64Array.from({ length: 20 }, (_, i) => T0 + i * DAY);
    const onFrame = new EquityOnFrame();
    onFrame.prepare(frame);
    const before = onFrame.values(emptyEquity(), frame).value;
    expect(Array.from(before).every(Number.isNaN)).toBe(true);
    const run = (values: number[]) =>
      writeEquity(emptyEquity(values.length), 0, {
        time: Float64Array.from(values, (_, i) => T0 + i * DAY),
        value: Float64Array.from(values),
        cash: Float64Array.from(values, () => 0),
      });
    const first = onFrame.values(run([100, 90, 120]), frame);
    expect(first.value).toBe(before);
    expect(Array.from(first.value.subarray(0, 4))).toEqual([100, 90, 120, NaN]);
    expect(first.drawdown[1]).toBeCloseTo(-10);
    // The next run on the same bars reuses them, with nothing of the last run left in them.
    const second = onFrame.values(run([50]), frame);
    expect(second.value).toBe(before);
    expect(Array.from(second.value.subarray(0, 3))).toEqual([50, NaN, NaN]);
    expect(Number.isNaN(second.drawdown[1]!)).toBe(true);
  });

  it("drawdown is the fall from the running peak", () => {
    expect(Array.from(drawdownOf(Float64Array.from([100, 120, 90, 130]), 4))).toEqual([0, 0, -0.25, 0]);
  });

  it("finds the bar at or just before a time", () => {
    const times = Float64Array.from([10, 20, 30]);
    expect([barIndexAt(times, 5), barIndexAt(times, 20), barIndexAt(times, 25), barIndexAt(times, 99)]).toEqual([
      0, 1, 1, 2,
    ]);
  });
});
