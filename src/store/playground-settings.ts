import { DEFAULT_TIME_LIMIT_SEC } from "../runtime/run-limits";
import { DEFAULT_SETTINGS, type CommissionSpec, type RunSettings, type SlippageSpec } from "../engine/settings";

/** What the Settings panel edits: the engine's run settings plus what the page adds. */
export interface PlaygroundSettings {
  run: RunSettings;
  /** Symbols sent to the run; empty = every bundled symbol. */
  symbols: string[];
  /** The page terminates a run that takes longer than this. */
  timeLimitSec: number;
}

export { DEFAULT_TIME_LIMIT_SEC };

export const DEFAULT_PLAYGROUND_SETTINGS: PlaygroundSettings = {
  run: {
    ...DEFAULT_SETTINGS,
    commission: { model: "PerShare", cost: 0.001, minTradeCost: 0 },
    slippage: { model: "FixedBasisPointsSlippage", basisPoints: 5, volumeLimit: 0.1 },
  },
  symbols: [],
  timeLimitSec: DEFAULT_TIME_LIMIT_SEC,
};

const FILL_MODELS = ["ohlc", "close"] as const;
const POLICIES = ["path", "stopFirst", "targetFirst"] as const;
const COMMISSIONS = ["PerShare", "PerTrade", "PerDollar", "NoCommission"] as const;
const SLIPPAGES = ["FixedBasisPointsSlippage", "VolumeShareSlippage", "FixedSlippage", "NoSlippage"] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function oneOf<T extends string>(v: unknown, allowed: readonly T[], fallback: T): T {
  return typeof v === "string" && (allowed as readonly string[]).includes(v) ? (v as T) : fallback;
}

function num(v: unknown, fallback: number, min = 0): number {
  return typeof v === "number" && Number.isFinite(v) && v >= min ? v : fallback;
}

/** Copies only the finite, non-negative numeric fields named in `keys`. */
function numbers(obj: Record<string, unknown>, keys: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys)
    if (typeof obj[k] === "number" && Number.isFinite(obj[k]) && (obj[k] as number) >= 0) out[k] = obj[k] as number;
  return out;
}

function commissionOf(v: unknown): CommissionSpec | undefined {
  if (typeof v !== "object" || v === null) return undefined;
  const o = v as Record<string, unknown>;
  const model = oneOf(o.model, COMMISSIONS, "PerShare");
  if (o.model !== model) return undefined;
  return { model, ...numbers(o, ["cost", "minTradeCost"]) } as CommissionSpec;
}

function slippageOf(v: unknown): SlippageSpec | undefined {
  if (typeof v !== "object" || v === null) return undefined;
  const o = v as Record<string, unknown>;
  const model = oneOf(o.model, SLIPPAGES, "FixedBasisPointsSlippage");
  if (o.model !== model) return undefined;
  return { model, ...numbers(o, ["basisPoints", "volumeLimit", "priceImpact", "spread"]) } as SlippageSpec;
}

/**
 * Settings from localStorage (or anything else untrusted): every field checked, anything
 * unknown or malformed falls back to its default, so a stale save never breaks the page.
 */
export function parseSettings(raw: unknown): PlaygroundSettings {
  const d = DEFAULT_PLAYGROUND_SETTINGS;
  if (typeof raw !== "object" || raw === null) return d;
  const o = raw as Record<string, unknown>;
  const r = (typeof o.run === "object" && o.run !== null ? o.run : {}) as Record<string, unknown>;
  const run: RunSettings = {
    cash: num(r.cash, d.run.cash, 1),
    fillModel: oneOf(r.fillModel, FILL_MODELS, "ohlc"),
    sameBarPolicy: oneOf(r.sameBarPolicy, POLICIES, "path"),
    commission: commissionOf(r.commission) ?? d.run.commission,
    slippage: slippageOf(r.slippage) ?? d.run.slippage,
  };
  if (typeof r.start === "string" && ISO_DATE.test(r.start)) run.start = r.start;
  if (typeof r.end === "string" && ISO_DATE.test(r.end)) run.end = r.end;
  const symbols = Array.isArray(o.symbols)
    ? o.symbols.filter((s): s is string => typeof s === "string" && s.length > 0)
    : [];
  return { run, symbols, timeLimitSec: num(o.timeLimitSec, d.timeLimitSec, 1) };
}
