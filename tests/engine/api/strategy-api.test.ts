import { describe, expect, it } from "vitest";
import { STRATEGY_FUNCTIONS, strategyFunctions } from "../../../src/engine/api/strategy-api";
import type { StrategyHost } from "../../../src/engine/api/strategy-host";

describe("the playground's free functions", () => {
  it("each calls the running backtest's method of its own name, with the arguments it was given", () => {
    const calls: unknown[][] = [];
    const host = Object.fromEntries(
      STRATEGY_FUNCTIONS.map((name) => [
        name,
        function (this: unknown, ...args: unknown[]) {
          calls.push([name, this === host, ...args]);
          return `${name} done`;
        },
      ]),
    ) as unknown as StrategyHost;
    const api = strategyFunctions(() => host);
    for (const name of STRATEGY_FUNCTIONS) {
      const f = api[name] as (...args: unknown[]) => unknown;
      expect(f.name).toBe(name);
      expect(f(1, "two", undefined)).toBe(`${name} done`);
    }
    expect(calls).toEqual(STRATEGY_FUNCTIONS.map((name) => [name, true, 1, "two", undefined]));
  });
});
