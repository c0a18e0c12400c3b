/**
 * Which bars of a long equity curve the equity chart draws. lightweight-charts' setData costs
 * about n·log n of every time its chart holds (200,000 bars: hundreds of ms of a frozen
 * page, each time the curve grows), and a pane a thousand pixels wide cannot show more than a few points
 * per pixel anyway. So a frame of more than FULL_FRAME bars is drawn in buckets: every bar in
 * and around the visible range up to IN_BUCKETS buckets, coarser buckets elsewhere, and of each
 * bucket its lowest and highest equity and its shallowest and deepest drawdown (see pickFrame),
 * so no peak or trough is smoothed away. A frame up to FULL_FRAME bars is drawn bar by bar.
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

/** What is drawn, and for which view: a new view within `full` at the same zoom needs no redraw. */
export interface FramePicks {
  /** The frame index (bar) each drawn point stands on, ascending, unique. */
  index: Int32Array;
  /** The equity drawn there, NaN for a gap. */
  value: Float64Array;
  /** The drawdown drawn there, NaN for a gap. */
  drawdown: Float64Array;
  /** The frame range drawn at the fine stride. */
  full: FrameRange;
  /** Bars per bucket there (1 = every bar). */
  stride: number;
  /** Bars in the frame picked from. */
  bars: number;
}

/**
 * What a redraw of a growing curve knows, so it re-picks only the buckets its new points reached:
 * bars before `same` hold what they held when `prev` was picked, bars from `valued` on are all NaN.
 */
export interface PickHint {
  prev: FramePicks | null;
  same: number;
  valued: number;
}

/**
 * How a frame of `n` bars is cut into buckets of consecutive bars for drawing, when `visible`
 * (the frame range on screen, null for all of it) is shown. Up to FULL_FRAME bars: one bucket per
 * bar. Above: the visible range and half of it again on each side at a stride of
 * 2·span/IN_BUCKETS bars, the rest of the frame at n/OUT_BUCKETS bars (at least that stride).
 * The equity chart draws two points per bucket (pickFrame), the price chart one candle
 * (candle-window.ts), so both charts stand on the same buckets.
 */
export interface FrameLayout {
  /** The first bar of each bucket, ascending; bucket k ends where bucket k + 1 starts (the last at n). */
  starts: Int32Array;
  /** The frame range cut at the fine stride. */
  full: FrameRange;
  /** Bars per bucket there (1 = every bar). */
  stride: number;
}

export function frameLayout(n: number, visible: FrameRange | null): FrameLayout {
  if (n <= FULL_FRAME) {
    const starts = new Int32Array(n);
    for (let i = 0; i < n; i++) starts[i] = i;
    return { starts, full: { from: 0, to: n }, stride: 1 };
  }
  const from = Math.max(0, Math.floor(visible?.from ?? 0));
  const to = Math.min(n, Math.ceil(visible?.to ?? n));
  const span = Math.max(1, to - from);
  const stride = Math.max(1, Math.ceil((2 * span) / IN_BUCKETS));
  const coarse = Math.max(stride, Math.ceil(n / OUT_BUCKETS));
  // The fine part reaches half a view beyond each side, on the coarse buckets' edges.
  const a = Math.max(0, Math.floor((from - span / 2) / coarse) * coarse);
  const b = Math.min(n, Math.ceil((to + span / 2) / coarse) * coarse);
  const starts: number[] = [];
  for (let s = 0; s < a; s += coarse) starts.push(s);
  for (let s = a; s < b; s += stride) starts.push(s);
  for (let s = b; s < n; s += coarse) starts.push(s);
  return { starts: Int32Array.from(starts), full: { from: a, to: b }, stride };
}

/**
 * The points to draw of a frame of `value.length` bars (NaN where the run has no value yet):
 * `visible` is the frame range on screen, null for all of it. A bucket of two bars or more
 * always gets two points, on its first bar and on its middle one, so the drawn points stay
 * evenly spread over the bars and the two charts' dates line up: the first carries whichever
 * of the bucket's lowest and highest equity came first, the second the other (the same for the
 * shallowest and deepest drawdown). So every extreme is drawn, at most a bucket's width early.
 */
export function pickFrame(
  value: Float64Array,
  drawdown: Float64Array,
  visible: FrameRange | null,
  hint?: PickHint,
): FramePicks {
  return new FramePick(value, drawdown, visible, hint).next(value, drawdown)!;
}

/** Buckets picked between two looks at the clock (FramePick.next). */
const CLOCK_BUCKETS = 16;

/**
 * A pick (pickFrame) that can stop when the clock passes a time and go on from there at the next
 * call: a 200,000-bar curve picked at once (cold at a run's first redraw, or whole again after the
 * view moved) was one task of 13–33 ms of CPU.
 */
export class FramePick {
  /** Bars from this one on are gaps to this pick (PickHint.valued). */
  readonly valued: number;
  private readonly n: number;
  private readonly layout: FrameLayout;
  private readonly out = { index: [] as number[], value: [] as number[], drawdown: [] as number[] };
  private k = 0;

  constructor(
    value: Float64Array,
    drawdown: Float64Array,
    private readonly visible: FrameRange | null,
    hint?: PickHint,
  ) {
    const n = (this.n = value.length);
    const layout = (this.layout = frameLayout(n, visible));
    this.valued = hint?.valued ?? n;
    if (n <= FULL_FRAME) return;
    const { full, stride, starts } = layout;
    // The same buckets as the picks before: those wholly before `same` are copied, not scanned again.
    const prev = hint?.prev;
    if (prev && prev.bars === n && prev.stride === stride && prev.full.from === full.from && prev.full.to === full.to) {
      let m = 0;
      let k = 0;
      for (; k < starts.length && this.end(k) <= hint.same; k++) m += this.end(k) - starts[k]! === 1 ? 1 : 2;
      this.k = k;
      this.out.index = Array.from(prev.index.subarray(0, m));
      this.out.value = Array.from(prev.value.subarray(0, m));
      this.out.drawdown = Array.from(prev.drawdown.subarray(0, m));
    }
  }

  /** Whether this pick is of an `n`-bar frame for the view `visible`. */
  isFor(visible: FrameRange | null, n: number): boolean {
    const v = this.visible;
    return (
      n === this.n &&
      (v === visible || (v !== null && visible !== null && v.from === visible.from && v.to === visible.to))
    );
  }

  private end(k: number): number {
    const starts = this.layout.starts;
    return k + 1 < starts.length ? starts[k + 1]! : this.n;
  }

  /**
   * Picks the buckets left, from the same arrays as the constructor's, until `performance.now()`
   * passes `until` (a few buckets at least each call): the picks once all are, else null.
   */
  next(value: Float64Array, drawdown: Float64Array, until = Infinity): FramePicks | null {
    const { n, out, valued } = this;
    const { full, stride, starts } = this.layout;
    // Copies: the caller may reuse its arrays (EquityOnFrame), the picks stay as drawn.
    if (n <= FULL_FRAME)
      return { index: starts, value: value.slice(), drawdown: drawdown.slice(), full, stride, bars: n };
    let k = this.k;
    for (; k < starts.length; k++) {
      if (k > this.k && (k - this.k) % CLOCK_BUCKETS === 0 && performance.now() > until) {
        this.k = k;
        return null;
      }
      const lo = starts[k]!;
      // Past the last value: a gap, as pickBucket would find after scanning its NaNs.
      if (lo >= valued) nanBucket(lo, this.end(k), out);
      else pickBucket(value, drawdown, lo, this.end(k), out);
    }
    this.k = k;
    return {
      index: Int32Array.from(out.index),
      value: Float64Array.from(out.value),
      drawdown: Float64Array.from(out.drawdown),
      full,
      stride,
      bars: n,
    };
  }
}

/** The points of a bucket with no value yet (the same bars as pickBucket's, NaN). */
function nanBucket(lo: number, hi: number, out: { index: number[]; value: number[]; drawdown: number[] }): void {
  out.index.push(lo);
  out.value.push(NaN);
  out.drawdown.push(NaN);
  if (hi - lo === 1) return;
  out.index.push(lo + Math.floor((hi - lo) / 2));
  out.value.push(NaN);
  out.drawdown.push(NaN);
}

/** Lowest and highest of `v` over [lo, hi), as indices in time order; null when all NaN. */
function extremes(v: Float64Array, lo: number, hi: number): [number, number] | null {
  let min = -1;
  let max = -1;
  for (let i = lo; i < hi; i++) {
    const x = v[i]!;
    if (Number.isNaN(x)) continue;
    if (min < 0 || x < v[min]!) min = i;
    if (max < 0 || x > v[max]!) max = i;
  }
  if (min < 0) return null;
  return min <= max ? [min, max] : [max, min];
}

function pickBucket(
  value: Float64Array,
  drawdown: Float64Array,
  lo: number,
  hi: number,
  out: { index: number[]; value: number[]; drawdown: number[] },
): void {
  const push = (i: number, v: number, d: number) => {
    out.index.push(i);
    out.value.push(v);
    out.drawdown.push(d);
  };
  if (hi - lo === 1) return push(lo, value[lo]!, drawdown[lo]!);
  const eq = extremes(value, lo, hi);
  const dd = extremes(drawdown, lo, hi);
  const mid = lo + Math.floor((hi - lo) / 2);
  push(lo, eq ? value[eq[0]]! : NaN, dd ? drawdown[dd[0]]! : NaN);
  push(mid, eq ? value[eq[1]]! : NaN, dd ? drawdown[dd[1]]! : NaN);
}

/** True when `visible` is drawn well enough by `picks`: inside the fine part, at about its zoom. */
export function picksCover(picks: FramePicks, visible: FrameRange | null, frameLength: number): boolean {
  if (frameLength <= FULL_FRAME) return picks.index.length === frameLength;
  return layoutCovers(picks, visible, frameLength);
}

/**
 * True when a layout of a frame over FULL_FRAME bars, cut for another view, still draws
 * `visible` well enough: inside its fine part, at about its stride (within a factor of two).
 */
export function layoutCovers(
  layout: { full: FrameRange; stride: number },
  visible: FrameRange | null,
  frameLength: number,
): boolean {
  if (!visible) return false;
  const span = Math.max(1, visible.to - visible.from);
  const wanted = Math.max(1, Math.ceil((2 * span) / IN_BUCKETS));
  const inside = visible.from >= layout.full.from || layout.full.from === 0;
  const insideTo = visible.to <= layout.full.to || layout.full.to === frameLength;
  return inside && insideTo && wanted >= layout.stride / 2 && wanted <= layout.stride * 2;
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
