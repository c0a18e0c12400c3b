import { describe, expect, it } from "vitest";
import { parseBarsCsv } from "../../src/engine/data/csv/csv-parser";
import { readBarColumns } from "../../src/runtime/bar-columns";

const CSV = [
  "date,open,high,low,close,volume",
  "2020-01-02,10,11,9,10.5,1000",
  "2020-01-03,10.5,12,10,11.5,1200",
  "2020-01-06,11.5,11.8,10.9,11,900",
].join("\n");

/** The parser's bars for the file, as a plain object the test may spoil. */
function parsed() {
  const b = parseBarsCsv(CSV, "SPY.csv").bars[0]!;
  return { ...b };
}

const problem = (v: unknown) => {
  const r = readBarColumns(v);
  return "problem" in r ? r.problem : null;
};

describe("parsed bars the run worker receives", () => {
  it("takes the CSV parser's own bars, copying only the fields it knows", () => {
    const r = readBarColumns([{ ...parsed(), extra: "ignored" }]);
    expect("bars" in r && r.bars[0]).toEqual(parsed());
    expect("bars" in r && Object.keys(r.bars[0]!)).not.toContain("extra");
  });

  it("refuses columns that are not Float64Arrays or not of one length", () => {
    expect(problem([{ ...parsed(), close: [10.5, 11.5, 11] }])).toBe("SPY's close that is not a Float64Array");
    expect(problem([{ ...parsed(), volume: new Float64Array(2) }])).toBe("SPY's columns of different lengths");
    expect(problem([])).toBe("parsed bars that are not a list");
    expect(problem([{ ...parsed(), symbol: "" }])).toBe("bars without a symbol");
  });

  it("refuses what the parser would have refused: bad prices, times out of order, a bar outside its range", () => {
    const nan = parsed();
    nan.open = Float64Array.of(10, NaN, 11.5);
    expect(problem([nan])).toBe("SPY's open at bar 1 that is not a price");
    const huge = parsed();
    huge.high = Float64Array.of(11, 1.7e308, 12);
    expect(problem([huge])).toBe("SPY's high at bar 1 that is not a price");
    const backwards = parsed();
    backwards.time = Float64Array.of(3, 2, 4);
    expect(problem([backwards])).toBe("SPY's times out of order at bar 1");
    const twice = parsed();
    twice.time = Float64Array.of(1, 2, 2);
    expect(problem([twice])).toBe("SPY's times out of order at bar 2");
    const highBelowClose = parsed();
    highBelowClose.high = Float64Array.of(11, 11, 11.8);
    expect(problem([highBelowClose])).toBe("SPY's bar 1 outside its range");
    const negativeVolume = parsed();
    negativeVolume.volume = Float64Array.of(1, -1, 1);
    expect(problem([negativeVolume])).toBe("SPY's volume at bar 1 that is not a volume");
    expect(problem([{ ...parsed(), tickSize: 0 }])).toBe("SPY without a tick size");
  });

  it("copies columns in shared memory into its own before checking them, so later writes cannot reach the run", () => {
    const shared = (a: Float64Array) => {
      const out = new Float64Array(new SharedArrayBuffer(a.byteLength));
      out.set(a);
      return out;
    };
    const b = parsed();
    const sent = { ...b, close: shared(b.close), time: shared(b.time) };
    const r = readBarColumns([sent]);
    if (!("bars" in r)) throw new Error(r.problem);
    sent.close[0] = -1;
    expect(r.bars[0]!.close.buffer).toBeInstanceOf(ArrayBuffer);
    expect(Array.from(r.bars[0]!.close)).toEqual(Array.from(b.close));
  });
});
