import { describe, expect, it } from "vitest";
import {
  IllegalTransition,
  isFinalEvent,
  isOpenStatus,
  nextStatus,
  type OrderEventKind,
  type OrderStatus,
} from "../../../src/engine/orders/order-status";

describe("the order transition table", () => {
  const legal: Array<[OrderStatus | null, OrderEventKind, OrderStatus]> = [
    [null, "OrderAccepted", "OPEN"],
    [null, "OrderHeld", "HELD"],
    [null, "OrderRejected", "REJECTED"],
    ["HELD", "OrderReleased", "OPEN"],
    ["HELD", "OrderCancelled", "CANCELLED"],
    ["OPEN", "OrderTriggered", "TRIGGERED"],
    ["OPEN", "OrderPartiallyFilled", "PARTIALLY_FILLED"],
    ["OPEN", "OrderFilled", "FILLED"],
    ["PARTIALLY_FILLED", "OrderPartiallyFilled", "PARTIALLY_FILLED"],
    ["PARTIALLY_FILLED", "OrderFilled", "FILLED"],
    ["PARTIALLY_FILLED", "OrderCancelled", "CANCELLED"],
    ["PARTIALLY_FILLED", "OrderExpired", "EXPIRED"],
    ["TRIGGERED", "OrderFilled", "FILLED"],
    ["TRIGGERED", "OrderPartiallyFilled", "PARTIALLY_FILLED"],
    ["TRIGGERED", "OrderCancelled", "CANCELLED"],
    ["TRIGGERED", "OrderExpired", "EXPIRED"],
    ["OPEN", "OrderCancelled", "CANCELLED"],
    ["OPEN", "OrderExpired", "EXPIRED"],
  ];
  for (const [from, ev, to] of legal) {
    it(`${from ?? "a new order"} + ${ev} → ${to}`, () => expect(nextStatus(from, ev)).toBe(to));
  }
  const illegal: Array<[OrderStatus | null, OrderEventKind]> = [
    ["FILLED", "OrderCancelled"],
    ["FILLED", "OrderFilled"],
    ["CANCELLED", "OrderFilled"],
    ["REJECTED", "OrderAccepted"],
    ["EXPIRED", "OrderPartiallyFilled"],
    ["HELD", "OrderFilled"],
    ["HELD", "OrderExpired"],
    ["OPEN", "OrderAccepted"],
    ["OPEN", "OrderReleased"],
    ["TRIGGERED", "OrderTriggered"],
    ["PARTIALLY_FILLED", "OrderTriggered"],
    [null, "OrderFilled"],
  ];
  for (const [from, ev] of illegal) {
    it(`${from ?? "a new order"} + ${ev} throws`, () => {
      expect(() => nextStatus(from, ev)).toThrow(IllegalTransition);
    });
  }
  it("open statuses are the ones that can still fill or be cancelled", () => {
    const all: OrderStatus[] = [
      "OPEN",
      "PARTIALLY_FILLED",
      "FILLED",
      "CANCELLED",
      "REJECTED",
      "HELD",
      "TRIGGERED",
      "EXPIRED",
    ];
    expect(all.filter(isOpenStatus)).toEqual(["OPEN", "PARTIALLY_FILLED", "HELD", "TRIGGERED"]);
  });
});

describe("final events", () => {
  it("filled, cancelled, expired and rejected end an order; a partial fill or a trigger does not", () => {
    expect(["OrderFilled", "OrderCancelled", "OrderExpired", "OrderRejected"].every(isFinalEvent)).toBe(true);
    const goingOn = ["OrderAccepted", "OrderPartiallyFilled", "OrderTriggered", "OrderHeld", "OrderReleased"];
    expect(goingOn.some(isFinalEvent)).toBe(false);
  });
});
