import type { BarEvents, EngineEvent, EventList, LogLevel, OrderSnapshot } from "./events";
import type { Order } from "./orders/order";
import { snapshotWith } from "./orders/order-snapshot";
import { ORDER_STATUS, type OrderEventKind, type OrderStatus } from "./orders/order-status";
import { type Slots, storeView } from "./data/store-view";

const ORDER = 0;
const FILL = 1;
const STOP_MOVED = 2;
const LOG = 3;
const RECORD = 4;

/** By kind number. */
const TYPES: readonly EngineEvent["type"][] = ["order", "fill", "stopMoved", "log", "record"];

const EVENT_KINDS: readonly OrderEventKind[] = [
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
const STATUSES: readonly OrderStatus[] = Object.values(ORDER_STATUS);
const LEVELS: readonly LogLevel[] = ["debug", "info", "warning", "error"];

/** Numbers kept per event: an order event's filled, amount, stop, Σ price × shares, commission. */
const STRIDE = 5;
const FIRST_CAPACITY = 1024;

/**
 * Every event of a run, in the order it happened, kept in columns rather than as objects:
 * typed arrays that grow by doubling, plus the order each event is about and its one string
 * (an order's reason, a log line) or object (a record's values). A run keeps tens of thousands
 * of events; as objects, each order event with its 19-field order snapshot, they were most of
 * what the garbage collector copied during a run. An event becomes an `EngineEvent` object only
 * when it is read (`at`, iteration): the results JSON, the worker's batches.
 *
 * An order event stores what can change between two events of the same order (status,
 * reason, filled, amount, a trailing stop's level, the fill sums); the rest of its snapshot
 * (id, symbol, type, limit, time in force, OCO and parent ids, role, creation time) is fixed
 * once the order is placed, so it is read from the order itself.
 */
export class EventLog implements EventList, Iterable<EngineEvent> {
  #length = 0;
  #capacity = 0;
  /** The event's kind (ORDER, FILL, ...). */
  #kind = new Uint8Array(0);
  /** ORDER: event kind × 16 + status; LOG: the level. */
  #code = new Uint8Array(0);
  #dt = new Float64Array(0);
  #num = new Float64Array(0);
  // Writes go through prototype-less views (store-view.ts: typed-array stores are slow under SES).
  #kindW: Slots = storeView(this.#kind);
  #codeW: Slots = storeView(this.#code);
  #dtW: Slots = storeView(this.#dt);
  #numW: Slots = storeView(this.#num);
  /** ORDER, FILL, STOP_MOVED: the order. */
  readonly #orders: Array<Order | null> = [];
  /** ORDER: its reason; LOG: the message; RECORD: the values. */
  readonly #refs: Array<string | Record<string, number> | null> = [];

  get length(): number {
    return this.#length;
  }

  /** An order event: the order as it is now, after the transition. */
  order(o: Order, event: OrderEventKind, dt: number): void {
    const i = this.#add(ORDER, dt, o, o.reason);
    this.#codeW[i] = EVENT_KINDS.indexOf(event) * 16 + STATUSES.indexOf(o.status);
    const n = this.#numW;
    const k = i * STRIDE;
    n[k] = o.filled;
    n[k + 1] = o.amount;
    n[k + 2] = o.stop ?? NaN; // only a trailing stop's level moves; null stays null (read from the order)
    n[k + 3] = o.notionalNum;
    n[k + 4] = o.commissionNum;
  }

  fill(o: Order, dt: number, amount: number, price: number, commission: number, basePrice: number): void {
    const k = this.#add(FILL, dt, o, null) * STRIDE;
    const n = this.#numW;
    n[k] = amount;
    n[k + 1] = price;
    n[k + 2] = commission;
    n[k + 3] = basePrice;
  }

  /** A trailing stop's level and watermark, as they are now. */
  stopMoved(o: Order, dt: number): void {
    const k = this.#add(STOP_MOVED, dt, o, null) * STRIDE;
    this.#numW[k] = o.stop!;
    this.#numW[k + 1] = o.watermark;
  }

  log(dt: number, level: LogLevel, message: string): void {
    const i = this.#add(LOG, dt, null, message); // first: adding may replace the columns
    this.#codeW[i] = LEVELS.indexOf(level);
  }

  record(dt: number, values: Record<string, number>): void {
    this.#add(RECORD, dt, null, values);
  }

  /** The type of event `i` (0 ≤ i < length), without making the event. */
  typeAt(i: number): EngineEvent["type"] {
    return TYPES[this.#kind[i]!]!;
  }

  /** Event `i` as an object (a new one at each call); negative counts from the end, as `Array#at`. */
  at(i: number): EngineEvent | undefined {
    const j = i < 0 ? this.#length + i : i;
    if (!(j >= 0 && j < this.#length)) return undefined;
    const dt = this.#dt[j]!;
    const k = j * STRIDE;
    const n = this.#num;
    switch (this.#kind[j]) {
      case ORDER: {
        const code = this.#code[j]!;
        return { type: "order", dt, event: EVENT_KINDS[code >> 4]!, order: this.#snapshot(j, code & 15, dt) };
      }
      case FILL: {
        const o = this.#orders[j]!;
        const { id: orderId, asset } = o;
        return {
          type: "fill",
          dt,
          orderId,
          symbol: asset.symbol,
          amount: n[k]!,
          price: n[k + 1]!,
          commission: n[k + 2]!,
          basePrice: n[k + 3]!,
        };
      }
      case STOP_MOVED: {
        const o = this.#orders[j]!;
        return { type: "stopMoved", dt, orderId: o.id, symbol: o.asset.symbol, stop: n[k]!, hwm: n[k + 1]! };
      }
      case LOG:
        return { type: "log", dt, level: LEVELS[this.#code[j]!]!, message: this.#refs[j] as string };
      default:
        return { type: "record", dt, values: this.#refs[j] as Record<string, number> };
    }
  }

  /** Events `[from, to)` as objects. */
  slice(from: number, to = this.#length): EngineEvent[] {
    const out: EngineEvent[] = [];
    for (let i = Math.max(0, from); i < Math.min(to, this.#length); i++) out.push(this.at(i)!);
    return out;
  }

  *[Symbol.iterator](): Iterator<EngineEvent> {
    for (let i = 0; i < this.#length; i++) yield this.at(i)!;
  }

  /** What `snapshotOrder` returned when event `j` happened (same fields, same order). */
  #snapshot(j: number, status: number, dt: number): OrderSnapshot {
    const o = this.#orders[j]!;
    const n = this.#num;
    const k = j * STRIDE;
    const filled = n[k]!;
    return snapshotWith(o, {
      amount: n[k + 1]!,
      filled,
      status: STATUSES[status]!,
      reason: this.#refs[j] as string | null,
      stop: o.stop === null ? null : n[k + 2]!,
      // An order event is the order's latest transition, made at the event's time.
      updatedAt: dt,
      avgFillPrice: filled === 0 ? null : n[k + 3]! / Math.abs(filled),
      commission: n[k + 4]!,
    });
  }

  #add(kind: number, dt: number, o: Order | null, ref: string | Record<string, number> | null): number {
    const i = this.#length;
    if (i === this.#capacity) this.#grow();
    this.#kindW[i] = kind;
    this.#dtW[i] = dt;
    this.#orders.push(o);
    this.#refs.push(ref);
    this.#length = i + 1;
    return i;
  }

  #grow(): void {
    const cap = Math.max(FIRST_CAPACITY, this.#capacity * 2);
    const kind = new Uint8Array(cap);
    const code = new Uint8Array(cap);
    const dt = new Float64Array(cap);
    const num = new Float64Array(cap * STRIDE);
    kind.set(this.#kind);
    code.set(this.#code);
    dt.set(this.#dt);
    num.set(this.#num);
    this.#kind = kind;
    this.#code = code;
    this.#dt = dt;
    this.#num = num;
    this.#kindW = storeView(kind);
    this.#codeW = storeView(code);
    this.#dtW = storeView(dt);
    this.#numW = storeView(num);
    this.#capacity = cap;
  }
}

/** An iterator that is done at once, for a bar without events (no iterator made per bar). */
const NO_EVENTS: Iterator<EngineEvent> = ([] as EngineEvent[]).values();

/** Events `[from, to)` of a log, read in place: what the listener's `onBar` gets for a bar. */
export class EventRange implements BarEvents {
  from = 0;
  to = 0;
  constructor(private readonly log: EventLog) {}

  get length(): number {
    return this.to - this.from;
  }

  at(i: number): EngineEvent | undefined {
    const j = i < 0 ? this.to + i : this.from + i;
    return j >= this.from && j < this.to ? this.log.at(j) : undefined;
  }

  [Symbol.iterator](): Iterator<EngineEvent> {
    return this.to === this.from ? NO_EVENTS : this.log.slice(this.from, this.to).values();
  }
}
