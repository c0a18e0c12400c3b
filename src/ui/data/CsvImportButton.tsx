import { useRef } from "react";
import { parseBarsCsv } from "../../engine/data/csv/csv-parser";
import { DataError } from "../../engine/data/symbol-bars";
import { appStoreApi } from "../../store/store";

/** Reads a CSV of bars; a broken file leaves everything as it was and says where it broke. */
export async function importCsvFile(file: File): Promise<void> {
  const store = appStoreApi().getState();
  const text = await file.text();
  try {
    const { bars } = parseBarsCsv(text, file.name);
    const symbols = bars.map((b) => b.symbol);
    store.addImport({ name: file.name, text, symbols });
    if (symbols[0]) store.setChartSymbol(symbols[0]);
  } catch (e) {
    store.setImportError(e instanceof DataError || e instanceof Error ? e.message : String(e));
  }
}

export function CsvImportButton() {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        className="btn"
        data-testid="import-csv"
        onClick={() => input.current?.click()}
        title="Load bars from a CSV file"
      >
        Import CSV
      </button>
      <input
        ref={input}
        type="file"
        accept=".csv,text/csv"
        hidden
        data-testid="import-csv-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (file) void importCsvFile(file);
        }}
      />
    </>
  );
}
