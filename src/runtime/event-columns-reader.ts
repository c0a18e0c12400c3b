import type { EngineEvent, LogLevel, OrderSnapshot } from "../engine/events";
import type { OrderState } from "../engine/orders/order-snapshot";
import type { OrderEventKind, OrderStatus } from "../engine/orders/order-status";
import type { OrderType } from "../engine/orders/order";
import { KIND, STRIDE, type EventColumns } from "./event-columns";

const [PS, PN] = STRIDE.placed;
const [OS, ON] = STRIDE.orders;
const [FS, FN] = STRIDE.fills;
const [MS, MN] = STRIDE.stopMoves;

/** The fixed part of an order the chart's markers read. */
export interface OrderKind {
  symbol: string;
  type: OrderType;
  role: string | null;
}

const orNull = (v: number): number | null => (Number.isNaN(v) ? null : v);

/**
 * The page's side of a run's event columns: the run's string table and the fixed fields of each
 * order seen, taken from each batch in order (`take`). Every index the worker sent is checked
 * against them: a bad one throws, and the page ends the run with a protocol error.
 */
export class EventColumnsReader {
  readonly strings: string[] = [];
  /** Order id → its place in the run (the order it was first seen in). */
  readonly #place = new Map<string, number>();
  /** Fixed string fields of each order, PS per order (indexes into `strings`). */
  readonly #fixedStrs: number[] = [];
  /** Fixed numbers of each order, PN per order. */
  readonly #fixedNums: number[] = [];

  /** The batch's new strings and new orders; each batch once, in the order they came. */
  take(c: EventColumns): void {
    for (const s of c.strings) this.strings.push(s);
    const { strs, nums } = c.groups.placed;
    for (let r = 0; r < strs.length / PS; r++) {
      const id = this.str(strs[r * PS]!);
      if (id === null || this.#place.has(id)) throw new Error(`an order placed twice or without an id`);
      this.#place.set(id, this.#place.size);
      for (let k = 0; k < PS; k++) this.#fixedStrs.push(strs[r * PS + k]!);
      for (let k = 0; k < PN; k++) this.#fixedNums.push(nums[r * PN + k]!);
    }
  }

  /** String `i` of the table (−1: null). */
  str(i: number): string | null {
    if (i === -1) return null;
    const s = this.strings[i];
    if (s === undefined) throw new Error(`string ${i} is not in the run's table of ${this.strings.length}`);
    return s;
  }

  /** A string that may not be null. */
  text(i: number): string {
    const s = this.str(i);
    if (s === null) throw new Error("a missing string");
    return s;
  }

  /** The place of the order whose id is string `i`. */
  placeOf(i: number): number {
    const p = this.#place.get(this.text(i));
    if (p === undefined) throw new Error(`an event of order ${this.text(i)}, which was never placed`);
    return p;
  }

  /** The place of the order `id` (−1 when none has it). */
  placeOfId(id: string): number {
    return this.#place.get(id) ?? -1;
  }

  /** The symbol of the order at place `p` (undefined: no such order). */
  symbolOf(p: number): string | undefined {
    return p >= 0 && p < this.#place.size ? this.text(this.#fixedStrs[p * PS + 1]!) : undefined;
  }

  /** What never changes of the order at place `p` and a fill's marker needs: symbol, type, role (no snapshot made). */
  kindOf(p: number): OrderKind | undefined {
    if (!(p >= 0 && p < this.#place.size)) return undefined;
    const f = this.#fixedStrs;
    const k = p * PS;
    return { symbol: this.text(f[k + 1]!), type: this.text(f[k + 2]!) as OrderType, role: this.str(f[k + 6]!) };
  }

  /** The id of the order at place `p`. */
  snapshotId(p: number): string {
    return this.text(this.#fixedStrs[p * PS]!);
  }

  /** The order at place `p` with `s` as its changing part (the fields in snapshotWith's order). */
  snapshot(p: number, s: OrderState): OrderSnapshot {
    const f = this.#fixedStrs;
    const n = this.#fixedNums;
    const k = p * PS;
    const j = p * PN;
    return {
      id: this.text(f[k]!),
      symbol: this.text(f[k + 1]!),
      amount: s.amount,
      filled: s.filled,
      status: s.status,
      reason: s.reason,
      type: this.text(f[k + 2]!) as OrderType,
      limit: orNull(n[j]!),
      stop: s.stop,
      trailPercent: orNull(n[j + 1]!),
      trailAmount: orNull(n[j + 2]!),
      tif: this.text(f[k + 3]!),
      parentId: this.str(f[k + 4]!),
      ocoId: this.str(f[k + 5]!),
      role: this.str(f[k + 6]!),
      createdAt: n[j + 3]!,
      updatedAt: s.updatedAt,
      avgFillPrice: s.avgFillPrice,
      commission: s.commission,
    };
  }

  /** Order event `r` of `c`: its order's place, kind, and changing part. */
  orderEvent(c: EventColumns, r: number): { place: number; dt: number; event: OrderEventKind; state: OrderState } {
    const { strs, nums } = c.groups.orders;
    const k = r * OS;
    const j = r * ON;
    return {
      place: this.placeOf(strs[k]!),
      dt: nums[j]!,
      event: this.text(strs[k + 1]!) as OrderEventKind,
      state: {
        amount: nums[j + 1]!,
        filled: nums[j + 2]!,
        status: this.text(strs[k + 2]!) as OrderStatus,
        reason: this.str(strs[k + 3]!),
        stop: orNull(nums[j + 3]!),
        updatedAt: nums[j + 4]!,
        avgFillPrice: orNull(nums[j + 5]!),
        commission: nums[j + 6]!,
      },
    };
  }

  fill(c: EventColumns, r: number): Extract<EngineEvent, { type: "fill" }> {
    const { strs, nums } = c.groups.fills;
    const j = r * FN;
    const fill: Extract<EngineEvent, { type: "fill" }> = {
      type: "fill",
      dt: nums[j]!,
      orderId: this.text(strs[r * FS]!),
      symbol: this.text(strs[r * FS + 1]!),
      amount: nums[j + 1]!,
      price: nums[j + 2]!,
      commission: nums[j + 3]!,
    };
    if (!Number.isNaN(nums[j + 4]!)) fill.basePrice = nums[j + 4]!;
    return fill;
  }

  stopMove(c: EventColumns, r: number): Extract<EngineEvent, { type: "stopMoved" }> {
    const { strs, nums } = c.groups.stopMoves;
    const j = r * MN;
    const [orderId, symbol] = [this.text(strs[r * MS]!), this.text(strs[r * MS + 1]!)];
    return { type: "stopMoved", dt: nums[j]!, orderId, symbol, stop: nums[j + 1]!, hwm: nums[j + 2]! };
  }

  log(c: EventColumns, r: number): Extract<EngineEvent, { type: "log" }> {
    const { strs, nums } = c.groups.logs;
    return { type: "log", dt: nums[r]!, level: this.text(strs[r]!) as LogLevel, message: c.messages[r]! };
  }

  /** The batch's events as objects, in the order they happened (call after `take`): the results export. */
  events(c: EventColumns): EngineEvent[] {
    const out: EngineEvent[] = [];
    const at = [0, 0, 0, 0, 0];
    for (const kind of c.sequence) {
      const r = at[kind]!++;
      if (kind === KIND.order) {
        const e = this.orderEvent(c, r);
        out.push({ type: "order", dt: e.dt, event: e.event, order: this.snapshot(e.place, e.state) });
      } else if (kind === KIND.fill) out.push(this.fill(c, r));
      else if (kind === KIND.stopMoved) out.push(this.stopMove(c, r));
      else if (kind === KIND.log) out.push(this.log(c, r));
      else out.push({ type: "record", ...c.records[r]! });
    }
    return out;
  }
}
