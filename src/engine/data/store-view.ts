/**
 * Writing into typed arrays at full speed in a locked-down realm. SES's `lockdown()` freezes
 * %TypedArray%.prototype, and V8 then takes a slow path for every element store into a typed
 * array (about 100 times slower: 140 ns instead of 1 per store, measured in Node 20), while
 * reads stay fast. A second view of the same memory whose prototype is null stores at full
 * speed. The engine writes its per-bar columns (cursors, equity) through such a view and hands
 * out the ordinary array for reading.
 */

/** Indexed slots of a typed array, for writing: no methods, no `length` (it has no prototype). */
export interface Slots {
  [index: number]: number;
}

type Typed = Float64Array | Int32Array | Uint8Array;

/** A prototype-less view of `a`'s memory: `storeView(a)[i] = x` writes `a[i]`. */
export function storeView(a: Typed): Slots {
  const view =
    a instanceof Float64Array
      ? new Float64Array(a.buffer, a.byteOffset, a.length)
      : a instanceof Int32Array
        ? new Int32Array(a.buffer, a.byteOffset, a.length)
        : new Uint8Array(a.buffer, a.byteOffset, a.length);
  Object.setPrototypeOf(view, null);
  return view;
}
