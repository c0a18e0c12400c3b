import { describe, expect, it } from "vitest";
import { Series } from "../../../src/engine/data/series";
import { StrategyError } from "../../../src/engine/strategy-error";
import { format } from "../../../src/engine/api/logger";

const s = (...x: number[]) => new Series(Float64Array.from(x));

describe("Series", () => {
  it("mean, sum, min, max of hand numbers", () => {
    const x = s(2, 4, 4, 4, 5, 5, 7, 9);
    expect([x.mean(), x.sum(), x.min(), x.max(), x.length]).toEqual([5, 40, 2, 9, 8]);
  });
  it("std is the sample deviation (ddof 1, like pandas)", () => {
    // squared deviations from 5 sum to 32; 32 / 7
    expect(s(2, 4, 4, 4, 5, 5, 7, 9).std()).toBe(Math.sqrt(32 / 7));
    expect(s(3).std()).toBeNaN();
  });
  it("an empty Series sums to 0 and has no mean, min, max or std", () => {
    const none = s();
    expect(none.sum()).toBe(0);
    expect([none.mean(), none.min(), none.max(), none.std(), none.at(0), none.last()]).toEqual([
      NaN,
      NaN,
      NaN,
      NaN,
      NaN,
      NaN,
    ]);
  });
  it("at counts from the end with negative indices", () => {
    const x = s(1, 2, 3);
    expect([x.at(0), x.at(-1), x.at(-3), x.last()]).toEqual([1, 3, 1, 3]);
    expect(x.at(3)).toBeNaN();
    expect(x.at(-4)).toBeNaN();
  });
  it("iterates its values oldest first, so for…of, spread and Math.max(...) work as on a pandas Series", () => {
    const x = s(3, 1, 4, 1, 5);
    const seen: number[] = [];
    for (const v of x) seen.push(v);
    expect(seen).toEqual([3, 1, 4, 1, 5]);
    expect([Math.max(...x), [...x].length]).toEqual([5, 5]);
    expect([...s()]).toEqual([]);
  });
  it("pctChange and diff start with NaN like pandas", () => {
    expect(s(100, 110, 99).pctChange().toArray()).toEqual([NaN, 110 / 100 - 1, 99 / 110 - 1]);
    expect(s(100, 110, 99).diff().toArray()).toEqual([NaN, 10, -11]);
  });
  it("rolling windows are NaN until full", () => {
    const x = s(1, 2, 3, 4);
    expect(x.rolling(2).mean().toArray()).toEqual([NaN, 1.5, 2.5, 3.5]);
    expect(x.rolling(3).sum().toArray()).toEqual([NaN, NaN, 6, 9]);
    expect(x.rolling(2).std().toArray()).toEqual([NaN, Math.SQRT1_2, Math.SQRT1_2, Math.SQRT1_2]);
    expect(x.rolling(2).max().toArray()).toEqual([NaN, 2, 3, 4]);
    expect(() => x.rolling(0)).toThrow(/rolling window/);
  });
  it("zscore centres on the mean in units of the sample std", () => {
    // mean 2, std 1
    expect(s(1, 2, 3).zscore().toArray()).toEqual([-1, 0, 1]);
  });
  it("elementwise ops take a number or a Series aligned on the latest values", () => {
    expect(s(1, 2, 3).add(1).toArray()).toEqual([2, 3, 4]);
    expect(s(1, 2, 3).sub(s(1, 1)).toArray()).toEqual([1, 2]);
    expect(
      s(1, 2, 3)
        .mul(s(2, 2, 2))
        .toArray(),
    ).toEqual([2, 4, 6]);
    expect(s(2, 4).div(2).toArray()).toEqual([1, 2]);
  });
  it("used as a number, as pandas' prices1 - prices2 ported unchanged, throws a StrategyError naming sub() instead of giving NaN", () => {
    const pep = s(50, 52);
    const ko = s(40, 41);
    // what an untyped `data.history(...)` lets a strategy write
    const asNumber = (x: Series) => x as unknown as number;
    expect(() => asNumber(pep) - asNumber(ko)).toThrow(StrategyError);
    expect(() => asNumber(pep) - asNumber(ko)).toThrow(/a Series is not a number: write a\.sub\(b\)/);
    expect(() => asNumber(pep) > 45).toThrow(StrategyError);
    expect(() => Math.abs(asNumber(pep))).toThrow(StrategyError);
    expect(Array.from(pep.sub(ko).values)).toEqual([10, 11]);
  });
  it("is logged as its values: this.log.info(prices) shows [101,102,103], NaN as null", () => {
    expect(format(s(101, 102, 103))).toBe("[101,102,103]");
    expect(format(s(1, 2).pctChange())).toBe("[null,1]");
  });
  it("reads as its values in text, the last ten at most", () => {
    expect(`${s(101, 102, 103)}`).toBe("Series [101, 102, 103]");
    expect(String(s(...Array.from({ length: 12 }, (_, i) => i)))).toBe("Series […, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]");
  });
  it("never mutates the values it was made from", () => {
    const raw = Float64Array.from([3, 1, 2]);
    const x = new Series(raw);
    x.add(1);
    x.sub(x);
    x.mul(2);
    x.div(2);
    x.pctChange();
    x.diff();
    x.zscore();
    x.rolling(2).mean();
    x.min();
    x.std();
    expect(Array.from(raw)).toEqual([3, 1, 2]);
  });
});
