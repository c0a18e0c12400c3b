/**
 * A batch's events as columns: what the run worker posts instead of an array of event objects.
 * Each kind of event is one group of two typed arrays (its strings as indexes into the run's
 * string table, its numbers), whose buffers are transferred, not cloned. A string (an order id,
 * a symbol, a status, a reason) crosses once per run: a batch carries only the strings new in it,
 * which the page appends to its copy of the table. An order's fixed fields (id, symbol, type,
 * limit, time in force, parent, OCO, role, creation time) cross once, when it is first seen;
 * each of its events carries only what can change. Numbers that may be null travel as NaN
 * (the engine never holds a NaN: data and order arguments are checked at the boundary).
 */
import type { EventVisitor } from "../engine/event-log";
import type { EngineEvent, LogLevel } from "../engine/events";
import type { Order } from "../engine/orders/order";
import type { OrderEventKind, OrderStatus } from "../engine/orders/order-status";

/** Strings and numbers per row of each group (the layout is fixed by these). */
export const STRIDE = {
  /** An order first seen. strs: id, symbol, type, tif, parentId, ocoId, role; nums: limit, trailPercent, trailAmount, createdAt. */
  placed: [7, 4],
  /** An order event. strs: order id, event, status, reason; nums: dt, amount, filled, stop, updatedAt, avgFillPrice, commission. */
  orders: [4, 7],
  /** strs: order id, symbol; nums: dt, amount, price, commission, basePrice. */
  fills: [2, 5],
  /** strs: order id, symbol; nums: dt, stop, hwm. */
  stopMoves: [2, 3],
  /** strs: level; nums: dt (the message is in `messages`, one per line). */
  logs: [1, 1],
} as const;

export type GroupName = keyof typeof STRIDE;
export const GROUPS = Object.keys(STRIDE) as GroupName[];

/** Rows of one kind: strs[i × stride] and nums[i × stride] begin row i. */
export interface ColumnGroup {
  strs: Int32Array;
  nums: Float64Array;
}

/** Event kinds as `sequence` numbers them. */
export const KIND = { order: 0, fill: 1, stopMoved: 2, log: 3, record: 4 } as const;

export interface EventColumns {
  /** Strings first used in this batch, in the order the run's table gets them. */
  strings: string[];
  /** Each event's kind (KIND), in the order they happened: the groups split them by kind. */
  sequence: Uint8Array;
  groups: Record<GroupName, ColumnGroup>;
  /** Log messages, one per row of `logs` (rarely repeated: not interned). */
  messages: string[];
  /** record() calls: few, and each a small object of its own. */
  records: Array<{ dt: number; values: Record<string, number> }>;
}

/** The row count of a group (its strs length over its stride). */
export const rowsOf = (c: EventColumns, g: GroupName): number => c.groups[g].strs.length / STRIDE[g][0];

const nullable = (v: number | null | undefined): number => (v === null || v === undefined ? NaN : v);

/**
 * Collects a run's events into columns, batch after batch (one per run: its string table and
 * the orders it has seen span the batches). The run worker hands it the engine's event log
 * (`EventLog.visit`: each event in its parts, no object made); `add` takes an event object.
 * Worker side: appends go to plain arrays, a value at a time (no array made per row), copied into
 * typed arrays once per batch (under SES an indexed store into a typed array is slow).
 */
export class EventColumnsEncoder implements EventVisitor {
  readonly #index = new Map<string, number>();
  readonly #placed = new Set<string>();
  #strings: string[] = [];
  #strs = emptyLists<number>();
  #nums = emptyLists<number>();
  #messages: string[] = [];
  #sequence: number[] = [];
  #records: EventColumns["records"] = [];

  #s(v: string | null): number {
    if (v === null) return -1;
    let i = this.#index.get(v);
    if (i === undefined) {
      i = this.#index.size;
      this.#index.set(v, i);
      this.#strings.push(v);
    }
    return i;
  }

  /** An order's fixed fields, the first time one of its events is added. */
  #place(
    id: string,
    symbol: string,
    type: string,
    tif: string,
    parentId: string | null,
    ocoId: string | null,
    role: string | null,
    limit: number | null,
    trailPercent: number | null,
    trailAmount: number | null,
    createdAt: number,
  ): void {
    this.#placed.add(id);
    this.#strs.placed.push(
      this.#s(id),
      this.#s(symbol),
      this.#s(type),
      this.#s(tif),
      this.#s(parentId),
      this.#s(ocoId),
      this.#s(role),
    );
    this.#nums.placed.push(nullable(limit), nullable(trailPercent), nullable(trailAmount), createdAt);
  }

  #orderRow(
    id: string,
    event: string,
    dt: number,
    status: string,
    reason: string | null,
    amount: number,
    filled: number,
    stop: number | null,
    updatedAt: number,
    avgFillPrice: number | null,
    commission: number,
  ): void {
    this.#sequence.push(KIND.order);
    this.#strs.orders.push(this.#s(id), this.#s(event), this.#s(status), this.#s(reason));
    this.#nums.orders.push(dt, amount, filled, nullable(stop), updatedAt, nullable(avgFillPrice), commission);
  }

  /** An order event from the engine's log: the order's fixed fields are read from the order itself. */
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
  ): void {
    if (!this.#placed.has(o.id))
      this.#place(
        o.id,
        o.asset.symbol,
        o.type,
        o.tif,
        o.parentId,
        o.ocoId,
        o.role,
        o.limit,
        o.trailPercent,
        o.trailAmount,
        o.createdAtMs,
      );
    // An event of the log is the order's latest transition, made at the event's time (as `EventLog.at` has it).
    this.#orderRow(o.id, event, dt, status, reason, amount, filled, stop, dt, avgFillPrice, commission);
  }

  fill(o: Order, dt: number, amount: number, price: number, commission: number, basePrice: number): void {
    this.#fillRow(o.id, o.asset.symbol, dt, amount, price, commission, basePrice);
  }

  #fillRow(id: string, symbol: string, dt: number, amount: number, price: number, commission: number, base?: number) {
    this.#sequence.push(KIND.fill);
    this.#strs.fills.push(this.#s(id), this.#s(symbol));
    this.#nums.fills.push(dt, amount, price, commission, nullable(base));
  }

  stopMoved(o: Order, dt: number, stop: number, hwm: number): void {
    this.#stopRow(o.id, o.asset.symbol, dt, stop, hwm);
  }

  #stopRow(id: string, symbol: string, dt: number, stop: number, hwm: number): void {
    this.#sequence.push(KIND.stopMoved);
    this.#strs.stopMoves.push(this.#s(id), this.#s(symbol));
    this.#nums.stopMoves.push(dt, stop, hwm);
  }

  log(dt: number, level: LogLevel, message: string): void {
    this.#sequence.push(KIND.log);
    this.#strs.logs.push(this.#s(level));
    this.#nums.logs.push(dt);
    this.#messages.push(message);
  }

  record(dt: number, values: Record<string, number>): void {
    this.#sequence.push(KIND.record);
    this.#records.push({ dt, values });
  }

  /** An event object (what a listener's `onBar` iterates). */
  add(e: EngineEvent): void {
    switch (e.type) {
      case "order": {
        const o = e.order;
        if (!this.#placed.has(o.id))
          this.#place(
            o.id,
            o.symbol,
            o.type,
            o.tif,
            o.parentId,
            o.ocoId,
            o.role,
            o.limit,
            o.trailPercent,
            o.trailAmount,
            o.createdAt,
          );
        const { amount, filled, stop, updatedAt, avgFillPrice, commission } = o;
        this.#orderRow(
          o.id,
          e.event,
          e.dt,
          o.status,
          o.reason,
          amount,
          filled,
          stop,
          updatedAt,
          avgFillPrice,
          commission,
        );
        break;
      }
      case "fill":
        this.#fillRow(e.orderId, e.symbol, e.dt, e.amount, e.price, e.commission, e.basePrice);
        break;
      case "stopMoved":
        this.#stopRow(e.orderId, e.symbol, e.dt, e.stop, e.hwm);
        break;
      case "log":
        this.log(e.dt, e.level, e.message);
        break;
      case "record":
        this.record(e.dt, e.values);
        break;
    }
  }

  /** True when nothing was added since the last take. */
  get empty(): boolean {
    return this.#sequence.length === 0;
  }

  /** The columns of what was added since the last take. */
  take(): EventColumns {
    const groups = {} as Record<GroupName, ColumnGroup>;
    for (const g of GROUPS) groups[g] = { strs: int32Of(this.#strs[g]), nums: float64Of(this.#nums[g]) };
    const out: EventColumns = {
      strings: this.#strings,
      sequence: uint8Of(this.#sequence),
      groups,
      messages: this.#messages,
      records: this.#records,
    };
    this.#sequence = [];
    this.#strings = [];
    this.#strs = emptyLists();
    this.#nums = emptyLists();
    this.#messages = [];
    this.#records = [];
    return out;
  }
}

// A typed array made from a list with `set`: in a locked-down realm the constructor that takes a
// list goes through the array's iterator on a slow path (20 times slower in Node 20 after lockdown).
const float64Of = (list: readonly number[]) => copied(new Float64Array(list.length), list);
const int32Of = (list: readonly number[]) => copied(new Int32Array(list.length), list);
const uint8Of = (list: readonly number[]) => copied(new Uint8Array(list.length), list);

function copied<A extends Float64Array | Int32Array | Uint8Array>(into: A, list: readonly number[]): A {
  into.set(list);
  return into;
}

function emptyLists<T>(): Record<GroupName, T[]> {
  return { placed: [], orders: [], fills: [], stopMoves: [], logs: [] };
}

/** The buffers of a batch's columns, to transfer. */
export function columnBuffers(c: EventColumns): ArrayBuffer[] {
  const groups = GROUPS.flatMap((g) => [
    c.groups[g].strs.buffer as ArrayBuffer,
    c.groups[g].nums.buffer as ArrayBuffer,
  ]);
  return [c.sequence.buffer as ArrayBuffer, ...groups];
}

/** What is wrong with columns the page received (null when they are well formed): layout only, not values. */
export function columnsProblem(c: unknown): string | null {
  if (typeof c !== "object" || c === null) return "a batch without events";
  const { strings, sequence, groups, messages, records } = c as Record<string, unknown>;
  if (!Array.isArray(strings) || !strings.every((s) => typeof s === "string")) return "events with a bad string table";
  if (!(sequence instanceof Uint8Array)) return "events without their sequence";
  if (typeof groups !== "object" || groups === null) return "events without columns";
  for (const g of GROUPS) {
    const col = (groups as Record<string, unknown>)[g] as Partial<ColumnGroup> | undefined;
    if (!(col?.strs instanceof Int32Array && col.nums instanceof Float64Array))
      return `${g} that are not typed columns`;
    const [s, n] = STRIDE[g];
    const rows = col.strs.length / s;
    if (!Number.isInteger(rows) || col.nums.length !== rows * n) return `${g} columns of different lengths`;
  }
  const logs = (groups as Record<GroupName, ColumnGroup>).logs.strs.length;
  if (!Array.isArray(messages) || messages.length !== logs || !messages.every((m) => typeof m === "string"))
    return "log lines without their messages";
  if (!Array.isArray(records)) return "records that are not a list";
  const count = [0, 0, 0, 0, 0];
  for (const k of sequence) {
    if (k >= count.length) return "an event of an unknown type";
    count[k]!++;
  }
  const rows = (g: GroupName) => rowsOf(c as EventColumns, g);
  const [orders, fills, moves, lines, recs] = count;
  if (orders !== rows("orders") || fills !== rows("fills") || moves !== rows("stopMoves") || lines !== logs)
    return "events whose sequence does not match their columns";
  if (recs !== records.length) return "events whose sequence does not match their records";
  for (const r of records as unknown[]) {
    const { dt, values } = (r ?? {}) as { dt?: unknown; values?: unknown };
    if (typeof dt !== "number" || typeof values !== "object" || values === null || Array.isArray(values))
      return "a record without values";
    if (!Object.values(values).every((v) => typeof v === "number")) return "a record without values";
  }
  return null;
}
