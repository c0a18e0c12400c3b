import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { walkBars } from "../../../bench/walk-bars";
import {
  barsIn,
  candleOf,
  filledBarIn,
  pickCandles,
  recordOnCandles,
  windowCovers,
} from "../../../src/ui/charts/candle-window";
import { pickFrame } from "../../../src/ui/charts/equity-lod";
import { candleText, ohlcText } from "../../../src/ui/charts/hover-text";
import { formatDate } from "../../../src/ui/panels/format";

/** `n` daily bars of a random walk. */
const walk = (n: number, seed = 7) =>
  walkBars({ symbol: "HUGE", bars: n, seed, start: Date.UTC(2020, 0, 1), businessDays: false });
const huge = walk(200_000);

describe("the candles the price chart holds", () => {
  it("a symbol of a few thousand bars is held bar by bar, whatever is in view", () => {
    const bars = walk(2768);
    const win = pickCandles(bars, { from: 100, to: 200 });
    expect(win.first.length).toBe(2768);
    expect(win.stride).toBe(1);
    expect(Array.from(win.close)).toEqual(Array.from(bars.close));
    expect(Array.from(win.time)).toEqual(Array.from(bars.time));
    // Any view is covered: small data is never picked again.
    expect(windowCovers(win, bars, { from: 0, to: 2768 })).toBe(true);
    expect(windowCovers(win, bars, null)).toBe(true);
  });

  it("200,000 bars seen whole are held as a few thousand candles", () => {
    const win = pickCandles(huge, null);
    expect(win.first.length).toBeLessThan(3000);
    expect(win.stride).toBeGreaterThan(100);
    // Every bar is in one candle: the candles start at 0, ascend, and cover up to the last bar.
    expect(win.first[0]).toBe(0);
    let total = 0;
    for (let k = 0; k < win.first.length; k++) total += barsIn(win, k);
    expect(total).toBe(200_000);
  });

  it("a bucket's candle opens at its first bar's open and closes at its last bar's close, with its highest high, lowest low and summed volume", () => {
    const win = pickCandles(huge, null);
    for (const k of [0, 1, 17, win.first.length - 1]) {
      const lo = win.first[k]!;
      const hi = lo + barsIn(win, k);
      expect(barsIn(win, k)).toBeGreaterThan(1);
      expect(win.time[k]).toBe(huge.time[lo]);
      expect(win.open[k]).toBe(huge.open[lo]);
      expect(win.close[k]).toBe(huge.close[hi - 1]);
      expect(win.high[k]).toBe(Math.max(...huge.high.subarray(lo, hi)));
      expect(win.low[k]).toBe(Math.min(...huge.low.subarray(lo, hi)));
      const volume = huge.volume.subarray(lo, hi).reduce((s, v) => s + v, 0);
      expect(win.volume[k]).toBeCloseTo(volume, 6);
    }
  });

  it("zoomed in to 500 bars the chart holds the real bars around the view", () => {
    const win = pickCandles(huge, { from: 150_000, to: 150_500 });
    expect(win.stride).toBe(1);
    expect(win.first.length).toBeLessThan(3000);
    // The view and half of it again on each side, bar for bar.
    for (let i = 149_750; i < 150_750; i++) {
      const k = candleOf(win, i);
      expect(win.first[k]).toBe(i);
      expect(barsIn(win, k)).toBe(1);
      expect(win.open[k]).toBe(huge.open[i]);
      expect(win.high[k]).toBe(huge.high[i]);
      expect(win.low[k]).toBe(huge.low[i]);
      expect(win.close[k]).toBe(huge.close[i]);
    }
    // Far from the view, the candles are buckets again.
    expect(barsIn(win, candleOf(win, 10_000))).toBeGreaterThan(100);
  });

  it("every bar is placed on the one candle that holds it", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 199_000 }),
        fc.integer({ min: 50, max: 200_000 }),
        fc.integer({ min: 0, max: 199_999 }),
        (from, span, bar) => {
          const win = pickCandles(huge, { from, to: Math.min(200_000, from + span) });
          const k = candleOf(win, bar);
          expect(win.first[k]).toBeLessThanOrEqual(bar);
          expect(bar).toBeLessThan(win.first[k]! + barsIn(win, k));
        },
      ),
      { numRuns: 30 },
    );
  });

  it("the price candles and the equity points stand on the same buckets, so both charts show the same bars", () => {
    const view = { from: 120_000, to: 140_000 };
    const win = pickCandles(huge, view);
    const value = new Float64Array(200_000).fill(100_000);
    const picks = pickFrame(value, new Float64Array(200_000).fill(0), view);
    const drawn = new Set(picks.index);
    for (const start of win.first) expect(drawn.has(start)).toBe(true);
    // Through the two axes a bar range maps to the same bars on both charts.
    const range = { from: 125_000, to: 131_000 };
    for (const f of [range.from, range.to]) expect(win.axis.toFrame(win.axis.fromFrame(f))).toBeCloseTo(f, 6);
  });

  it("panning a little keeps the candles; zooming out tenfold, scrolling far or other bars pick them again", () => {
    const win = pickCandles(huge, { from: 100_000, to: 101_000 });
    expect(windowCovers(win, huge, { from: 100_200, to: 101_200 })).toBe(true);
    expect(windowCovers(win, huge, { from: 95_000, to: 105_000 })).toBe(false);
    expect(windowCovers(win, huge, { from: 20_000, to: 21_000 })).toBe(false);
    expect(windowCovers(win, walk(200_000, 8), { from: 100_200, to: 101_200 })).toBe(false);
  });
});

describe("what the chart says about a candle", () => {
  it("zoomed in, the readout is the real bar's", () => {
    const win = pickCandles(huge, { from: 150_000, to: 150_200 });
    const k = candleOf(win, 150_100);
    expect(candleText(win, k)).toBe(ohlcText(huge, 150_100));
  });

  it("an aggregated candle reads as the bars it holds, from its first to its last", () => {
    const win = pickCandles(huge, null);
    const k = 3;
    const n = barsIn(win, k);
    const text = candleText(win, k);
    const first = formatDate(huge.time[win.first[k]!]!);
    const last = formatDate(huge.time[win.first[k]! + n - 1]!);
    expect(text.startsWith(`${first} → ${last} · ${n} bars  O `)).toBe(true);
  });

  it("a click on an aggregated candle stands for its first bar with a fill; on a real bar, for that bar", () => {
    const win = pickCandles(huge, null);
    const k = 5;
    const first = win.first[k]!;
    const n = barsIn(win, k);
    const fills = [
      { dt: huge.time[first + n - 2]!, symbol: "HUGE" },
      { dt: huge.time[first + 3]!, symbol: "OTHER" },
      { dt: huge.time[first + 7]!, symbol: "HUGE" },
      { dt: huge.time[first + n]!, symbol: "HUGE" },
    ];
    expect(filledBarIn(fills, huge, first, n)).toBe(first + 7);
    expect(filledBarIn([], huge, first, n)).toBe(first);
    expect(filledBarIn(fills, huge, 1234, 1)).toBe(1234);
  });

  it("a record() line on aggregated candles takes, at each candle, the last value recorded within its bars", () => {
    const win = pickCandles(huge, null);
    const points = Array.from({ length: 200_000 }, (_, i) => ({ time: huge.time[i]! / 1000, value: i }));
    const line = recordOnCandles(points, win);
    expect(line.length).toBe(win.first.length);
    for (const k of [0, 9, win.first.length - 1]) {
      expect(line[k]!.time).toBe(win.time[k]! / 1000);
      expect(line[k]!.value).toBe(win.first[k]! + barsIn(win, k) - 1);
    }
    // A candle with nothing recorded within its bars has no point.
    const sparse = points.filter((p) => p.value >= 100_000);
    expect(recordOnCandles(sparse, win).length).toBeLessThan(win.first.length);
  });
});
