import type { IChartApi, ISeriesApi, LogicalRange, MouseEventParams, SeriesType, Time } from "lightweight-charts";

interface Linked {
  chart: IChartApi;
  /** The chart's container: the chart under the pointer leads. */
  element: HTMLElement;
  /** The series whose value the crosshair shows on the other chart. */
  series: ISeriesApi<SeriesType>;
}

/**
 * Keeps two charts on the same bars: scrolling or zooming one moves the other (by logical
 * range: both hold the same bar times, see equityOnFrame) and the crosshair follows. `a`
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
  const rangeTo = (target: Linked) => (range: LogicalRange | null) => {
    if (syncing || range === null || leader === target) return;
    syncing = true;
    try {
      target.chart.timeScale().setVisibleLogicalRange(range);
    } finally {
      syncing = false;
    }
  };
  const crosshairTo = (target: Linked) => (param: MouseEventParams<Time>) => {
    if (param.time === undefined) {
      target.chart.clearCrosshairPosition();
      return;
    }
    const data = target.series.dataByIndex(param.logical ?? -1);
    const value = data && "value" in data ? data.value : data && "close" in data ? data.close : undefined;
    if (value === undefined) target.chart.clearCrosshairPosition();
    else target.chart.setCrosshairPosition(value, param.time, target.series);
  };
  // The visible bars, on the containers, so tests can see that the charts agree.
  const show = (el: HTMLElement, range: LogicalRange | null) => {
    el.dataset.visibleFrom = range ? String(Math.round(range.from)) : "";
    el.dataset.visibleTo = range ? String(Math.round(range.to)) : "";
  };
  const aSync = rangeTo(b);
  const bSync = rangeTo(a);
  const aRange = (r: LogicalRange | null) => (show(a.element, r), aSync(r));
  const bRange = (r: LogicalRange | null) => (show(b.element, r), bSync(r));
  const aCross = crosshairTo(b);
  const bCross = crosshairTo(a);
  a.chart.timeScale().subscribeVisibleLogicalRangeChange(aRange);
  b.chart.timeScale().subscribeVisibleLogicalRangeChange(bRange);
  a.chart.subscribeCrosshairMove(aCross);
  b.chart.subscribeCrosshairMove(bCross);
  const initial = a.chart.timeScale().getVisibleLogicalRange();
  if (initial) b.chart.timeScale().setVisibleLogicalRange(initial);
  return () => {
    b.element.removeEventListener("pointerenter", leadB);
    b.element.removeEventListener("pointerleave", leadA);
    a.chart.timeScale().unsubscribeVisibleLogicalRangeChange(aRange);
    b.chart.timeScale().unsubscribeVisibleLogicalRangeChange(bRange);
    a.chart.unsubscribeCrosshairMove(aCross);
    b.chart.unsubscribeCrosshairMove(bCross);
  };
}
