import { describe, expect, it } from "vitest";
import { bars, flat, type Row } from "../helpers/bars";
import { fillsOf, idAt, orderOf, run } from "../helpers/run";

// $100,000 of cash (the test default), no commission, no slippage.
const A = (rows: Row[]) => bars("A", rows);

describe("by default gross exposure may not pass 1x the portfolio value, shorts included", () => {
  it("a short worth 2x the portfolio value is REJECTED MAX_LEVERAGE with a sentence", () => {
    const bt = run(A(flat(100, 2)), { 0: (b) => b.order(b.symbol("A"), -2000) });
    const o = orderOf(bt, idAt(bt, 0));
    expect(o.status).toBe("REJECTED");
    expect(o.reason).toBe(
      "MAX_LEVERAGE: a short of 2000 A counting open orders is ~$200,000.00, over 1x the portfolio value " +
        "$100,000.00 (the default limit; setMaxLeverage raises it)",
    );
  });

  it("order(asset, -1e12) is REJECTED, and nothing is booked", () => {
    const bt = run(A(flat(100, 2)), { 0: (b) => b.order(b.symbol("A"), -1e12) });
    expect(orderOf(bt, idAt(bt, 0)).reason).toMatch(/^MAX_LEVERAGE: a short of 1000000000000 A/);
    expect(bt.broker.fills).toEqual([]);
  });

  it("a short of exactly 1x fills: cash 200,000 and a portfolio still worth 100,000", () => {
    const bt = run(A(flat(100, 3)), { 0: (b) => b.order(b.symbol("A"), -1000) });
    expect(fillsOf(bt, idAt(bt, 0))).toEqual([[1, -1000, 100]]);
    expect(bt.ledger.cashNum).toBe(200_000);
    expect(bt.ledger.portfolioValue()).toBe(100_000);
  });

  it("a short accepted at 100 that opens at 120 is cut at fill to what 1x allows: 833 shares", () => {
    // limit 1 × 100,000; 833 × 120 = 99,960 ≤ 100,000 < 834 × 120 = 100,080
    const bt = run(
      A([
        [100, 100, 100, 100],
        [120, 120, 120, 120],
        [120, 120, 120, 120],
      ]),
      { 0: (b) => b.order(b.symbol("A"), -900) },
    );
    const o = orderOf(bt, idAt(bt, 0));
    expect(fillsOf(bt, o.id)).toEqual([[1, -833, 120]]);
    expect(o.status).toBe("CANCELLED");
    expect(o.reason).toBe(
      "MAX_LEVERAGE: the 1x gross exposure limit (the default; setMaxLeverage raises it) allows 833 of 900 A shares at 120.00",
    );
  });

  it("buying with the proceeds of a short stops at 1x gross exposure", () => {
    // short 1000 A at 100 (gross 100,000 = 1x); buying 1000 B at 100 would make it 2x
    const bt = run([A(flat(100, 3)), bars("B", flat(100, 3))], {
      0: (b) => b.order(b.symbol("A"), -1000),
      1: (b) => b.order(b.symbol("B"), 1000),
    });
    const buy = orderOf(bt, idAt(bt, 1));
    expect(fillsOf(bt, buy.id)).toEqual([]);
    expect(buy.reason).toMatch(/^MAX_LEVERAGE: the 1x gross exposure limit .* allows 0 of 1000 B shares at 100\.00$/);
  });

  it("setMaxLeverage(2) allows a short worth 2x the portfolio value", () => {
    const bt = run(A(flat(100, 3)), { 0: (b) => b.order(b.symbol("A"), -2000) }, { init: (b) => b.setMaxLeverage(2) });
    expect(fillsOf(bt, idAt(bt, 0))).toEqual([[1, -2000, 100]]);
  });

  it("a rebalance that places its buy before the sell that funds it still fills both", () => {
    // hold 900 A (90,000) and 10,000 cash; buy 500 B (50,000), then sell 500 A: the sell fills first
    const bt = run([A(flat(100, 4)), bars("B", flat(100, 4))], {
      0: (b) => b.order(b.symbol("A"), 900),
      1: (b) => [b.order(b.symbol("B"), 500), b.order(b.symbol("A"), -500)],
    });
    expect(bt.broker.fills.map((f) => [f.symbol, f.amount])).toEqual([
      ["A", 900],
      ["A", -500],
      ["B", 500],
    ]);
  });
});
