import { describe, expect, it } from "vitest";
import { BracketOrder, LimitOrder, StopOrder } from "../../src/engine/orders/execution-styles";
import type { RunSettings } from "../../src/engine/settings";
import { bars, flat, type Row } from "./helpers/bars";
import { fillsOf, idAt, orderOf, results, run, trail } from "./helpers/run";

/** A long bracket of 10 A: stop-loss 95, take-profit 105 (market entry unless given). */
const long = (entryStyle?: LimitOrder) => new BracketOrder({ entryStyle, stopLossPrice: 95, takeProfitPrice: 105 });

function bracketRun(rows: Row[], settings: Partial<RunSettings> = {}, amount = 10, style = long()) {
  const bt = run(bars("A", rows), { 0: (b) => b.order(b.symbol("A"), amount, { style }) }, { settings });
  const entry = orderOf(bt, idAt(bt, 0));
  const [sl, tp] = entry.children.map((id) => orderOf(bt, id));
  return { bt, entry, sl: sl!, tp: tp! };
}

describe("bracket orders", () => {
  it("order() returns the entry's id and the children carry it as parentId", () => {
    const { entry, sl, tp } = bracketRun(flat(100, 2));
    expect(entry.role).toBe("entry");
    expect([sl.parentId, tp.parentId]).toEqual([entry.id, entry.id]);
    expect([sl.stop, tp.limit, sl.amount, tp.amount]).toEqual([95, 105, -10, -10]);
    expect(sl.ocoId).toBe(tp.ocoId);
  });

  it("children are HELD until the entry fills completely", () => {
    // volume 50 under a 10% cap: 5 shares fill per bar, so the entry needs bars 1 and 2
    const settings: Partial<RunSettings> = {
      slippage: { model: "FixedBasisPointsSlippage", basisPoints: 0, volumeLimit: 0.1 },
    };
    const { bt, entry, sl } = bracketRun(flat(100, 4, 50), settings);
    expect(fillsOf(bt, entry.id)).toEqual([
      [1, 5, 100],
      [2, 5, 100],
    ]);
    expect(trail(bt, sl.id)).toEqual(["OrderHeld@0", "OrderReleased@2"]);
  });

  it("children become active on the rest of the entry's bar under ohlc", () => {
    // entry at the open 100; path 100 → 99 → 106 → 104: the take-profit 105 fills on the way up
    const { bt, sl, tp } = bracketRun([
      [100, 100, 100, 100],
      [100, 106, 99, 104],
    ]);
    expect(fillsOf(bt, tp.id)).toEqual([[1, -10, 105]]);
    expect(sl.status).toBe("CANCELLED");
    expect(sl.reason).toMatch(/^OCO: /);
    expect(bt.ledger.realized.toNumber()).toBe(50); // (105 − 100) × 10
  });

  it("a short bracket's children are a buy stop above and a buy limit below", () => {
    // short 10 at the open 100; path 100 → 101 → 94 → 96 reaches the buy limit 95
    const style = new BracketOrder({ stopLossPrice: 105, takeProfitPrice: 95 });
    const { bt, sl, tp } = bracketRun(
      [
        [100, 100, 100, 100],
        [100, 101, 94, 96],
      ],
      {},
      -10,
      style,
    );
    expect([sl.amount, sl.stop, tp.amount, tp.limit]).toEqual([10, 105, 10, 95]);
    expect(fillsOf(bt, tp.id)).toEqual([[1, 10, 95]]);
    expect(bt.ledger.realized.toNumber()).toBe(50);
  });

  it("children do not see the part of the path before the entry filled", () => {
    // buy limit 99 entry: path 100 → 106 → 93 → 99 (high 6 away, low 7) touches 99 after
    // the high, so 106 is already behind it: the take-profit waits for bar 2, the stop 90 is not reached
    const style = new BracketOrder({ entryStyle: new LimitOrder(99), stopLossPrice: 90, takeProfitPrice: 105 });
    const { bt, entry, tp } = bracketRun(
      [
        [100, 100, 100, 100],
        [100, 106, 93, 99],
        [99, 105, 99, 104],
      ],
      {},
      10,
      style,
    );
    expect(fillsOf(bt, entry.id)).toEqual([[1, 10, 99]]);
    expect(fillsOf(bt, tp.id)).toEqual([[2, -10, 105]]);
    expect(results(bt).summary.ambiguousBars).toBe(0);
  });

  it("children start on the next bar under the close model", () => {
    // entry fills at bar 1's close 104 (its high 106 is never seen); bar 2 closes 105.5 ≥ 105
    const rows: Row[] = [
      [100, 100, 100, 100],
      [100, 106, 99, 104],
      [104, 106, 104, 105.5],
    ];
    const { bt, entry, tp } = bracketRun(rows, { fillModel: "close" });
    expect(fillsOf(bt, entry.id)).toEqual([[1, 10, 104]]);
    expect(trail(bt, tp.id)).toEqual(["OrderHeld@0", "OrderReleased@1", "OrderFilled@2"]);
    expect(fillsOf(bt, tp.id)).toEqual([[2, -10, 105.5]]);
  });

  it("cancelling an unfilled entry cancels its held children with PARENT_CANCELLED", () => {
    const style = new BracketOrder({ entryStyle: new LimitOrder(90), stopLossPrice: 85, takeProfitPrice: 105 });
    const bt = run(bars("A", flat(100, 3)), {
      0: (b) => b.order(b.symbol("A"), 10, { style }),
      1: (b) => b.cancelOrder(idAt(b, 0)!),
    });
    const entry = orderOf(bt, idAt(bt, 0));
    expect(entry.status).toBe("CANCELLED");
    expect(entry.reason).toMatch(/^USER: /);
    for (const id of entry.children) {
      expect(orderOf(bt, id).status).toBe("CANCELLED");
      expect(orderOf(bt, id).reason).toMatch(/^PARENT_CANCELLED: /);
    }
  });

  it("a part-filled entry cancelled by the strategy releases children for the filled quantity", () => {
    // 5 shares fill on bar 1 (cap 10% of 50); the strategy cancels the rest; bar 2 reaches 105
    const settings: Partial<RunSettings> = {
      slippage: { model: "FixedBasisPointsSlippage", basisPoints: 0, volumeLimit: 0.1 },
    };
    const rows: Row[] = [
      [100, 100, 100, 100, 50],
      [100, 100, 100, 100, 50],
      [100, 105, 100, 104, 1000],
    ];
    const bt = run(
      bars("A", rows),
      {
        0: (b) => b.order(b.symbol("A"), 10, { style: long() }),
        1: (b) => b.cancelOrder(idAt(b, 0)!),
      },
      { settings },
    );
    const entry = orderOf(bt, idAt(bt, 0));
    const tp = orderOf(bt, entry.children[1]!);
    expect(entry.filled).toBe(5);
    expect(tp.amount).toBe(-5);
    expect(fillsOf(bt, tp.id)).toEqual([[2, -5, 105]]);
  });

  it("a part-filled DAY entry that expires releases children for the filled quantity", () => {
    const settings: Partial<RunSettings> = {
      slippage: { model: "FixedBasisPointsSlippage", basisPoints: 0, volumeLimit: 0.1 },
    };
    const rows: Row[] = [
      [100, 100, 100, 100, 50],
      [100, 100, 100, 100, 50],
      [100, 100, 94, 96, 1000],
    ];
    const bt = run(
      bars("A", rows),
      { 0: (b) => b.order(b.symbol("A"), 10, { style: long(), tif: "DAY" }) },
      { settings },
    );
    const entry = orderOf(bt, idAt(bt, 0));
    const sl = orderOf(bt, entry.children[0]!);
    expect(entry.status).toBe("EXPIRED");
    expect(entry.reason).toMatch(/^EXPIRED_DAY: /);
    expect(sl.amount).toBe(-5);
    expect(fillsOf(bt, sl.id)).toEqual([[2, -5, 95]]);
  });

  it("an entry cut short by cash releases children for what filled, on the rest of the same bar", () => {
    // $10,000 at a close of 100 buys 100 (accepted); bar 1 opens 125: 80 fill, the rest is cancelled;
    // path 125 → 124 → 131 → 130 reaches a take-profit of 130 after the entry
    const style = new BracketOrder({ stopLossPrice: 90, takeProfitPrice: 130 });
    const { bt, entry, tp } = bracketRun(
      [
        [100, 100, 100, 100],
        [125, 131, 124, 130],
      ],
      { cash: 10_000 },
      100,
      style,
    );
    expect(fillsOf(bt, entry.id)).toEqual([[1, 80, 125]]);
    expect(entry.reason).toMatch(/^INSUFFICIENT_FUNDS: /);
    expect(fillsOf(bt, tp.id)).toEqual([[1, -80, 130]]);
  });

  describe("invalid levels are rejected with INVALID_PRICE", () => {
    const place = (amount: number, style: BracketOrder) => {
      const bt = run(bars("A", flat(100, 2)), { 0: (b) => b.order(b.symbol("A"), amount, { style }) });
      return orderOf(bt, idAt(bt, 0));
    };
    const cases: Array<[string, number, BracketOrder]> = [
      ["a long with its stop at the last close", 10, new BracketOrder({ stopLossPrice: 100, takeProfitPrice: 110 })],
      ["a long with its target at the last close", 10, new BracketOrder({ stopLossPrice: 95, takeProfitPrice: 100 })],
      ["a short with its stop below the last close", -10, new BracketOrder({ stopLossPrice: 95, takeProfitPrice: 90 })],
      [
        "a short with its target above the last close",
        -10,
        new BracketOrder({ stopLossPrice: 105, takeProfitPrice: 101 }),
      ],
      [
        "a long limit entry whose stop is above the limit",
        10,
        new BracketOrder({ entryStyle: new LimitOrder(90), stopLossPrice: 92, takeProfitPrice: 110 }),
      ],
    ];
    for (const [name, amount, style] of cases) {
      it(`rejects ${name}`, () => {
        const entry = place(amount, style);
        expect(entry.status).toBe("REJECTED");
        expect(entry.reason).toMatch(/^INVALID_PRICE: /);
        expect(entry.children).toEqual([]);
      });
    }
    it("measures a limit entry against its limit, not the last close", () => {
      // target 95 is below the last close 100 but above the limit 90: valid
      const entry = place(
        10,
        new BracketOrder({ entryStyle: new LimitOrder(90), stopLossPrice: 85, takeProfitPrice: 95 }),
      );
      expect(entry.status).toBe("OPEN");
      expect(entry.children).toHaveLength(2);
    });
    it("measures a stop entry against the last close, not its stop", () => {
      // buy stop 105 over the last close 100: a stop-loss of 102 is above 100, so it is rejected
      const entry = place(
        10,
        new BracketOrder({ entryStyle: new StopOrder(105), stopLossPrice: 102, takeProfitPrice: 110 }),
      );
      expect(entry.reason).toMatch(/^INVALID_PRICE: .* the entry reference 100\.00; /);
    });
    it("accepts a short with its stop above and its target below", () => {
      const entry = place(-10, new BracketOrder({ stopLossPrice: 105, takeProfitPrice: 95 }));
      expect(entry.reason).toBeNull();
      expect(entry.children).toHaveLength(2);
    });
  });
});

describe("children released beyond their level", () => {
  it("an entry filled at an open under the stop-loss is stopped out at that open, on the same bar", () => {
    // long bracket SL 95 / TP 105 placed at close 100; bar 1 opens at 90: entry and stop-loss both at 90
    const { bt, entry, sl, tp } = bracketRun([
      [100, 100, 100, 100],
      [90, 92, 89, 91],
    ]);
    expect(fillsOf(bt, entry.id)).toEqual([[1, 10, 90]]);
    expect(fillsOf(bt, sl.id)).toEqual([[1, -10, 90]]);
    expect(tp.reason).toMatch(/^OCO: /);
    expect(results(bt).summary.ambiguousBars).toBe(0);
  });
});

describe("a bracket whose bar touches both legs", () => {
  // Entry at bar 1's open (flat 100). Bar 2 touches 95 and 105.
  const exitPrice = (bar2: Row, sameBarPolicy: RunSettings["sameBarPolicy"]) => {
    const { bt, sl, tp } = bracketRun([[100, 100, 100, 100], [100, 100, 100, 100], bar2], { sameBarPolicy });
    const fills = [...fillsOf(bt, sl.id), ...fillsOf(bt, tp.id)];
    return { fills, ambiguous: results(bt).summary.ambiguousBars, realized: bt.ledger.realized.toNumber() };
  };
  const highFirst: Row = [100, 105.5, 94, 100]; // high 5.5 away, low 6 away
  const lowFirst: Row = [100, 106, 94.5, 100]; // low 5.5 away, high 6 away

  it("resolves by the path by default: high nearer, the take-profit fills", () => {
    expect(exitPrice(highFirst, "path")).toEqual({ fills: [[2, -10, 105]], ambiguous: 1, realized: 50 });
  });
  it("resolves by the path by default: low nearer, the stop-loss fills", () => {
    expect(exitPrice(lowFirst, "path")).toEqual({ fills: [[2, -10, 95]], ambiguous: 1, realized: -50 });
  });
  it("stopFirst takes the stop-loss even when the path reaches the target first", () => {
    expect(exitPrice(highFirst, "stopFirst")).toEqual({ fills: [[2, -10, 95]], ambiguous: 1, realized: -50 });
  });
  it("targetFirst takes the take-profit even when the path reaches the stop first", () => {
    expect(exitPrice(lowFirst, "targetFirst")).toEqual({ fills: [[2, -10, 105]], ambiguous: 1, realized: 50 });
  });
  it("a bar that touches only one leg is not ambiguous", () => {
    expect(exitPrice([100, 105, 96, 104], "path")).toEqual({ fills: [[2, -10, 105]], ambiguous: 0, realized: 50 });
  });
  it("a bar that opens through the take-profit filled it at the open, whatever the policy: not ambiguous", () => {
    // opens at 107, over the target 105, then falls to 94 under the stop 95: the open is data, not a guess
    for (const policy of ["path", "stopFirst", "targetFirst"] as const) {
      expect(exitPrice([107, 108, 94, 100], policy)).toEqual({ fills: [[2, -10, 107]], ambiguous: 0, realized: 70 });
    }
  });
  it("a bar that opens through the stop-loss filled it at the open, whatever the policy: not ambiguous", () => {
    // opens at 93, under the stop 95, then rises to 108 over the target 105
    for (const policy of ["path", "stopFirst", "targetFirst"] as const) {
      expect(exitPrice([93, 108, 92, 100], policy)).toEqual({ fills: [[2, -10, 93]], ambiguous: 0, realized: -70 });
    }
  });
  it("the entry's own bar counts when the rest of its path touches both legs", () => {
    // entry at the open 100 of bar 1; path 100 → 94 → 106 → 100 touches both children
    const { bt, sl } = bracketRun([
      [100, 100, 100, 100],
      [100, 106, 94, 100],
    ]);
    expect(fillsOf(bt, sl.id)).toEqual([[1, -10, 95]]);
    expect(results(bt).summary.ambiguousBars).toBe(1);
  });
});
