import { ORDER_STATUS, type OrderEventKind, type OrderStatus } from "./order-status";

/** Order event kinds and statuses as the small numbers the event log stores, and back. */

export const EVENT_KINDS: readonly OrderEventKind[] = [
  "OrderAccepted",
  "OrderHeld",
  "OrderRejected",
  "OrderReleased",
  "OrderTriggered",
  "OrderPartiallyFilled",
  "OrderFilled",
  "OrderCancelled",
  "OrderExpired",
];
export const STATUSES: readonly OrderStatus[] = Object.values(ORDER_STATUS);

/**
 * The index of an event kind in EVENT_KINDS, and of a status in STATUSES: each order event
 * stores both, and a switch on interned strings is a few pointer compares where `indexOf`
 * was a call (the event log's tests read every stored event back).
 */
export function eventCode(e: OrderEventKind): number {
  switch (e) {
    case "OrderAccepted":
      return 0;
    case "OrderHeld":
      return 1;
    case "OrderRejected":
      return 2;
    case "OrderReleased":
      return 3;
    case "OrderTriggered":
      return 4;
    case "OrderPartiallyFilled":
      return 5;
    case "OrderFilled":
      return 6;
    case "OrderCancelled":
      return 7;
    case "OrderExpired":
      return 8;
  }
  return EVENT_KINDS.indexOf(e);
}

export function statusCode(s: OrderStatus): number {
  switch (s) {
    case "OPEN":
      return 0;
    case "PARTIALLY_FILLED":
      return 1;
    case "FILLED":
      return 2;
    case "CANCELLED":
      return 3;
    case "REJECTED":
      return 4;
    case "HELD":
      return 5;
    case "TRIGGERED":
      return 6;
    case "EXPIRED":
      return 7;
  }
  return STATUSES.indexOf(s);
}
