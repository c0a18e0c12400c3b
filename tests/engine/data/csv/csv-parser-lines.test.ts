import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseBarsCsv } from "../../../../src/engine/data/csv/csv-parser";

// A file without quotes is read line by line straight from the text; a quote anywhere sends it
// through the general CSV reader. Both must give the same bars and the same errors.
const quoted = (csv: string) => csv.replace("date,", '"date",');

const cell = fc.oneof(
  fc.constantFrom("1", "2.5", "10.25", " 3", "4 ", "+5", "1e1", "0.5", "", "x", "-1", "0"),
  fc.integer({ min: 1, max: 500 }).map(String),
);
const row = fc.tuple(fc.integer({ min: 0, max: 40 }), cell, cell, cell, cell, cell).map(([day, ...cells]) => {
  const date = new Date(Date.UTC(2020, 0, 1 + day)).toISOString().slice(0, 10);
  return [date, ...cells].join(",");
});

function outcome(csv: string) {
  try {
    return parseBarsCsv(csv, "X.csv");
  } catch (e) {
    return (e as Error).message;
  }
}

describe("a CSV file without quotes", () => {
  it("reads plain rows straight from the text into the same bars as the general reader", () => {
    const csv =
      "date,open,high,low,close,volume\r\n2020-01-02,10,12,9,11,100\r\n\r\n2020-01-03,11,11.5,10.25,11.5,0\r\n";
    const lines = parseBarsCsv(csv, "X.csv");
    expect(lines).toEqual(parseBarsCsv(quoted(csv), "X.csv"));
    expect([...lines.bars[0]!.high]).toEqual([12, 11.5]);
    expect([...lines.bars[0]!.volume]).toEqual([100, 0]);
  });

  it("reports a bad cell on its line and column, as the general reader does", () => {
    const csv = "date,open,high,low,close,volume\n2020-01-02,10,12,9,11,100\n2020-01-03,11,10,9,11,100\n";
    expect(outcome(csv)).toBe("X.csv:3:3: high 10 is below open 11");
    expect(outcome(quoted(csv))).toBe(outcome(csv));
  });

  it("agrees with the general reader on any mix of good and odd cells", () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), (rows) => {
        const csv = ["date,open,high,low,close,volume", ...rows].join("\n");
        expect(outcome(csv)).toEqual(outcome(quoted(csv)));
      }),
    );
  });
});
