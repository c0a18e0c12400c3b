import type { Asset } from "../data/asset";
import type { ExecutionStyle, LegStyle } from "./execution-styles";
import type { Order, OrderType } from "./order";
import type { OrderStatus } from "./order-status";
import { snapshotOrder } from "./order-snapshot";
import type { OrderSnapshot } from "../events";

/**
 * An order as user code sees it (`getOrder(id)`, `getOpenOrders()`, `context.blotter.orders`):
 * read-only getters over the engine's order, which sits in a private field. Assigning
 * `order.amount = 1000` throws a TypeError in strict mode (user modules are strict) and
 * changes nothing; the engine's bookkeeping (exact sums, watermarks, sequence numbers) is
 * not reachable. One view per order, so `getOrder(id) === context.blotter.orders.get(id)`.
 */
export class OrderView {
  readonly #o: Order;
  #children: readonly string[] = Object.freeze([]);

  constructor(o: Order) {
    this.#o = o;
  }

  get id(): string {
    return this.#o.id;
  }
  get asset(): Asset {
    return this.#o.asset;
  }
  get amount(): number {
    return this.#o.amount;
  }
  get filled(): number {
    return this.#o.filled;
  }
  get openAmount(): number {
    return this.#o.openAmount;
  }
  get status(): OrderStatus {
    return this.#o.status;
  }
  get reason(): string | null {
    return this.#o.reason;
  }
  get limit(): number | null {
    return this.#o.limit;
  }
  get stop(): number | null {
    return this.#o.stop;
  }
  get trailPercent(): number | null {
    return this.#o.trailPercent;
  }
  get trailAmount(): number | null {
    return this.#o.trailAmount;
  }
  /** The style the order was placed with (frozen). */
  get style(): ExecutionStyle | LegStyle {
    return this.#o.style;
  }
  get tif(): string {
    return this.#o.tif;
  }
  get createdAt(): Date {
    return this.#o.createdAt;
  }
  get updatedAt(): Date {
    return this.#o.updatedAt;
  }
  get parentId(): string | null {
    return this.#o.parentId;
  }
  /** The bracket children's ids: a frozen copy, the same array until the list changes. */
  get children(): readonly string[] {
    const ids = this.#o.children;
    if (this.#children.length !== ids.length) this.#children = Object.freeze(ids.slice());
    return this.#children;
  }
  get ocoId(): string | null {
    return this.#o.ocoId;
  }
  get commission(): number {
    return this.#o.commission;
  }
  get avgFillPrice(): number | null {
    return this.#o.avgFillPrice;
  }
  get type(): OrderType {
    return this.#o.type;
  }
  get isOpen(): boolean {
    return this.#o.isOpen;
  }
  get isBuy(): boolean {
    return this.#o.isBuy;
  }
  /** What `JSON.stringify(order)` and a log line show: the public fields, as order events carry them. */
  toJSON(): OrderSnapshot {
    return snapshotOrder(this.#o);
  }
}

/** The one view of an engine order (kept on the order: read on every getOpenOrders call). */
export function orderView(o: Order): OrderView {
  return (o.view ??= new OrderView(o)) as OrderView;
}
