import { usePlayground } from "../../store/store";
import { applyImport } from "./import-flow";

/** Asks before an import replaces symbols that exist (bundled or imported). */
export function ImportConfirm() {
  const pending = usePlayground((s) => s.pendingImport);
  const cancel = usePlayground((s) => s.setPendingImport);
  if (!pending) return null;
  return (
    <div className="modal-backdrop">
      <div
        className="modal"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="import-confirm-title"
        data-testid="import-confirm"
      >
        <h3 id="import-confirm-title">Replace existing data?</h3>
        <p>{pending.csv.name} holds symbols that already exist:</p>
        <ul>
          {pending.replaces.map((r) => (
            <li key={r.symbol}>
              <strong>{r.symbol}</strong> — now from {r.from}
            </li>
          ))}
        </ul>
        <p>Replacing makes runs and the chart use the new file for them.</p>
        <div className="modal-actions">
          <button className="btn" data-testid="import-keep" onClick={() => cancel(null)} autoFocus>
            Keep what I have
          </button>
          <button className="btn btn-danger" data-testid="import-replace" onClick={() => applyImport(pending)}>
            Replace
          </button>
        </div>
      </div>
    </div>
  );
}
