import { describe, expect, it } from "vitest";
import { tradeChanges, type TradeRow } from "../../../src/ui/forensics/trade-changes";

const trade = (entryDt: string, exitDt: string, exitPrice: number, exitReason: string): TradeRow => ({
  symbol: "TSLA",
  side: "long",
  entryOrderId: "o1",
  entryDt,
  entryPrice: 100,
  exitDt,
  exitPrice,
  exitOrderId: "o2",
  exitReason,
  amount: 100,
  pnl: (exitPrice - 100) * 100,
  returnPct: (exitPrice - 100) / 100,
  bars: 1,
  mae: 0,
  mfe: 0,
});

describe("what-if trade changes", () => {
  it("the same trades under another policy are no trade changes", () => {
    const t = [trade("2024-01-02T00:00:00.000Z", "2024-01-05T00:00:00.000Z", 95, "SL")];
    expect(
      tradeChanges(
        t,
        t.map((x) => ({ ...x, entryOrderId: "o9" })),
      ),
    ).toEqual([]);
  });

  it("a stop-loss exit that becomes a take-profit says the reason, price and P&L before and after", () => {
    const before = [trade("2024-01-02T00:00:00.000Z", "2024-01-02T00:00:00.000Z", 95, "SL")];
    const after = [trade("2024-01-02T00:00:00.000Z", "2024-01-02T00:00:00.000Z", 110, "TP")];
    const [c] = tradeChanges(before, after);
    // (95 − 100) × 100 = −500; (110 − 100) × 100 = +1,000
    expect(c!.what).toEqual(["exit price 95.00 → 110.00", "SL → TP", "P&L -500.00 → +1000.00"]);
  });

  it("a trade only one run has is listed as gone or new, in time order", () => {
    const a = trade("2024-02-01T00:00:00.000Z", "2024-02-03T00:00:00.000Z", 95, "SL");
    const b = trade("2024-01-01T00:00:00.000Z", "2024-01-03T00:00:00.000Z", 110, "TP");
    expect(tradeChanges([a], [b]).map((c) => [c.entryDt.slice(0, 10), c.what[0]])).toEqual([
      ["2024-01-01", "a new trade"],
      ["2024-02-01", "no such trade"],
    ]);
  });
});

describe("what-if trade changes in the symbol's decimals", () => {
  const fx = (exitPrice: number): TradeRow => ({
    ...trade("2024-01-02T00:00:00.000Z", "2024-01-02T00:00:00.000Z", exitPrice, "SL"),
    symbol: "EURUSD",
    entryPrice: 1.07346,
  });
  it("an EURUSD exit half a pip away is a change, written with five decimals", () => {
    // 1.07301 and 1.07306 are the same cent (1.07) but not the same price at a tick of 0.00001.
    const [c] = tradeChanges([fx(1.07301)], [fx(1.07306)], () => 0.00001);
    expect(c!.what[0]).toBe("exit price 1.07301 → 1.07306");
  });
});
