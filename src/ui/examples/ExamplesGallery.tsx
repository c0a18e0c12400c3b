import { appStoreApi, usePlayground } from "../../store/store";
import { groupExamples } from "./example-meta";
import { EXAMPLES, type Example } from "./examples";

const GROUPS = groupExamples(EXAMPLES);

/** Loads an example as a copy in the library: the strategy that was open stays there, edits and all. */
export function ExamplesGallery() {
  const close = usePlayground((s) => s.setPanel);
  const load = (ex: Example) => {
    appStoreApi().getState().loadTemplate(ex.source, ex.title);
    close("none");
  };
  const choose = (ex: Example) => load(ex);
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
    </aside>
  );
}
