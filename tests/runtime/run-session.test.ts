import { describe, expect, it, vi } from "vitest";
import type { SymbolBars } from "../../src/engine/data/symbol-bars";
import { PROTOCOL_VERSION, type WorkerMessage, type WorkerRequest } from "../../src/runtime/protocol";
import { runSession } from "../../src/runtime/run-session";
import { runStrategy } from "../../src/runtime/run-strategy";
import { receivedByPage } from "../helpers/received-by-page";
import { EventColumnsReader } from "../../src/runtime/event-columns-reader";
import { makeWhereBuffer, readWhere } from "../../src/runtime/where-cells";
import { readRowsLater } from "../../src/runtime/results-rows";
import { askToStop, makeStopCell } from "../../src/runtime/stop-cell";

function dailyBars(n: number): SymbolBars {
  const time = new Float64Array(n);
  const open = new Float64Array(n);
  const high = new Float64Array(n);
  const low = new Float64Array(n);
  const close = new Float64Array(n);
  const volume = new Float64Array(n).fill(1_000_000);
  for (let i = 0; i < n; i++) {
    time[i] = Date.UTC(2020, 0, 1) + i * 86_400_000;
    open[i] = 100 + i * 0.1;
    close[i] = open[i]! + 0.05;
    high[i] = close[i]! + 0.5;
    low[i] = open[i]! - 0.5;
  }
  return { symbol: "SPY", time, open, high, low, close, volume, tickSize: 0.01 };
}

const BUY_ONCE = `import { TradingAlgorithm, order } from "playground";
export default class BuyOnce extends TradingAlgorithm {
  initialize(context) { context.asset = this.symbol("SPY"); }
  handleData(context, data) { if (context.barIndex === 0) order(context.asset, 10); }
}`;

function request(source: string): WorkerRequest {
  return {
    type: "run",
    protocolVersion: PROTOCOL_VERSION,
    runId: 7,
    source,
    fileName: "strategy.ts",
    settings: { cash: 100_000, fillModel: "ohlc", sameBarPolicy: "path" },
    data: [],
  };
}

function session(
  source: string,
  n: number,
  clockStep = 0,
  where?: SharedArrayBuffer,
  rowsLater = false,
): WorkerMessage[] & { rowsLater?: () => void } {
  const sent: WorkerMessage[] & { rowsLater?: () => void } = [];
  let now = 0;
  const req: WorkerRequest = {
    ...request(source),
    ...(where ? { where } : {}),
    ...(rowsLater ? { rowsLater } : {}),
  };
  const rows = runSession(
    req,
    [dailyBars(n)],
    [],
    (m) => sent.push(m),
    () => (now += clockStep),
  );
  if (rows) sent.rowsLater = rows;
  return sent;
}

describe("a run session in the worker", () => {
  it("reports started, then batches, then done, all with the run id and protocol version", () => {
    const sent = session(BUY_ONCE, 500);
    expect(sent[0]).toMatchObject({ type: "started", totalBars: 500, symbols: ["SPY"] });
    expect(sent.at(-1)!.type).toBe("done");
    expect(sent.every((m) => m.runId === 7 && m.protocolVersion === PROTOCOL_VERSION)).toBe(true);
  });

  it("streams every equity point exactly once, in order, across batches", () => {
    const sent = session(BUY_ONCE, 2_000, 10); // a slow clock forces a batch every 64 bars
    const batches = sent.flatMap((m) => (m.type === "batch" ? [m] : []));
    expect(batches.length).toBeGreaterThan(5);
    let next = 0;
    for (const b of batches) {
      expect(b.equity.from).toBe(next);
      next += b.equity.value.length;
    }
    expect(next).toBe(2_000);
  });

  it("streams a strategy that takes 60 ms a bar bar by bar, not 64 bars at a time", () => {
    // Each read of the clock is 60 ms later: every bar ends more than BATCH_MS after the last batch.
    const batches = session(BUY_ONCE, 100, 60).flatMap((m) => (m.type === "batch" ? [m.barsDone] : []));
    expect(batches.slice(0, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it("reads the clock about every 64 bars while bars take microseconds", () => {
    let reads = 0;
    runSession(
      request(BUY_ONCE),
      [dailyBars(20_000)],
      [],
      () => undefined,
      () => ++reads * 0.001,
    );
    // Every bar would be 20,000 reads; every 64th about 313, plus the batches' and the first doublings'.
    expect(reads).toBeGreaterThan(300);
    expect(reads).toBeLessThan(400);
  });

  it("leaves events and equity out of the final results, since the batches carried them", () => {
    const done = receivedByPage(session(BUY_ONCE, 300).at(-1)!);
    expect(done.type).toBe("done");
    if (done.type !== "done") return;
    expect(done.results.events).toEqual([]);
    expect(done.results.equity).toEqual([]);
    expect(done.results.fills).toHaveLength(1);
  });

  it("sends the orders, fills and log lines of the final results as JSON bytes the page reads back as the same rows", () => {
    const logging = BUY_ONCE.replace(
      "if (context.barIndex === 0)",
      'console.log("bar " + context.barIndex);\n    if (context.barIndex === 0)',
    );
    const sent = session(logging, 300).at(-1)!;
    if (sent.type !== "done") throw new Error(sent.type);
    expect(sent.rows).toBeInstanceOf(Uint8Array);
    expect([sent.results.orders, sent.results.fills, sent.results.logs]).toEqual([[], [], []]);
    const settings = { cash: 100_000, fillModel: "ohlc", sameBarPolicy: "path" } as const;
    const direct = runStrategy({ source: logging, fileName: "strategy.ts", bars: [dailyBars(300)], settings }).results;
    const done = receivedByPage(sent);
    if (done.type !== "done") throw new Error(done.type);
    expect(done.results.logs).toHaveLength(300);
    // The export writes the final results with the streamed events and equity put back: the same text as the run's own.
    const text = (r: object) => JSON.stringify({ ...r, events: [], equity: [] }, null, 2);
    expect(text(done.results)).toBe(text({ ...direct, run: { ...direct.run, elapsedMs: done.results.run.elapsedMs } }));
  });

  it("asked for the rows later, sends the results first and their rows in a message of their own, the same rows", () => {
    const now = session(BUY_ONCE, 300);
    const later = session(BUY_ONCE, 300, 0, undefined, true);
    expect(later.at(-1)!.type).toBe("done");
    later.rowsLater!();
    const [done, rows] = later.slice(-2).map(receivedByPage);
    if (done?.type !== "done" || rows?.type !== "rows") throw new Error("not done then rows");
    expect(done.rowsFollow).toBe(true);
    expect(done.rows).toBeUndefined();
    const supply = readRowsLater(done.results, (d) => new Error(d));
    expect(() => done.results.fills).toThrow(/no rows yet/);
    supply(rows.rows);
    const direct = receivedByPage(now.at(-1)!);
    if (direct.type !== "done") throw new Error(direct.type);
    const text = (r: object) => JSON.stringify({ ...r, run: null }, null, 2);
    expect(done.results.fills).toHaveLength(1);
    expect(text(done.results)).toBe(text(direct.results));
  });

  it("posts its last batch as soon as the loop ends, before it builds the results, so the page takes it in meanwhile", () => {
    let clock = 0;
    const now = () => ++clock;
    const posted: { type: string; at: number; barsDone?: number }[] = [];
    const spans = new Map<string, [number, number]>();
    runSession(
      { ...request(BUY_ONCE), rowsLater: true },
      [dailyBars(300)],
      [],
      (m) => posted.push({ type: m.type, at: now(), ...(m.type === "batch" ? { barsDone: m.barsDone } : {}) }),
      now,
      (name, start, end) => spans.set(name, [start, end]),
    );
    const last = posted.filter((m) => m.type === "batch").at(-1)!;
    expect(last.barsDone).toBe(300);
    const [, built] = spans.get("worker: results built")!;
    const [resultsFrom] = spans.get("worker: results built")!;
    expect(last.at).toBeLessThan(resultsFrom);
    expect(posted.at(-1)!.type).toBe("done");
    expect(posted.at(-1)!.at).toBeGreaterThan(built);
  });

  it("names the strategy's benchmark in its batches", () => {
    const src = BUY_ONCE.replace(
      "initialize(context) {",
      'initialize(context) { this.setBenchmark(this.symbol("SPY"));',
    );
    const batches = session(src, 100).flatMap((m) => (m.type === "batch" ? [m] : []));
    expect(batches.length).toBeGreaterThan(0);
    expect(batches.every((b) => b.benchmark === "SPY")).toBe(true);
    expect(session(BUY_ONCE, 100).find((m) => m.type === "batch")).toMatchObject({ benchmark: null });
  });

  it("streams the order and fill events of the run in its batches", () => {
    const reader = new EventColumnsReader();
    const events = session(BUY_ONCE, 300).flatMap((m) => {
      if (m.type !== "batch") return [];
      reader.take(m.events);
      return reader.events(m.events);
    });
    expect(events.filter((e) => e.type === "fill")).toHaveLength(1);
    expect(events.filter((e) => e.type === "order").map((e) => (e.type === "order" ? e.order.status : ""))).toEqual([
      "OPEN",
      "FILLED",
    ]);
  });

  it("streams the events of the bars it ran, as the engine logged them, then what analyze logs, and not what a failing bar logs", () => {
    const chatty = `import { TradingAlgorithm, order } from "playground";
export default class Chatty extends TradingAlgorithm {
  initialize(context) { context.asset = this.symbol("SPY"); console.log("set up"); }
  handleData(context, data) {
    const t = context.barIndex;
    if (t % 40 === 0) order(context.asset, t % 80 === 0 ? 10 : -10);
    if (t % 7 === 0) console.warn("bar " + t);
    if (t === 140 && context.failAt140) throw new Error("no more");
  }
  analyze() { console.log("analyzed"); }
}`;
    const streamed = (src: string) => {
      const reader = new EventColumnsReader();
      return session(src, 200, 10).flatMap((m) => {
        if (m.type !== "batch") return [];
        reader.take(m.events);
        return reader.events(m.events);
      });
    };
    const settings = { cash: 100_000, fillModel: "ohlc", sameBarPolicy: "path" } as const;
    const ran = runStrategy({ source: chatty, fileName: "strategy.ts", bars: [dailyBars(200)], settings });
    const logged = [...ran.backtest.events];
    expect(logged.at(-1)).toMatchObject({ type: "log", message: "analyzed" });
    const events = streamed(chatty);
    expect(events).toEqual(logged);
    expect(events.filter((e) => e.type === "fill").length).toBeGreaterThan(2);

    const failing = streamed(chatty.replace("context.failAt140", "true"));
    // Bar 140 logs "bar 140", then fails: the bars before it are streamed, not its line.
    const failed = Date.UTC(2020, 0, 1) + 140 * 86_400_000;
    expect(logged).toContainEqual(expect.objectContaining({ dt: failed, message: "bar 140" }));
    expect(failing).toEqual(logged.filter((e) => e.dt < failed));
  });

  it("reports a runtime error with the user's line and the bar time, after the bars it finished", () => {
    const src = BUY_ONCE.replace(
      "if (context.barIndex === 0)",
      "if (context.barIndex === 42) throw new Error('bad bar');\n    if (context.barIndex === 0)",
    );
    const sent = session(src, 100);
    const err = sent.at(-1)!;
    expect(err.type).toBe("error");
    if (err.type !== "error") return;
    expect(err.error).toMatchObject({
      kind: "runtime",
      message: "bad bar",
      line: 4,
      hook: "handleData",
      barTime: "2020-02-12T00:00:00.000Z",
    });
  });

  it("reports a compile error with its line before running anything", () => {
    const sent = session("export default class {\n  x = ;\n}", 10);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ type: "error", error: { kind: "compile", line: 2 } });
  });

  describe("a strategy that hands the engine a value that throws on every read, outside any hook", () => {
    // A Proxy whose traps throw the Proxy itself: even `instanceof` on it throws.
    const HOSTILE = `const hostile = new Proxy(function () {}, {
  getPrototypeOf() { throw hostile; }, get() { throw hostile; }, has() { throw hostile; },
  ownKeys() { throw hostile; }, getOwnPropertyDescriptor() { throw hostile; },
});`;
    const run = (body: string) => session(`import { TradingAlgorithm } from "playground";\n${body}`, 5);

    it("as its class name: runs to the end under the file's name (a name is only a label)", () => {
      const sent = run(`${HOSTILE}
export default class Named extends TradingAlgorithm {
  static get name() { throw hostile; }
  handleData() {}
}`);
      expect(sent.at(-1)).toMatchObject({ type: "done", results: { run: { strategy: "strategy.ts" } } });
    });

    it("as a class name that is not text, or of a million characters: a string, cut to an excerpt", () => {
      const named = (name: string) =>
        run(`export default class Named extends TradingAlgorithm {
  static name = ${name};
  handleData() {}
}`).at(-1);
      expect(named("{ toString() { return 'x'; } }")).toMatchObject({ results: { run: { strategy: "strategy.ts" } } });
      const long = named(`"N".repeat(1_000_000)`);
      expect(long).toMatchObject({ results: { run: { strategy: `${"N".repeat(200)}… (999800 more characters)` } } });
    });

    const cases: Record<string, [string, object]> = {
      "as its default export": [
        `${HOSTILE}
class Exported extends TradingAlgorithm { handleData() {} }
export default new Proxy(Exported, { get() { throw hostile; } });`,
        { kind: "compile", message: expect.stringContaining("must `export default class") },
      ],
      "as its analyze hook": [
        `${HOSTILE}
export default class Analyzed extends TradingAlgorithm {
  get analyze() { throw hostile; }
  handleData() {}
}`,
        { kind: "runtime", hook: "analyze", message: "threw a value that cannot be read" },
      ],
    };
    for (const [what, [body, error]] of Object.entries(cases)) {
      it(`${what}: still posts an error message, so the page is never left waiting for the time limit`, () => {
        expect(run(body).at(-1)).toMatchObject({ type: "error", error });
      });
    }
  });

  it("writes where it is into the page's shared cells: the hook, the bar and the line a run was last in", () => {
    const where = makeWhereBuffer();
    const stuck = `import { TradingAlgorithm } from "playground";
export default class Stuck extends TradingAlgorithm {
  handleData(context) { if (context.barIndex === 3) throw new Error("here"); }
}`;
    session(stuck, 10, 0, where);
    // Bars 0..3 are 2020-01-01..2020-01-04 (dailyBars steps one calendar day); bars 0..2 finished.
    expect(readWhere(where)).toEqual({
      hook: "handleData",
      bar: 3,
      barTime: "2020-01-04T00:00:00.000Z",
      barsDone: 3,
      line: 3, // handleData's line: the function-entry probe
    });
  });

  it("stopped by the page, posts every bar it ran up to the bar the Stop names, then stopped, and builds no results", () => {
    const stop = makeStopCell();
    const where = makeWhereBuffer();
    const sent: WorkerMessage[] = [];
    let reads = 0;
    const now = () => {
      // The user presses Stop while the loop runs: at the 20th read of the clock.
      if (++reads === 20) askToStop(stop);
      return reads * 0.001;
    };
    runSession({ ...request(BUY_ONCE), stop, where }, [dailyBars(5_000)], [], (m) => sent.push(m), now);
    expect(sent.at(-1)!.type).toBe("stopped");
    expect(sent.some((m) => m.type === "done" || m.type === "error")).toBe(false);
    const batches = sent.flatMap((m) => (m.type === "batch" ? [m] : []));
    const shown = batches.reduce((n, b) => n + b.equity.value.length, 0);
    const last = batches.at(-1)!;
    expect(shown).toBe(last.barsDone);
    expect(last.barsDone).toBeGreaterThan(0);
    expect(last.barsDone).toBeLessThan(5_000);
    // The bar the page's Stop message names (the cells) is the last bar the page was sent.
    expect(readWhere(where).bar).toBe(last.barsDone - 1);
  });

  it("runs to the end, as before, when nobody presses Stop", () => {
    const stop = makeStopCell();
    const sent: WorkerMessage[] = [];
    runSession(
      { ...request(BUY_ONCE), stop },
      [dailyBars(500)],
      [],
      (m) => sent.push(m),
      () => 0,
    );
    expect(sent.at(-1)!.type).toBe("done");
  });

  it("stopped between two reads of its clock, ends at the bar it is on, not up to 63 bars later", () => {
    // Bars take microseconds, so the loop reads its clock every 64 bars (at bar 959, then 1,023).
    // The user presses Stop while bar 1,000 runs (when the strategy reads performance.now()): a
    // strategy slow from there on would otherwise run 23 more bars before looking, longer than
    // the page waits for it, and the bars it had not sent would be lost.
    const stop = makeStopCell();
    const sent: WorkerMessage[] = [];
    const readsTheTimeAtBar1000 = `import { TradingAlgorithm } from "playground";
export default class Heavy extends TradingAlgorithm {
  handleData(context) { if (context.barIndex === 1000) performance.now(); }
}`;
    vi.stubGlobal("performance", { now: () => (askToStop(stop), 0) });
    let reads = 0;
    try {
      runSession(
        { ...request(readsTheTimeAtBar1000), stop },
        [dailyBars(5_000)],
        [],
        (m) => sent.push(m),
        () => ++reads * 0.0001,
      );
    } finally {
      vi.unstubAllGlobals();
    }
    expect(sent.at(-1)!.type).toBe("stopped");
    const last = sent.flatMap((m) => (m.type === "batch" ? [m] : [])).at(-1)!;
    expect(last.barsDone).toBe(1_001);
  });
});
