import { usePlayground } from "../store/store";

const TITLES: Record<string, string> = {
  compile: "Compile error",
  type: "Type error",
  runtime: "Runtime error",
  data: "Data error",
  timeout: "Time limit reached",
  internal: "Internal error",
};

/** The last run's error: what, where in the file, and at which bar. */
export function ErrorBanner() {
  const error = usePlayground((s) => s.run.error);
  const stoppedAt = usePlayground((s) => (s.run.status === "stopped" ? s.run.stoppedAt : null));
  const importError = usePlayground((s) => s.importError);
  const typeErrors = usePlayground((s) => s.typeErrorsAtRun);
  const clearImport = usePlayground((s) => s.setImportError);
  const focusCode = usePlayground((s) => s.focusCode);
  const focusChart = usePlayground((s) => s.focusChart);
  if (!error && !importError && !stoppedAt && !typeErrors) return null;
  return (
    <div className="banners">
      {stoppedAt && (
        <div className="error-banner info-banner" data-testid="stop-banner">
          <strong>Stopped</strong>
          <span className="error-message">{stoppedAt}</span>
        </div>
      )}
      {error && (
        <div className="error-banner" role="alert" data-testid="error-banner" data-kind={error.kind}>
          <strong>{TITLES[error.kind] ?? "Error"}</strong>
          {error.line !== undefined && (
            <button
              className="error-where error-jump"
              data-testid="error-line"
              title="Put the cursor there"
              onClick={() => focusCode(error.line!, error.column)}
            >
              line {error.line}
              {error.column !== undefined ? `:${error.column}` : ""}
            </button>
          )}
          {error.hook && <span className="error-where">in {error.hook}</span>}
          {error.barTime && (
            <button
              className="error-where error-jump"
              data-testid="error-bar-time"
              title="Show this bar on the chart"
              onClick={() => focusChart(Date.parse(error.barTime!))}
            >
              bar {error.barTime.slice(0, 10)}
            </button>
          )}
          <span className="error-message" data-testid="error-message">
            {error.message}
          </span>
        </div>
      )}
      {typeErrors && !error && (
        <div className="error-banner info-banner" data-testid="type-errors-banner">
          <strong>Ran with type errors</strong>
          <button
            className="error-where error-jump"
            data-testid="type-errors-line"
            title="Put the cursor there"
            onClick={() => focusCode(typeErrors.line, typeErrors.column)}
          >
            line {typeErrors.line}:{typeErrors.column}
          </button>
          <span className="error-message">
            {typeErrors.message.replace(/\.$/, "")}
            {typeErrors.count > 1 ? ` (and ${typeErrors.count - 1} more)` : ""}. The command line refuses this code
            until they are fixed.
          </span>
        </div>
      )}
      {importError && (
        <div className="error-banner" role="alert" data-testid="import-error">
          <strong>CSV import failed</strong>
          <span className="error-message">{importError}</span>
          <button className="link-button" onClick={() => clearImport(null)} aria-label="Dismiss">
            ✕
          </button>
        </div>
      )}
    </div>
  );
}
