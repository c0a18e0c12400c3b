import { useState } from "react";
import type { LibraryEntry } from "../../store/library/library-entry";
import { entryName } from "../../store/library/library-entry";
import { usePlayground } from "../../store/store";

const ORIGIN_LABELS: Record<LibraryEntry["origin"], string> = {
  own: "",
  example: "from an example",
  link: "from a link",
};

function Row({ entry, open }: { entry: LibraryEntry; open: boolean }) {
  const code = usePlayground((s) => (open ? s.code : entry.code));
  const openStrategy = usePlayground((s) => s.openStrategy);
  const renameStrategy = usePlayground((s) => s.renameStrategy);
  const duplicateStrategy = usePlayground((s) => s.duplicateStrategy);
  const deleteStrategy = usePlayground((s) => s.deleteStrategy);
  const [editing, setEditing] = useState(false);
  const name = entryName(entry, code);
  return (
    <li
      className={`library-row ${open ? "library-open" : ""}`}
      data-testid="library-row"
      data-name={name}
      data-origin={entry.origin}
    >
      {editing ? (
        <input
          className="library-rename"
          data-testid="library-rename-input"
          defaultValue={name}
          autoFocus
          aria-label="Strategy name"
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              renameStrategy(entry.id, e.currentTarget.value);
              setEditing(false);
            } else if (e.key === "Escape") setEditing(false);
          }}
          onBlur={(e) => {
            renameStrategy(entry.id, e.currentTarget.value);
            setEditing(false);
          }}
        />
      ) : (
        <button className="library-name" data-testid="library-open" onClick={() => openStrategy(entry.id)} title="Open">
          <span>{name}</span>
          {ORIGIN_LABELS[entry.origin] && <span className="library-origin">{ORIGIN_LABELS[entry.origin]}</span>}
        </button>
      )}
      <span className="library-actions">
        <button className="btn btn-small" data-testid="library-rename" onClick={() => setEditing(true)}>
          Rename
        </button>
        <button className="btn btn-small" data-testid="library-duplicate" onClick={() => duplicateStrategy(entry.id)}>
          Duplicate
        </button>
        <button
          className="btn btn-small btn-danger"
          data-testid="library-delete"
          onClick={() => deleteStrategy(entry.id)}
        >
          Delete
        </button>
      </span>
    </li>
  );
}

/** The user's strategies: open, new, rename, duplicate, delete (with undo). */
export function LibraryPanel() {
  const library = usePlayground((s) => s.library);
  const openId = usePlayground((s) => s.openId);
  const deleted = usePlayground((s) => s.deleted);
  const newStrategy = usePlayground((s) => s.newStrategy);
  const undoDelete = usePlayground((s) => s.undoDelete);
  const close = usePlayground((s) => s.setPanel);
  return (
    <aside className="side-panel library" data-testid="library-panel" aria-label="My strategies">
      <header className="side-panel-header">
        <h2>My strategies</h2>
        <span>
          <button className="btn" data-testid="library-new" onClick={newStrategy}>
            + New
          </button>
          <button className="btn btn-icon" aria-label="Close library" onClick={() => close("none")}>
            ✕
          </button>
        </span>
      </header>
      {deleted && (
        <div className="library-undo" data-testid="library-undo-bar">
          Deleted “{deleted.entry.name}”.{" "}
          <button className="btn btn-small" data-testid="library-undo" onClick={undoDelete}>
            Undo
          </button>
        </div>
      )}
      <ul className="library-list">
        {library.map((e) => (
          <Row key={e.id} entry={e} open={e.id === openId} />
        ))}
      </ul>
      <p className="library-note">Saved in this browser (IndexedDB) as you type.</p>
    </aside>
  );
}
