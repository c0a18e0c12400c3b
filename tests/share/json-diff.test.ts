import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonDiff, jsonMerge } from "../../src/share/json-diff";

const DEFAULTS = {
  run: { cash: 100_000, fillModel: "ohlc", commission: { model: "PerShare", cost: 0.001, minTradeCost: 0 } },
  symbols: [] as string[],
  timeLimitSec: 60,
};

describe("settings travel as their difference from the defaults", () => {
  it("an unchanged setting is left out entirely", () => {
    expect(jsonDiff(DEFAULTS, DEFAULTS)).toEqual({});
  });

  it("a changed number keeps only its own path; a switched model travels whole", () => {
    const changed = {
      ...DEFAULTS,
      run: { ...DEFAULTS.run, cash: 5000, commission: { model: "PerTrade", cost: 1 } },
      symbols: ["SPY"],
    };
    expect(jsonDiff(changed, DEFAULTS)).toEqual({
      run: { cash: 5000, commission: { model: "PerTrade", cost: 1 } },
      symbols: ["SPY"],
    });
    expect(jsonMerge(DEFAULTS, jsonDiff(changed, DEFAULTS))).toEqual(changed);
  });

  it("merging a diff over the defaults gives the settings back", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1 }), fc.constantFrom("ohlc", "close"), fc.nat(600), (cash, fillModel, limit) => {
        const s = { ...DEFAULTS, run: { ...DEFAULTS.run, cash, fillModel }, timeLimitSec: limit };
        expect(jsonMerge(DEFAULTS, jsonDiff(s, DEFAULTS))).toEqual(s);
      }),
    );
  });

  it("a __proto__ key in a diff does not reach any object's prototype", () => {
    const merged = jsonMerge(DEFAULTS, JSON.parse('{"__proto__":{"polluted":true},"run":{"__proto__":{"x":1}}}'));
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
