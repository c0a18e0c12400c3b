import type { SymbolBars } from "../../engine/data/symbol-bars";
import { lastIndexAtOrBefore } from "../../engine/data/sorted-search";
import { FULL_FRAME, FrameAxis, frameLayout, layoutCovers, type FrameRange } from "./equity-lod";

/**
 * The candles the price chart holds for a symbol's bars. lightweight-charts' `setData` and the
 * first frame after it cost about n·log n of every candle in one task each (200,000 candles:
 * 0.6 s and 0.3 s on a bare page, seconds under load), and a pane a thousand pixels wide cannot
 * show more than one candle per pixel or two. So up to FULL_FRAME bars the chart holds every
 * bar, as it always did; above, it holds one candle per bucket of the equity chart's layout
 * (frameLayout: every bar of the visible range and half of it again on each side when zoomed in
 * to 750 bars or fewer, buckets of consecutive bars elsewhere), a few thousand at most, picked
 * again as the view moves. A bucket's candle opens at its first bar's open, closes at its last
 * bar's close, spans its highest high and lowest low, carries its summed volume and stands at
 * its first bar's time.
 */
export interface CandleWindow extends SymbolBars {
  /** The bars these candles were made of. */
  readonly bars: SymbolBars;
  /** The first bar of each candle. */
  readonly first: Int32Array;
  /** Between the chart's logical indices (one per candle) and the bars' (see FrameAxis). */
  readonly axis: FrameAxis;
  /** The bar range cut at the finest stride. */
  readonly full: FrameRange;
  /** Bars per candle there (1 = real bars). */
  readonly stride: number;
}

/** The candles for `bars` with the bar range `visible` (null: all) on screen. */
export function pickCandles(bars: SymbolBars, visible: FrameRange | null): CandleWindow {
  const n = bars.time.length;
  const { starts, full, stride } = frameLayout(n, visible);
  const axis = new FrameAxis(starts);
  if (n <= FULL_FRAME) return { ...bars, bars, first: starts, axis, full, stride };
  const m = starts.length;
  const time = new Float64Array(m);
  const open = new Float64Array(m);
  const high = new Float64Array(m);
  const low = new Float64Array(m);
  const close = new Float64Array(m);
  const volume = new Float64Array(m);
  const { high: h, low: l, volume: v } = bars;
  for (let k = 0; k < m; k++) {
    const lo = starts[k]!;
    const hi = k + 1 < m ? starts[k + 1]! : n;
    let hh = h[lo]!;
    let ll = l[lo]!;
    let vv = 0;
    for (let i = lo; i < hi; i++) {
      if (h[i]! > hh) hh = h[i]!;
      if (l[i]! < ll) ll = l[i]!;
      vv += v[i]!;
    }
    time[k] = bars.time[lo]!;
    open[k] = bars.open[lo]!;
    close[k] = bars.close[hi - 1]!;
    high[k] = hh;
    low[k] = ll;
    volume[k] = vv;
  }
  return {
    symbol: bars.symbol,
    tickSize: bars.tickSize,
    time,
    open,
    high,
    low,
    close,
    volume,
    bars,
    first: starts,
    axis,
    full,
    stride,
  };
}

/** Whether `win` still shows `visible` (bar range) well: the same bars, and near enough in place and zoom. */
export function windowCovers(win: CandleWindow, bars: SymbolBars, visible: FrameRange | null): boolean {
  if (win.bars !== bars) return false;
  const n = bars.time.length;
  return n <= FULL_FRAME || layoutCovers(win, visible, n);
}

/** The candle that holds bar `i` (the last candle starting at or before it; 0 before all). */
export function candleOf(win: CandleWindow, i: number): number {
  return Math.max(0, lastIndexAtOrBefore(win.first, i));
}

/** How many bars candle `k` is made of. */
export function barsIn(win: CandleWindow, k: number): number {
  const end = k + 1 < win.first.length ? win.first[k + 1]! : win.bars.time.length;
  return end - win.first[k]!;
}

/**
 * A record() line (chart times, Unix seconds, ascending) on the candles of `win`: at each candle's
 * time, the last value recorded within its bars (as its close is its last bar's close); none
 * where nothing was recorded within them.
 */
export function recordOnCandles<P extends { time: number; value: number }>(
  points: readonly P[],
  win: CandleWindow,
): P[] {
  const out: P[] = [];
  const { first, bars } = win;
  const m = first.length;
  let j = 0;
  for (let k = 0; k < m; k++) {
    const start = bars.time[first[k]!]! / 1000;
    const end = k + 1 < m ? bars.time[first[k + 1]!]! / 1000 : Infinity;
    while (j < points.length && points[j]!.time < start) j++;
    let last = -1;
    while (j < points.length && points[j]!.time < end) last = j++;
    if (last >= 0) out.push({ ...points[last]!, time: win.time[k]! / 1000 });
  }
  return out;
}

/**
 * The bar a click on a candle of `count` bars from bar `first` stands for: the bar itself when it
 * is one, else the first of its bars on which `fills` has a fill of the symbol (the first bar when none).
 */
export function filledBarIn(
  fills: ReadonlyArray<{ dt: number; symbol: string }>,
  bars: SymbolBars,
  first: number,
  count: number,
): number {
  if (count <= 1) return first;
  const from = bars.time[first]!;
  const to = bars.time[first + count - 1]!;
  let best = Infinity;
  for (const f of fills) if (f.symbol === bars.symbol && f.dt >= from && f.dt <= to && f.dt < best) best = f.dt;
  return best === Infinity ? first : Math.max(first, lastIndexAtOrBefore(bars.time, best));
}
