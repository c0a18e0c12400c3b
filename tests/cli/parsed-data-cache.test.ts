import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadDataPath } from "../../src/cli/load-data";
import { cachedParse, MIN_CACHED_FILE_BYTES, type ParsedDataCache } from "../../src/cli/parsed-data-cache";
import { startStrategyThread } from "../../src/cli/strategy-thread";
import { DEFAULT_SETTINGS } from "../../src/engine/settings";

/** A daily CSV of a little over MIN_CACHED_FILE_BYTES, with days 3 and 4 swapped (a "sorted" warning). */
function bigCsv(): string {
  const rows: string[] = [];
  let price = 100;
  for (let i = 0; rows.length * 48 < MIN_CACHED_FILE_BYTES * 1.1; i++) {
    price *= 1 + Math.sin(i * 0.7) * 0.01;
    const day = new Date(Date.UTC(1950, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const p = price.toFixed(4);
    rows.push(`${day},${p},${(price * 1.01).toFixed(4)},${(price * 0.99).toFixed(4)},${p},${1000 + i}`);
  }
  [rows[3], rows[4]] = [rows[4]!, rows[3]!];
  return ["date,open,high,low,close,volume", ...rows].join("\n") + "\n";
}

const BUY_TWICE = `import { TradingAlgorithm, order, type Context } from "playground";
export default class BuyTwice extends TradingAlgorithm {
  override initialize(context: Context) { context.asset = this.symbol("BIG"); }
  override handleData(context: Context) {
    if (context.barIndex === 10 || context.barIndex === 5000) order(context.asset, 10);
  }
}
`;

describe("the parsed-data cache", { timeout: 60_000 }, () => {
  const made: string[] = [];
  const dir = () => {
    const d = mkdtempSync(join(tmpdir(), "parsed-data-"));
    made.push(d);
    return d;
  };
  afterEach(() => {
    for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  /** A big file in its own folder, and a cache beside it. */
  const setUp = () => {
    const data = dir();
    const file = join(data, "BIG.csv");
    writeFileSync(file, bigCsv());
    const cache: ParsedDataCache = { dir: join(dir(), "cache"), parser: "build 1" };
    return { data, file, cache };
  };
  /** Loads the file through the cache and says whether it had to be parsed. */
  const load = (file: string, cache: ParsedDataCache) => {
    let parsed = false;
    const result = cachedParse(file, cache, () => {
      parsed = true;
      return loadDataPath(file, undefined);
    });
    return { parsed, result };
  };

  it("gives the same bars and warnings on a second read, from its entry instead of the parser", () => {
    const { file, cache } = setUp();
    const first = load(file, cache);
    const second = load(file, cache);
    expect(first.parsed).toBe(true);
    expect(second.parsed).toBe(false);
    expect(second.result.warnings).toEqual(first.result.warnings);
    expect(second.result.warnings[0]).toMatch(/sorted/);
    expect(second.result.bars).toEqual(first.result.bars);
    expect(readdirSync(cache.dir)).toHaveLength(1);
  });

  it("parses again a file edited in place to the same size and modification time", () => {
    const { file, cache } = setUp();
    const SECONDS = 1_700_000_000; // a time that survives being set again exactly
    utimesSync(file, SECONDS, SECONDS);
    const first = load(file, cache).result;
    writeFileSync(file, readFileSync(file, "utf8").replace(/,1000\n/, ",1009\n"));
    utimesSync(file, SECONDS, SECONDS);
    expect(statSync(file).mtimeMs).toBe(SECONDS * 1000);
    const again = load(file, cache);
    expect(again.parsed).toBe(true);
    expect(again.result.bars[0]!.volume[0]).toBe(1009);
    expect(first.bars[0]!.volume[0]).toBe(1000);
  });

  it("parses again when another build of the parser asks", () => {
    const { file, cache } = setUp();
    load(file, cache);
    expect(load(file, { ...cache, parser: "build 2" }).parsed).toBe(true);
  });

  it("parses again from an entry cut short or holding bars the parser would never give", () => {
    const { file, cache } = setUp();
    const first = load(file, cache).result;
    const entry = join(cache.dir, readdirSync(cache.dir)[0]!);
    truncateSync(entry, statSync(entry).size - 8);
    expect(load(file, cache).parsed).toBe(true);
    // Now whole again; make one high fall below its low, keeping the length.
    const bytes = readFileSync(entry);
    const n = first.bars[0]!.time.length;
    bytes.writeDoubleLE(0.5, bytes.length - 8 * (3 * n + 1)); // the last high
    writeFileSync(entry, bytes);
    const again = load(file, cache);
    expect(again.parsed).toBe(true);
    expect(again.result.bars).toEqual(first.bars);
  });

  it("parses again from an entry whose columns changed on disk into bars that still look right", () => {
    const { file, cache } = setUp();
    const first = load(file, cache).result;
    const entry = join(cache.dir, readdirSync(cache.dir)[0]!);
    const bytes = readFileSync(entry);
    const volume = bytes.readDoubleLE(bytes.length - 8); // the last bar's volume: any volume is a volume
    bytes.writeDoubleLE(volume + 1, bytes.length - 8);
    writeFileSync(entry, bytes);
    const again = load(file, cache);
    expect(again.parsed).toBe(true);
    expect(again.result.bars).toEqual(first.bars);
    expect(load(file, cache).parsed).toBe(false); // written again, whole
  });

  it("parses again from an entry whose symbol or tick size changed on disk", () => {
    const { file, cache } = setUp();
    const first = load(file, cache).result;
    const entry = join(cache.dir, readdirSync(cache.dir)[0]!);
    const whole = readFileSync(entry);
    // One character each, so the entry keeps its length: the symbol's first letter, a tick size digit.
    for (const after of ['"symbol":"', '"tickSize":0.']) {
      const at = whole.indexOf(after) + after.length;
      expect(at).toBeGreaterThan(after.length);
      const bytes = Buffer.from(whole);
      bytes[at] = bytes[at] === 0x31 ? 0x32 : 0x31; // "1" or "2": still a name, still a number
      writeFileSync(entry, bytes);
      const again = load(file, cache);
      expect(again.parsed).toBe(true);
      expect(again.result.bars).toEqual(first.bars);
    }
  });

  it("parses every time, without failing the run, where no entry can be kept", () => {
    const { file } = setUp();
    const notADir = join(dir(), "file");
    writeFileSync(notADir, "");
    const cache = { dir: join(notADir, "cache"), parser: "build 1" };
    const first = load(file, cache);
    expect(first.parsed).toBe(true);
    const second = load(file, cache);
    expect(second.parsed).toBe(true);
    expect(second.result).toEqual(first.result);
  });

  it("keeps no entry for a small file", () => {
    const data = dir();
    const file = join(data, "SMALL.csv");
    writeFileSync(file, "date,open,high,low,close,volume\n2020-01-02,1,2,0.5,1.5,10\n");
    const cache = { dir: join(dir(), "cache"), parser: "build 1" };
    expect(load(file, cache).parsed).toBe(true);
    expect(load(file, cache).parsed).toBe(true);
  });

  it("runs a strategy on bars from an entry with the same fills as on the parsed file", async () => {
    const { data, file, cache } = setUp();
    const run = async (bars: ReturnType<typeof loadDataPath>["bars"]) => {
      const thread = startStrategyThread(512);
      const input = { source: BUY_TWICE, fileName: "buy.ts", settings: DEFAULT_SETTINGS, json: null, summary: true };
      const outcome = await thread.run({ ...input, bars }, 60);
      if (outcome.type !== "done") throw new Error(JSON.stringify(outcome));
      return outcome.summary!.match(/Fills hash\s+(\w+)/)![1];
    };
    const parsed = loadDataPath(data, cache);
    const kept = loadDataPath(data, cache);
    expect(kept.bars[0]!.time.buffer).toBe(kept.bars[0]!.close.buffer); // one buffer: the entry's
    expect(load(file, cache).parsed).toBe(false);
    expect(await run(kept.bars)).toBe(await run(parsed.bars));
  });
});
