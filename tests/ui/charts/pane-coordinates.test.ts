import { describe, expect, it } from "vitest";
import type { ISeriesApi, ITimeScaleApi, SeriesType, Time } from "lightweight-charts";
import { barToX, priceToY } from "../../../src/ui/charts/pane-coordinates";

/** A series on a price scale of mode `mode` that answers like the library and counts the questions. */
function series(mode: number, toY: (p: number) => number) {
  const asked: number[] = [];
  const api = {
    priceToCoordinate: (p: number) => (asked.push(p), toY(p)),
    priceScale: () => ({ options: () => ({ mode }) }),
  } as unknown as ISeriesApi<SeriesType>;
  return { api, asked };
}

describe("placing a frame's markers in the pane", () => {
  // 400 px tall, prices 90 (bottom) to 110 (top).
  const linear = (p: number) => 400 - ((p - 90) / 20) * 400;
  it("on a linear price scale a price's y is the library's own, from two questions for the whole frame", () => {
    const { api, asked } = series(0, linear);
    const y = priceToY(api);
    for (const p of [90, 95.25, 101.5, 110]) expect(y(p)).toBeCloseTo(linear(p), 9);
    expect(asked.length).toBe(2);
  });
  it("on a logarithmic price scale the library is asked for each price", () => {
    const log = (p: number) => 400 - (Math.log(p / 90) / Math.log(110 / 90)) * 400;
    const { api, asked } = series(1, log);
    const y = priceToY(api);
    expect(y(100)).toBe(log(100));
    expect(y(105)).toBe(log(105));
    expect(asked).toEqual([100, 105]);
  });
  it("a bar's x is the library's own, its bars evenly spaced; nothing is placed before the chart has bars", () => {
    // 7.5 px per bar, bar 0 at x = -120 (scrolled).
    const at = (i: number) => -120 + 7.5 * i;
    const ts = (empty: boolean) =>
      ({ logicalToCoordinate: (i: number) => (empty ? null : at(i)) }) as unknown as ITimeScaleApi<Time>;
    const x = barToX(ts(false));
    for (const i of [0, 16, 333, 2100]) expect(x(i)).toBeCloseTo(at(i), 9);
    expect(barToX(ts(true))(5)).toBeNull();
  });
});
