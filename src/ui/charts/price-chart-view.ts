import { recordPaneShare } from "./record-pane";
import {
  CandlestickSeries,
  createChart,
  HistogramSeries,
  LineSeries,
  type AutoscaleInfo,
  type IChartApi,
  type ISeriesApi,
} from "lightweight-charts";
import type { SymbolBars } from "../../engine/data/symbol-bars";
import type { SeriesBuffer } from "../../store/series-buffer";
import type { Theme } from "../../store/store";
import { barIndexAt, recordPoints } from "./chart-data";
import { buildCandleData } from "./candle-data";
import { chartOptions } from "./chart-theme";
import { OrderLayer, type AmbiguousFlag } from "./order-layer";
import { VolumeLayer } from "./volume-layer";
import type { ChartLevel, ChartMarker } from "./order-levels";

/**
 * From this many bars the volume is drawn from the columns (VolumeLayer) and the library's own
 * calls are measured; below, a histogram series draws it and the library takes a few ms.
 */
const BIG_DATA_BARS = 10_000;
const RECORD_COLORS = ["#2962ff", "#ff9800", "#ab47bc", "#26c6da", "#d4e157", "#ec407a"];
const RECORD_PANE = 1;

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
  readonly orders = new OrderLayer();
  private readonly volumeLayer = new VolumeLayer();
  private records = new Map<string, ISeriesApi<"Line">>();
  /** Bar times of the symbol shown, Unix ms; the equity chart lays itself on these. */
  times: Float64Array | null = null;
  private barsCall = 0;

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
    const data = bars ? await buildCandleData(bars, !big, () => call !== this.barsCall) : { candles: [], volume: [] };
    if (!data || call !== this.barsCall) return false;
    this.times = bars ? bars.time : null;
    this.orders.setBars(bars);
    this.volumeLayer.setBars(big ? bars : null);
    const start = performance.now();
    this.candles.setData(data.candles);
    this.volume.setData(data.volume);
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
    this.setAttr("bars", data.candles.length);
    return true;
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
      series.setData(recordPoints(buffer));
    });
    if (names.length > 0) this.sizeRecordPane();
    this.setAttr("records", names.length);
  }

  /** The buffer each record() series was last drawn from. */
  private readonly recordsDrawn = new Map<string, SeriesBuffer>();

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
    this.chart
      .timeScale()
      .setVisibleLogicalRange({ from: barIndexAt(this.times, from), to: barIndexAt(this.times, to) });
  }

  inView(t: number): boolean {
    const range = this.chart.timeScale().getVisibleLogicalRange();
    if (!range || !this.times || this.times.length === 0) return false;
    const i = barIndexAt(this.times, t);
    return i >= range.from && i <= range.to;
  }

  dispose(): void {
    this.chart.remove();
  }
}
