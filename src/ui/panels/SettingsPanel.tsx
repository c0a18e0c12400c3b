import type { CommissionSpec, SlippageSpec } from "../../engine/settings";
import { DEFAULT_PLAYGROUND_SETTINGS } from "../../store/playground-settings";
import { usePlayground } from "../../store/store";
import { SAMPLE_SYMBOLS } from "../data/sample-data";

function NumberField(props: {
  label: string;
  value: number | undefined;
  step?: number;
  min?: number;
  testId: string;
  onChange(v: number): void;
}) {
  return (
    <label className="field">
      <span>{props.label}</span>
      <input
        type="number"
        data-testid={props.testId}
        value={props.value ?? ""}
        step={props.step ?? "any"}
        min={props.min ?? 0}
        onChange={(e) => {
          const v = e.target.valueAsNumber;
          if (Number.isFinite(v) && v >= (props.min ?? 0)) props.onChange(v);
        }}
      />
    </label>
  );
}

const COMMISSION_DEFAULTS: Record<CommissionSpec["model"], CommissionSpec> = {
  PerShare: { model: "PerShare", cost: 0.001, minTradeCost: 0 },
  PerTrade: { model: "PerTrade", cost: 1 },
  PerDollar: { model: "PerDollar", cost: 0.0015 },
  NoCommission: { model: "NoCommission" },
};
const SLIPPAGE_DEFAULTS: Record<SlippageSpec["model"], SlippageSpec> = {
  FixedBasisPointsSlippage: { model: "FixedBasisPointsSlippage", basisPoints: 5, volumeLimit: 0.1 },
  VolumeShareSlippage: { model: "VolumeShareSlippage", volumeLimit: 0.025, priceImpact: 0.1 },
  FixedSlippage: { model: "FixedSlippage", spread: 0.02 },
  NoSlippage: { model: "NoSlippage" },
};

/** Run settings; the strategy's initialize() may still override cash, commission and slippage. */
export function SettingsPanel() {
  const settings = usePlayground((s) => s.settings);
  const update = usePlayground((s) => s.updateSettings);
  const updateRun = usePlayground((s) => s.updateRunSettings);
  const close = usePlayground((s) => s.setPanel);
  const imported = usePlayground((s) => s.imported);
  const run = settings.run;
  const commission = run.commission ?? COMMISSION_DEFAULTS.PerShare;
  const slippage = run.slippage ?? SLIPPAGE_DEFAULTS.FixedBasisPointsSlippage;
  const all = SAMPLE_SYMBOLS;
  const selected = new Set(settings.symbols.length ? settings.symbols : all);
  const toggle = (sym: string) => {
    const next = new Set(selected);
    if (next.has(sym)) next.delete(sym);
    else next.add(sym);
    const list = all.filter((s) => next.has(s));
    update({ symbols: list.length === all.length ? [] : list });
  };
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
                onChange={() => toggle(sym)}
              />{" "}
              {sym}
            </label>
          ))}
        </div>
        {imported.length > 0 && (
          <p className="muted">Imported (always sent): {imported.flatMap((c) => c.symbols).join(", ")}</p>
        )}
        <div className="field-row">
          <label className="field">
            <span>Start</span>
            <input
              type="date"
              data-testid="setting-start"
              value={run.start ?? ""}
              onChange={(e) => updateRun({ start: e.target.value || undefined })}
            />
          </label>
          <label className="field">
            <span>End</span>
            <input
              type="date"
              data-testid="setting-end"
              value={run.end ?? ""}
              onChange={(e) => updateRun({ end: e.target.value || undefined })}
            />
          </label>
        </div>
      </fieldset>
      <fieldset>
        <legend>Account and fills</legend>
        <NumberField
          label="Starting cash"
          testId="setting-cash"
          value={run.cash}
          min={1}
          step={1000}
          onChange={(cash) => updateRun({ cash })}
        />
        <label className="field">
          <span>Fill model</span>
          <select
            data-testid="setting-fill-model"
            value={run.fillModel}
            onChange={(e) => updateRun({ fillModel: e.target.value as "ohlc" | "close" })}
          >
            <option value="ohlc">ohlc: walk each bar's open → high/low → close</option>
            <option value="close">close: fill at the close (zipline)</option>
          </select>
        </label>
        <label className="field">
          <span>Same-bar policy</span>
          <select
            data-testid="setting-same-bar"
            value={run.sameBarPolicy}
            onChange={(e) => updateRun({ sameBarPolicy: e.target.value as "path" | "stopFirst" | "targetFirst" })}
          >
            <option value="path">path: the price path decides</option>
            <option value="stopFirst">stopFirst: assume the stop hit first</option>
            <option value="targetFirst">targetFirst: assume the target hit first</option>
          </select>
        </label>
      </fieldset>
      <fieldset>
        <legend>Commission</legend>
        <select
          data-testid="setting-commission"
          value={commission.model}
          onChange={(e) => updateRun({ commission: COMMISSION_DEFAULTS[e.target.value as CommissionSpec["model"]] })}
        >
          <option value="PerShare">per share</option>
          <option value="PerTrade">per trade</option>
          <option value="PerDollar">per dollar</option>
          <option value="NoCommission">none</option>
        </select>
        {commission.model !== "NoCommission" && (
          <NumberField
            label="Cost"
            testId="setting-commission-cost"
            value={commission.cost}
            onChange={(cost) => updateRun({ commission: { ...commission, cost } })}
          />
        )}
        {commission.model === "PerShare" && (
          <NumberField
            label="Minimum per order"
            testId="setting-commission-min"
            value={commission.minTradeCost}
            onChange={(minTradeCost) => updateRun({ commission: { ...commission, minTradeCost } })}
          />
        )}
      </fieldset>
      <fieldset>
        <legend>Slippage</legend>
        <select
          data-testid="setting-slippage"
          value={slippage.model}
          onChange={(e) => updateRun({ slippage: SLIPPAGE_DEFAULTS[e.target.value as SlippageSpec["model"]] })}
        >
          <option value="FixedBasisPointsSlippage">fixed basis points</option>
          <option value="VolumeShareSlippage">volume share</option>
          <option value="FixedSlippage">fixed spread</option>
          <option value="NoSlippage">none</option>
        </select>
        {slippage.model === "FixedBasisPointsSlippage" && (
          <NumberField
            label="Basis points"
            testId="setting-bps"
            value={slippage.basisPoints}
            onChange={(basisPoints) => updateRun({ slippage: { ...slippage, basisPoints } })}
          />
        )}
        {(slippage.model === "FixedBasisPointsSlippage" || slippage.model === "VolumeShareSlippage") && (
          <NumberField
            label="Volume limit (share of bar volume)"
            testId="setting-volume-limit"
            value={slippage.volumeLimit}
            step={0.005}
            onChange={(volumeLimit) => updateRun({ slippage: { ...slippage, volumeLimit } })}
          />
        )}
        {slippage.model === "VolumeShareSlippage" && (
          <NumberField
            label="Price impact"
            testId="setting-price-impact"
            value={slippage.priceImpact}
            step={0.01}
            onChange={(priceImpact) => updateRun({ slippage: { ...slippage, priceImpact } })}
          />
        )}
        {slippage.model === "FixedSlippage" && (
          <NumberField
            label="Spread ($)"
            testId="setting-spread"
            value={slippage.spread}
            step={0.01}
            onChange={(spread) => updateRun({ slippage: { ...slippage, spread } })}
          />
        )}
      </fieldset>
      <fieldset>
        <legend>Limits</legend>
        <NumberField
          label="Run time limit (s)"
          testId="setting-time-limit"
          value={settings.timeLimitSec}
          min={1}
          step={5}
          onChange={(timeLimitSec) => update({ timeLimitSec })}
        />
      </fieldset>
      <button className="btn" data-testid="settings-reset" onClick={() => update(DEFAULT_PLAYGROUND_SETTINGS)}>
        Reset to defaults
      </button>
    </aside>
  );
}
