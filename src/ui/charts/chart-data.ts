import type { UTCTimestamp } from "lightweight-charts";
import type { EquityBuffer, SeriesBuffer } from "../../store/series-buffer";
import { forwardFill } from "../../engine/data/forward-fill";
import { lastIndexAtOrBefore } from "../../engine/data/sorted-search";

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
  if (!frame) return { times: times.subarray(0, length), index: Int32Array.from({ length }, (_, i) => i) };
  const index = new Int32Array(frame.length).fill(-1);
  let j = 0;
  for (let i = 0; i < frame.length; i++) {
    const t = frame[i]!;
    while (j < length && times[j]! < t) j++;
    if (j < length && times[j] === t) index[i] = j;
  }
  return { times: frame, index };
}

/**
 * Equity and drawdown laid on the price chart's timeline (`frame`, Unix ms ascending):
 * a whitespace point where the run has no value yet, so bar i of both charts is the same
 * time and their logical ranges can be synchronised. Without a frame, the equity's own times.
 */
export function equityOnFrame(
  equity: EquityBuffer,
  drawdown: Float64Array,
  frame: Float64Array | null,
): { equity: PricePoint[]; drawdown: PricePoint[] } {
  const { times, index } = alignOnFrame(equity.time, equity.length, frame);
  const eq: PricePoint[] = [];
  const dd: PricePoint[] = [];
  for (let i = 0; i < index.length; i++) {
    const time = toChartTime(times[i]!);
    const j = index[i]!;
    if (j >= 0) {
      eq.push({ time, value: equity.value[j]! });
      dd.push({ time, value: drawdown[j]! * 100 });
    } else {
      eq.push({ time });
      dd.push({ time });
    }
  }
  return { equity: eq, drawdown: dd };
}

/**
 * The benchmark as if the starting cash had bought it at the run's start:
 * startingCash × close / first close, where each equity point takes the benchmark's last
 * close at or before its time (as the engine's benchmark return does, so the line ends at
 * the Metrics tab's return). Only at the equity's points, so it grows with the run, and on
 * the same frame as equityOnFrame; whitespace elsewhere and before the benchmark's first bar.
 */
export function benchmarkOnFrame(
  equity: SeriesBuffer,
  benchmark: { time: Float64Array; close: Float64Array },
  startingCash: number,
  frame: Float64Array | null,
): PricePoint[] {
  const value = forwardFill(equity.time, equity.length, { time: benchmark.time, value: benchmark.close });
  const first = value.find((v) => !Number.isNaN(v)) ?? NaN;
  for (let j = 0; j < value.length; j++) value[j] = (startingCash * value[j]!) / first;
  const { times, index } = alignOnFrame(equity.time, equity.length, frame);
  const out: PricePoint[] = [];
  for (let i = 0; i < index.length; i++) {
    const time = toChartTime(times[i]!);
    const v = index[i]! >= 0 ? value[index[i]!]! : NaN;
    out.push(Number.isFinite(v) ? { time, value: v } : { time });
  }
  return out;
}

/** Index of the bar at or just before `t` in ascending `times` (0 when before all). */
export function barIndexAt(times: Float64Array, t: number): number {
  return Math.max(0, lastIndexAtOrBefore(times, t));
}
