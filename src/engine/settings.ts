import { type CommissionModel, NoCommission, PerDollar, PerShare, PerTrade } from "./matching/commission";
import {
  FixedBasisPointsSlippage,
  FixedSlippage,
  NoSlippage,
  type SlippageModel,
  VolumeShareSlippage,
} from "./matching/slippage";
import { CASH } from "./settings/cash-setting";
import { COMMISSION, type CommissionSpec } from "./settings/commission-setting";
import { FILL_MODEL, type FillModelName } from "./settings/fill-model-setting";
import { SAME_BAR_POLICY, type SameBarPolicy } from "./settings/same-bar-setting";
import {
  type ChoiceSetting,
  type ModelSetting,
  type NumberParam,
  type Parsed,
  checkIsoDate,
  checkNumber,
  describeValue,
  orList,
} from "./settings/setting-kinds";
import { SLIPPAGE, type SlippageSpec } from "./settings/slippage-setting";
import { DAY_MS } from "./data/utc-day";

export type { CommissionSpec } from "./settings/commission-setting";
export type { FillModelName } from "./settings/fill-model-setting";
export type { SameBarPolicy } from "./settings/same-bar-setting";
export type { SlippageSpec } from "./settings/slippage-setting";
export type { Parsed } from "./settings/setting-kinds";

/** Settings of one run. The strategy's `initialize` may override cash, commission and slippage. */
export interface RunSettings {
  cash: number;
  fillModel: FillModelName;
  sameBarPolicy: SameBarPolicy;
  /** ISO date (inclusive) or undefined for the data's first bar. */
  start?: string;
  /** ISO date (inclusive) or undefined for the data's last bar. */
  end?: string;
  /** Undefined means the default model; missing parameters take their defaults. */
  commission?: CommissionSpec;
  slippage?: SlippageSpec;
}

/** How one setting is described: its kind and table, its command-line flag and its name in the results JSON. */
export type SettingEntry =
  | { kind: "date"; label: string; flag: string; json: string; example: string }
  | { kind: "number"; flag: string; json: string; param: NumberParam }
  | { kind: "choice"; flag: string; json: string; choice: ChoiceSetting<string> }
  | { kind: "model"; flag: string; json: string; model: AnyModelSetting };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any model table; its specs are checked by its own parse
type AnyModelSetting = ModelSetting<any>;

/**
 * Every run setting, once. `flag` is the CLI's `--flag` (and the panel's `setting-<flag>` test id),
 * `json` the key in the results JSON's `run.settings` (docs/cli.md: `samePolicy`).
 */
export const SETTINGS = {
  start: { kind: "date", label: "Start", flag: "start", json: "start", example: "2019-01-01" },
  end: { kind: "date", label: "End", flag: "end", json: "end", example: "2020-12-31" },
  cash: { kind: "number", flag: "cash", json: "cash", param: CASH },
  fillModel: { kind: "choice", flag: "fill-model", json: "fillModel", choice: FILL_MODEL },
  sameBarPolicy: { kind: "choice", flag: "same-bar", json: "samePolicy", choice: SAME_BAR_POLICY },
  commission: { kind: "model", flag: "commission", json: "commission", model: COMMISSION },
  slippage: { kind: "model", flag: "slippage", json: "slippage", model: SLIPPAGE },
} as const satisfies Record<keyof RunSettings, SettingEntry>;

export type SettingName = keyof typeof SETTINGS;
export const SETTING_NAMES = Object.keys(SETTINGS) as SettingName[];

/** Every setting at its default; commission and slippage spelled out with all their parameters. */
export const DEFAULT_SETTINGS: Readonly<RunSettings & { commission: CommissionSpec; slippage: SlippageSpec }> =
  Object.freeze({
    cash: CASH.default,
    fillModel: FILL_MODEL.default,
    sameBarPolicy: SAME_BAR_POLICY.default,
    commission: Object.freeze(COMMISSION.defaults(COMMISSION.default)),
    slippage: Object.freeze(SLIPPAGE.defaults(SLIPPAGE.default)),
  });

/** A model spec with every parameter present; undefined means the setting's default. */
function completeModel(setting: AnyModelSetting, spec: { model: string } | undefined): Record<string, unknown> {
  return setting.complete((spec ?? setting.defaults(setting.default)) as never);
}

/**
 * Only the settings that differ from the defaults (what a share link carries). A model that
 * differs keeps its name and only the parameters that differ from that model's defaults, so
 * `{ ...DEFAULT_SETTINGS, ...settingsDiff(s) }` runs exactly like `s`.
 */
export function settingsDiff(s: RunSettings): Partial<RunSettings> {
  const out: Partial<Record<SettingName, unknown>> = {};
  for (const name of SETTING_NAMES) {
    const entry: SettingEntry = SETTINGS[name];
    const v = s[name];
    if (entry.kind !== "model") {
      if (v !== undefined && v !== DEFAULT_SETTINGS[name]) out[name] = v;
      continue;
    }
    const spec = completeModel(entry.model, v as { model: string } | undefined);
    const dflt = completeModel(entry.model, undefined);
    const base: Record<string, unknown> = spec.model === dflt.model ? dflt : entry.model.defaults(spec.model as string);
    const changed = Object.keys(spec).filter((k) => k !== "model" && spec[k] !== base[k]);
    if (spec.model !== dflt.model || changed.length > 0)
      out[name] = Object.fromEntries([["model", spec.model], ...changed.map((k) => [k, spec[k]])]);
  }
  return out as Partial<RunSettings>;
}

/** One setting's value from untrusted input, checked against its table. */
export function parseSetting(name: SettingName, v: unknown): Parsed<unknown> {
  const entry: SettingEntry = SETTINGS[name];
  switch (entry.kind) {
    case "date":
      return checkIsoDate(name, v);
    case "number":
      return checkNumber(name, entry.param, v);
    case "choice":
      return entry.choice.parse(name, v);
    case "model": {
      const r = entry.model.parse(name, v);
      return r.ok ? { ok: true, value: entry.model.complete(r.value) } : r;
    }
  }
}

/**
 * Run settings from untrusted input (a share link, a file): every field checked against
 * its table. Missing fields take their defaults; an unknown field, a wrong type or a value
 * out of range is an error, and every error is reported, each naming its field.
 */
export function parseSettings(raw: unknown): Parsed<RunSettings> {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    return { ok: false, errors: [`settings must be an object, got ${describeValue(raw)}`] };
  const errors: string[] = [];
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const [k, v] of Object.entries(raw)) {
    if (!Object.hasOwn(SETTINGS, k)) {
      errors.push(`unknown setting "${k}" (the settings are ${orList(SETTING_NAMES)})`);
      continue;
    }
    if (v === undefined) continue;
    const r = parseSetting(k as SettingName, v);
    if (r.ok) out[k] = r.value;
    else errors.push(...r.errors);
  }
  const s = out as unknown as RunSettings;
  if (s.start !== undefined && s.end !== undefined && s.start > s.end)
    errors.push(`start ${s.start} is after end ${s.end}`);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: s };
}

/** The results JSON's `run.settings`: each setting under its JSON name (docs/cli.md). */
export type ResultsSettings = {
  [K in SettingName as (typeof SETTINGS)[K]["json"]]: (typeof SETTINGS)[K]["kind"] extends "model"
    ? Record<string, number | string>
    : (typeof SETTINGS)[K]["kind"] extends "date"
      ? string | null
      : NonNullable<RunSettings[K]>;
};

/** What a run used, keyed by setting name, renamed to the results JSON's keys. */
export function resultsSettings(used: {
  [K in SettingName]: (typeof SETTINGS)[K]["kind"] extends "model"
    ? Record<string, number | string>
    : (typeof SETTINGS)[K]["kind"] extends "date"
      ? string | null
      : NonNullable<RunSettings[K]>;
}): ResultsSettings {
  const out: Record<string, unknown> = {};
  for (const name of SETTING_NAMES) out[SETTINGS[name].json] = used[name];
  return out as ResultsSettings;
}

type Builders<Spec extends { model: string }, Model> = {
  [M in Spec["model"]]: (spec: Extract<Spec, { model: M }>) => Model;
};

const COMMISSION_MODELS: Builders<CommissionSpec, CommissionModel> = {
  PerShare: (s) => new PerShare(s),
  PerTrade: (s) => new PerTrade(s),
  PerDollar: (s) => new PerDollar(s),
  NoCommission: () => new NoCommission(),
};

const SLIPPAGE_MODELS: Builders<SlippageSpec, SlippageModel> = {
  FixedBasisPointsSlippage: (s) => new FixedBasisPointsSlippage(s),
  VolumeShareSlippage: (s) => new VolumeShareSlippage(s),
  FixedSlippage: (s) => new FixedSlippage(s),
  NoSlippage: () => new NoSlippage(),
};

/** The commission model a spec names (undefined: the default), its parameters checked by the model. */
export function commissionFromSpec(spec: CommissionSpec | undefined): CommissionModel {
  const s = spec ?? DEFAULT_SETTINGS.commission;
  if (!Object.hasOwn(COMMISSION_MODELS, s.model)) throw new Error(`unknown commission model ${describeValue(s.model)}`);
  return (COMMISSION_MODELS[s.model] as (s: CommissionSpec) => CommissionModel)(s);
}

/** The slippage model a spec names (undefined: the default), its parameters checked by the model. */
export function slippageFromSpec(spec: SlippageSpec | undefined): SlippageModel {
  const s = spec ?? DEFAULT_SETTINGS.slippage;
  if (!Object.hasOwn(SLIPPAGE_MODELS, s.model)) throw new Error(`unknown slippage model ${describeValue(s.model)}`);
  return (SLIPPAGE_MODELS[s.model] as (s: SlippageSpec) => SlippageModel)(s);
}

/** Start of the UTC day of an ISO date, or of the day after for an inclusive end. */
export function dateBound(iso: string | undefined, which: "start" | "end"): number {
  if (!iso) return which === "start" ? -Infinity : Infinity;
  const ms = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (!Number.isFinite(ms)) throw new Error(`not a date: ${iso}`);
  return which === "start" || iso.length !== 10 ? ms : ms + DAY_MS - 1;
}
