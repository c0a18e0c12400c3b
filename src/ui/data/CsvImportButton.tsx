import { useRef } from "react";
import { usePlayground } from "../../store/store";
import { importCsvFile } from "./import-flow";
import { ImportProgress } from "./ImportProgress";

export function CsvImportButton() {
  const input = useRef<HTMLInputElement>(null);
  const busy = usePlayground((s) => s.importProgress !== null);
  return (
    <>
      <ImportProgress />
      <button
        className="btn"
        data-testid="import-csv"
        disabled={busy}
        onClick={() => input.current?.click()}
        title="Load bars from a CSV file"
      >
        Import<span className="wide-only"> CSV</span>
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
