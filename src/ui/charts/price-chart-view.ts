import { recordPaneShare } from "./record-pane";
import {
  CandlestickSeries,
  createChart,
  HistogramSeries,
  LineSeries,
  type AutoscaleInfo,
  type IChartApi,
  type ISeriesApi,
  type Logical,
  type UTCTimestamp,
} from "lightweight-charts";
import type { SymbolBars } from "../../engine/data/symbol-bars";
import type { SeriesBuffer } from "../../store/series-buffer";
import type { Theme } from "../../store/store";
import { barIndexAt, recordPoints } from "./chart-data";
import { buildCandleData, candleDataNow, type Candle, type VolumeBar } from "./candle-data";
import { barsIn, candleOf, pickCandles, recordOnCandles, windowCovers, type CandleWindow } from "./candle-window";
import { FULL_FRAME, type FrameRange } from "./equity-lod";
import { chartOptions } from "./chart-theme";
import { OrderLayer, type AmbiguousFlag } from "./order-layer";
import { VolumeLayer } from "./volume-layer";
import { yieldToPage } from "../yield-to-page";
import { tickDecimals } from "../panels/format";
import type { ChartLevel, ChartMarker } from "./order-levels";

/**
 * From this many bars the volume is drawn from the columns (VolumeLayer) and the library's own
 * calls are measured; below, a histogram series draws it and the library takes a few ms.
 */
const BIG_DATA_BARS = 10_000;

/** The candles' price format: the tick's decimals (at least 2), moving by one tick. */
export function candlePriceFormat(tick: number): { type: "price"; precision: number; minMove: number } {
  return { type: "price", precision: Math.max(2, tickDecimals(tick)), minMove: tick };
}
const RECORD_COLORS = ["#2962ff", "#ff9800", "#ab47bc", "#26c6da", "#d4e157", "#ec407a"];
const RECORD_PANE = 1;
/** Two bar ranges whose ends differ by less than this (in bars) are the same on screen. */
const SAME_RANGE = 1e-3;
/** How long the range must rest before the candles are picked again for it. */
export const RANGE_SETTLE_MS = 80;

/** Extends the candles' range down by a quarter (room for the volume), but not below 0 for positive prices. */
function roomBelowButNotNegative(base: () => AutoscaleInfo | null): AutoscaleInfo | null {
  const info = base();
  if (!info?.priceRange) return info;
  const { minValue, maxValue } = info.priceRange;
  const lower = minValue - (maxValue - minValue) * 0.28;
  return { ...info, priceRange: { minValue: minValue >= 0 ? Math.max(0, lower) : lower, maxValue } };
}

/**
 * The price chart: candles and volume of one symbol, the order layer over the candles (every
 * working level, fill markers, ambiguous-bar flags), and record() series in a pane below. Counts go on the container as data-*
 * attributes so tests can read what is drawn without looking at pixels.
 */
export class PriceChartView {
  readonly chart: IChartApi;
  readonly candles: ISeriesApi<"Candlestick">;
  private readonly volume: ISeriesApi<"Histogram">;
  /** The layer of orders; with the pointer away from the charts, its new data repaints only itself. */
  readonly orders = new OrderLayer(() => this.container.closest(".charts")?.matches(":hover") ?? true);
  private readonly volumeLayer = new VolumeLayer();
  private records = new Map<string, ISeriesApi<"Line">>();
  /** Bar times of the symbol shown, Unix ms; the equity chart lays itself on these. */
  times: Float64Array | null = null;
  /**
   * The candles the chart holds (candle-window.ts): every bar up to FULL_FRAME bars, else a few
   * thousand picked for the view. The chart's logical index k is candle k, not bar k: bar
   * ranges go through `frameRange`, `showFrame` and `window.axis`.
   */
  window: CandleWindow | null = null;
  private barsCall = 0;
  private settle = 0;
  /** The frame the settled range is read in (see the range subscription). */
  private settleFrame = 0;

  constructor(
    private readonly container: HTMLElement,
    theme: Theme,
  ) {
    this.chart = createChart(container, { ...chartOptions(theme), autoSize: true });
    this.candles = this.chart.addSeries(CandlestickSeries, {
      upColor: "#26a69a",
      downColor: "#ef5350",
      borderVisible: false,
      wickUpColor: "#26a69a",
      wickDownColor: "#ef5350",
    });
    this.volume = this.chart.addSeries(HistogramSeries, {
      priceScaleId: "volume",
      priceFormat: { type: "volume" },
      lastValueVisible: false,
      priceLineVisible: false,
    });
    this.chart.priceScale("volume").applyOptions({ scaleMargins: { top: 0.8, bottom: 0 } });
    // Room below the candles for the volume, but never a negative price on the axis: the
    // scale's own bottom margin is 0 and the room comes from a lower minimum, clamped at 0.
    this.candles.applyOptions({ autoscaleInfoProvider: roomBelowButNotNegative });
    this.candles.priceScale().applyOptions({ scaleMargins: { top: 0.08, bottom: 0 } });
    this.candles.attachPrimitive(this.volumeLayer);
    this.candles.attachPrimitive(this.orders);
    this.setAttr("bars", 0);
    this.setAttr("markers", 0);
    // Zoomed or scrolled out of what the candles cover well: picked again once the range rests.
    this.chart.timeScale().subscribeVisibleLogicalRangeChange(() => {
      const win = this.window;
      if (!win || windowCovers(win, win.bars, this.frameRange())) return;
      this.stopSettling();
      // Read in a frame, after the library's own paint callback of it: a range set through the
      // API (showFrame, the equity chart's) is applied at the library's next paint, and until then
      // the range it reports is the one new candles left it at. Read before a paint that came
      // late (a busy machine), that range picked candles for a view nobody asked for.
      this.settle = window.setTimeout(() => {
        this.settleFrame = requestAnimationFrame(() => this.repick(this.frameRange()));
      }, RANGE_SETTLE_MS);
    });
  }

  private setAttr(name: string, value: string | number): void {
    this.container.dataset[name] = String(value);
  }

  setTheme(theme: Theme): void {
    this.chart.applyOptions(chartOptions(theme));
  }

  /**
   * Shows a symbol's bars. The library's objects are built in slices (see candle-data); the
   * library's own `setData` and the first frame after it cannot be split and are marked as
   * `chart library: setData` / `chart library: first draw` performance measures (docs/data.md
   * gives their cost). Resolves false when a newer call took over before these bars were shown.
   */
  async setBars(symbol: string, bars: SymbolBars | null): Promise<boolean> {
    const call = ++this.barsCall;
    // Big data gets its volume drawn from the columns (VolumeLayer), not as a histogram series.
    const big = (bars?.time.length ?? 0) >= BIG_DATA_BARS;
    // Big data is picked on a turn of its own, not in the task that switched the symbol.
    if (big) await yieldToPage();
    if (call !== this.barsCall) return false;
    const win = bars ? pickCandles(bars, null) : null;
    const data = win ? await buildCandleData(win, !big, () => call !== this.barsCall) : { candles: [], volume: [] };
    if (!data || call !== this.barsCall) return false;
    this.times = bars ? bars.time : null;
    // The price axis and its labels in the symbol's own decimals (EURUSD 1.07346, not 1.07).
    if (bars) this.candles.applyOptions({ priceFormat: candlePriceFormat(bars.tickSize) });
    const start = this.hold(win, data);
    if (big) {
      performance.measure("chart library: setData", { start, detail: { bars: data.candles.length } });
      const drawn = performance.now();
      requestAnimationFrame(() =>
        setTimeout(() =>
          performance.measure("chart library: first draw", { start: drawn, detail: { bars: data.candles.length } }),
        ),
      );
    }
    this.setAttr("symbol", symbol);
    this.setAttr("bars", bars?.time.length ?? 0);
    return true;
  }

  /**
   * Hands the chart the candles of `win` (built as `data`) and lays the layers on them. Returns
   * when the library's own `setData` calls began (performance.now()).
   */
  private hold(win: CandleWindow | null, data: { candles: Candle[]; volume: VolumeBar[] }): number {
    this.window = win;
    this.orders.setWindow(win);
    this.volumeLayer.setBars(win && win.bars.time.length >= BIG_DATA_BARS ? win : null);
    const start = performance.now();
    this.candles.setData(data.candles);
    this.volume.setData(data.volume);
    this.setAttr("candles", data.candles.length);
    this.setAttr("stride", win?.stride ?? 1);
    if (this.recordData.size > 0) this.drawRecords();
    return start;
  }

  private stopSettling(): void {
    window.clearTimeout(this.settle);
    cancelAnimationFrame(this.settleFrame);
  }

  /** Picks the candles again for the bar range `range` when the ones held do not cover it well, keeping it in view. */
  private repick(range: FrameRange | null): void {
    this.stopSettling();
    const old = this.window;
    if (!old || !range || windowCovers(old, old.bars, range)) return;
    const win = pickCandles(old.bars, range);
    this.hold(win, candleDataNow(win, old.bars.time.length < BIG_DATA_BARS));
    this.chart.timeScale().setVisibleLogicalRange(this.toLogical(range));
  }

  /** The bar range on screen (fractional), whatever the candles are; null before any bars. */
  frameRange(): FrameRange | null {
    const r = this.chart.timeScale().getVisibleLogicalRange();
    const axis = this.window?.axis;
    if (!r) return null;
    return axis ? { from: axis.toFrame(r.from), to: axis.toFrame(r.to) } : { from: r.from, to: r.to };
  }

  private toLogical(range: FrameRange): { from: number; to: number } {
    const axis = this.window?.axis;
    return axis ? { from: axis.fromFrame(range.from), to: axis.fromFrame(range.to) } : range;
  }

  /** Shows the bars from `from` to `to` (bar indices, fractional), with candles picked for them. */
  showFrame(from: number, to: number): void {
    this.repick({ from, to });
    // Already shown (a run's end fits the period its start did): setting it again would repaint
    // every candle, twice (the library paints again after its layout pass), for nothing.
    const now = this.frameRange();
    if (now && Math.abs(now.from - from) < SAME_RANGE && Math.abs(now.to - to) < SAME_RANGE) return;
    this.chart.timeScale().setVisibleLogicalRange(this.toLogical({ from, to }));
  }

  /** The candle at the chart's logical index `logical`: its index, first bar and how many bars it holds. */
  candleAt(logical: number): { k: number; first: number; count: number } | null {
    const win = this.window;
    const k = Math.round(logical);
    if (!win || k < 0 || k >= win.first.length) return null;
    return { k, first: win.first[k]!, count: barsIn(win, k) };
  }

  /** The chart's logical index of the candle that holds bar `i`. */
  candleIndexOf(i: number): number {
    return this.window ? candleOf(this.window, i) : i;
  }

  /** Every level, marker and flag of the run on this symbol (replaces what was drawn). */
  setOrders(levels: readonly ChartLevel[], markers: readonly ChartMarker[], flags: readonly AmbiguousFlag[]): void {
    this.orders.setData(levels, markers, flags);
    this.setAttr("levels", levels.length);
    this.setAttr("markers", markers.length);
  }

  /** One line per record() name, in the pane under the price. */
  setRecords(records: Readonly<Record<string, SeriesBuffer>>): void {
    const names = Object.keys(records);
    for (const [name, series] of this.records) {
      if (!(name in records)) {
        this.chart.removeSeries(series);
        this.records.delete(name);
        this.recordsDrawn.delete(name);
        this.recordData.delete(name);
      }
    }
    names.forEach((name, i) => {
      let series = this.records.get(name);
      if (!series) {
        // Each series on its own scale (the first on the axis, the others as overlays), so an
        // RSI and a moving average recorded together are both readable.
        series = this.chart.addSeries(
          LineSeries,
          {
            color: RECORD_COLORS[i % RECORD_COLORS.length],
            lineWidth: 2,
            title: name,
            priceLineVisible: false,
            priceScaleId: i === 0 ? "right" : `record-${name}`,
          },
          RECORD_PANE,
        );
        series.priceScale().applyOptions({ scaleMargins: { top: 0.12, bottom: 0.08 } });
        this.records.set(name, series);
      }
      // A buffer that has not grown is the same object (appending makes a new wrapper): no redraw.
      const buffer = records[name]!;
      if (this.recordsDrawn.get(name) === buffer) return;
      this.recordsDrawn.set(name, buffer);
      this.recordData.set(name, recordPoints(buffer));
      this.drawRecord(name);
    });
    if (names.length > 0) this.sizeRecordPane();
    this.setAttr("records", names.length);
  }

  /** The buffer each record() series was last drawn from. */
  private readonly recordsDrawn = new Map<string, SeriesBuffer>();
  /** Each record() series' line data, every point. */
  private readonly recordData = new Map<string, Array<{ time: UTCTimestamp; value: number }>>();

  /**
   * A record() series as drawn: every point while the chart holds every bar, else one point per
   * candle (recordOnCandles), so its times are the candles' and the time axis stays one per candle.
   */
  private drawRecord(name: string): void {
    const points = this.recordData.get(name);
    const win = this.window;
    if (!points) return;
    this.records.get(name)?.setData(win && win.bars.time.length > FULL_FRAME ? recordOnCandles(points, win) : points);
  }

  private drawRecords(): void {
    for (const name of this.recordData.keys()) this.drawRecord(name);
  }

  /** Sets the panes' stretch factors when the window's height asks for another share. */
  private sizeRecordPane(): void {
    const share = recordPaneShare(this.container.clientHeight);
    const panes = this.chart.panes();
    const pane = panes[RECORD_PANE];
    if (!pane || Math.abs(pane.getStretchFactor() - share) < 1e-6) return;
    panes[0]?.setStretchFactor(1 - share);
    pane.setStretchFactor(share);
  }

  /** Shows the bars from `from` to `to` (Unix ms). */
  showTimes(from: number, to: number): void {
    if (!this.times || this.times.length === 0) return;
    this.showFrame(barIndexAt(this.times, from), barIndexAt(this.times, to));
  }

  /** The x (CSS px) of the candle that holds the bar at or before `t` (Unix ms); null off the chart. */
  barX(t: number): number | null {
    if (!this.times || this.times.length === 0) return null;
    return this.chart.timeScale().logicalToCoordinate(this.candleIndexOf(barIndexAt(this.times, t)) as Logical);
  }

  inView(t: number): boolean {
    const range = this.frameRange();
    if (!range || !this.times || this.times.length === 0) return false;
    const i = barIndexAt(this.times, t);
    return i >= range.from && i <= range.to;
  }

  dispose(): void {
    this.stopSettling();
    this.chart.remove();
  }
}
