import type { IChartApi, ISeriesApi, LogicalRange, MouseEventParams, SeriesType, Time } from "lightweight-charts";

interface Linked {
  chart: IChartApi;
  /** The chart's container: the chart under the pointer leads. */
  element: HTMLElement;
  /** The series whose value the crosshair shows on the other chart. */
  series: ISeriesApi<SeriesType>;
  /**
   * Between the chart's logical indices and the bars of the frame both charts stand on (the
   * price chart's bars); absent, they are the same. The equity chart thins a long curve out
   * (equity-lod.ts), and the price chart a long symbol's bars (candle-window.ts), so point i is
   * not bar i. Undefined while they are the same.
   */
  axis?: () => FrameMapping | undefined;
}

export interface FrameMapping {
  toFrame(logical: number): number;
  fromFrame(frame: number): number;
}

const toFrameRange = (l: Linked, r: LogicalRange): LogicalRange => {
  const axis = l.axis?.();
  return axis ? ({ from: axis.toFrame(r.from), to: axis.toFrame(r.to) } as LogicalRange) : r;
};
const fromFrameRange = (l: Linked, r: LogicalRange): LogicalRange => {
  const axis = l.axis?.();
  return axis ? ({ from: axis.fromFrame(r.from), to: axis.fromFrame(r.to) } as LogicalRange) : r;
};

/** Shows the frame range `range` (price chart bars) on the linked chart `l`. */
export function showFrameRange(l: Linked, range: LogicalRange): void {
  l.chart.timeScale().setVisibleLogicalRange(fromFrameRange(l, range));
}

/**
 * Keeps two charts on the same bars: scrolling or zooming one moves the other (by logical
 * range through each chart's `axis`: both stand on the same bar times, see
 * equityValuesOnFrame) and the crosshair follows. `a`
 * leads unless the pointer is over `b`, so `b` getting new data never scrolls `a`. Returns
 * an unlink function.
 */
export function linkCharts(a: Linked, b: Linked): () => void {
  let syncing = false;
  let leader: Linked = a;
  const leadA = () => (leader = a);
  const leadB = () => (leader = b);
  b.element.addEventListener("pointerenter", leadB);
  b.element.addEventListener("pointerleave", leadA);
  const rangeTo = (source: Linked, target: Linked) => (range: LogicalRange | null) => {
    if (syncing || range === null || leader === target) return;
    syncing = true;
    try {
      showFrameRange(target, toFrameRange(source, range));
    } finally {
      syncing = false;
    }
  };
  const crosshairTo = (source: Linked, target: Linked) => {
    // Whether this link placed the target's crosshair. A chart also reports a crosshair "move"
    // with no point whenever its data changes (each redraw of a streaming run): clearing a
    // crosshair that is not there would repaint the other chart, every marker of the run with it.
    let placed = false;
    const clear = () => {
      if (!placed) return;
      placed = false;
      target.chart.clearCrosshairPosition();
    };
    return (param: MouseEventParams<Time>) => {
      if (param.time === undefined || param.logical === undefined) return clear();
      const frame = source.axis?.()?.toFrame(param.logical) ?? param.logical;
      const at = Math.round(target.axis?.()?.fromFrame(frame) ?? frame);
      const data = target.series.dataByIndex(at);
      const value = data && "value" in data ? data.value : data && "close" in data ? data.close : undefined;
      if (!data || value === undefined) return clear();
      placed = true;
      target.chart.setCrosshairPosition(value, data.time, target.series);
    };
  };
  // The visible bars, on the containers, so tests can see that the charts agree.
  // In frame bars, whatever the chart's own logical indices are.
  const show = (l: Linked, range: LogicalRange | null) => {
    const r = range && toFrameRange(l, range);
    l.element.dataset.visibleFrom = r ? String(Math.round(r.from)) : "";
    l.element.dataset.visibleTo = r ? String(Math.round(r.to)) : "";
  };
  const aSync = rangeTo(a, b);
  const bSync = rangeTo(b, a);
  const aRange = (r: LogicalRange | null) => (show(a, r), aSync(r));
  const bRange = (r: LogicalRange | null) => (show(b, r), bSync(r));
  const aCross = crosshairTo(a, b);
  const bCross = crosshairTo(b, a);
  a.chart.timeScale().subscribeVisibleLogicalRangeChange(aRange);
  b.chart.timeScale().subscribeVisibleLogicalRangeChange(bRange);
  a.chart.subscribeCrosshairMove(aCross);
  b.chart.subscribeCrosshairMove(bCross);
  const initial = a.chart.timeScale().getVisibleLogicalRange();
  if (initial) showFrameRange(b, toFrameRange(a, initial));
  return () => {
    b.element.removeEventListener("pointerenter", leadB);
    b.element.removeEventListener("pointerleave", leadA);
    a.chart.timeScale().unsubscribeVisibleLogicalRangeChange(aRange);
    b.chart.timeScale().unsubscribeVisibleLogicalRangeChange(bRange);
    a.chart.unsubscribeCrosshairMove(aCross);
    b.chart.unsubscribeCrosshairMove(bCross);
  };
}
