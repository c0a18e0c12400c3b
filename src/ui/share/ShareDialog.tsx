import { usePlayground } from "../../store/store";
import { copyToClipboard } from "./ShareButton";

/** The link just made: copied already, with Copy again and Open in a new tab. */
export function ShareDialog() {
  const d = usePlayground((s) => s.shareDialog);
  const set = usePlayground((s) => s.setShareDialog);
  if (!d) return null;
  const close = () => set(null);
  return (
    <div className="modal-backdrop" onClick={close}>
      <div
        className="modal share-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="share-title"
        data-testid="share-dialog"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.key === "Escape" && close()}
      >
        <h3 id="share-title">Share this strategy</h3>
        <p className="share-status" data-testid="share-status">
          {d.copied ? "Link copied to the clipboard." : "Copy the link below."}{" "}
          {d.fillsHash
            ? `It carries your fills hash ${d.fillsHash}, so the receiver can check their run matches yours.`
            : "Run first to include your fills hash, so the receiver can check their result."}
        </p>
        <textarea
          className="share-url"
          data-testid="share-url"
          readOnly
          value={d.url}
          rows={4}
          onFocus={(e) => e.currentTarget.select()}
        />
        <p className="share-meta">
          {d.url.length.toLocaleString()} characters
          {d.named.length > 0 &&
            ` · too big to carry, named only (the receiver is asked to import them): ${d.named.join(", ")}`}
        </p>
        <div className="modal-actions">
          <button
            className="btn"
            data-testid="share-copy"
            onClick={() => void copyToClipboard(d.url).then((copied) => set({ ...d, copied }))}
          >
            Copy again
          </button>
          <a className="btn" data-testid="share-open" href={d.url} target="_blank" rel="noopener noreferrer">
            Open in a new tab
          </a>
          <button className="btn" data-testid="share-close" onClick={close} autoFocus>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
