import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseBarsCsv } from "../../../../src/engine/data/csv/csv-parser";
import { DataError } from "../../../../src/engine/data/symbol-bars";

/** Parse, and hold the result to what a valid load promises; a DataError must be located. */
function loadOrLocatedError(text: string, file = "FUZZ.csv"): void {
  let parsed;
  try {
    parsed = parseBarsCsv(text, file);
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    const e = error as DataError;
    expect(e.file).toBe(file);
    expect(Number.isInteger(e.line) && e.line >= 0).toBe(true);
    expect(Number.isInteger(e.column) && e.column >= 0).toBe(true);
    expect(e.message.length).toBeLessThan(400);
    return;
  }
  expect(parsed.bars.length).toBeGreaterThan(0);
  for (const b of parsed.bars) {
    expect(b.symbol.length).toBeGreaterThan(0);
    for (let i = 0; i < b.time.length; i++) {
      // a valid load holds only real dates the results can print, strictly increasing
      expect(new Date(b.time[i]!).toISOString()).toMatch(/^\d{4}-/);
      if (i > 0) expect(b.time[i]!).toBeGreaterThan(b.time[i - 1]!);
      const [o, h, l, c, v] = [b.open[i]!, b.high[i]!, b.low[i]!, b.close[i]!, b.volume[i]!];
      expect([o, h, l, c, v].every(Number.isFinite)).toBe(true);
      expect(l > 0 && l <= Math.min(o, c) && h >= Math.max(o, c) && v >= 0).toBe(true);
    }
  }
}

// Cells drawn from what breaks parsers: dates of every shape, numbers at the edges, quotes.
const cell = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom("2020-01-02", "20200102", "43831", "1577923200", "1577923200000", "99999999999999999"),
  fc.constantFrom("0", "-1", "1e999", "NaN", "Infinity", "0x10", " 5 ", "1.5", ".5", "", '"', '""', "\r", "\n"),
  fc.integer({ min: 0, max: 2 ** 53 }).map(String),
  fc.double().map(String),
);
const header = fc.constantFrom(
  "date,open,high,low,close,volume",
  "symbol,date,open,high,low,close,volume",
  "date,time,open,high,low,close,volume",
  ",open,high,low,close,volume",
);
const structured = fc
  .tuple(header, fc.array(fc.array(cell, { minLength: 5, maxLength: 8 }), { maxLength: 12 }))
  .map(([h, rows]) => [h, ...rows.map((r) => r.join(","))].join("\n"));

describe("the CSV parser under fuzzing: a located error or a valid load, never anything else", () => {
  it("arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => loadOrLocatedError(text)),
      { numRuns: 500 },
    );
  });

  it("arbitrary bytes, read as UTF-8 and as Latin-1", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        loadOrLocatedError(new TextDecoder("utf-8").decode(bytes));
        loadOrLocatedError(new TextDecoder("latin1").decode(bytes));
      }),
      { numRuns: 300 },
    );
  });

  it("rows of hostile cells under a real header", () => {
    fc.assert(
      fc.property(structured, (text) => loadOrLocatedError(text)),
      { numRuns: 1000 },
    );
  });

  it("hostile file names", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (name) =>
        loadOrLocatedError("date,open,high,low,close,volume\n2020-01-02,1,1,1,1,1\n", name),
      ),
      { numRuns: 200 },
    );
  });
});
