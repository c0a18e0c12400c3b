import {
  AreaSeries,
  BaselineSeries,
  createChart,
  LineSeries,
  type IChartApi,
  type ISeriesApi,
} from "lightweight-charts";
import type { Theme } from "../../store/store";
import { pointsAt, type FrameValues, type PricePoint } from "./chart-data";
import { fixed } from "../../engine/price-text";
import { chartOptions } from "./chart-theme";
import { FrameAxis, type FramePicks } from "./equity-lod";

/** Whole dollars with thousands separators on the axis and the labels: "104,133". */
const DOLLARS = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const dollars = { type: "custom" as const, formatter: (v: number) => DOLLARS.format(v), minMove: 1 };

const percent = (v: number) => `${fixed(v, 1)}%`;
/** Digits (and figure spaces, as wide as a digit) in every drawdown tick label: "-100.0%" has 4. */
export const DRAWDOWN_TICK_DIGITS = 5;
/**
 * The drawdown axis's tick labels, each ended with figure spaces to DRAWDOWN_TICK_DIGITS digits.
 * Drawn from the axis's left edge, the spaces are not seen; but the chart library measures the
 * labels after each new range, and when they are wider than at its last measure (the drawdown
 * deepening from "-9.9%" to "-10.0%", the scale's edge below "-100.0%") it lays the whole chart
 * out again and paints it twice more, even though the axis keeps its minimumWidth. Labels as wide
 * as the widest a drawdown can have never grow.
 */
export function drawdownTicks(prices: readonly number[]): string[] {
  return prices.map((p) => {
    const label = percent(p);
    let digits = 0;
    for (const c of label) if (c >= "0" && c <= "9") digits++;
    return label + "\u2007".repeat(Math.max(0, DRAWDOWN_TICK_DIGITS - digits));
  });
}

function sameBars(a: Int32Array | undefined, b: Int32Array): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The same numbers at every place (NaN, a gap, equal to NaN). */
function sameValues(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !(Number.isNaN(a[i]!) && Number.isNaN(b[i]!))) return false;
  return true;
}

/**
 * Equity over the starting cash (green above, red below), the benchmark (when the strategy
 * set one) as a line beside it, and drawdown (%) in a pane below.
 */
export class EquityChartView {
  readonly chart: IChartApi;
  readonly equity: ISeriesApi<"Baseline">;
  private readonly drawdown: ISeriesApi<"Area">;
  private readonly benchmark: ISeriesApi<"Line">;
  /** Between this chart's logical indices and the price chart's bars (see equity-lod.ts). */
  axis = new FrameAxis(new Int32Array(0));
  /** The bars drawn last, null before the first drawing. */
  picks: FramePicks | null = null;
  /** The baseline (starting cash) and the benchmark's title as last applied. */
  private cash = 100_000;
  private benchmarkTitle: string | undefined = undefined;
  /** Whether the benchmark line holds data. */
  private benchmarkShown = false;
  /** The frame's bar times the picks were drawn on. */
  private time: ArrayLike<number> | null = null;

  constructor(
    private readonly container: HTMLElement,
    theme: Theme,
  ) {
    this.chart = createChart(container, { ...chartOptions(theme), autoSize: true });
    this.equity = this.chart.addSeries(BaselineSeries, {
      baseValue: { type: "price", price: this.cash },
      lineWidth: 2,
      title: "equity",
      priceFormat: dollars,
    });
    // Added after the equity so it is drawn over the equity's fill.
    this.benchmark = this.chart.addSeries(LineSeries, {
      color: "#6a8bc2",
      lineWidth: 1,
      visible: false,
      crosshairMarkerVisible: false,
      priceFormat: dollars,
    });
    this.drawdown = this.chart.addSeries(
      AreaSeries,
      {
        lineColor: "#ef5350",
        topColor: "rgba(239,83,80,0.05)",
        bottomColor: "rgba(239,83,80,0.4)",
        invertFilledArea: true,
        lineWidth: 1,
        title: "drawdown %",
        priceFormat: { type: "custom", formatter: percent, tickmarksFormatter: drawdownTicks },
      },
      1,
    );
    this.chart.panes()[1]?.setStretchFactor(0.35);
    // Room above the curve so the top axis label is not cut off.
    this.equity.priceScale().applyOptions({ scaleMargins: { top: 0.15, bottom: 0.05 } });
    this.container.dataset.points = "0";
    this.container.dataset.benchmarkPoints = "0";
  }

  setTheme(theme: Theme): void {
    this.chart.applyOptions(chartOptions(theme));
  }

  /**
   * New options make the library restyle every point of the series on its next paint (tens of ms
   * for a few thousand points): they are applied only when they change, not at each redraw.
   */
  setStartingCash(cash: number): void {
    if (cash === this.cash) return;
    this.cash = cash;
    this.equity.applyOptions({ baseValue: { type: "price", price: cash } });
  }

  /**
   * `points` is how many real (non-whitespace) equity points the data holds; `final` says it is
   * the finished run's whole curve (tests and the benchmark wait on it).
   */
  setData(equity: PricePoint[], drawdown: PricePoint[], points: number, final = false): void {
    this.equity.setData(equity);
    this.drawdown.setData(drawdown);
    this.marked(points, final);
  }

  /** Says what the chart shows: how many points the run has sent, and whether it is the finished run. */
  private marked(points: number, final: boolean): void {
    const wasFinal = this.container.dataset.final === "true";
    this.container.dataset.points = String(points);
    this.container.dataset.final = String(final);
    // On the page's clock, a turn after the frame that shows the finished run's curve: where the
    // browser benchmark's run ends (a check polled from outside sees it up to a second later).
    if (final && !wasFinal) requestAnimationFrame(() => setTimeout(() => performance.mark("run: final drawn")));
  }

  /**
   * Draws the points `picks` of the equity and drawdown laid on the price chart's frame (bar
   * times `time`), and the benchmark at the same bars. `points` is how many equity points the run has sent; `final` as for setData.
   * Returns whether the chart's points stand at other bars than before (its logical indices
   * changed meaning, so its range must be set again); a run growing within one view keeps them.
   */
  draw(
    picks: FramePicks,
    time: ArrayLike<number>,
    benchmark: { symbol: string; values: FrameValues } | null,
    points: number,
    final: boolean,
  ): boolean {
    const moved = this.time !== time || !sameBars(this.picks?.index, picks.index);
    // The finished run's curve is often drawn already, by the redraw of its last batch: drawn
    // again, it was the run's last long task (the whole chart painted and rasterized once more,
    // 20–40 ms of CPU) for the same pixels. It is only marked final then.
    const drawn = this.picks;
    const unchanged =
      !moved &&
      drawn !== null &&
      !benchmark &&
      !this.benchmarkShown &&
      sameValues(drawn.value, picks.value) &&
      sameValues(drawn.drawdown, picks.drawdown);
    if (unchanged) {
      this.picks = picks;
      this.marked(points, final);
      return false;
    }
    this.time = time;
    this.picks = picks;
    this.axis = new FrameAxis(picks.index);
    const times = Float64Array.from(picks.index, (i) => time[i]!);
    this.setData(
      pointsAt({ time: times, value: picks.value }),
      pointsAt({ time: times, value: picks.drawdown }),
      points,
      final,
    );
    const bench = benchmark ? pointsAt(benchmark.values, picks.index) : [];
    let valued = 0;
    for (const v of benchmark?.values.value ?? []) if (!Number.isNaN(v)) valued++;
    this.setBenchmark(benchmark?.symbol ?? null, bench, valued);
    this.container.dataset.drawnPoints = String(picks.index.length);
    return moved;
  }

  /** `symbol` null hides the line; `points` is how many real points `data` holds. */
  setBenchmark(symbol: string | null, data: PricePoint[], points: number): void {
    const title = symbol ? `benchmark ${symbol}` : "";
    if (title !== this.benchmarkTitle)
      this.benchmark.applyOptions({ visible: symbol !== null, title: (this.benchmarkTitle = title) });
    // No benchmark, as before: no new (empty) data, which would make the chart redraw for nothing.
    if (symbol || this.benchmarkShown) this.benchmark.setData(symbol ? data : []);
    this.benchmarkShown = symbol !== null;
    this.container.dataset.benchmark = symbol ?? "";
    this.container.dataset.benchmarkPoints = String(symbol ? points : 0);
  }

  dispose(): void {
    this.chart.remove();
  }
}
