/**
 * A deep copy of JSON-shaped data (plain objects, arrays, primitives): what `analyze`
 * receives instead of the results the engine serialises, so writing into it changes
 * nothing in the results JSON, the page or the fills hash.
 */
export function copyJson<T>(x: T): T {
  if (x === null || typeof x !== "object") return x;
  if (Array.isArray(x)) {
    const out: unknown[] = new Array(x.length);
    for (let i = 0; i < x.length; i++) out[i] = copyJson(x[i]);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(x)) out[key] = copyJson((x as Record<string, unknown>)[key]);
  return out as T;
}
