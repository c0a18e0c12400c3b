/** Every status an order can be in (docs/strategy-api.md, "Statuses"). */
export const ORDER_STATUS = {
  OPEN: "OPEN",
  PARTIALLY_FILLED: "PARTIALLY_FILLED",
  FILLED: "FILLED",
  CANCELLED: "CANCELLED",
  REJECTED: "REJECTED",
  HELD: "HELD",
  TRIGGERED: "TRIGGERED",
  EXPIRED: "EXPIRED",
} as const;
export type OrderStatus = (typeof ORDER_STATUS)[keyof typeof ORDER_STATUS];

/** Past-tense facts that move an order between statuses. */
export type OrderEventKind =
  | "OrderAccepted"
  | "OrderHeld"
  | "OrderRejected"
  | "OrderReleased"
  | "OrderTriggered"
  | "OrderPartiallyFilled"
  | "OrderFilled"
  | "OrderCancelled"
  | "OrderExpired";

const { OPEN, PARTIALLY_FILLED, FILLED, CANCELLED, REJECTED, HELD, TRIGGERED, EXPIRED } = ORDER_STATUS;
const LIVE = [OPEN, PARTIALLY_FILLED, TRIGGERED] as const;

/**
 * The one transition table: (status before, event) -> status after. `null` is an order
 * not yet placed. Anything not listed is illegal and throws (NautilusTrader's approach).
 */
const TABLE: ReadonlyArray<readonly [OrderStatus | null, OrderEventKind, OrderStatus]> = [
  [null, "OrderAccepted", OPEN],
  [null, "OrderHeld", HELD],
  [null, "OrderRejected", REJECTED],
  [HELD, "OrderReleased", OPEN],
  [HELD, "OrderCancelled", CANCELLED],
  [OPEN, "OrderTriggered", TRIGGERED],
  ...LIVE.map((s) => [s, "OrderPartiallyFilled", PARTIALLY_FILLED] as const),
  ...LIVE.map((s) => [s, "OrderFilled", FILLED] as const),
  ...LIVE.map((s) => [s, "OrderCancelled", CANCELLED] as const),
  ...LIVE.map((s) => [s, "OrderExpired", EXPIRED] as const),
];

/** The table by status, then event: two lookups, no key string built per transition. */
const NEXT = new Map<OrderStatus | null, Map<OrderEventKind, OrderStatus>>();
for (const [from, ev, to] of TABLE) {
  let byEvent = NEXT.get(from);
  if (byEvent === undefined) NEXT.set(from, (byEvent = new Map()));
  byEvent.set(ev, to);
}

export class IllegalTransition extends Error {}

export function nextStatus(from: OrderStatus | null, event: OrderEventKind): OrderStatus {
  const to = NEXT.get(from)?.get(event);
  if (to === undefined) throw new IllegalTransition(`illegal order transition: ${from} + ${event}`);
  return to;
}

/**
 * Statuses in which an order can still fill or be cancelled (the blotter's "open" filter too).
 * A switch, not a Set: the matcher asks it of every candidate order on every bar, and V8
 * inlines a switch on interned strings into a few pointer compares.
 */
export function isOpenStatus(s: string): boolean {
  switch (s) {
    case OPEN:
    case PARTIALLY_FILLED:
    case TRIGGERED:
    case HELD:
      return true;
  }
  return false;
}

/** Events after which an order is done (filled, cancelled, expired, rejected), read off the table. */
const FINAL_EVENTS: ReadonlySet<string> = new Set(TABLE.filter(([, , to]) => !isOpenStatus(to)).map(([, ev]) => ev));

export function isFinalEvent(e: string): boolean {
  return FINAL_EVENTS.has(e);
}
