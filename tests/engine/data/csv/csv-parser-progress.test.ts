import { describe, expect, it } from "vitest";
import { parseBarsCsv } from "../../../../src/engine/data/csv/csv-parser";

/** `rows` daily bars after a header: rows + 1 lines in all. */
function csv(rows: number, quoted = false): string {
  const lines = ["date,open,high,low,close,volume"];
  for (let i = 0; i < rows; i++) {
    const d = new Date(Date.UTC(1990, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    lines.push(quoted ? `"${d}",1,2,0.5,1.5,100` : `${d},1,2,0.5,1.5,100`);
  }
  return lines.join("\n") + "\n";
}

describe("a parse tells how far it got", () => {
  it("a plain file of 40,000 rows reports rows 0, 16,384 and 32,768 of its 40,002 lines", () => {
    const seen: Array<[number, number]> = [];
    const { bars } = parseBarsCsv(csv(40_000), "A.csv", (done, total) => seen.push([done, total]));
    expect(bars[0]!.time.length).toBe(40_000);
    // 40,000 rows, the header and the empty line after the last newline.
    expect(seen).toEqual([
      [0, 40_002],
      [16_384, 40_002],
      [32_768, 40_002],
    ]);
  });

  it("a quoted file reports through the same rows", () => {
    const seen: number[] = [];
    parseBarsCsv(csv(20_000, true), "Q.csv", (done) => seen.push(done));
    expect(seen).toEqual([0, 16_384]);
  });

  it("without a listener nothing changes", () => {
    expect(parseBarsCsv(csv(3), "B.csv").bars[0]!.close[2]).toBe(1.5);
  });
});
