import { describe, expect, it } from "vitest";
import { bars, flat } from "../helpers/bars";
import { run } from "../helpers/run";

/** Values a strategy hands the engine that change, or throw, between one read and the next. */
describe("a strategy's value that changes between reads", () => {
  it("is recorded as the one number record() checked: a getter read twice cannot slip an object into the run's events", () => {
    let reads = 0;
    const values = {
      get x() {
        reads++;
        return reads === 1 ? 1.5 : { forged: "<b>not a number</b>" };
      },
    };
    const bt = run(bars("SPY", flat(100, 1)), (b) => void b.record(values as unknown as Record<string, number>));
    const recorded = [...bt.events].filter((e) => e.type === "record");
    expect(recorded).toEqual([{ type: "record", dt: bt.md.timeline[0], values: { x: 1.5 } }]);
    expect(bt.host.records.get("x")).toEqual([[bt.md.timeline[0], 1.5]]);
    expect(reads).toBe(1);
  });

  it("checks every value before it keeps any: a bad second value leaves no half-recorded bar", () => {
    const bt = run(bars("SPY", flat(100, 1)), (b) => {
      try {
        b.record({ first: 1, second: "2" as unknown as number });
      } catch {
        // the strategy carries on
      }
      b.record("__proto__", 3);
    });
    expect(bt.host.records.has("first")).toBe(false);
    const recorded = [...bt.events].filter((e) => e.type === "record");
    expect(recorded).toHaveLength(1);
    expect(Object.entries(recorded[0]!.type === "record" ? recorded[0]!.values : {})).toEqual([["__proto__", 3]]);
  });
});

describe("a BigInt where the engine wants a number", () => {
  it("is named as one: an order of 10n shares says it got the BigInt 10n, not 10", () => {
    const bt = run(bars("SPY", flat(100, 1)), (b) => {
      try {
        b.order(b.symbol("SPY"), 10n as unknown as number);
      } catch (e) {
        b.host.log.info((e as Error).message);
      }
    });
    const said = [...bt.events].flatMap((e) => (e.type === "log" ? [e.message] : []));
    expect(said).toEqual(["order amount must be a finite number of shares, got the BigInt 10n"]);
  });
});

describe("an amount of cash past what money can be reported in", () => {
  it("is refused by setCash, as the Starting cash setting refuses it: setCash(1e308) made every equity point null", () => {
    const said: string[] = [];
    const bt = run(bars("SPY", flat(100, 1)), () => undefined, {
      init: (b) => {
        for (const cash of [1e308, 1e12 + 1, 1e12]) {
          try {
            b.setCash(cash);
          } catch (e) {
            said.push((e as Error).message);
          }
        }
      },
    });
    expect(said).toEqual([
      "setCash takes an amount above 0 and at most 1,000,000,000,000, got 1e+308",
      "setCash takes an amount above 0 and at most 1,000,000,000,000, got 1000000000001",
    ]);
    expect(bt.ledger.startingCash.toNumber()).toBe(1e12); // the last, in range, was taken
  });
});
