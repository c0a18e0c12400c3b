import type { UTCTimestamp } from "lightweight-charts";
import type { EquityBuffer, SeriesBuffer } from "../../store/series-buffer";
import { forwardFill } from "../../engine/data/forward-fill";
import { lastIndexAtOrBefore } from "../../engine/data/sorted-search";
import { FramePick, type FramePicks, type FrameRange } from "./equity-lod";

/** Chart times are Unix seconds; the engine's are Unix ms. */
export const toChartTime = (ms: number) => (ms / 1000) as UTCTimestamp;

export type PricePoint = { time: UTCTimestamp; value: number } | { time: UTCTimestamp };

/** A record() series as line data. */
export function recordPoints(buf: SeriesBuffer): Array<{ time: UTCTimestamp; value: number }> {
  const out: Array<{ time: UTCTimestamp; value: number }> = [];
  let last = -Infinity;
  for (let i = 0; i < buf.length; i++) {
    const t = toChartTime(buf.time[i]!);
    const v = buf.value[i]!;
    if (!Number.isFinite(v)) continue;
    if (t <= last) out[out.length - 1] = { time: out[out.length - 1]!.time, value: v };
    else out.push({ time: t, value: v });
    last = Math.max(last, t);
  }
  return out;
}

/**
 * For each time of `frame` (Unix ms ascending), the index of the point at that time in the
 * first `length` of `times`, or -1 where there is none. Without a frame, the points' own times.
 */
function alignOnFrame(
  times: Float64Array,
  length: number,
  frame: Float64Array | null,
): { times: ArrayLike<number>; index: Int32Array } {
  if (!frame) {
    const index = new Int32Array(length);
    for (let i = 0; i < length; i++) index[i] = i;
    return { times: times.subarray(0, length), index };
  }
  const index = new Int32Array(frame.length).fill(-1);
  let j = 0;
  for (let i = 0; i < frame.length; i++) {
    const t = frame[i]!;
    while (j < length && times[j]! < t) j++;
    if (j < length && times[j] === t) index[i] = j;
  }
  return { times: frame, index };
}

/** Values at each bar of a frame (NaN where there is none), with the frame's times (Unix ms). */
export interface FrameValues {
  time: ArrayLike<number>;
  value: Float64Array;
}

/**
 * Equity and drawdown (%) at each bar of the price chart's timeline (`frame`, Unix ms
 * ascending): NaN where the run has no value yet, so bar i of both charts is the same time and
 * their ranges can be kept in step. Without a frame, the equity's own times.
 */
export function equityValuesOnFrame(
  equity: EquityBuffer,
  drawdown: Float64Array,
  frame: Float64Array | null,
): { time: ArrayLike<number>; value: Float64Array; drawdown: Float64Array } {
  const { times, index } = alignOnFrame(equity.time, equity.length, frame);
  const value = new Float64Array(index.length).fill(NaN);
  const dd = new Float64Array(index.length).fill(NaN);
  for (let i = 0; i < index.length; i++) {
    const j = index[i]!;
    if (j < 0) continue;
    value[i] = equity.value[j]!;
    dd[i] = drawdown[j]! * 100;
  }
  return { time: times, value, drawdown: dd };
}

/** What EquityOnFrame.picks returns while its first pick is under way (not drawn: it is `behind`). */
const EMPTY_PICKS: FramePicks = {
  index: new Int32Array(0),
  value: new Float64Array(0),
  drawdown: new Float64Array(0),
  full: { from: 0, to: 0 },
  stride: 1,
  bars: 0,
};

/** Bars placed by slices that stopped early before they are picked (EquityOnFrame.picks). */
const PICK_SPAN = 16_384;

/**
 * equityValuesOnFrame for a run's equity as it grows: each call aligns only the points that came
 * since the last one (the columns are append-only, see writeEquity), into arrays it keeps, instead
 * of walking the whole frame again and allocating three frame-long arrays at every redraw. A new
 * frame, a new run or a rewritten buffer starts afresh. The arrays returned are reused by the
 * next call: read them before calling again.
 */
export class EquityOnFrame {
  private frame: Float64Array | null = null;
  private times: Float64Array | null = null;
  private value = new Float64Array(0);
  private drawdown = new Float64Array(0);
  /** Frame bars decided so far: each has its point (or none will come, the points being past it). */
  private bar = 0;
  /** Equity points read so far. */
  private point = 0;

  /** The picks drawn last from these arrays (null after a fresh start), and the bars decided then. */
  private picked: FramePicks | null = null;
  private pickedBar = 0;
  /** A pick under way (stopped at a slice's end), of the bars decided when it began. */
  private picking: FramePick | null = null;

  /**
   * Has the arrays for `frame` ready ahead of a run (the chart calls it when idle after new bars):
   * two frame-long arrays written now, not at the run's first redraw, where a 200,000-bar frame's
   * 3.2 MB of memory touched for the first time cost the page about 800 page faults.
   */
  prepare(frame: Float64Array): void {
    if (frame === this.frame) return;
    this.start(frame);
    this.times = null;
  }

  /** Starts afresh on `frame`: every bar undecided, every value NaN (in the arrays already held when they fit). */
  private start(frame: Float64Array): void {
    this.picked = null;
    this.picking = null;
    this.frame = frame;
    if (this.value.length !== frame.length) {
      this.value = new Float64Array(frame.length);
      this.drawdown = new Float64Array(frame.length);
    }
    this.value.fill(NaN);
    this.drawdown.fill(NaN);
    this.bar = 0;
    this.point = 0;
  }

  /**
   * The points to draw (pickFrame) of the equity on `frame`, `visible` being the frame range on
   * screen. Of the buckets drawn last (the same view), only those the new points reached are
   * picked again; the ones after the last point are gaps without a scan. With `until`, the pick
   * too stops when the clock passes it (`behind`), and goes on from there at the next call.
   */
  picks(
    equity: EquityBuffer,
    frame: Float64Array,
    visible: FrameRange | null,
    until = Infinity,
  ): { time: Float64Array; picks: FramePicks } {
    const { value, drawdown } = this.values(equity, frame, until);
    // Points left to place: the ones placed are picked a few tens of thousands of bars at a time
    // (the pick scans them again; a pick at every slice cost more than it saved).
    const last = this.picked;
    if (this.behind && last && this.bar - this.pickedBar < PICK_SPAN) return { time: frame, picks: last };
    // A pick under way for another view starts again; one of fewer bars than now decided goes on
    // (its buckets hold what they held when it began), and the next pick takes the rest.
    if (!this.picking?.isFor(visible, frame.length))
      this.picking = new FramePick(value, drawdown, visible, { prev: last, same: this.pickedBar, valued: this.bar });
    const picks = this.picking.next(value, drawdown, until);
    if (!picks) {
      this.behind = true;
      return { time: frame, picks: last ?? EMPTY_PICKS };
    }
    this.picked = picks;
    this.pickedBar = this.picking.valued;
    this.picking = null;
    if (this.pickedBar < this.bar) this.behind = true;
    return { time: frame, picks };
  }

  /** True when the last call stopped at its `until` with points left: draw its picks only once it is not. */
  behind = false;

  /**
   * The equity on `frame`, every point so far placed; with `until` (a `performance.now()` time)
   * only those placed before it passed (`behind` says whether any are left for the next call).
   */
  values(
    equity: EquityBuffer,
    frame: Float64Array,
    until = Infinity,
  ): { time: Float64Array; value: Float64Array; drawdown: Float64Array } {
    if (frame !== this.frame || equity.time !== this.times || equity.length < this.point) {
      this.start(frame);
      this.times = equity.time;
    }
    const { time, value: v, drawdown: d, length } = equity;
    let i = this.bar;
    let j = this.point;
    this.behind = false;
    for (; i < frame.length; i++) {
      if (((i - this.bar) & 4095) === 4095 && performance.now() > until) {
        this.behind = true;
        break;
      }
      const t = frame[i]!;
      while (j < length && time[j]! < t) j++;
      // A bar after every point so far: a later point may still land on it.
      if (j >= length) break;
      if (time[j] === t) {
        this.value[i] = v[j]!;
        this.drawdown[i] = d[j]! * 100;
      }
    }
    this.bar = i;
    this.point = j;
    return { time: frame, value: this.value, drawdown: this.drawdown };
  }
}

/** Line data of `values` at the bars `picks` (all bars without), whitespace where NaN. */
export function pointsAt(values: FrameValues, picks?: Int32Array): PricePoint[] {
  const n = picks ? picks.length : values.value.length;
  const out: PricePoint[] = new Array(n);
  for (let k = 0; k < n; k++) {
    const i = picks ? picks[k]! : k;
    const time = toChartTime(values.time[i]!);
    const v = values.value[i]!;
    out[k] = Number.isNaN(v) ? { time } : { time, value: v };
  }
  return out;
}

/** equityValuesOnFrame as line data, every bar. */
export function equityOnFrame(
  equity: EquityBuffer,
  drawdown: Float64Array,
  frame: Float64Array | null,
): { equity: PricePoint[]; drawdown: PricePoint[] } {
  const v = equityValuesOnFrame(equity, drawdown, frame);
  return { equity: pointsAt(v), drawdown: pointsAt({ time: v.time, value: v.drawdown }) };
}

/**
 * The benchmark as if the starting cash had bought it at the run's start:
 * startingCash × close / first close, where each equity point takes the benchmark's last
 * close at or before its time (as the engine's benchmark return does, so the line ends at
 * the Metrics tab's return). Only at the equity's points, so it grows with the run, and on
 * the same frame as equityValuesOnFrame; NaN elsewhere and before the benchmark's first bar.
 */
export function benchmarkValuesOnFrame(
  equity: SeriesBuffer,
  benchmark: { time: Float64Array; close: Float64Array },
  startingCash: number,
  frame: Float64Array | null,
): FrameValues {
  const value = forwardFill(equity.time, equity.length, { time: benchmark.time, value: benchmark.close });
  const first = value.find((v) => !Number.isNaN(v)) ?? NaN;
  for (let j = 0; j < value.length; j++) value[j] = (startingCash * value[j]!) / first;
  const { times, index } = alignOnFrame(equity.time, equity.length, frame);
  const out = new Float64Array(index.length).fill(NaN);
  for (let i = 0; i < index.length; i++) {
    const v = index[i]! >= 0 ? value[index[i]!]! : NaN;
    if (Number.isFinite(v)) out[i] = v;
  }
  return { time: times, value: out };
}

/** benchmarkValuesOnFrame as line data, every bar. */
export function benchmarkOnFrame(
  equity: SeriesBuffer,
  benchmark: { time: Float64Array; close: Float64Array },
  startingCash: number,
  frame: Float64Array | null,
): PricePoint[] {
  return pointsAt(benchmarkValuesOnFrame(equity, benchmark, startingCash, frame));
}

/** Index of the bar at or just before `t` in ascending `times` (0 when before all). */
export function barIndexAt(times: Float64Array, t: number): number {
  return Math.max(0, lastIndexAtOrBefore(times, t));
}
