import {
  CandlestickSeries,
  createChart,
  createSeriesMarkers,
  HistogramSeries,
  LineSeries,
  LineStyle,
  LineType,
  type IChartApi,
  type ISeriesApi,
  type ISeriesMarkersPluginApi,
  type SeriesMarker,
  type Time,
  type UTCTimestamp,
} from "lightweight-charts";
import type { SymbolBars } from "../../engine/data/symbol-bars";
import type { SeriesBuffer } from "../../store/series-buffer";
import type { Theme } from "../../store/store";
import {
  MAX_LABELLED_MARKERS,
  markersBetween,
  packLevelLines,
  recordPoints,
  toChartTime,
  unlabelled,
  type LevelLine,
} from "./chart-data";
import { chartOptions } from "./chart-theme";

const RECORD_COLORS = ["#2962ff", "#ff9800", "#ab47bc", "#26c6da", "#d4e157", "#ec407a"];
const LEVEL_COLORS: Record<LevelLine["kind"], string> = {
  trailingStop: "#ffb74d",
  stopLoss: "#ef5350",
  takeProfit: "#26a69a",
};
const RECORD_PANE = 1;

/**
 * The price chart: candles and volume of one symbol, fill markers, level lines over the
 * candles, and record() series in a pane below. Counts go on the container as data-*
 * attributes so tests can read what is drawn without looking at pixels.
 */
export class PriceChartView {
  readonly chart: IChartApi;
  readonly candles: ISeriesApi<"Candlestick">;
  private readonly volume: ISeriesApi<"Histogram">;
  private readonly markers: ISeriesMarkersPluginApi<Time>;
  private records = new Map<string, ISeriesApi<"Line">>();
  private levels: ISeriesApi<"Line">[] = [];
  private allMarkers: SeriesMarker<UTCTimestamp>[] = [];
  private compactMarkers: SeriesMarker<UTCTimestamp>[] = [];
  private labelled: boolean | null = null;
  private labelFrame = 0;
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
    this.markers = createSeriesMarkers(this.candles, []);
    this.chart.timeScale().subscribeVisibleTimeRangeChange(this.scheduleLabels);
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
    this.candles.setData(candles);
    this.volume.setData(volume);
    this.setAttr("symbol", symbol);
    this.setAttr("bars", candles.length);
  }

  setMarkers(markers: SeriesMarker<UTCTimestamp>[]): void {
    this.allMarkers = markers;
    this.compactMarkers = unlabelled(markers);
    this.labelled = null;
    this.updateLabels();
    this.setAttr("markers", markers.length);
  }

  private readonly scheduleLabels = () => {
    if (this.labelFrame) return;
    this.labelFrame = requestAnimationFrame(() => {
      this.labelFrame = 0;
      this.updateLabels();
    });
  };

  /** Labels ("B 100 @ 12.34") only while few enough fills are in view to read them. */
  private updateLabels(): void {
    const range = this.chart.timeScale().getVisibleRange();
    const inView = range
      ? markersBetween(this.allMarkers, range.from as number, range.to as number)
      : this.allMarkers.length;
    const labelled = inView <= MAX_LABELLED_MARKERS;
    if (labelled === this.labelled) return;
    this.labelled = labelled;
    this.markers.setMarkers(labelled ? this.allMarkers : this.compactMarkers);
    this.setAttr("labelled", String(labelled));
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

  /** Trailing-stop steps and bracket levels, packed into a few series; replaced wholesale. */
  setLevels(lines: readonly LevelLine[]): void {
    for (const s of this.levels) this.chart.removeSeries(s);
    const lanes = packLevelLines(lines, this.times ?? new Float64Array(0));
    this.levels = lanes.map((lane) => {
      const s = this.chart.addSeries(LineSeries, {
        color: LEVEL_COLORS[lane.kind],
        lineWidth: 1,
        lineStyle: lane.kind === "trailingStop" ? LineStyle.Solid : LineStyle.Dashed,
        lineType: lane.kind === "trailingStop" ? LineType.WithSteps : LineType.Simple,
        priceLineVisible: false,
        lastValueVisible: false,
        crosshairMarkerVisible: false,
      });
      s.setData(lane.points);
      return s;
    });
    this.setAttr("levels", lines.length);
  }

  dispose(): void {
    cancelAnimationFrame(this.labelFrame);
    this.chart.timeScale().unsubscribeVisibleTimeRangeChange(this.scheduleLabels);
    this.chart.remove();
  }
}
