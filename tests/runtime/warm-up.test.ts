import { describe, expect, it } from "vitest";
import { warmUpStrategyPath } from "../../src/runtime/warm-up";
import { runStrategy } from "../../src/runtime/run-strategy";
import { bars, type Row } from "../engine/helpers/bars";

const ROWS: Row[] = Array.from({ length: 30 }, (_, i) => [100 + i, 101 + i, 99 + i, 100.5 + i, 1_000] as const);

const BUY_ON_THE_TENTH = `import { TradingAlgorithm, order } from "playground";
export default class Buy extends TradingAlgorithm {
  initialize(context) { context.asset = this.symbol("A"); }
  handleData(context) { if (context.barIndex === 10) order(context.asset, 5); }
}`;

const runOnce = () =>
  runStrategy({
    source: BUY_ON_THE_TENTH,
    fileName: "strategy.ts",
    bars: [bars("A", ROWS)],
    settings: { cash: 10_000, fillModel: "ohlc", sameBarPolicy: "path" },
  }).results;

describe("a spare run worker's warm-up", () => {
  it("compiles and loads its strategy through the run's own path", () => {
    expect(warmUpStrategyPath()).toBe(true);
  });

  it("leaves nothing behind for the run that follows", () => {
    const before = runOnce();
    warmUpStrategyPath();
    const after = runOnce();
    expect(after.run.fillsHash).toBe(before.run.fillsHash);
    expect(after.fills).toEqual(before.fills);
    expect(after.summary).toEqual(before.summary);
  });
});
