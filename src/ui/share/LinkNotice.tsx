import { compareWithSender } from "../../store/link-comparison";
import { acceptHeldImports } from "../../store/open-link";
import { appStoreApi, usePlayground } from "../../store/store";

/** How a run that left no result ended, in the notice's words. */
const UNFINISHED: Record<"error" | "stopped" | "timeout", string> = {
  error: "stopped at an error",
  stopped: "was stopped",
  timeout: "reached the time limit",
};

const KIND_TITLES: Record<string, string> = {
  truncated: "Link cut short",
  tampered: "Link damaged",
  "unknown-version": "Link from another version",
  oversized: "Link too big",
  "not-ours": "Not a playground link",
};

/** Says a strategy came from a link and has not run, then whether the run matches the sender's. */
export function LinkNotice() {
  const notice = usePlayground((s) => s.linkNotice);
  const dismiss = usePlayground((s) => s.setLinkNotice);
  const openId = usePlayground((s) => s.openId);
  const library = usePlayground((s) => s.library);
  const results = usePlayground((s) => s.results);
  const run = usePlayground((s) => s.run);
  const lastRunInput = usePlayground((s) => s.lastRunInput);
  const imported = usePlayground((s) => s.imported);
  const comparison = compareWithSender({ library, openId, results, run, lastRunInput, imported });
  if (!notice) return null;
  if (notice.kind === "bad")
    return (
      <div className="link-notice link-bad" role="alert" data-testid="link-notice" data-kind={notice.error.kind}>
        <strong>{KIND_TITLES[notice.error.kind]}</strong>
        <span data-testid="link-message">{notice.error.message} Your own strategies are untouched.</span>
        <button className="btn btn-icon" aria-label="Dismiss" onClick={() => dismiss(null)}>
          ✕
        </button>
      </div>
    );
  if (notice.entryId !== openId || !comparison) return null;
  let body;
  if (comparison.kind === "not-run")
    body = (
      <span data-testid="link-message">
        This strategy came from a link and has not run. Read it, then press Run. It was added to your library as a new
        strategy; your own work is untouched.
      </span>
    );
  else if (comparison.kind === "running")
    body = (
      <span data-testid="link-message">Running: its result is compared with the sender's when the run finishes.</span>
    );
  else if (comparison.kind === "unfinished")
    body = (
      <span data-testid="link-message">
        The run {UNFINISHED[comparison.status]}, so there is no result to compare with the sender's. Read the code, then
        press Run again.
      </span>
    );
  else if (comparison.kind === "same")
    body = (
      <span data-testid="link-message" data-match="same">
        Same result as the sender: fills hash {comparison.hash} matches theirs.
      </span>
    );
  else if (comparison.kind === "no-sender-hash")
    body = (
      <span data-testid="link-message" data-match="unknown">
        The sender had not run this strategy, so there is nothing to compare; your fills hash is {comparison.hash}.
      </span>
    );
  else
    body = (
      <span data-testid="link-message" data-match="differs">
        Different result from the sender: your fills hash {comparison.hash}, theirs {comparison.senderHash}. Likely
        reason: {comparison.reasons.join("; ")}.
      </span>
    );
  return (
    <div
      className={`link-notice ${comparison.kind === "differs" ? "link-differs" : ""}`}
      role="status"
      data-testid="link-notice"
      data-kind={comparison.kind}
    >
      <strong>From a link</strong>
      {body}
      {notice.missing.length > 0 && (
        <span className="link-missing" data-testid="link-missing">
          It needs data it could not carry: import{" "}
          {notice.missing.map((m) => `${m.name} (${m.symbols.join(", ")})`).join(", ")}.
        </span>
      )}
      {notice.keptOwn.length > 0 && (
        <span className="link-missing">Your own import was kept over the link's {notice.keptOwn.join(", ")}.</span>
      )}
      {notice.refused.map((f, i) => (
        <span key={i} className="link-missing" data-testid="link-refused">
          The link&apos;s {f.name} was not imported: {f.why}.
        </span>
      ))}
      {notice.held.length > 0 && (
        <span className="link-missing" data-testid="link-held">
          The link carries {notice.held.map((f) => `${f.name} (${f.symbols.join(", ")})`).join(", ")}, which would
          replace bundled data in all your strategies: not imported.{" "}
          <button
            className="btn btn-small"
            data-testid="link-use-held"
            onClick={() => acceptHeldImports(appStoreApi())}
          >
            Use the link&apos;s data
          </button>
        </span>
      )}
      <button className="btn btn-icon" aria-label="Dismiss" onClick={() => dismiss(null)}>
        ✕
      </button>
    </div>
  );
}
