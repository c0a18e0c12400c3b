import { describe, expect, it } from "vitest";
import { BracketOrder, LimitOrder, OCOOrder, StopOrder } from "../../../src/engine/orders/execution-styles";
import { bars, flat } from "../helpers/bars";
import { idAt, orderOf, run, type Step, type TestRun } from "../helpers/run";

/** $10,000; A flat at 100. Bar 0 buys 50 A (filled at bar 1's open); `step` runs on bar 1 or 0. */
function sized(step: Step, at = 1, setup: Step = (b) => b.order(b.symbol("A"), 50)) {
  const bt = run(bars("A", flat(100, 3)), at === 0 ? { 0: step } : { 0: setup, [at]: step }, {
    settings: { cash: 10_000 },
  });
  const id = idAt(bt, at);
  return id === null ? null : orderOf(bt, id).amount;
}
const A = (b: TestRun) => b.symbol("A");

describe("order sizing", () => {
  it("orderValue buys trunc(value / last close) shares", () => {
    expect(sized((b) => b.orderValue(A(b), 1_099), 0)).toBe(10);
    expect(sized((b) => b.orderValue(A(b), -1_099), 0)).toBe(-10);
  });
  it("orderPercent of 0.57 of $10,000 at $100 buys 57 shares, not 56: float dust within 0.0001 of a whole share rounds to it, as zipline's round_order", () => {
    // 0.57 × 10,000 = 5,699.999999999999 in floats; ÷ 100 = 56.99999999999999
    expect(sized((b) => b.orderPercent(A(b), 0.57), 0)).toBe(57);
    expect(sized((b) => b.orderPercent(A(b), -0.57), 0)).toBe(-57);
    // 5,699.5 / 100 = 56.995 is not dust: truncated to 56
    expect(sized((b) => b.orderValue(A(b), 5_699.5), 0)).toBe(56);
  });
  it("orderTargetPercent of 0.57 of $10,000 at $100 targets 57 shares (50 held: orders 7)", () => {
    // bar 0 buys 50 at 100 (no costs): the portfolio is still $10,000 on bar 1
    expect(sized((b) => b.orderTargetPercent(A(b), 0.57))).toBe(7);
  });
  it("orderValue of less than one share orders nothing", () => {
    expect(sized((b) => b.orderValue(A(b), 99), 0)).toBeNull();
  });
  it("orderValue before the asset's first bar places nothing (no last close to size from)", () => {
    // B's first bar is the run's second: on bar 0 orderValue returns null and no order exists
    const bt = run([bars("A", flat(100, 2)), bars("B", flat(50, 1), "2024-01-02")], {
      0: (b) => b.orderValue(b.symbol("B"), 1_000),
    });
    expect(idAt(bt, 0)).toBeNull();
    expect(bt.broker.orders.size).toBe(0);
  });
  it("orderPercent sizes from the portfolio value", () => {
    expect(sized((b) => b.orderPercent(A(b), 0.25))).toBe(25); // 10,000 × 0.25 / 100
  });
  it("orderTarget orders the difference to the position", () => {
    expect(sized((b) => b.orderTarget(A(b), 80))).toBe(30);
    expect(sized((b) => b.orderTarget(A(b), 0))).toBe(-50);
  });
  it("orderTarget counts open orders' remaining amounts", () => {
    // position 50 and an open sell limit of −20: 50 − 20 = 30 toward a target of 80
    const step: Step = (b) => {
      b.order(A(b), -20, { style: new LimitOrder(150) });
      return b.orderTarget(A(b), 80);
    };
    expect(sized(step)).toBe(50);
  });
  it("orderTarget counts an OCO once and held bracket children not at all", () => {
    const step: Step = (b) => {
      b.order(A(b), -10, { style: new OCOOrder(new LimitOrder(150), new StopOrder(50)) });
      b.order(A(b), 5, {
        style: new BracketOrder({ entryStyle: new LimitOrder(90), stopLossPrice: 80, takeProfitPrice: 120 }),
      });
      return b.orderTarget(A(b), 80); // 50 − 10 + 5 = 45
    };
    expect(sized(step)).toBe(35);
  });
  it("orderTargetValue and orderTargetPercent go through the share count", () => {
    expect(sized((b) => b.orderTargetValue(A(b), 7_050))).toBe(20); // trunc(70.5) − 50
    expect(sized((b) => b.orderTargetPercent(A(b), 0.3))).toBe(-20); // 3,000 / 100 − 50
  });
  it("a NaN value or percent is a StrategyError", () => {
    expect(() => sized((b) => b.orderValue(A(b), NaN), 0)).toThrow(/finite number/);
    expect(() => sized((b) => b.orderTargetPercent(A(b), Infinity), 0)).toThrow(/finite number/);
  });
});
