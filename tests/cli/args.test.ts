import { describe, expect, it } from "vitest";
import { ArgError, parseArgs, USAGE } from "../../src/cli/args";
import { DEFAULT_SETTINGS } from "../../src/engine/settings";

const parse = (...argv: string[]) => parseArgs(["s.ts", ...argv], "sample-data");
const failure = (...argv: string[]): string => {
  try {
    parse(...argv);
  } catch (e) {
    if (e instanceof ArgError) return e.message;
    throw e;
  }
  throw new Error("expected an ArgError");
};

describe("the command line's setting flags", () => {
  it("without flags, the run takes the default settings", () => {
    expect(parse().settings).toEqual(DEFAULT_SETTINGS);
  });

  it.each(["path", "stopFirst", "targetFirst"])("--same-bar %s sets the same-bar policy", (policy) => {
    expect(parse("--same-bar", policy).settings.sameBarPolicy).toBe(policy);
    expect(parse(`--same-bar=${policy}`).settings.sameBarPolicy).toBe(policy);
  });

  it("--same-bar with another value names the three allowed", () => {
    expect(failure("--same-bar", "stop")).toBe('--same-bar is path, stopFirst or targetFirst, got "stop"');
  });

  it("--same-bar without a value says it needs one", () => {
    expect(failure("--same-bar")).toBe("--same-bar needs a value");
    expect(failure("--same-bar", "--quiet")).toBe("--same-bar needs a value");
  });

  it("--cash takes a number above 0 and at most a trillion, and nothing else", () => {
    expect(parse("--cash", "2500.5").settings.cash).toBe(2500.5);
    expect(failure("--cash", "0")).toBe('--cash takes a number above 0 and at most 1,000,000,000,000, got "0"');
    expect(failure("--cash", "1e400")).toBe('--cash takes a number above 0 and at most 1,000,000,000,000, got "1e400"');
    expect(failure("--cash", "")).toBe('--cash takes a number above 0 and at most 1,000,000,000,000, got ""');
    expect(failure("--cash", "1e13")).toBe('--cash takes a number above 0 and at most 1,000,000,000,000, got "1e13"');
    expect(failure("--cash", "12abc")).toBe('--cash takes a number above 0 and at most 1,000,000,000,000, got "12abc"');
  });

  it("--timeout takes seconds up to 2,147,483 (about 24.8 days), the longest a timer can wait", () => {
    expect(parse("--timeout", "2147483").timeoutSec).toBe(2_147_483);
    // A longer timer fires at once: every run stopped "after" a time limit of a month.
    expect(failure("--timeout", "3000000")).toBe(
      '--timeout takes a number of seconds above 0, at most 2,147,483, got "3000000"',
    );
  });

  it("--start and --end take calendar dates, in order", () => {
    expect(parse("--start", "2019-01-01", "--end", "2019-12-31").settings).toMatchObject({
      start: "2019-01-01",
      end: "2019-12-31",
    });
    expect(failure("--start", "2019-02-30")).toBe('--start takes a date like 2019-01-31, got "2019-02-30"');
    expect(failure("--start", "2020-01-01", "--end", "2019-01-01")).toBe(
      "--start 2020-01-01 is after --end 2019-01-01",
    );
  });

  it("--commission names a model and any of its parameters; the rest take the model's defaults", () => {
    expect(parse("--commission", "PerTrade:cost=1.25").settings.commission).toEqual({ model: "PerTrade", cost: 1.25 });
    expect(parse("--commission", "PerShare:minTradeCost=1").settings.commission).toEqual({
      model: "PerShare",
      cost: 0.001,
      minTradeCost: 1,
    });
    expect(parse("--slippage", "NoSlippage").settings.slippage).toEqual({ model: "NoSlippage" });
  });

  it("--commission and --slippage reject unknown models, unknown parameters and out-of-range numbers", () => {
    expect(failure("--commission", "Free")).toBe(
      '--commission.model is PerShare, PerTrade, PerDollar or NoCommission, got "Free"',
    );
    expect(failure("--commission", "PerTrade:fee=1")).toBe('--commission: PerTrade has only cost, got "fee"');
    expect(failure("--slippage", "VolumeShareSlippage:volumeLimit=1.5")).toBe(
      "--slippage.volumeLimit must be a number above 0 and at most 1, got 1.5",
    );
    expect(failure("--slippage", "FixedSlippage:spread=wide")).toContain("spread needs a number");
  });

  it("the usage text lists every value of every choice", () => {
    expect(USAGE).toContain("[--same-bar path|stopFirst|targetFirst]");
    expect(USAGE).toContain("[--fill-model ohlc|close]");
    expect(USAGE).toContain("[--cash 100000]");
    expect(USAGE).toContain("PerShare:cost=0.001,minTradeCost=0 (default)");
    expect(USAGE).toContain("FixedBasisPointsSlippage:basisPoints=5,volumeLimit=0.1 (default)");
  });
});
