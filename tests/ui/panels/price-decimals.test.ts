import { describe, expect, it } from "vitest";
import { describeOrderType } from "../../../src/ui/panels/blotter-rows";
import { formatPrice } from "../../../src/ui/panels/format";
import { ohlcText } from "../../../src/ui/charts/hover-text";
import { markerText } from "../../../src/ui/charts/order-style";
import { candlePriceFormat } from "../../../src/ui/charts/price-chart-view";
import { orderSnapshot } from "../../helpers/order-snapshot";

const column = (...v: number[]) => Float64Array.from(v);

describe("prices are shown in their symbol's decimals", () => {
  it("a EURUSD price keeps its five decimals where a stock's keeps two", () => {
    expect(formatPrice(1.07346, 0.00001)).toBe("1.07346");
    expect(formatPrice(187.15, 0.01)).toBe("187.15");
    // A fill with slippage is off the tick: it is rounded to the tick's decimals.
    expect(formatPrice(1.0735136703, 0.00001)).toBe("1.07351");
    // Without a tick, as before: two decimals, four under 1.
    expect(formatPrice(1.07346)).toBe("1.07");
    expect(formatPrice(0.123456)).toBe("0.1235");
    // A coin quoted to 1e-8 under 1 shows all eight.
    expect(formatPrice(0.00001234, 1e-8)).toBe("0.00001234");
  });

  it("the blotter's order type names a EURUSD limit and stop to the pip", () => {
    const limit = orderSnapshot({ type: "limit", limit: 1.08153, role: "takeProfit" });
    expect(describeOrderType(limit, 0.00001)).toBe("limit 1.08153 (takeProfit)");
    const stop = orderSnapshot({ type: "stop", stop: 95, role: null });
    expect(describeOrderType(stop, 0.01)).toBe("stop 95.00");
  });

  it("the chart's readout, marker labels and axis use the shown symbol's tick", () => {
    const eurusd = {
      symbol: "EURUSD",
      tickSize: 0.00001,
      time: column(Date.UTC(2024, 2, 4, 1), Date.UTC(2024, 2, 4, 2)),
      open: column(1.08008, 1.07992),
      high: column(1.08031, 1.08012),
      low: column(1.07971, 1.07987),
      close: column(1.07992, 1.08005),
      volume: column(512, 640),
    };
    expect(ohlcText(eurusd, 1)).toBe("2024-03-04 02:00  O 1.07992  H 1.08012  L 1.07987  C 1.08005  +0.01%  V 640");
    expect(markerText({ role: "TP", amount: -10000, price: 1.08153 }, "full", 0.00001)).toBe("TP S 10000 @ 1.08153");
    expect(candlePriceFormat(0.00001)).toEqual({ type: "price", precision: 5, minMove: 0.00001 });
    expect(candlePriceFormat(0.01)).toEqual({ type: "price", precision: 2, minMove: 0.01 });
  });
});
