import type { WorkerMessage } from "../../runtime/protocol";

/**
 * Batches wait at least this long and enter the store together: each store change re-renders the
 * panels and charts, so several batches in one change cost the page one render, not several.
 * Four changes a second still show the run growing (the equity chart redraws no more often than
 * that anyway), and on a 2-core machine what the page draws is taken from the worker's bar loop.
 */
export const FLUSH_MS = 250;

export interface BatchPacer {
  /** Queues a batch; it is applied with the others waiting, when the pace allows. */
  push(msg: WorkerMessage): void;
  /** Applies whatever waits now (before the run's end, so none is lost); false when applying failed. */
  flush(): boolean;
  /** Whether batches wait to be applied. */
  waiting(): boolean;
}

/** When the page has drawn the change just applied (by default, its next frame). */
export type WhenDrawn = (then: () => void) => void;

const nextFrame: WhenDrawn = (then) => requestAnimationFrame(() => then());

/**
 * Paces a run's batches by what the page can draw: after each change the next waits until the
 * page has drawn it (`drawn`: the run controller says when the charts' redraws of it are done),
 * then FLUSH_MS more. On a busy page, whose frames come late, the changes come less often and
 * each carries more, instead of piling renders onto a main thread that is still drawing the last one.
 */
export function batchPacer(apply: (msgs: WorkerMessage[]) => boolean, drawn: WhenDrawn = nextFrame): BatchPacer {
  let queued: WorkerMessage[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** A change was applied and its frame has not come yet. */
  let drawing = false;
  let ended = false;
  /** The batch of the bar loop's end waits: it goes without the pace's wait (see push). */
  let last = false;
  const schedule = () => {
    if (timer === null && !drawing && !ended && queued.length > 0) timer = setTimeout(flush, last ? 0 : FLUSH_MS);
  };
  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const msgs = queued;
    queued = [];
    last = false;
    if (msgs.length === 0) return true;
    drawing = true;
    drawn(() => {
      drawing = false;
      schedule();
    });
    const ok = apply(msgs);
    if (!ok) ended = true;
    return ok;
  };
  return {
    push(msg) {
      queued.push(msg);
      // The bar loop's last batch comes while the worker builds the results, some 50–150 ms before
      // `done`: drawn now (once the change before it is), the finished curve is on screen when
      // `done` comes, and the run's end draws nothing more of it (instead of the curve's last
      // points and the finished run in the frames after `done`).
      if (msg.type === "batch" && msg.barsDone === msg.totalBars && !last) {
        last = true;
        if (timer !== null) clearTimeout(timer);
        timer = null;
      }
      schedule();
    },
    flush,
    waiting: () => queued.length > 0,
  };
}
