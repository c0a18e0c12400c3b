/**
 * Which bars of a long equity curve the equity chart draws. lightweight-charts' setData costs
 * about n·log n of every time its chart holds (200,000 bars: hundreds of ms of a frozen
 * page, each time the curve grows), and a pane a thousand pixels wide cannot show more than a few points
 * per pixel anyway. So a frame of more than FULL_FRAME bars is drawn in buckets: every bar in
 * and around the visible range up to IN_BUCKETS buckets, coarser buckets elsewhere, and of each
 * bucket its first bar, its lowest and highest equity and its deepest drawdown, so no peak or
 * trough is smoothed away. A frame up to FULL_FRAME bars is drawn whole, bar by bar.
 */

/** Frames up to this many bars are drawn bar by bar. */
export const FULL_FRAME = 10_000;
/** Buckets across the visible range (and half of it again on each side). */
export const IN_BUCKETS = 1500;
/** Buckets across the whole frame, for what is out of view. */
export const OUT_BUCKETS = 600;

/** A range of frame (price chart bar) indices, fractional. */
export interface FrameRange {
  from: number;
  to: number;
}

/** What was picked, and for which view: a new view within `full` at the same zoom needs no redraw. */
export interface FramePicks {
  /** Frame indices to draw, ascending, unique. */
  index: Int32Array;
  /** The frame range drawn at the fine stride. */
  full: FrameRange;
  /** Bars per bucket there (1 = every bar). */
  stride: number;
}

/**
 * The bars to draw of a frame of `value.length` bars (NaN where the run has no value yet):
 * `visible` is the frame range on screen, null for all of it.
 */
export function pickFrame(value: Float64Array, drawdown: Float64Array, visible: FrameRange | null): FramePicks {
  const n = value.length;
  if (n <= FULL_FRAME)
    return { index: Int32Array.from({ length: n }, (_, i) => i), full: { from: 0, to: n }, stride: 1 };
  const from = Math.max(0, Math.floor(visible?.from ?? 0));
  const to = Math.min(n, Math.ceil(visible?.to ?? n));
  const span = Math.max(1, to - from);
  const stride = Math.max(1, Math.ceil((2 * span) / IN_BUCKETS));
  const coarse = Math.max(stride, Math.ceil(n / OUT_BUCKETS));
  // The fine part reaches half a view beyond each side, on the coarse buckets' edges.
  const a = Math.max(0, Math.floor((from - span / 2) / coarse) * coarse);
  const b = Math.min(n, Math.ceil((to + span / 2) / coarse) * coarse);
  const out: number[] = [];
  const buckets = (lo: number, hi: number, step: number) => {
    for (let s = lo; s < hi; s += step) pickBucket(value, drawdown, s, Math.min(hi, s + step), out);
  };
  buckets(0, a, coarse);
  buckets(a, b, stride);
  buckets(b, n, coarse);
  return { index: Int32Array.from(out), full: { from: a, to: b }, stride };
}

/** The bucket [lo, hi)'s first bar, lowest and highest value and deepest drawdown, in order. */
function pickBucket(value: Float64Array, drawdown: Float64Array, lo: number, hi: number, out: number[]): void {
  let min = -1;
  let max = -1;
  let deep = -1;
  for (let i = lo; i < hi; i++) {
    const v = value[i]!;
    if (Number.isNaN(v)) continue;
    if (min < 0 || v < value[min]!) min = i;
    if (max < 0 || v > value[max]!) max = i;
    if (deep < 0 || drawdown[i]! < drawdown[deep]!) deep = i;
  }
  const picks = [lo, min, max, deep].filter((i) => i >= 0).sort((x, y) => x - y);
  for (const i of picks) if (out[out.length - 1] !== i) out.push(i);
}

/** True when `visible` is drawn well enough by `picks`: inside the fine part, at about its zoom. */
export function picksCover(picks: FramePicks, visible: FrameRange | null, frameLength: number): boolean {
  if (frameLength <= FULL_FRAME) return picks.index.length === frameLength;
  if (!visible) return false;
  const span = Math.max(1, visible.to - visible.from);
  const wanted = Math.max(1, Math.ceil((2 * span) / IN_BUCKETS));
  const inside = visible.from >= picks.full.from || picks.full.from === 0;
  const insideTo = visible.to <= picks.full.to || picks.full.to === frameLength;
  return inside && insideTo && wanted >= picks.stride / 2 && wanted <= picks.stride * 2;
}

/**
 * Between the equity chart's logical indices (one per drawn point) and the frame's (one per
 * price chart bar): piecewise linear through the drawn points, and beyond the ends at the
 * spacing of the last few points, so both charts show the same bars however the equity is
 * thinned.
 */
export class FrameAxis {
  private readonly lastStep: number;
  private readonly firstStep: number;

  constructor(private readonly index: Int32Array) {
    const m = index.length;
    const k = Math.min(m - 1, 8);
    this.firstStep = k > 0 ? (index[k]! - index[0]!) / k : 1;
    this.lastStep = k > 0 ? (index[m - 1]! - index[m - 1 - k]!) / k : 1;
  }

  /** The frame index at logical index `l` of the equity chart. */
  toFrame(l: number): number {
    const p = this.index;
    const m = p.length;
    if (m === 0) return l;
    if (l <= 0) return p[0]! + l * this.firstStep;
    if (l >= m - 1) return p[m - 1]! + (l - (m - 1)) * this.lastStep;
    const k = Math.floor(l);
    return p[k]! + (l - k) * (p[k + 1]! - p[k]!);
  }

  /** The equity chart's logical index at frame index `f`. */
  fromFrame(f: number): number {
    const p = this.index;
    const m = p.length;
    if (m === 0) return f;
    if (f <= p[0]!) return (f - p[0]!) / this.firstStep;
    if (f >= p[m - 1]!) return m - 1 + (f - p[m - 1]!) / this.lastStep;
    let lo = 0;
    let hi = m - 1;
    // p[lo] <= f < p[hi]
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (p[mid]! <= f) lo = mid;
      else hi = mid;
    }
    return lo + (f - p[lo]!) / (p[hi]! - p[lo]!);
  }
}
