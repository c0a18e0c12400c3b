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
import type { EngineEvent, OrderSnapshot } from "../engine/events";

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
 * the orders it has seen span the batches). Worker side: appends go to plain arrays, copied into
 * typed arrays once per batch (under SES an indexed store into a typed array is slow).
 */
export class EventColumnsEncoder {
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

  #row(g: GroupName, strs: Array<string | null>, nums: number[]): void {
    const s = this.#strs[g];
    for (const v of strs) s.push(this.#s(v));
    const n = this.#nums[g];
    for (const v of nums) n.push(v);
  }

  #place(o: OrderSnapshot): void {
    this.#placed.add(o.id);
    this.#row(
      "placed",
      [o.id, o.symbol, o.type, o.tif, o.parentId, o.ocoId, o.role],
      [nullable(o.limit), nullable(o.trailPercent), nullable(o.trailAmount), o.createdAt],
    );
  }

  add(e: EngineEvent): void {
    this.#sequence.push(KIND[e.type]);
    switch (e.type) {
      case "order": {
        const o = e.order;
        if (!this.#placed.has(o.id)) this.#place(o);
        const nums = [e.dt, o.amount, o.filled, nullable(o.stop), o.updatedAt, nullable(o.avgFillPrice), o.commission];
        this.#row("orders", [o.id, e.event, o.status, o.reason], nums);
        break;
      }
      case "fill":
        this.#row("fills", [e.orderId, e.symbol], [e.dt, e.amount, e.price, e.commission, nullable(e.basePrice)]);
        break;
      case "stopMoved":
        this.#row("stopMoves", [e.orderId, e.symbol], [e.dt, e.stop, e.hwm]);
        break;
      case "log":
        this.#row("logs", [e.level], [e.dt]);
        this.#messages.push(e.message);
        break;
      case "record":
        this.#records.push({ dt: e.dt, values: e.values });
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
    for (const g of GROUPS) groups[g] = { strs: new Int32Array(this.#strs[g]), nums: new Float64Array(this.#nums[g]) };
    const out: EventColumns = {
      strings: this.#strings,
      sequence: new Uint8Array(this.#sequence),
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
