import { describe, expect, it } from "vitest";
import { mergeBars } from "../../../src/engine/data/merge-bars";
import type { SymbolBars } from "../../../src/engine/data/symbol-bars";

const series = (symbol: string): SymbolBars => ({
  symbol,
  time: Float64Array.of(Date.UTC(2020, 0, 2)),
  open: Float64Array.of(1),
  high: Float64Array.of(1),
  low: Float64Array.of(1),
  close: Float64Array.of(1),
  volume: Float64Array.of(1),
  tickSize: 0.01,
});

describe("mergeBars", () => {
  it("sorts the symbols of several files by name", () => {
    expect(mergeBars([[series("TLT")], [series("AAPL"), series("SPY")]]).map((b) => b.symbol)).toEqual([
      "AAPL",
      "SPY",
      "TLT",
    ]);
  });

  it("rejects a symbol loaded twice, naming both files when it knows them", () => {
    expect(() => mergeBars([[series("SPY")], [series("SPY")]])).toThrow("SPY: this symbol is loaded twice");
    expect(() => mergeBars([[series("SPY")], [series("SPY")]], ["data/SPY.csv", "data/spy-copy.csv"])).toThrow(
      "data/spy-copy.csv: symbol SPY is already loaded from data/SPY.csv",
    );
  });
});
