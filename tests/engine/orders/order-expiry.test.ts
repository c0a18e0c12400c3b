import { describe, expect, it } from "vitest";
import { LimitOrder } from "../../../src/engine/orders/execution-styles";
import type { RunSettings } from "../../../src/engine/settings";
import { bars, flat, type Row } from "../helpers/bars";
import { fillsOf, idAt, orderOf, run, trail, type TestRun } from "../helpers/run";

const capped: Partial<RunSettings> = {
  slippage: { model: "FixedBasisPointsSlippage", basisPoints: 0, volumeLimit: 0.1 },
};

describe("DAY orders", () => {
  it("a DAY order fills on the next bar when it can", () => {
    const bt = run(
      bars("A", [
        [100, 100, 100, 100],
        [100, 101, 94, 96],
      ]),
      { 0: (b) => b.order(b.symbol("A"), 10, { style: new LimitOrder(95), tif: "DAY" }) },
    );
    expect(fillsOf(bt, idAt(bt, 0))).toEqual([[1, 10, 95]]);
  });
  it("a DAY order that cannot fill on the next bar expires at its end and never fills later", () => {
    // bar 1 stays above 95; bar 2 would fill it
    const rows: Row[] = [
      [100, 100, 100, 100],
      [100, 101, 96, 97],
      [97, 97, 90, 91],
    ];
    const bt = run(bars("A", rows), {
      0: (b) => b.order(b.symbol("A"), 10, { style: new LimitOrder(95), tif: "DAY" }),
    });
    const o = orderOf(bt, idAt(bt, 0));
    expect(o.status).toBe("EXPIRED");
    expect(o.reason).toMatch(/^EXPIRED_DAY: /);
    expect(trail(bt, o.id)).toEqual(["OrderAccepted@0", "OrderExpired@1"]);
    expect(bt.broker.fills).toEqual([]);
  });
  describe("on minute bars", () => {
    // Two sessions of minute bars: 2024-01-02 14:30, 14:31, 20:59; 2024-01-03 14:30, 14:31. The
    // price stays at 100 until the second session, which trades at 89.
    const minutes = () => {
      const b = bars("M", [...flat(100, 3), ...flat(89, 2)]);
      const times = [
        "2024-01-02T14:30Z",
        "2024-01-02T14:31Z",
        "2024-01-02T20:59Z",
        "2024-01-03T14:30Z",
        "2024-01-03T14:31Z",
      ];
      return { ...b, time: Float64Array.from(times, (x) => Date.parse(x)) };
    };
    const buy90 = (b: TestRun) => b.order(b.symbol("M"), 10, { style: new LimitOrder(90), tif: "DAY" });

    it("a DAY order placed during a session expires at that session's last bar", () => {
      const bt = run(minutes(), { 0: buy90 });
      const o = orderOf(bt, idAt(bt, 0));
      expect(trail(bt, o.id)).toEqual(["OrderAccepted@0", "OrderExpired@2"]);
      expect(o.reason).toBe("EXPIRED_DAY: day order not filled by the end of 2024-01-02's session");
    });
    it("a DAY order placed on a session's last bar lives through the next session", () => {
      const bt = run(minutes(), { 2: buy90 });
      expect(fillsOf(bt, idAt(bt, 2))).toEqual([[3, 10, 89]]);
    });
  });
  it("a DAY order whose session is the last bar of the data expires on it", () => {
    // placed on bar 0, its session is bar 1, the last bar; the limit 95 is never touched
    const bt = run(
      bars("A", [
        [100, 100, 100, 100],
        [100, 101, 96, 97],
      ]),
      { 0: (b) => b.order(b.symbol("A"), 10, { style: new LimitOrder(95), tif: "DAY" }) },
    );
    const o = orderOf(bt, idAt(bt, 0));
    expect(o.status).toBe("EXPIRED");
    expect(o.reason).toBe("EXPIRED_DAY: day order not filled by the end of 2024-01-02's session");
    expect(trail(bt, o.id)).toEqual(["OrderAccepted@0", "OrderExpired@1"]);
  });
  it("a DAY order part-filled on the last bar of the data expires there with what it filled", () => {
    // bar 1 volume 50 under a 10% cap: 5 of 10 shares fill at the open 100
    const bt = run(
      bars("A", [
        [100, 100, 100, 100],
        [100, 100, 100, 100, 50],
      ]),
      { 0: (b) => b.order(b.symbol("A"), 10, { tif: "DAY" }) },
      { settings: capped },
    );
    const o = orderOf(bt, idAt(bt, 0));
    expect(fillsOf(bt, o.id)).toEqual([[1, 5, 100]]);
    expect(o.status).toBe("EXPIRED");
    expect(o.reason).toMatch(/^EXPIRED_DAY: /);
    expect(trail(bt, o.id)).toEqual(["OrderAccepted@0", "OrderPartiallyFilled@1", "OrderExpired@1"]);
  });
  it("a DAY order placed on the last bar stays open: its session is after the data", () => {
    const bt = run(bars("A", flat(100, 2)), { 1: (b) => b.order(b.symbol("A"), 10, { tif: "DAY" }) });
    expect(orderOf(bt, idAt(bt, 1)).status).toBe("OPEN");
  });
});

describe("GTD orders", () => {
  // Bars on Jan 1, 2, 5 and 6: nothing on the 3rd and 4th.
  const dates = ["2024-01-01", "2024-01-02", "2024-01-05", "2024-01-06"];
  const rows: Row[] = [
    [100, 100, 100, 100],
    [100, 101, 96, 97],
    [97, 97, 90, 91],
    [91, 92, 90, 91],
  ];
  const place = (gtd: string) =>
    run(bars("A", rows, undefined, { dates }), {
      0: (b) => b.order(b.symbol("A"), 10, { style: new LimitOrder(95), tif: { gtd } }),
    });

  it("a GTD order expires after the last bar on or before its date", () => {
    // Jan 3 → the last bar on or before it is Jan 2 (bar 1): it expires there and misses Jan 5's dip
    const bt = place("2024-01-03");
    const o = orderOf(bt, idAt(bt, 0));
    expect(o.status).toBe("EXPIRED");
    expect(o.reason).toMatch(/^EXPIRED_GTD: /);
    expect(trail(bt, o.id)).toEqual(["OrderAccepted@0", "OrderExpired@1"]);
    expect(o.updatedAt.toISOString().slice(0, 10)).toBe("2024-01-02");
  });
  it("a GTD order lives through bars on its date", () => {
    const bt = place("2024-01-05");
    expect(fillsOf(bt, idAt(bt, 0))).toEqual([[2, 10, 95]]);
  });
  it("a GTD order dated the day it is placed never fills", () => {
    // the last bar on or before Jan 1 is the bar it was placed on: no later bar may fill it
    const bt = run(
      bars("A", [
        [100, 100, 100, 100],
        [90, 91, 89, 90],
      ]),
      { 0: (b) => b.order(b.symbol("A"), 10, { tif: { gtd: "2024-01-01" } }) },
    );
    const o = orderOf(bt, idAt(bt, 0));
    expect(bt.broker.fills).toEqual([]);
    expect(o.status).toBe("EXPIRED");
    expect(o.reason).toMatch(/^EXPIRED_GTD: /);
  });
});

describe("IOC and FOK", () => {
  it("an IOC order fills what it can on its first bar and the rest is cancelled", () => {
    // volume 50 → 5 of 10 shares
    const bt = run(
      bars("A", flat(100, 3, 50)),
      { 0: (b) => b.order(b.symbol("A"), 10, { tif: "IOC" }) },
      { settings: capped },
    );
    const o = orderOf(bt, idAt(bt, 0));
    expect(fillsOf(bt, o.id)).toEqual([[1, 5, 100]]);
    expect(o.status).toBe("CANCELLED");
    expect(o.reason).toMatch(/^IOC_UNFILLED: /);
    expect(trail(bt, o.id)).toEqual(["OrderAccepted@0", "OrderPartiallyFilled@1", "OrderCancelled@1"]);
  });
  it("an IOC limit that is not reached on its first bar is cancelled", () => {
    const bt = run(bars("A", flat(100, 3)), {
      0: (b) => b.order(b.symbol("A"), 10, { style: new LimitOrder(95), tif: "IOC" }),
    });
    expect(orderOf(bt, idAt(bt, 0)).reason).toMatch(/^IOC_UNFILLED: /);
  });
  it("a FOK order that cannot fill completely on its first bar fills nothing", () => {
    const bt = run(
      bars("A", flat(100, 3, 50)),
      { 0: (b) => b.order(b.symbol("A"), 10, { tif: "FOK" }) },
      { settings: capped },
    );
    const o = orderOf(bt, idAt(bt, 0));
    expect(bt.broker.fills).toEqual([]);
    expect(o.status).toBe("CANCELLED");
    expect(o.reason).toMatch(/^FOK_UNFILLED: /);
  });
  it("a FOK order that can fill completely does", () => {
    const bt = run(
      bars("A", flat(100, 3, 100)),
      { 0: (b) => b.order(b.symbol("A"), 10, { tif: "FOK" }) },
      { settings: capped },
    );
    expect(fillsOf(bt, idAt(bt, 0))).toEqual([[1, 10, 100]]);
  });
  it("a FOK limit not reached on its first bar is cancelled", () => {
    const bt = run(bars("A", flat(100, 3)), {
      0: (b) => b.order(b.symbol("A"), 10, { style: new LimitOrder(95), tif: "FOK" }),
    });
    expect(orderOf(bt, idAt(bt, 0)).reason).toMatch(/^FOK_UNFILLED: /);
  });
  it("an IOC order for a symbol without a bar waits for the symbol's next bar", () => {
    const a = bars("A", flat(100, 3));
    const b2 = bars("B", flat(50, 2), undefined, { dates: ["2024-01-01", "2024-01-03"] });
    const bt = run([a, b2], { 0: (b) => b.order(b.symbol("B"), 10, { tif: "IOC" }) });
    expect(fillsOf(bt, idAt(bt, 0))).toEqual([[2, 10, 50]]);
  });
  it("a DAY order's session is the market's: for a symbol without a bar in it, the order expires unfilled", () => {
    // placed on 2024-01-01; its session is 2024-01-02, when A trades and B does not
    const a = bars("A", flat(100, 3));
    const b2 = bars("B", flat(50, 2), undefined, { dates: ["2024-01-01", "2024-01-03"] });
    const bt = run([a, b2], { 0: (b) => b.order(b.symbol("B"), 10, { tif: "DAY" }) });
    const o = orderOf(bt, idAt(bt, 0));
    expect(trail(bt, o.id)).toEqual(["OrderAccepted@0", "OrderExpired@1"]);
    expect(bt.broker.fills).toEqual([]);
  });
  it("an order for a symbol after its last bar waits for good, open", () => {
    // B's data ends on 2024-01-02; the buy placed on 2024-01-03 never fills
    const a = bars("A", flat(100, 4));
    const b2 = bars("B", flat(50, 2));
    const bt = run([a, b2], { 2: (b) => b.order(b.symbol("B"), 10) });
    expect(orderOf(bt, idAt(bt, 2)).status).toBe("OPEN");
  });
});
