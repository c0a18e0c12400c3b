import type { Order } from "./order";

/** Orders per chunk of the table (a power of two). */
const CHUNK_BITS = 10;
const CHUNK = 1 << CHUNK_BITS;

/**
 * Every order of a run by id, in placement order: the broker's `orders`. The ids are `o1`,
 * `o2`, ... in placement order, so the table is a plain array and `get` reads the number
 * back out of the id. (A Map keyed by id cost several µs per order once it held a few
 * thousand: each time it grew, its hash table was allocated anew, in memory the process had
 * not touched yet.) The array is kept in chunks of 1,024: one growing array was copied into a
 * new, larger one each time it filled, most of them in fresh memory (large object space past
 * 16,384 orders), which cost B3 about a microsecond per order.
 */
export class OrderTable implements ReadonlyMap<string, Order> {
  /** By id number − 1, in chunks of CHUNK; a hole where an id was handed out but its order never placed (a placement check threw). */
  readonly #chunks: Array<Array<Order | undefined>> = [];
  /** One past the highest index added. */
  #end = 0;
  #count = 0;
  #next = 1;

  /** A new id, for the order about to be made. */
  newId(): string {
    return `o${this.#next++}`;
  }

  /** Add an order made with an id from `newId()`, in the order the ids were handed out. */
  add(o: Order): void {
    const i = indexOf(o.id);
    if (!(i < this.#next - 1) || i < this.#end) throw new Error(`order ${o.id} added out of turn`);
    const c = i >> CHUNK_BITS;
    // Made at their full size (holes until filled): an array grown by stores is copied at each step.
    while (this.#chunks.length <= c) this.#chunks.push(new Array<Order | undefined>(CHUNK));
    this.#chunks[c]![i & (CHUNK - 1)] = o;
    this.#end = i + 1;
    this.#count++;
  }

  get size(): number {
    return this.#count;
  }

  get(id: string): Order | undefined {
    const i = indexOf(id);
    return i < this.#end ? this.#chunks[i >> CHUNK_BITS]![i & (CHUNK - 1)] : undefined;
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

  /**
   * The orders without holes, in placement order, in a new list made at its size. Index loops:
   * the results take the list once a run, in code V8 has not optimized, where `for…of` made an
   * iterator result per order (and a spread of `values()` another, with the list grown by copies).
   */
  list(): Order[] {
    const list = new Array<Order>(this.#count);
    let n = 0;
    for (let c = 0; c < this.#chunks.length; c++) {
      const chunk = this.#chunks[c]!;
      for (let i = 0; i < CHUNK; i++) {
        const o = chunk[i];
        if (o !== undefined) list[n++] = o;
      }
    }
    return list;
  }

  /** The orders without holes, in a new list. */
  #orders(): Order[] {
    return this.list();
  }
}

/**
 * The table index of an id `o<n>` (n ≥ 1 written without leading zeros); Infinity for anything
 * else. Read digit by digit: no string is made per lookup.
 */
function indexOf(id: string): number {
  if (typeof id !== "string" || id.length < 2 || id.length > 17 || id.charCodeAt(0) !== 111 /* o */) return Infinity;
  if (id.charCodeAt(1) === 48 /* 0 */) return Infinity;
  let n = 0;
  for (let i = 1; i < id.length; i++) {
    const digit = id.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return Infinity;
    n = n * 10 + digit;
  }
  return Number.isSafeInteger(n) ? n - 1 : Infinity;
}
