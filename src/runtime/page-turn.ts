/**
 * The page's turn: while the page draws what a run has sent so far, the run worker waits, so that
 * the page's main thread is not one of three or four threads sharing the machine's cores.
 *
 * On a 2-core machine the run worker, V8's compilers for its code and the page's drawing compete:
 * a 20–30 ms paint of the charts took 60–90 ms of wall time, a long task the page froze for. The
 * page takes a turn (`PageTurnGiver.take`) when it applies a batch to the charts and gives it back
 * once they are drawn (`give`); the worker looks at the cell where it reads its clock (every 64
 * bars at the most) and waits while a turn is taken, each turn for at most MAX_TURN_MS, however
 * long the page keeps it (a page in the background draws no frame and would never give it back).
 *
 * One Int32 in shared memory (only on a cross-origin isolated page): a count of the turns taken
 * and given, odd while the page has the turn. Plain JavaScript (Atomics), no DOM or worker API.
 */

export const PAGE_TURN_BYTES = 4;

/** The longest the worker waits for one turn of the page's. */
export const MAX_TURN_MS = 40;

export function makePageTurnBuffer(): SharedArrayBuffer {
  return new SharedArrayBuffer(PAGE_TURN_BYTES);
}

/** The page's side: takes the turn before it draws, gives it back once drawn. */
export class PageTurnGiver {
  private readonly cell: Int32Array;
  constructor(buf: SharedArrayBuffer) {
    this.cell = new Int32Array(buf, 0, 1);
  }
  take(): void {
    if ((Atomics.load(this.cell, 0) & 1) === 0) Atomics.add(this.cell, 0, 1);
  }
  give(): void {
    if ((Atomics.load(this.cell, 0) & 1) === 1) {
      Atomics.add(this.cell, 0, 1);
      Atomics.notify(this.cell, 0);
    }
  }
}

/**
 * The worker's side: `wait()` returns at once unless the page has the turn, else when the page
 * gives it back or MAX_TURN_MS have passed (that turn is then not waited for again). `wait` is
 * `Atomics.wait` (allowed in a worker, not on a page's main thread); tests pass their own.
 */
export function pageTurnWaiter(
  buf: SharedArrayBuffer,
  wait: (cell: Int32Array, value: number, ms: number) => unknown = (c, v, ms) => Atomics.wait(c, 0, v, ms),
): () => void {
  const cell = new Int32Array(buf, 0, 1);
  /** The last turn waited for: a turn the page kept past MAX_TURN_MS is not waited for twice. */
  let waited = 0;
  return () => {
    const turn = Atomics.load(cell, 0);
    if ((turn & 1) === 0 || turn === waited) return;
    waited = turn;
    wait(cell, turn, MAX_TURN_MS);
  };
}
