import { describe, expect, it } from "vitest";
import { bars, flat } from "../engine/helpers/bars";
import { runStrategy } from "../../src/runtime/run-strategy";
import { UserFacingError } from "../../src/runtime/user-error";

const BARS = [bars("SPY", flat(100, 10))];
const SETTINGS = { cash: 100_000, fillModel: "ohlc", sameBarPolicy: "path" } as const;

/** Buys 10 shares on the first bar; `extra` adds members to the class (an analyze hook). */
function buyOnce(extra = ""): string {
  return `import { TradingAlgorithm, order } from "playground";
export default class BuyOnce extends TradingAlgorithm {
  handleData(context, data) { if (context.barIndex === 0) order(this.symbol("SPY"), 10); }
  ${extra}
}
`;
}

function run(source: string, results?: "always" | "if-analyzed") {
  return runStrategy({ source, fileName: "buy.ts", bars: BARS, settings: SETTINGS, results });
}

describe("a run that only needs its results for analyze", () => {
  it("builds no results for a strategy without an analyze hook, and still trades", () => {
    const r = run(buyOnce(), "if-analyzed");
    expect(r.results).toBeNull();
    expect(r.timings.resultsMs).toBe(0);
    expect(r.backtest.broker.fills).toHaveLength(1);
  });

  it("builds them and hands them to analyze when the strategy has the hook", () => {
    const checks = buyOnce(`analyze(context, results) { if (results.fills.length !== 1) throw new Error("no fill"); }`);
    expect(run(checks, "if-analyzed").results).not.toBeNull();
    const fails = buyOnce(`analyze(context, results) { throw new Error("saw " + results.fills.length + " fill"); }`);
    expect(() => run(fails, "if-analyzed")).toThrow("saw 1 fill");
  });

  it("gives the same fills hash as a run that always builds them", () => {
    const withHook = buyOnce(`analyze() {}`);
    expect(run(withHook, "if-analyzed").results!.run.fillsHash).toBe(run(withHook).results!.run.fillsHash);
  });
});

describe("a run whose dates leave no bar", () => {
  it("is a data error naming the dates the data covers, not a runtime error of the strategy", () => {
    const first = new Date(BARS[0]!.time[0]!).toISOString().slice(0, 10);
    const last = new Date(BARS[0]!.time.at(-1)!).toISOString().slice(0, 10);
    let thrown: unknown;
    try {
      runStrategy({
        source: buyOnce(),
        fileName: "buy.ts",
        bars: BARS,
        settings: { ...SETTINGS, start: "2099-01-01" },
      });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(UserFacingError);
    expect((thrown as UserFacingError).detail).toEqual({
      kind: "data",
      message: `no bars to run on with start 2099-01-01: the data covers ${first} to ${last}`,
    });
  });

  it("says so when the start date is after the end date", () => {
    const run = () =>
      runStrategy({
        source: buyOnce(),
        fileName: "buy.ts",
        bars: BARS,
        settings: { ...SETTINGS, start: "2022-01-01", end: "2020-06-30" },
      });
    expect(run).toThrow(UserFacingError);
    expect(run).toThrow("no bars to run on: start 2022-01-01 is after end 2020-06-30");
  });

  it("runs when the dates keep one bar", () => {
    const last = new Date(BARS[0]!.time.at(-1)!).toISOString().slice(0, 10);
    const r = runStrategy({
      source: buyOnce(),
      fileName: "buy.ts",
      bars: BARS,
      settings: { ...SETTINGS, start: last },
    });
    expect(r.results.run.bars).toBe(1);
  });
});
