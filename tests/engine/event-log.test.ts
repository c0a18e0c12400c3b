import { afterEach, describe, expect, it, vi } from "vitest";
import { EventLog } from "../../src/engine/event-log";
import type { EngineEvent, OrderSnapshot } from "../../src/engine/events";
import { BracketOrder, LimitOrder, TrailingStopOrder } from "../../src/engine/orders/execution-styles";
import { snapshotOrder } from "../../src/engine/orders/order-snapshot";
import type { RunSettings } from "../../src/engine/settings";
import { bars, type Row } from "./helpers/bars";
import { run } from "./helpers/run";

afterEach(() => {
  vi.restoreAllMocks();
});

/** Rising bars of volume 50: under a 10% volume cap 5 shares fill per bar. */
const rising: Row[] = Array.from({ length: 12 }, (_, i) => {
  const p = 100 + i;
  return [p, p + 2, p - 1, p + 1, 50] as const;
});
const capped: Partial<RunSettings> = {
  slippage: { model: "FixedBasisPointsSlippage", basisPoints: 0, volumeLimit: 0.1 },
};

describe("the event log", () => {
  it("reads each order event back as the order was when it happened, though the order changed since", () => {
    // What snapshotOrder said at each order event, taken as the broker logs it.
    const seen: Array<{ event: string; order: OrderSnapshot }> = [];
    const logOrder = EventLog.prototype.order;
    vi.spyOn(EventLog.prototype, "order").mockImplementation(function (this: EventLog, o, event, dt) {
      seen.push({ event, order: snapshotOrder(o) });
      logOrder.call(this, o, event, dt);
    });
    const bt = run(
      bars("A", rising),
      {
        // An IOC bracket entry: 5 of 10 fill, the rest is cancelled, so its children are released resized to −5.
        0: (b) =>
          b.order(b.symbol("A"), 10, {
            style: new BracketOrder({ stopLossPrice: 50, takeProfitPrice: 200 }),
            tif: "IOC",
          }),
        // A trailing stop whose level rises with the highs until it is cancelled.
        2: (b) => b.order(b.symbol("A"), -5, { style: new TrailingStopOrder({ trailPercent: 0.1 }) }),
        // A limit that never fills and is cancelled with a reason.
        3: (b) => b.order(b.symbol("A"), 5, { style: new LimitOrder(10) }),
        8: (b) => {
          for (const o of b.getOpenOrders(b.symbol("A"))) b.cancelOrder(o.id);
        },
      },
      { settings: capped },
    );
    const read = [...bt.events].filter((e) => e.type === "order");
    expect(read.map((e) => ({ event: e.event, order: e.order }))).toEqual(seen);
    // the same keys in the same order as snapshotOrder, so JSON made from either is the same text
    expect(read.map((e) => JSON.stringify(e.order))).toEqual(seen.map((s) => JSON.stringify(s.order)));
    // and the run did change what later events read differently
    const released = read.find((e) => e.event === "OrderReleased")!;
    expect(released.order.amount).toBe(-5);
    expect(bt.broker.orders.get(released.order.id)!.amount).toBe(-5);
    const trailing = read.filter((e) => e.order.type === "trailingStop").map((e) => e.order.stop);
    expect(trailing[0]).toBeLessThan(trailing.at(-1)!);
    expect(read.some((e) => e.event === "OrderCancelled" && e.order.reason !== null)).toBe(true);
  });

  it("keeps log lines, records and fills as they were given, across the chunks its columns grow by", () => {
    // 4,203 events: more than two chunks of 2,048
    const rows: Row[] = Array.from({ length: 2_100 }, () => [100, 101, 99, 100] as const);
    const bt = run(bars("A", rows), (b, _c, _d, t) => {
      b.host.log.info(`bar ${t}`);
      b.record({ t });
      if (t === 0) b.order(b.symbol("A"), 3);
    });
    expect(bt.events.length).toBe(2 * 2_100 + 3); // a log line and a record a bar, the order's two events and its fill
    const all: EngineEvent[] = [...bt.events];
    expect(all.filter((e) => e.type === "log").map((e) => e.message)).toEqual(rows.map((_, t) => `bar ${t}`));
    expect(all.filter((e) => e.type === "record").map((e) => e.values)).toEqual(rows.map((_, t) => ({ t })));
    expect(all.find((e) => e.type === "fill")).toEqual({
      type: "fill",
      dt: bt.md.timeline[1],
      orderId: "o1",
      symbol: "A",
      amount: 3,
      price: 100,
      commission: 0,
      basePrice: 100,
    });
    expect(bt.events.at(-1)).toEqual({ type: "record", dt: bt.md.timeline[2_099], values: { t: 2_099 } });
    expect(bt.events.at(2_048)).toEqual(all[2_048]);
    expect(bt.events.slice(2_040, 2_060)).toEqual(all.slice(2_040, 2_060));
    expect(bt.events.at(bt.events.length)).toBeUndefined();
    expect(all.map((e) => e.type)).toEqual(all.map((_, i) => bt.events.typeAt(i)));
  });
});
