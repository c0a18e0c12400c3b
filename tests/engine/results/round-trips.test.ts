import { describe, expect, it } from "vitest";
import { bars, type Row } from "../helpers/bars";
import { results, run } from "../helpers/run";
import { roundTrips } from "../../../src/engine/results/round-trips";
import { BracketOrder, LimitOrder, StopOrder } from "../../../src/engine/orders/execution-styles";

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

  it("one entry order filled in two parts and closed in two parts is one trade at the average prices", () => {
    // volume 50 under a 10% cap: 5 shares a bar. Buy 10: 5 @ 100 (bar 1) + 5 @ 102 (bar 2), average 101.
    // Sell 10 placed on bar 3: 5 @ 110 (bar 4) + 5 @ 112 (bar 5), average 111. P&L (111 − 101) × 10 = 100.
    const capped: Row[] = [
      [100, 100, 100, 100, 50],
      [100, 101, 99, 100, 50],
      [102, 103, 101, 102, 50],
      [104, 105, 103, 104, 50],
      [110, 111, 109, 110, 50],
      [112, 113, 111, 112, 50],
    ];
    const bt = run(
      bars("A", capped),
      { 0: (b) => b.order(b.symbol("A"), 10), 3: (b) => b.order(b.symbol("A"), -10) },
      { settings: { slippage: { model: "FixedBasisPointsSlippage", basisPoints: 0, volumeLimit: 0.1 } } },
    );
    expect(bt.broker.fills).toHaveLength(4);
    const trips = roundTrips(bt.broker.fills, bt.md, bt.broker.orders);
    expect(trips).toHaveLength(1);
    const t = trips[0]!;
    expect([t.entryOrderId, t.exitOrderId, t.exitReason]).toEqual(["o1", "o2", "signal"]);
    expect([t.entryPrice, t.exitPrice, t.amount, t.pnl, t.bars]).toEqual([101, 111, 10, 100, 4]);
    // bars 1–5: low 99 → (99 − 101) × 10; high 113 → (113 − 101) × 10
    expect([t.mae, t.mfe]).toEqual([-20, 120]);
    expect(t.returnPct).toBeCloseTo(100 / 1010, 12);
  });
  it("a trade closed by a limit and a stop names both exits", () => {
    // buy 10 @ 100 (bar 1). Sell 5 limit 105 fills on bar 2 (103 → 102 → 106), sell 5 stop 97 on bar 3
    // (98 → 99 → 96): exit average (5 × 105 + 5 × 97) / 10 = 101, P&L 25 − 15 = 10.
    const rows2: Row[] = [
      [100, 100, 100, 100],
      [100, 101, 99, 100],
      [103, 106, 102, 104],
      [98, 99, 96, 97],
    ];
    const bt = run(bars("A", rows2), {
      0: (b) => b.order(b.symbol("A"), 10),
      1: (b) => {
        b.order(b.symbol("A"), -5, { style: new LimitOrder(105) });
        b.order(b.symbol("A"), -5, { style: new StopOrder(97) });
      },
    });
    const [t] = roundTrips(bt.broker.fills, bt.md, bt.broker.orders);
    expect([t!.exitPrice, t!.pnl, t!.exitReason, t!.exitOrderId]).toEqual([101, 10, "limit + stop", "o3"]);
  });
  it("a bracket's trade says which leg closed it, and so do its fills", () => {
    // entry at the open 100; path 100 → 99 → 106 → 104: the take-profit 105 fills
    const bt = run(
      bars("A", [
        [100, 100, 100, 100],
        [100, 106, 99, 104],
      ]),
      {
        0: (b) => b.order(b.symbol("A"), 10, { style: new BracketOrder({ stopLossPrice: 95, takeProfitPrice: 105 }) }),
      },
    );
    const r = results(bt);
    expect(r.trades.map((t) => [t.exitReason, t.pnl])).toEqual([["TP", 50]]);
    expect(r.fills.map((f) => f.reason)).toEqual(["entry", "TP"]);
  });
  it("a fill that reverses the position closes one trade and opens the next", () => {
    // buy 10 @ 100 (bar 1), sell 20 @ 110 (bar 2): long +100 and short 10 @ 110; buy 10 @ 90 (bar 3): short +200
    const bt = run(
      bars("A", [
        [100, 100, 100, 100],
        [100, 100, 100, 100],
        [110, 110, 110, 110],
        [90, 90, 90, 90],
      ]),
      {
        0: (b) => b.order(b.symbol("A"), 10),
        1: (b) => b.order(b.symbol("A"), -20),
        2: (b) => b.order(b.symbol("A"), 10),
      },
    );
    const trips = roundTrips(bt.broker.fills, bt.md, bt.broker.orders);
    expect(trips.map((t) => [t.side, t.entryOrderId, t.exitOrderId, t.amount, t.pnl])).toEqual([
      ["long", "o1", "o2", 10, 100],
      ["short", "o2", "o3", 10, 200],
    ]);
  });
});
