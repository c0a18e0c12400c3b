/**
 * A Map as user code sees it: reads go to the engine's map (values shown through `view`),
 * and the writing methods throw a TypeError that says the map is read-only. The engine's
 * map sits in a private field, out of user code's reach.
 */
export class ReadOnlyMap<K, E, V> implements ReadonlyMap<K, V> {
  readonly #map: ReadonlyMap<K, E>;
  readonly #view: (e: E) => V;
  readonly #name: string;

  constructor(map: ReadonlyMap<K, E>, view: (e: E) => V, name: string) {
    this.#map = map;
    this.#view = view;
    this.#name = name;
  }
  get size(): number {
    return this.#map.size;
  }
  get(key: K): V | undefined {
    const e = this.#map.get(key);
    return e === undefined ? undefined : this.#view(e);
  }
  has(key: K): boolean {
    return this.#map.has(key);
  }
  *keys(): MapIterator<K> {
    yield* this.#map.keys();
  }
  *values(): MapIterator<V> {
    for (const e of this.#map.values()) yield this.#view(e);
  }
  *entries(): MapIterator<[K, V]> {
    for (const [k, e] of this.#map) yield [k, this.#view(e)];
  }
  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }
  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [k, e] of this.#map) callback.call(thisArg, this.#view(e), k, this);
  }
  get [Symbol.toStringTag](): string {
    return "ReadOnlyMap";
  }
  set(): never {
    throw this.#readOnly("set");
  }
  delete(): never {
    throw this.#readOnly("delete");
  }
  clear(): never {
    throw this.#readOnly("clear");
  }
  #readOnly(method: string): TypeError {
    return new TypeError(`${this.#name} is read-only: ${method}() is not allowed; the engine keeps it`);
  }
}
