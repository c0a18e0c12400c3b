import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EngineEvent } from "../../../src/engine/events";
import { equityPointJson, eventJson, type ResultsJson } from "../../../src/engine/results/results";
import { runStrategy } from "../../../src/runtime/run-strategy";
import type { EquityBuffer } from "../../../src/store/series-buffer";
import { fullResultsJson } from "../../../src/ui/export/export-files";
import { bars, type Row } from "../../engine/helpers/bars";
import { TEST_SETTINGS } from "../../engine/helpers/run";

/** What the page's export wrote before it used the results writer: JSON.stringify of the whole. */
function stringified(final: ResultsJson, events: readonly EngineEvent[], equity: EquityBuffer): string {
  const points = Array.from({ length: equity.length }, (_, i) =>
    equityPointJson(equity.time[i]!, equity.value[i]!, equity.cash[i]!),
  );
  return JSON.stringify({ ...final, events: events.map(eventJson), equity: points }, null, 2) + "\n";
}

const text = (chunks: readonly Uint8Array[]) => Buffer.concat(chunks).toString("utf8");

/** The page's equity buffers: columns with room past their `length` (what lies there is not the run's). */
function equityBuffer(time: number[], value: number[], cash: number[]): EquityBuffer {
  const column = (xs: number[]) => Float64Array.from([...xs, 7, 7, 7]);
  return {
    time: column(time),
    value: column(value),
    cash: column(cash),
    drawdown: new Float64Array(time.length + 3),
    peak: -Infinity,
    length: time.length,
  };
}

/** The final message as the page keeps it: plain data, `events` and `equity` left empty (the batches carried them). */
const finalOf = (results: ResultsJson): ResultsJson => ({
  ...(JSON.parse(JSON.stringify(results)) as ResultsJson),
  events: [],
  equity: [],
});

const ROWS: Row[] = Array.from({ length: 300 }, (_, i) => {
  const c = 100 + (i % 20) - 10;
  return [c, c + 1, c - 1, c] as const;
});

/** Trades every few bars and logs text a JSON writer must escape: quotes, controls, a lone surrogate, emoji. */
const SOURCE = `import { TradingAlgorithm, order, type Context, type BarData } from "playground";
export default class Hostile extends TradingAlgorithm {
  override initialize(context: Context) { context.asset = this.symbol("A"); }
  override handleData(context: Context, data: BarData) {
    const t = context.barIndex;
    if (t % 9 === 0) order(context.asset, 10);
    if (t % 9 === 4) order(context.asset, -10);
    if (t % 50 === 0) this.log.info('say "hi"\\u0000\\n\\ud800 € 🙂 ' + t);
    this.record({ close: data.current(context.asset, "close"), none: NaN });
  }
}`;

describe("the results JSON export", { timeout: 60_000 }, () => {
  it("is what JSON.stringify writes of the final results with the run's events and equity put back", () => {
    const { results, backtest: bt } = runStrategy({
      source: SOURCE,
      fileName: "hostile.ts",
      bars: [bars("A", ROWS)],
      settings: TEST_SETTINGS,
    });
    const events = [...bt.events];
    const n = bt.barsDone;
    const equity = equityBuffer(
      [...bt.md.timeline.subarray(0, n)],
      [...bt.equityValue.subarray(0, n)],
      [...bt.equityCash.subarray(0, n)],
    );
    const final = finalOf(results);
    const exported = text(fullResultsJson(final, events, equity));
    expect(exported).toBe(stringified(final, events, equity));
    // The run's own results file says the same.
    expect(JSON.parse(exported)).toEqual(JSON.parse(JSON.stringify(results)));
  });

  it("writes any equity amounts, times and log text as JSON.stringify does: -0, NaN, Infinity, 1e21, tiny floats, lone surrogates", () => {
    const amount = fc.oneof(
      fc.double(),
      fc.integer({ min: -1e12, max: 1e12 }).map((k) => k / 100),
      fc.constantFrom(-0, NaN, Infinity, -Infinity, 1e21, -1e21, 5e-324, 1e-7, 0.005, 21_474_836.48),
    );
    const point = fc.record({
      dt: fc.oneof(fc.integer({ min: -70_000_000_000_000, max: 260_000_000_000_000 }), fc.constant(0.5)),
      value: amount,
      cash: amount,
    });
    const message = fc
      .array(fc.oneof(fc.constantFrom("\ud800", "\udfff", "\u0000", '"', "\\", "🙂", "€"), fc.string()), {
        maxLength: 6,
      })
      .map((parts) => parts.join(""));
    const log = fc.record({
      type: fc.constant("log" as const),
      dt: fc.integer({ min: 0, max: 2e12 }),
      level: fc.constantFrom("info" as const, "warning" as const),
      message,
    });
    const final = fc.record({
      schemaVersion: fc.constant(1),
      run: fc.record({ strategy: message, bars: fc.nat(), elapsedMs: amount }),
      summary: fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(amount, fc.constant(null))),
      events: fc.constant([]),
      equity: fc.constant([]),
      logs: fc.array(fc.record({ dt: fc.string(), level: fc.constant("info"), message })),
      records: fc.dictionary(message, fc.array(fc.tuple(fc.string(), amount), { maxLength: 3 })),
    });
    fc.assert(
      fc.property(final, fc.array(log, { maxLength: 5 }), fc.array(point, { maxLength: 40 }), (f, events, points) => {
        const equity = equityBuffer(
          points.map((p) => p.dt),
          points.map((p) => p.value),
          points.map((p) => p.cash),
        );
        const results = f as unknown as ResultsJson;
        expect(text(fullResultsJson(results, events, equity))).toBe(stringified(results, events, equity));
      }),
      { numRuns: 500 },
    );
  });

  it("comes as chunks of about a megabyte for the file, never as the whole text in one string", () => {
    const n = 30_000;
    const start = Date.UTC(1990, 0, 1);
    const equity = equityBuffer(
      Array.from({ length: n }, (_, i) => start + i * 86_400_000),
      Array.from({ length: n }, (_, i) => 1_000_000 + i / 100),
      Array.from({ length: n }, () => 250_000),
    );
    const final = { schemaVersion: 1, events: [], equity: [] } as unknown as ResultsJson;
    const chunks = fullResultsJson(final, [], equity);
    // 30,000 indented points are about 2.8 MB: three chunks and the line end at least.
    expect(chunks.every((c) => c instanceof Uint8Array)).toBe(true);
    expect(chunks.length).toBeGreaterThanOrEqual(4);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual((1 << 20) + (1 << 16));
    expect(text(chunks)).toBe(stringified(final, [], equity));
  });
});
