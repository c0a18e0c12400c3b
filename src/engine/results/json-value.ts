/**
 * Any JSON-shaped value (plain objects, arrays, strings, numbers, booleans, null, objects with
 * `toJSON`) written as JSON.stringify writes it, into a JsonBytes at a given depth.
 */
import type { JsonBytes } from "./json-bytes";

/** The value JSON.stringify writes for `v` under `key`: what its `toJSON`, if it has one, gives. */
export function jsonOf(v: unknown, key: string): unknown {
  if (typeof v === "object" && v !== null && typeof (v as { toJSON?: unknown }).toJSON === "function")
    return (v as { toJSON(key: string): unknown }).toJSON(key);
  return v;
}

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
export const isSkipped = (v: unknown): boolean => v === undefined || typeof v === "function" || typeof v === "symbol";

/** Writes `v` (already through `jsonOf`, not skipped) as the value of a member at `depth`. */
export function writeJsonValue(out: JsonBytes, v: unknown, depth: number): void {
  switch (typeof v) {
    case "string":
      return out.string(v);
    case "number":
      return out.number(v);
    case "boolean":
      return out.literal(v);
    case "bigint":
      throw new TypeError("Do not know how to serialize a BigInt");
  }
  if (v === null) return out.literal(null);
  if (Array.isArray(v)) {
    out.byte(0x5b);
    for (let i = 0; i < v.length; i++) {
      out.member(i === 0, depth + 1);
      const x = jsonOf(v[i], String(i));
      if (isSkipped(x)) out.literal(null);
      else writeJsonValue(out, x, depth + 1);
    }
    return v.length === 0 ? out.byte(0x5d) : out.close(0x5d, depth);
  }
  out.byte(0x7b);
  let first = true;
  const o = v as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    const x = jsonOf(o[key], key);
    if (isSkipped(x)) continue;
    out.key(key, first, depth + 1);
    first = false;
    writeJsonValue(out, x, depth + 1);
  }
  if (first) out.byte(0x7d);
  else out.close(0x7d, depth);
}
