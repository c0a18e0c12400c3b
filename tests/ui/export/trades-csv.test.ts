import { describe, expect, it } from "vitest";
import { tradesCsv } from "../../../src/ui/export/export-files";
import type { ResultsJson } from "../../../src/engine/results/results";

const trade = (symbol: string, pnl: number) => ({
  symbol,
  side: "long",
  entryDt: "2024-01-02T00:00:00.000Z",
  entryPrice: 100,
  exitDt: "2024-01-05T00:00:00.000Z",
  exitPrice: 95,
  amount: 10,
  pnl,
  exitReason: "signal",
});

const csvOf = (...trades: ReturnType<typeof trade>[]) =>
  tradesCsv({ trades } as unknown as ResultsJson)
    .trimEnd()
    .split("\n");

describe("the trades CSV", () => {
  it("writes a symbol a spreadsheet would read as a formula as text, with a leading quote", () => {
    const [, ...rows] = csvOf(
      trade("=HYPERLINK(1)", -50),
      trade("+1+1", -50),
      trade("-2+3", -50),
      trade("@SUM(A1)", -50),
      trade("\tTAB", -50),
    );
    expect(rows.map((r) => r.split(",")[0])).toEqual(["'=HYPERLINK(1)", "'+1+1", "'-2+3", "'@SUM(A1)", "'\tTAB"]);
  });

  it("leaves numbers as numbers: a loss of $50 is -50, not text", () => {
    const [header, row] = csvOf(trade("SPY", -50));
    expect(header).toBe("symbol,side,entryDt,entryPrice,exitDt,exitPrice,amount,pnl,exitReason");
    expect(row).toBe("SPY,long,2024-01-02T00:00:00.000Z,100,2024-01-05T00:00:00.000Z,95,10,-50,signal");
  });

  it("quotes a formula symbol that also holds a comma, the quote inside the cell", () => {
    const [, row] = csvOf(trade('=A1,"x"', 1));
    expect(row!.startsWith(`"'=A1,""x"""`)).toBe(true);
  });
});
