import { drawdown } from "../engine/results/drawdown";
/**
 * A growing time series kept in typed arrays: one Float64Array per column, never an object
 * per point. Appending returns a new wrapper (so selectors see a change) that shares the
 * buffers while they have room; readers of an older wrapper still see their own prefix.
 */
export interface SeriesBuffer {
  readonly time: Float64Array;
  readonly value: Float64Array;
  readonly length: number;
}

/** Equity points: time (Unix ms), portfolio value and cash, parallel. */
export interface EquityBuffer extends SeriesBuffer {
  readonly cash: Float64Array;
}

const MIN_CAPACITY = 256;

function grown(arr: Float64Array, length: number, needed: number): Float64Array {
  if (needed <= arr.length) return arr;
  const next = new Float64Array(Math.max(MIN_CAPACITY, needed, arr.length * 2));
  next.set(arr.subarray(0, length));
  return next;
}

export function emptyEquity(): EquityBuffer {
  return { time: new Float64Array(0), value: new Float64Array(0), cash: new Float64Array(0), length: 0 };
}

/** Appends points at the end. */
export function appendSeries(buf: SeriesBuffer, time: ArrayLike<number>, value: ArrayLike<number>): SeriesBuffer {
  const n = time.length;
  if (n === 0) return buf;
  const end = buf.length + n;
  const t = grown(buf.time, buf.length, end);
  const v = grown(buf.value, buf.length, end);
  t.set(time, buf.length);
  v.set(value, buf.length);
  return { time: t, value: v, length: end };
}

/**
 * Writes a chunk of points starting at timeline index `from` (the worker numbers its
 * chunks), so a repeated or overlapping chunk overwrites instead of duplicating.
 */
export function writeEquity(
  buf: EquityBuffer,
  from: number,
  chunk: { time: ArrayLike<number>; value: ArrayLike<number>; cash: ArrayLike<number> },
): EquityBuffer {
  const n = chunk.time.length;
  if (n === 0) return buf;
  if (from > buf.length) throw new Error(`equity chunk starts at ${from}, after the ${buf.length} points received`);
  const end = Math.max(buf.length, from + n);
  const time = grown(buf.time, buf.length, end);
  const value = grown(buf.value, buf.length, end);
  const cash = grown(buf.cash, buf.length, end);
  time.set(chunk.time, from);
  value.set(chunk.value, from);
  cash.set(chunk.cash, from);
  return { time, value, cash, length: end };
}

/** Running drawdown (value / running peak − 1, ≤ 0) of the first `length` points. */
export function drawdownOf(value: Float64Array, length: number): Float64Array {
  const out = new Float64Array(length);
  drawdown(value, length, -Infinity, out);
  return out;
}
