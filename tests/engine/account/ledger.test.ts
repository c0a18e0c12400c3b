import { describe, expect, it } from "vitest";
import type { Asset } from "../../../src/engine/data/asset";
import { Ledger } from "../../../src/engine/account/ledger";
import { PortfolioView } from "../../../src/engine/account/portfolio-view";
import { money, ZERO } from "../../../src/engine/account/money";
import { bars, type Row } from "../helpers/bars";
import { results, run } from "../helpers/run";

const A: Asset = { symbol: "A", tickSize: 0.01, sid: 0 };
const ledger = (cash = 10_000) => new Ledger(money(cash));
/** Apply a fill of A without commission; the P&L it realized (what it added to `realized`). */
function realizedBy(l: Ledger, shares: number, price: number): number {
  const before = l.realized;
  l.applyFill(A, shares, price, ZERO);
  return l.realized.minus(before).toNumber();
}

describe("the ledger", () => {
  it("keeps cash_before − amount × price − commission = cash_after exactly", () => {
    const l = ledger();
    l.applyFill(A, 3, 33.33, money("0.01"));
    expect(l.cash.toString()).toBe("9900"); // 10,000 − 99.99 − 0.01
    l.applyFill(A, 7, 0.1, money("0.2")); // floats would give 0.7000000000000001
    expect(l.cash.toString()).toBe("9899.1");
  });
  it("averages the cost basis of buys", () => {
    const l = ledger();
    l.applyFill(A, 10, 100, ZERO);
    l.applyFill(A, 10, 110, ZERO);
    expect(l.positions.get(A)!.costBasis).toBe(105);
  });
  it("realizes P&L against the average cost and keeps the basis of what is left", () => {
    const l = ledger();
    l.applyFill(A, 10, 100, ZERO);
    l.applyFill(A, 10, 110, ZERO);
    expect(realizedBy(l, -5, 120)).toBe(75); // (120 − 105) × 5
    expect(l.positions.get(A)!.amount).toBe(15);
    expect(l.positions.get(A)!.costBasis).toBe(105);
  });
  it("flips a long to a short: realizes the long, opens the short at the fill price", () => {
    const l = ledger();
    l.applyFill(A, 10, 100, ZERO);
    expect(realizedBy(l, -15, 90)).toBe(-100);
    const p = l.positions.get(A)!;
    expect([p.amount, p.costBasis]).toEqual([-5, 90]);
    expect(l.cash.toNumber()).toBe(10_000 - 1_000 + 1_350);
  });
  it("covering a short below its price realizes a gain", () => {
    const l = ledger();
    l.applyFill(A, -10, 100, ZERO);
    expect(realizedBy(l, 10, 90)).toBe(100);
    expect(l.positions.has(A)).toBe(false); // positions of amount 0 are removed
  });
  it("unrealized P&L is marked at the last sale price", () => {
    const l = ledger();
    l.applyFill(A, 10, 100, money(1));
    l.positions.get(A)!.lastSalePrice = 104.5;
    expect(l.unrealizedExact().toNumber()).toBe(45);
    expect(l.positions.get(A)!.unrealizedPnl).toBe(45);
    expect(l.portfolioValueExact().toString()).toBe("10044"); // 8,999 cash + 1,045
  });
  it("starting cash + realized + unrealized − commissions = portfolio value", () => {
    const l = ledger();
    l.applyFill(A, 7, 10.1, money("0.07"));
    l.applyFill(A, 6, 20.2, money("0.06"));
    l.applyFill(A, -9, 30.3, money("0.09"));
    l.applyFill(A, -8, 10.3, money("0.08")); // flips to −4 short
    l.positions.get(A)!.lastSalePrice = 12.7;
    const lhs = l.startingCash.plus(l.realized).plus(l.unrealizedExact()).minus(l.commissions);
    expect(lhs.toString()).toBe(l.portfolioValueExact().toString());
  });
});

describe("the sums over positions", () => {
  const B: Asset = { symbol: "B", tickSize: 0.01, sid: 1 };
  it("values the positions at the last fill's price after each fill", () => {
    const l = ledger();
    l.applyFill(A, 10, 100, ZERO);
    expect([l.positionsValue(), l.grossExposure()]).toEqual([1_000, 1_000]);
    l.applyFill(B, -4, 50, ZERO);
    expect([l.positionsValue(), l.grossExposure()]).toEqual([800, 1_200]);
    l.applyFill(A, 5, 110, ZERO); // 15 A now at 110
    expect([l.positionsValue(), l.grossExposure()]).toEqual([1_450, 1_850]);
    expect(l.portfolioValue()).toBe(10_000 - 1_000 + 200 - 550 + 1_450);
  });
  it("knows when any position is short, as it goes short and back", () => {
    const l = ledger();
    l.applyFill(A, 10, 100, ZERO);
    expect(l.hasShort()).toBe(false);
    l.applyFill(B, -4, 50, ZERO);
    expect(l.hasShort()).toBe(true);
    l.applyFill(A, -15, 100, ZERO); // A flips to −5
    l.applyFill(B, 4, 50, ZERO); // B covered
    expect(l.hasShort()).toBe(true);
    l.applyFill(A, 5, 100, ZERO); // A covered
    expect(l.hasShort()).toBe(false);
  });
  it("lets the strategy read the portfolio at each bar's closes", () => {
    // 10 A bought at bar 1's open (101); the closes after: 102, 98, 105
    const rows: Row[] = [
      [100, 100, 100, 100],
      [101, 103, 100, 102],
      [99, 99, 97, 98],
      [104, 106, 103, 105],
    ];
    const seen: number[] = [];
    run(bars("A", rows), (b, context, _d, t) => {
      seen.push(context.portfolio.portfolioValue);
      if (t === 0) b.order(b.symbol("A"), 10);
    });
    expect(seen).toEqual([100_000, 100_000 - 1_010 + 1_020, 100_000 - 1_010 + 980, 100_000 - 1_010 + 1_050]);
  });
});

describe("money at the end of a run", () => {
  it("startingCash + realized + unrealized − commissions = endingValue to the cent", () => {
    const rows: Row[] = [
      [10.1, 10.3, 10, 10.2],
      [10.21, 10.4, 10.11, 10.33],
      [10.31, 10.5, 10.07, 10.09],
      [10.11, 10.27, 9.93, 10.01],
      [10.0, 10.13, 9.87, 9.91],
    ];
    const bt = run(
      bars("A", rows),
      {
        0: (b) => b.order(b.symbol("A"), 333),
        1: (b) => b.order(b.symbol("A"), -500),
        2: (b) => b.order(b.symbol("A"), 77),
      },
      { settings: { slippage: undefined, commission: { model: "PerShare", cost: 0.0035, minTradeCost: 0.35 } } },
    );
    const s = results(bt).summary;
    expect(bt.broker.fills).toHaveLength(3);
    const lhs = s.startingCash + s.realizedPnl + s.unrealizedPnl - s.commissions;
    expect(Math.round(lhs * 100)).toBe(Math.round(s.endingValue * 100));
  });
});

describe("context.portfolio", () => {
  it("gives pnl and returns exactly, not as the float difference of two large values", () => {
    // $100,000; buy 10 at 100.05 and sell them at 99.95 (−1.00), buy 80 at 101.10 (marked there):
    // commissions 0.01 + 0.01 + 0.08, so pnl = −1.00 − 0.10 = −1.10 (the floats gave −1.1000000000058208)
    const l = ledger(100_000);
    l.applyFill(A, 10, 100.05, money("0.01"));
    l.applyFill(A, -10, 99.95, money("0.01"));
    l.applyFill(A, 80, 101.1, money("0.08"));
    const p = new PortfolioView(l);
    expect(p.portfolioValue).toBe(99_998.9);
    expect(p.pnl).toBe(-1.1);
    expect(p.returns).toBe(-0.000011);
  });
});

describe("a position", () => {
  it("shows no unrealized P&L while marked at the price it was bought at", () => {
    // 3 × 10.10 = 30.30 paid, 30.30 worth: 0 (as floats 3 × 10.1 − 30.3 is −3.6e-15)
    const l = ledger();
    l.applyFill(A, 3, 10.1, ZERO);
    expect(l.positions.get(A)!.unrealizedPnl).toBe(0);
  });
});
