import { type RunSettings, SETTINGS, type SettingEntry, type SettingName } from "../../engine/settings";
import { useState } from "react";
import { checkNumber, numberText, rangeText, type NumberParam } from "../../engine/settings/setting-kinds";

/** `minTradeCost` → `min-trade-cost`, for test ids. */
const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * A number setting. What is typed stays in the field as typed, so a field can be cleared and
 * typed afresh; a value out of the table's range is not taken, and the field says so under it
 * (and what the run keeps using) until it is corrected. A value set elsewhere (a link, a reload)
 * replaces what was typed.
 */
export function NumberField(props: {
  label: string;
  value: number | undefined;
  param: NumberParam;
  testId: string;
  onChange(v: number): void;
}) {
  const p = props.param;
  const [draft, setDraft] = useState<string | null>(null);
  const [seen, setSeen] = useState(props.value);
  if (props.value !== seen) {
    setSeen(props.value);
    if (draft !== null && Number(draft) !== props.value) setDraft(null);
  }
  const problem = draft !== null && !checkNumber(props.label, p, typedNumber(draft)).ok;
  return (
    <label className="field">
      <span>{props.label}</span>
      <input
        type="number"
        data-testid={props.testId}
        value={draft ?? props.value ?? ""}
        step={p.step ?? "any"}
        min={p.min}
        max={p.max}
        aria-invalid={problem}
        onChange={(e) => {
          setDraft(e.target.value);
          const r = checkNumber(props.label, p, typedNumber(e.target.value));
          if (r.ok) props.onChange(r.value);
        }}
        onBlur={() => {
          if (!problem) setDraft(null);
        }}
      />
      {problem && (
        <span className="field-error" role="alert" data-testid={`${props.testId}-error`}>
          Needs a number {rangeText(p)}: runs keep {props.value === undefined ? "the default" : numberText(props.value)}
          .
        </span>
      )}
    </label>
  );
}

/** The number in a field's text ("" and what the browser cannot read as a number are NaN). */
const typedNumber = (text: string) => (text.trim() === "" ? NaN : Number(text));

function Select(props: {
  label?: string;
  testId: string;
  value: string;
  options: readonly string[];
  labelOf(v: string): string;
  onChange(v: string): void;
}) {
  const select = (
    <select data-testid={props.testId} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
      {props.options.map((v) => (
        <option key={v} value={v}>
          {props.labelOf(v)}
        </option>
      ))}
    </select>
  );
  if (props.label === undefined) return select;
  return (
    <label className="field">
      <span>{props.label}</span>
      {select}
    </label>
  );
}

/**
 * The editor of one run setting, drawn from its entry in the engine's settings table:
 * a date, a number, a choice, or a model with its parameters. Test id `setting-<flag>`.
 */
export function SettingField(props: {
  name: SettingName;
  settings: RunSettings;
  onChange(patch: Partial<RunSettings>): void;
}) {
  const { name, settings } = props;
  const entry: SettingEntry = SETTINGS[name];
  const testId = `setting-${entry.flag}`;
  const set = (v: unknown) => props.onChange({ [name]: v } as Partial<RunSettings>);
  switch (entry.kind) {
    case "date":
      return (
        <label className="field">
          <span>{entry.label}</span>
          <input
            type="date"
            data-testid={testId}
            value={(settings[name] as string | undefined) ?? ""}
            onChange={(e) => set(e.target.value || undefined)}
          />
        </label>
      );
    case "number":
      return (
        <NumberField
          label={entry.param.label}
          param={entry.param}
          testId={testId}
          value={settings[name] as number}
          onChange={set}
        />
      );
    case "choice": {
      const c = entry.choice;
      return (
        <Select
          label={c.label}
          testId={testId}
          value={settings[name] as string}
          options={c.values}
          labelOf={(v) => c.labels[v]!}
          onChange={set}
        />
      );
    }
    case "model": {
      const m = entry.model;
      const spec = m.complete((settings[name] ?? m.defaults(m.default)) as never) as Record<string, number> & {
        model: string;
      };
      const params = Object.entries(m.models[spec.model]!.params as Record<string, NumberParam>);
      return (
        <>
          <Select
            testId={testId}
            value={spec.model}
            options={m.values}
            labelOf={(v) => m.models[v]!.label}
            onChange={(model) => set(m.defaults(model))}
          />
          {params.map(([key, p]) => (
            <NumberField
              key={key}
              label={p.label}
              param={p}
              testId={`${testId}-${kebab(key)}`}
              value={spec[key]}
              onChange={(v) => set({ ...spec, [key]: v })}
            />
          ))}
        </>
      );
    }
  }
}
