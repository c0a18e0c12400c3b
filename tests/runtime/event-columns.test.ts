import { describe, expect, it } from "vitest";
import type { EngineEvent } from "../../src/engine/events";
import { DEFAULT_SETTINGS } from "../../src/engine/settings";
import { BracketOrder, LimitOrder, TrailingStopOrder } from "../../src/engine/orders/execution-styles";
import { columnBuffers, columnsProblem, EventColumnsEncoder, rowsOf } from "../../src/runtime/event-columns";
import { EventColumnsReader } from "../../src/runtime/event-columns-reader";
import { bars, type Row } from "../engine/helpers/bars";
import { run } from "../engine/helpers/run";

/** A rising then falling market: the bracket's take-profit fills, the trailing stop moves and fills. */
const ROWS: Row[] = Array.from({ length: 40 }, (_, i) => {
  const p = i < 20 ? 100 + i : 140 - i;
  return [p, p + 1, p - 1, p + 0.5, 1_000_000] as const;
});

/** Every kind of event a run emits: orders of every style, a rejection, fills, stop moves, records; and log lines. */
function realEvents(): EngineEvent[] {
  const bt = run(bars("A", ROWS), (b, _c, _d, t) => {
    const a = b.symbol("A");
    if (t === 0) b.order(a, 10, { style: new BracketOrder({ stopLossPrice: 90, takeProfitPrice: 110 }) });
    if (t === 1) b.order(a, 5, { style: new LimitOrder(50) });
    if (t === 2) b.order(a, 1e9); // rejected: the cash does not cover it
    if (t === 12) b.order(a, 20);
    if (t === 13) b.order(a, -20, { style: new TrailingStopOrder({ trailPercent: 0.05 }) });
    b.record({ close: 100 + t, half: t / 2 });
  });
  const events = [...bt.events];
  const logs: EngineEvent[] = (["debug", "info", "warning", "error"] as const).map((level, i) => ({
    type: "log",
    dt: events[i * 7]!.dt,
    level,
    message: `line ${i}: ünïcode and "quotes"`,
  }));
  // Log lines between the engine's events, as a strategy's lines would be.
  for (const [i, e] of logs.entries()) events.splice(i * 9 + 3, 0, e);
  return events;
}

/** A run whose log holds every kind of event, log lines of each level among them, commissions paid (as the worker reads it). */
function loggedRun() {
  const settings = { commission: DEFAULT_SETTINGS.commission };
  return run(
    bars("A", ROWS),
    (b, _c, _d, t) => {
      const a = b.symbol("A");
      if (t === 0) b.order(a, 10, { style: new BracketOrder({ stopLossPrice: 90, takeProfitPrice: 110 }) });
      if (t === 2) b.order(a, 1e9);
      if (t === 12) b.order(a, 20);
      if (t === 13) b.order(a, -20, { style: new TrailingStopOrder({ trailPercent: 0.05 }) });
      if (t % 9 === 3 && t < 36)
        b.host.log[(["debug", "info", "warning", "error"] as const)[(t / 9) | 0]!](`line ${t}: ünïcode`);
      b.record({ close: 100 + t });
    },
    { settings },
  );
}

/** The events sent in batches of `size` through one encoder, read back on the other side. */
function roundTrip(events: readonly EngineEvent[], size: number): EngineEvent[] {
  const enc = new EventColumnsEncoder();
  const reader = new EventColumnsReader();
  const out: EngineEvent[] = [];
  for (let i = 0; i < events.length; i += size) {
    for (const e of events.slice(i, i + size)) enc.add(e);
    const c = structuredClone(enc.take());
    expect(columnsProblem(c)).toBeNull();
    reader.take(c);
    out.push(...reader.events(c));
  }
  return out;
}

describe("a run's events as columns", () => {
  it("read back as the same events in the same order, whatever the batch size", () => {
    const events = realEvents();
    const kinds = new Set(events.map((e) => (e.type === "order" ? e.order.status : e.type)));
    for (const k of ["OPEN", "FILLED", "CANCELLED", "REJECTED", "HELD", "fill", "stopMoved", "log", "record"])
      expect(kinds).toContain(k);
    for (const size of [1, 7, events.length]) expect(roundTrip(events, size)).toEqual(events);
  });

  it("read from the engine's log in their parts, are the columns of the same events as objects", () => {
    const bt = loggedRun();
    const events = [...bt.events];
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(["order", "fill", "stopMoved", "log", "record"]));
    for (const size of [1, 5, events.length]) {
      const fromLog = new EventColumnsEncoder();
      const fromObjects = new EventColumnsEncoder();
      const reader = new EventColumnsReader();
      const read: EngineEvent[] = [];
      for (let i = 0; i < events.length; i += size) {
        bt.events.visit(i, i + size, fromLog);
        for (const e of events.slice(i, i + size)) fromObjects.add(e);
        const c = fromLog.take();
        expect(c).toEqual(fromObjects.take());
        reader.take(c);
        read.push(...reader.events(c));
      }
      expect(read).toEqual(events);
    }
  });

  it("send each string and each order's fixed fields once per run", () => {
    const events = realEvents().filter((e) => e.type === "order");
    const enc = new EventColumnsEncoder();
    for (const e of events) enc.add(e);
    const c = enc.take();
    const ids = new Set(events.map((e) => (e.type === "order" ? e.order.id : "")));
    expect(rowsOf(c, "placed")).toBe(ids.size);
    expect(rowsOf(c, "orders")).toBe(events.length);
    expect(new Set(c.strings).size).toBe(c.strings.length);
    for (const e of events) enc.add(e);
    const again = enc.take();
    expect(again.strings).toEqual([]);
    expect(rowsOf(again, "placed")).toBe(0);
  });

  it("travel in typed arrays whose buffers can be transferred", () => {
    const enc = new EventColumnsEncoder();
    for (const e of realEvents()) enc.add(e);
    const c = enc.take();
    const buffers = columnBuffers(c);
    expect(new Set(buffers).size).toBe(buffers.length);
    structuredClone(c, { transfer: buffers });
    expect(c.groups.orders.nums.length).toBe(0); // moved, not copied
  });

  it("are refused when their columns disagree with their sequence, or name a string never sent", () => {
    const enc = new EventColumnsEncoder();
    for (const e of realEvents()) enc.add(e);
    const good = enc.take();
    const seq = Uint8Array.from(good.sequence);
    seq[0] = 9;
    expect(columnsProblem({ ...good, sequence: seq })).toBe("an event of an unknown type");
    const short = { ...good.groups.fills, nums: good.groups.fills.nums.subarray(1) };
    expect(columnsProblem({ ...good, groups: { ...good.groups, fills: short } })).toBe(
      "fills columns of different lengths",
    );
    expect(columnsProblem({ ...good, strings: [1] })).toBe("events with a bad string table");
    const reader = new EventColumnsReader();
    const strs = Int32Array.from(good.groups.orders.strs);
    strs[2] = good.strings.length + 5;
    const forged = { ...good, groups: { ...good.groups, orders: { ...good.groups.orders, strs } } };
    reader.take(forged);
    expect(() => reader.events(forged)).toThrow(/not in the run's table/);
  });
});
