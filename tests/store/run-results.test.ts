import { beforeEach, describe, expect, it } from "vitest";
import type { EngineEvent, OrderSnapshot } from "../../src/engine/events";
import { EventColumnsEncoder } from "../../src/runtime/event-columns";
import { PROTOCOL_VERSION, type WorkerMessage } from "../../src/runtime/protocol";
import { MAX_LOG_LINES, type BatchMessage } from "../../src/store/run-results";
import { BatchStage } from "../../src/store/batch-stage";
import { createPlaygroundStore } from "../../src/store/store";
import { orderSnapshot } from "../helpers/order-snapshot";

const DAY = 86_400_000;
const T0 = Date.UTC(2020, 0, 2);

function snapshot(over: Partial<OrderSnapshot> = {}): OrderSnapshot {
  return orderSnapshot({ createdAt: T0, updatedAt: T0, ...over });
}

const base = { protocolVersion: PROTOCOL_VERSION, runId: 1 } as const;

/** The run's worker side: one encoder per run, as run-session has. */
let worker = new EventColumnsEncoder();
beforeEach(() => {
  worker = new EventColumnsEncoder();
});

function batch(
  from: number,
  values: number[],
  events: EngineEvent[] = [],
  benchmark: string | null = null,
): WorkerMessage {
  const time = Float64Array.from(values, (_, i) => T0 + (from + i) * DAY);
  return {
    ...base,
    type: "batch",
    barsDone: from + values.length,
    totalBars: 10,
    events: (events.forEach((e) => worker.add(e)), worker.take()),
    equity: { from, time, value: Float64Array.from(values), cash: Float64Array.from(values) },
    benchmark,
  };
}

/** A fill of 10 SPY at 100 by order o1 at `dt`. */
function fill(dt: number): EngineEvent {
  return { type: "fill", dt, orderId: "o1", symbol: "SPY", amount: 10, price: 100, commission: 1 };
}

function runningStore() {
  const store = createPlaygroundStore({ code: "" });
  store.getState().startRun(1, 0);
  store.getState().applyWorkerMessage({ ...base, type: "started", totalBars: 10, symbols: ["SPY"], warnings: [] }, 1);
  return store;
}

describe("applyWorkerMessage", () => {
  it("lists an order once and keeps every status it went through", () => {
    const store = runningStore();
    store
      .getState()
      .applyWorkerMessage(
        batch(0, [100_000], [{ type: "order", dt: T0, event: "OrderAccepted", order: snapshot() }]),
        2,
      );
    store.getState().applyWorkerMessage(
      batch(
        1,
        [100_010],
        [
          {
            type: "order",
            dt: T0 + DAY,
            event: "OrderPartiallyFilled",
            order: snapshot({ status: "PARTIALLY_FILLED", filled: 40 }),
          },
          { type: "fill", dt: T0 + DAY, orderId: "o1", symbol: "SPY", amount: 40, price: 321.5, commission: 0.04 },
        ],
      ),
      3,
    );
    const { results } = store.getState();
    expect(results.orderIds).toEqual(["o1"]);
    expect(results.orders.get("o1")!.order.filled).toBe(40);
    expect(results.orders.get("o1")!.history.map((h) => h.status)).toEqual(["OPEN", "PARTIALLY_FILLED"]);
    expect(results.fills).toHaveLength(1);
  });

  it("makes an order's row when it is read, and again only after the order changed", () => {
    const store = runningStore();
    const accepted: EngineEvent = { type: "order", dt: T0, event: "OrderAccepted", order: snapshot() };
    const other: EngineEvent = { type: "order", dt: T0, event: "OrderAccepted", order: snapshot({ id: "o2" }) };
    store.getState().applyWorkerMessage(batch(0, [1], [accepted, other]), 2);
    const first = store.getState().results.orders;
    expect(first.get("o1")).toBe(first.get("o1"));
    const o2 = first.get("o2");
    const filled = snapshot({ status: "FILLED", filled: 100, avgFillPrice: 10, updatedAt: T0 + DAY });
    store
      .getState()
      .applyWorkerMessage(batch(1, [1], [{ type: "order", dt: T0 + DAY, event: "OrderFilled", order: filled }]), 3);
    const next = store.getState().results.orders;
    expect(next).not.toBe(first);
    expect(next.get("o1")!.order).toEqual(filled);
    expect(next.get("o2")).toBe(o2);
    expect(next.symbolOf("o2")).toBe("SPY");
    expect(next.get("nope")).toBeUndefined();
  });

  it("refuses a batch whose event names an order or a string the run never sent", () => {
    const store = runningStore();
    const msg = batch(0, [1], [{ type: "order", dt: T0, event: "OrderAccepted", order: snapshot() }]);
    if (msg.type !== "batch") throw new Error("a batch");
    const cols = msg.events;
    const strs = Int32Array.from(cols.groups.orders.strs);
    strs[0] = 99;
    const forged = { ...msg, events: { ...cols, groups: { ...cols.groups, orders: { ...cols.groups.orders, strs } } } };
    expect(() => store.getState().applyWorkerMessage(forged, 2)).toThrow(/not in the run's table/);
  });

  it("a batch without log lines keeps the orders and fills it brought", () => {
    // Regression: folding an empty log list once put back the previous results wholesale.
    const store = runningStore();
    store.getState().applyWorkerMessage(
      batch(
        0,
        [1],
        [
          { type: "order", dt: T0, event: "OrderAccepted", order: snapshot() },
          { type: "fill", dt: T0, orderId: "o1", symbol: "SPY", amount: 100, price: 10, commission: 0.1 },
        ],
      ),
      2,
    );
    expect(store.getState().results.orderIds).toHaveLength(1);
    expect(store.getState().results.fills).toHaveLength(1);
  });

  it("grows the equity curve in typed arrays, chunk after chunk", () => {
    const store = runningStore();
    store.getState().applyWorkerMessage(batch(0, [100, 101, 102]), 2);
    const first = store.getState().results.equity;
    store.getState().applyWorkerMessage(batch(3, [103, 104]), 3);
    const eq = store.getState().results.equity;
    expect(eq.length).toBe(5);
    expect(eq.value).toBeInstanceOf(Float64Array);
    expect(Array.from(eq.value.subarray(0, eq.length))).toEqual([100, 101, 102, 103, 104]);
    expect(eq).not.toBe(first);
    expect(first.length).toBe(3);
  });

  it("batches that waited together enter as one change, as if they had come one by one", () => {
    const oneByOne = runningStore();
    const together = runningStore();
    const msgs = [batch(0, [100, 101], [fill(T0)]), batch(2, [102], [fill(T0 + 2 * DAY)])];
    for (const m of msgs) oneByOne.getState().applyWorkerMessage(m, 2);
    let changes = 0;
    together.subscribe(() => changes++);
    together.getState().applyWorkerMessages(msgs, 2);
    expect(changes).toBe(1);
    const a = oneByOne.getState();
    const b = together.getState();
    expect(b.run.barsDone).toBe(3);
    expect(b.results.fills.map((f) => f.dt)).toEqual([T0, T0 + 2 * DAY]);
    expect(b.results.fills).toEqual(a.results.fills);
    expect(Array.from(b.results.equity.value.subarray(0, 3))).toEqual([100, 101, 102]);
  });

  it("an order's steps in batches that waited together, then the end, read as if they had come one by one", () => {
    const oneByOne = runningStore();
    const together = runningStore();
    const step = (dt: number, status: OrderSnapshot["status"], filled: number): EngineEvent => ({
      type: "order",
      dt,
      event: status === "FILLED" ? "OrderFilled" : "OrderAccepted",
      order: snapshot({ status, filled }),
    });
    const msgs: WorkerMessage[] = [
      batch(0, [100], [step(T0, "OPEN", 0)]),
      batch(1, [101], [step(T0 + DAY, "FILLED", 100)]),
      { ...base, type: "error", error: { kind: "runtime", message: "boom" } },
    ];
    for (const m of msgs) oneByOne.getState().applyWorkerMessage(m, 2);
    together.getState().applyWorkerMessages(msgs, 2);
    const b = together.getState();
    expect(b.results.orders.get(b.results.orderIds[0]!)!.history.map((h) => h.status)).toEqual(["OPEN", "FILLED"]);
    expect(b.run).toEqual(oneByOne.getState().run);
    expect([...b.results.orders.values()]).toEqual([...oneByOne.getState().results.orders.values()]);
    expect(b.results.logs).toEqual(oneByOne.getState().results.logs);
  });

  it("keeps the benchmark the strategy set, and a new run starts without one", () => {
    const store = runningStore();
    expect(store.getState().results.benchmark).toBeNull();
    store.getState().applyWorkerMessage(batch(0, [100, 101], [], "SPY"), 2);
    expect(store.getState().results.benchmark).toBe("SPY");
    store.getState().startRun(2, 3);
    expect(store.getState().results.benchmark).toBeNull();
  });

  it("shows progress as bars done out of the total", () => {
    const store = runningStore();
    store.getState().applyWorkerMessage(batch(0, [1, 2, 3, 4]), 2);
    expect(store.getState().run).toMatchObject({ barsDone: 4, totalBars: 10, status: "running" });
  });

  it("the run's elapsed time moves with each batch applied: it says when the run last changed", () => {
    const store = runningStore();
    expect(store.getState().run.changedAt).toBe(0);
    store.getState().applyWorkerMessage(batch(0, [1, 2]), 250);
    expect(store.getState().run.changedAt).toBe(250);
    store.getState().applyWorkerMessages([batch(2, [3]), batch(3, [4])], 530);
    expect(store.getState().run.changedAt).toBe(530);
  });

  it("collects record() values per name as time series", () => {
    const store = runningStore();
    store.getState().applyWorkerMessage(
      batch(
        0,
        [1, 1],
        [
          { type: "record", dt: T0, values: { fast: 10, slow: 20 } },
          { type: "record", dt: T0 + DAY, values: { fast: 11 } },
        ],
      ),
      2,
    );
    const { records } = store.getState().results;
    expect(records.fast!.length).toBe(2);
    expect(Array.from(records.fast!.value.subarray(0, 2))).toEqual([10, 11]);
    expect(records.slow!.length).toBe(1);
  });

  it("keeps a record() series named like a property every object has (constructor, __proto__) as a series of its own", () => {
    const store = runningStore();
    const values = JSON.parse('{"constructor": 1, "toString": 2, "__proto__": 3}') as Record<string, number>;
    store.getState().applyWorkerMessage(batch(0, [1], [{ type: "record", dt: T0, values }]), 2);
    store
      .getState()
      .applyWorkerMessage(batch(1, [1], [{ type: "record", dt: T0 + DAY, values: { constructor: 4 } }]), 3);
    const { run, results } = store.getState();
    expect(run.status).toBe("running");
    expect(Object.keys(results.records).sort()).toEqual(["__proto__", "constructor", "toString"]);
    const named = results.records["constructor" as string]!;
    expect(Array.from(named.value.subarray(0, 2))).toEqual([1, 4]);
    expect(results.records.__proto__!.length).toBe(1);
  });

  it("ignores messages from a run that was replaced", () => {
    const store = runningStore();
    store.getState().startRun(2, 5);
    store.getState().applyWorkerMessage(batch(0, [1, 2, 3]), 6);
    expect(store.getState().results.equity.length).toBe(0);
    expect(store.getState().run.runId).toBe(2);
  });

  it("a runtime error ends the run and logs where and when it happened", () => {
    const store = runningStore();
    store.getState().applyWorkerMessage(
      {
        ...base,
        type: "error",
        error: {
          kind: "runtime",
          message: "boom",
          file: "strategy.ts",
          line: 12,
          column: 5,
          hook: "handleData",
          barTime: "2020-01-03T00:00:00.000Z",
        },
      },
      9,
    );
    const s = store.getState();
    expect(s.run.status).toBe("error");
    expect(s.run.error?.line).toBe(12);
    const last = s.results.logs.at(-1)!;
    expect(last.level).toBe("error");
    expect(last.dt).toBe(Date.UTC(2020, 0, 3));
    expect(last.message).toContain("strategy.ts:12:5: boom");
  });

  it("keeps at most the last MAX_LOG_LINES log lines and counts the dropped", () => {
    const store = runningStore();
    const events: EngineEvent[] = Array.from({ length: MAX_LOG_LINES + 7 }, (_, i) => ({
      type: "log",
      dt: T0,
      level: "info",
      message: `line ${i}`,
    }));
    store.getState().applyWorkerMessage(batch(0, [1], events), 2);
    const { logs, droppedLogs } = store.getState().results;
    expect(logs).toHaveLength(MAX_LOG_LINES);
    expect(droppedLogs).toBe(7);
    expect(logs.at(-1)!.message).toBe(`line ${MAX_LOG_LINES + 6}`);
  });
});

describe("ending a run from the page", () => {
  it("Stop leaves the results so far and says so in the log", () => {
    const store = runningStore();
    store.getState().applyWorkerMessage(batch(0, [1, 2]), 2);
    store.getState().endRun("stopped", 3);
    const s = store.getState();
    expect(s.run.status).toBe("stopped");
    expect(s.run.error).toBeNull();
    expect(s.results.equity.length).toBe(2);
    expect(s.results.logs.at(-1)!.message).toMatch(/stopped by the user after 2 of 10 bars/);
  });

  it("the time limit ends the run with a timeout error naming the limit", () => {
    const store = runningStore();
    store.getState().updateSettings({ timeLimitSec: 7 });
    store.getState().endRun("timeout", 3);
    expect(store.getState().run.error).toMatchObject({ kind: "timeout" });
    expect(store.getState().run.error!.message).toContain("7 s time limit");
  });

  it("Stop names the hook, bar and line the worker was stuck in", () => {
    const store = runningStore();
    const where = { hook: "handleData", bar: 7, barTime: "2004-03-05T00:00:00.000Z", barsDone: 7, line: 17 };
    store.getState().endRun("stopped", 3, where);
    const s = store.getState();
    expect(s.run.stoppedAt).toBe("in handleData at bar 7 (2004-03-05), line 17");
    // The cells are ahead of the last batch: the progress shows their count.
    expect(s.run.barsDone).toBe(7);
    expect(s.results.logs.at(-1)!.message).toBe(
      "run stopped by the user in handleData at bar 7 (2004-03-05), line 17 after 7 of 10 bars",
    );
    expect(s.results.logs.at(-1)!.dt).toBe(Date.UTC(2004, 2, 5));
  });

  it("the time limit names where the run was, and marks the line", () => {
    const store = runningStore();
    store.getState().updateSettings({ timeLimitSec: 2 });
    store.getState().endRun("timeout", 3, { hook: "initialize", barsDone: 0, line: 4 });
    const error = store.getState().run.error!;
    expect(error.message).toBe(
      "the run took longer than the 2 s time limit and was stopped in initialize, line 4 (change it in Settings)",
    );
    expect(error.line).toBe(4);
  });

  it("a late message after Stop changes nothing", () => {
    const store = runningStore();
    store.getState().endRun("stopped", 3);
    const before = store.getState().results;
    store.getState().applyWorkerMessage(batch(0, [1]), 4);
    expect(store.getState().results).toBe(before);
  });
});

describe("batches folded as they come, shown when the pacer says", () => {
  it("shows the batches folded since the last change as one change, as if they had waited together", () => {
    const together = runningStore();
    const staged = runningStore();
    const msgs = [batch(0, [100, 101], [fill(T0)]), batch(2, [102], [fill(T0 + 2 * DAY)])];
    together.getState().applyWorkerMessages(msgs, 2);
    const stage = new BatchStage(() => staged.getState());
    let changes = 0;
    staged.subscribe(() => changes++);
    for (const m of msgs) stage.fold(m as BatchMessage);
    expect(changes).toBe(0);
    expect(staged.getState().results.fills).toHaveLength(0);
    staged.getState().showStagedBatches(stage.take(2)!);
    expect(changes).toBe(1);
    const a = together.getState();
    const b = staged.getState();
    expect(b.run).toEqual(a.run);
    expect(b.results.fills).toEqual(a.results.fills);
    expect(Array.from(b.results.equity.value.subarray(0, 3))).toEqual([100, 101, 102]);
    expect(stage.take(3)).toBeNull();
  });

  it("the elapsed time moves when the batches are shown, not when they came", () => {
    const store = runningStore();
    const stage = new BatchStage(() => store.getState());
    stage.fold(batch(0, [1, 2]) as BatchMessage);
    store.getState().showStagedBatches(stage.take(400)!);
    expect(store.getState().run.changedAt).toBe(400);
  });

  it("batches folded onto a run that was replaced meanwhile are not shown", () => {
    const store = runningStore();
    const stage = new BatchStage(() => store.getState());
    stage.fold(batch(0, [100], [fill(T0)]) as BatchMessage);
    store.getState().startRun(2, 3);
    store.getState().showStagedBatches(stage.take(4)!);
    expect(store.getState().run.runId).toBe(2);
    expect(store.getState().results.fills).toHaveLength(0);
  });

  it("a batch the page cannot apply is refused when it comes", () => {
    const store = runningStore();
    const stage = new BatchStage(() => store.getState());
    const bad = batch(0, [100]) as BatchMessage;
    expect(() => stage.fold({ ...bad, equity: { ...bad.equity, from: 5 } })).toThrow(/after the 0 points/);
  });
});
