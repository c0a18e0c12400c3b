import type { OrderSnapshot } from "../engine/events";
import type { OrderState } from "../engine/orders/order-snapshot";
import type { OrderEventKind, OrderStatus } from "../engine/orders/order-status";
import { rowsOf, type EventColumns } from "../runtime/event-columns";
import type { EventColumnsReader, OrderKind } from "../runtime/event-columns-reader";

/** One step of an order's life as the blotter shows it. */
export interface OrderTransition {
  dt: number;
  event: OrderEventKind;
  status: OrderStatus;
  filled: number;
}

export interface OrderRow {
  order: OrderSnapshot;
  history: OrderTransition[];
}

/**
 * The run's orders as the page reads them: a row is made when it is read (the rows in view, the
 * orders the chart redraws), and kept until the order changes again. Each change of the results
 * gives a new table (so selectors see it), over the same columns.
 */
export interface OrderTable {
  /** Orders so far. */
  readonly size: number;
  get(id: string): OrderRow | undefined;
  /** Order `id` as it is now, without making its row (no history): what a fill's marker needs. */
  order(id: string): OrderSnapshot | undefined;
  /** The symbol of order `id`, without making its row. */
  symbolOf(id: string): string | undefined;
  /** The symbol, type and role of order `id` (they never change), without making its row or snapshot. */
  kindOf(id: string): OrderKind | undefined;
  /** Every order, in the order they were placed. */
  values(): Iterable<OrderRow>;
}

export const NO_ORDERS: OrderTable = {
  size: 0,
  get: () => undefined,
  order: () => undefined,
  symbolOf: () => undefined,
  kindOf: () => undefined,
  values: () => [],
};

/**
 * A run's order events, appended batch by batch and never copied: per event its order, time,
 * kind, status and filled amount (the history), per order its latest state and the link to
 * its first and last event. One per run, shared by every OrderTable of that run.
 */
export class OrderColumns {
  readonly #dt: number[] = [];
  readonly #event: OrderEventKind[] = [];
  readonly #status: OrderStatus[] = [];
  readonly #filled: number[] = [];
  /** The next event of the same order (−1: none yet). */
  readonly #next: number[] = [];
  /** Per order, by place: its first and last event, its state after the last. */
  readonly #first: number[] = [];
  readonly #last: number[] = [];
  readonly #state: OrderState[] = [];
  readonly #rows: Array<OrderRow | undefined> = [];

  constructor(readonly reader: EventColumnsReader) {}

  /**
   * Appends the batch's order events (after `reader.take`); pushes the id of each order an event
   * changed to `updated` and of each order seen for the first time to `placed`, in event order.
   */
  append(c: EventColumns, updated: string[], placed: string[]): void {
    const rows = rowsOf(c, "orders");
    for (let r = 0; r < rows; r++) {
      const { place, dt, event, state } = this.reader.orderEvent(c, r);
      const i = this.#dt.length;
      this.#dt.push(dt);
      this.#event.push(event);
      this.#status.push(state.status);
      this.#filled.push(state.filled);
      this.#next.push(-1);
      if (place > this.#first.length) throw new Error(`order ${place} has an event before the orders placed before it`);
      const id = this.reader.snapshotId(place);
      if (place === this.#first.length) {
        this.#first.push(i);
        this.#last.push(i);
        this.#state.push(state);
        this.#rows.push(undefined);
        placed.push(id);
      } else {
        this.#next[this.#last[place]!] = i;
        this.#last[place] = i;
        this.#state[place] = state;
        this.#rows[place] = undefined;
      }
      updated.push(id);
    }
  }

  /** The row of the order at `place`, made now if it changed since it was last read. */
  row(place: number): OrderRow | undefined {
    if (!(place >= 0 && place < this.#first.length)) return undefined;
    const kept = this.#rows[place];
    if (kept) return kept;
    const history: OrderTransition[] = [];
    for (let i = this.#first[place]!; i !== -1; i = this.#next[i]!)
      history.push({ dt: this.#dt[i]!, event: this.#event[i]!, status: this.#status[i]!, filled: this.#filled[i]! });
    const made = { order: this.reader.snapshot(place, this.#state[place]!), history };
    this.#rows[place] = made;
    return made;
  }

  /** The order at `place` as it is now: its row's, when made, else a snapshot without the history. */
  order(place: number): OrderSnapshot | undefined {
    if (!(place >= 0 && place < this.#first.length)) return undefined;
    return this.#rows[place]?.order ?? this.reader.snapshot(place, this.#state[place]!);
  }

  /** A table of the orders so far. */
  view(): OrderTable {
    const size = this.#first.length;
    return {
      size,
      get: (id) => this.row(this.reader.placeOfId(id)),
      order: (id) => this.order(this.reader.placeOfId(id)),
      symbolOf: (id) => this.reader.symbolOf(this.reader.placeOfId(id)),
      kindOf: (id) => this.reader.kindOf(this.reader.placeOfId(id)),
      values: () => Array.from({ length: size }, (_, p) => this.row(p)!),
    };
  }
}
