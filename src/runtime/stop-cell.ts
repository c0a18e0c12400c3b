/**
 * The page's Stop, in shared memory (only on a cross-origin isolated page): the page sets the cell;
 * the run's bar loop looks at it after every bar (one atomic read), posts the bars and events it
 * has not sent yet and ends with a `stopped` message (run-session.ts). The page then has every bar
 * up to the one the Stop names, instead of losing the last batch's worth of them to `terminate()`.
 * A worker stuck in user code never looks: the page terminates it after a short wait
 * (run-controller.ts). One Int32; plain JavaScript.
 */
export const STOP_CELL_BYTES = 4;

export function makeStopCell(): SharedArrayBuffer {
  return new SharedArrayBuffer(STOP_CELL_BYTES);
}

/** The page asks the run to stop. */
export function askToStop(buf: SharedArrayBuffer): void {
  Atomics.store(new Int32Array(buf, 0, 1), 0, 1);
}

/** The worker's look at the cell: whether the page asked the run to stop. */
export function stopAskedOf(buf: SharedArrayBuffer): () => boolean {
  const cell = new Int32Array(buf, 0, 1);
  return () => Atomics.load(cell, 0) !== 0;
}
