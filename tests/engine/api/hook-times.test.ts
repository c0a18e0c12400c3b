import { describe, expect, it } from "vitest";
import { bars, flat } from "../helpers/bars";
import { idAt, orderOf, run, type TestRun } from "../helpers/run";
import { LimitOrder } from "../../../src/engine/orders/execution-styles";
import { PerTrade } from "../../../src/engine/matching/commission";
import { NoSlippage } from "../../../src/engine/matching/slippage";
import { buildResults } from "../../../src/engine/results/results";

/** What a call throws, or null. */
function thrown(f: () => unknown): string | null {
  try {
    f();
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

describe("orders are placed while bars run, as in zipline", () => {
  const orderCalls: Array<[string, (b: TestRun) => unknown]> = [
    ["order", (b) => b.order(b.symbol("SPY"), 10)],
    ["orderValue", (b) => b.orderValue(b.symbol("SPY"), 1_000)],
    ["orderPercent", (b) => b.orderPercent(b.symbol("SPY"), 0.1)],
    ["orderTarget", (b) => b.orderTarget(b.symbol("SPY"), 10)],
    ["orderTargetValue", (b) => b.orderTargetValue(b.symbol("SPY"), 1_000)],
    ["orderTargetPercent", (b) => b.orderTargetPercent(b.symbol("SPY"), 0.1)],
  ];

  for (const [name, call] of orderCalls) {
    it(`${name} in initialize stops the run with a StrategyError, as zipline's OrderDuringInitialize (no bar seen yet)`, () => {
      const message = thrown(() => run(bars("SPY", flat(100, 3)), {}, { init: (b) => call(b) }));
      expect(message).toBe(
        `${name}() cannot be called in initialize, before the first bar: place orders from handleData, beforeTradingStart or a scheduled function`,
      );
    });
  }

  it("an order in analyze is a StrategyError: after the last bar it could never fill", () => {
    const bt = run(bars("SPY", flat(100, 3)), { 0: (b) => b.order(b.symbol("SPY"), 10) });
    bt.algo.analyze = () => void bt.order(bt.symbol("SPY"), 5);
    const message = thrown(() => bt.callAnalyze(buildResults(bt, { strategy: "S", elapsedMs: 0 })));
    expect(message).toContain("order() cannot be called in analyze, after the last bar");
    expect(bt.broker.orders.size).toBe(1);
  });

  it("cancelOrder in analyze still works: it places nothing", () => {
    // a buy limit at 50 never fills on bars at 100: still OPEN when analyze cancels it
    const bt = run(bars("SPY", flat(100, 3)), {
      0: (b) => b.order(b.symbol("SPY"), 10, { style: new LimitOrder(50) }),
    });
    const id = idAt(bt, 0)!;
    bt.algo.analyze = () => bt.cancelOrder(id);
    expect(thrown(() => bt.callAnalyze(buildResults(bt, { strategy: "S", elapsedMs: 0 })))).toBeNull();
    expect(orderOf(bt, id).status).toBe("CANCELLED");
  });
});

describe("settings and trading controls belong to initialize, as in zipline", () => {
  const settingCalls: Array<[string, (b: TestRun) => unknown]> = [
    ["setCommission", (b) => b.setCommission(new PerTrade({ cost: 1 }))],
    ["setSlippage", (b) => b.setSlippage(new NoSlippage())],
    ["setMaxPositionSize", (b) => b.setMaxPositionSize({ maxShares: 10 })],
    ["setMaxOrderSize", (b) => b.setMaxOrderSize({ maxShares: 10 })],
    ["setLongOnly", (b) => b.setLongOnly()],
    ["setMaxLeverage", (b) => b.setMaxLeverage(2)],
    ["setCash", (b) => b.setCash(50_000)],
    ["setBenchmark", (b) => b.setBenchmark(b.symbol("SPY"))],
  ];

  for (const [name, call] of settingCalls) {
    it(`${name} in handleData stops the run with a StrategyError`, () => {
      const message = thrown(() => run(bars("SPY", flat(100, 3)), { 1: (b) => void call(b) }));
      expect(message).toBe(`${name} works only inside initialize`);
    });

    it(`${name} in initialize is accepted`, () => {
      expect(thrown(() => run(bars("SPY", flat(100, 3)), {}, { init: (b) => void call(b) }))).toBeNull();
    });
  }
});
