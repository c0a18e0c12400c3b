import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseBarsCsv } from "../../../../src/engine/data/csv/csv-parser";

interface Row {
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

const cents = fc.integer({ min: 1, max: 10_000_000 }).map((c) => c / 100);
const row = (time: number) =>
  fc.tuple(cents, cents, cents, cents, fc.integer({ min: 0, max: 1e12 })).map(([a, b, c, d, volume]): Row => {
    const [low, open, close, high] = [a, b, c, d].sort((x, y) => x - y);
    return { time, open, high, low, close, volume };
  });
const rows = fc
  .uniqueArray(fc.integer({ min: 100_000_000, max: 4_000_000_000 }), { minLength: 1, maxLength: 60 })
  .chain((seconds) => fc.tuple(...seconds.map((s) => row(s * 1000))));

const toCsv = (data: readonly Row[], dateOf: (ms: number) => string): string =>
  "Date,Open,High,Low,Close,Adj Close,Volume\n" +
  data.map((r) => `${dateOf(r.time)},${r.open},${r.high},${r.low},${r.close},0,${r.volume}`).join("\n");

describe("the CSV parser as a property", () => {
  it("gives back exactly the bars that were written, in time order, whatever their order in the file", () => {
    fc.assert(
      fc.property(rows, fc.boolean(), (data, isoDates) => {
        const dateOf = isoDates ? (ms: number) => new Date(ms).toISOString() : (ms: number) => String(ms / 1000);
        const { bars } = parseBarsCsv(toCsv(data, dateOf), "x.csv");
        const sorted = [...data].sort((a, b) => a.time - b.time);
        expect([...bars[0].time]).toEqual(sorted.map((r) => r.time));
        expect([...bars[0].open]).toEqual(sorted.map((r) => r.open));
        expect([...bars[0].high]).toEqual(sorted.map((r) => r.high));
        expect([...bars[0].low]).toEqual(sorted.map((r) => r.low));
        expect([...bars[0].close]).toEqual(sorted.map((r) => r.close));
        expect([...bars[0].volume]).toEqual(sorted.map((r) => r.volume));
      }),
    );
  });

  it("reads decimals to the same doubles as Number() does", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,19}(\.\d{0,12})?$/), (text) => {
        const { bars } = parseBarsCsv(`date,open,high,low,close,volume\n2020-01-02,1,1,1,1,${text}\n`, "x.csv");
        expect(bars[0].volume[0]).toBe(Number(text));
      }),
    );
  });
});

describe("the CSV parser at scale", () => {
  it("parses 200,000 minute bars in well under a second (bounded at 2 s so a busy CI box does not flake)", () => {
    const start = Date.UTC(2020, 0, 1);
    const lines = ["datetime,open,high,low,close,volume"];
    for (let i = 0; i < 200_000; i++) {
      lines.push(`${new Date(start + i * 60_000).toISOString()},100.12,101.55,99.10,100.50,123456`);
    }
    const text = lines.join("\n");
    parseBarsCsv(text, "SPY.csv"); // warm-up, so the JIT is not what is measured
    // CPU time of this process, not wall time: on a shared box other processes' load does not count.
    const began = process.cpuUsage();
    const { bars } = parseBarsCsv(text, "SPY.csv");
    const used = process.cpuUsage(began);
    const elapsed = (used.user + used.system) / 1000;
    expect(bars[0].time).toHaveLength(200_000);
    expect(elapsed).toBeLessThan(2000);
  }, 30_000); // building the 200,000 lines and the warm-up parse take seconds on a loaded machine
});

describe("the committed sample data", () => {
  const folder = fileURLToPath(new URL("../../../../sample-data", import.meta.url));
  const files = [
    ...readdirSync(folder).filter((name) => name.endsWith(".csv")),
    ...readdirSync(join(folder, "intraday")).map((name) => join("intraday", name)),
  ];

  it.each(files)("%s parses with no warnings", (name) => {
    const { bars, warnings } = parseBarsCsv(readFileSync(join(folder, name), "utf8"), name);
    expect(warnings).toEqual([]);
    expect(bars).toHaveLength(1);
    expect(bars[0].time.length).toBeGreaterThan(1000);
  });
});
