/**
 * Settings as a difference from the defaults, for share links: only what the sender changed
 * travels, so a link stays short (a default changed by a later version then applies, and the
 * link's app version explains a different result). Plain objects are compared key by key; arrays and model objects (those with a
 * `model` field: commission, slippage) travel whole, so a switched model never keeps stale parameters.
 */
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The fields of `value` that differ from `defaults` (undefined fields are left out). */
export function jsonDiff(value: object, defaults: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const v = value as Record<string, unknown>;
  const d = defaults as Record<string, unknown>;
  for (const k of Object.keys(v)) {
    if (v[k] === undefined) continue;
    if (isPlain(v[k]) && isPlain(d[k]) && !("model" in v[k])) {
      const sub = jsonDiff(v[k], d[k]);
      if (Object.keys(sub).length > 0) out[k] = sub;
    } else if (!same(v[k], d[k])) out[k] = v[k] as Json;
  }
  return out;
}

/** `defaults` with `diff` laid over it: the inverse of jsonDiff. The result still needs checking. */
export function jsonMerge(defaults: object, diff: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
  for (const k of Object.keys(diff)) {
    if (k === "__proto__" || k === "constructor" || k === "prototype") continue;
    const dv = diff[k];
    out[k] = isPlain(dv) && isPlain(out[k]) && !("model" in dv) ? jsonMerge(out[k], dv) : dv;
  }
  return out;
}
