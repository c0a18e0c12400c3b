import { describe, expect, it } from "vitest";
import { buildResults } from "../../../src/engine/results/results";
import { bars, type Row } from "../helpers/bars";
import { run } from "../helpers/run";

describe("the summary's per-trade averages are money, to the cent like the rest", () => {
  it("three losing round trips of −$1, −$1 and −$2 average −$1.33, not −1.3333333333333333", () => {
    // One share each time, bought at an open of 100 and sold at the next open: 99, 99, then 98.
    const prices = [100, 100, 99, 100, 99, 100, 98, 98];
    const rows: Row[] = prices.map((p) => [p, p, p, p]);
    const bt = run(bars("A", rows), (b, _c, _d, t) => {
      if (t < 6) b.order(b.symbol("A"), t % 2 === 0 ? 1 : -1);
    });
    const { summary, trades } = buildResults(bt, { strategy: "S", elapsedMs: 0 });
    expect(trades.map((x) => x.pnl)).toEqual([-1, -1, -2]);
    expect([summary.averageWin, summary.averageLoss, summary.expectancy]).toEqual([null, -1.33, -1.33]);
  });
});
