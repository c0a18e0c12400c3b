import { describe, expect, it } from "vitest";
import type { OrderSnapshot } from "../../src/engine/events";
import type { FillEvent, OrderRow, StopMovedEvent } from "../../src/store/run-results";
import {
  barIndexAt,
  benchmarkOnFrame,
  equityOnFrame,
  fillMarkers,
  levelLines,
  markersBetween,
  packLevelLines,
  unlabelled,
} from "../../src/ui/charts/chart-data";
import { drawdownOf, writeEquity, emptyEquity } from "../../src/store/series-buffer";

const DAY = 86_400_000;
const T0 = Date.UTC(2020, 0, 2);
const fill = (dt: number, amount: number, price: number, symbol = "SPY"): FillEvent => ({
  type: "fill",
  dt,
  orderId: "o1",
  symbol,
  amount,
  price,
  commission: 0,
});

describe("fill markers", () => {
  it("a buy is a green arrow up below the bar, labelled with shares and price", () => {
    const [m] = fillMarkers([fill(T0, 100, 123.456)], "SPY");
    expect(m).toMatchObject({
      time: T0 / 1000,
      position: "belowBar",
      shape: "arrowUp",
      color: "#26a69a",
      text: "B 100 @ 123.46",
    });
  });

  it("a sell is a red arrow down above the bar", () => {
    const [m] = fillMarkers([fill(T0, -40, 10)], "SPY");
    expect(m).toMatchObject({ position: "aboveBar", shape: "arrowDown", text: "S 40 @ 10.00" });
  });

  it("only the chart's symbol gets markers", () => {
    expect(fillMarkers([fill(T0, 1, 1, "KO"), fill(T0, 1, 1, "PEP")], "KO")).toHaveLength(1);
  });

  it("counts the markers within a visible time range, ends included", () => {
    const markers = fillMarkers(
      [fill(T0, 1, 1), fill(T0 + DAY, 1, 1), fill(T0 + DAY, -1, 1), fill(T0 + 3 * DAY, 1, 1)],
      "SPY",
    );
    expect(markersBetween(markers, (T0 + DAY) / 1000, (T0 + 3 * DAY) / 1000)).toBe(3);
    expect(markersBetween(markers, (T0 + 2 * DAY) / 1000, (T0 + 2 * DAY) / 1000)).toBe(0);
  });

  it("a crowded view gets small arrows without labels", () => {
    const [m] = unlabelled(fillMarkers([fill(T0, 1, 1)], "SPY"));
    expect(m!.text).toBeUndefined();
    expect(m!.shape).toBe("arrowUp");
  });
});

function order(over: Partial<OrderSnapshot>): OrderSnapshot {
  return {
    id: "o2",
    symbol: "SPY",
    amount: -100,
    filled: 0,
    status: "OPEN",
    reason: null,
    type: "stop",
    limit: null,
    stop: 95,
    trailPercent: null,
    trailAmount: null,
    tif: "GTC",
    parentId: "o1",
    ocoId: "o2",
    role: "stopLoss",
    createdAt: T0,
    updatedAt: T0,
    avgFillPrice: null,
    commission: 0,
    ...over,
  };
}

describe("level lines", () => {
  it("a bracket stop-loss is drawn at its price from activation to exit", () => {
    const row: OrderRow = {
      order: order({ status: "CANCELLED" }),
      history: [
        { dt: T0, event: "OrderHeld", status: "HELD", filled: 0 },
        { dt: T0 + DAY, event: "OrderReleased", status: "OPEN", filled: 0 },
        { dt: T0 + 5 * DAY, event: "OrderCancelled", status: "CANCELLED", filled: 0 },
      ],
    };
    const [line] = levelLines({ o2: row }, ["o2"], [], "SPY", T0 + 9 * DAY);
    expect(line).toEqual({
      orderId: "o2",
      kind: "stopLoss",
      points: [
        { time: (T0 + DAY) / 1000, value: 95 },
        { time: (T0 + 5 * DAY) / 1000, value: 95 },
      ],
    });
  });

  it("a bracket leg still held (entry not filled) draws nothing", () => {
    const row: OrderRow = {
      order: order({ status: "HELD" }),
      history: [{ dt: T0, event: "OrderHeld", status: "HELD", filled: 0 }],
    };
    expect(levelLines({ o2: row }, ["o2"], [], "SPY", T0)).toEqual([]);
  });

  it("a trailing stop steps through its stopMoved levels and runs on to the last bar while open", () => {
    const row: OrderRow = {
      order: order({ id: "o3", type: "trailingStop", role: null, parentId: null, ocoId: null, trailPercent: 0.05 }),
      history: [{ dt: T0, event: "OrderAccepted", status: "OPEN", filled: 0 }],
    };
    const moves: StopMovedEvent[] = [
      { type: "stopMoved", dt: T0, orderId: "o3", symbol: "SPY", stop: 95, hwm: 100 },
      { type: "stopMoved", dt: T0 + DAY, orderId: "o3", symbol: "SPY", stop: 96, hwm: 101 },
    ];
    const [line] = levelLines({ o3: row }, ["o3"], moves, "SPY", T0 + 3 * DAY);
    expect(line!.kind).toBe("trailingStop");
    expect(line!.points.map((p) => p.value)).toEqual([95, 96, 96]);
    expect(line!.points.at(-1)!.time).toBe((T0 + 3 * DAY) / 1000);
  });
});

describe("equity on the price chart's frame", () => {
  it("pads with whitespace where the run has no value, so bar i is the same time on both charts", () => {
    const frame = Float64Array.from([0, 1, 2, 3], (i) => T0 + i * DAY);
    const eq = writeEquity(emptyEquity(), 0, {
      time: Float64Array.from([T0 + DAY, T0 + 2 * DAY]),
      value: Float64Array.from([100, 90]),
      cash: Float64Array.from([0, 0]),
    });
    const out = equityOnFrame(eq, drawdownOf(eq.value, eq.length), frame);
    expect(out.equity).toEqual([
      { time: T0 / 1000 },
      { time: (T0 + DAY) / 1000, value: 100 },
      { time: (T0 + 2 * DAY) / 1000, value: 90 },
      { time: (T0 + 3 * DAY) / 1000 },
    ]);
    const dd = out.drawdown[2] as { time: number; value: number };
    expect(dd.time).toBe((T0 + 2 * DAY) / 1000);
    expect(dd.value).toBeCloseTo(-10, 9);
  });

  it("the benchmark is the starting cash put into it at the run's first point, carried over days it has no bar", () => {
    const frame = Float64Array.from([0, 1, 2, 3, 4], (i) => T0 + i * DAY);
    // The run has reached day 3 of 4; the benchmark has no bars on days 1 and 3.
    const eq = writeEquity(emptyEquity(), 0, {
      time: Float64Array.from([1, 2, 3], (i) => T0 + i * DAY),
      value: Float64Array.from([1000, 1010, 990]),
      cash: Float64Array.from([0, 0, 0]),
    });
    const spy = { time: Float64Array.from([0, 2, 4], (i) => T0 + i * DAY), close: Float64Array.from([50, 60, 70]) };
    expect(benchmarkOnFrame(eq, spy, 1000, frame)).toEqual([
      { time: T0 / 1000 },
      { time: (T0 + DAY) / 1000, value: 1000 },
      { time: (T0 + 2 * DAY) / 1000, value: 1200 },
      { time: (T0 + 3 * DAY) / 1000, value: 1200 },
      { time: (T0 + 4 * DAY) / 1000 },
    ]);
  });

  it("a benchmark that starts trading after the run starts is measured from its first close", () => {
    const eq = writeEquity(emptyEquity(), 0, {
      time: Float64Array.from([0, 1, 2], (i) => T0 + i * DAY),
      value: Float64Array.from([500, 500, 500]),
      cash: Float64Array.from([500, 500, 500]),
    });
    const ipo = { time: Float64Array.from([T0 + DAY, T0 + 2 * DAY]), close: Float64Array.from([20, 30]) };
    expect(benchmarkOnFrame(eq, ipo, 500, null)).toEqual([
      { time: T0 / 1000 },
      { time: (T0 + DAY) / 1000, value: 500 },
      { time: (T0 + 2 * DAY) / 1000, value: 750 },
    ]);
  });

  it("drawdown is the fall from the running peak", () => {
    expect(Array.from(drawdownOf(Float64Array.from([100, 120, 90, 130]), 4))).toEqual([0, 0, -0.25, 0]);
  });

  it("finds the bar at or just before a time", () => {
    const times = Float64Array.from([10, 20, 30]);
    expect([barIndexAt(times, 5), barIndexAt(times, 20), barIndexAt(times, 25), barIndexAt(times, 99)]).toEqual([
      0, 1, 1, 2,
    ]);
  });
});

describe("packing level lines into few series", () => {
  const times = Float64Array.from({ length: 10 }, (_, i) => T0 + i * DAY);
  const sec = (i: number) => (T0 + i * DAY) / 1000;
  const line = (from: number, to: number, kind: "stopLoss" | "takeProfit" = "stopLoss") => ({
    orderId: `${kind}${from}`,
    kind,
    points: [
      { time: sec(from) as never, value: 1 },
      { time: sec(to) as never, value: 1 },
    ],
  });

  it("lines with a bar between them share a series; the gap between them is drawn transparent", () => {
    const lanes = packLevelLines(
      [
        line(0, 2),
        {
          ...line(5, 6),
          points: [
            { time: sec(5) as never, value: 2 },
            { time: sec(6) as never, value: 2 },
          ],
        },
      ],
      times,
    );
    expect(lanes).toHaveLength(1);
    expect(lanes[0]!.points).toEqual([
      { time: sec(0), value: 1 },
      { time: sec(2), value: 1, color: "transparent" },
      // A hidden point at the next line's level, on the bar before it starts.
      { time: sec(4), value: 2, color: "transparent" },
      { time: sec(5), value: 2 },
      { time: sec(6), value: 2 },
    ]);
  });

  it("lines that overlap or touch the next bar need their own series", () => {
    expect(packLevelLines([line(0, 3), line(2, 5)], times)).toHaveLength(2);
    expect(packLevelLines([line(0, 2), line(3, 5)], times)).toHaveLength(2);
    expect(packLevelLines([line(0, 2), line(4, 5)], times)).toHaveLength(1);
  });

  it("stop-loss and take-profit lines never share a series (they differ in colour)", () => {
    expect(packLevelLines([line(0, 1, "stopLoss"), line(5, 6, "takeProfit")], times)).toHaveLength(2);
  });
});
