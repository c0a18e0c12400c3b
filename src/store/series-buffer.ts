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
  /**
   * Each point's drawdown (value / running peak − 1, ≤ 0; see drawdownOf), written as its
   * points arrive, so a chart redraw during a run does not walk the whole curve again.
   */
  readonly drawdown: Float64Array;
  /** The running peak of the first `length` values (−Infinity when empty). */
  readonly peak: number;
}

const MIN_CAPACITY = 256;
/** A run longer than this (or a worker that claims so) grows its columns as they fill. */
const MAX_PREALLOCATED = 5_000_000;

/** `arr` with room for `needed` values: itself, or (too small, or asked `fresh`) a copy of its first `length`. */
function grown(arr: Float64Array, length: number, needed: number, fresh = false): Float64Array {
  if (needed <= arr.length && !fresh) return arr;
  const next = new Float64Array(Math.max(MIN_CAPACITY, needed, needed > arr.length ? arr.length * 2 : arr.length));
  next.set(arr.subarray(0, length));
  return next;
}

type EquityColumns = Pick<EquityBuffer, "time" | "value" | "cash" | "drawdown">;

/** Columns allocated and written once ahead of a run (prepareEquityColumns), for the next run that fits them. */
let spare: EquityColumns | null = null;

/**
 * Allocates a run's four equity columns for `capacity` points and writes them once, ahead of the
 * run (the page calls it when idle after an import): on this kind of machine a page of memory
 * touched for the first time costs tens of µs, and a 200,000-bar run's 6.4 MB of columns were
 * about 1,600 such pages in the page's batches while the run streamed. The next run with at most
 * `capacity` bars, and more than half as many, takes them; a smaller one allocates its own.
 * Writes one column a call: true once all four are written (call it again until then).
 */
export function prepareEquityColumns(capacity: number): boolean {
  const n = Math.min(Math.floor(capacity), MAX_PREALLOCATED);
  if (n <= 0 || (spare && spare.time.length === n)) return true;
  // One column a call (a 200,000-bar column is about 400 first touches: several ms each on this
  // kind of machine, 25–30 ms for the four in one task): the caller asks again until it is done.
  if (preparing?.[0]?.length !== n) preparing = [];
  preparing.push(new Float64Array(n).fill(0));
  if (preparing.length < 4) return false;
  const [time, value, cash, drawdown] = preparing as [Float64Array, Float64Array, Float64Array, Float64Array];
  spare = { time, value, cash, drawdown };
  preparing = null;
  return true;
}

/** The columns prepareEquityColumns has written so far, before all four are. */
let preparing: Float64Array[] | null = null;

/** The prepared columns, if they fit `n` points without wasting more than half (taken once). */
function takeSpare(n: number): EquityColumns | null {
  const s = spare;
  if (!s || n <= 0 || s.time.length < n || s.time.length > 2 * n) return null;
  spare = null;
  return s;
}

/**
 * No points yet, with room for `capacity` of them: a run says at its start how many bars it has,
 * so its curve is written into columns allocated once, instead of grown (copied into fresh memory,
 * page faults included) about twenty times on the way to 200,000 points; into the columns
 * prepared ahead (prepareEquityColumns) when they fit.
 */
export function emptyEquity(capacity = 0): EquityBuffer {
  const n = Math.max(0, Math.min(capacity, MAX_PREALLOCATED));
  const columns = takeSpare(n) ?? {
    time: new Float64Array(n),
    value: new Float64Array(n),
    cash: new Float64Array(n),
    drawdown: new Float64Array(n),
  };
  return { ...columns, length: 0, peak: -Infinity };
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
  // Points already received are never changed in place: readers keep what they read of a buffer
  // by its identity (EquityOnFrame), so a chunk that rewrites some goes into fresh columns.
  const fresh = from < buf.length;
  const time = grown(buf.time, buf.length, end, fresh);
  const value = grown(buf.value, buf.length, end, fresh);
  const cash = grown(buf.cash, buf.length, end, fresh);
  const dd = grown(buf.drawdown, buf.length, end, fresh);
  time.set(chunk.time, from);
  value.set(chunk.value, from);
  cash.set(chunk.cash, from);
  // The peak before `from`: the buffer's own when the chunk follows on (always, from the worker).
  const start = from === buf.length ? from : 0;
  const peak = drawdownFrom(value, start, end, start === 0 ? -Infinity : buf.peak, dd);
  return { time, value, cash, drawdown: dd, length: end, peak };
}

/** Writes the drawdown of values [from, to) into `out`, the running peak starting at `peak`; returns the peak after. */
function drawdownFrom(values: Float64Array, from: number, to: number, peak: number, out: Float64Array): number {
  const n = to - from;
  drawdown(values.subarray(from, to), n, peak, out.subarray(from, to));
  let p = peak;
  for (let i = from; i < to; i++) if (values[i]! >= p) p = values[i]!;
  return p;
}

/** Running drawdown (value / running peak − 1, ≤ 0) of the first `length` points. */
export function drawdownOf(value: Float64Array, length: number): Float64Array {
  const out = new Float64Array(length);
  drawdown(value, length, -Infinity, out);
  return out;
}
