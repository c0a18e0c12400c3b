import { describe, expect, it } from "vitest";
import type { IChartApi, ISeriesApi, MouseEventParams, SeriesType, Time } from "lightweight-charts";
import { linkCharts } from "../../../src/ui/charts/chart-sync";

/** A chart that keeps its subscribers and counts what is done to its crosshair. */
function chart() {
  const crosshair: Array<(p: MouseEventParams<Time>) => void> = [];
  const calls = { set: 0, clear: 0 };
  const api = {
    timeScale: () => ({
      subscribeVisibleLogicalRangeChange: () => {},
      unsubscribeVisibleLogicalRangeChange: () => {},
      getVisibleLogicalRange: () => null,
      setVisibleLogicalRange: () => {},
    }),
    subscribeCrosshairMove: (f: (p: MouseEventParams<Time>) => void) => crosshair.push(f),
    unsubscribeCrosshairMove: () => {},
    setCrosshairPosition: () => calls.set++,
    clearCrosshairPosition: () => calls.clear++,
  } as unknown as IChartApi;
  const series = {
    dataByIndex: (i: number) => ({ time: i as Time, value: 100 + i }),
  } as unknown as ISeriesApi<SeriesType>;
  const element = { addEventListener: () => {}, removeEventListener: () => {}, dataset: {} } as unknown as HTMLElement;
  const move = (p: Partial<MouseEventParams<Time>>) => crosshair.forEach((f) => f(p as MouseEventParams<Time>));
  return { linked: { chart: api, series, element }, calls, move };
}

describe("the crosshair between the price and equity charts", () => {
  it("a chart redrawn with new data (a crosshair 'move' without a point) leaves the other chart alone", () => {
    const price = chart();
    const equity = chart();
    linkCharts(price.linked, equity.linked);
    equity.move({});
    equity.move({});
    expect(price.calls).toEqual({ set: 0, clear: 0 });
  });
  it("the pointer over one chart places the other's crosshair, and leaving takes it away once", () => {
    const price = chart();
    const equity = chart();
    linkCharts(price.linked, equity.linked);
    equity.move({ time: 5 as Time, logical: 5 as never, point: { x: 10, y: 10 } as never });
    expect(price.calls).toEqual({ set: 1, clear: 0 });
    equity.move({});
    equity.move({});
    expect(price.calls).toEqual({ set: 1, clear: 1 });
  });
});
