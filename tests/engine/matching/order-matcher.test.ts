import { describe, expect, it } from "vitest";
import {
  LimitOrder,
  OCOOrder,
  StopLimitOrder,
  StopOrder,
  TrailingStopOrder,
} from "../../../src/engine/orders/execution-styles";
import type { RunSettings } from "../../../src/engine/settings";
import type { FillModelName } from "../../../src/engine/matching/fill-model";
import { bars, type Row } from "../helpers/bars";
import { fillsOf, idAt, orderOf, run, trail, type Step } from "../helpers/run";

/** Bar 0 is flat at 100 (the order is placed there); bar 1.. are the rows under test. */
function one(rows: Row[], place: Step, fillModel: FillModelName = "ohlc") {
  const bt = run(bars("A", [[100, 100, 100, 100], ...rows]), { 0: place }, { settings: { fillModel } });
  return { bt, id: idAt(bt, 0) };
}
/** 10% of a bar's volume may fill, at the model price. */
const capped: Partial<RunSettings> = {
  slippage: { model: "FixedBasisPointsSlippage", basisPoints: 0, volumeLimit: 0.1 },
};
/** Order `n` shares of A (negative: sell) with an optional style. */
const buy =
  (n: number, style?: ConstructorParameters<typeof OCOOrder>[0]): Step =>
  (b) =>
    b.order(b.symbol("A"), n, style ? { style } : {});

describe("ohlc fill model: market orders", () => {
  it("a market order fills at the next bar's open", () => {
    const { bt, id } = one([[102, 105, 101, 104]], buy(10));
    expect(fillsOf(bt, id)).toEqual([[1, 10, 102]]);
  });
  it("an order placed on bar t never fills on bar t", () => {
    const bt = run(
      bars("A", [
        [100, 101, 99, 100],
        [100, 101, 99, 100],
      ]),
      {
        1: (b) => {
          b.order(b.symbol("A"), 10);
        },
      },
    );
    expect(bt.broker.fills).toEqual([]);
    expect([...bt.broker.orders.values()][0]!.status).toBe("OPEN");
  });
});

describe("ohlc fill model: limits", () => {
  it("a buy limit gapped through fills at the better open", () => {
    const { bt, id } = one([[98, 99.5, 97, 99]], buy(10, new LimitOrder(99)));
    expect(fillsOf(bt, id)).toEqual([[1, 10, 98]]);
  });
  it("a buy limit touched exactly by the low fills at the limit", () => {
    const { bt, id } = one([[100, 101, 99, 100]], buy(10, new LimitOrder(99)));
    expect(fillsOf(bt, id)).toEqual([[1, 10, 99]]);
  });
  it("a buy limit a cent under the low does not fill", () => {
    const { bt, id } = one([[100, 101, 99.01, 100]], buy(10, new LimitOrder(99)));
    expect(fillsOf(bt, id)).toEqual([]);
    expect(orderOf(bt, id).status).toBe("OPEN");
  });
  it("a sell limit gapped through fills at the better open", () => {
    const { bt, id } = one([[103, 104, 102.5, 103]], buy(-10, new LimitOrder(102)));
    expect(fillsOf(bt, id)).toEqual([[1, -10, 103]]);
  });
  it("a sell limit touched exactly by the high fills at the limit", () => {
    const { bt, id } = one([[100, 102, 99, 101]], buy(-10, new LimitOrder(102)));
    expect(fillsOf(bt, id)).toEqual([[1, -10, 102]]);
  });
});

describe("ohlc fill model: stops", () => {
  it("a sell stop gapped through fills at the worse open", () => {
    const { bt, id } = one([[94, 96, 93, 95]], buy(-10, new StopOrder(95)));
    expect(fillsOf(bt, id)).toEqual([[1, -10, 94]]);
  });
  it("a sell stop touched by the low fills at the stop", () => {
    const { bt, id } = one([[100, 101, 95, 97]], buy(-10, new StopOrder(95)));
    expect(fillsOf(bt, id)).toEqual([[1, -10, 95]]);
  });
  it("a buy stop gapped through fills at the worse open", () => {
    const { bt, id } = one([[106, 107, 105.5, 106]], buy(10, new StopOrder(105)));
    expect(fillsOf(bt, id)).toEqual([[1, 10, 106]]);
  });
  it("a buy stop touched by the high fills at the stop", () => {
    const { bt, id } = one([[100, 105, 99, 104]], buy(10, new StopOrder(105)));
    expect(fillsOf(bt, id)).toEqual([[1, 10, 105]]);
  });
  it("a buy stop the high misses by a cent does not fill", () => {
    const { bt, id } = one([[100, 104.99, 99, 104]], buy(10, new StopOrder(105)));
    expect(fillsOf(bt, id)).toEqual([]);
  });
  it("a sell stop that filled in part sells the rest at the next bar's open, as a market order", () => {
    // 10% of 1,000 shares may fill per bar. Bar 1 touches the stop 95: 100 of 250 fill there. Bar 2
    // opens at 99, above the stop, and never reaches it again: the stop was hit, so the rest is a
    // market order (zipline's stop_reached): 100 at the open 99, then the last 50 at bar 3's open 101.
    const bt = run(
      bars("A", [
        [100, 100, 100, 100, 1000],
        [100, 100, 94, 95, 1000],
        [99, 101, 98, 100, 1000],
        [101, 102, 100, 101, 1000],
      ]),
      { 0: buy(-250, new StopOrder(95)) },
      { settings: capped },
    );
    expect(fillsOf(bt, idAt(bt, 0))).toEqual([
      [1, -100, 95],
      [2, -100, 99],
      [3, -50, 101],
    ]);
  });
  it("a trailing stop that filled in part sells the rest at the open and its level stays where it was hit", () => {
    // trail $2 from the close 100: level 98. Bar 1 touches it: 100 of 250 at 98. Bar 2 opens at 99
    // and rallies to 105: the rest is a market order (100 at 99, 50 at bar 3's open 104), and the
    // level no longer trails the new highs.
    const bt = run(
      bars("A", [
        [100, 100, 100, 100, 1000],
        [100, 100, 97, 97.5, 1000],
        [99, 105, 99, 104, 1000],
        [104, 106, 103, 105, 1000],
      ]),
      { 0: buy(-250, new TrailingStopOrder({ trailAmount: 2 })) },
      { settings: capped },
    );
    const id = idAt(bt, 0);
    expect(fillsOf(bt, id)).toEqual([
      [1, -100, 98],
      [2, -100, 99],
      [3, -50, 104],
    ]);
    expect(orderOf(bt, id).stop).toBe(98);
  });
});

describe("ohlc fill model: the path open → nearer extreme → other extreme → close", () => {
  // An OCO of a sell limit at 103 and a sell stop at 97: whichever the path reaches first fills.
  const oco: Step = (b) => b.order(b.symbol("A"), -10, { style: new OCOOrder(new LimitOrder(103), new StopOrder(97)) });
  const firstFill = (row: Row) => {
    const { bt } = one([row], oco);
    return bt.broker.fills.map((f) => f.price);
  };
  it("goes to the high first when the high is nearer the open", () => {
    // open 100: high 3.5 away, low 4 away → 100 → 103.5 (limit 103) → 96 → 99
    expect(firstFill([100, 103.5, 96, 99])).toEqual([103]);
  });
  it("goes to the low first when the low is nearer the open", () => {
    // open 100: low 3.5 away, high 4 away → 100 → 96.5 (stop 97) → 104 → 101
    expect(firstFill([100, 104, 96.5, 101])).toEqual([97]);
  });
  it("goes to the low first when both extremes are equally near", () => {
    expect(firstFill([100, 104, 96, 100])).toEqual([97]);
  });
});

describe("ohlc fill model: stop-limit", () => {
  it("a stop-limit whose trigger price satisfies the limit fills there at once", () => {
    // sell, stop 95, limit 94: path 100 → 101 → 93 → 96 crosses 95; 95 ≥ 94 → fills at 95
    const { bt, id } = one([[100, 101, 93, 96]], buy(-10, new StopLimitOrder(94, 95)));
    expect(fillsOf(bt, id)).toEqual([[1, -10, 95]]);
    expect(trail(bt, id)).toEqual(["OrderAccepted@0", "OrderTriggered@1", "OrderFilled@1"]);
  });
  it("a gapped stop-limit becomes a limit and fills later on the same bar's path", () => {
    // open 93 ≤ stop 95 triggers at 93 < limit 94; path 93 → 92 → 96 → 95 reaches 94 on the way up
    const { bt, id } = one([[93, 96, 92, 95]], buy(-10, new StopLimitOrder(94, 95)));
    expect(fillsOf(bt, id)).toEqual([[1, -10, 94]]);
    expect(trail(bt, id)).toEqual(["OrderAccepted@0", "OrderTriggered@1", "OrderFilled@1"]);
  });
  it("a triggered stop-limit whose limit is not reached stays TRIGGERED to a later bar", () => {
    // bar 1 triggers at the open 93 and never gets back to 94; bar 2 opens at 95 ≥ 94: fills at the open
    const { bt, id } = one(
      [
        [93, 93.5, 92, 93],
        [95, 96, 94.5, 95],
      ],
      buy(-10, new StopLimitOrder(94, 95)),
    );
    expect(fillsOf(bt, id)).toEqual([[2, -10, 95]]);
    expect(trail(bt, id)).toEqual(["OrderAccepted@0", "OrderTriggered@1", "OrderFilled@2"]);
  });
  it("a buy stop-limit mirrors: triggered by the high, then a buy limit", () => {
    // buy stop 105 limit 106: open 107 ≥ 105 triggers at 107 > 106; path 107 → 108 → 104 crosses 106 on the way down
    const { bt, id } = one([[107, 108, 104, 105]], buy(10, new StopLimitOrder(106, 105)));
    expect(fillsOf(bt, id)).toEqual([[1, 10, 106]]);
  });
  it("an untouched stop-limit stays OPEN", () => {
    const { bt, id } = one([[100, 101, 95.01, 96]], buy(-10, new StopLimitOrder(94, 95)));
    expect(orderOf(bt, id).status).toBe("OPEN");
  });
});

describe("close fill model", () => {
  it("a market order fills at the next bar's close", () => {
    const { bt, id } = one([[102, 105, 101, 104]], buy(10), "close");
    expect(fillsOf(bt, id)).toEqual([[1, 10, 104]]);
  });
  it("a buy limit is checked against the close only", () => {
    // the low 97 passes the limit but the close 100 does not; bar 2 closes at 98.5 ≤ 99
    const { bt, id } = one(
      [
        [100, 101, 97, 100],
        [100, 100, 98, 98.5],
      ],
      buy(10, new LimitOrder(99)),
      "close",
    );
    expect(fillsOf(bt, id)).toEqual([[2, 10, 98.5]]);
  });
  it("a sell stop is checked against the close only and fills at the close", () => {
    const { bt, id } = one(
      [
        [100, 101, 90, 96],
        [96, 97, 93, 94],
      ],
      buy(-10, new StopOrder(95)),
      "close",
    );
    expect(fillsOf(bt, id)).toEqual([[2, -10, 94]]);
  });
  it("a stop-limit triggered at a close below its limit waits for a close at or above it", () => {
    const { bt, id } = one(
      [
        [96, 96, 92, 93],
        [93, 95, 93, 94],
      ],
      buy(-10, new StopLimitOrder(94, 95)),
      "close",
    );
    expect(fillsOf(bt, id)).toEqual([[2, -10, 94]]);
    expect(trail(bt, id)).toEqual(["OrderAccepted@0", "OrderTriggered@1", "OrderFilled@2"]);
  });
  it("a stop-limit whose trigger close satisfies its limit fills at that close", () => {
    const { bt, id } = one([[96, 96, 92, 94.5]], buy(-10, new StopLimitOrder(94, 95)), "close");
    expect(fillsOf(bt, id)).toEqual([[1, -10, 94.5]]);
  });
});
