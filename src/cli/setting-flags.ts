import {
  DEFAULT_SETTINGS,
  type Parsed,
  type RunSettings,
  SETTING_NAMES,
  SETTINGS,
  type SettingEntry,
  type SettingName,
} from "../engine/settings";
import { checkIsoDate, parseNumberText } from "../engine/settings/setting-kinds";

/** `--flag` → the run setting it sets, for every setting in the engine's table. */
const BY_FLAG = new Map<string, SettingName>(SETTING_NAMES.map((name) => [`--${SETTINGS[name].flag}`, name]));

/** The setting a command-line flag sets, if it is a setting flag. */
export function settingOfFlag(flag: string): SettingName | undefined {
  return BY_FLAG.get(flag);
}

/** A setting flag's value text, checked against the setting's table; errors name the flag. */
export function parseSettingFlag(name: SettingName, text: string): Parsed<unknown> {
  const entry: SettingEntry = SETTINGS[name];
  const flag = `--${entry.flag}`;
  switch (entry.kind) {
    case "date":
      return checkIsoDate(flag, text);
    case "number":
      return parseNumberText(flag, entry.param, text);
    case "choice":
      return entry.choice.parse(flag, text);
    case "model": {
      const r = entry.model.parseText(flag, text);
      return r.ok ? { ok: true, value: entry.model.complete(r.value) } : r;
    }
  }
}

/** Defaults for what the flags did not set. */
export function withDefaults(set: Partial<RunSettings>): RunSettings {
  return { ...DEFAULT_SETTINGS, ...set };
}

function usageOf(name: SettingName): string {
  const e: SettingEntry = SETTINGS[name];
  const flag = `--${e.flag}`;
  switch (e.kind) {
    case "date":
      return `[${flag} ${e.example}]`;
    case "number":
      return `[${flag} ${e.param.default}]`;
    case "choice":
      return `[${flag} ${e.choice.values.join("|")}]`;
    case "model":
      return `[${flag} <model>[:<param>=<value>,...]]`;
  }
}

/** The usage text's setting flags, in the table's order. */
export const SETTING_FLAGS_USAGE: readonly string[] = SETTING_NAMES.map(usageOf);

/** One line per model setting: each model with its parameters at their defaults. */
export const MODEL_FLAGS_HELP: string = SETTING_NAMES.flatMap((name) => {
  const e: SettingEntry = SETTINGS[name];
  if (e.kind !== "model") return [];
  const models = e.model.values.map(
    (m: string) => e.model.toText(e.model.defaults(m)) + (m === e.model.default ? " (default)" : ""),
  );
  return [`  --${e.flag.padEnd(11)} ${models.join(", ")}`];
}).join("\n");
