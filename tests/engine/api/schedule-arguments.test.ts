import { describe, expect, it } from "vitest";
import { dateRules, timeRules } from "../../../src/engine/api/schedule";
import { StrategyError } from "../../../src/engine/strategy-error";
import { bars, flat } from "../helpers/bars";
import { run } from "../helpers/run";

function scheduleError(args: unknown[]): unknown {
  try {
    run(bars("A", flat(100, 2)), () => undefined, {
      init: (b) => (b.scheduleFunction as (...a: unknown[]) => void)(() => undefined, ...args),
    });
  } catch (e) {
    return (e as { original?: unknown }).original ?? e;
  }
  return null;
}

describe("scheduleFunction checks its rules where they enter", () => {
  it('scheduleFunction(fn, "daily") is a StrategyError naming the expected argument', () => {
    const e = scheduleError(["daily"]);
    expect(e).toBeInstanceOf(StrategyError);
    expect((e as Error).message).toBe(
      "scheduleFunction's second argument must be a date rule such as dateRules.everyDay() or " +
        'dateRules.monthStart(), got the string "daily"',
    );
  });

  it("a forged rule object is refused, and a time rule in the date rule's place too", () => {
    expect(scheduleError([{ kind: "dateRule", label: "x", matches: () => true }])).toBeInstanceOf(StrategyError);
    expect(scheduleError([timeRules.marketOpen()])).toBeInstanceOf(StrategyError);
    expect((scheduleError([dateRules.everyDay(), "open"]) as Error).message).toMatch(
      /^scheduleFunction's third argument must be a time rule such as timeRules\.marketOpen\(\)/,
    );
  });

  it("the rules dateRules and timeRules make are accepted, and frozen", () => {
    expect(scheduleError([dateRules.monthStart(1), timeRules.marketClose({ minutes: 30 })])).toBeNull();
    expect(Object.isFrozen(dateRules.everyDay())).toBe(true);
  });
});
