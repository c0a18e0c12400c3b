import { describe, expect, it } from "vitest";
import {
  appendSeries,
  drawdownOf,
  emptyEquity,
  prepareEquityColumns,
  writeEquity,
} from "../../src/store/series-buffer";

const chunk = (values: number[]) => ({
  time: Float64Array.from(values, (_, i) => i),
  value: Float64Array.from(values),
  cash: Float64Array.from(values, (v) => v / 2),
});

describe("the equity buffer a run streams into", () => {
  it("a thousand one-point batches copy the curve about ten times, not a thousand", () => {
    let eq = emptyEquity();
    const buffers = new Set<Float64Array>();
    for (let i = 0; i < 1000; i++) {
      eq = writeEquity(eq, i, { time: [i], value: [100 + i], cash: [50] });
      buffers.add(eq.value);
    }
    expect(eq.length).toBe(1000);
    // Capacity 256, then doubling: 256, 512, 1024.
    expect(buffers.size).toBe(3);
    expect(eq.value[999]).toBe(1099);
  });

  it("a reader of an earlier batch still sees its own points after the buffer has grown", () => {
    const early = writeEquity(emptyEquity(), 0, chunk([100, 101]));
    const later = writeEquity(early, 2, chunk(Array.from({ length: 500 }, (_, i) => 200 + i)));
    expect(early.length).toBe(2);
    expect(Array.from(early.value.subarray(0, early.length))).toEqual([100, 101]);
    expect(later.length).toBe(502);
    expect(later.value[2]).toBe(200);
  });

  it("a long run takes the columns written ahead of it once, and its curve reads as in fresh ones", () => {
    prepareAll(1000);
    const run = emptyEquity(800);
    const prepared = run.value;
    expect(prepared.length).toBe(1000);
    expect(run.length).toBe(0);
    const eq = writeEquity(run, 0, chunk([100, 90, 120]));
    expect(eq.value).toBe(prepared);
    expect(Array.from(eq.value.subarray(0, eq.length))).toEqual([100, 90, 120]);
    expect(eq.drawdown[1]).toBeCloseTo(-0.1);
    // Taken: the next run gets columns of its own.
    expect(emptyEquity(800).value).not.toBe(prepared);
  });

  it("columns are written ahead one a call, and a run takes them only once all four are", () => {
    let calls = 1;
    while (!prepareEquityColumns(2000)) calls++;
    expect(calls).toBe(4);
    expect(prepareEquityColumns(2000)).toBe(true);
    expect(emptyEquity(1500).value.length).toBe(2000);
    expect(prepareEquityColumns(3000)).toBe(false);
    expect(emptyEquity(2500).value.length).toBe(2500);
  });

  it("columns written ahead are left for a run they would not fit, or would fit with over half to spare", () => {
    prepareAll(1000);
    expect(emptyEquity(1001).value.length).toBe(1001);
    expect(emptyEquity(400).value.length).toBe(400);
    expect(emptyEquity(0).value.length).toBe(0);
    expect(emptyEquity(600).value.length).toBe(1000);
  });

  it("a chunk sent again overwrites the points it covers instead of adding them twice", () => {
    const eq = writeEquity(writeEquity(emptyEquity(), 0, chunk([100, 101, 102])), 1, chunk([111, 112, 113]));
    expect(eq.length).toBe(4);
    expect(Array.from(eq.value.subarray(0, 4))).toEqual([100, 111, 112, 113]);
    expect(eq.cash[3]).toBe(56.5);
  });

  it("a run that says how many bars it has is written into the same columns from its first point to its last", () => {
    let eq = emptyEquity(1000);
    const first = eq.value;
    for (let i = 0; i < 1000; i += 100) eq = writeEquity(eq, i, chunk(Array.from({ length: 100 }, (_, k) => i + k)));
    expect(eq.length).toBe(1000);
    expect(eq.value).toBe(first);
    expect(eq.value[999]).toBe(999);
  });

  it("each point's drawdown arrives with it, the same as walking the whole curve at the end", () => {
    const values = Array.from({ length: 700 }, (_, i) => 100 + 30 * Math.sin(i / 17) + i / 10);
    let eq = emptyEquity(300);
    for (let i = 0; i < values.length; i += 70) eq = writeEquity(eq, i, chunk(values.slice(i, i + 70)));
    expect(Array.from(eq.drawdown.subarray(0, eq.length))).toEqual(Array.from(drawdownOf(eq.value, eq.length)));
    expect(eq.peak).toBe(Math.max(...values));
  });

  it("a chunk sent again goes into fresh columns: what a reader had is not changed under it", () => {
    const before = writeEquity(emptyEquity(10), 0, chunk([100, 90, 80]));
    const after = writeEquity(before, 1, chunk([120, 60]));
    expect(Array.from(before.value.subarray(0, 3))).toEqual([100, 90, 80]);
    expect(after.value).not.toBe(before.value);
    expect(Array.from(after.drawdown.subarray(0, 3))).toEqual([0, 0, -0.5]);
  });

  it("a chunk that would leave a hole is refused", () => {
    expect(() => writeEquity(emptyEquity(), 3, chunk([100]))).toThrow(/starts at 3, after the 0 points/);
  });

  it("record() series append at the end and an empty batch changes nothing", () => {
    const empty = { time: new Float64Array(0), value: new Float64Array(0), length: 0 };
    const one = appendSeries(empty, [10, 20], [1, 2]);
    expect(appendSeries(one, [], [])).toBe(one);
    const two = appendSeries(one, [30], [3]);
    expect(Array.from(two.value.subarray(0, two.length))).toEqual([1, 2, 3]);
  });
});

/** Calls prepareEquityColumns until its four columns are written, as the page's idle turns do. */
function prepareAll(capacity: number): void {
  for (let i = 0; i < 4 && !prepareEquityColumns(capacity); i++);
}
