import { describe, expect, it } from "vitest";
import type { EngineEvent } from "../../src/engine/events";
import { LimitOrder } from "../../src/engine/orders/execution-styles";
import { EventColumnsEncoder } from "../../src/runtime/event-columns";
import { PROTOCOL_VERSION, type WorkerMessage } from "../../src/runtime/protocol";
import { recordRunMessage, runEvents } from "../../src/ui/export/run-event-log";
import { bars, type Row } from "../engine/helpers/bars";
import { run } from "../engine/helpers/run";

const ROWS: Row[] = Array.from({ length: 30 }, (_, i) => [100 + i, 101 + i, 99 + i, 100.5 + i, 1_000_000] as const);

/** A run's events: market and limit orders, their fills, records. */
function runEventsOfEngine(): EngineEvent[] {
  const bt = run(bars("A", ROWS), (b, _c, _d, t) => {
    const a = b.symbol("A");
    if (t % 5 === 0) b.order(a, 10);
    if (t % 7 === 1) b.order(a, -5, { style: new LimitOrder(200) });
    b.record({ close: 100 + t });
  });
  return [...bt.events];
}

const started = (runId: number): WorkerMessage => ({
  type: "started",
  protocolVersion: PROTOCOL_VERSION,
  runId,
  totalBars: ROWS.length,
  symbols: ["A"],
  warnings: [],
});

/** The events sent as the worker sends them: batches of `size` through one encoder. */
function batches(runId: number, events: readonly EngineEvent[], size: number): WorkerMessage[] {
  const enc = new EventColumnsEncoder();
  const out: WorkerMessage[] = [];
  for (let i = 0; i < events.length; i += size) {
    for (const e of events.slice(i, i + size)) enc.add(e);
    const empty = { from: 0, time: new Float64Array(0), value: new Float64Array(0), cash: new Float64Array(0) };
    out.push({
      type: "batch",
      protocolVersion: PROTOCOL_VERSION,
      runId,
      barsDone: 0,
      totalBars: ROWS.length,
      events: structuredClone(enc.take()),
      equity: empty,
      benchmark: null,
    });
  }
  return out;
}

describe("the run's events kept for the results JSON export", () => {
  it("are the streamed events in order, exported during the run and again after more batches came", () => {
    const events = runEventsOfEngine();
    const msgs = batches(7, events, 6);
    const half = Math.floor(msgs.length / 2);
    recordRunMessage(started(7));
    for (const m of msgs.slice(0, half)) recordRunMessage(m);
    const sent = events.slice(0, half * 6);
    expect(runEvents()).toEqual(sent);
    for (const m of msgs.slice(half)) recordRunMessage(m);
    expect(runEvents()).toEqual(events);
  });

  it("a new run starts a new log; a stopped run's late batches are not in it", () => {
    const events = runEventsOfEngine();
    recordRunMessage(started(8));
    for (const m of batches(8, events, 10)) recordRunMessage(m);
    recordRunMessage(started(9));
    for (const m of batches(8, events, 10)) recordRunMessage(m);
    expect(runEvents()).toEqual([]);
    for (const m of batches(9, events.slice(0, 12), 5)) recordRunMessage(m);
    expect(runEvents()).toEqual(events.slice(0, 12));
  });
});
