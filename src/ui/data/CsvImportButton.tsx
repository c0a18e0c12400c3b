import { useEffect, useRef } from "react";
import { usePlayground } from "../../store/store";
import { importCsvFile } from "./import-flow";
import { ImportProgress } from "./ImportProgress";
import { CsvFileInput } from "./CsvFileInput";
import { prepareImportWorker } from "./parse-in-worker";

export function CsvImportButton() {
  const input = useRef<HTMLInputElement>(null);
  const busy = usePlayground((s) => s.importProgress !== null);
  // The worker loads while the page is idle, before any file is chosen.
  useEffect(prepareImportWorker, []);
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
      <CsvFileInput ref={input} testId="import-csv-input" onPick={(file) => file && void importCsvFile(file)} />
    </>
  );
}
