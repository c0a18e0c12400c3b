/**
 * The shapes a run setting can take, each described once as data: a number with a range,
 * a choice among named values, or a model (a choice whose values carry number parameters).
 * The panel, the saved-settings parser, the CLI and its usage text, the results JSON and
 * share links all read these descriptions instead of spelling the values out themselves.
 */
import { describeValue as describeAnyValue, excerpt } from "../excerpt";

/** A parsed value, or why the input was refused. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** A number setting or model parameter: its default and the range it must lie in. */
export interface NumberParam {
  readonly label: string;
  readonly default: number;
  /** Smallest value allowed; with `minExclusive` the value must be above it. */
  readonly min: number;
  readonly minExclusive?: boolean;
  /** Largest value allowed (inclusive), if any. */
  readonly max?: number;
  /** Step of the panel's number input. */
  readonly step?: number;
}

/** "0 or more", "above 0", "above 0 and at most 1": the range in words, for error messages. */
export function rangeText(p: NumberParam): string {
  const min = numberText(p.min);
  const low = p.minExclusive ? `above ${min}` : `${min} or more`;
  return p.max === undefined ? low : `${p.minExclusive ? low : `at least ${min}`} and at most ${numberText(p.max)}`;
}

/** A bound as people read it: 1,000,000,000,000 and 2,147,483, but 0.0001 as it is. */
export const numberText = (n: number): string => n.toLocaleString("en-US", { maximumFractionDigits: 20 });

/** `v` checked against `p`: the number, or a message naming `name` and what was wrong. */
export function checkNumber(name: string, p: NumberParam, v: unknown): Parsed<number> {
  const inRange =
    typeof v === "number" &&
    Number.isFinite(v) &&
    (p.minExclusive ? v > p.min : v >= p.min) &&
    (p.max === undefined || v <= p.max);
  return inRange
    ? { ok: true, value: v }
    : { ok: false, errors: [`${name} must be a number ${rangeText(p)}, got ${describeValue(v)}`] };
}

/** A number typed on a command line (or in a link): the whole text must be the number. */
export function parseNumberText(name: string, p: NumberParam, text: string): Parsed<number> {
  const v = text.trim() === "" ? NaN : Number(text);
  const r = checkNumber(name, p, v);
  return r.ok ? r : { ok: false, errors: [`${name} takes a number ${rangeText(p)}, got "${text}"`] };
}

/** A value quoted for a message: strings in quotes (an excerpt of a long one), the rest as the engine describes them. */
export function describeValue(v: unknown): string {
  return typeof v === "string" ? JSON.stringify(excerpt(v)) : describeAnyValue(v);
}

/** "a, b or c": how error messages and the usage text list choices. */
export function orList(values: readonly string[]): string {
  return values.length <= 1 ? (values[0] ?? "") : `${values.slice(0, -1).join(", ")} or ${values.at(-1)}`;
}

/** One of a fixed set of named values, each with a label for the panel. */
export interface ChoiceSetting<V extends string> {
  readonly label: string;
  readonly values: readonly V[];
  readonly labels: Readonly<Record<V, string>>;
  readonly default: V;
  is(v: unknown): v is V;
  /** `v` as one of the values, or a message naming `name` and the values allowed. */
  parse(name: string, v: unknown): Parsed<V>;
}

export function choiceSetting<const V extends string>(def: {
  label: string;
  labels: Record<V, string>;
  default: NoInfer<V>;
}): ChoiceSetting<V> {
  const values = Object.keys(def.labels) as V[];
  const is = (v: unknown): v is V => typeof v === "string" && (values as readonly string[]).includes(v);
  return {
    label: def.label,
    values,
    labels: def.labels,
    default: def.default,
    is,
    parse: (name, v) =>
      is(v) ? { ok: true, value: v } : { ok: false, errors: [`${name} is ${orList(values)}, got ${describeValue(v)}`] },
  };
}

/** A model as plain data: its name and any of its parameters (missing ones take their default). */
export type ModelSpec<Models extends Record<string, { params: Record<string, NumberParam> }>> = {
  [M in keyof Models & string]: { model: M } & { [P in keyof Models[M]["params"]]?: number };
}[keyof Models & string];

/** A choice of model, each with a label and number parameters that have defaults and ranges. */
export interface ModelSetting<Models extends Record<string, { label: string; params: Record<string, NumberParam> }>> {
  readonly label: string;
  readonly models: Models;
  readonly values: readonly (keyof Models & string)[];
  readonly default: keyof Models & string;
  isModel(v: unknown): v is keyof Models & string;
  /** The spec with every parameter present (defaults filled in), in the table's order. */
  complete(spec: ModelSpec<Models>): ModelSpec<Models>;
  /** The model's default spec: every parameter at its default. */
  defaults(model: keyof Models & string): ModelSpec<Models>;
  /**
   * Untrusted input (`{ model, ...params }`) checked field by field: unknown models,
   * unknown parameters and out-of-range numbers are each an error, named with `name`.
   */
  parse(name: string, v: unknown): Parsed<ModelSpec<Models>>;
  /** The command-line form `Model` or `Model:param=value,param=value`, checked like `parse`. */
  parseText(name: string, text: string): Parsed<ModelSpec<Models>>;
  /** The command-line form of a spec (the inverse of `parseText`). */
  toText(spec: ModelSpec<Models>): string;
}

export function modelSetting<
  const Models extends Record<string, { label: string; params: Record<string, NumberParam> }>,
>(def: { label: string; models: Models; default: NoInfer<keyof Models & string> }): ModelSetting<Models> {
  type Spec = ModelSpec<Models>;
  type Name = keyof Models & string;
  const values = Object.keys(def.models) as Name[];
  const isModel = (v: unknown): v is Name => typeof v === "string" && (values as readonly string[]).includes(v);
  const params = (m: Name) => Object.entries(def.models[m]!.params) as [string, NumberParam][];
  const complete = (spec: Spec): Spec => {
    const out: Record<string, unknown> = { model: spec.model };
    for (const [k, p] of params(spec.model)) out[k] = (spec as Record<string, unknown>)[k] ?? p.default;
    return out as Spec;
  };
  const setting: ModelSetting<Models> = {
    label: def.label,
    models: def.models,
    values,
    default: def.default,
    isModel,
    complete,
    defaults: (model) => complete({ model } as Spec),
    parseText(name, text) {
      const [model = "", rest] = text.split(/:(.*)/s, 2);
      const spec: Record<string, unknown> = { model: model.trim() };
      const errors: string[] = [];
      for (const pair of rest === undefined || rest.trim() === "" ? [] : rest.split(",")) {
        const eq = pair.indexOf("=");
        const k = (eq < 0 ? pair : pair.slice(0, eq)).trim();
        const x = eq < 0 ? "" : pair.slice(eq + 1).trim();
        const num = x === "" ? NaN : Number(x);
        if (!Number.isFinite(num))
          errors.push(`${name}: ${k || "a parameter"} needs a number, as in ${k || "cost"}=0.5, got "${pair}"`);
        else spec[k] = num;
      }
      if (errors.length) return { ok: false, errors };
      return setting.parse(name, spec);
    },
    toText(spec) {
      const params = Object.entries(spec).filter(([k, v]) => k !== "model" && v !== undefined);
      return params.length ? `${spec.model}:${params.map(([k, v]) => `${k}=${v}`).join(",")}` : spec.model;
    },
    parse(name, v) {
      if (typeof v !== "object" || v === null || Array.isArray(v))
        return {
          ok: false,
          errors: [`${name} must be an object like { model: "${def.default}" }, got ${describeValue(v)}`],
        };
      const o = v as Record<string, unknown>;
      if (!isModel(o.model))
        return { ok: false, errors: [`${name}.model is ${orList(values)}, got ${describeValue(o.model)}`] };
      const model = o.model;
      const out: Record<string, unknown> = { model };
      const known = def.models[model]!.params;
      const errors: string[] = [];
      for (const [k, x] of Object.entries(o)) {
        if (k === "model") continue;
        const p = Object.hasOwn(known, k) ? known[k] : undefined;
        if (!p) {
          const allowed = Object.keys(known);
          errors.push(
            `${name}: ${model} has ${allowed.length ? `only ${orList(allowed)}` : "no parameters"}, got "${k}"`,
          );
          continue;
        }
        if (x === undefined) continue;
        const r = checkNumber(`${name}.${k}`, p, x);
        if (r.ok) out[k] = r.value;
        else errors.push(...r.errors);
      }
      return errors.length ? { ok: false, errors } : { ok: true, value: out as Spec };
    },
  };
  return setting;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date written `YYYY-MM-DD` that exists (no 2019-02-30). */
export function checkIsoDate(name: string, v: unknown): Parsed<string> {
  const ms = typeof v === "string" && ISO_DATE.test(v) ? Date.parse(`${v}T00:00:00Z`) : NaN;
  const ok = Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === v;
  return ok
    ? { ok: true, value: v as string }
    : { ok: false, errors: [`${name} takes a date like 2019-01-31, got ${describeValue(v)}`] };
}
