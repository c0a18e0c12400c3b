/**
 * A run that takes the whole tab down with it. Chromium ends the page's renderer when a worker
 * exhausts its memory (an allocation bomb), so no message and no error event ever arrives. The
 * page leaves a mark while a run goes on and clears it when the run ends or the page is left;
 * a mark found on load means the last run crashed the page, and says so. (localStorage, not
 * sessionStorage: a crashed tab is often closed, and the user comes back in a new one.)
 */
const KEY = "sp.run-in-progress.v1";

export function markRunStarted(): void {
  try {
    localStorage.setItem(KEY, String(Date.now()));
  } catch {
    // Storage may be unavailable (private mode): the report is a courtesy.
  }
}

export function markRunEnded(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // see markRunStarted
  }
}

/** Whether a page died during a run (read once, on load). */
export function takeCrashedRun(): boolean {
  try {
    const mark = localStorage.getItem(KEY);
    localStorage.removeItem(KEY);
    return mark !== null;
  } catch {
    return false;
  }
}

export const CRASHED_RUN_MESSAGE =
  "the last run ended the page: the browser stops a tab whose run worker takes all its memory, so the strategy most likely ran out of memory (an array or a log that grows every bar?). Your code and settings are as you left them.";
