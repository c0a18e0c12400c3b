import { describe, expect, it } from "vitest";
import type { Order } from "../../../src/engine/orders/order";
import { orderFinder } from "../../../src/engine/results/order-finder";

const order = (id: string) => ({ id }) as Order;

describe("finding a run's orders by id for the results", () => {
  it("finds o<n> at its place in the list, and anything else in the table", () => {
    const list = [order("o1"), order("o2"), order("o3")];
    const odd = order("x7");
    const table = new Map([...list, odd].map((o) => [o.id, o]));
    const asked: string[] = [];
    const find = orderFinder(list, { get: (id) => (asked.push(id), table.get(id)) });
    expect(find("o2")).toBe(list[1]);
    expect(find("o3")).toBe(list[2]);
    expect(asked).toEqual([]);
    expect(find("x7")).toBe(odd);
    expect(find("o9")).toBeUndefined();
    expect(find("o01")).toBeUndefined();
    expect(asked).toEqual(["x7", "o9", "o01"]);
  });

  it("asks the table when a hole moved the orders after it (an id handed out, its order never placed)", () => {
    const list = [order("o1"), order("o3")];
    const table = new Map(list.map((o) => [o.id, o]));
    const find = orderFinder(list, table);
    expect(find("o3")).toBe(list[1]);
    expect(find("o2")).toBeUndefined();
  });
});
