/**
 * Gives the page a turn (input, paint) before the caller goes on: long work split with it never
 * holds the main thread for long. `scheduler.yield` where the browser has it (the continuation
 * keeps its place ahead of other work), else a message to itself (no 4 ms timer clamp).
 */
export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((done) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => done();
    ch.port2.postMessage(null);
  });
}
