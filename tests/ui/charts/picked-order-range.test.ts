import { describe, expect, it } from "vitest";
import type { Logical } from "lightweight-charts";
import { OrderLayer } from "../../../src/ui/charts/order-layer";
import { pickCandles } from "../../../src/ui/charts/candle-window";
import type { ChartLevel } from "../../../src/ui/charts/order-levels";
import { bars, day, flat } from "../../engine/helpers/bars";

/** Ten daily bars of A at 100 (high = low = 100), from 2024-01-01. */
const tenBars = bars("A", flat(100, 10));
const level = (orderId: string, role: ChartLevel["role"], price: number, from: string, to: string): ChartLevel =>
  ({
    orderId,
    role,
    kind: role === "SL" ? "stop" : "limit",
    points: [
      [day(from), price],
      [day(to), price],
    ],
    outcome: "open",
  }) as ChartLevel;

function layerWith(levels: ChartLevel[]): OrderLayer {
  const layer = new OrderLayer();
  layer.setWindow(pickCandles(tenBars, null));
  layer.setData(levels, [], []);
  return layer;
}
const range = (layer: OrderLayer, from: number, to: number) =>
  layer.autoscaleInfo(from as Logical, to as Logical)?.priceRange ?? null;

describe("the price range takes in the picked order's levels", () => {
  // A bracket bought at 100 on bar 1 with its stop-loss at 80 and take-profit at 130: both far
  // beyond the candles (every bar 100), live from bar 1 to bar 6.
  const sl = level("o2", "SL", 80, "2024-01-02", "2024-01-07");
  const tp = level("o3", "TP", 130, "2024-01-02", "2024-01-07");

  it("with nothing picked, no level stretches the range", () => {
    expect(range(layerWith([sl, tp]), 0, 9)).toBeNull();
  });

  it("picking the bracket puts its stop-loss 80 and take-profit 130 in range", () => {
    const layer = layerWith([sl, tp]);
    layer.setHighlight(new Set(["o1", "o2", "o3"]));
    expect(range(layer, 0, 9)).toEqual({ minValue: 80, maxValue: 130 });
    // Only the stop-loss picked: only its level.
    layer.setHighlight(new Set(["o2"]));
    expect(range(layer, 0, 9)).toEqual({ minValue: 80, maxValue: 80 });
  });

  it("a picked level out of view (bars 7 to 9 shown, it ended on bar 6) leaves the range to the candles", () => {
    const layer = layerWith([sl, tp]);
    layer.setHighlight(new Set(["o2", "o3"]));
    expect(range(layer, 7, 9)).toBeNull();
    expect(range(layer, 6, 9)).toEqual({ minValue: 80, maxValue: 130 });
  });
});
