import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MarketData } from "../../../src/engine/data/market-data";
import { bars, day, flat } from "../helpers/bars";

const dates = (...isos: string[]) => isos;
const sym = (symbol: string, isos: string[]) => bars(symbol, flat(10, isos.length), undefined, { dates: isos });

describe("the run's timeline", () => {
  it("is every time any symbol has a bar, in order, each once", () => {
    const a = sym("A", dates("2024-01-01", "2024-01-03", "2024-01-05"));
    const b = sym("B", dates("2024-01-02", "2024-01-03", "2024-01-06"));
    const md = new MarketData([a, b]);
    expect(Array.from(md.timeline)).toEqual(
      ["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-05", "2024-01-06"].map(day),
    );
  });

  it("keeps only the times inside the run's start and end, both included", () => {
    const a = sym("A", dates("2024-01-01", "2024-01-03", "2024-01-05"));
    const b = sym("B", dates("2024-01-02", "2024-01-04", "2024-01-06"));
    const md = new MarketData([a, b], day("2024-01-02"), day("2024-01-05"));
    expect(Array.from(md.timeline)).toEqual(["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"].map(day));
  });

  it("of symbols on one calendar is that calendar", () => {
    const isos = dates("2024-01-01", "2024-01-02", "2024-01-04");
    const md = new MarketData([sym("A", isos), sym("B", isos), sym("C", isos)]);
    expect(Array.from(md.timeline)).toEqual(isos.map(day));
  });

  it("is the sorted set of all bar times in range, for any symbols and any range", () => {
    const times = fc
      .uniqueArray(fc.integer({ min: 0, max: 400 }), { maxLength: 40 })
      .map((xs) => xs.sort((x, y) => x - y));
    fc.assert(
      fc.property(
        fc.array(times, { minLength: 1, maxLength: 7 }),
        fc.integer({ min: -10, max: 410 }),
        fc.nat(420),
        (all, start, span) => {
          const end = start + span;
          const symbols = all.map((ts, i) => ({ ...bars(`S${i}`, flat(10, ts.length)), time: Float64Array.from(ts) }));
          const md = new MarketData(symbols, start, end);
          const expected = [...new Set(all.flat())].filter((t) => t >= start && t <= end).sort((x, y) => x - y);
          expect(Array.from(md.timeline)).toEqual(expected);
        },
      ),
    );
  });
});
