import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { writeEquityRows } from "../../../src/engine/results/equity-rows";
import { JsonBytes } from "../../../src/engine/results/json-bytes";
import { equityPointJson } from "../../../src/engine/results/results";
import { rowPieces } from "../../../src/engine/results/row-pieces";
import { time } from "./row-text";

const DAY = 86_400_000;

interface Columns {
  time: number[];
  value: number[];
  cash: number[];
}

/** The equity array written from the columns, as the results writer writes it at depth 1. */
function written(c: Columns, pretty: boolean, chunkBytes: number): { text: string; rows: number } {
  const chunks: Uint8Array[] = [];
  const out = new JsonBytes((b) => chunks.push(b.slice()), pretty, chunkBytes);
  out.byte(0x5b);
  const rows = writeEquityRows(
    out,
    rowPieces(pretty),
    Float64Array.from(c.time),
    Float64Array.from(c.value),
    Float64Array.from(c.cash),
  );
  if (rows === 0) out.byte(0x5d);
  else out.close(0x5d, 1);
  out.flush();
  return { text: Buffer.concat(chunks).toString("utf8"), rows };
}

/** What JSON.stringify writes of the equity points inside the results (an array at depth 1). */
function stringified(c: Columns, pretty: boolean): string {
  const points = c.time.map((t, i) => equityPointJson(t, c.value[i]!, c.cash[i]!));
  return pretty ? JSON.stringify({ equity: points }, null, 2).slice(14, -2) : JSON.stringify(points);
}

/** Money as a run has it: cents and float sums with dust, flat stretches, shorts below zero, and some extremes. */
const money = fc.oneof(
  fc.integer({ min: -1e10, max: 1e10 }).map((k) => k / 100),
  fc.double({ min: -3e7, max: 3e7, noNaN: true }),
  fc.constantFrom(0, -0, -0.004, 0.005, 21_474_836.47, -21_474_836.475, 21_474_836.48, 1e13, 1e16, NaN, Infinity),
  // A few amounts often, so that a row's amount is often the one before's, or its opposite.
  fc.constantFrom(12.34, -12.34, 12.3, 1_000_000),
);

/** Times as bars have them: a start anywhere, then days, minutes or anything; now and then a time toISOString writes another way. */
const times = fc
  .tuple(
    time,
    fc.array(
      fc.oneof(
        fc.constant(DAY),
        fc.integer({ min: 1, max: 600 }).map((m) => m * 60_000),
        fc.nat(40 * DAY),
        fc.constant(0.5),
      ),
      { maxLength: 40 },
    ),
  )
  .map(([start, steps]) => {
    const out = [start];
    for (const s of steps) out.push(out.at(-1)! + s);
    return out;
  });

/** Columns of one length, the amounts now and then repeating the row before's (cash between fills). */
const columns: fc.Arbitrary<Columns> = times.chain((t) =>
  fc
    .record({
      value: fc.array(fc.option(money, { nil: undefined }), { minLength: t.length, maxLength: t.length }),
      cash: fc.array(fc.option(money, { nil: undefined }), { minLength: t.length, maxLength: t.length }),
    })
    .map(({ value, cash }) => {
      const repeat = (xs: (number | undefined)[]) => {
        const out: number[] = [];
        for (const x of xs) out.push(x ?? out.at(-1) ?? 0);
        return out;
      };
      return { time: t, value: repeat(value), cash: repeat(cash) };
    }),
);

describe("the equity rows written from the columns", { timeout: 60_000 }, () => {
  it("are what JSON.stringify writes of the equity points, compact and indented, across chunk ends", () => {
    fc.assert(
      fc.property(columns, fc.boolean(), fc.constantFrom(256, 4096, 1 << 20), (c, pretty, chunkBytes) => {
        const { text, rows } = written(c, pretty, chunkBytes);
        expect(rows).toBe(c.time.length);
        expect(text).toBe(stringified(c, pretty));
      }),
      { numRuns: 1500 },
    );
  });

  it("write an empty array without rows", () => {
    expect(written({ time: [], value: [], cash: [] }, true, 256)).toEqual({ text: "[]", rows: 0 });
  });

  it("write a long flat run of daily rows, where the cash and the value repeat, as JSON.stringify does", () => {
    const n = 5000;
    const start = Date.UTC(1999, 11, 25);
    const c: Columns = {
      time: Array.from({ length: n }, (_, i) => start + i * DAY),
      value: Array.from({ length: n }, (_, i) => (i < 2500 ? 1_000_000 : 1_000_000 + ((i * 7919) % 100_000) / 100)),
      cash: Array.from({ length: n }, (_, i) => (i < 2500 ? 1_000_000 : 12.34)),
    };
    for (const pretty of [false, true]) expect(written(c, pretty, 1 << 12).text).toBe(stringified(c, pretty));
  });
});
