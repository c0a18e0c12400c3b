import { describe, expect, it } from "vitest";
import { CHUNK_BYTES, type WriteOptions, writeResultsJson } from "../../../src/engine/results/results-writer";
import type { ResultsJson } from "../../../src/engine/results/results";
import { lastLogLines } from "../../../src/engine/results/results-series";
import { runStrategy } from "../../../src/runtime/run-strategy";
import { bars, type Row } from "../helpers/bars";
import { TEST_SETTINGS } from "../helpers/run";

/** A zig-zag around 100: enough bars that every long part is written in several slices. */
const ROWS: Row[] = Array.from({ length: 5000 }, (_, i) => {
  const c = 100 + (i % 20) - 10;
  return [c, c + 1, c - 1, c] as const;
});

/** Buys 10 every 7th bar and sells them 3 bars later (and once far too many); logs twice and records once a bar. */
const SOURCE = `import { TradingAlgorithm, order, type Context, type BarData } from "playground";
export default class Busy extends TradingAlgorithm {
  override initialize(context: Context) { context.asset = this.symbol("A"); }
  override handleData(context: Context, data: BarData) {
    const t = context.barIndex;
    if (t % 7 === 0) order(context.asset, 10);
    if (t % 7 === 3) order(context.asset, -10);
    if (t === 5) order(context.asset, 1e9); // refused: an order event with a reason
    this.log.info("bar " + t + " close " + data.current(context.asset, "close"));
    if (t % 2 === 0) this.log.warning({ t, odd: false, quote: 'say "hi"' });
    this.record({ close: data.current(context.asset, "close") });
  }
}`;

const run = () =>
  runStrategy({ source: SOURCE, fileName: "busy.ts", bars: [bars("A", ROWS)], settings: TEST_SETTINGS });

const iso = (ms: number) => new Date(ms).toISOString();

/** The written bytes, read back as text. */
function resultsJsonText(results: ResultsJson, opts: WriteOptions): string {
  const chunks: Uint8Array[] = [];
  writeResultsJson(results, (c) => chunks.push(c.slice()), opts);
  return Buffer.concat(chunks).toString("utf8");
}

describe("the results JSON writer", { timeout: 30_000 }, () => {
  it("writes exactly what JSON.stringify writes of the results, compact and indented", () => {
    const { results } = run();
    const compact = resultsJsonText(results, { pretty: false });
    const pretty = resultsJsonText(results, { pretty: true });
    // Reading the results (JSON.stringify does) builds the views the writer streamed.
    expect(compact).toBe(JSON.stringify(results));
    expect(pretty).toBe(JSON.stringify(results, null, 2));
  });

  it("writes the events, log lines and equity the old builder made from the engine's record", () => {
    const { results, backtest: bt } = run();
    const parsed = JSON.parse(resultsJsonText(results, { pretty: true }));
    const logs = [...bt.events].filter((e) => e.type === "log");
    // 5000 info lines and 2500 warnings, in the order they were logged.
    expect(logs).toHaveLength(7500);
    expect(parsed.logs).toEqual(logs.map((e) => ({ dt: iso(e.dt), level: e.level, message: e.message })));
    expect(parsed.logs[1]).toEqual({
      dt: iso(bt.md.timeline[0]!),
      level: "warning",
      message: '{"t":0,"odd":false,"quote":"say \\"hi\\""}',
    });
    expect(parsed.events.filter((e: { type: string }) => e.type === "log")).toEqual(
      logs.map((e) => ({ dt: iso(e.dt), type: "log", level: e.level, message: e.message })),
    );
    expect(parsed.events).toHaveLength(bt.events.length);
    expect(parsed.events.filter((e: { reason?: string | null }) => typeof e.reason === "string")).not.toEqual([]);
    expect(parsed.equity).toHaveLength(5000);
    // The first bar: no position yet, all cash (TEST_SETTINGS' starting cash).
    expect(parsed.equity[0]).toEqual({
      dt: iso(bt.md.timeline[0]!),
      value: TEST_SETTINGS.cash,
      cash: TEST_SETTINGS.cash,
    });
    const last = bt.md.timeline.length - 1;
    expect(parsed.equity[last].value).toBe(Math.round(bt.equityValue[last]! * 100) / 100);
  });

  it("keeps a log line once: the results hold views of the engine's events until something reads them", () => {
    const { results } = run();
    let chunks = 0;
    writeResultsJson(results, () => chunks++, { pretty: true });
    expect(chunks).toBeGreaterThan(0);
    for (const key of ["events", "logs", "equity"] as const)
      expect(Object.getOwnPropertyDescriptor(results, key)!.get, key).toBeDefined();
    // Read once, a view is a plain array from then on: the same array each time.
    const logs = results.logs;
    expect(Object.getOwnPropertyDescriptor(results, "logs")!.get).toBeUndefined();
    expect(results.logs).toBe(logs);
    expect(logs).toHaveLength(7500);
  });

  it("leaves out what analyze logged after the results were built", () => {
    const source = SOURCE.replace(
      "override initialize",
      'override analyze() { this.log.info("after"); }\n  override initialize',
    );
    const { results, backtest } = runStrategy({
      source,
      fileName: "a.ts",
      bars: [bars("A", ROWS)],
      settings: TEST_SETTINGS,
    });
    expect(backtest.events.at(-1)).toMatchObject({ type: "log", message: "after" });
    const parsed = JSON.parse(resultsJsonText(results, { pretty: false }));
    expect(parsed.logs).toHaveLength(7500);
    expect(parsed.logs.at(-1).message).not.toBe("after");
  });

  it("writes the orders, fills and trades as they were when the run ended, whatever analyze does after", () => {
    // A limit far below the market stays open to the end; analyze cancels it (placing orders there is an error).
    const source = SOURCE.replace(
      "if (t === 5) order(context.asset, 1e9);",
      "if (t === 5) order(context.asset, 1, { style: new LimitOrder(1) });",
    )
      .replace(
        "import { TradingAlgorithm, order,",
        "import { TradingAlgorithm, order, LimitOrder, cancelOrder, getOpenOrders,",
      )
      .replace(
        "override initialize",
        "override analyze(context: Context) { for (const o of getOpenOrders(context.asset)) cancelOrder(o); }\n  override initialize",
      );
    const withAnalyze = runStrategy({ source, fileName: "a.ts", bars: [bars("A", ROWS)], settings: TEST_SETTINGS });
    const without = runStrategy({
      source: source.replace("override analyze(", "analyzeLater("),
      fileName: "a.ts",
      bars: [bars("A", ROWS)],
      settings: TEST_SETTINGS,
    });
    expect([...withAnalyze.backtest.broker.orders.values()].map((o) => o.status)).toContain("CANCELLED");
    expect([...without.backtest.broker.orders.values()].map((o) => o.status)).not.toContain("CANCELLED");
    const open = (r: ResultsJson) => r.orders.filter((o) => o.status === "OPEN");
    const parts = (r: ResultsJson) => {
      const parsed = JSON.parse(resultsJsonText(r, { pretty: false }));
      return { orders: parsed.orders, fills: parsed.fills, trades: parsed.trades };
    };
    expect(parts(withAnalyze.results)).toEqual(parts(without.results));
    expect(open(withAnalyze.results)).toHaveLength(1);
  });

  it("hands out chunks of about a megabyte, never the whole text at once", () => {
    const { results } = run();
    const sizes: number[] = [];
    writeResultsJson(results, (c) => sizes.push(c.length), { pretty: true });
    const total = sizes.reduce((a, b) => a + b, 0);
    expect(total).toBe(Buffer.byteLength(JSON.stringify(results, null, 2)));
    expect(total).toBeGreaterThan(2 * CHUNK_BYTES);
    expect(sizes.length).toBeGreaterThanOrEqual(2);
    // Each chunk but the last ends past a megabyte by at most one value.
    for (const s of sizes.slice(0, -1)) {
      expect(s).toBeGreaterThanOrEqual(CHUNK_BYTES);
      expect(s).toBeLessThan(CHUNK_BYTES + 1000);
    }
  });

  it("gives the last log lines without building the logs array", () => {
    const { results } = run();
    const tail = lastLogLines(results, 3);
    expect(Object.getOwnPropertyDescriptor(results, "logs")!.get).toBeDefined();
    expect(tail).toEqual(results.logs.slice(-3));
    expect(lastLogLines(results, 0)).toEqual([]);
  });
});
