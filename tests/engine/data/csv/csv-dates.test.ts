import { describe, expect, it } from "vitest";
import { parseBarsCsv } from "../../../../src/engine/data/csv/csv-parser";
import { DataError } from "../../../../src/engine/data/symbol-bars";

const HEADER = "date,open,high,low,close,volume";
const csv = (...lines: string[]): string => lines.join("\n") + "\n";
const times = (text: string): string[] =>
  [...parseBarsCsv(text, "AAPL.csv").bars[0]!.time].map((ms) => new Date(ms).toISOString());
const failure = (text: string, file = "AAPL.csv"): DataError => {
  try {
    parseBarsCsv(text, file);
  } catch (error) {
    if (error instanceof DataError) return error;
    throw error;
  }
  throw new Error("expected a DataError");
};

describe("dates read as the user meant them", () => {
  it("reads a YYYYMMDD column as those dates, not as Unix seconds in 1970", () => {
    expect(times(csv(HEADER, "20200102,1,1,1,1,1", "20200103,1,1,1,1,1"))).toEqual([
      "2020-01-02T00:00:00.000Z",
      "2020-01-03T00:00:00.000Z",
    ]);
  });

  it("reads YYYYMMDD followed by a time, and a YYYYMMDD date column joined to a time column", () => {
    expect(times(csv(HEADER, "20200102 09:30,1,1,1,1,1"))).toEqual(["2020-01-02T09:30:00.000Z"]);
    expect(times(csv("date,time,open,high,low,close,volume", "20200102,14:30:00,1,1,1,1,1"))).toEqual([
      "2020-01-02T14:30:00.000Z",
    ]);
  });

  it("rejects a YYYYMMDD value that is no date, at its line and column", () => {
    const e = failure(csv(HEADER, "20200102,1,1,1,1,1", "20201301,1,1,1,1,1"));
    expect([e.line, e.column]).toEqual([3, 1]);
    expect(e.message).toBe('AAPL.csv:3:1: date "20201301" reads as YYYYMMDD but is not a valid date');
  });

  it("rejects an Excel serial day number such as 43831 (2020-01-01) instead of reading 1970", () => {
    const e = failure(csv(HEADER, "43831,1,1,1,1,1"));
    expect(e.message).toBe(
      'AAPL.csv:2:1: date "43831" is a number but neither plausible Unix seconds (1e8 to 1e10) nor ' +
        "milliseconds (1e11 to 1e13), 1973-03-03 to 2286-11-20 (a spreadsheet's serial day number? write dates as YYYY-MM-DD)",
    );
  });

  it("rejects a number too large to be a date at the data boundary, with its line", () => {
    const e = failure(csv(HEADER, "1577923200,1,1,1,1,1", "99999999999999999,1,1,1,1,1"));
    expect([e.line, e.column]).toEqual([3, 1]);
    expect(e.detail).toMatch(/^date "99999999999999999" is a number but neither plausible Unix seconds/);
  });

  it("rejects a number between the two ranges, where seconds and milliseconds cannot be told apart", () => {
    // 5e10 s is the year 3554; 5e10 ms is 1971-08-02
    expect(failure(csv(HEADER, "50000000000,1,1,1,1,1")).detail).toMatch(/neither plausible Unix seconds/);
  });

  it("reads the edges of the plausible ranges: 1e8 s is 1973-03-03T09:46:40Z, and so is 1e11 ms", () => {
    expect(times(csv(HEADER, "100000000,1,1,1,1,1"))).toEqual(["1973-03-03T09:46:40.000Z"]);
    expect(times(csv(HEADER, "100000000000,1,1,1,1,1"))).toEqual(["1973-03-03T09:46:40.000Z"]);
    expect(failure(csv(HEADER, "99999999,1,1,1,1,1")).detail).toMatch(/reads as YYYYMMDD/);
    expect(failure(csv(HEADER, "10000000000000,1,1,1,1,1")).detail).toMatch(/neither plausible/);
  });
});

describe("error messages quote only an excerpt of what is wrong", () => {
  const huge = "9".repeat(5_000_000);

  it("a 5-million-character date cell is not echoed", () => {
    const e = failure(csv(HEADER, `x${huge},1,1,1,1,1`));
    expect(e.message.length).toBeLessThan(300);
    expect(e.message).toContain("… (5000001 characters)");
  });

  it("a 5-million-character price cell is not echoed", () => {
    const e = failure(csv(HEADER, `2020-01-02,1,1,1,${huge}x,1`));
    expect(e.message.length).toBeLessThan(300);
    expect([e.line, e.column]).toEqual([2, 5]);
  });

  it("a huge header is not echoed when columns are missing", () => {
    const e = failure(csv(`date,${huge}`, "2020-01-02,1"));
    expect(e.message.length).toBeLessThan(400);
  });

  it("a symbol longer than 32 characters is rejected with a short excerpt", () => {
    const e = failure(csv("symbol," + HEADER, `${"A".repeat(100_000)},2020-01-02,1,1,1,1,1`), "all.csv");
    expect(e.message).toBe('all.csv:2:1: symbol "AAAAAAAAAAAA… (100000 characters)" is longer than 32 characters');
  });

  it("a symbol holding an escape sequence or a right-to-left override is rejected, naming the character", () => {
    const escape = failure(
      csv("symbol," + HEADER, "SPY,2020-01-02,1,1,1,1,1", "\u001b[2J,2020-01-02,1,1,1,1,1"),
      "all.csv",
    );
    expect(escape.message).toBe("all.csv:3:1: symbol holds the invisible character U+001B; a symbol is printable text");
    // "\u202eLPAA" shows as AAPL: from the file name too.
    const reversed = failure(csv(HEADER, "2020-01-02,1,1,1,1,1"), "\u202eLPAA.csv");
    expect(reversed.message).toBe(
      "\u202eLPAA.csv: symbol holds the invisible character U+202E; a symbol is printable text",
    );
  });
});
