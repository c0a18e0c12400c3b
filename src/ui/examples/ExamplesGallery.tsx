import { useState } from "react";
import { appStoreApi, usePlayground } from "../../store/store";
import { groupExamples } from "./example-meta";
import { EXAMPLES, type Example } from "./examples";

const GROUPS = groupExamples(EXAMPLES);

/** Loads an example; edits that differ from what was loaded are never dropped without asking. */
export function ExamplesGallery() {
  const close = usePlayground((s) => s.setPanel);
  const [pending, setPending] = useState<Example | null>(null);
  const load = (ex: Example) => {
    appStoreApi().getState().loadTemplate(ex.source, ex.title);
    setPending(null);
    close("none");
  };
  const choose = (ex: Example) => {
    const { code, baseline } = appStoreApi().getState();
    if (code !== baseline && code !== ex.source) setPending(ex);
    else load(ex);
  };
  return (
    <aside className="side-panel gallery" data-testid="examples-gallery" aria-label="Examples">
      <header className="side-panel-header">
        <h2>Examples</h2>
        <button className="btn btn-icon" aria-label="Close examples" onClick={() => close("none")}>
          ✕
        </button>
      </header>
      {GROUPS.map((g) => (
        <section key={g.category} className="gallery-group">
          <h3>{g.category}</h3>
          <ul>
            {g.examples.map((ex) => (
              <li key={ex.id}>
                <button className="gallery-item" data-testid={`example-${ex.id}`} onClick={() => choose(ex)}>
                  <span className="gallery-title">{ex.title}</span>
                  {ex.description && <span className="gallery-desc">{ex.description}</span>}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {pending && (
        <div className="modal-backdrop">
          <div
            className="modal"
            role="alertdialog"
            aria-modal="true"
            aria-labelledby="confirm-title"
            data-testid="confirm-dialog"
            onKeyDown={(e) => e.key === "Escape" && setPending(null)}
          >
            <h3 id="confirm-title">Replace your edits?</h3>
            <p>
              The editor has changes that are not in any example. Loading “{pending.title}” replaces them. (Copy them
              first if you want to keep them.)
            </p>
            <div className="modal-actions">
              <button className="btn" data-testid="confirm-cancel" onClick={() => setPending(null)} autoFocus>
                Keep my code
              </button>
              <button className="btn btn-danger" data-testid="confirm-replace" onClick={() => load(pending)}>
                Replace with example
              </button>
            </div>
          </div>
        </div>
      )}
    </aside>
  );
}
