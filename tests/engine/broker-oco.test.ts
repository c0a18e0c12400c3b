import { describe, expect, it } from "vitest";
import { BracketOrder, LimitOrder, MarketOrder, OCOOrder, StopOrder } from "../../src/engine/orders/execution-styles";
import type { RunSettings } from "../../src/engine/settings";
import { bars, type Row } from "./helpers/bars";
import { fillsOf, idAt, orderOf, ordersAt, results, run, trail } from "./helpers/run";

const capped: Partial<RunSettings> = {
  slippage: { model: "FixedBasisPointsSlippage", basisPoints: 0, volumeLimit: 0.1 },
};
const exits = () => new OCOOrder(new LimitOrder(105), new StopOrder(95));

/** Buy 10 A on bar 0 (fills at bar 1's open, 100), place the OCO exit on bar 1. */
function ocoRun(
  later: Row[],
  extra: Record<
    number,
    Parameters<typeof run>[1] extends infer S ? (S extends Record<number, infer F> ? F : never) : never
  > = {},
) {
  const rows: Row[] = [[100, 100, 100, 100], [100, 100, 100, 100], ...later];
  const bt = run(
    bars("A", rows),
    { 0: (b) => b.order(b.symbol("A"), 10), 1: (b) => b.order(b.symbol("A"), -10, { style: exits() }), ...extra },
    { settings: capped },
  );
  const first = orderOf(bt, idAt(bt, 1));
  const second = [...bt.broker.orders.values()].find((o) => o.ocoId === first.ocoId && o !== first)!;
  return { bt, first, second };
}

describe("OCO orders", () => {
  it("order() returns the first leg's id; both legs share an ocoId and the amount", () => {
    const { first, second } = ocoRun([[100, 100, 100, 100]]);
    expect(first.limit).toBe(105);
    expect(second.stop).toBe(95);
    expect(first.ocoId).toBe(first.id);
    expect(second.ocoId).toBe(first.id);
    expect([first.amount, second.amount]).toEqual([-10, -10]);
  });

  it("the first fill of a leg, even a partial one, cancels the other leg", () => {
    // bar 2 volume 50 → 5 shares may fill; the limit 105 is touched (path 100 → 99 → 106 → 104)
    const { bt, first, second } = ocoRun([
      [100, 106, 99, 104, 50],
      [104, 106, 104, 105, 1000],
    ]);
    expect(fillsOf(bt, first.id)).toEqual([
      [2, -5, 105],
      [3, -5, 105],
    ]);
    expect(trail(bt, first.id)).toEqual(["OrderAccepted@1", "OrderPartiallyFilled@2", "OrderFilled@3"]);
    expect(second.status).toBe("CANCELLED");
    expect(second.reason).toMatch(/^OCO: /);
    expect(trail(bt, second.id)).toEqual(["OrderAccepted@1", "OrderCancelled@2"]);
  });

  it("a stop leg that fills cancels the limit leg", () => {
    const { bt, first, second } = ocoRun([[100, 101, 94, 96]]);
    expect(fillsOf(bt, second.id)).toEqual([[2, -10, 95]]);
    expect(first.status).toBe("CANCELLED");
    expect(first.reason).toMatch(/^OCO: /);
  });

  it("cancelling one leg cancels the other", () => {
    const { bt, first, second } = ocoRun(
      [
        [100, 100, 100, 100],
        [100, 106, 94, 100],
      ],
      { 2: (b) => b.cancelOrder(idAt(b, 1)!) },
    );
    expect(first.status).toBe("CANCELLED");
    expect(first.reason).toMatch(/^USER: /);
    expect(second.status).toBe("CANCELLED");
    expect(second.reason).toMatch(/^OCO: /);
    expect(bt.broker.fills).toHaveLength(1); // only the entry
  });

  it("a DAY pair that fills neither leg ends with the first leg expired and the other cancelled by it, saying so", () => {
    // sell limit 110 / sell stop 90 placed on bar 0; bar 1 stays at 100 and ends the DAY session
    const bt = run(
      bars("A", [
        [100, 100, 100, 100],
        [100, 100, 100, 100],
        [100, 100, 100, 100],
      ]),
      {
        0: (b) =>
          b.order(b.symbol("A"), -10, { tif: "DAY", style: new OCOOrder(new LimitOrder(110), new StopOrder(90)) }),
      },
    );
    const first = orderOf(bt, idAt(bt, 0));
    const second = [...bt.broker.orders.values()].find((o) => o.ocoId === first.ocoId && o !== first)!;
    expect(first.reason).toBe("EXPIRED_DAY: day order not filled by the end of 2024-01-02's session");
    expect(second.reason).toBe(`OCO: the other leg ${first.id} expired`);
  });

  it("cancelling by the id order() returned cancels the live leg after that leg was cancelled by its sibling's partial fill", () => {
    // bar 2 volume 50 → the stop 95 fills 5 of 10 and cancels the first leg (the returned id);
    // the rest of a stop that was hit is a market order, so the cancel in bar 2 must stop the stop
    // leg selling its last 5 at bar 3's open
    const { bt, first, second } = ocoRun(
      [
        [100, 101, 94, 96, 50],
        [96, 97, 96, 96, 1000],
      ],
      { 2: (b) => b.cancelOrder(idAt(b, 1)!) },
    );
    expect(fillsOf(bt, second.id)).toEqual([[2, -5, 95]]);
    expect(first.status).toBe("CANCELLED");
    expect(second.status).toBe("CANCELLED");
    expect(second.reason).toMatch(/^USER: /);
    expect(trail(bt, second.id)).toEqual(["OrderAccepted@1", "OrderPartiallyFilled@2", "OrderCancelled@2"]);
  });

  it("a bar that could fill both legs is ambiguous and the path decides", () => {
    // path 100 → 94.5 → 106 → 100: the stop 95 comes first
    const { bt, second } = ocoRun([[100, 106, 94.5, 100]]);
    expect(fillsOf(bt, second.id)).toEqual([[2, -10, 95]]);
    expect(results(bt).summary.ambiguousBars).toBe(1);
  });

  it("an ambiguous pair is listed once on its bar, also when a bracket entry fills on that bar", () => {
    // Bar 2 (path 100 → 94.5 → 106 → 100) touches the OCO's stop 95 and limit 105; a bracket
    // entry filling at its open releases a stop-loss 95 and a take-profit 105 that the rest of the
    // path touches too: two pairs on one bar, each listed once, and one ambiguous bar.
    const rows: Row[] = [
      [100, 100, 100, 100],
      [100, 100, 100, 100],
      [100, 106, 94.5, 100],
    ];
    const bracket = () => new BracketOrder({ entryStyle: new MarketOrder(), stopLossPrice: 95, takeProfitPrice: 105 });
    const bt = run(bars("A", rows), {
      0: (b) => b.order(b.symbol("A"), 10),
      1: (b) => [b.order(b.symbol("A"), -10, { style: exits() }), b.order(b.symbol("A"), 10, { style: bracket() })],
    });
    const [ocoLeg, entry] = ordersAt(bt, 1);
    const ocoPair = [...bt.broker.orders.values()].filter((o) => o.ocoId === ocoLeg!.ocoId).map((o) => o.id);
    const r = results(bt);
    expect(r.ambiguous.map((a) => a.orderIds)).toEqual([ocoPair, entry!.children]);
    expect(r.summary.ambiguousBars).toBe(1);
  });

  it("under targetFirst an OCO's limit leg counts as the target", () => {
    const rows: Row[] = [
      [100, 100, 100, 100],
      [100, 100, 100, 100],
      [100, 106, 94.5, 100],
    ];
    const bt = run(
      bars("A", rows),
      { 0: (b) => b.order(b.symbol("A"), 10), 1: (b) => b.order(b.symbol("A"), -10, { style: exits() }) },
      { settings: { sameBarPolicy: "targetFirst" } },
    );
    expect(fillsOf(bt, idAt(bt, 1))).toEqual([[2, -10, 105]]);
  });

  it("a rejected OCO rejects both legs", () => {
    const bt = run(
      bars("A", [[100, 100, 100, 100]]),
      { 0: (b) => b.order(b.symbol("A"), -10, { style: exits() }) },
      { init: (b) => b.setLongOnly() },
    );
    const all = [...bt.broker.orders.values()];
    expect(all.map((o) => o.status)).toEqual(["REJECTED", "REJECTED"]);
    expect(all.every((o) => o.reason!.startsWith("LONG_ONLY: "))).toBe(true);
  });
});
