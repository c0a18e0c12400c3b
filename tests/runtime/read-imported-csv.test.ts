import { describe, expect, it } from "vitest";
import { parseBarsCsv } from "../../src/engine/data/csv/csv-parser";
import { TEXT_KEPT_BELOW_CHARS } from "../../src/runtime/import-protocol";
import { readFileBytes, readImportedCsv } from "../../src/runtime/read-imported-csv";

/** A CSV of `rows` daily bars (about 32 characters a row), the symbol from the file name. */
function daily(rows: number): string {
  const lines = ["Date,Open,High,Low,Close,Volume"];
  for (let i = 0; i < rows; i++) {
    const day = new Date(Date.UTC(2001, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    lines.push(`${day},${100 + (i % 9)},${103 + (i % 9)},${98 + (i % 9)},${101 + (i % 9)},${1000 + i}`);
  }
  return lines.join("\n") + "\n";
}

const bytesOf = (text: string) => new TextEncoder().encode(text);

describe("reading an imported file", () => {
  it("reads a small file at once and a big one slice by slice, the same bytes either way", async () => {
    const file = new Blob([daily(300)]);
    const expected = new Uint8Array(await file.arrayBuffer());
    const whole: number[] = [];
    expect(await readFileBytes(file, (n) => whole.push(n))).toEqual(expected);
    expect(whole).toEqual([file.size]);
    const sliced: number[] = [];
    expect(await readFileBytes(file, (n) => sliced.push(n), 4096)).toEqual(expected);
    const ends = Array.from({ length: Math.ceil(file.size / 4096) }, (_, k) => Math.min(file.size, (k + 1) * 4096));
    expect(ends.length).toBeGreaterThan(1);
    expect(sliced).toEqual(ends);
  });

  it("gives the bars and warnings the CLI's parser gives the same text", async () => {
    // Out of time order, so there is a warning to carry.
    const text = daily(50).replace("2001-01-02", "2001-03-30").replace("2001-02-19", "2001-01-02");
    const parsed = await readImportedCsv(new Blob([text]), "ACME.csv");
    const cli = parseBarsCsv(text, "ACME.csv");
    expect(parsed.bars).toEqual(cli.bars);
    expect(parsed.warnings).toEqual(cli.warnings);
    expect(parsed.warnings[0]).toMatch(/not in time order/);
    expect(parsed.rows).toBe(50);
  });

  it("reports the bytes read, then the rows parsed", async () => {
    const text = daily(40_000);
    const seen: string[] = [];
    await readImportedCsv(new Blob([text]), "ACME.csv", (stage, done, total) => seen.push(`${stage} ${done}/${total}`));
    expect(seen[0]).toBe(`reading ${text.length}/${text.length}`);
    expect(seen.slice(1)).toEqual(["parsing 0/40002", "parsing 16384/40002", "parsing 32768/40002"]);
  });

  it("keeps the text only of a file short enough for a share link, as reading it as text gives it", async () => {
    const small = "\ufeff" + daily(20);
    expect((await readImportedCsv(new Blob([bytesOf(small)]), "ACME.csv")).text).toBe(small.slice(1));
    const big = daily(Math.ceil(TEXT_KEPT_BELOW_CHARS / 30));
    expect(big.length).toBeGreaterThanOrEqual(TEXT_KEPT_BELOW_CHARS);
    expect((await readImportedCsv(new Blob([big]), "ACME.csv")).text).toBeUndefined();
  });

  it("parses straight into the columns it is given (shared memory in the worker), with no other copy", async () => {
    const made: Float64Array[] = [];
    const shared = (n: number) => {
      const column = new Float64Array(new SharedArrayBuffer(n * 8));
      made.push(column);
      return column;
    };
    const { bars } = await readImportedCsv(new Blob([daily(1000)]), "ACME.csv", undefined, shared);
    const b = bars[0]!;
    const columns = [b.time, b.open, b.high, b.low, b.close, b.volume];
    expect(made).toHaveLength(6);
    for (const [i, column] of columns.entries()) {
      expect(column.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(column.buffer).toBe(made[i]!.buffer);
    }
    expect(b.close.length).toBe(1000);
    expect(b.close[999]).toBe(101 + (999 % 9));
  });

  it("names the file, line and column of bad data, as the CLI does", async () => {
    const bad = daily(3) + "2001-01-09,10,9,8,10,100\n";
    await expect(readImportedCsv(new Blob([bad]), "ACME.csv")).rejects.toThrow("ACME.csv:5:3: high 9 is below open 10");
  });
});
