import { describe, expect, it } from "vitest";
import type { IChartApi, ISeriesApi, SeriesAttachedParameter, SeriesType, Time } from "lightweight-charts";
import { OrderLayer } from "../../../src/ui/charts/order-layer";
import type { ChartMarker } from "../../../src/ui/charts/order-levels";

/** The order layer attached to a chart that counts how it is asked to repaint. */
function attachedLayer(crosshairMayShow: () => boolean) {
  const calls = { wholeChart: 0, crosshairCleared: 0 };
  const chart = { clearCrosshairPosition: () => calls.crosshairCleared++ } as unknown as IChartApi;
  const layer = new OrderLayer(crosshairMayShow);
  layer.attached({
    chart,
    series: {} as ISeriesApi<SeriesType>,
    requestUpdate: () => calls.wholeChart++,
  } as unknown as SeriesAttachedParameter<Time>);
  return { layer, calls };
}

const fill = (orderId: string, time: number) => ({ orderId, time, price: 10, side: "buy" }) as unknown as ChartMarker;

describe("repainting the order layer as a run streams", () => {
  it("new fills with the pointer away from the charts repaint only the layer over the candles", () => {
    const { layer, calls } = attachedLayer(() => false);
    layer.setData([], [fill("o1", 1)], []);
    layer.setData([], [fill("o1", 1), fill("o2", 2)], []);
    expect(calls).toEqual({ wholeChart: 0, crosshairCleared: 2 });
  });

  it("with the pointer over the charts (a crosshair may be shown), the whole chart is repainted and the crosshair kept", () => {
    const { layer, calls } = attachedLayer(() => true);
    layer.setData([], [fill("o1", 1)], []);
    expect(calls).toEqual({ wholeChart: 1, crosshairCleared: 0 });
  });

  it("a highlight (a click on the chart) repaints the whole chart", () => {
    const { layer, calls } = attachedLayer(() => false);
    layer.setHighlight(new Set(["o1"]));
    expect(calls).toEqual({ wholeChart: 1, crosshairCleared: 0 });
  });
});
