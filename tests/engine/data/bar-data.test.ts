import { describe, expect, it } from "vitest";
import type { Series } from "../../../src/engine/data/series";
import { StrategyError } from "../../../src/engine/strategy-error";
import { bars, flat, type Row } from "../helpers/bars";
import { run } from "../helpers/run";

const rows: Row[] = [
  [10, 11, 9, 10.5, 100],
  [10.5, 12, 10, 11.5, 200],
  [11.5, 13, 11, 12.5, 300],
];

describe("data.history", () => {
  it("includes the current bar and is shorter at the start of the data", () => {
    const seen: number[][] = [];
    run(bars("A", rows), (b, _c, d) => void seen.push(d.history(b.symbol("A"), "close", 2).toArray()));
    expect(seen).toEqual([[10.5], [10.5, 11.5], [11.5, 12.5]]);
  });
  it("hands out values as a copy of the window, the same array on every read, never the engine's", () => {
    const data = bars("A", rows);
    let h: Series | null = null;
    run(data, { 2: (b, _c, d) => void (h = d.history(b.symbol("A"), "volume", 3)) });
    expect(h!.values.buffer).not.toBe(data.volume.buffer);
    expect(h!.values.buffer.byteLength).toBe(3 * 8);
    expect(h!.values).toBe(h!.values);
    expect(Array.from(h!.values)).toEqual([100, 200, 300]);
  });
  it("with an array of assets returns a Map of Series", () => {
    let m: Map<unknown, Series> | null = null;
    run([bars("A", rows), bars("B", flat(5, 3))], {
      1: (b, _c, d) => void (m = d.history([b.symbol("A"), b.symbol("B")], "high", 5)),
    });
    expect([...m!.values()].map((x) => x.toArray())).toEqual([
      [11, 12],
      [5, 5],
    ]);
  });
  it("rejects a bad bar count or field with a StrategyError", () => {
    let errors: unknown[] = [];
    run(bars("A", rows), {
      0: (b, _c, d) => {
        errors = [
          () => d.history(b.symbol("A"), "close", 0),
          () => d.history(b.symbol("A"), "vwap" as "close", 2),
          () => d.current("A" as never, "close"),
        ].map((f) => {
          try {
            f();
            return null;
          } catch (e) {
            return e;
          }
        });
      },
    });
    expect(errors.every((e) => e instanceof StrategyError)).toBe(true);
  });
  it("says what is wrong with each argument, checking the field, the count, the frequency, then the asset", () => {
    let messages: string[] = [];
    run(bars("A", rows), {
      0: (b, _c, d) => {
        const a = b.symbol("A");
        messages = [
          () => d.history(a, "vwap" as "close", 0),
          () => d.history(a, "close", 2.5),
          () => d.history(a, "close", 2, 1 as unknown as string),
          () => d.history("A" as never, "close", 2),
          () => d.history([a, { sid: 0 } as never], "close", 2),
          () => d.current({ sid: 0 } as never, "open"),
          () => d.current([a], "bid" as "close"),
        ].map((f) => {
          try {
            f();
            return "no error";
          } catch (e) {
            return (e as Error).message;
          }
        });
      },
    });
    expect(messages).toEqual([
      'unknown field the string "vwap": use open, high, low, close, volume or price',
      "history barCount must be a whole number of at least 1, got 2.5",
      'history frequency must be a string like "1d"',
      'expected an Asset from this.symbol(...), got the string "A" (call this.symbol(...) first)',
      "expected an Asset from this.symbol(...), got an object",
      "expected an Asset from this.symbol(...), got an object",
      'unknown field the string "bid": use open, high, low, close, volume or price',
    ]);
  });
});

describe("data.current", () => {
  it("gives the current bar's fields", () => {
    const seen: number[][] = [];
    run(bars("A", rows), {
      1: (b, _c, d) =>
        void seen.push(
          (["open", "high", "low", "close", "volume", "price"] as const).map((f) => d.current(b.symbol("A"), f)),
        ),
    });
    expect(seen).toEqual([[10.5, 12, 10, 11.5, 200, 11.5]]);
  });
  it("for a symbol without a bar now, every field comes from its latest bar (as the playground declarations document) and it is stale", () => {
    const a = bars("A", flat(100, 3));
    const b2 = bars(
      "B",
      [
        [50, 51, 49, 50.5, 10],
        [52, 53, 51, 52, 10],
      ],
      undefined,
      { dates: ["2024-01-01", "2024-01-03"] },
    );
    const seen: Array<[number, number, number, boolean, boolean]> = [];
    run([a, b2], {
      1: (b, _c, d) => {
        const B = b.symbol("B");
        seen.push([d.current(B, "price"), d.current(B, "close"), d.current(B, "volume"), d.canTrade(B), d.isStale(B)]);
      },
    });
    expect(seen).toEqual([[50.5, 50.5, 10, false, true]]);
  });
  it("checks the field before the asset, for a good asset and for a bad one alike", () => {
    let messages: string[] = [];
    run(bars("A", rows), {
      0: (b, _c, d) => {
        const a = b.symbol("A");
        messages = [
          () => d.current(a, "bid" as "close"),
          () => d.current({ sid: 0 } as never, "bid" as "close"),
          () => d.history(a, "bid" as "close", 2),
          () => d.history({ sid: 0 } as never, "bid" as "close", 2),
          () => d.history({ sid: 0 } as never, "close", 2),
        ].map((f) => {
          try {
            f();
            return "no error";
          } catch (e) {
            return (e as Error).message;
          }
        });
      },
    });
    const unknownField = 'unknown field the string "bid": use open, high, low, close, volume or price';
    expect(messages).toEqual([
      unknownField,
      unknownField,
      unknownField,
      unknownField,
      "expected an Asset from this.symbol(...), got an object",
    ]);
  });
  it("is NaN for a symbol before its first bar, and its history is empty", () => {
    const late = bars("B", flat(5, 2), undefined, { dates: ["2024-01-02", "2024-01-03"] });
    const seen: Array<[number, number]> = [];
    run([bars("A", flat(100, 3)), late], {
      0: (b, _c, d) => void seen.push([d.current(b.symbol("B"), "close"), d.history(b.symbol("B"), "close", 5).length]),
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]![0]).toBeNaN();
    expect(seen[0]![1]).toBe(0);
  });
  it("takes an array of assets", () => {
    let x: number[] = [];
    run([bars("A", rows), bars("B", flat(5, 3))], {
      0: (b, _c, d) => void (x = d.current([b.symbol("A"), b.symbol("B")], "close")),
    });
    expect(x).toEqual([10.5, 5]);
  });
});
