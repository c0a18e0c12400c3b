import { describe, expect, it } from "vitest";
import type { OrderSnapshot } from "../../src/engine/events";
import type { OrderRow } from "../../src/store/run-results";
import { describeOrderType, filledText, filterOrders, orderRowList } from "../../src/ui/panels/blotter-rows";
import { orderSnapshot } from "../helpers/order-snapshot";
import { orderTable } from "../helpers/order-table";

function row(id: string, over: Partial<OrderSnapshot> = {}): OrderRow {
  return { order: orderSnapshot({ id, ...over }), history: [] };
}

describe("the blotter", () => {
  const rows = orderTable({
    o1: row("o1"),
    o2: row("o2", { status: "REJECTED", symbol: "KO" }),
    o3: row("o3", { status: "HELD" }),
    o4: row("o4", { status: "FILLED" }),
  });
  const ids = ["o1", "o2", "o3", "o4"];

  it("lists the newest order first", () => {
    expect(filterOrders(rows, ids, { status: "", symbol: "" }).map((r) => r.order.id)).toEqual([
      "o4",
      "o3",
      "o2",
      "o1",
    ]);
  });

  it("'open' means any order that can still fill, held bracket legs included", () => {
    expect(filterOrders(rows, ids, { status: "open", symbol: "" }).map((r) => r.order.id)).toEqual(["o3", "o1"]);
  });

  it("filters by status and symbol together", () => {
    expect(filterOrders(rows, ids, { status: "REJECTED", symbol: "KO" }).map((r) => r.order.id)).toEqual(["o2"]);
    expect(filterOrders(rows, ids, { status: "REJECTED", symbol: "SPY" })).toEqual([]);
  });

  it("reads its rows one at a time, the same rows in the same order as the filter lists them", () => {
    const ids4 = (list: ReturnType<typeof orderRowList>) =>
      Array.from({ length: list.length }, (_, i) => list.at(i).order.id);
    for (const filter of [
      { status: "", symbol: "" },
      { status: "open", symbol: "" },
      { status: "REJECTED", symbol: "KO" },
      { status: "", symbol: "SPY" },
    ])
      expect(ids4(orderRowList(rows, ids, filter))).toEqual(filterOrders(rows, ids, filter).map((r) => r.order.id));
  });

  it("a partial fill reads filled / amount; a complete one just the amount", () => {
    expect(filledText(row("a", { amount: -100, filled: -40 }).order)).toBe("40 / 100");
    expect(filledText(row("a", { amount: 100, filled: 100 }).order)).toBe("100");
    expect(filledText(row("a", { amount: 100, filled: 0 }).order)).toBe("0 / 100");
    expect(filledText(row("a", { amount: 1_000_000, filled: 0 }).order)).toBe("0 / 1,000,000");
    expect(filledText(row("a", { amount: -25_000, filled: -12_500 }).order)).toBe("12,500 / 25,000");
  });

  it("names the order type with its prices and bracket role", () => {
    expect(describeOrderType(row("a", { type: "limit", limit: 101.5, role: "takeProfit" }).order)).toBe(
      "limit 101.50 (takeProfit)",
    );
    expect(describeOrderType(row("a", { type: "trailingStop", trailPercent: 0.03, stop: 97 }).order)).toBe(
      "trail 3.00% @ 97.00",
    );
  });
});
