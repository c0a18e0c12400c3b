import { describe, expect, it } from "vitest";
import { EventColumnsEncoder } from "../../src/runtime/event-columns";
import {
  PROTOCOL_VERSION,
  protocolError,
  readPrepareRequest,
  readRowsRequest,
  readWorkerMessage,
  readWorkerRequest,
} from "../../src/runtime/protocol";
import { bars, flat } from "../engine/helpers/bars";
import { results as resultsOf, run } from "../engine/helpers/run";
import type { ResultsJson } from "../../src/engine/results/results";
import { readRowsLater, rowsArrived, rowsReady } from "../../src/runtime/results-rows";

const V = PROTOCOL_VERSION;
const equity = { from: 0, time: new Float64Array(1), value: new Float64Array(1), cash: new Float64Array(1) };
const batch = {
  type: "batch",
  protocolVersion: V,
  runId: 3,
  barsDone: 1,
  totalBars: 2,
  events: new EventColumnsEncoder().take(),
  equity,
  benchmark: null,
};
const results = {
  schemaVersion: 1,
  run: { bars: 2, fillsHash: "ab", symbols: ["SPY"] },
  summary: { endingValue: 1, sharpe: null },
  orders: [],
  fills: [],
  positions: [],
  trades: [],
  logs: [],
  events: [],
  equity: [],
  records: {},
};

const problem = (m: unknown) => {
  const r = readWorkerMessage(m);
  return "problem" in r ? r.problem : null;
};

describe("the page's check of worker messages", () => {
  it("accepts the results a real run builds, with the long/short groups of its summary", () => {
    const bt = run(bars("A", flat(100, 5)), {
      0: (b) => b.order(b.symbol("A"), 10),
      2: (b) => b.order(b.symbol("A"), -10),
    });
    const real = resultsOf(bt);
    expect(real.trades).toHaveLength(1);
    expect(problem({ type: "done", protocolVersion: V, runId: 3, results: real })).toBeNull();
    const forged = { ...real, summary: { ...real.summary, long: { trades: "many" } } };
    expect(problem({ type: "done", protocolVersion: V, runId: 3, results: forged })).toContain("summary value");
  });

  it("accepts a well-formed batch, done, stopped and error", () => {
    expect(problem(batch)).toBeNull();
    expect(problem({ type: "stopped", protocolVersion: V, runId: 3 })).toBeNull();
    expect(problem({ type: "done", protocolVersion: V, runId: 3, results })).toBeNull();
    expect(
      problem({ type: "error", protocolVersion: V, runId: 3, error: { kind: "runtime", message: "x", line: 4 } }),
    ).toBeNull();
  });

  it("refuses a message of another protocol version, naming both versions", () => {
    expect(problem({ ...batch, protocolVersion: V + 1 })).toBe(
      `the worker sent protocol version ${V + 1} where this side speaks ${V}`,
    );
  });

  it("refuses what is not a message at all", () => {
    for (const m of [null, undefined, 42, "done", [], { type: "done" }])
      expect(problem(m)).toMatch(/^the worker sent /);
  });

  it("refuses a done whose results lack their summary or hold a summary value that is an object", () => {
    expect(problem({ type: "done", protocolVersion: V, runId: 3, results: { ...results, summary: undefined } })).toBe(
      "the worker sent results without a summary",
    );
    const forged = { ...results, summary: { endingValue: { toString: null } } };
    expect(problem({ type: "done", protocolVersion: V, runId: 3, results: forged })).toContain("summary value");
  });

  it("refuses a done whose rows are not bytes, or come both as objects and as bytes", () => {
    const bytes = new TextEncoder().encode('{"orders":[],"fills":[],"logs":[]}');
    expect(problem({ type: "done", protocolVersion: V, runId: 3, results, rows: bytes })).toBeNull();
    expect(problem({ type: "done", protocolVersion: V, runId: 3, results, rows: "[]" })).toBe(
      "the worker sent results rows that are not bytes",
    );
    const both = { ...results, fills: [{ orderId: "1" }] };
    expect(problem({ type: "done", protocolVersion: V, runId: 3, results: both, rows: bytes })).toBe(
      "the worker sent results rows both as objects and as bytes",
    );
  });

  it("takes a done whose rows follow, then its rows as bytes; refuses rows both sent and to follow, or rows not bytes", () => {
    const bytes = new TextEncoder().encode('{"orders":[],"fills":[],"logs":[]}');
    expect(problem({ type: "done", protocolVersion: V, runId: 3, results, rowsFollow: true })).toBeNull();
    expect(problem({ type: "rows", protocolVersion: V, runId: 3, rows: bytes })).toBeNull();
    expect(problem({ type: "rows", protocolVersion: V, runId: 3, rows: [] })).toBe(
      "the worker sent results rows that are not bytes",
    );
    expect(problem({ type: "done", protocolVersion: V, runId: 3, results, rows: bytes, rowsFollow: true })).toBe(
      "the worker sent results rows both sent and to follow",
    );
    expect(problem({ type: "done", protocolVersion: V, runId: 3, results, rowsFollow: "yes" })).toBe(
      "the worker sent a bad promise of rows to follow",
    );
    const both = { ...results, logs: [{ message: "x" }] };
    expect(problem({ type: "done", protocolVersion: V, runId: 3, results: both, rowsFollow: true })).toBe(
      "the worker sent results rows both as objects and as bytes",
    );
  });

  it("reads a page's request for a finished run's rows by its run id, and nothing else as one", () => {
    expect(readRowsRequest({ type: "rows", protocolVersion: V, runId: 4 })).toBe(4);
    expect(readRowsRequest({ type: "rows", protocolVersion: V + 1, runId: 4 })).toBeNull();
    expect(readRowsRequest({ type: "rows", protocolVersion: V, runId: -1 })).toBeNull();
    expect(readRowsRequest({ type: "run", protocolVersion: V, runId: 4 })).toBeNull();
  });

  it("holds rows that follow as not ready until they come, then reads them; rows that never come read as an error", async () => {
    const waiting = { ...results } as unknown as ResultsJson;
    const supply = readRowsLater(waiting, (d) => new Error(d));
    expect(rowsReady(waiting)).toBe(false);
    expect(() => waiting.orders).toThrow("no rows yet: they follow the finished run");
    let arrived = false;
    const settled = rowsArrived(waiting).then(() => (arrived = true));
    await Promise.resolve();
    expect(arrived).toBe(false);
    supply(new TextEncoder().encode('{"orders":[{"id":"1"}],"fills":[],"logs":[]}'));
    await settled;
    expect(rowsReady(waiting)).toBe(true);
    expect(waiting.orders).toEqual([{ id: "1" }]);
    expect(Object.keys(waiting)).toEqual(Object.keys(results));

    const lost = { ...results } as unknown as ResultsJson;
    readRowsLater(lost, (d) => new Error(d))(null);
    await rowsArrived(lost);
    expect(() => lost.fills).toThrow("no rows: the worker ended without them");
  });

  it("reads a done's rows when they are first read, and refuses rows that are not lists of objects then", () => {
    const done = (text: string) => {
      const read = readWorkerMessage({
        type: "done",
        protocolVersion: V,
        runId: 3,
        results: { ...results },
        rows: new TextEncoder().encode(text),
      });
      if (!("message" in read) || read.message.type !== "done") throw new Error("refused");
      return read.message.results;
    };
    const good = done('{"orders":[{"id":"1"}],"fills":[{"orderId":"1"}],"logs":[]}');
    expect(Object.keys(good)).toEqual(Object.keys(results));
    expect(good.fills).toEqual([{ orderId: "1" }]);
    expect(good.orders).toEqual([{ id: "1" }]);
    expect(() => done('{"orders":[1],"fills":[],"logs":[]}').fills).toThrow(
      /could not understand each other \(the worker sent results whose orders is not a list of objects\)/,
    );
    expect(() => done("not json").orders).toThrow(/results rows that are not JSON/);
  });

  it("refuses an error of an unknown kind or with a line that is not a count", () => {
    expect(problem({ type: "error", protocolVersion: V, runId: 3, error: { kind: "pwned", message: "x" } })).toContain(
      "unknown kind",
    );
    expect(
      problem({ type: "error", protocolVersion: V, runId: 3, error: { kind: "runtime", message: "x", line: -1 } }),
    ).toContain("line");
  });

  it("refuses a batch whose equity arrays differ in length or are not Float64Arrays", () => {
    expect(problem({ ...batch, equity: { ...equity, cash: new Float64Array(2) } })).toContain("different lengths");
    expect(problem({ ...batch, equity: { ...equity, time: [0] } })).toContain("Float64Arrays");
  });

  it("refuses a batch whose events are objects, or whose columns are not typed arrays or disagree", () => {
    expect(problem({ ...batch, events: [{ type: "fill", dt: 0 }] })).toContain("string table");
    const cols = batch.events;
    expect(problem({ ...batch, events: { ...cols, sequence: Uint8Array.of(0) } })).toContain("does not match");
    const fills = { strs: [0, 1], nums: new Float64Array(5) };
    expect(problem({ ...batch, events: { ...cols, groups: { ...cols.groups, fills } } })).toContain(
      "fills that are not typed columns",
    );
  });

  it("survives a message whose getters throw", () => {
    const evil = Object.defineProperty({}, "type", {
      get() {
        throw new Error("gotcha");
      },
    });
    expect(problem(evil)).toBe("the worker sent a message that cannot be read");
  });
});

describe("the worker's check of requests", () => {
  const req = { type: "run", protocolVersion: V, runId: 9, source: "", fileName: "s.ts", settings: {}, data: [] };

  it("accepts a well-formed request", () => {
    expect("request" in readWorkerRequest(req)).toBe(true);
  });

  it("takes a Stop cell of one Int32 in shared memory, and refuses anything else as one", () => {
    expect("request" in readWorkerRequest({ ...req, stop: new SharedArrayBuffer(4) })).toBe(true);
    for (const stop of [new ArrayBuffer(4), new SharedArrayBuffer(8), 1])
      expect(readWorkerRequest({ ...req, stop })).toEqual({
        problem: "the page sent a request with a bad stop cell",
        runId: 9,
      });
  });

  it("answers a request of another version with the run id to reply to and both versions", () => {
    expect(readWorkerRequest({ ...req, protocolVersion: 0 })).toEqual({
      problem: `the page sent protocol version 0 where this side speaks ${V}`,
      runId: 9,
    });
  });

  it("words every protocol error the same way, as an internal error that says the run stopped", () => {
    expect(protocolError("x")).toEqual({
      kind: "internal",
      message:
        "the page and the run worker could not understand each other (x): the run was stopped; reload the page if it happens again",
    });
  });
});

describe("a prepare request's port", () => {
  const prepare = (extra: object) =>
    readPrepareRequest({ type: "prepare", protocolVersion: PROTOCOL_VERSION, files: [], ...extra });

  it("is kept to tell when the spare has warmed up, and refused when it is not a port", () => {
    const { port1 } = new MessageChannel();
    expect(prepare({ warmed: port1 })?.warmed).toBe(port1);
    expect(prepare({ warmed: "port" })).toBeNull();
    port1.close();
  });
});
