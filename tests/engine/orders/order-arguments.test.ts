import { describe, expect, it } from "vitest";
import type { Asset } from "../../../src/engine/data/asset";
import { LimitOrder, StopOrder, TrailingStopOrder } from "../../../src/engine/orders/execution-styles";
import { StrategyError } from "../../../src/engine/strategy-error";
import { bars, flat } from "../helpers/bars";
import { fillsOf, idAt, orderOf, run, type Step } from "../helpers/run";

/** Run `step` on bar 0 of two flat $100 bars; what it threw (or null). */
const attempt = (step: Step): unknown => {
  let caught: unknown = null;
  run(bars("A", flat(100, 2)), {
    0: (b, c, d, t) => {
      try {
        step(b, c, d, t);
      } catch (e) {
        caught = e;
      }
    },
  });
  return caught;
};
const forged = (x: unknown) => x as LimitOrder;

describe("order() checks what enters, whatever its type", () => {
  const amounts: Array<[string, unknown]> = [
    ["a string", "10"],
    ["a symbol", Symbol("x")],
    ["an object without a prototype", Object.create(null)],
    ["a bigint", 10n],
    ["null", null],
    ["-Infinity", -Infinity],
    ["a huge string", "9".repeat(1_000_000)],
  ];
  for (const [name, amount] of amounts) {
    it(`throws a StrategyError, not a TypeError, for ${name} as the amount`, () => {
      const e = attempt((b) => b.order(b.symbol("A"), amount as number));
      expect(e).toBeInstanceOf(StrategyError);
      expect((e as Error).message).toMatch(/^order amount must be a finite number of shares, got /);
      expect((e as Error).message.length).toBeLessThan(200);
    });
  }

  const hostile: Array<[string, unknown]> = [
    ["an object without a prototype", Object.create(null)],
    [
      "an object whose toString throws",
      {
        toString: () => {
          throw new Error("no");
        },
      },
    ],
    ["a symbol", Symbol("x")],
  ];
  const sizers: Array<[string, (b: Parameters<Step>[0], x: number) => unknown]> = [
    ["orderValue value", (b, x) => b.orderValue(b.symbol("A"), x)],
    ["orderTargetValue value", (b, x) => b.orderTargetValue(b.symbol("A"), x)],
    ["orderPercent percent", (b, x) => b.orderPercent(b.symbol("A"), x)],
    ["orderTarget shares", (b, x) => b.orderTarget(b.symbol("A"), x)],
    ["orderTargetPercent percent", (b, x) => b.orderTargetPercent(b.symbol("A"), x)],
  ];
  for (const [fn, call] of sizers)
    for (const [name, x] of hostile)
      it(`${fn} given ${name} throws a StrategyError that names it`, () => {
        const e = attempt((b) => call(b, x as number));
        expect(e).toBeInstanceOf(StrategyError);
        expect((e as Error).message).toMatch(new RegExp(`^${fn} must be a finite number, got (an object|a symbol)$`));
      });

  it("a forged style { kind: 'bogus' } is a StrategyError naming the styles, not an order stuck OPEN", () => {
    const e = attempt((b) => b.order(b.symbol("A"), 10, { style: forged({ kind: "bogus" }) }));
    expect(e).toBeInstanceOf(StrategyError);
    expect((e as Error).message).toBe(
      "order style must be a MarketOrder, LimitOrder, StopOrder, StopLimitOrder, TrailingStopOrder, OCOOrder or BracketOrder " +
        'made with new (for example new LimitOrder(101.5)), got an object with kind "bogus"',
    );
  });

  it("a forged limit style with a NaN price fails as new LimitOrder(NaN) would", () => {
    const e = attempt((b) => b.order(b.symbol("A"), 10, { style: forged({ kind: "limit", limitPrice: NaN }) }));
    expect(e).toBeInstanceOf(StrategyError);
    expect((e as Error).message).toBe("LimitOrder limitPrice must be a finite number above 0, got NaN");
  });

  it("a forged OCO with a bogus leg is a StrategyError", () => {
    const e = attempt((b) =>
      b.order(b.symbol("A"), -10, {
        style: forged({ kind: "oco", first: new LimitOrder(105), second: { kind: "x" } }),
      }),
    );
    expect(e).toBeInstanceOf(StrategyError);
    expect((e as Error).message).toMatch(/^OCOOrder second leg must be a MarketOrder/);
  });

  it("changing a style object after placing it does not change the order", () => {
    // buy limit 95 on flat $100 bars never fills; raising the style's price afterwards must not make it fill
    const style = new LimitOrder(95);
    const bt = run(bars("A", flat(100, 3)), {
      0: (b) => b.order(b.symbol("A"), 10, { style }),
      1: () => void ((style as { limitPrice: number }).limitPrice = 1000),
    });
    const o = orderOf(bt, idAt(bt, 0));
    expect(o.limit).toBe(95);
    expect(bt.broker.fills).toEqual([]);
    expect(Object.isFrozen(o.style)).toBe(true);
  });

  it("options that are not an object, and a tif that is not one, are StrategyErrors", () => {
    for (const step of [
      (b) => b.order(b.symbol("A"), 10, 5 as never),
      (b) => b.order(b.symbol("A"), 10, { tif: "daily" as never }),
      (b) => b.order(b.symbol("A"), 10, { tif: { gtd: Symbol("d") as never } }),
      (b) => b.order(b.symbol("A"), 10, { tif: { gtd: "not a date" } }),
    ] satisfies Step[]) {
      expect(attempt(step)).toBeInstanceOf(StrategyError);
    }
  });

  it("style: null is a market order, as zipline's order(asset, 10, style=None): 10 A fill at the next open, 100", () => {
    const bt = run(bars("A", flat(100, 2)), { 0: (b) => b.order(b.symbol("A"), 10, { style: null }) });
    const o = orderOf(bt, idAt(bt, 0));
    expect([o.type, o.status]).toEqual(["market", "FILLED"]);
    expect(fillsOf(bt, o.id)).toEqual([[1, 10, 100]]);
  });

  it("an asset that is not one of the run's is a StrategyError, also a look-alike object", () => {
    const e = attempt((b) => b.order({ symbol: "A", tickSize: 0.01, sid: 0 } as Asset, 10));
    expect(e).toBeInstanceOf(StrategyError);
    expect((e as Error).message).toBe("order takes an Asset from this.symbol(...), got an object");
  });
});

describe("prices that round to nothing are rejected, not left open", () => {
  it("LimitOrder(1e-9) rounds to 0.00 at the tick and is REJECTED INVALID_PRICE", () => {
    const bt = run(bars("A", flat(100, 2)), { 0: (b) => b.order(b.symbol("A"), 10, { style: new LimitOrder(1e-9) }) });
    const o = orderOf(bt, idAt(bt, 0));
    expect(o.status).toBe("REJECTED");
    expect(o.reason).toBe("INVALID_PRICE: limit price rounds to 0 at the tick 0.01; it must be above 0");
  });

  it("a sell stop at 0.004 rounds down to 0 and is REJECTED INVALID_PRICE", () => {
    const bt = run(bars("A", flat(100, 2)), { 0: (b) => b.order(b.symbol("A"), -10, { style: new StopOrder(0.004) }) });
    expect(orderOf(bt, idAt(bt, 0)).reason).toMatch(/^INVALID_PRICE: stop price rounds to 0/);
  });

  it("a trailing stop trailing by more than the price is REJECTED INVALID_PRICE", () => {
    // last close 100, trail $150: the first level would be -50
    const bt = run(bars("A", flat(100, 2)), {
      0: (b) => b.order(b.symbol("A"), -10, { style: new TrailingStopOrder({ trailAmount: 150 }) }),
    });
    expect(orderOf(bt, idAt(bt, 0)).reason).toBe(
      "INVALID_PRICE: the trailing stop's first level would be -50, not above 0 (trail less than the price)",
    );
  });

  it("a limit of 0.006 rounds up to 0.01 for a sell and is accepted", () => {
    const bt = run(bars("A", flat(100, 2)), {
      0: (b) => b.order(b.symbol("A"), -10, { style: new LimitOrder(0.006) }),
    });
    expect(fillsOf(bt, idAt(bt, 0))).toEqual([[1, -10, 100]]);
  });
});

describe("absurd amounts are rejected with a reason", () => {
  it("order(asset, -1e21) is REJECTED: more shares than the engine counts exactly", () => {
    const bt = run(bars("A", flat(100, 2)), { 0: (b) => b.order(b.symbol("A"), -1e21) });
    const o = orderOf(bt, idAt(bt, 0));
    expect(o.status).toBe("REJECTED");
    expect(o.reason).toBe("ORDER_SIZE_LIMIT: 1e+21 shares is more than the engine counts exactly (9007199254740991)");
    expect(bt.ledger.positions.size).toBe(0);
  });
});
