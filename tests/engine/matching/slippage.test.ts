import { describe, expect, it } from "vitest";
import { LimitOrder } from "../../../src/engine/orders/execution-styles";
import type { RunSettings } from "../../../src/engine/settings";
import {
  FixedBasisPointsSlippage,
  FixedSlippage,
  NoSlippage,
  VolumeShareSlippage,
} from "../../../src/engine/matching/slippage";
import { bars, flat, type Row } from "../helpers/bars";
import { fillsOf, idAt, orderOf, ordersAt, run, trail, type Step } from "../helpers/run";

const defaults: Partial<RunSettings> = { slippage: undefined };
const rows = (bar1: Row): Row[] => [[100, 100, 100, 100], bar1];
const buy =
  (n: number, style?: LimitOrder): Step =>
  (b) =>
    b.order(b.symbol("A"), n, style ? { style } : {});

describe("FixedBasisPointsSlippage (the default)", () => {
  it("moves a buy 5 bp above the model price", () => {
    const bt = run(bars("A", rows([100, 101, 99, 100])), { 0: buy(10) }, { settings: defaults });
    expect(fillsOf(bt, idAt(bt, 0))).toEqual([[1, 10, 100 * 1.0005]]); // 100.05
  });
  it("moves a sell 5 bp below the model price", () => {
    const bt = run(bars("A", rows([100, 101, 99, 100])), { 0: buy(-10) }, { settings: defaults });
    expect(fillsOf(bt, idAt(bt, 0))).toEqual([[1, -10, 100 * 0.9995]]); // 99.95
  });
  it("fills at most 10% of each bar's volume, the rest over later bars", () => {
    // volume 1,000 → 100 shares per bar: 250 = 100 + 100 + 50
    const bt = run(
      bars("A", flat(100, 4, 1000)),
      { 0: buy(250) },
      { settings: { slippage: { model: "FixedBasisPointsSlippage", basisPoints: 0 } } },
    );
    const id = idAt(bt, 0);
    expect(fillsOf(bt, id)).toEqual([
      [1, 100, 100],
      [2, 100, 100],
      [3, 50, 100],
    ]);
    expect(trail(bt, id)).toEqual([
      "OrderAccepted@0",
      "OrderPartiallyFilled@1",
      "OrderPartiallyFilled@2",
      "OrderFilled@3",
    ]);
  });
  it("never lets a buy limit fill above its limit (rustybt would fill at 100.05)", () => {
    // path 101 → 101 → 99: touches 100; 100 × 1.0005 = 100.05 is clamped back to 100
    const bt = run(bars("A", rows([101, 101, 99, 100])), { 0: buy(10, new LimitOrder(100)) }, { settings: defaults });
    expect(fillsOf(bt, idAt(bt, 0))).toEqual([[1, 10, 100]]);
  });
});

describe("VolumeShareSlippage", () => {
  const vs: Partial<RunSettings> = { slippage: { model: "VolumeShareSlippage" } };
  it("caps all orders of the symbol together, first come first served, with impact price × 0.1 × share²", () => {
    // volume 2,000 × 0.025 = 50 shares on bar 1: the first order takes 40, the second 10; bar 2 the second's last 30
    const bt = run(
      bars("A", [
        [100, 100, 100, 100],
        [100, 101, 99, 100, 2000],
        [100, 101, 99, 100, 2000],
      ]),
      {
        0: (b) => [b.order(b.symbol("A"), 40), b.order(b.symbol("A"), 40)],
      },
      { settings: vs },
    );
    const [first, second] = ordersAt(bt, 0).map((o) => o.id);
    expect(fillsOf(bt, first!)).toEqual([[1, 40, 100 + 100 * 0.1 * (40 / 2000) ** 2]]); // 100.004
    expect(fillsOf(bt, second!)).toEqual([
      [1, 10, 100 + 100 * 0.1 * (10 / 2000) ** 2], // 100.00025
      [2, 30, 100 + 100 * 0.1 * (30 / 2000) ** 2], // 100.00225
    ]);
    expect(orderOf(bt, second!).status).toBe("FILLED");
  });
  it("rounds the cap down to whole shares", () => {
    // 2,039 × 0.025 = 50.975 → 50
    const bt = run(
      bars("A", [
        [100, 100, 100, 100],
        [100, 101, 99, 100, 2039],
      ]),
      { 0: buy(60) },
      { settings: vs },
    );
    expect(orderOf(bt, idAt(bt, 0)).filled).toBe(50);
    expect(orderOf(bt, idAt(bt, 0)).status).toBe("PARTIALLY_FILLED");
  });
  it("reads a cap that floats write just under a whole number as that number", () => {
    // 0.57 × 100 = 57 shares (in binary floats 56.99999999999999, which rounded down is 56)
    const bt = run(
      bars("A", [
        [100, 100, 100, 100],
        [100, 100, 100, 100, 100],
      ]),
      { 0: buy(80) },
      { settings: { slippage: { model: "VolumeShareSlippage", volumeLimit: 0.57, priceImpact: 0 } } },
    );
    expect(orderOf(bt, idAt(bt, 0)).filled).toBe(57);
  });
  it("moves a sell down by the same impact", () => {
    expect(new VolumeShareSlippage().slip(100, -40, 2000)).toBe(100 - 100 * 0.1 * 0.02 ** 2);
  });
});

describe("FixedSlippage and NoSlippage", () => {
  it("FixedSlippage moves the price by half the spread against the order, with no volume cap", () => {
    const bt = run(
      bars("A", [
        [100, 100, 100, 100, 10],
        [100, 101, 99, 100, 10],
      ]),
      { 0: (b) => [b.order(b.symbol("A"), 500), b.order(b.symbol("A"), -300)] },
      { settings: { slippage: { model: "FixedSlippage", spread: 0.2 } } },
    );
    const [buyId, sellId] = ordersAt(bt, 0).map((o) => o.id);
    expect(fillsOf(bt, buyId!)).toEqual([[1, 500, 100.1]]);
    expect(fillsOf(bt, sellId!)).toEqual([[1, -300, 99.9]]);
  });
  it("NoSlippage fills at the model price with no cap", () => {
    const bt = run(
      bars("A", [
        [100, 100, 100, 100, 10],
        [100, 101, 99, 100, 10],
      ]),
      { 0: buy(1000) },
    );
    expect(fillsOf(bt, idAt(bt, 0))).toEqual([[1, 1000, 100]]);
    expect(new NoSlippage().slip(123.45)).toBe(123.45);
  });
  it("a fill price never leaves the bar's range because of slippage", () => {
    // spread 2: a buy at 100 would pay 101 but the high is 100.5; a sell would get 99 but the low is 99.5
    const bt = run(
      bars("A", rows([100, 100.5, 99.5, 100])),
      { 0: (b) => [b.order(b.symbol("A"), 10), b.order(b.symbol("A"), -10)] },
      { settings: { slippage: { model: "FixedSlippage", spread: 2 } } },
    );
    const [buyId, sellId] = ordersAt(bt, 0).map((o) => o.id);
    expect(fillsOf(bt, buyId!)).toEqual([[1, 10, 100.5]]);
    expect(fillsOf(bt, sellId!)).toEqual([[1, -10, 99.5]]);
  });
  it("a sell limit never fills below its limit", () => {
    // path 99 → 99 → 101 touches 100; 100 − 0.5 is clamped back to 100
    const bt = run(
      bars("A", rows([99, 101, 99, 100])),
      { 0: buy(-10, new LimitOrder(100)) },
      { settings: { slippage: { model: "FixedSlippage", spread: 1 } } },
    );
    expect(fillsOf(bt, idAt(bt, 0))).toEqual([[1, -10, 100]]);
  });
});

describe("model parameters", () => {
  it("rejects nonsense parameters with a StrategyError", () => {
    expect(() => new FixedBasisPointsSlippage({ volumeLimit: 0 })).toThrow(/volumeLimit/);
    expect(() => new FixedBasisPointsSlippage({ basisPoints: -1 })).toThrow(/basisPoints/);
    expect(() => new VolumeShareSlippage({ priceImpact: NaN })).toThrow(/priceImpact/);
    expect(() => new FixedSlippage({ spread: -0.1 })).toThrow(/spread/);
  });
  it("the funds estimate factor is 1 + bp / 10,000 under fixed bp and 1 otherwise", () => {
    expect(new FixedBasisPointsSlippage({ basisPoints: 5 }).estimateFactor).toBe(1.0005);
    expect(new VolumeShareSlippage().estimateFactor).toBe(1);
  });
});
