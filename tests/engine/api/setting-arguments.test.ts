import { describe, expect, it } from "vitest";
import type { Asset } from "../../../src/engine/data/asset";
import { bars, flat } from "../helpers/bars";
import { run, type TestRun } from "../helpers/run";

/** What running with `init` as initialize throws, or null. */
function initError(init: (b: TestRun) => void): string | null {
  try {
    run(bars("SPY", flat(100, 2)), {}, { init });
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}
const ticker = (s: string) => s as unknown as Asset;

describe("a setting that names an asset takes one from this.symbol(...)", () => {
  it("setBenchmark('SPY') says to call this.symbol('SPY'), not 'unknown symbol undefined'", () => {
    expect(initError((b) => b.setBenchmark(ticker("SPY")))).toBe(
      'setBenchmark takes an Asset from this.symbol(...), got the string "SPY" (call this.symbol("SPY") first)',
    );
  });

  it("setMaxPositionSize({ asset: 'SPY' }) is an error, not a limit that silently matches no asset", () => {
    expect(initError((b) => b.setMaxPositionSize({ asset: ticker("SPY"), maxShares: 10 }))).toBe(
      'setMaxPositionSize takes an Asset from this.symbol(...), got the string "SPY" (call this.symbol("SPY") first)',
    );
    expect(initError((b) => b.setMaxOrderSize({ asset: ticker("SPY"), maxShares: 10 }))).toContain(
      "setMaxOrderSize takes an Asset from this.symbol(...)",
    );
    // with the run's asset, or with none, a limit still limits: 20 SPY over a 10-share order limit are rejected
    for (const asset of [undefined, "SPY"]) {
      const bt = run(
        bars("SPY", flat(100, 2)),
        { 0: (b) => b.order(b.symbol("SPY"), 20) },
        {
          init: (b) => b.setMaxOrderSize({ asset: asset === undefined ? undefined : b.symbol(asset), maxShares: 10 }),
        },
      );
      expect([...bt.broker.orders.values()].map((o) => o.reason?.split(":")[0])).toEqual(["ORDER_SIZE_LIMIT"]);
    }
  });
});
