import { describe, expect, it } from "vitest";
import type { CommissionModel } from "../../../src/engine/matching/commission";
import type { SlippageModel } from "../../../src/engine/matching/slippage";
import { bars, flat } from "../helpers/bars";
import { fillsOf, idAt, results, run, type TestRun } from "../helpers/run";

/** Buy 10 A on bar 0 of three flat $100 bars with `model` set in initialize; the run, or what it threw. */
function buyWith(set: (b: TestRun) => void): { bt?: TestRun; error?: Error } {
  try {
    const bt = run(bars("A", flat(100, 3)), { 0: (b) => b.order(b.symbol("A"), 10) }, { init: (b) => set(b) });
    return { bt };
  } catch (e) {
    return { error: e as Error };
  }
}
const commissionOf = (name: string, charge: () => unknown) =>
  ({ name, charge, describe: () => ({ model: name }) }) as unknown as CommissionModel;

describe("custom commission and slippage models are checked on every answer", () => {
  for (const [what, value] of [
    ["NaN", NaN],
    ["Infinity", Infinity],
    ["a negative commission", -5],
    ["a string", "1"],
  ] as const) {
    it(`a commission model returning ${what} stops the run with a StrategyError naming the model`, () => {
      const { error } = buyWith((b) => b.setCommission(commissionOf("Minty", () => value)));
      expect(error?.message).toMatch(
        /^commission model "Minty" returned .* from (charge|estimate)\(\) for 10 shares at 100; /,
      );
    });
  }

  it("a commission model returning a plain number of dollars works: cash = 100,000 − 10 × 100 − 2.5", () => {
    const { bt } = buyWith((b) => b.setCommission(commissionOf("Flat", () => 2.5)));
    expect(fillsOf(bt!, idAt(bt!, 0))).toEqual([[1, 10, 100]]);
    expect(bt!.ledger.cash.toString()).toBe("98997.5");
  });

  it("a slippage model returning NaN stops the run with a StrategyError naming the model, before any fill", () => {
    const model = { name: "Drift", volumeLimit: null, estimateFactor: 1, slip: () => NaN, describe: () => ({}) };
    const { error } = buyWith((b) => b.setSlippage(model as unknown as SlippageModel));
    expect(error?.message).toBe(
      'slippage model "Drift" returned NaN from slip() for 10 shares at 100; a price must be a finite number',
    );
  });

  it("a slippage model with a volumeLimit of 5 (500% of the bar) is refused when it is set", () => {
    const model = { name: "Greedy", volumeLimit: 5, slip: (p: number) => p, describe: () => ({}) };
    const { error } = buyWith((b) => b.setSlippage(model as unknown as SlippageModel));
    expect(error?.message).toBe(
      'slippage model "Greedy" has volumeLimit 5; it must be null or a fraction above 0 and at most 1',
    );
  });

  it("what a model describes is read when it is set: changing it later does not change the results", () => {
    const settings = { model: "Mine", cost: 1 };
    const model = { name: "Mine", charge: () => 1, describe: () => settings };
    const { bt } = buyWith((b) => b.setCommission(model as unknown as CommissionModel));
    settings.cost = 1e12;
    expect(results(bt!).run.settings.commission).toEqual({ model: "Mine", cost: 1 });
  });

  it("setCommission with something that is not a model is a StrategyError", () => {
    const { error } = buyWith((b) => b.setCommission(42 as unknown as CommissionModel));
    expect(error?.message).toBe("setCommission takes a model such as new commission.PerShare({ cost: 0.005 }), got 42");
  });
});
