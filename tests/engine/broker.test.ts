import { describe, expect, it } from "vitest";
import type { Asset } from "../../src/engine/data/asset";
import { LimitOrder, StopLimitOrder, StopOrder, TrailingStopOrder } from "../../src/engine/orders/execution-styles";
import { StrategyError } from "../../src/engine/strategy-error";
import { bars, flat } from "./helpers/bars";
import { idAt, orderOf, ordersAt, run, trail, type Step } from "./helpers/run";

const attempt = (step: Step) => {
  let caught: unknown = null;
  run([bars("A", flat(100, 2)), bars("B", flat(50, 2))], {
    0: (b, c, d, t) => {
      try {
        step(b, c, d, t);
      } catch (e) {
        caught = e;
      }
    },
  });
  return caught as Error | null;
};

describe("order()", () => {
  it("returns an id for an accepted order and for a rejected one", () => {
    const bt = run(
      bars("A", flat(100, 2)),
      { 0: (b) => [b.order(b.symbol("A"), 10), b.order(b.symbol("A"), 10_000)] },
      { settings: { cash: 10_000 } },
    );
    const [ok, rejected] = ordersAt(bt, 0);
    expect(ok!.status).toBe("FILLED");
    expect(rejected!.status).toBe("REJECTED");
    expect(rejected!.id).toMatch(/^o\d+$/);
  });
  it("returns null for an amount of 0 and places nothing", () => {
    const bt = run(bars("A", flat(100, 2)), { 0: (b) => b.order(b.symbol("A"), 0) });
    expect(idAt(bt, 0)).toBeNull();
    expect(bt.broker.orders.size).toBe(0);
  });
  for (const [name, amount] of [
    ["NaN", NaN],
    ["Infinity", Infinity],
    ["a fraction", 1.5],
  ] as const) {
    it(`throws a StrategyError for ${name} shares`, () => {
      const e = attempt((b) => b.order(b.symbol("A"), amount));
      expect(e).toBeInstanceOf(StrategyError);
      expect(e!.message).toMatch(/order amount must be/);
    });
  }
  it("throws for an unknown symbol, listing the loaded symbols", () => {
    const e = attempt((b) => b.symbol("ZZZ"));
    expect(e).toBeInstanceOf(StrategyError);
    expect(e!.message).toBe('unknown symbol "ZZZ": the loaded data has A, B');
  });
  it("throws a StrategyError, not a TypeError, for a ticker string instead of an Asset", () => {
    const e = attempt((b) => b.order("A" as unknown as Asset, 10));
    expect(e).toBeInstanceOf(StrategyError);
    expect(e!.message).toMatch(/this\.symbol/);
  });
  for (const [name, make] of [
    ["a limit of 0", () => new LimitOrder(0)],
    ["a NaN stop", () => new StopOrder(NaN)],
    ["an infinite stop-limit", () => new StopLimitOrder(Infinity, 10)],
    ["a negative trail amount", () => new TrailingStopOrder({ trailAmount: -1 })],
    ["a trail percent of 1", () => new TrailingStopOrder({ trailPercent: 1 })],
  ] as const) {
    it(`throws a StrategyError for ${name}`, () => {
      expect(make).toThrow(StrategyError);
    });
  }
  it("reasons start with a code and a colon", () => {
    const bt = run(
      bars("A", flat(100, 3)),
      {
        0: (b) => [b.order(b.symbol("A"), -5), b.order(b.symbol("A"), 5, { style: new LimitOrder(50) })],
        1: (b) => b.cancelOrder(b.getOrder(ordersAt(b, 0)[1]!.id)!),
      },
      { init: (b) => b.setLongOnly() },
    );
    const [rejected, cancelled] = ordersAt(bt, 0);
    expect(rejected!.reason).toMatch(/^LONG_ONLY: \S/);
    expect(cancelled!.reason).toMatch(/^USER: \S/);
  });
  it("rounds limit and stop prices to the tick at placement", () => {
    const bt = run(bars("A", flat(100, 2)), {
      0: (b) => [
        b.order(b.symbol("A"), 1, { style: new LimitOrder(99.996) }), // buy limit: down → 99.99
        b.order(b.symbol("A"), -1, { style: new LimitOrder(100.004) }), // sell limit: up → 100.01
        b.order(b.symbol("A"), 1, { style: new StopOrder(100.001) }), // buy stop: up → 100.01
        b.order(b.symbol("A"), -1, { style: new StopOrder(99.999) }), // sell stop: down → 99.99
      ],
    });
    expect(ordersAt(bt, 0).map((o) => o.limit ?? o.stop)).toEqual([99.99, 100.01, 100.01, 99.99]);
  });
});

describe("cancelOrder()", () => {
  it("a cancel during handleData means no fill on the next bar", () => {
    // the buy limit 95 would fill on bar 2 (low 90); cancelled on bar 1, it never does
    const rows = [...flat(100, 2), [100, 100, 90, 95] as const];
    const bt = run(bars("A", rows), {
      0: (b) => b.order(b.symbol("A"), 10, { style: new LimitOrder(95) }),
      1: (b) => b.cancelOrder(idAt(b, 0)!),
    });
    expect(bt.broker.fills).toEqual([]);
    expect(trail(bt, idAt(bt, 0))).toEqual(["OrderAccepted@0", "OrderCancelled@1"]);
  });
  it("cancelling a finished order does nothing", () => {
    const bt = run(bars("A", flat(100, 3)), {
      0: (b) => b.order(b.symbol("A"), 10),
      2: (b) => b.cancelOrder(idAt(b, 0)!),
    });
    expect(orderOf(bt, idAt(bt, 0)).status).toBe("FILLED");
  });
  it("throws a StrategyError for an unknown id", () => {
    const e = attempt((b) => b.cancelOrder("o999"));
    expect(e).toBeInstanceOf(StrategyError);
  });
});

describe("getOpenOrders()", () => {
  it("lists open orders for one asset, or all by asset", () => {
    const bt = run([bars("A", flat(100, 2)), bars("B", flat(50, 2))], (b, _c, _d, t) => {
      if (t !== 0) return undefined;
      b.order(b.symbol("A"), 1, { style: new LimitOrder(90) });
      b.order(b.symbol("B"), 1, { style: new LimitOrder(40) });
      const all = b.getOpenOrders();
      return [b.getOpenOrders(b.symbol("A")).length, all.size, all.get(b.symbol("B"))!.length].join(",");
    });
    expect(idAt(bt, 0)).toBe("1,2,1");
  });
});
