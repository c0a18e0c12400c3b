import { describe, expect, it } from "vitest";
import { BracketOrder, LimitOrder, OCOOrder, StopOrder } from "../../../src/engine/orders/execution-styles";
import { bars, flat } from "../helpers/bars";
import { run } from "../helpers/run";

describe("the broker's table of orders", () => {
  it("finds every order of a run by its id, in placement order, bracket children and OCO legs included", () => {
    const bt = run(bars("A", flat(100, 3)), {
      0: (b) => {
        const a = b.symbol("A");
        b.order(a, 10);
        b.order(a, 5, { style: new BracketOrder({ stopLossPrice: 90, takeProfitPrice: 110 }) });
        b.order(a, -5, { style: new OCOOrder(new LimitOrder(120), new StopOrder(80)) });
      },
    });
    const ids = [...bt.broker.orders.keys()];
    expect(ids).toEqual(["o1", "o2", "o3", "o4", "o5", "o6"]);
    expect(bt.broker.orders.size).toBe(6);
    for (const id of ids) expect(bt.broker.orders.get(id)!.id).toBe(id);
    expect(bt.broker.orders.get("o3")!.role).toBe("stopLoss");
    expect([...bt.broker.orders.values()].map((o) => o.seq)).toEqual(
      [...bt.broker.orders.values()].map((o) => o.seq).sort((x, y) => x - y),
    );
  });

  it("an id that was never handed out, or is written another way, finds nothing", () => {
    const bt = run(bars("A", flat(100, 3)), { 0: (b) => b.order(b.symbol("A"), 10) });
    for (const id of ["o2", "o0", "o01", "O1", "o1 ", "o-1", "o1.0", "1", "", "o1e0", "o"]) {
      expect(bt.broker.orders.get(id)).toBeUndefined();
      expect(bt.broker.orders.has(id)).toBe(false);
    }
    expect(bt.broker.orders.has("o1")).toBe(true);
  });

  it("getOrder and cancelOrder take only real ids", () => {
    const seen: unknown[] = [];
    run(bars("A", flat(100, 3)), {
      0: (b) => {
        b.order(b.symbol("A"), 10, { style: new LimitOrder(50) });
        seen.push(b.getOrder("o1")?.amount, b.getOrder("o01"), b.getOrder("o2"));
        expect(() => b.cancelOrder("o01")).toThrow(/no order/);
      },
    });
    expect(seen).toEqual([10, undefined, undefined]);
  });
});

describe("a table of more orders than one chunk holds", () => {
  it("finds each of 2,100 orders by its id, in placement order, and nothing past the last", () => {
    const bt = run(bars("A", flat(100, 3)), {
      0: (b) => {
        const a = b.symbol("A");
        for (let i = 0; i < 2100; i++) b.order(a, 1, { style: new LimitOrder(50) });
      },
    });
    const table = bt.broker.orders;
    expect(table.size).toBe(2100);
    for (const id of ["o1", "o1024", "o1025", "o2048", "o2049", "o2100"]) expect(table.get(id)!.id).toBe(id);
    expect(table.get("o2101")).toBeUndefined();
    expect([...table.keys()]).toEqual(Array.from({ length: 2100 }, (_, i) => `o${i + 1}`));
    expect(table.list().map((o) => o.id)).toEqual([...table.keys()]);
  });
});
