import { describe, expect, it } from "vitest";
import { computeMetrics } from "../../../src/engine/results/metrics";
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
