import type { EquityBuffer } from "../../store/series-buffer";
import { type PricePoint, toChartTime } from "./chart-data";

/** What the equity pane is to draw after a change: everything again, or only the new points. */
export interface EquityStep {
  /** True when the series must be replaced (a new run, another frame): `equity` is then all of it. */
  reset: boolean;
  equity: PricePoint[];
  drawdown: PricePoint[];
  /** Real (non-whitespace) equity points drawn in all, after this step. */
  points: number;
}

/**
 * Streams a growing equity buffer onto the price chart's timeline (`frame`, Unix ms ascending)
 * in linear time: each call turns only the points that arrived since the last call into chart
 * points, with the drawdown carried on from the running peak, and a whitespace point for each
 * frame bar the run has no value for, so bar i of both charts stays the same time. The series
 * hold the frame up to the run's last point (no whitespace ahead of it, so appending is a plain
 * `update`). Anything that is not an append (a new run, another symbol's frame, a rewritten point)
 * starts over.
 */
export class EquityStream {
  private frame: Float64Array | null | undefined = undefined;
  private times: Float64Array | null = null;
  private done = 0;
  private lastTime = NaN;
  private frameAt = 0;
  private peak = -Infinity;
  private points = 0;

  private completed = false;

  /** `complete`: the run is over, so the rest of the frame follows as whitespace (the chart spans it all). */
  next(equity: EquityBuffer, frame: Float64Array | null, complete = false): EquityStep {
    const appends =
      frame === this.frame &&
      equity.length >= this.done &&
      (this.done === 0 ? this.times === null : equity.time[this.done - 1] === this.lastTime) &&
      !(this.completed && equity.length > this.done);
    if (!appends) {
      this.frame = frame;
      this.done = 0;
      this.frameAt = 0;
      this.peak = -Infinity;
      this.points = 0;
      this.completed = false;
    }
    const eq: PricePoint[] = [];
    const dd: PricePoint[] = [];
    for (let j = this.done; j < equity.length; j++) {
      const t = equity.time[j]!;
      const v = equity.value[j]!;
      if (v > this.peak) this.peak = v;
      const point = (time: number) => {
        const chartTime = toChartTime(time);
        eq.push({ time: chartTime, value: v });
        dd.push({ time: chartTime, value: this.peak > 0 ? (v / this.peak - 1) * 100 : 0 });
        this.points++;
      };
      if (frame === null) {
        point(t);
        continue;
      }
      while (this.frameAt < frame.length && frame[this.frameAt]! < t) {
        const time = toChartTime(frame[this.frameAt++]!);
        eq.push({ time });
        dd.push({ time });
      }
      // A point at a time the frame does not have is not drawn (as on a full redraw).
      if (this.frameAt < frame.length && frame[this.frameAt] === t) {
        this.frameAt++;
        point(t);
      }
    }
    if (complete && frame !== null && !this.completed) {
      this.completed = true;
      while (this.frameAt < frame.length) {
        const time = toChartTime(frame[this.frameAt++]!);
        eq.push({ time });
        dd.push({ time });
      }
    }
    this.done = equity.length;
    this.times = equity.time;
    this.lastTime = equity.length > 0 ? equity.time[equity.length - 1]! : NaN;
    return { reset: !appends, equity: eq, drawdown: dd, points: this.points };
  }
}
