/**
 * Drawdown, once: how far each point stands below the running peak (value / peak − 1, ≤ 0).
 * The Metrics tab's max drawdown and the chart's drawdown pane are the same walk.
 */
export interface Drawdown {
  /** Deepest fall from a running peak, as a negative fraction (0 without one). */
  max: number;
  /** Longest stretch, in points, from a peak until the value is back at it (or the end). */
  duration: number;
}

/**
 * Walks the first `length` values with the running peak starting at `startPeak` (the
 * starting cash for metrics; −Infinity to start at the first value). When `out` is given,
 * it receives each point's drawdown (0 while the peak is not above 0).
 */
export function drawdown(values: ArrayLike<number>, length: number, startPeak: number, out?: Float64Array): Drawdown {
  let peak = startPeak;
  let peakAt = -1;
  let max = 0;
  let duration = 0;
  for (let i = 0; i < length; i++) {
    const v = values[i]!;
    if (v >= peak) {
      peak = v;
      peakAt = i;
    } else {
      max = Math.min(max, v / peak - 1);
    }
    if (out) out[i] = peak > 0 ? v / peak - 1 : 0;
    duration = Math.max(duration, i - peakAt);
  }
  return { max, duration };
}
