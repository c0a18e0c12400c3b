import { describe, expect, it } from "vitest";
import { parseBarsCsv, symbolFromFileName } from "../../../../src/engine/data/csv/csv-parser";
import { DataError, type SymbolBars } from "../../../../src/engine/data/symbol-bars";

const utc = (iso: string): number => Date.parse(iso);
const only = (text: string, file = "AAPL.csv"): SymbolBars => {
  const { bars, warnings } = parseBarsCsv(text, file);
  expect(warnings).toEqual([]);
  expect(bars).toHaveLength(1);
  return bars[0];
};
const failure = (text: string, file = "AAPL.csv"): string => {
  try {
    parseBarsCsv(text, file);
  } catch (error) {
    if (error instanceof DataError) return error.message;
    throw error;
  }
  throw new Error("expected a DataError");
};
const csv = (...lines: string[]): string => lines.join("\n") + "\n";
const HEADER = "date,open,high,low,close,volume";

describe("accepted formats", () => {
  it("reads a Yahoo Finance export, ignoring Adj Close, with the symbol taken from the file name", () => {
    const bars = only(
      csv(
        "Date,Open,High,Low,Close,Adj Close,Volume",
        "2024-01-02,187.149994,188.440002,183.889999,185.639999,184.938217,82488700",
        "2024-01-03,184.220001,185.880005,183.429993,184.250000,183.553467,58414500",
      ),
      "aapl.csv",
    );
    expect(bars.symbol).toBe("AAPL");
    expect([...bars.time]).toEqual([utc("2024-01-02T00:00:00Z"), utc("2024-01-03T00:00:00Z")]);
    expect([...bars.close]).toEqual([185.639999, 184.25]);
    expect([...bars.volume]).toEqual([82488700, 58414500]);
    expect(bars.tickSize).toBe(0.01);
  });

  it("reads backtrader's sample data as it ships", () => {
    const bars = only(
      csv(
        "Date,Open,High,Low,Close,Adj Close,Volume",
        "1995-01-03,2.179012,2.191358,2.117284,2.117284,1.883304,36301200",
        "1995-01-04,2.123457,2.148148,2.092592,2.135803,1.899776,46051600",
      ),
      "datas/orcl-1995-2014.txt",
    );
    expect(bars.symbol).toBe("ORCL-1995-2014");
    expect([...bars.open]).toEqual([2.179012, 2.123457]);
  });

  it("reads backtesting.py's sample data, whose unnamed first column holds the dates", () => {
    const bars = only(
      csv(
        ",Open,High,Low,Close,Volume",
        "2004-08-19,100,104.06,95.96,100.34,22351900",
        "2004-08-20,101.01,109.08,100.5,108.31,11428600",
      ),
      "GOOG.csv",
    );
    expect(bars.symbol).toBe("GOOG");
    expect([...bars.time]).toEqual([utc("2004-08-19T00:00:00Z"), utc("2004-08-20T00:00:00Z")]);
    expect([...bars.high]).toEqual([104.06, 109.08]);
  });

  it("reads pandas to_csv output with a time-zone-aware index written with a space", () => {
    const bars = only(
      csv(
        ",Open,High,Low,Close,Volume,Dividends,Stock Splits",
        "2020-01-02 00:00:00+00:00,10,11,9,10.5,1000,0.0,0.0",
        "2020-01-03 00:00:00+00:00,10.5,11,10,10.8,1200,0.0,0.0",
      ),
      "out/spy.csv",
    );
    expect(bars.symbol).toBe("SPY");
    expect([...bars.time]).toEqual([utc("2020-01-02T00:00:00Z"), utc("2020-01-03T00:00:00Z")]);
  });

  it("reads a file with a symbol column as one series per symbol, in order of first appearance", () => {
    const { bars, warnings } = parseBarsCsv(
      csv(
        "Symbol,Date,Open,High,Low,Close,Volume",
        "ko,2020-01-02,50,51,49,50.5,100",
        "PEP,2020-01-02,130,131,129,130.5,200",
        "KO,2020-01-03,50.5,52,50,51,110",
        "PEP,2020-01-03,130.5,132,130,131,210",
      ),
      "pairs.csv",
    );
    expect(warnings).toEqual([]);
    expect(bars.map((b) => b.symbol)).toEqual(["KO", "PEP"]);
    expect([...bars[0].close]).toEqual([50.5, 51]);
    expect([...bars[1].volume]).toEqual([200, 210]);
  });

  it("reads Unix seconds and Unix milliseconds", () => {
    const seconds = only(csv("timestamp,open,high,low,close,volume", "1577923200,1,1,1,1,0"));
    const millis = only(csv("timestamp,open,high,low,close,volume", "1577923200000,1,1,1,1,0"));
    expect(seconds.time[0]).toBe(utc("2020-01-02T00:00:00Z"));
    expect(millis.time[0]).toBe(utc("2020-01-02T00:00:00Z"));
  });

  it("reads ISO date-times with Z, offsets, fractions, or no zone (meaning UTC)", () => {
    const bars = only(
      csv(
        "Datetime,Open,High,Low,Close,Volume",
        "2024-11-04T14:30:00Z,1,1,1,1,1",
        "2024-11-04T09:31:00-05:00,1,1,1,1,1",
        "2024-11-04 14:32,1,1,1,1,1",
        "2024-11-04T15:33:00.250+0100,1,1,1,1,1",
      ),
    );
    expect([...bars.time]).toEqual([
      utc("2024-11-04T14:30:00Z"),
      utc("2024-11-04T14:31:00Z"),
      utc("2024-11-04T14:32:00Z"),
      utc("2024-11-04T14:33:00.250Z"),
    ]);
  });

  it("joins a separate date and time column", () => {
    const bars = only(csv("Date,Time,Open,High,Low,Close,Volume", "2006-01-02,09:01:00,3602,3603,3597,3599,5699"));
    expect(bars.time[0]).toBe(utc("2006-01-02T09:01:00Z"));
  });

  it("matches header names ignoring case and surrounding spaces", () => {
    const bars = only(csv(" DATE , Open,HIGH ,low, Close ,VOLUME", "2020-01-02,1,2,0.5,1.5,10"));
    expect([...bars.low]).toEqual([0.5]);
  });

  it("accepts a UTF-8 byte order mark, Windows line endings and blank trailing lines", () => {
    const bars = only(`\ufeff${HEADER}\r\n2020-01-02,1,2,0.5,1.5,10\r\n2020-01-03,1,2,0.5,1.5,10\r\n\r\n\r\n`);
    expect(bars.time).toHaveLength(2);
  });

  it("sorts rows that are out of time order and says so", () => {
    const { bars, warnings } = parseBarsCsv(csv(HEADER, "2020-01-03,2,2,2,2,2", "2020-01-02,1,1,1,1,1"), "AAPL.csv");
    expect(warnings).toEqual(["AAPL.csv: rows were not in time order; sorted them"]);
    expect([...bars[0].time]).toEqual([utc("2020-01-02T00:00:00Z"), utc("2020-01-03T00:00:00Z")]);
    expect([...bars[0].close]).toEqual([1, 2]);
  });

  it("names the symbol whose rows were sorted in a file with a symbol column", () => {
    const text = csv(
      "symbol," + HEADER,
      "KO,2020-01-03,2,2,2,2,2",
      "KO,2020-01-02,1,1,1,1,1",
      "PEP,2020-01-02,1,1,1,1,1",
    );
    expect(parseBarsCsv(text, "all.csv").warnings).toEqual(["all.csv: rows of KO were not in time order; sorted them"]);
  });

  it("takes the symbol from the file's base name, keeping inner dots", () => {
    expect(symbolFromFileName("data/spy.csv")).toBe("SPY");
    expect(symbolFromFileName("C:\\data\\brk.b.csv")).toBe("BRK.B");
    expect(symbolFromFileName("qqq")).toBe("QQQ");
  });
});

describe("the tick size the prices are quoted in", () => {
  it("is a cent for prices in cents, and for Yahoo's float noise around cents (187.149994 is 187.15)", () => {
    expect(only(csv(HEADER, "2024-01-02,100,101,99,100.5,1000")).tickSize).toBe(0.01);
    expect(only(csv(HEADER, "2024-01-02,187.149994,188.440002,183.889999,185.639999,1000")).tickSize).toBe(0.01);
  });
  it("is as fine as the finest price needs: EURUSD at 1.07346 is quoted in 0.00001", () => {
    const bars = only(
      csv(HEADER, "2024-01-02,1.0731,1.07346,1.0725,1.073,1000", "2024-01-03,1.073,1.074,1.072,1.0735,1000"),
    );
    expect(bars.tickSize).toBe(0.00001);
  });
  it("is 0.000001 for backtrader's split-adjusted ORCL (2.179012), and at most 1e-8", () => {
    expect(only(csv(HEADER, "1995-01-03,2.179012,2.191358,2.117284,2.117284,1000")).tickSize).toBe(0.000001);
    expect(only(csv(HEADER, "2024-01-02,100.123456789,101,99,100,1000")).tickSize).toBe(1e-8);
  });
  it("is read per symbol in a file with a symbol column", () => {
    const { bars } = parseBarsCsv(
      csv(
        "date,symbol,open,high,low,close,volume",
        "2024-01-02,SPY,470.5,471,469,470.25,1000",
        "2024-01-02,EURUSD,1.0731,1.0735,1.0725,1.073,1000",
      ),
      "mixed.csv",
    );
    expect(Object.fromEntries(bars.map((b) => [b.symbol, b.tickSize]))).toEqual({ SPY: 0.01, EURUSD: 0.0001 });
  });
});

describe("rejected data names file, line and column", () => {
  it.each([
    [
      "a missing required column",
      csv("Date,Open,High,Low,Close", "2020-01-02,1,1,1,1"),
      "AAPL.csv:1: missing column volume (found: Date, Open, High, Low, Close)",
    ],
    [
      "a file with no date column (a pandas RangeIndex is not dates)",
      csv(",open,high,low,close,volume", "0,1,1,1,1,1"),
      "AAPL.csv:1: missing column date (or datetime, time, timestamp) (found: (unnamed), open, high, low, close, volume)",
    ],
    ["an empty file", "", "AAPL.csv:1: the file is empty"],
    ["a file of blank lines", "\n  \n\n", "AAPL.csv:1: the file is empty"],
    ["a header with no rows", csv(HEADER, ""), "AAPL.csv:1: the file has a header but no data rows"],
    [
      "a word where a number belongs",
      csv(HEADER, "2020-01-02,1,abc,1,1,1"),
      'AAPL.csv:2:3: high "abc" is not a number',
    ],
    ["null", csv(HEADER, "2020-01-02,1,1,1,1,null"), 'AAPL.csv:2:6: volume "null" is not a number'],
    ["an empty cell", csv(HEADER, "2020-01-02,1,1,,1,1"), "AAPL.csv:2:4: low is empty"],
    ["NaN", csv(HEADER, "2020-01-02,NaN,1,1,1,1"), 'AAPL.csv:2:2: open "NaN" is not a number'],
    ["Infinity", csv(HEADER, "2020-01-02,1,Infinity,1,1,1"), 'AAPL.csv:2:3: high "Infinity" is not a finite number'],
    [
      "a number too large for a double",
      csv(HEADER, "2020-01-02,1,1e999,1,1,1"),
      "AAPL.csv:2:3: high 1e999 is not a finite number",
    ],
    ["a hexadecimal number", csv(HEADER, "2020-01-02,1,1,1,0x1,1"), 'AAPL.csv:2:5: close "0x1" is not a number'],
    [
      "an impossible date",
      csv(HEADER, "2020-02-30,1,1,1,1,1"),
      'AAPL.csv:2:1: date "2020-02-30" is not a date (expected YYYY-MM-DD, an ISO date-time, YYYYMMDD, or Unix seconds or milliseconds)',
    ],
    [
      "a time of 24:00",
      csv(HEADER, "2020-01-02T24:00,1,1,1,1,1"),
      'AAPL.csv:2:1: date "2020-01-02T24:00" is not a date (expected YYYY-MM-DD, an ISO date-time, YYYYMMDD, or Unix seconds or milliseconds)',
    ],
    [
      "a US-style date",
      csv(HEADER, "01/02/2020,1,1,1,1,1"),
      'AAPL.csv:2:1: date "01/02/2020" is not a date (expected YYYY-MM-DD, an ISO date-time, YYYYMMDD, or Unix seconds or milliseconds)',
    ],
    ["an empty date", csv(HEADER, ",1,1,1,1,1"), "AAPL.csv:2:1: date is empty"],
    [
      "a byte-order mark inside the file, as where two files were joined: shown, not hidden",
      csv(HEADER, "2020-01-02,1,1,1,1,1", "\uFEFF2020-01-03,1,1,1,1,1"),
      'AAPL.csv:3:1: date "\\uFEFF2020-01-03" is not a date (expected YYYY-MM-DD, an ISO date-time, YYYYMMDD, or Unix seconds or milliseconds)',
    ],
    [
      "a zero-width space in a price: shown, not hidden",
      csv(HEADER, "2020-01-02,1\u200B,1,1,1,1"),
      'AAPL.csv:2:2: open "1\\u200B" is not a number',
    ],
    [
      "a file separated by semicolons",
      csv("date;open;high;low;close;volume", "2020-01-02;1;1;1;1;1"),
      'AAPL.csv:1: missing columns date (or datetime, time, timestamp), open, high, low, close, volume (found: date;open;high;low;close;volume; the columns seem separated by ";", not commas)',
    ],
    [
      "an unterminated quote",
      csv(HEADER, '"2020-01-02,1,1,1,1,1'),
      "AAPL.csv:2: broken CSV quoting: Quoted field unterminated",
    ],
    [
      "a high below the open",
      csv(HEADER, "2020-01-02,102.5,101.2,100,101,1"),
      "AAPL.csv:2:3: high 101.2 is below open 102.5",
    ],
    [
      "a high below the close",
      csv(HEADER, "2020-01-02,100,101.2,99,102.5,1"),
      "AAPL.csv:2:3: high 101.2 is below close 102.5",
    ],
    ["a low above the open", csv(HEADER, "2020-01-02,99,103,100,101,1"), "AAPL.csv:2:4: low 100 is above open 99"],
    [
      "a low above the close",
      csv(HEADER, "2020-01-02,101,103,100,99.5,1"),
      "AAPL.csv:2:4: low 100 is above close 99.5",
    ],
    ["a negative price", csv(HEADER, "2020-01-02,-1,1,-2,1,1"), "AAPL.csv:2:2: open -1 is negative"],
    ["a zero price", csv(HEADER, "2020-01-02,1,1,0,1,1"), "AAPL.csv:2:4: low is zero; prices must be above zero"],
    ["a negative volume", csv(HEADER, "2020-01-02,1,1,1,1,-5"), "AAPL.csv:2:6: volume -5 is negative"],
    [
      "a price above a trillion, which no cent would survive",
      csv(HEADER, "2020-01-02,1,1.7e308,1,1,1"),
      "AAPL.csv:2:3: high 1.7e308 is above 1,000,000,000,000, the largest price a file may hold",
    ],
    [
      "a plain price a cent above a trillion",
      csv(HEADER, "2020-01-02,1000000000000.01,1000000000000.01,1,1,1"),
      "AAPL.csv:2:2: open 1000000000000.01 is above 1,000,000,000,000, the largest price a file may hold",
    ],
    [
      "a row with too many fields",
      csv(HEADER, "2020-01-02,1,1,1,1,1,234"),
      "AAPL.csv:2: expected 6 fields like the header, found 7",
    ],
    [
      "a row with too few fields",
      csv(HEADER, "2020-01-02,1,1,1,1"),
      "AAPL.csv:2: expected 6 fields like the header, found 5",
    ],
    [
      "a duplicate time",
      csv(HEADER, "2020-01-02,1,1,1,1,1", "2020-01-03,1,1,1,1,1", "2020-01-03,1,1,1,1,1"),
      "AAPL.csv:4:1: duplicate time 2020-01-03 (already on line 3)",
    ],
    [
      "a duplicate time in rows out of order",
      csv(HEADER, "2020-01-03,1,1,1,1,1", "2020-01-02,1,1,1,1,1", "2020-01-03T00:00:00Z,1,1,1,1,1"),
      "AAPL.csv:4:1: duplicate time 2020-01-03 (already on line 2)",
    ],
    [
      "a duplicate minute",
      csv(
        "datetime,open,high,low,close,volume",
        "2024-11-04T14:30:00Z,1,1,1,1,1",
        "2024-11-04T09:30:00-05:00,1,1,1,1,1",
      ),
      "AAPL.csv:3:1: duplicate time 2024-11-04T14:30:00.000Z (already on line 2)",
    ],
  ])("rejects %s", (_, text, message) => {
    expect(failure(text)).toBe(message);
  });

  it("rejects a duplicate time of one symbol but allows the same time for two symbols", () => {
    const ok = csv("symbol," + HEADER, "KO,2020-01-02,1,1,1,1,1", "PEP,2020-01-02,1,1,1,1,1");
    expect(parseBarsCsv(ok, "all.csv").bars).toHaveLength(2);
    const bad = csv(
      "symbol," + HEADER,
      "KO,2020-01-02,1,1,1,1,1",
      "PEP,2020-01-02,1,1,1,1,1",
      "KO,2020-01-02,1,1,1,1,1",
    );
    expect(failure(bad, "all.csv")).toBe("all.csv:4:2: duplicate time 2020-01-02 for KO (already on line 2)");
  });

  it("rejects an empty symbol cell", () => {
    expect(failure(csv("symbol," + HEADER, " ,2020-01-02,1,1,1,1,1"), "all.csv")).toBe("all.csv:2:1: symbol is empty");
  });

  it("counts blank lines, Windows line endings and quoted line breaks when naming the line", () => {
    expect(failure(`${HEADER}\r\n\r\n2020-01-02,1,1,1,1,1\r\n2020-01-03,1,1,x,1,1\r\n`)).toBe(
      'AAPL.csv:4:4: low "x" is not a number',
    );
    expect(failure(csv(HEADER, '"2020-01-02",1,1,1,"1",1', "2020-01-03,1,1,1,1,1", "2020-01-04,1,1,1,1,bad"))).toBe(
      'AAPL.csv:4:6: volume "bad" is not a number',
    );
    expect(
      failure(
        csv("date,open,high,low,close,volume,note", '2020-01-02,1,1,1,1,1,"two\nlines"', "2020-01-03,1,1,1,1,-1,"),
      ),
    ).toBe("AAPL.csv:4:6: volume -1 is negative");
  });
});

describe("a large file's columns", () => {
  const csv = (days: number[]) =>
    "date,open,high,low,close,volume\n" +
    days
      .map(
        (d) =>
          `${new Date(Date.UTC(2000, 0, 1 + d)).toISOString().slice(0, 10)},${d + 1},${d + 2},${d + 0.5},${d + 1.5},${d}`,
      )
      .join("\n") +
    "\n";

  it("are the buffers the rows were read into, with no second copy of a file in time order", () => {
    const { bars } = parseBarsCsv(csv(Array.from({ length: 1000 }, (_, i) => i)), "X.csv");
    const b = bars[0]!;
    expect(b.time).toHaveLength(1000);
    // Sized once for the 1002 lines from the header on (the last one empty), not grown to 2048 rows.
    for (const col of [b.time, b.open, b.high, b.low, b.close, b.volume]) expect(col.buffer.byteLength).toBe(1002 * 8);
    expect([b.open[999], b.high[999], b.low[999], b.close[999], b.volume[999]]).toEqual([
      1000, 1001, 999.5, 1000.5, 999,
    ]);
  });

  it("are permuted together when the file is out of order", () => {
    const { bars, warnings } = parseBarsCsv(csv([2, 0, 1]), "X.csv");
    const b = bars[0]!;
    expect(warnings).toHaveLength(1);
    expect([...b.open]).toEqual([1, 2, 3]);
    expect([...b.volume]).toEqual([0, 1, 2]);
    expect(b.time.buffer.byteLength).toBe(3 * 8);
  });
});
