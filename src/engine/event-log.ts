import type { BarEvents, EngineEvent, EventList, LogLevel, OrderSnapshot } from "./events";
import type { Order } from "./orders/order";
import { snapshotWith } from "./orders/order-snapshot";
import type { OrderEventKind, OrderStatus } from "./orders/order-status";
import { EVENT_KINDS, eventCode, STATUSES, statusCode } from "./orders/order-event-codes";
import { type Slots, storeView } from "./data/store-view";

/** Event kinds by number, as `kindAt` tells them. */
export const ORDER = 0;
export const FILL = 1;
export const STOP_MOVED = 2;
export const LOG = 3;
const RECORD = 4;

/** By kind number. */
const TYPES: readonly EngineEvent["type"][] = ["order", "fill", "stopMoved", "log", "record"];

export const LEVELS: readonly LogLevel[] = ["debug", "info", "warning", "error"];

/** Numbers kept per event: an order event's filled, amount, stop, Σ price × shares, commission. */
const STRIDE = 5;
/** Events per chunk (2^11): the log grows a chunk at a time, so nothing is copied as it grows. */
const CHUNK_BITS = 11;
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;

type Ref = string | Record<string, number> | null;

/**
 * What `EventLog.visit` tells of each event, in its parts, without making an event object (the
 * run worker copies them into the columns it posts). The arguments are the fields `at` would
 * give; an order event's fixed fields are read from `o`, as `at` reads them.
 */
export interface EventVisitor {
  order(
    o: Order,
    event: OrderEventKind,
    dt: number,
    status: OrderStatus,
    reason: string | null,
    amount: number,
    filled: number,
    stop: number | null,
    avgFillPrice: number | null,
    commission: number,
  ): void;
  fill(o: Order, dt: number, amount: number, price: number, commission: number, basePrice: number): void;
  stopMoved(o: Order, dt: number, stop: number, hwm: number): void;
  log(dt: number, level: LogLevel, message: string): void;
  record(dt: number, values: Record<string, number>): void;
}

/**
 * `CHUNK` events in columns. A log that doubled one set of arrays copied each event about once
 * more and touched twice the memory it kept (fresh memory, which costs more on first touch
 * than copying); chunks are never copied, and at 2,048 events (100 kB) they are small enough
 * for the allocator to hand back memory a previous run freed.
 */
class Chunk {
  /** The event's kind (ORDER, FILL, ...). */
  readonly kind = new Uint8Array(CHUNK);
  /** ORDER: event kind × 16 + status; LOG: the level. */
  readonly code = new Uint8Array(CHUNK);
  readonly dt = new Float64Array(CHUNK);
  readonly num = new Float64Array(CHUNK * STRIDE);
  // Writes go through prototype-less views (store-view.ts: typed-array stores are slow under SES).
  readonly kindW: Slots = storeView(this.kind);
  readonly codeW: Slots = storeView(this.code);
  readonly dtW: Slots = storeView(this.dt);
  readonly numW: Slots = storeView(this.num);
  // Made at their full size: pushing grew them step by step, each step a copy.
  /** ORDER, FILL, STOP_MOVED: the order. */
  readonly orders = new Array<Order | null>(CHUNK);
  /**
   * ORDER: its reason; LOG: the message; RECORD: the values. Made with the chunk's first of them:
   * most events have none (an order accepted or filled, a fill, a stop moved).
   */
  refs: Ref[] | null = null;
}

/**
 * Every event of a run, in the order it happened, kept in columns rather than as objects:
 * typed arrays, a chunk of them at a time, plus the order each event is about and its one string
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
  readonly #chunks: Chunk[] = [];
  /** The chunk being written (the last one). */
  #tail: Chunk | null = null;

  get length(): number {
    return this.#length;
  }

  /** An order event: the order as it is now, after the transition. */
  order(o: Order, event: OrderEventKind, dt: number): void {
    const i = this.#add(ORDER, dt, o, o.reason);
    const c = this.#tail!;
    c.codeW[i] = eventCode(event) * 16 + statusCode(o.status);
    const n = c.numW;
    const k = i * STRIDE;
    n[k] = o.filled;
    n[k + 1] = o.amount;
    n[k + 2] = o.stop ?? NaN; // only a trailing stop's level moves; null stays null (read from the order)
    n[k + 3] = o.notionalNum;
    n[k + 4] = o.commissionNum;
  }

  fill(o: Order, dt: number, amount: number, price: number, commission: number, basePrice: number): void {
    const k = this.#add(FILL, dt, o, null) * STRIDE;
    const n = this.#tail!.numW;
    n[k] = amount;
    n[k + 1] = price;
    n[k + 2] = commission;
    n[k + 3] = basePrice;
  }

  /** A trailing stop's level and watermark, as they are now. */
  stopMoved(o: Order, dt: number): void {
    const k = this.#add(STOP_MOVED, dt, o, null) * STRIDE;
    const n = this.#tail!.numW;
    n[k] = o.stop!;
    n[k + 1] = o.watermark;
  }

  log(dt: number, level: LogLevel, message: string): void {
    const i = this.#add(LOG, dt, null, message);
    this.#tail!.codeW[i] = LEVELS.indexOf(level);
  }

  record(dt: number, values: Record<string, number>): void {
    this.#add(RECORD, dt, null, values);
  }

  /** The type of event `i` (0 ≤ i < length), without making the event. */
  typeAt(i: number): EngineEvent["type"] {
    return TYPES[this.#chunks[i >> CHUNK_BITS]!.kind[i & MASK]!]!;
  }

  /*
   * Event `i`'s columns read in place (0 ≤ i < length), for a reader that writes its rows itself
   * (results/event-rows.ts): no object and no call per event, only the fields it writes. The
   * numbers (`numberAt`'s slot) are those `at` reads: an order event's filled (0) and amount (1),
   * a fill's amount, price, commission and base price (0–3), a stop's level and watermark (0, 1).
   */

  /** ORDER, FILL, STOP_MOVED, LOG or another kind. */
  kindAt(i: number): number {
    return this.#chunks[i >> CHUNK_BITS]!.kind[i & MASK]!;
  }

  dtAt(i: number): number {
    return this.#chunks[i >> CHUNK_BITS]!.dt[i & MASK]!;
  }

  /** An order event's kind × 16 + status (EVENT_KINDS, STATUSES); a log line's level (LEVELS). */
  codeAt(i: number): number {
    return this.#chunks[i >> CHUNK_BITS]!.code[i & MASK]!;
  }

  /** The order of an order event, a fill or a stop move. */
  orderAt(i: number): Order {
    return this.#chunks[i >> CHUNK_BITS]!.orders[i & MASK]!;
  }

  numberAt(i: number, slot: number): number {
    return this.#chunks[i >> CHUNK_BITS]!.num[(i & MASK) * STRIDE + slot]!;
  }

  /** An order event's reason, a log line's message (null when there is none). */
  textAt(i: number): string | null {
    return (this.#chunks[i >> CHUNK_BITS]!.refs?.[i & MASK] ?? null) as string | null;
  }

  /** Event `i` as an object (a new one at each call); negative counts from the end, as `Array#at`. */
  at(i: number): EngineEvent | undefined {
    const j = i < 0 ? this.#length + i : i;
    if (!(j >= 0 && j < this.#length)) return undefined;
    const c = this.#chunks[j >> CHUNK_BITS]!;
    const m = j & MASK;
    const dt = c.dt[m]!;
    const k = m * STRIDE;
    const n = c.num;
    switch (c.kind[m]) {
      case ORDER: {
        const code = c.code[m]!;
        return { type: "order", dt, event: EVENT_KINDS[code >> 4]!, order: snapshotAt(c, m, code & 15, dt) };
      }
      case FILL: {
        const o = c.orders[m]!;
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
        const o = c.orders[m]!;
        return { type: "stopMoved", dt, orderId: o.id, symbol: o.asset.symbol, stop: n[k]!, hwm: n[k + 1]! };
      }
      case LOG:
        return { type: "log", dt, level: LEVELS[c.code[m]!]!, message: c.refs![m] as string };
      default:
        return { type: "record", dt, values: c.refs![m] as Record<string, number> };
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

  /** Events `[from, to)` told to `v` in order, each in its parts (no object made per event). */
  visit(from: number, to: number, v: EventVisitor): void {
    for (let i = Math.max(0, from); i < Math.min(to, this.#length); i++) {
      const c = this.#chunks[i >> CHUNK_BITS]!;
      const m = i & MASK;
      const dt = c.dt[m]!;
      const k = m * STRIDE;
      const n = c.num;
      switch (c.kind[m]) {
        case ORDER: {
          const o = c.orders[m]!;
          const code = c.code[m]!;
          const reason = (c.refs?.[m] ?? null) as string | null;
          const status = STATUSES[code & 15]!;
          v.order(
            o,
            EVENT_KINDS[code >> 4]!,
            dt,
            status,
            reason,
            n[k + 1]!,
            n[k]!,
            stopAt(c, m),
            avgFillAt(c, m),
            n[k + 4]!,
          );
          break;
        }
        case FILL:
          v.fill(c.orders[m]!, dt, n[k]!, n[k + 1]!, n[k + 2]!, n[k + 3]!);
          break;
        case STOP_MOVED:
          v.stopMoved(c.orders[m]!, dt, n[k]!, n[k + 1]!);
          break;
        case LOG:
          v.log(dt, LEVELS[c.code[m]!]!, c.refs![m] as string);
          break;
        default:
          v.record(dt, c.refs![m] as Record<string, number>);
      }
    }
  }

  /** Add an event to the tail chunk (a new one when it is full); its index in that chunk. */
  #add(kind: number, dt: number, o: Order | null, ref: Ref): number {
    const i = this.#length;
    const m = i & MASK;
    const c = m === 0 ? this.#newChunk() : this.#tail!;
    c.kindW[m] = kind;
    c.dtW[m] = dt;
    c.orders[m] = o;
    if (ref !== null) (c.refs ??= new Array<Ref>(CHUNK))[m] = ref;
    this.#length = i + 1;
    return m;
  }

  #newChunk(): Chunk {
    const c = new Chunk();
    this.#chunks.push(c);
    this.#tail = c;
    return c;
  }
}

/** What `snapshotOrder` returned when the order event at `m` of chunk `c` happened (same fields, same order). */
function snapshotAt(c: Chunk, m: number, status: number, dt: number): OrderSnapshot {
  const o = c.orders[m]!;
  const n = c.num;
  const k = m * STRIDE;
  return snapshotWith(o, {
    amount: n[k + 1]!,
    filled: n[k]!,
    status: STATUSES[status]!,
    reason: (c.refs?.[m] ?? null) as string | null,
    stop: stopAt(c, m),
    // An order event is the order's latest transition, made at the event's time.
    updatedAt: dt,
    avgFillPrice: avgFillAt(c, m),
    commission: n[k + 4]!,
  });
}

/** The stop level of the order event at `m` (null for an order without a stop). */
function stopAt(c: Chunk, m: number): number | null {
  return c.orders[m]!.stop === null ? null : c.num[m * STRIDE + 2]!;
}

/** The average fill price of the order event at `m` (null before its first fill). */
function avgFillAt(c: Chunk, m: number): number | null {
  const k = m * STRIDE;
  const filled = c.num[k]!;
  return filled === 0 ? null : c.num[k + 3]! / Math.abs(filled);
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
