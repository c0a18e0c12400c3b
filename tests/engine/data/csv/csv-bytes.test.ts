import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseBarsCsvBytes } from "../../../../src/engine/data/csv/csv-bytes";
import { parseBarsCsv } from "../../../../src/engine/data/csv/csv-parser";
import { DataError } from "../../../../src/engine/data/symbol-bars";

// As reading a file as UTF-8 text does: a byte-order mark is kept (parseBarsCsv drops it).
const utf8 = (bytes: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
const bytesOf = (text: string) => new TextEncoder().encode(text);

/** What a parse gave: the bars and warnings, or where and why it refused the file. */
function outcome(parse: () => unknown): unknown {
  try {
    return parse();
  } catch (e) {
    if (!(e instanceof DataError)) throw e;
    return { refused: e.message, line: e.line, column: e.column };
  }
}

function expectSameAsText(text: string, file = "SPY.csv"): void {
  const fromText = outcome(() => parseBarsCsv(text, file));
  expect(outcome(() => parseBarsCsvBytes(bytesOf(text), file, utf8))).toEqual(fromText);
}

const DAILY = "date,open,high,low,close,volume\n2020-01-02,10,11,9,10.5,1000\n2020-01-03,10.5,12,10,11,2000\n";

describe("a CSV file read from its bytes", () => {
  it("gives the bars of the same file read as text", () => {
    const bars = parseBarsCsvBytes(bytesOf(DAILY), "data/SPY.csv", utf8).bars;
    expect(bars).toEqual(parseBarsCsv(DAILY, "data/SPY.csv").bars);
    expect(bars[0]!.symbol).toBe("SPY");
    expect([...bars[0]!.time]).toEqual([Date.UTC(2020, 0, 2), Date.UTC(2020, 0, 3)]);
  });

  it("names the same file, line and column for bad data", () => {
    const bad = DAILY + "2020-01-06,10,9.5,9,10,100\n";
    expect(() => parseBarsCsvBytes(bytesOf(bad), "SPY.csv", utf8)).toThrow("SPY.csv:4:3: high 9.5 is below open 10");
    expectSameAsText(DAILY + "2020-02-30,10,11,9,10,100\n");
    expectSameAsText(DAILY + "2020-01-06,10,11,9,10\n");
    expectSameAsText(DAILY + "2020-01-03,10,11,9,10,100\n"); // a duplicate time
  });

  it("reads a byte-order mark, Windows line ends, blank lines and other date shapes as the text does", () => {
    const windows = "\ufeff" + DAILY.replaceAll("\n", "\r\n") + "\r\n\r\n";
    expectSameAsText(windows);
    expect(parseBarsCsvBytes(bytesOf(windows), "SPY.csv", utf8).bars[0]!.close.length).toBe(2);
    expectSameAsText("\n\ntimestamp,open,high,low,close,volume\n1577923200,1,2,1,2,0\n20200103 09:30,1,1,1,1,1e3\n");
    expectSameAsText("date,open,high,low,close,volume\n2020-01-03,1,1,1,1,1\n2020-01-02, 2 ,2,2,2,2\n"); // sorted
  });

  it("reads a file that is not plain (quotes, one line, blank, a symbol column, non-ASCII) as the text does", () => {
    expectSameAsText('date,open,high,low,close,volume\n"2020-01-02",1,1,1,1,1\n');
    expectSameAsText("date,open,high,low,close,volume");
    expectSameAsText(" \n \n");
    expectSameAsText("symbol,date,open,high,low,close,volume\nKO,2020-01-02,1,1,1,1,1\nPEP,2020-01-02,2,2,2,2,2\n");
    expectSameAsText("date,open,high,low,close,volume\n2020-01-02,1,1,1,1,1\n2020-01-03,1,1,1,1,1€\n");
    expectSameAsText("date,öffnung,high,low,close,volume\n2020-01-02,1,1,1,1,1\n");
  });

  it("agrees with the text for rows of hostile cells", () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom("2020-01-02", "2021-02-29", "2020-13-01", "20200102", "1577923200", "2020-01-02T10:00Z"),
      fc.constantFrom("0", "-1", "1e3", "NaN", " 5 ", "1.5", ".5", "", "\r", "é", "12345678901234567"),
      fc.integer({ min: 0, max: 2 ** 53 }).map(String),
      fc.double({ min: 0.01, max: 1e6, noNaN: true }).map(String),
    );
    const date = fc.date({ min: new Date("1900-01-01"), max: new Date("2200-01-01"), noInvalidDate: true });
    const goodRow = fc
      .tuple(date, fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 1000 }))
      .map(([d, p, v]) => `${d.toISOString().slice(0, 10)},${p / 100},${(p + 5) / 100},${p / 200},${p / 100},${v}`);
    const row = fc.oneof(
      goodRow,
      goodRow,
      fc.array(cell, { minLength: 5, maxLength: 7 }).map((r) => r.join(",")),
    );
    const file = fc
      .tuple(fc.boolean(), fc.array(row, { maxLength: 12 }), fc.constantFrom("\n", "\r\n"))
      .map(([bom, rows, end]) => (bom ? "\ufeff" : "") + ["date,open,high,low,close,volume", ...rows].join(end));
    fc.assert(
      fc.property(file, (text) => expectSameAsText(text)),
      { numRuns: 1000 },
    );
  });
});
