import { describe, expect, it } from "vitest";
import { bars, type Row } from "../helpers/bars";
import { results, run } from "../helpers/run";
import { roundTrips } from "../../../src/engine/results/round-trips";

const rows: Row[] = [
  [100, 100, 100, 100],
  [100, 103, 97, 102], // buy 10 at the open 100
  [110, 112, 108, 111], // buy 10 at the open 110
  [120, 121, 115, 118], // sell 15 at the open 120
];

describe("round trips", () => {
  const trade = (commission?: { model: "PerShare"; cost: number }) =>
    run(
      bars("A", rows),
      {
        0: (b) => b.order(b.symbol("A"), 10),
        1: (b) => b.order(b.symbol("A"), 10),
        2: (b) => b.order(b.symbol("A"), -15),
      },
      { settings: commission ? { commission } : {} },
    );

  it("match closing fills against the oldest lots first (FIFO) with MAE and MFE over the bars held", () => {
    const bt = trade();
    const trips = roundTrips(bt.broker.fills, bt.md);
    expect(
      trips.map(({ side, entryPrice, exitPrice, amount, pnl, bars: held, mae, mfe }) => ({
        side,
        entryPrice,
        exitPrice,
        amount,
        pnl,
        held,
        mae,
        mfe,
      })),
    ).toEqual([
      // 10 @ 100 → 120; bars 1–3 range 97..121
      { side: "long", entryPrice: 100, exitPrice: 120, amount: 10, pnl: 200, held: 2, mae: -30, mfe: 210 },
      // 5 of the 10 @ 110 → 120; bars 2–3 range 108..121
      { side: "long", entryPrice: 110, exitPrice: 120, amount: 5, pnl: 50, held: 1, mae: -10, mfe: 55 },
    ]);
    expect(trips[0]!.returnPct).toBe(0.2);
  });
  it("charge both fills' commissions pro rata to each trip", () => {
    // $0.01 a share in and out: 200 − 10 × 0.02; 50 − 5 × 0.02
    const trips = roundTrips(trade({ model: "PerShare", cost: 0.01 }).broker.fills, trade().md);
    expect(trips.map((t) => t.pnl)).toEqual([199.8, 49.9]);
  });
  it("a short round trip gains when the price falls and its MAE comes from the highs", () => {
    const short: Row[] = [
      [100, 100, 100, 100],
      [100, 104, 95, 96],
      [90, 91, 88, 89],
    ];
    const bt = run(bars("A", short), { 0: (b) => b.order(b.symbol("A"), -10), 1: (b) => b.order(b.symbol("A"), 10) });
    const [t] = roundTrips(bt.broker.fills, bt.md);
    expect([t!.side, t!.pnl, t!.mae, t!.mfe]).toEqual(["short", 100, -40, 120]);
  });
  it("count in the summary's trade statistics", () => {
    const s = results(trade()).summary;
    expect([s.trades, s.winRate, s.averageWin, s.expectancy]).toEqual([2, 1, 125, 125]);
  });
});
