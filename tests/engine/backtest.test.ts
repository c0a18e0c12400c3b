import { describe, expect, it } from "vitest";
import { Backtest } from "../../src/engine/backtest";
import { LimitOrder } from "../../src/engine/orders/execution-styles";
import { TradingAlgorithm } from "../../src/engine/api/trading-algorithm";
import { runStrategy } from "../../src/runtime/run-strategy";
import { bars, flat, type Row } from "./helpers/bars";
import { fillsOf, idAt, results, run, TEST_SETTINGS, type TestRun } from "./helpers/run";

const rows: Row[] = [
  [100, 102, 99, 101],
  [103, 106, 102, 105],
  [104, 108, 101, 107],
];

describe("the bar loop", () => {
  it("handleData sees bars up to and including the current one, never later", () => {
    const seen: string[] = [];
    run(bars("A", rows), (b, _c, d) => {
      const a = b.symbol("A");
      seen.push(`${d.current(a, "close")}|${d.history(a, "close", 10).toArray().join(",")}`);
    });
    expect(seen).toEqual(["101|101", "105|101,105", "107|101,105,107"]);
  });
  it("a market order fills at the next bar's open under ohlc and its close under close", () => {
    const place = { 0: (b: TestRun) => b.order(b.symbol("A"), 10) };
    expect(fillsOf(run(bars("A", rows), place), "o1")).toEqual([[1, 10, 103]]);
    expect(fillsOf(run(bars("A", rows), place, { settings: { fillModel: "close" } }), "o1")).toEqual([[1, 10, 105]]);
  });
  it("an order for a symbol without a bar at t waits for that symbol's next bar", () => {
    // B trades on Jan 1 and Jan 3 only: a market order placed on Jan 1 fills at B's Jan 3 open
    const a = bars("A", flat(100, 3));
    const b2 = bars(
      "B",
      [
        [50, 50, 50, 50],
        [52, 53, 51, 52],
      ],
      undefined,
      { dates: ["2024-01-01", "2024-01-03"] },
    );
    const bt = run([a, b2], { 0: (b) => b.order(b.symbol("B"), 10) });
    expect(fillsOf(bt, idAt(bt, 0))).toEqual([[2, 10, 52]]);
  });
  it("marks positions at each bar's close, and at the last known close when a symbol has no bar", () => {
    // hold 10 B bought at 50 on bar 1; bar 2 has no B bar (equity uses B's close 51 of bar 1); bar 3 closes 55
    const a = bars("A", flat(100, 4));
    const b2 = bars(
      "B",
      [
        [50, 50, 50, 50],
        [50, 52, 49, 51],
        [54, 56, 53, 55],
      ],
      undefined,
      { dates: ["2024-01-01", "2024-01-02", "2024-01-04"] },
    );
    const bt = run([a, b2], { 0: (b) => b.order(b.symbol("B"), 10) }, { settings: { cash: 1_000 } });
    // cash 1,000 − 500 = 500 from bar 1 on
    expect(Array.from(bt.equityValue)).toEqual([1_000, 500 + 510, 500 + 510, 500 + 550]);
    expect(Array.from(bt.equityCash)).toEqual([1_000, 500, 500, 500]);
    expect(Array.from(bt.inMarket)).toEqual([0, 1, 1, 1]);
  });
  it("expires before marking, and hands the bar's events to the listener in one batch", () => {
    const batches: Array<[number, string[]]> = [];
    class S extends TradingAlgorithm {
      override handleData() {
        if (bt.clock.t === 0) this.order(this.symbol("A"), 10, { style: new LimitOrder(90), tif: "DAY" });
      }
    }
    const bt: Backtest = new Backtest([bars("A", rows)], TEST_SETTINGS, new S(), {
      onBar: (t, events) => batches.push([t, [...events].map((e) => (e.type === "order" ? e.event : e.type))]),
    });
    bt.run();
    expect(batches).toEqual([
      [0, ["OrderAccepted"]],
      [1, ["OrderExpired"]],
      [2, []],
    ]);
  });
  it("takes handleData and beforeTradingStart from the strategy once, after initialize", () => {
    const calls: string[] = [];
    class S extends TradingAlgorithm {
      override initialize() {
        // set in initialize: this is the handleData the run calls
        this.handleData = () => {
          calls.push(`set in initialize@${bt.clock.t}`);
          // replaced during the run: the run keeps the one it started with
          this.handleData = () => void calls.push("replaced");
          this.beforeTradingStart = () => void calls.push("added later");
        };
      }
    }
    const bt: Backtest = new Backtest([bars("A", rows)], TEST_SETTINGS, new S());
    bt.run();
    expect(calls).toEqual(["set in initialize@0", "set in initialize@1", "set in initialize@2"]);
  });
  it("a handleData that is not a function stops the run at the first bar, naming the hook", () => {
    class S extends TradingAlgorithm {
      override initialize() {
        (this as { handleData: unknown }).handleData = 42;
      }
    }
    const bt = new Backtest([bars("A", rows)], TEST_SETTINGS, new S());
    expect(() => bt.run()).toThrow(
      expect.objectContaining({
        hook: "handleData",
        barIndex: 0,
        message: "handleData must be a method of the strategy, got number",
      }),
    );
    expect(bt.barsDone).toBe(0);
  });
  it("a strategy given as TypeScript source runs through the runtime", () => {
    const source = `
      import { TradingAlgorithm, order } from "playground";
      export default class Buy extends TradingAlgorithm {
        initialize(context) { context.a = this.symbol("A"); }
        handleData(context, data) { if (context.barIndex === 0) order(context.a, 10); }
      }`;
    const { results: r } = runStrategy({
      source,
      fileName: "buy.ts",
      bars: [bars("A", rows)],
      settings: TEST_SETTINGS,
    });
    expect(r.fills).toEqual([
      {
        orderId: "o1",
        symbol: "A",
        dt: "2024-01-02T00:00:00.000Z",
        amount: 10,
        price: 103,
        commission: 0,
        reason: "signal",
      },
    ]);
    expect(r.summary.endingValue).toBe(100_000 + 10 * (107 - 103));
  });
});

describe("determinism", () => {
  const strategy = {
    0: (b: TestRun) => b.order(b.symbol("A"), 10),
    1: (b: TestRun) => b.order(b.symbol("A"), -4, { style: new LimitOrder(106) }),
  };
  it("two runs of the same strategy and data give the same fills hash", () => {
    const h1 = results(run(bars("A", rows), strategy, { settings: { slippage: undefined, commission: undefined } })).run
      .fillsHash;
    const h2 = results(run(bars("A", rows), strategy, { settings: { slippage: undefined, commission: undefined } })).run
      .fillsHash;
    expect(h1).toMatch(/^[0-9a-f]{16}$/);
    expect(h1).toBe(h2);
  });
  it("different fills give a different hash", () => {
    const h1 = results(run(bars("A", rows), strategy)).run.fillsHash;
    const h2 = results(run(bars("A", rows), strategy, { settings: { fillModel: "close" } })).run.fillsHash;
    const h3 = results(run(bars("A", rows), strategy, { settings: { slippage: undefined } })).run.fillsHash;
    expect(new Set([h1, h2, h3]).size).toBe(3);
  });
});
