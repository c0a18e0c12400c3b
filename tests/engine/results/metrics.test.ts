import { describe, expect, it } from "vitest";
import { buyAndHoldReturn, computeMetrics } from "../../../src/engine/results/metrics";
import type { RoundTrip } from "../../../src/engine/results/round-trips";
import { DAY_MS, day } from "../helpers/bars";

function metrics(equity: number[], inMarket: number[] = equity.map(() => 0), pnls: number[] = []) {
  const n = equity.length;
  return computeMetrics({
    startingCash: 100,
    time: Float64Array.from({ length: n }, (_, i) => day("2024-01-01") + i * DAY_MS),
    equity: Float64Array.from(equity),
    inMarket: Uint8Array.from(inMarket),
    trades: pnls.map((pnl) => ({ pnl }) as RoundTrip),
    tradedNotional: 0,
    sessions: n,
  });
}

describe("metrics on a hand-made equity curve", () => {
  // starting cash 100; returns 0.1, −0.1, 121/99 − 1, 0
  const m = metrics([110, 99, 121, 121], [1, 1, 0, 0]);
  const r = [0.1, -0.1, 121 / 99 - 1, 0];
  const mean = r.reduce((a, b) => a + b) / 4;
  const sd = Math.sqrt(r.reduce((a, x) => a + (x - mean) ** 2, 0) / 3);

  it("total return is ending / starting − 1", () => expect(m.totalReturn).toBeCloseTo(0.21, 12));
  it("Sharpe is mean / sample std of bar returns × √252", () =>
    expect(m.sharpe).toBeCloseTo((mean / sd) * Math.sqrt(252), 12));
  it("annual volatility is the sample std × √252", () =>
    expect(m.annualVolatility).toBeCloseTo(sd * Math.sqrt(252), 12));
  it("Sortino divides by the root mean square of the losing returns", () => {
    expect(m.sortino).toBeCloseTo((mean / Math.sqrt(0.01 / 4)) * Math.sqrt(252), 12);
  });
  it("max drawdown is the deepest fall from a running peak", () => expect(m.maxDrawdown).toBeCloseTo(-0.1, 12));
  it("exposure is the fraction of bars ending in the market", () => expect(m.exposure).toBe(0.5));
  it("CAGR compounds over calendar years of the run", () => {
    expect(m.cagr).toBeCloseTo(Math.pow(1.21, 365.25 / 3) - 1, 6);
  });

  it("drawdown duration counts bars from the peak until equity is back at it", () => {
    // peak 110 at bar 0; bars 1, 2, 3 below it; back at 111 on bar 4
    const d = metrics([110, 99, 105, 108, 111]);
    expect(d.maxDrawdownDuration).toBe(3);
    expect(d.maxDrawdown).toBeCloseTo(99 / 110 - 1, 12);
  });
  it("a drawdown not recovered by the end lasts to the end", () => {
    expect(metrics([110, 100, 100, 100]).maxDrawdownDuration).toBe(3);
  });
  it("a curve that never falls has no drawdown, no Sortino and no Calmar", () => {
    const up = metrics([101, 102, 103]);
    expect([up.maxDrawdown, up.maxDrawdownDuration, up.sortino, up.calmar]).toEqual([0, 0, null, null]);
  });
  it("trade statistics from round-trip P&Ls", () => {
    const t = metrics([100, 100], [0, 0], [200, -50, 50]);
    expect([t.trades, t.winRate, t.averageWin, t.averageLoss, t.profitFactor]).toEqual([3, 2 / 3, 125, -50, 5]);
    expect(t.expectancy).toBeCloseTo(200 / 3, 12);
  });
});

describe("trade statistics a TradingView user looks for", () => {
  const trades = (
    [
      [50, "long", 2],
      [-20, "short", 4],
      [-30, "long", 6],
      [0, "long", 1],
      [-10, "short", 3],
      [-5, "long", 2],
      [40, "short", 6],
    ] as const
  ).map(([pnl, side, bars]) => ({ pnl, side, bars }) as RoundTrip);
  const m = computeMetrics({
    startingCash: 100,
    time: Float64Array.of(0, DAY_MS),
    equity: Float64Array.of(100, 100),
    inMarket: Uint8Array.of(0, 0),
    trades,
    tradedNotional: 0,
    sessions: 2,
  });
  it("gross profit and loss are the sums of winning and of losing trades", () => {
    // 50 + 40; −20 − 30 − 10 − 5
    expect([m.grossProfit, m.grossLoss]).toEqual([90, -65]);
    expect(m.profitFactor).toBeCloseTo(90 / 65, 12);
  });
  it("largest win and loss are the best and worst trade", () =>
    expect([m.largestWin, m.largestLoss]).toEqual([50, -30]));
  it("a trade at zero breaks a losing streak", () => {
    // −20, −30 | 0 | −10, −5: two in a row at most
    expect([m.maxConsecutiveLosses, m.maxConsecutiveWins]).toEqual([2, 1]);
  });
  it("average bars in a trade is the mean of their bars", () => expect(m.averageBarsInTrade).toBe(24 / 7));
  it("long and short trades are counted apart", () => {
    // long: 50, −30, 0, −5; short: −20, −10, 40
    expect(m.long).toEqual({
      trades: 4,
      pnl: 15,
      winRate: 0.25,
      grossProfit: 50,
      grossLoss: -35,
      profitFactor: 50 / 35,
    });
    expect(m.short).toEqual({
      trades: 3,
      pnl: 10,
      winRate: 1 / 3,
      grossProfit: 40,
      grossLoss: -30,
      profitFactor: 40 / 30,
    });
  });
  it("without trades there is no largest win, no average bars and no streak", () => {
    const none = metrics([100, 101]);
    expect([none.largestWin, none.largestLoss, none.averageBarsInTrade, none.maxConsecutiveLosses]).toEqual([
      null,
      null,
      null,
      0,
    ]);
    expect(none.long.winRate).toBeNull();
  });
});

describe("buy and hold of the traded symbol", () => {
  const bars = { time: Float64Array.of(1, 2, 3, 4), close: Float64Array.of(10, 12, 11, 15) };
  it("runs from the first close in the run to the last", () => {
    expect(buyAndHoldReturn(bars, 2, 3)).toBeCloseTo(11 / 12 - 1, 12);
    expect(buyAndHoldReturn(bars, 0, 9)).toBeCloseTo(0.5, 12);
  });
  it("is null when the symbol has no bar in the run", () => expect(buyAndHoldReturn(bars, 5, 9)).toBeNull());
  it("takes the first bar at or after the run's start and the last at or before its end", () => {
    const gappy = { time: Float64Array.of(1, 2, 5, 6, 9), close: Float64Array.of(10, 12, 11, 15, 20) };
    expect(buyAndHoldReturn(gappy, 1.5, 8)).toBeCloseTo(15 / 12 - 1, 12);
    expect(buyAndHoldReturn(gappy, 5, 5)).toBe(0);
    expect(buyAndHoldReturn(gappy, 3, 4)).toBeNull();
    expect(buyAndHoldReturn(gappy, -5, 0)).toBeNull();
  });
});
