/** An error shown to the user: what went wrong and, where known, where in their file. */
export interface UserError {
  kind: "compile" | "type" | "runtime" | "data" | "timeout" | "internal";
  message: string;
  file?: string;
  /** 1-based. */
  line?: number;
  /** 1-based. */
  column?: number;
  /** ISO time of the bar being processed, for runtime errors. */
  barTime?: string;
  /** The hook that was running (initialize, handleData, ...). */
  hook?: string;
}

export class UserFacingError extends Error {
  constructor(readonly detail: UserError) {
    super(formatUserError(detail));
    this.name = "UserFacingError";
  }
}

/** `file:line:col: message (in handleData at 2020-01-02)` — the CLI's and the log's one-liner. */
export function formatUserError(e: UserError): string {
  const where = e.file ? `${e.file}${e.line ? `:${e.line}${e.column ? `:${e.column}` : ""}` : ""}: ` : "";
  const when = e.hook ? ` (in ${e.hook}${e.barTime ? ` at bar ${e.barTime}` : ""})` : "";
  return `${where}${e.message}${when}`;
}
