/**
 * `window.playground`: what the page exposes for browser tests and for people poking at it
 * from the console. Each part of the page adds its own piece (`editor`, `markers`, `chart`);
 * nothing here can run user code.
 */
export function extendDebugApi(part: Record<string, unknown>): void {
  const w = window as unknown as { playground?: Record<string, unknown> };
  w.playground = Object.assign(w.playground ?? {}, part);
}
