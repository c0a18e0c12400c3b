import { describe, expect, it } from "vitest";
import { orderTable } from "../helpers/order-table";
import type { OrderSnapshot } from "../../src/engine/events";
import type { FillEvent, OrderRow, OrderTransition, StopMovedEvent } from "../../src/store/run-results";
import { levelsOfOrder, OrderLayerModel, type OrderLayerInput } from "../../src/ui/charts/order-levels";
import { orderSnapshot } from "../helpers/order-snapshot";

const DAY = 86_400_000;
const T0 = Date.UTC(2020, 0, 2);
/** Ten daily bars from T0. */
const BARS = Float64Array.from({ length: 10 }, (_, i) => T0 + i * DAY);
const d = (i: number) => T0 + i * DAY;
const step = (
  i: number,
  event: OrderTransition["event"],
  status: OrderTransition["status"] = "OPEN",
): OrderTransition => ({
  dt: d(i),
  event,
  status,
  filled: 0,
});
const row = (over: Partial<OrderSnapshot>, history: OrderTransition[]): OrderRow => ({
  order: orderSnapshot({ id: "o2", amount: -100, ...over }),
  history,
});

describe("order levels", () => {
  it("a bracket stop-loss runs from the bar its entry filled (released mid-bar) to the bar it was cancelled, faded", () => {
    const r = row({ type: "stop", stop: 95, role: "stopLoss", status: "CANCELLED" }, [
      step(0, "OrderHeld", "HELD"),
      step(1, "OrderReleased"),
      step(5, "OrderCancelled", "CANCELLED"),
    ]);
    expect(levelsOfOrder(r, [], BARS, d(9))).toEqual([
      {
        orderId: "o2",
        role: "SL",
        kind: "stop",
        points: [
          [d(1), 95],
          [d(5), 95],
        ],
        outcome: "cancelled",
      },
    ]);
  });
  it("a plain limit placed on bar 2 works from bar 3 and, while open, reaches the run's last bar", () => {
    const r = row({ type: "limit", limit: 101 }, [step(2, "OrderAccepted")]);
    const [l] = levelsOfOrder(r, [], BARS, d(7));
    expect([l!.role, l!.kind, l!.outcome, l!.points]).toEqual([
      "limit",
      "limit",
      "open",
      [
        [d(3), 101],
        [d(7), 101],
      ],
    ]);
  });
  it("a held leg, a rejected order and a market order draw nothing", () => {
    expect(levelsOfOrder(row({ type: "stop", stop: 95 }, [step(0, "OrderHeld", "HELD")]), [], BARS, d(9))).toEqual([]);
    expect(
      levelsOfOrder(row({ type: "limit", limit: 1 }, [step(0, "OrderRejected", "REJECTED")]), [], BARS, d(9)),
    ).toEqual([]);
    expect(levelsOfOrder(row({ type: "market" }, [step(0, "OrderAccepted")]), [], BARS, d(9))).toEqual([]);
  });
  it("a stop-limit draws its stop until it triggered and its limit from then until it filled", () => {
    const r = row({ type: "stopLimit", stop: 99, limit: 98.5, status: "FILLED" }, [
      step(1, "OrderAccepted"),
      step(4, "OrderTriggered", "TRIGGERED"),
      step(6, "OrderFilled", "FILLED"),
    ]);
    const lv = levelsOfOrder(r, [], BARS, d(9));
    expect(lv.map((l) => [l.kind, l.outcome, l.points])).toEqual([
      [
        "stop",
        "triggered",
        [
          [d(2), 99],
          [d(4), 99],
        ],
      ],
      [
        "limit",
        "filled",
        [
          [d(4), 98.5],
          [d(6), 98.5],
        ],
      ],
    ]);
  });
  it("a trailing stop steps to each moved stop from the bar after it moved, and ends where it filled", () => {
    // placed on bar 0 at 95; moved after bars 1 and 2 (to 96, 97); filled on bar 4 at 97
    const moves: StopMovedEvent[] = [95, 96, 97].map((stop, i) => ({
      type: "stopMoved",
      dt: d(i),
      orderId: "o2",
      symbol: "SPY",
      stop,
      hwm: 0,
    }));
    const r = row({ type: "trailingStop", stop: 97, trailAmount: 5, status: "FILLED" }, [
      step(0, "OrderAccepted"),
      step(4, "OrderFilled", "FILLED"),
    ]);
    const [l] = levelsOfOrder(r, moves, BARS, d(9));
    expect([l!.role, l!.kind, l!.outcome]).toEqual(["trail", "trailing", "filled"]);
    expect(l!.points).toEqual([
      [d(1), 95],
      [d(2), 96],
      [d(3), 97],
      [d(4), 97],
    ]);
  });
  it("OCO legs are named by their kind", () => {
    const lim = row({ type: "limit", limit: 110, role: "ocoLeg" }, [step(0, "OrderAccepted")]);
    const stp = row({ type: "stop", stop: 90, role: "ocoLeg" }, [step(0, "OrderAccepted")]);
    expect([levelsOfOrder(lim, [], BARS, d(3))[0]!.role, levelsOfOrder(stp, [], BARS, d(3))[0]!.role]).toEqual([
      "OCO limit",
      "OCO stop",
    ]);
  });
});

describe("the order layer model, fed batch by batch", () => {
  const fill = (i: number, orderId: string, amount: number, price: number): FillEvent => ({
    type: "fill",
    dt: d(i),
    orderId,
    symbol: "SPY",
    amount,
    price,
    commission: 1,
    basePrice: price,
  });
  const entry: OrderRow = { order: orderSnapshot({ id: "o1", status: "FILLED" }), history: [step(0, "OrderAccepted")] };
  const stop = row({ type: "stop", stop: 95 }, [step(1, "OrderAccepted")]);
  // Each order changed once, when it was placed, unless a test says otherwise.
  const base = (over: Partial<OrderLayerInput>): OrderLayerInput => ({
    orders: orderTable({ o1: entry }),
    orderIds: ["o1"],
    orderUpdates: over.orderIds ?? ["o1"],
    stopMoves: [],
    fills: [],
    symbol: "SPY",
    barTimes: BARS,
    lastTime: d(1),
    ...over,
  });

  it("adds new fills as markers and new orders as levels, and grows open levels with the run", () => {
    const m = new OrderLayerModel();
    expect(m.sync(base({ fills: [fill(1, "o1", 100, 100)] }))).toBe(true);
    expect(m.markers.map((x) => [x.role, x.exit])).toEqual([["signal", false]]);
    const orders = orderTable({ o1: entry, o2: stop });
    m.sync(base({ orders, orderIds: ["o1", "o2"], fills: [fill(1, "o1", 100, 100)], lastTime: d(3) }));
    expect(m.allLevels()[0]!.points.at(-1)).toEqual([d(3), 95]);
    m.sync(base({ orders, orderIds: ["o1", "o2"], fills: [fill(1, "o1", 100, 100)], lastTime: d(5) }));
    expect(m.allLevels()[0]!.points.at(-1)).toEqual([d(5), 95]);
  });
  it("a plain stop that sells what was bought is an exit marker", () => {
    const filled = row({ type: "stop", stop: 95, status: "FILLED" }, [
      step(1, "OrderAccepted"),
      step(3, "OrderFilled"),
    ]);
    const m = new OrderLayerModel();
    m.sync(
      base({
        orders: orderTable({ o1: entry, o2: filled }),
        orderIds: ["o1", "o2"],
        fills: [fill(1, "o1", 100, 100), fill(3, "o2", -100, 95)],
      }),
    );
    expect(m.markers.map((x) => [x.role, x.exit])).toEqual([
      ["signal", false],
      ["stop", true],
    ]);
  });
  it("a stop cancelled in a later batch ends its level there, though the run has not moved on", () => {
    const m = new OrderLayerModel();
    const orders = orderTable({ o1: entry, o2: stop });
    m.sync(base({ orders, orderIds: ["o1", "o2"], lastTime: d(2) }));
    expect(m.allLevels().map((l) => l.outcome)).toEqual(["open"]);
    const cancelled = row({ type: "stop", stop: 95, status: "CANCELLED" }, [
      step(1, "OrderAccepted"),
      step(4, "OrderCancelled"),
    ]);
    expect(
      m.sync(
        base({
          orders: orderTable({ o1: entry, o2: cancelled }),
          orderIds: ["o1", "o2"],
          orderUpdates: ["o1", "o2", "o2"],
          lastTime: d(2),
        }),
      ),
    ).toBe(true);
    expect(m.allLevels().map((l) => [l.outcome, l.points.at(-1)![0]])).toEqual([["cancelled", d(4)]]);
  });
  it("a batch of market orders and their fills makes no order's row (no history for orders that draw no level)", () => {
    const made: string[] = [];
    const table = orderTable({ o1: entry, o2: row({ id: "o2", status: "FILLED" }, [step(2, "OrderFilled")]) });
    const counting = { ...table, get: (id: string) => (made.push(id), table.get(id)) };
    const m = new OrderLayerModel();
    m.sync(
      base({
        orders: counting,
        orderIds: ["o1", "o2"],
        fills: [fill(1, "o1", 100, 100), fill(2, "o2", -100, 101)],
      }),
    );
    expect(m.markers.map((x) => [x.orderId, x.exit])).toEqual([
      ["o1", false],
      ["o2", true],
    ]);
    expect(made).toEqual([]);
  });
  it("nothing new is no change; another symbol starts afresh", () => {
    const m = new OrderLayerModel();
    const input = base({ fills: [fill(1, "o1", 100, 100)] });
    m.sync(input);
    expect(m.sync(input)).toBe(false);
    m.sync({ ...input, symbol: "KO" });
    expect(m.markers).toEqual([]);
  });
  it("the finished run's ambiguous bars change the flags only when there are other flags to draw", () => {
    const m = new OrderLayerModel();
    const dt = (i: number) => new Date(d(i)).toISOString();
    // While the run streams it has no results, so no ambiguous bars: a new empty list each redraw.
    m.setFlags([], "SPY");
    expect(m.setFlags([], "SPY")).toBe(false);
    // Its finished results: none on this symbol, in a list of their own.
    expect(m.setFlags([{ dt: dt(2), symbol: "KO", orderIds: ["o9"] }], "SPY")).toBe(false);
    const onSpy = [{ dt: dt(3), symbol: "SPY", orderIds: ["o1", "o2"] }];
    expect(m.setFlags(onSpy, "SPY")).toBe(true);
    expect(m.flags).toEqual([{ time: d(3), orderIds: ["o1", "o2"] }]);
    expect(m.setFlags([{ dt: dt(3), symbol: "SPY", orderIds: ["o1", "o2"] }], "SPY")).toBe(false);
    expect(m.setFlags([{ dt: dt(3), symbol: "SPY", orderIds: ["o1"] }], "SPY")).toBe(true);
    expect(m.setFlags([], "SPY")).toBe(true);
    expect(m.flags).toEqual([]);
  });

  it("a catch-up cut short by its time goes on where it stopped, and ends as one sync of it all would", () => {
    // 300 stop orders on alternate sides, each filled: enough to pass a check of the clock.
    const rows: Record<string, OrderRow> = {};
    const ids: string[] = [];
    const fills: FillEvent[] = [];
    for (let k = 0; k < 300; k++) {
      const id = `s${k}`;
      ids.push(id);
      rows[id] = row({ id, type: "stop", stop: 90 + (k % 7), status: "FILLED" }, [
        step(1, "OrderAccepted"),
        step(2 + (k % 5), "OrderFilled", "FILLED"),
      ]);
      fills.push(fill(2 + (k % 5), id, k % 2 ? -10 : 10, 95));
    }
    const input = base({ orders: orderTable(rows), orderIds: ids, fills, lastTime: d(8) });
    const whole = new OrderLayerModel();
    expect(whole.sync(input)).toBe(true);
    const sliced = new OrderLayerModel();
    // A time already passed: it stops at its first check of the clock, drawing nothing yet.
    expect(sliced.sync(input, 0)).toBe(false);
    expect(sliced.behind).toBe(true);
    let slices = 1;
    let changed = false;
    while (sliced.behind) {
      changed = sliced.sync(input, 0);
      slices++;
    }
    expect(slices).toBeGreaterThan(2);
    expect(changed).toBe(true);
    expect(sliced.markers).toEqual(whole.markers);
    expect(sliced.allLevels()).toEqual(whole.allLevels());
    expect(sliced.sync(input)).toBe(false);
  });
});
