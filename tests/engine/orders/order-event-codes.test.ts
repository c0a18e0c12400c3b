import { describe, expect, it } from "vitest";
import { EVENT_KINDS, eventCode, STATUSES, statusCode } from "../../../src/engine/orders/order-event-codes";
import { ORDER_STATUS } from "../../../src/engine/orders/order-status";

describe("the numbers the event log stores for an order event", () => {
  it("read back as the same event kind, for every kind", () => {
    for (const kind of EVENT_KINDS) expect(EVENT_KINDS[eventCode(kind)]).toBe(kind);
    expect(new Set(EVENT_KINDS.map(eventCode)).size).toBe(EVENT_KINDS.length);
  });

  it("read back as the same status, for every status an order can be in", () => {
    for (const status of Object.values(ORDER_STATUS)) expect(STATUSES[statusCode(status)]).toBe(status);
    expect(new Set(STATUSES.map(statusCode)).size).toBe(STATUSES.length);
  });

  it("fit in the four bits each gets", () => {
    expect(Math.max(...EVENT_KINDS.map(eventCode), ...STATUSES.map(statusCode))).toBeLessThan(16);
  });
});
