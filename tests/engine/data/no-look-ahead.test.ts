import { describe, expect, it } from "vitest";
import type { Asset } from "../../../src/engine/data/asset";
import { bars } from "../helpers/bars";
import { fillsOf, idAt, run } from "../helpers/run";

// Closes 100, 101, 102, 103, 104 (open = close of the bar; high/low 1 around it).
const rising = () =>
  bars(
    "A",
    [100, 101, 102, 103, 104].map((c) => [c, c + 1, c - 1, c] as const),
  );

describe("a Series cannot see or change the future", () => {
  it("the buffer behind history's values on bar 0 holds bar 0's close and nothing later", () => {
    let seen: number[] = [];
    run(rising(), {
      0: (b, _c, data) => {
        const values = data.history(b.symbol("A"), "close", 1).values;
        seen = [...new Float64Array(values.buffer)];
      },
    });
    expect(seen).toEqual([100]);
  });

  it("writing through values does not move the bars the engine fills at", () => {
    const bt = run(rising(), {
      0: (b, _c, data) => {
        const a = b.symbol("A");
        for (const field of ["open", "high", "low", "close"] as const) {
          new Float64Array(data.history(a, field, 1).values.buffer).fill(0.01);
        }
        return b.order(a, 10);
      },
    });
    // the market buy fills at bar 1's open as the data says, 101, not 0.01
    expect(fillsOf(bt, idAt(bt, 0))).toEqual([[1, 10, 101]]);
    expect(bt.md.bars[0]!.close[0]).toBe(100);
  });

  it("sorting values in place leaves the past closes as they were", () => {
    const falling = bars(
      "A",
      [104, 103, 102, 101].map((c) => [c, c + 1, c - 1, c] as const),
    );
    const later: number[][] = [];
    run(falling, (b, _c, data, t) => {
      const s = data.history(b.symbol("A"), "close", 3);
      if (t === 2) {
        s.values.sort();
        expect(s.mean()).toBe(103); // the Series itself still reads the bars: (104 + 103 + 102) / 3
      }
      if (t === 3) later.push([...s.values]);
    });
    expect(later).toEqual([[103, 102, 101]]);
  });

  it("iterating history on bar 1 yields bars 0 and 1 and nothing later", () => {
    let seen: number[] = [];
    run(rising(), {
      1: (b, _c, data) => {
        seen = [...data.history(b.symbol("A"), "close", 3)];
      },
    });
    expect(seen).toEqual([100, 101]);
  });

  it("at() with a string index cannot reach a later bar", () => {
    let got: unknown[] = [];
    run(rising(), {
      1: (b, _c, data) => {
        const s = data.history(b.symbol("A"), "close", 1);
        // "1" would have been src[1 + "1"] = src[11]; "3" would have been src["13"]
        got = [s.at("1" as unknown as number), s.at(0.5), s.at(0)];
      },
    });
    expect(got).toEqual([NaN, NaN, 101]);
  });

  it("data exposes no field through which the loaded bars could be read", () => {
    let keys: string[] = ["unset"];
    let md: unknown = "unset";
    run(rising(), {
      0: (_b, _c, data) => {
        keys = Object.getOwnPropertyNames(data);
        md = (data as unknown as { md?: unknown }).md;
      },
    });
    expect(keys).toEqual([]);
    expect(md).toBeUndefined();
  });
});

describe("assets are read-only", () => {
  it("asset.symbol = 'FAKE' throws in strict mode and this.symbol still returns the same, unchanged object", () => {
    let first: Asset | null = null;
    let again: Asset | null = null;
    let threw: unknown = null;
    run(rising(), {
      0: (b) => {
        first = b.symbol("A");
        try {
          (first as { symbol: string }).symbol = "FAKE";
        } catch (e) {
          threw = e;
        }
        (() => {
          try {
            (first as { sid: number }).sid = 7;
          } catch {
            // strict mode: also a TypeError
          }
        })();
        again = b.symbol("A");
      },
    });
    expect(threw).toBeInstanceOf(TypeError);
    expect(again).toBe(first);
    expect(again!.symbol).toBe("A");
    expect(again!.sid).toBe(0);
  });
});
