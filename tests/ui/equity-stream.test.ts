import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { equityOnFrame } from "../../src/ui/charts/chart-data";
import { EquityStream } from "../../src/ui/charts/equity-stream";
import { drawdownOf, emptyEquity, writeEquity, type EquityBuffer } from "../../src/store/series-buffer";

const DAY = 86_400_000;

/** Equity points on some of the frame's days, fed in chunks of the given sizes. */
function chunks(values: number[], days: number[], sizes: number[]): EquityBuffer[] {
  const out: EquityBuffer[] = [];
  let buf = emptyEquity();
  let from = 0;
  for (const size of sizes) {
    if (from >= values.length) break;
    const n = Math.min(size, values.length - from);
    const time = days.slice(from, from + n).map((d) => d * DAY);
    const value = values.slice(from, from + n);
    buf = writeEquity(buf, from, { time, value, cash: value });
    out.push(buf);
    from += n;
  }
  return out;
}

describe("the equity pane's stream", () => {
  it("appends, chunk by chunk, exactly what a full redraw of the finished run draws", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 }),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 5 }),
        (values, sizes, extraDays) => {
          // Equity on every other frame day from day 3; the frame runs a few days past the run.
          const days = values.map((_, i) => 3 + 2 * i);
          const frame = Float64Array.from({ length: days[days.length - 1]! + 1 + extraDays }, (_, d) => d * DAY);
          const bufs = chunks(values, days, [...sizes, values.length]);
          const stream = new EquityStream();
          const eq: unknown[] = [];
          const dd: unknown[] = [];
          bufs.forEach((buf, k) => {
            const step = stream.next(buf, frame, k === bufs.length - 1);
            expect(step.reset).toBe(k === 0);
            eq.push(...step.equity);
            dd.push(...step.drawdown);
          });
          const last = bufs[bufs.length - 1]!;
          const full = equityOnFrame(last, drawdownOf(last.value, last.length), frame);
          expect(eq).toEqual(full.equity);
          expect(dd.length).toBe(full.drawdown.length);
          dd.forEach((p, i) => {
            const want = full.drawdown[i]!;
            if ("value" in want) expect((p as { value: number }).value).toBeCloseTo(want.value, 9);
            else expect(p).toEqual(want);
          });
        },
      ),
    );
  });

  it("starts over for a new run and for another symbol's timeline", () => {
    const frame = Float64Array.from({ length: 10 }, (_, d) => d * DAY);
    const run = (n: number) =>
      writeEquity(emptyEquity(), 0, {
        time: [0, DAY].slice(0, n),
        value: [5, 6].slice(0, n),
        cash: [5, 6].slice(0, n),
      });
    const stream = new EquityStream();
    expect(stream.next(run(2), frame).reset).toBe(true);
    expect(stream.next(run(2), frame).equity).toEqual([]);
    expect(stream.next(run(1), frame).reset).toBe(true);
    expect(stream.next(run(1), frame.slice()).reset).toBe(true);
  });
});
