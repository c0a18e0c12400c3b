import { useRef, useState } from "react";
import { CsvFileInput } from "./CsvFileInput";
import { usePlayground } from "../../store/store";
import { importCsvFile } from "./import-flow";
import { ImportProgress } from "./ImportProgress";

/** The imported files: what each holds, with Replace and Remove. They stay across reloads (IndexedDB). */
export function DataPanel() {
  const imported = usePlayground((s) => s.imported);
  const removeImport = usePlayground((s) => s.removeImport);
  const close = usePlayground((s) => s.setPanel);
  const input = useRef<HTMLInputElement>(null);
  const [replacing, setReplacing] = useState<string | null>(null);
  return (
    <aside className="side-panel data-panel" data-testid="data-panel" aria-label="Imported data">
      <header className="side-panel-header">
        <h2>Imported data</h2>
        <button className="btn btn-icon" aria-label="Close imported data" onClick={() => close("none")}>
          ✕
        </button>
      </header>
      <ImportProgress bar />
      {imported.length === 0 && <p className="library-note">Nothing imported yet: use Import CSV.</p>}
      <ul className="data-list">
        {imported.map((f) => (
          <li key={f.name} className="data-row" data-testid="data-row" data-name={f.name}>
            <span className="data-name" style={{ flex: 1 }}>
              {f.name}
              <span className="data-meta">
                {" "}
                {f.symbols.join(", ")} · {(f.file.size / 1024).toFixed(0)} kB
              </span>
            </span>
            <button
              className="btn btn-small"
              data-testid="data-replace"
              onClick={() => {
                setReplacing(f.name);
                input.current?.click();
              }}
            >
              Replace
            </button>
            <button className="btn btn-small btn-danger" data-testid="data-remove" onClick={() => removeImport(f.name)}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <p className="library-note">
        Imported symbols replace bundled ones of the same name, are offered to this.symbol() and the chart, and are kept
        in this browser.
      </p>
      <CsvFileInput
        ref={input}
        testId="data-replace-input"
        onPick={(file) => {
          if (file) void importCsvFile(file, replacing ?? undefined);
          setReplacing(null);
        }}
      />
    </aside>
  );
}
