import {
  PriceScaleMode,
  type ISeriesApi,
  type ITimeScaleApi,
  type Logical,
  type SeriesType,
  type Time,
} from "lightweight-charts";

/** Where a point goes in a pane, CSS px; null when the chart cannot place it (no data yet). */
export type ToPixel = (v: number) => number | null;

/**
 * x of a bar (the chart's logical index, an integer) for one frame's drawing. The library places
 * bars evenly (bar spacing apart), so two of its answers give every other: a layer that places
 * thousands of markers does not go through the API for each.
 */
export function barToX(ts: ITimeScaleApi<Time>): ToPixel {
  const x0 = ts.logicalToCoordinate(0 as Logical);
  const x1 = ts.logicalToCoordinate(1 as Logical);
  if (x0 === null || x1 === null) return () => null;
  const step = x1 - x0;
  return (i) => x0 + i * step;
}

/**
 * y of a price on `series`' scale for one frame's drawing. Each call of the library's
 * `priceToCoordinate` looks up the series' first visible value again; on a linear scale (every
 * mode but logarithmic: percentage and indexed-to-100 are linear in the price too) two answers
 * give every other. A logarithmic scale is asked each time.
 */
export function priceToY(series: ISeriesApi<SeriesType>): ToPixel {
  const ask: ToPixel = (p) => series.priceToCoordinate(p);
  if (series.priceScale().options().mode === PriceScaleMode.Logarithmic) return ask;
  const y0 = ask(0);
  const y1 = ask(1);
  if (y0 === null || y1 === null) return ask;
  const step = y1 - y0;
  return (p) => y0 + p * step;
}
