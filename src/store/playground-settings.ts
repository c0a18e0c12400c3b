import { DEFAULT_TIME_LIMIT_SEC, MAX_TIME_LIMIT_SEC } from "../runtime/run-limits";
import {
  DEFAULT_SETTINGS,
  parseSetting,
  type RunSettings,
  SETTING_NAMES,
  SETTINGS,
  type SettingName,
} from "../engine/settings";
import { checkNumber, type NumberParam } from "../engine/settings/setting-kinds";

/** What the Settings panel edits: the engine's run settings plus what the page adds. */
export interface PlaygroundSettings {
  run: RunSettings;
  /** Symbols sent to the run; empty = every bundled symbol. */
  symbols: string[];
  /** The page terminates a run that takes longer than this. */
  timeLimitSec: number;
}

/** The page's time limit on a run, in seconds. */
export const TIME_LIMIT: NumberParam = {
  label: "Run time limit (s)",
  default: DEFAULT_TIME_LIMIT_SEC,
  min: 1,
  max: MAX_TIME_LIMIT_SEC,
  step: 5,
};

export const DEFAULT_PLAYGROUND_SETTINGS: PlaygroundSettings = {
  run: { ...DEFAULT_SETTINGS },
  symbols: [],
  timeLimitSec: TIME_LIMIT.default,
};

/**
 * One saved setting, keeping what is valid: a model spec whose model is known keeps each
 * parameter that passes its table's check on its own, so one bad number does not reset the rest.
 */
function salvage(name: SettingName, v: unknown): unknown {
  const whole = parseSetting(name, v);
  if (whole.ok) return whole.value;
  if (SETTINGS[name].kind !== "model" || typeof v !== "object" || v === null) return undefined;
  const { model, ...params } = v as Record<string, unknown>;
  const base = parseSetting(name, { model });
  if (!base.ok) return undefined;
  const kept: Record<string, unknown> = { model };
  for (const [k, x] of Object.entries(params)) if (parseSetting(name, { model, [k]: x }).ok) kept[k] = x;
  const r = parseSetting(name, kept);
  return r.ok ? r.value : base.value;
}

/**
 * Settings from localStorage (or anything else untrusted): every field checked against the
 * engine's setting tables; anything unknown or malformed falls back to its default on its
 * own, so a stale save never breaks the page.
 */
export function parsePlaygroundSettings(raw: unknown): PlaygroundSettings {
  const d = DEFAULT_PLAYGROUND_SETTINGS;
  if (typeof raw !== "object" || raw === null) return d;
  const o = raw as Record<string, unknown>;
  const r = (typeof o.run === "object" && o.run !== null ? o.run : {}) as Record<string, unknown>;
  const run: Record<string, unknown> = { ...d.run };
  for (const name of SETTING_NAMES) {
    const v = Object.hasOwn(r, name) ? salvage(name, r[name]) : undefined;
    if (v !== undefined) run[name] = v;
  }
  const symbols = Array.isArray(o.symbols)
    ? o.symbols.filter((s): s is string => typeof s === "string" && s.length > 0)
    : [];
  const t = checkNumber("timeLimitSec", TIME_LIMIT, o.timeLimitSec);
  return { run: run as unknown as RunSettings, symbols, timeLimitSec: t.ok ? t.value : d.timeLimitSec };
}
