import { SETTINGS, type SettingName } from "../../engine/settings";
import { DEFAULT_PLAYGROUND_SETTINGS, TIME_LIMIT } from "../../store/playground-settings";
import { usePlayground } from "../../store/store";
import { SAMPLE_SYMBOLS } from "../data/sample-data";
import { symbolsSetting } from "./symbols-setting";
import { NumberField, SettingField } from "./SettingField";

/**
 * Where each run setting sits in the panel. Every setting of the engine's table must be
 * placed: the check below fails the type check when one is added and not placed here.
 */
const ACCOUNT_AND_FILLS = ["cash", "fillModel", "sameBarPolicy"] as const satisfies readonly SettingName[];
const DATES = ["start", "end"] as const satisfies readonly SettingName[];
const MODELS = ["commission", "slippage"] as const satisfies readonly SettingName[];
type Placed = (typeof ACCOUNT_AND_FILLS | typeof DATES | typeof MODELS)[number];
const everySettingPlaced: [Exclude<SettingName, Placed>] extends [never] ? true : Exclude<SettingName, Placed> = true;
void everySettingPlaced;

/** Run settings; the strategy's initialize() may still override cash, commission and slippage. */
export function SettingsPanel() {
  const settings = usePlayground((s) => s.settings);
  const update = usePlayground((s) => s.updateSettings);
  const updateRun = usePlayground((s) => s.updateRunSettings);
  const close = usePlayground((s) => s.setPanel);
  const imported = usePlayground((s) => s.imported);
  const run = settings.run;
  const all = SAMPLE_SYMBOLS;
  const importedSymbols = imported.flatMap((c) => c.symbols);
  const selected = new Set(settings.symbols.length ? settings.symbols : all);
  const checked = all.filter((s) => selected.has(s));
  const toggle = (sym: string) => {
    const next = new Set(selected);
    if (next.has(sym)) next.delete(sym);
    else next.add(sym);
    update({
      symbols: symbolsSetting(
        all.filter((s) => next.has(s)),
        all,
        importedSymbols,
      ),
    });
  };
  // Some data must stay: without an import, the last checked sample cannot be unchecked.
  const lastOne = (sym: string) => importedSymbols.length === 0 && checked.length === 1 && checked[0] === sym;
  return (
    <aside className="side-panel" data-testid="settings-panel" aria-label="Settings">
      <header className="side-panel-header">
        <h2>Run settings</h2>
        <button className="btn btn-icon" aria-label="Close settings" onClick={() => close("none")}>
          ✕
        </button>
      </header>
      <fieldset>
        <legend>Data</legend>
        <div className="symbol-grid">
          {all.map((sym) => (
            <label key={sym} className="check">
              <input
                type="checkbox"
                data-testid={`symbol-${sym}`}
                checked={selected.has(sym)}
                disabled={lastOne(sym)}
                onChange={() => toggle(sym)}
              />{" "}
              {sym}
            </label>
          ))}
        </div>
        {imported.length > 0 && <p className="muted">Imported (always sent): {importedSymbols.join(", ")}</p>}
        <div className="field-row">
          {DATES.map((name) => (
            <SettingField key={name} name={name} settings={run} onChange={updateRun} />
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>Account and fills</legend>
        {ACCOUNT_AND_FILLS.map((name) => (
          <SettingField key={name} name={name} settings={run} onChange={updateRun} />
        ))}
      </fieldset>
      {MODELS.map((name) => (
        <fieldset key={name}>
          <legend>{SETTINGS[name].model.label}</legend>
          <SettingField name={name} settings={run} onChange={updateRun} />
        </fieldset>
      ))}
      <fieldset>
        <legend>Limits</legend>
        <NumberField
          label={TIME_LIMIT.label}
          param={TIME_LIMIT}
          testId="setting-time-limit"
          value={settings.timeLimitSec}
          onChange={(timeLimitSec) => update({ timeLimitSec })}
        />
      </fieldset>
      <button className="btn" data-testid="settings-reset" onClick={() => update(DEFAULT_PLAYGROUND_SETTINGS)}>
        Reset to defaults
      </button>
    </aside>
  );
}
