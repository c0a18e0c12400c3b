import type { Order } from "./order";

/**
 * Every order of a run by id, in placement order: the broker's `orders`. The ids are `o1`,
 * `o2`, ... in placement order, so the table is a plain array and `get` reads the number
 * back out of the id. (A Map keyed by id cost several µs per order once it held a few
 * thousand: each time it grew, its hash table was allocated anew, in memory the process had
 * not touched yet.)
 */
export class OrderTable implements ReadonlyMap<string, Order> {
  /** By id number − 1; a hole where an id was handed out but its order never placed (a placement check threw). */
  readonly #list: Array<Order | undefined> = [];
  #count = 0;
  #next = 1;

  /** A new id, for the order about to be made. */
  newId(): string {
    return `o${this.#next++}`;
  }

  /** Add an order made with an id from `newId()`, in the order the ids were handed out. */
  add(o: Order): void {
    const i = indexOf(o.id);
    if (!(i < this.#next - 1) || i < this.#list.length) throw new Error(`order ${o.id} added out of turn`);
    this.#list[i] = o;
    this.#count++;
  }

  get size(): number {
    return this.#count;
  }

  get(id: string): Order | undefined {
    const i = indexOf(id);
    return i < this.#list.length ? this.#list[i] : undefined;
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  keys(): MapIterator<string> {
    return this.#orders()
      .map((o) => o.id)
      .values();
  }

  values(): MapIterator<Order> {
    return this.#orders().values();
  }

  entries(): MapIterator<[string, Order]> {
    return this.#orders()
      .map((o): [string, Order] => [o.id, o])
      .values();
  }

  [Symbol.iterator](): MapIterator<[string, Order]> {
    return this.entries();
  }

  forEach(callback: (value: Order, key: string, map: ReadonlyMap<string, Order>) => void, thisArg?: unknown): void {
    for (const o of this.#orders()) callback.call(thisArg, o, o.id, this);
  }

  get [Symbol.toStringTag](): string {
    return "OrderTable";
  }

  /** The orders without holes (the list itself when it has none). */
  #orders(): Order[] {
    const list = this.#list;
    return (list.length === this.#count ? list : list.filter((o) => o !== undefined)) as Order[];
  }
}

/** The table index of an id `o<n>` (n ≥ 1 written without leading zeros); Infinity for anything else. */
function indexOf(id: string): number {
  if (typeof id !== "string" || id.length < 2 || id.length > 17 || id.charCodeAt(0) !== 111 /* o */) return Infinity;
  const n = Number(id.slice(1));
  return Number.isSafeInteger(n) && n >= 1 && `o${n}` === id ? n - 1 : Infinity;
}
