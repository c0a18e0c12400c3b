/**
 * Runs `work` when the page is next idle (within `timeoutMs` at the latest; at once where the
 * browser cannot say): work done ahead of a run, so the run does not pay for it.
 */
export function whenIdle(work: () => void, timeoutMs = 2000): void {
  if (typeof requestIdleCallback === "function") requestIdleCallback(() => work(), { timeout: timeoutMs });
  else work();
}
