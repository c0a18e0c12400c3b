import {
  CandlestickSeries,
  createChart,
  HistogramSeries,
  LineSeries,
  type IChartApi,
  type ISeriesApi,
} from "lightweight-charts";
import type { SymbolBars } from "../../engine/data/symbol-bars";
import type { SeriesBuffer } from "../../store/series-buffer";
import type { Theme } from "../../store/store";
import { recordPoints, toChartTime } from "./chart-data";
import { chartOptions } from "./chart-theme";
import { OrderLayer, type AmbiguousFlag } from "./order-layer";
import type { ChartLevel, ChartMarker } from "./order-levels";

const RECORD_COLORS = ["#2962ff", "#ff9800", "#ab47bc", "#26c6da", "#d4e157", "#ec407a"];
const RECORD_PANE = 1;

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
  private records = new Map<string, ISeriesApi<"Line">>();
  /** Bar times of the symbol shown, Unix ms; the equity chart lays itself on these. */
  times: Float64Array | null = null;

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
    this.candles.priceScale().applyOptions({ scaleMargins: { top: 0.08, bottom: 0.22 } });
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

  setBars(symbol: string, bars: SymbolBars | null): void {
    this.times = bars ? bars.time : null;
    const candles = [];
    const volume = [];
    if (bars) {
      for (let i = 0; i < bars.time.length; i++) {
        const time = toChartTime(bars.time[i]!);
        const up = bars.close[i]! >= bars.open[i]!;
        candles.push({ time, open: bars.open[i]!, high: bars.high[i]!, low: bars.low[i]!, close: bars.close[i]! });
        volume.push({ time, value: bars.volume[i]!, color: up ? "rgba(38,166,154,0.35)" : "rgba(239,83,80,0.35)" });
      }
    }
    this.orders.setBars(bars);
    this.candles.setData(candles);
    this.volume.setData(volume);
    this.setAttr("symbol", symbol);
    this.setAttr("bars", candles.length);
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
      }
    }
    names.forEach((name, i) => {
      let series = this.records.get(name);
      if (!series) {
        series = this.chart.addSeries(
          LineSeries,
          { color: RECORD_COLORS[i % RECORD_COLORS.length], lineWidth: 1, title: name, priceLineVisible: false },
          RECORD_PANE,
        );
        this.records.set(name, series);
        this.chart.panes()[RECORD_PANE]?.setStretchFactor(0.3);
      }
      series.setData(recordPoints(records[name]!));
    });
    this.setAttr("records", names.length);
  }

  dispose(): void {
    this.chart.remove();
  }
}
