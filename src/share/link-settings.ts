/**
 * A link's settings: the run settings that differ from the engine's defaults (the settings
 * table's `settingsDiff`), plus the page's symbol choice and time limit when set. Read back
 * with the table's own `parseSettings`, so a link can never carry a value the panel refuses.
 */
import { parseSettings, settingsDiff, type RunSettings } from "../engine/settings";

export interface LinkableSettings {
  run: RunSettings;
  /** Symbols the run loads; empty = every bundled symbol. */
  symbols: readonly string[];
  timeLimitSec: number;
}

export interface ReadSettings {
  run: RunSettings;
  symbols?: string[];
  timeLimitSec?: number;
}

/** The JSON a link carries for `s`: only what differs from the defaults. */
export function linkSettingsOf(s: LinkableSettings, defaultTimeLimitSec: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const run = settingsDiff(s.run);
  if (Object.keys(run).length > 0) out.run = run;
  if (s.symbols.length > 0) out.symbols = [...s.symbols];
  if (s.timeLimitSec !== defaultTimeLimitSec) out.timeLimitSec = s.timeLimitSec;
  return out;
}

/** A link's settings checked field by field; errors name each bad field. */
export function readLinkSettings(
  raw: Record<string, unknown>,
): { ok: true; value: ReadSettings } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  for (const k of Object.keys(raw))
    if (k !== "run" && k !== "symbols" && k !== "timeLimitSec") errors.push(`unknown setting group "${k}"`);
  const run = parseSettings(raw.run ?? {});
  if (!run.ok) errors.push(...run.errors);
  const { symbols, timeLimitSec } = raw;
  if (symbols !== undefined && !(Array.isArray(symbols) && symbols.every((x) => typeof x === "string" && x !== "")))
    errors.push("symbols must be a list of symbol names");
  if (
    timeLimitSec !== undefined &&
    !(typeof timeLimitSec === "number" && Number.isFinite(timeLimitSec) && timeLimitSec >= 1)
  )
    errors.push("timeLimitSec must be a number of seconds, 1 or more");
  if (errors.length > 0 || !run.ok) return { ok: false, errors };
  return {
    ok: true,
    value: {
      run: run.value,
      ...(symbols !== undefined ? { symbols: symbols as string[] } : {}),
      ...(timeLimitSec !== undefined ? { timeLimitSec: timeLimitSec as number } : {}),
    },
  };
}
