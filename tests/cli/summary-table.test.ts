import { describe, expect, it } from "vitest";
import { summaryText } from "../../src/cli/summary-table";
import { buildRunSummary } from "../../src/engine/results/results";
import { bars } from "../engine/helpers/bars";
import { run } from "../engine/helpers/run";

describe("the command line's summary", () => {
  it("writes a loss with its sign before the dollar: -$100.00", () => {
    // buy 10 at bar 1's open 100, sell them at bar 2's open 90: one losing trade of $100
    const rows = [
      [100, 100, 100, 100],
      [100, 100, 100, 100],
      [90, 90, 90, 90],
      [90, 90, 90, 90],
    ] as const;
    const bt = run(bars("A", rows), { 0: (b) => b.order(b.symbol("A"), 10), 1: (b) => b.order(b.symbol("A"), -10) });
    const text = summaryText(buildRunSummary(bt, { strategy: "S", elapsedMs: 0 }), []);
    expect(text).toMatch(/^Gross profit \/ loss +\$0\.00 \/ -\$100\.00$/m);
    expect(text).toMatch(/^Largest win \/ loss +— \/ -\$100\.00$/m);
    expect(text).toMatch(/^Ending value +\$99,900\.00$/m);
  });

  it("writes a metric too large to count (a price of 1e308 held ten times over) as the page does: —, never Infinity% or NaN", () => {
    // buy 10 at bar 1's open 100; from bar 2 a share is worth 1e308, ten of them more than a double holds
    const rows = [
      [100, 100, 100, 100],
      [100, 100, 100, 100],
      [1e308, 1e308, 1e308, 1e308],
      [1e308, 1e308, 1e308, 1e308],
    ] as const;
    const bt = run(bars("A", rows), { 0: (b) => b.order(b.symbol("A"), 10) });
    const text = summaryText(buildRunSummary(bt, { strategy: "S", elapsedMs: 0 }), []);
    expect(text).not.toMatch(/Infinity|NaN/);
    for (const row of ["Ending value", "Total return", "CAGR", "Annual volatility", "Sortino", "Calmar"])
      expect(text).toMatch(new RegExp(`^${row} +—$`, "m"));
  });
});
