import { describe, expect, it } from "vitest";
import { NoCommission, PerDollar, PerShare, PerTrade } from "../../../src/engine/matching/commission";
import { money } from "../../../src/engine/account/money";
import type { RunSettings } from "../../../src/engine/settings";
import { bars, flat } from "../helpers/bars";
import { idAt, orderOf, run } from "../helpers/run";

/** 250 shares at 100 filled as 100 + 100 + 50 (10% of volume 1,000, no slippage). */
function partialFills(commission: RunSettings["commission"]) {
  const bt = run(
    bars("A", flat(100, 4, 1000)),
    { 0: (b) => b.order(b.symbol("A"), 250) },
    {
      settings: { commission, slippage: { model: "FixedBasisPointsSlippage", basisPoints: 0 } },
    },
  );
  const o = orderOf(bt, idAt(bt, 0));
  return { bt, o, perFill: bt.broker.fills.map((f) => f.commission.toString()) };
}

describe("commission models", () => {
  it("PerShare pays its minimum once per order across partial fills", () => {
    // cost 0.01, min 1.5: totals after each fill max(1.5, 1.00) = 1.5, max(1.5, 2.00) = 2, 2.5
    const { bt, o, perFill } = partialFills({ model: "PerShare", cost: 0.01, minTradeCost: 1.5 });
    expect(perFill).toEqual(["1.5", "0.5", "0.5"]);
    expect(o.commission).toBe(2.5);
    expect(bt.ledger.cash.toString()).toBe("74997.5"); // 100,000 − 250 × 100 − 2.5
  });
  it("PerTrade charges once per order, on its first fill", () => {
    const { o, perFill } = partialFills({ model: "PerTrade", cost: 5 });
    expect(perFill).toEqual(["5", "0", "0"]);
    expect(o.commission).toBe(5);
  });
  it("PerDollar charges cost × |notional| on every fill", () => {
    // 0.001 × 10,000, 0.001 × 10,000, 0.001 × 5,000
    const { perFill } = partialFills({ model: "PerDollar", cost: 0.001 });
    expect(perFill).toEqual(["10", "10", "5"]);
  });
  it("the default is PerShare at $0.001 with no minimum", () => {
    const bt = run(
      bars("A", flat(100, 2)),
      { 0: (b) => b.order(b.symbol("A"), -30) },
      { settings: { commission: undefined } },
    );
    expect(bt.broker.fills[0]!.commission.toString()).toBe("0.03");
    expect(bt.ledger.cash.toString()).toBe("102999.97"); // 100,000 + 30 × 100 − 0.03
  });
  it("setCommission in initialize replaces the run's model", () => {
    const bt = run(
      bars("A", flat(100, 2)),
      { 0: (b) => b.order(b.symbol("A"), 10) },
      { init: (b) => b.setCommission(new PerTrade({ cost: 1 })) },
    );
    expect(bt.ledger.commissions.toNumber()).toBe(1);
  });
  it("commission is exact decimal, not binary float", () => {
    // 0.1 + 0.2 in floats is 0.30000000000000004
    const pd = new PerDollar({ cost: 0.1 });
    expect(pd.charge(1, 1).plus(pd.charge(2, 1)).toString()).toBe("0.3");
    expect(new PerShare({ cost: 0.003 }).charge(-3, 50, 7, money("0.021")).toString()).toBe("0.009");
    expect(new NoCommission().charge().isZero()).toBe(true);
  });
});
